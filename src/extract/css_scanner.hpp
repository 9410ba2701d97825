#pragma once
// Reading a selector's text by CSS Syntax 3's rules (internal to extract/): whitespace,
// identifiers and strings with their escapes, one character of lookahead at a time; and the
// first error, worded for the user ("unterminated string at offset 7 in '...'").
// The selector parser is built on it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "tosdiff/model/result.hpp"

namespace tosdiff {

class CssScanner {
 protected:
  static constexpr int kEof = -1;

  explicit CssScanner(std::string_view text) : text_(text) {}

  // The byte `ahead` places after the position (0..255), or kEof past the end.
  int peek(std::size_t ahead = 0) const {
    std::size_t p = pos_ + ahead;
    return p < text_.size() ? static_cast<unsigned char>(text_[p]) : kEof;
  }

  // Skips CSS whitespace; true when there was some.
  bool skip_ws();

  // Keep the first error only (the later ones are its consequences) and return false, so a
  // failing routine can `return fail(...)`. fail_at() names an offset in the text.
  bool fail(std::string what);
  bool fail_at(std::string what, std::size_t offset);
  // "unexpected 'x' at offset N" for the character at the position.
  bool fail_unexpected();
  // Names the character at the position: "'x'", "byte 0x07" or "end of selector".
  std::string describe_current() const;

  // True when a backslash `ahead` places on starts an escape (a backslash at the very end
  // counts, so that consume_escape() reports it).
  bool valid_escape_at(std::size_t ahead) const;
  // True when an identifier starts at the position.
  bool starts_ident() const;
  // Each consumes at the position and appends to `out`; false (with the error set) on
  // malformed input. consume_escape() starts at a backslash; consume_ident() wants
  // starts_ident() checked first and gives the unescaped name in its original case;
  // consume_string() starts at the opening quote and consumes the closing one; the end of
  // the text closes a string (CSS Syntax 3: "img[src^='data:" is "img[src^='data:']").
  bool consume_escape(std::string& out);
  bool consume_ident(std::string& out);
  bool consume_string(std::string& out);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::optional<Error> error_;  // the first failure wins; later ones are consequences
};

}  // namespace tosdiff
