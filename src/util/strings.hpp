#pragma once
// Small string helpers shared by the modules (ASCII only: HTML names, URLs and the markers
// tosdiff looks for are ASCII).

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

// Character classes without the locale (std::isalpha and friends read it).
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
// An ASCII letter or any byte of a UTF-8 sequence (a letter of another alphabet, mostly).
constexpr bool is_letter_byte(char c) { return is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80; }
inline bool all_ascii_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_ascii_digit);
}

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The runs of anything but `separator`, empty ones left out ("a//b" is "a", "b").
inline std::vector<std::string> nonempty_parts(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// The words themselves: the runs of anything but ' '.
inline std::vector<std::string> space_separated_words(std::string_view text) { return nonempty_parts(text, ' '); }

// `text` equals `lower` (ASCII lower case) but for the case of its ASCII letters; nothing
// allocated (for hot paths: every word of every comparison key).
inline bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != lower[i]) return false;
  }
  return true;
}

// Whether `text` holds `lower` (ASCII lower case) but for the case of its ASCII letters; nothing
// allocated (a fold's first look, on every text compared).
inline bool contains_ignoring_case(std::string_view text, std::string_view lower) {
  if (lower.empty()) return true;
  for (std::size_t at = 0; at + lower.size() <= text.size(); ++at)
    if (equals_ignoring_case(text.substr(at, lower.size()), lower)) return true;
  return false;
}

// `word` without the ASCII punctuation at its ends ("April," → "April", "(2019)" → "2019").
inline std::string_view trim_ascii_punctuation(std::string_view word) {
  while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.front()))) word.remove_prefix(1);
  while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back()))) word.remove_suffix(1);
  return word;
}

// Words of a text whose words are separated by single spaces (a normalized block, a line):
// runs of anything but ' '.
inline std::size_t count_space_separated_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

inline bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return haystack.find(n) != std::string_view::npos; });
}

// The parts with `separator` between them.
inline std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

// HTML's "ASCII whitespace" (tab, LF, FF, CR, space): what the HTML and Encoding standards skip
// between attributes, in a meta charset's label and before a document's first tag.
constexpr bool is_html_space(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }

// A count with its noun: "1 platform", "2 platforms", "1 leftover of an interrupted run" /
// "2 leftovers of interrupted runs". `many` defaults to `one` + "s".
inline std::string counted(std::size_t n, std::string_view one, std::string_view many = {}) {
  std::string out = std::to_string(n) + " ";
  if (n == 1) return out.append(one);
  return many.empty() ? out.append(one).append("s") : out.append(many);
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Appends the UTF-8 encoding of a code point (the caller passes a valid scalar value).
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A URL as messages may show it: a password in its user part masked
// ("smtp://bob:secret@host" -> "smtp://bob:***@host"). The rest is left as written.
inline std::string masked_url(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const std::size_t authority_end = std::min(url.find_first_of("/?#", scheme + 3), url.size());
  const std::size_t at = url.rfind('@', authority_end == url.size() ? std::string_view::npos : authority_end);
  if (at == std::string_view::npos || at < scheme + 3) return std::string(url);
  const std::size_t colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace tosdiff
