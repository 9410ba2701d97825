#include "tosdiff/util/case_fold.hpp"

#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {

char32_t small_letter(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;  // Latin-1, but the × sign
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A pairs each capital with the small letter after it, in three runs whose
    // capitals sit on even, then odd, then even code points; İ (U+0130) and ı (U+0131) have
    // no pair of their own, ĸ (U+0138) and ŉ (U+0149) no capital, Ÿ's small letter is Latin-1's.
    if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    if (cp == 0x178) return 0xFF;
    const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return (cp % 2 == 1) == odd_capitals ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;                   // Cyrillic А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;                   // Cyrillic Ѐ..Џ
  return cp;
}

std::string fold_letter_case(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t at = 0;
  while (at < utf8.size()) {
    const unsigned char c = static_cast<unsigned char>(utf8[at]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 0x20 : c);
      ++at;
      continue;
    }
    const std::size_t start = at;
    const char32_t cp = next_code_point(utf8, at);
    if (cp == 0xDF || cp == 0x1E9E) {
      out += "ss";
    } else if (cp == 0xFFFD) {
      out.append(utf8.substr(start, at - start));  // as written: the bytes, not a replacement
    } else if (const char32_t small = small_letter(cp); small != cp) {
      append_utf8(out, small);
    } else {
      out.append(utf8.substr(start, at - start));
    }
  }
  return out;
}

}  // namespace tosdiff
