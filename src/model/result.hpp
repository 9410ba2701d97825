#pragma once
// Result<T>: a value or an Error. Used for per-document outcomes that must not abort a run
// (a failed fetch, a page with no selector match). Configuration errors throw instead.

#include <cassert>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace tosdiff {

// Why a document (or a delivery) failed: a closed set, written in JSON as its name
// (to_string), documented in docs/change-record.md.
enum class ErrorKind {
  // fetching (fetch/fetcher.hpp says when each happens)
  bad_url, file_not_allowed, file, dns, connection_refused, connection_reset, truncated, timeout,
  too_large, redirect, tls, bad_encoding, http_retry_after, network, http_status, interrupted,
  // rendering in a browser
  browser_missing, browser_failed, script, download,
  // what the page turned out to be
  blocked, error_page, empty, no_match, selector, suspicious_shrink, too_complex, time_budget, internal,
  unsupported_content, pdf_encrypted, pdf_broken, pdf_no_text,
  // the archive and the user's commands
  archive, nothing_pending,
  // alert deliveries
  exec, webhook, email,
};

std::string_view to_string(ErrorKind kind);
std::optional<ErrorKind> error_kind_from_string(std::string_view text);
std::ostream& operator<<(std::ostream& out, ErrorKind kind);  // for test messages

struct Error {
  ErrorKind kind = ErrorKind::network;
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
