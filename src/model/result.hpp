#pragma once
// Result<T>: a value or an Error. Used for per-document outcomes that must not abort a run
// (a failed fetch, a page with no selector match). Configuration errors throw instead.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace tosdiff {

struct Error {
  std::string kind;     // stable, machine-readable: "http_status", "network", "no_match", ...
  std::string message;  // one human sentence, no trailing period needed
};

template <class T>
class Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(state_); }
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace tosdiff
