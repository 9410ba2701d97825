#include "tosdiff/model/copyright_line.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool is_year_at(const std::string& text, std::size_t i) {
  return i + 4 <= text.size() && (text.compare(i, 2, "19") == 0 || text.compare(i, 2, "20") == 0) &&
         is_ascii_digit(text[i + 2]) && is_ascii_digit(text[i + 3]);
}

constexpr std::size_t kCopyrightMaxWords = 12;
// With a trademark notice: "© 2021 Canonical Ltd. Ubuntu and Canonical are registered
// trademarks of Canonical Ltd." (13 words; contrib replay: an operating system's policies, the
// year turning every January).
constexpr std::size_t kCopyrightWithTrademarksMaxWords = 20;

bool is_copyright_with_trademarks(std::string_view block_text) {
  if (!is_copyright_text(block_text, kCopyrightWithTrademarksMaxWords)) return false;
  const std::string lower = ascii_lower(block_text);
  return lower.find("trademark") != std::string::npos || lower.find("marque") != std::string::npos ||
         lower.find("marke") != std::string::npos;
}

// The block without the bars a footer puts between its links ("© 2025 Lumen Inc. All rights
// reserved. Privacy Policy | Legal | Contact Us |", contrib replay: a publisher's policy, the
// year turning): they are no words of the copyright line.
std::string without_bars(std::string_view block_text) {
  std::string out;
  for (const std::string& word : space_separated_words(block_text))
    if (word != "|" && word != "\xC2\xB7" && word != "\xE2\x80\xA2") (out += word) += ' ';
  return out;
}

// The owner's name before the mark: "Lumen AI © 2015–2026", "Lumen © 2026. All rights reserved.",
// and a brand's line naming its company after the years: "XFINITY © 2013 Comcast" (contrib
// replay: a cable operator's privacy policy, the year turning every January).
constexpr std::size_t kCopyrightOwnerWords = 4;

bool is_year_span_word(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return is_ascii_digit(c) || c == '-' || c == '.' || c == ',';
  });
}

bool is_owner_first_copyright(std::string_view block_text) {
  const std::size_t mark = block_text.find("\xC2\xA9");
  if (mark == std::string_view::npos || mark == 0) return false;
  const std::string_view owner = trim(block_text.substr(0, mark));
  if (owner.empty() || count_space_separated_words(owner) > kCopyrightOwnerWords) return false;
  if (owner.back() == '.' || owner.back() == ';' || owner.back() == ':') return false;
  // After the mark its years, "All rights reserved", and at most the company's name in
  // capitals after the years: nothing that says something.
  std::string rest(block_text.substr(mark + 2));
  if (const std::size_t reserved = ascii_lower(rest).find("all rights reserved"); reserved != std::string::npos)
    rest.erase(reserved, 19);
  if (const std::size_t dash = rest.find("\xE2\x80\x93"); dash != std::string::npos) rest.replace(dash, 3, "-");
  bool year = false;
  std::size_t named = 0;
  for (const std::string& word : space_separated_words(rest)) {
    if (is_year_span_word(word)) {
      if (named > 0) return false;
      for (std::size_t i = 0; i + 4 <= word.size() && !year; ++i)
        year = all_ascii_digits(std::string_view(word).substr(i, 4));
      continue;
    }
    if (!year || ++named > kCopyrightOwnerWords || !is_ascii_upper(word[0])) return false;
  }
  return year;
}

}  // namespace

bool is_copyright_text(std::string_view raw, std::size_t max_words) {
  const std::string text = ascii_lower(trim(raw));
  if (text.empty() || count_space_separated_words(text) > max_words) return false;
  bool has_year = false;
  for (std::size_t i = 0; i + 4 <= text.size() && !has_year; ++i)
    has_year = is_year_at(text, i) && (i == 0 || !is_ascii_digit(text[i - 1])) &&
               (i + 4 == text.size() || !is_ascii_digit(text[i + 4]));
  const bool c_year = text.rfind("(c)", 0) == 0 && [&] {
    std::size_t i = 3;
    while (i < text.size() && text[i] == ' ') ++i;
    return is_year_at(text, i);
  }();
  // "Copyright 2026 Lumen": the year right after the word (or after "(c)"). "Copyright claims
  // filed after January 2025 are handled only through the form below." is a copyright policy's
  // sentence, which the extractor would otherwise drop as the footer's line (a review's find).
  const bool copyright_year = text.rfind("copyright ", 0) == 0 && [&] {
    std::size_t i = 10;
    while (i < text.size() && text[i] == ' ') ++i;
    if (text.compare(i, 3, "(c)") == 0) i += 3;
    while (i < text.size() && text[i] == ' ') ++i;
    return is_year_at(text, i);
  }();
  const bool marked = text.rfind("\xC2\xA9", 0) == 0 || c_year || text.rfind("copyright \xC2\xA9", 0) == 0 || copyright_year;
  const bool reserved = text.find("all rights reserved") != std::string::npos ||
                        text.find("tous droits r") != std::string::npos ||
                        text.find("alle rechte vorbehalten") != std::string::npos ||
                        text.find("todos los derechos reservados") != std::string::npos;
  return marked || (reserved && has_year);
}

bool is_footer_copyright(std::string_view block_text) {
  return is_copyright_text(without_bars(block_text), kCopyrightMaxWords) || is_copyright_with_trademarks(block_text) ||
         is_owner_first_copyright(block_text);
}

}  // namespace tosdiff
