#include "tosdiff/extract/selector.hpp"

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tosdiff/extract/compiled_selector.hpp"
#include "tosdiff/extract/selector_match.hpp"
#include "tosdiff/extract/selector_parser.hpp"

// The parser is selector_parser.cpp, the matcher and the tree queries selector_match.cpp.

namespace tosdiff {

struct Selector::Compiled {
  std::vector<Complex> list;
};

Result<Selector> Selector::parse(std::string_view text) {
  try {
    Selector selector;
    selector.text_ = std::string(text);
    selector.compiled_ = std::make_unique<Compiled>();
    if (std::optional<Error> error = parse_selector_list(text, selector.compiled_->list)) {
      return std::move(*error);
    }
    return selector;
  } catch (const std::exception& e) {
    // Only allocation can throw here; parse() promises an Error, never an exception.
    return Error{ErrorKind::selector, std::string("cannot parse selector: ") + e.what()};
  }
}

bool Selector::matches(const GumboNode* element) const {
  return compiled_ && matches_any(compiled_->list, element);
}

std::optional<Selector> Selector::with_stable_class_names() const {
  if (!compiled_) return std::nullopt;
  Selector loose(*this);
  bool changed = false;
  for (Complex& complex : loose.compiled_->list) {
    for (Compound& compound : complex.compounds) {
      std::vector<std::string> kept;
      for (std::string& name : compound.classes) {
        if (std::optional<ClassStem> stem = hashed_class(name)) {
          compound.class_stems.push_back(std::move(*stem));
          changed = true;
        } else {
          kept.push_back(std::move(name));
        }
      }
      compound.classes = std::move(kept);
    }
  }
  if (!changed) return std::nullopt;
  return loose;
}

Selector::Selector(const Selector& other)
    : text_(other.text_),
      compiled_(other.compiled_ ? std::make_unique<Compiled>(*other.compiled_) : nullptr) {}

Selector& Selector::operator=(const Selector& other) {
  if (this != &other) *this = Selector(other);
  return *this;
}

Selector::Selector(Selector&&) noexcept = default;
Selector& Selector::operator=(Selector&&) noexcept = default;
Selector::~Selector() = default;

}  // namespace tosdiff
