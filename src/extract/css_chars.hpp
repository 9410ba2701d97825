#pragma once
// Character classes of CSS syntax and ASCII case folding, for the selector parser and
// matcher (internal to extract/). HTML matching is ASCII case-insensitive only, so
// locale-dependent <cctype> is deliberately avoided. Characters are passed as ints: bytes
// 0..255 (bytes >= 0x80 are name characters), or -1 at the end of the input.

#include <string>
#include <string_view>

namespace tosdiff {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

inline bool is_css_whitespace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
inline bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
inline bool is_name_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
inline bool is_name_char(int c) { return is_name_start(c) || is_digit(c) || c == '-'; }

inline int hex_value(int c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

}  // namespace tosdiff
