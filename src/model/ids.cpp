#include "tosdiff/model/ids.hpp"

#include <algorithm>
#include <cstdint>

#include "tosdiff/util/sha256.hpp"

namespace tosdiff {
namespace {

// U+00C0..U+017F (Latin-1 Supplement letters, Latin Extended-A), lowercase ASCII spelling:
// the base letter of a decomposable letter (NFD's first character), and the usual spelling
// of the letters that do not decompose (æ ae, ð d, ø o, þ th, ß ss, đ d, ħ h, ı i, ĳ ij,
// ĸ k, ŀ l, ł l, ŋ n, œ oe, ŧ t, ſ s). nullptr: not a letter (× and ÷), a separator.
constexpr const char* kLatin[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",        // U+00C0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",   // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",        // U+00E0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",    // U+00F0
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",         // U+0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",         // U+0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",         // U+0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",       // U+0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",         // U+0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",       // U+0150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",         // U+0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",         // U+0170
};

// U+0400..U+045F, Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian letters), a
// simple BGN/PCGN-like romanization. "" drops the letter (the hard and soft signs).
constexpr const char* kCyrillicUpper[] = {  // U+0400..U+040F; U+0450..U+045F are their lowercase
    "e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz"};
constexpr const char* kCyrillicBasic[] = {  // U+0410..U+042F; U+0430..U+044F are their lowercase
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};

// U+0391..U+03A9 (capitals; U+03B1..U+03C9 are their lowercase, with ς at U+03C2), modern
// Greek romanization (ELOT 743, simplified).
constexpr const char* kGreek[] = {
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p",
    "r", "s", "s", "t", "y", "f", "ch", "ps", "o"};

// The ASCII spelling of code point `c` above U+007F; nullptr when it has none (a separator),
// "" when it is dropped without separating (combining marks, Cyrillic hard and soft signs).
const char* transliterate(std::uint32_t c) {
  if (c >= 0xC0 && c <= 0x17F) return kLatin[c - 0xC0];
  if (c >= 0x300 && c <= 0x36F) return "";  // combining diacritics: "e\u0301" is "e"
  switch (c) {  // Latin Extended-B letters of current languages (Romanian, Vietnamese, ...)
    case 0x180: case 0x183: case 0x182: return "b";
    case 0x189: case 0x18A: return "d";
    case 0x191: case 0x192: return "f";
    case 0x197: case 0x1CF: case 0x1D0: return "i";
    case 0x1A0: case 0x1A1: case 0x1D1: case 0x1D2: case 0x1EA: case 0x1EB: return "o";
    case 0x1AF: case 0x1B0: case 0x1D3: case 0x1D4: case 0x1D5: case 0x1D6: case 0x1D7: case 0x1D8:
    case 0x1D9: case 0x1DA: case 0x1DB: case 0x1DC: return "u";
    case 0x1B5: case 0x1B6: return "z";
    case 0x1CD: case 0x1CE: case 0x1FA: case 0x1FB: return "a";
    case 0x1E2: case 0x1E3: case 0x1FC: case 0x1FD: return "ae";
    case 0x1E6: case 0x1E7: return "g";
    case 0x1E8: case 0x1E9: return "k";
    case 0x1F8: case 0x1F9: return "n";
    case 0x1FE: case 0x1FF: return "o";
    case 0x218: case 0x219: return "s";
    case 0x21A: case 0x21B: return "t";
    case 0x490: case 0x491: return "g";  // Ukrainian ghe with upturn
    case 0x386: case 0x3AC: return "a";  // Greek with tonos / dialytika
    case 0x388: case 0x3AD: return "e";
    case 0x389: case 0x3AE: case 0x38A: case 0x3AF: case 0x390: case 0x3AA: case 0x3CA: return "i";
    case 0x38C: case 0x3CC: case 0x38F: case 0x3CE: return "o";
    case 0x38E: case 0x3CD: case 0x3B0: case 0x3AB: case 0x3CB: return "y";
    case 0x1E9E: return "ss";  // capital sharp s
    default: break;
  }
  if (c >= 0x400 && c <= 0x40F) return kCyrillicUpper[c - 0x400];
  if (c >= 0x450 && c <= 0x45F) return kCyrillicUpper[c - 0x450];
  if (c >= 0x410 && c <= 0x42F) return kCyrillicBasic[c - 0x410];
  if (c >= 0x430 && c <= 0x44F) return kCyrillicBasic[c - 0x430];
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return kGreek[c - 0x391];
  if (c >= 0x3B1 && c <= 0x3C9) return kGreek[c - 0x3B1];
  return nullptr;
}

// Decodes one UTF-8 sequence at text[i]; returns its length, 0 when ill-formed (the caller
// then takes the byte alone).
std::size_t decode_utf8(std::string_view text, std::size_t i, std::uint32_t& out) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  std::size_t length = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
  if (b0 > 0xF4) length = 0;
  if (length == 0 || i + length > text.size()) return 0;
  std::uint32_t c = b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  if ((length == 3 && c < 0x800) || (length == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  out = c;
  return length;
}

// slugify, and whether a character was dropped as one of a script it cannot spell.
std::string slug(std::string_view text, bool& untransliterated) {
  std::string out;
  bool dash = false;
  untransliterated = false;
  auto letters = [&](std::string_view spelled) {
    for (char l : spelled) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += l;
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) letters(std::string_view(&l, 1));
      else dash = true;
      ++i;
      continue;
    }
    std::uint32_t code = 0;
    const std::size_t length = decode_utf8(text, i, code);
    if (length == 0) {
      dash = true;
      ++i;
      continue;
    }
    i += length;
    if (const char* spelled = transliterate(code)) {
      letters(spelled);
    } else {
      dash = true;
      // Punctuation and spaces of the general blocks separate; anything else is a letter of
      // a script without a table.
      if (code >= 0x2000 && code <= 0x206F) continue;  // general punctuation
      if (code == 0xA0 || (code >= 0xA1 && code <= 0xBF) || code == 0x3000 || (code >= 0x3001 && code <= 0x303F))
        continue;
      untransliterated = true;
    }
  }
  return out;
}

}  // namespace

std::string slugify(std::string_view text) {
  bool untransliterated = false;
  return slug(text, untransliterated);
}

std::string id_from_name(std::string_view name) {
  if (name.empty()) return "";
  bool untransliterated = false;
  std::string id = slug(name, untransliterated);
  const bool has_letter = std::any_of(id.begin(), id.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  // "微信 2" and "微博 2" would both be "2": a name whose own letters were all dropped is
  // told apart by its hash instead.
  if (id.empty() || (!has_letter && untransliterated)) return "x-" + sha256_hex(name).substr(0, 8);
  return id;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace tosdiff
