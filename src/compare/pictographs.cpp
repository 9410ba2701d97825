#include "tosdiff/compare/pictographs.hpp"

#include "tosdiff/util/pictographs.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {

std::string drop_pictographs(std::string_view text) {
  // Every glyph above is three or four bytes from 0xE2 up: text without such a byte is as it is.
  bool any = false;
  for (char c : text) any = any || static_cast<unsigned char>(c) >= 0xE2;
  if (!any) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = at;
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      out += text[at++];
      continue;
    }
    const char32_t cp = next_code_point(text, at);
    Glyph glyph = glyph_of(cp);
    // A light or a hand opening the text is its bullet; after words, a table's value (a red
    // team's find: "Sell your personal data | 🔴" turned 🟢 was no change).
    const bool opens = out.find_first_not_of(" |") == std::string::npos;
    if (glyph == Glyph::yes_sign) glyph = opens ? Glyph::pictograph : Glyph::check;
    if (glyph == Glyph::no_sign) glyph = opens ? Glyph::pictograph : Glyph::cross;
    if (glyph == Glyph::partial_sign) {
      if (opens) {
        glyph = Glyph::pictograph;
      } else {
        out += "\xE2\x97\x90";  // ◐
        continue;
      }
    }
    switch (glyph) {
      case Glyph::other: out.append(text.substr(start, at - start)); break;
      case Glyph::pictograph:
        // With the space after it where it opened the text: "• (a) our affiliates" is "(a) our
        // affiliates", the list's own marker first again (elsewhere the whitespace fold tidies).
        if (out.empty() && at < text.size() && text[at] == ' ') ++at;
        // And the space before it, where punctuation or the end follows: "Conditions →." is
        // "Conditions.", "<here →>" is "<here>".
        if (!out.empty() && out.back() == ' ' &&
            (at == text.size() || std::string_view(".,;:!?)]>").find(text[at]) != std::string_view::npos))
          out.pop_back();
        break;
      case Glyph::check: out += "\xE2\x9C\x93"; break;  // ✓
      case Glyph::cross: out += "\xE2\x9C\x97"; break;  // ✗
      case Glyph::yes_sign: case Glyph::no_sign: case Glyph::partial_sign: break;  // read above
    }
  }
  return out;
}

}  // namespace tosdiff
