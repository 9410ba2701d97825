#include "tosdiff/util/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace tosdiff {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// UTF-8 validation. Pages are up to 10 MB and almost always valid UTF-8, so the common case is a
// long ASCII run: check 8 bytes per step there, and only decode sequences byte by byte.

bool all_ascii8(const unsigned char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);  // memcpy: no alignment or aliasing assumptions
  return (word & 0x8080808080808080ULL) == 0;
}

// Examines the non-ASCII sequence at p (avail >= 1 bytes). Returns its length when it is
// well-formed (Unicode Table 3-7), else 0 and sets `subpart` to the length of its maximal
// subpart: the bytes that are replaced by a single U+FFFD.
std::size_t check_sequence(const unsigned char* p, std::size_t avail, std::size_t& subpart) {
  const unsigned char lead = p[0];
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;  // below: overlong
    if (lead == 0xED) hi = 0x9F;  // above: surrogates D800-DFFF
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;  // below: overlong
    if (lead == 0xF4) hi = 0x8F;  // above: beyond U+10FFFF
  } else {
    subpart = 1;  // continuation byte, C0/C1 (always overlong) or F5..FF
    return 0;
  }
  if (avail < 2 || p[1] < lo || p[1] > hi) {
    subpart = 1;
    return 0;
  }
  for (std::size_t i = 2; i < length; ++i) {
    if (i >= avail || p[i] < 0x80 || p[i] > 0xBF) {
      subpart = i;
      return 0;
    }
  }
  return length;
}

// Length of the longest well-formed prefix of [p, p + n).
std::size_t valid_prefix(const unsigned char* p, std::size_t n) {
  std::size_t i = 0;
  while (i < n) {
    if (n - i >= 8 && all_ascii8(p + i)) {
      i += 8;
    } else if (p[i] < 0x80) {
      ++i;
    } else {
      std::size_t subpart = 0;
      const std::size_t length = check_sequence(p + i, n - i, subpart);
      if (length == 0) return i;
      i += length;
    }
  }
  return n;
}

const unsigned char* as_bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& at) {
  const unsigned char* p = as_bytes(text) + at;
  if (p[0] < 0x80) {
    ++at;
    return p[0];
  }
  std::size_t subpart = 0;
  const std::size_t length = check_sequence(p, text.size() - at, subpart);
  if (length == 0) {
    at += subpart;
    return 0xFFFD;
  }
  char32_t c = p[0] & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) c = (c << 6) | (p[i] & 0x3F);
  at += length;
  return c;
}

void append_repaired_utf8(std::string& out, std::string_view bytes, std::size_t valid) {
  for (;;) {
    out.append(bytes.substr(0, valid));
    bytes.remove_prefix(valid);
    if (bytes.empty()) return;
    std::size_t subpart = 1;
    check_sequence(as_bytes(bytes), bytes.size(), subpart);
    out.append(kReplacement);
    bytes.remove_prefix(subpart);
    valid = valid_prefix(as_bytes(bytes), bytes.size());
  }
}

// One copy when valid (the hot path), a repair otherwise.
std::string repair_utf8(std::string_view bytes) {
  const std::size_t valid = valid_prefix(as_bytes(bytes), bytes.size());
  if (valid == bytes.size()) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  append_repaired_utf8(out, bytes, valid);
  return out;
}


std::size_t valid_utf8_prefix(std::string_view bytes) { return valid_prefix(as_bytes(bytes), bytes.size()); }

bool is_valid_utf8(std::string_view bytes) { return valid_utf8_prefix(bytes) == bytes.size(); }

bool is_unicode_space(char32_t c) {
  return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0x0085;
}

bool is_zero_width(char32_t c) {
  // Zero-width space and joiners, word joiner, BOM, soft hyphen; the marks that only steer a
  // bidirectional text (LRM, RLM, ALM, isolates), the invisible operators and the grapheme
  // joiner. Not an embedding or an override (U+202A to U+202E), which reorders what a reader
  // sees: the archive keeps it, shown made visible.
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x200E ||
         c == 0x200F || c == 0x061C || c == 0x034F || (c >= 0x2061 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace tosdiff
