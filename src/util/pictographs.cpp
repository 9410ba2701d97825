#include "tosdiff/util/pictographs.hpp"

namespace tosdiff {

Glyph glyph_of(char32_t cp) {
  switch (cp) {
    case 0x2713: case 0x2714: case 0x2611: case 0x2705: case 0x1F5F8: return Glyph::check;  // ✓ ✔ ☑ ✅ 🗸
    case 0x2717: case 0x2718: case 0x2612: case 0x274C: case 0x274E: case 0x2716: return Glyph::cross;  // ✗ ✘ ☒ ❌ ❎ ✖
    case 0x1F7E2: case 0x1F7E9: case 0x1F44D: return Glyph::yes_sign;  // 🟢 🟩 👍
    case 0x1F534: case 0x1F7E5: case 0x1F6AB: case 0x26D4: case 0x1F44E: return Glyph::no_sign;  // 🔴 🟥 🚫 ⛔ 👎
    case 0x1F7E1: case 0x1F7E0: case 0x1F7E8: case 0x1F7E7: return Glyph::partial_sign;  // 🟡 🟠 🟨 🟧
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

}  // namespace tosdiff
