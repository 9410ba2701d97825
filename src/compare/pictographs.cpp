#include "tosdiff/compare/pictographs.hpp"

#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

enum class Glyph { other, pictograph, check, cross };

Glyph glyph_of(char32_t cp) {
  switch (cp) {
    case 0x2713: case 0x2714: case 0x2611: case 0x2705: case 0x1F5F8: return Glyph::check;  // ✓ ✔ ☑ ✅ 🗸
    case 0x2717: case 0x2718: case 0x2612: case 0x274C: case 0x274E: case 0x2716: return Glyph::cross;  // ✗ ✘ ☒ ❌ ❎ ✖
    case 0x2022: case 0x2023: case 0x2043: case 0x200D: case 0xFE0E: case 0xFE0F: case 0x20E3:
      return Glyph::pictograph;  // bullets, the joiner and selectors that build emoji, the keycap
    default: break;
  }
  const bool pictographic = (cp >= 0x2190 && cp <= 0x21FF) ||   // arrows
                            (cp >= 0x2300 && cp <= 0x23FF) ||   // technical symbols (⌘, ⏱)
                            (cp >= 0x25A0 && cp <= 0x25FF) ||   // geometric shapes (▶, ●, ◦)
                            (cp >= 0x2600 && cp <= 0x27BF) ||   // symbols and dingbats (★, ☎)
                            (cp >= 0x2B00 && cp <= 0x2BFF) ||   // symbols and arrows (⬇, ⭐)
                            (cp >= 0x1F000 && cp <= 0x1FAFF);  // emoji, pictographs
  return pictographic ? Glyph::pictograph : Glyph::other;
}

}  // namespace

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
    switch (glyph_of(cp)) {
      case Glyph::other: out.append(text.substr(start, at - start)); break;
      case Glyph::pictograph:
        // With the space after it where it opened the text: "• (a) our affiliates" is "(a) our
        // affiliates", the list's own marker first again (elsewhere the whitespace fold tidies).
        if (out.empty() && at < text.size() && text[at] == ' ') ++at;
        break;
      case Glyph::check: out += "\xE2\x9C\x93"; break;  // ✓
      case Glyph::cross: out += "\xE2\x9C\x97"; break;  // ✗
    }
  }
  return out;
}

}  // namespace tosdiff
