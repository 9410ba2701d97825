#include "tosdiff/extract/css_scanner.hpp"

#include <cstdint>
#include <utility>

#include "tosdiff/extract/css_chars.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {

bool CssScanner::skip_ws() {
  std::size_t start = pos_;
  while (is_css_whitespace(peek())) ++pos_;
  return pos_ != start;
}

bool CssScanner::fail(std::string what) {
  if (!error_) {
    error_ = Error{ErrorKind::selector, what + " in '" + std::string(text_) + "'"};
  }
  return false;
}

bool CssScanner::fail_at(std::string what, std::size_t offset) {
  return fail(std::move(what) + " at offset " + std::to_string(offset));
}

// Names the character at pos_ for "unexpected ..." messages, so control bytes stay
// readable in logs.
std::string CssScanner::describe_current() const {
  int c = peek();
  if (c == kEof) return "end of selector";
  if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  static const char kDigits[] = "0123456789ABCDEF";
  return std::string("byte 0x") + kDigits[(c >> 4) & 0xF] + kDigits[c & 0xF];
}

bool CssScanner::fail_unexpected() { return fail_at("unexpected " + describe_current(), pos_); }

// CSS Syntax 3, "check if two code points are a valid escape". A backslash at the end is
// accepted here so that consume_escape() can report it precisely.
bool CssScanner::valid_escape_at(std::size_t ahead) const {
  if (peek(ahead) != '\\') return false;
  int next = peek(ahead + 1);
  return next != '\n' && next != '\r' && next != '\f';
}

bool CssScanner::starts_ident() const {
  int c = peek();
  if (c == '-') {
    int c2 = peek(1);
    return c2 == '-' || is_name_start(c2) || valid_escape_at(1);
  }
  return is_name_start(c) || valid_escape_at(0);
}

bool CssScanner::consume_escape(std::string& out) {
  std::size_t start = pos_;
  ++pos_;  // the backslash
  int c = peek();
  if (c == kEof) return fail_at("incomplete escape", start);
  if (!is_hex(c)) {
    // Non-ASCII escapes copy the lead byte; its continuation bytes are name characters
    // (>= 0x80) or plain string bytes, so they follow unchanged.
    out += static_cast<char>(c);
    ++pos_;
    return true;
  }
  std::uint32_t cp = 0;
  for (int digits = 0; digits < 6 && is_hex(peek()); ++digits) {
    cp = cp * 16 + static_cast<std::uint32_t>(hex_value(peek()));
    ++pos_;
  }
  if (peek() == '\r' && peek(1) == '\n') {
    pos_ += 2;
  } else if (is_css_whitespace(peek())) {
    ++pos_;
  }
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  append_utf8(out, cp);
  return true;
}

bool CssScanner::consume_ident(std::string& out) {
  while (true) {
    int c = peek();
    if (is_name_char(c)) {
      out += static_cast<char>(c);
      ++pos_;
    } else if (valid_escape_at(0)) {
      if (!consume_escape(out)) return false;
    } else {
      return true;
    }
  }
}

bool CssScanner::consume_string(std::string& out) {
  const int quote = peek();
  ++pos_;
  while (true) {
    int c = peek();
    // CSS Syntax 3 (4.3.5): the end of the input closes an open string (a parse error that
    // does not invalidate the selector); browsers and nwsapi, Open Terms Archive's engine,
    // accept "a[href^='https://example" as "a[href^='https://example']".
    if (c == kEof) return true;
    if (c == quote) {
      ++pos_;
      return true;
    }
    if (c == '\n' || c == '\r' || c == '\f') return fail_at("unescaped newline in string", pos_);
    if (c != '\\') {
      out += static_cast<char>(c);
      ++pos_;
      continue;
    }
    int next = peek(1);
    if (next == kEof) {  // a backslash at the end of a string does nothing (4.3.5)
      ++pos_;
      return true;
    }
    if (next == '\n' || next == '\f') {
      pos_ += 2;  // an escaped newline is a line continuation
    } else if (next == '\r') {
      pos_ += peek(2) == '\n' ? 3 : 2;
    } else if (!consume_escape(out)) {
      return false;
    }
  }
}

}  // namespace tosdiff
