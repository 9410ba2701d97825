#pragma once
// Type-checked reads of parsed JSON for the files tosdiff reads back (index, change
// records, outbox entries, configuration). nlohmann's `value()` converts a float to an
// integer with a plain cast, which is undefined behaviour when it is out of range (1e300
// as a count), and throws its own terse exceptions on other mismatches. These helpers
// accept exactly the JSON type a field must have, treat a missing or null field as absent,
// and throw JsonFieldError naming the field otherwise. The caller adds the file's name.

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

class JsonFieldError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace json_fields_detail {
inline std::string quoted(std::string_view key) { return "field \"" + std::string(key) + "\""; }
}  // namespace json_fields_detail

// The object itself, checked (`what` names it in the error).
template <class Json>
const Json& as_object(const Json& j, std::string_view what) {
  if (!j.is_object()) throw JsonFieldError(std::string(what) + " is not a JSON object");
  return j;
}

// The field, or nullptr when missing or null.
template <class Json>
const Json* field(const Json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return nullptr;
  return &*it;
}

template <class Json>
std::string string_field(const Json& j, std::string_view key, std::string fallback = {}) {
  const Json* f = field(j, key);
  if (!f) return fallback;
  if (!f->is_string()) throw JsonFieldError(json_fields_detail::quoted(key) + " is not a string");
  return f->template get<std::string>();
}

template <class Json>
std::string required_string(const Json& j, std::string_view key) {
  if (!field(j, key)) throw JsonFieldError(json_fields_detail::quoted(key) + " is missing");
  return string_field(j, key);
}

template <class Json>
bool bool_field(const Json& j, std::string_view key, bool fallback = false) {
  const Json* f = field(j, key);
  if (!f) return fallback;
  if (!f->is_boolean()) throw JsonFieldError(json_fields_detail::quoted(key) + " is not true or false");
  return f->template get<bool>();
}

// A whole non-negative number up to `max`.
template <class Json>
std::uint64_t count_field(const Json& j, std::string_view key, std::uint64_t fallback = 0,
                          std::uint64_t max = std::numeric_limits<std::int64_t>::max()) {
  const Json* f = field(j, key);
  if (!f) return fallback;
  if (!f->is_number_unsigned() && !(f->is_number_integer() && f->template get<std::int64_t>() >= 0))
    throw JsonFieldError(json_fields_detail::quoted(key) + " is not a whole number >= 0");
  const auto value = f->template get<std::uint64_t>();
  if (value > max) throw JsonFieldError(json_fields_detail::quoted(key) + " is over " + std::to_string(max));
  return value;
}

// A whole number in [min, max].
template <class Json>
std::int64_t integer_field(const Json& j, std::string_view key, std::int64_t fallback, std::int64_t min,
                           std::int64_t max) {
  const Json* f = field(j, key);
  if (!f) return fallback;
  if (!f->is_number_integer() || (f->is_number_unsigned() && f->template get<std::uint64_t>() >
                                                                  static_cast<std::uint64_t>(max)))
    throw JsonFieldError(json_fields_detail::quoted(key) + " is not a whole number");
  const auto value = f->template get<std::int64_t>();
  if (value < min || value > max)
    throw JsonFieldError(json_fields_detail::quoted(key) + " is not in [" + std::to_string(min) + ", " +
                         std::to_string(max) + "]");
  return value;
}

// A finite number in [min, max] (integers accepted).
template <class Json>
double number_field(const Json& j, std::string_view key, double fallback, double min, double max) {
  const Json* f = field(j, key);
  if (!f) return fallback;
  if (!f->is_number()) throw JsonFieldError(json_fields_detail::quoted(key) + " is not a number");
  const double value = f->template get<double>();
  if (!(value >= min && value <= max))  // also false for NaN
    throw JsonFieldError(json_fields_detail::quoted(key) + " is not in [" + std::to_string(min) + ", " +
                         std::to_string(max) + "]");
  return value;
}

template <class Json>
std::vector<std::string> strings_field(const Json& j, std::string_view key) {
  std::vector<std::string> out;
  const Json* f = field(j, key);
  if (!f) return out;
  if (!f->is_array()) throw JsonFieldError(json_fields_detail::quoted(key) + " is not a list");
  for (const auto& e : *f) {
    if (!e.is_string()) throw JsonFieldError(json_fields_detail::quoted(key) + " holds something else than strings");
    out.push_back(e.template get<std::string>());
  }
  return out;
}

// The list, or an empty one when the field is absent.
template <class Json>
const Json& array_field(const Json& j, std::string_view key) {
  static const Json empty = Json::array();
  const Json* f = field(j, key);
  if (!f) return empty;
  if (!f->is_array()) throw JsonFieldError(json_fields_detail::quoted(key) + " is not a list");
  return *f;
}

// The object, or an empty one when the field is absent.
template <class Json>
const Json& object_field(const Json& j, std::string_view key) {
  static const Json empty = Json::object();
  const Json* f = field(j, key);
  if (!f) return empty;
  if (!f->is_object()) throw JsonFieldError(json_fields_detail::quoted(key) + " is not an object");
  return *f;
}

}  // namespace tosdiff
