#include "tosdiff/extract/line_labels.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool all_of(std::string_view s, std::string_view set) {
  return !s.empty() && s.find_first_not_of(set) == std::string_view::npos;
}

bool is_digits(std::string_view s) { return all_of(s, "0123456789"); }

bool is_label(std::string_view s) {
  if (s.size() == 1) return std::isalpha(static_cast<unsigned char>(s[0])) != 0;
  return s.size() <= 5 && (all_of(s, "ivxlc") || all_of(s, "IVXLC"));
}

// Lowercase roman numerals as front matter is numbered, i to cc; "civil" or "mix" are words.
bool is_roman_numeral(std::string_view t) {
  if (t.empty() || t.size() > 8 || !all_of(t, "ivxlc")) return false;
  static constexpr std::array<std::pair<int, std::string_view>, 9> digits{
      {{100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  for (int n = 1; n <= 200; ++n) {
    std::string roman;
    int rest = n;
    for (const auto& [value, letters] : digits)
      for (; rest >= value; rest -= value) roman += letters;
    if (roman == t) return true;
  }
  return false;
}

}  // namespace

ListMarker parse_list_marker(std::string_view text) {
  // Strong bullets: nothing else starts a line with them, even without a space after.
  static constexpr std::array<std::string_view, 19> bullets{
      "\u2022", "\u25E6", "\u25AA", "\u25AB", "\u25CF", "\u25CB", "\u25A0", "\u25A1", "\u2023", "\u2043",
      "\u2219", "\u00B7", "\u27A2", "\u27A4", "\u25BA", "\u25B6", "\u2713", "\u2714", "\u2756"};
  for (std::string_view b : bullets) {
    if (starts_with(text, b) && text.size() > b.size()) {
      std::size_t len = b.size();
      while (len < text.size() && text[len] == ' ') ++len;
      if (len < text.size()) return {ListMarkerKind::bullet, len, {}};
    }
  }
  // Dashes and asterisks also start wrapped lines of running text ("the Service - and"), so
  // they only mark a list when the layout agrees (weak).
  static constexpr std::array<std::string_view, 4> weak{"-", "*", "\u2013", "\u2014"};
  for (std::string_view b : weak)
    if (starts_with(text, b) && text.size() > b.size() + 1 && text[b.size()] == ' ')
      return {ListMarkerKind::weak_bullet, b.size() + 1, {}};

  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || space + 1 >= text.size()) return {};
  const std::string_view word = text.substr(0, space);
  std::size_t len = space;
  while (len < text.size() && text[len] == ' ') ++len;
  if (word.size() >= 2 && (word.back() == '.' || word.back() == ')')) {
    const bool paren = word.front() == '(' && word.back() == ')';
    const std::string_view inner = word.substr(paren ? 1 : 0, word.size() - (paren ? 2 : 1));
    if (inner.size() <= 3 && is_digits(inner)) return {ListMarkerKind::number, len, std::string(inner)};
    if (is_label(inner)) return {ListMarkerKind::label, len, {}};
  }
  return {};
}

bool is_marker_only(std::string_view text) {
  return !text.empty() && text.find(' ') == std::string_view::npos &&
         parse_list_marker(std::string(text) + " x").kind != ListMarkerKind::none;
}

int section_depth(std::string_view text) {
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || space + 1 >= text.size()) return 0;
  std::string_view word = text.substr(0, space);
  const std::string lower = ascii_lower(word);
  static constexpr std::array<std::string_view, 11> names{"article", "section",  "chapter", "part",
                                                          "clause",  "schedule", "annex",   "appendix",
                                                          "exhibit", "artikel",  "\u00A7"};
  if (std::find(names.begin(), names.end(), lower) != names.end()) {
    std::string_view next = text.substr(space + 1);
    next = next.substr(0, next.find(' '));
    while (!next.empty() && (next.back() == '.' || next.back() == ':')) next.remove_suffix(1);
    return is_digits(next) || all_of(next, "IVXLC") ||
                   (next.size() == 1 && std::isupper(static_cast<unsigned char>(next[0])))
               ? 1
               : 0;
  }
  if (word.size() >= 2 && word.back() == '.' && all_of(word.substr(0, word.size() - 1), "IVXLC")) return 1;
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.empty() || word.front() == '.' || word.find("..") != std::string_view::npos) return 0;
  int depth = 0;
  std::size_t start = 0;
  while (start <= word.size()) {
    const std::size_t dot = std::min(word.find('.', start), word.size());
    const std::string_view part = word.substr(start, dot - start);
    if (part.size() > 3 || !is_digits(part)) return 0;
    ++depth;
    start = dot + 1;
  }
  return depth;
}

bool is_page_number(std::string_view text) {
  // Lowercase, en and em dashes as hyphens, then the decoration around the number trimmed.
  std::string t;
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    if (starts_with(rest, "\u2013") || starts_with(rest, "\u2014")) {
      t += '-';
      i += 3;
    } else {
      t += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
    }
  }
  constexpr std::string_view decoration = " -()[]|";
  const std::size_t first = t.find_first_not_of(decoration);
  if (first == std::string::npos) return false;
  t = t.substr(first, t.find_last_not_of(decoration) - first + 1);
  if (is_roman_numeral(t)) return true;
  std::string_view rest = t;
  for (std::string_view word : {"page ", "pages ", "pg. ", "pg ", "p. ", "p ", "seite ", "p\u00E1gina ", "pagina "}) {
    if (starts_with(rest, word)) {
      rest.remove_prefix(word.size());
      break;
    }
  }
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  std::size_t digits = 0;
  while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
  if (digits == 0 || digits > 5) return false;
  rest.remove_prefix(digits);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty()) return true;
  for (std::string_view of : {"of ", "/ ", "/", "de ", "sur ", "von ", "di "}) {
    if (starts_with(rest, of)) {
      rest.remove_prefix(of.size());
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      return !rest.empty() && rest.size() <= 5 && is_digits(rest);
    }
  }
  return false;
}

}  // namespace tosdiff
