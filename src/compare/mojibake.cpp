#include "tosdiff/compare/mojibake.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {
namespace {

// The byte windows-1252 writes `c` as; 0 when it has none. U+0080..U+00FF are their own byte:
// Latin-1, and the C1 controls a decoder passes through for windows-1252's five holes.
unsigned char windows_1252_byte(char32_t c) {
  if (c >= 0x80 && c <= 0xFF) return static_cast<unsigned char>(c);
  switch (c) {
    case 0x20AC: return 0x80; case 0x201A: return 0x82; case 0x0192: return 0x83; case 0x201E: return 0x84;
    case 0x2026: return 0x85; case 0x2020: return 0x86; case 0x2021: return 0x87; case 0x02C6: return 0x88;
    case 0x2030: return 0x89; case 0x0160: return 0x8A; case 0x2039: return 0x8B; case 0x0152: return 0x8C;
    case 0x017D: return 0x8E; case 0x2018: return 0x91; case 0x2019: return 0x92; case 0x201C: return 0x93;
    case 0x201D: return 0x94; case 0x2022: return 0x95; case 0x2013: return 0x96; case 0x2014: return 0x97;
    case 0x02DC: return 0x98; case 0x2122: return 0x99; case 0x0161: return 0x9A; case 0x203A: return 0x9B;
    case 0x0153: return 0x9C; case 0x017E: return 0x9E; case 0x0178: return 0x9F;
    default: return 0;
  }
}

// One UTF-8 character of `text` at `i`: its code point and length (a stray byte is itself).
std::pair<char32_t, std::size_t> character_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > text.size()) return {c, 1};
  char32_t code = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(text[i + k]);
    if ((d & 0xC0) != 0x80) return {c, 1};
    code = (code << 6) | (d & 0x3F);
  }
  return {code, n};
}

// The length of the well-formed multi-byte UTF-8 sequence `bytes` starts with; 0 if none.
std::size_t sequence_length(const std::vector<unsigned char>& bytes, std::size_t i) {
  const unsigned char lead = bytes[i];
  const std::size_t n = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                        : lead >= 0xF0 && lead <= 0xF4                   ? 4
                                                                         : 0;
  if (n == 0 || i + n > bytes.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((bytes[i + k] & 0xC0) != 0x80) return 0;
  // Overlong three-byte forms and surrogates are not what an encoder writes.
  if (lead == 0xE0 && bytes[i + 1] < 0xA0) return 0;
  if (lead == 0xED && bytes[i + 1] >= 0xA0) return 0;
  if (lead == 0xF0 && bytes[i + 1] < 0x90) return 0;
  if (lead == 0xF4 && bytes[i + 1] >= 0x90) return 0;
  return n;
}

}  // namespace

std::string undo_mojibake(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    // A run of characters windows-1252 has a byte for, with where each starts.
    std::vector<unsigned char> bytes;
    std::vector<std::size_t> starts;
    std::size_t j = i;
    while (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x80) {
      const auto [code, length] = character_at(text, j);
      const unsigned char byte = windows_1252_byte(code);
      if (byte == 0) break;
      bytes.push_back(byte);
      starts.push_back(j);
      j += length;
    }
    if (bytes.empty()) {
      const std::size_t length = character_at(text, i).second;
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    starts.push_back(j);
    for (std::size_t k = 0; k < bytes.size();) {
      if (const std::size_t n = sequence_length(bytes, k)) {
        out.append(reinterpret_cast<const char*>(&bytes[k]), n);
        k += n;
      } else {
        out.append(text.substr(starts[k], starts[k + 1] - starts[k]));
        ++k;
      }
    }
    i = j;
  }
  return out;
}

std::string without_stray_nbsp_marks(std::string_view text) {
  static constexpr std::string_view kMark = "\xC3\x82";  // Â
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const bool at_start = i == 0 || text[i - 1] == ' ';
    if (at_start && text.compare(i, kMark.size(), kMark) == 0 &&
        (i + kMark.size() == text.size() || text[i + kMark.size()] == ' ')) {
      i += kMark.size();
      while (i < text.size() && text[i] == ' ') ++i;  // the mark and the spaces after it
      continue;
    }
    out += text[i++];
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace tosdiff
