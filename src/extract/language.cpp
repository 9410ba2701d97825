#include "tosdiff/extract/language.hpp"

#include <array>
#include <cctype>
#include <initializer_list>
#include <string_view>
#include <unordered_map>

namespace tosdiff {
namespace {

struct LanguageProfile {
  const char* code;
  std::initializer_list<std::string_view> words;
};

// Function words, frequent in any prose and rare across the other six; the few shared ones
// ("de", "que", "e") are outweighed by the rest of each list.
const std::array<LanguageProfile, 7>& language_profiles() {
  static const std::array<LanguageProfile, 7> profiles = {{
      {"en", {"the", "and", "of", "to", "you", "your", "we", "our", "is", "are", "that", "this", "with", "for", "be",
              "by", "or", "not", "will", "may", "if", "any", "from", "it", "on", "have", "which", "these"}},
      {"fr", {"le", "la", "les", "des", "du", "et", "vous", "votre", "vos", "nous", "notre", "nos", "est", "sont",
              "qui", "pour", "dans", "une", "sur", "par", "pas", "avec", "ou", "au", "aux", "ces", "ce", "leur"}},
      {"de", {"der", "die", "das", "und", "sie", "ihre", "ihr", "wir", "unsere", "ist", "sind", "nicht", "mit",
              "für", "von", "zu", "den", "dem", "des", "auf", "oder", "ein", "eine", "werden", "wenn", "auch", "sich"}},
      {"es", {"el", "los", "las", "y", "usted", "su", "sus", "nosotros", "nuestro", "nuestra", "es", "son", "que",
              "para", "con", "por", "una", "del", "al", "como", "se", "lo", "este", "esta", "cuando"}},
      {"it", {"il", "gli", "di", "che", "per", "con", "una", "della", "del", "sono", "è", "non", "tuo", "tuoi",
              "noi", "nostro", "questo", "questa", "dei", "alla", "nel", "nella", "delle", "ai", "anche"}},
      {"pt", {"os", "do", "da", "dos", "das", "você", "seu", "sua", "nós", "nosso", "nossa", "são", "para", "com",
              "uma", "não", "em", "no", "na", "ao", "pelo", "pela", "seus", "suas", "como"}},
      {"nl", {"het", "een", "en", "van", "uw", "wij", "onze", "zijn", "niet", "met", "voor", "op", "te", "dat",
              "door", "aan", "als", "bij", "worden", "deze", "wordt", "kunnen", "ons", "je"}},
  }};
  return profiles;
}

const std::unordered_map<std::string_view, std::array<bool, 7>>& stop_word_table() {
  static const auto table = [] {
    std::unordered_map<std::string_view, std::array<bool, 7>> t;
    const auto& profiles = language_profiles();
    for (std::size_t l = 0; l < profiles.size(); ++l)
      for (std::string_view w : profiles[l].words) t[w][l] = true;
    return t;
  }();
  return table;
}

}  // namespace

std::string detect_language(const Text& text) {
  const auto& table = stop_word_table();
  std::array<std::size_t, 7> hits{};
  std::size_t words = 0, stop = 0;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    ++words;
    if (auto it = table.find(word); it != table.end()) {
      ++stop;
      for (std::size_t l = 0; l < hits.size(); ++l) hits[l] += it->second[l];
    }
    word.clear();
  };
  for (const Block& block : text.blocks) {
    for (char c : block.text) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalpha(u) || u >= 0x80) word += static_cast<char>(std::tolower(u));
      else flush();
    }
    flush();
  }
  if (words < kLanguageMinWords || stop * 10 < words) return "";
  std::size_t best = 0, second = 0, best_at = 0;
  for (std::size_t l = 0; l < hits.size(); ++l) {
    if (hits[l] > best) {
      second = best;
      best = hits[l];
      best_at = l;
    } else if (hits[l] > second) {
      second = hits[l];
    }
  }
  if (best * 2 < second * 3) return "";
  return language_profiles()[best_at].code;
}

}  // namespace tosdiff
