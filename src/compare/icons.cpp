// An icon drawn as text (page_controls.hpp): apart from the page's controls because the bytes
// of pictographs and the counters beside them are a matter of their own.
#include "tosdiff/compare/page_controls.hpp"

#include <set>
#include <string_view>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {

bool is_icon(std::string_view block_text) {
  // Pictographs (U+1F000..U+1FFFF: F0 9F ...), U+2139 "ℹ", the miscellaneous symbols and
  // dingbats (U+2600..U+27BF: E2 98..9E ...), an icon font's glyphs (the private-use area), with
  // their variation selector and joiner.
  // Beside them, one counter written with its plus sign, as a widget counts its votes (contrib
  // replay: a tutorial site's star button, "\xE2\x98\x85 +1"), when every pictograph is a vote's
  // or a reaction's: "\xF0\x9F\x94\x9E +18" is an age limit and a calendar's "+30" a notice period
  // (a review's finds); a number alone may be a phone's or an article's.
  static const std::set<std::string_view> kReactions = {
      "\xE2\x98\x85", "\xE2\x98\x86", "\xE2\x9D\xA4", "\xE2\x99\xA5", "\xF0\x9F\x91\x8D", "\xF0\x9F\x91\x8F",
      "\xF0\x9F\x92\xAC", "\xF0\x9F\x91\x81", "\xF0\x9F\x94\xA5", "\xF0\x9F\x92\x9C", "\xF0\x9F\x92\x99"};
  bool icon = false, counter = false, only_reactions = true;
  for (std::size_t i = 0; i < block_text.size();) {
    const auto c = static_cast<unsigned char>(block_text[i]);
    auto at = [&](std::size_t k) { return i + k < block_text.size() ? static_cast<unsigned char>(block_text[i + k]) : 0u; };
    if (c == ' ') {
      ++i;
    } else if (c == '+' && !counter && (i == 0 || block_text[i - 1] == ' ') && is_ascii_digit(static_cast<char>(at(1)))) {
      constexpr std::size_t kCounterMaxDigits = 4;
      std::size_t digits = 0;
      while (is_ascii_digit(static_cast<char>(at(1 + digits)))) ++digits;
      if (digits > kCounterMaxDigits || (at(1 + digits) != 0 && at(1 + digits) != ' ')) return false;
      counter = true;
      i += 1 + digits;
    } else if (c == 0xF0 && at(1) == 0x9F && i + 3 < block_text.size()) {
      icon = true;
      only_reactions = only_reactions && kReactions.count(block_text.substr(i, 4)) > 0;
      i += 4;
    } else if (c == 0xE2 && ((at(1) == 0x84 && at(2) == 0xB9) || (at(1) >= 0x98 && at(1) <= 0x9E))) {
      icon = true;
      only_reactions = only_reactions && kReactions.count(block_text.substr(i, 3)) > 0;
      i += 3;
    } else if (((c == 0xEE && at(1) >= 0x80) || (c == 0xEF && at(1) >= 0x80 && at(1) <= 0xA3)) && at(2) >= 0x80) {
      icon = true;  // a private-use character: an icon font's glyph (U+E000..U+F8FF)
      only_reactions = false;
      i += 3;
    } else if ((c == 0xEF && at(1) == 0xB8 && at(2) == 0x8F) || (c == 0xE2 && at(1) == 0x80 && at(2) == 0x8D)) {
      i += 3;  // U+FE0F, U+200D
    } else {
      return false;
    }
  }
  return icon && (!counter || only_reactions);
}

bool shows_yes_or_no(std::string_view block_text) {
  // ✓ ✔ ✗ ✘ ✅ ❌ ❎ ☐ ☑ ☒ ⛔ 🚫, and the green and red circles a grid colours its answers with.
  static const std::string_view kMarks[] = {"\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x9C\x97", "\xE2\x9C\x98",
                                            "\xE2\x9C\x85", "\xE2\x9D\x8C", "\xE2\x9D\x8E", "\xE2\x98\x90",
                                            "\xE2\x98\x91", "\xE2\x98\x92", "\xE2\x9B\x94", "\xF0\x9F\x9A\xAB",
                                            "\xF0\x9F\x9F\xA2", "\xF0\x9F\x94\xB4"};
  for (std::string_view mark : kMarks)
    if (block_text.find(mark) != std::string_view::npos) return true;
  return false;
}

}  // namespace tosdiff
