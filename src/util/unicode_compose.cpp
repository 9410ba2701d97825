#include "tosdiff/util/unicode_compose.hpp"

#include <algorithm>

#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/unicode_compose_table.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

// Hangul's syllables are composed by arithmetic (Unicode 15, section 3.12).
constexpr char32_t kLeadBase = 0x1100, kVowelBase = 0x1161, kTrailBase = 0x11A7, kSyllableBase = 0xAC00;
constexpr char32_t kLeads = 19, kVowels = 21, kTrails = 28, kSyllables = kLeads * kVowels * kTrails;

char32_t compose_pair(char32_t first, char32_t second) {
  if (first >= kLeadBase && first < kLeadBase + kLeads && second >= kVowelBase && second < kVowelBase + kVowels)
    return kSyllableBase + ((first - kLeadBase) * kVowels + (second - kVowelBase)) * kTrails;
  if (first >= kSyllableBase && first < kSyllableBase + kSyllables && (first - kSyllableBase) % kTrails == 0 &&
      second > kTrailBase && second < kTrailBase + kTrails)
    return first + (second - kTrailBase);
  const auto it = std::lower_bound(kCompositions.begin(), kCompositions.end(), Composition{first, second, 0},
                                   [](const Composition& a, const Composition& b) {
                                     return a.first != b.first ? a.first < b.first : a.second < b.second;
                                   });
  return it != kCompositions.end() && it->first == first && it->second == second ? it->composite : 0;
}

// Whether a code point can be the second of a pair: a quick test before the search.
bool may_compose(char32_t c) {
  if (c >= 0x300 && c <= 0x36F) return true;  // the combining diacritical marks
  if (c >= kVowelBase && c < kVowelBase + kVowels) return true;
  if (c > kTrailBase && c < kTrailBase + kTrails) return true;
  if (c < 0x300) return false;
  static const std::array<char32_t, kCompositionCount> seconds = [] {
    std::array<char32_t, kCompositionCount> out{};
    for (std::size_t i = 0; i < kCompositionCount; ++i) out[i] = kCompositions[i].second;
    std::sort(out.begin(), out.end());
    return out;
  }();
  return std::binary_search(seconds.begin(), seconds.end(), c);
}

}  // namespace

std::string compose_canonical(std::string utf8) {
  // One scan for anything to compose: most text has nothing.
  bool any = false;
  for (std::size_t at = 0; at < utf8.size() && !any;) {
    if (static_cast<unsigned char>(utf8[at]) < 0x80) {
      ++at;
      continue;
    }
    any = may_compose(next_code_point(utf8, at));
  }
  if (!any) return utf8;

  std::u32string points;
  for (std::size_t at = 0; at < utf8.size();) points += next_code_point(utf8, at);
  std::u32string out;
  std::size_t starter = std::u32string::npos;  // where the letter marks may compose with is
  bool blocked = false;                        // a mark left apart since that letter
  for (char32_t c : points) {
    if (starter != std::u32string::npos && !blocked && may_compose(c)) {
      if (const char32_t composite = compose_pair(out[starter], c)) {
        out[starter] = composite;
        continue;
      }
    }
    const bool mark = (c >= 0x300 && c <= 0x36F) || (c > kTrailBase && c < kTrailBase + kTrails) ||
                      (c >= kVowelBase && c < kVowelBase + kVowels && out.size() == starter + 1);
    if (mark && starter != std::u32string::npos) {
      blocked = true;  // a mark that did not compose: later ones would cross it
      out += c;
      continue;
    }
    starter = out.size();
    blocked = false;
    out += c;
  }
  std::string bytes;
  bytes.reserve(utf8.size());
  for (char32_t c : out) append_utf8(bytes, static_cast<std::uint32_t>(c));
  return bytes;
}

}  // namespace tosdiff
