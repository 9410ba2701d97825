#include "tosdiff/extract/language.hpp"

#include <array>
#include <cctype>
#include <initializer_list>
#include <string_view>
#include <unordered_map>

#include "tosdiff/extract/writing_system.hpp"
#include "tosdiff/util/utf8.hpp"

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

constexpr std::size_t kScriptMinLetters = 100;

struct CyrillicMark {
  const char* code;
  std::size_t count;      // letters only this language writes (or writes often), in the text
  std::size_t per_mille;  // how many of every 1,000 Cyrillic letters they are in its prose
};

// Which of Cyrillic's languages a text is in, by the letters only one of them writes:
// Russian's "ы" and "э", Ukrainian's "є", "ї", "ґ" and "і", Serbian's "ђ" and "ћ",
// Macedonian's "ѓ", "ќ", "ѕ", and Bulgarian's "ъ" (a vowel there, rare in Russian). Each
// count is weighed by its usual rate; the language whose letters come at a quarter of their
// rate or more, three times as strongly as any other's, is the text's. A Ukrainian policy with
// Russian paragraphs, or a Bulgarian one with a Russian address, is told by neither.
std::string cyrillic_language(std::size_t letters, std::initializer_list<CyrillicMark> marks) {
  const CyrillicMark* best = nullptr;
  double best_strength = 0, second = 0;
  for (const CyrillicMark& mark : marks) {
    const double strength = static_cast<double>(mark.count) * 1000.0 /
                            (static_cast<double>(letters) * static_cast<double>(mark.per_mille));
    if (strength > best_strength) {
      second = best_strength;
      best_strength = strength;
      best = &mark;
    } else if (strength > second) {
      second = strength;
    }
  }
  if (best == nullptr || best_strength < 0.25 || best_strength < second * 3) return "";
  return best->code;
}

// The language a text in another script than Latin is in, told by its letters: a script one
// language writes (Thai, Greek, Hebrew, Korean, Georgian, Armenian), or one a few letters
// tell apart (Japanese mixes kana with Chinese characters; Cyrillic's languages by the letters
// only one of them writes; Persian has "پ", "چ", "ژ", "گ"). "" when the letters are mostly Latin,
// too few, or no language is clear.
std::string language_by_script(const Text& text) {
  std::unordered_map<WritingSystem, std::size_t> letters;
  std::size_t all = 0, ukrainian = 0, russian = 0, persian = 0, serbian = 0, macedonian = 0, belarusian = 0, hard_sign = 0;
  for (const Block& block : text.blocks) {
    const std::string& s = block.text;
    for (std::size_t at = 0; at < s.size();) {
      const char32_t c = next_code_point(s, at);
      const WritingSystem system = writing_system_of(c);
      if (system == WritingSystem::none) continue;
      ++letters[system];
      ++all;
      ukrainian += (c == 0x0454 || c == 0x0457 || c == 0x0491 || c == 0x0456) ? 1 : 0;  // є ї ґ і
      russian += (c == 0x044B || c == 0x044D) ? 1 : 0;  // ы э
      persian += (c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF) ? 1 : 0;
      serbian += (c == 0x0452 || c == 0x045B) ? 1 : 0;                  // ђ ћ
      macedonian += (c == 0x0453 || c == 0x045C || c == 0x0455) ? 1 : 0;  // ѓ ќ ѕ
      belarusian += c == 0x045E ? 1 : 0;                                 // ў
      hard_sign += c == 0x044A ? 1 : 0;                                  // ъ, a vowel in Bulgarian
    }
  }
  if (all < kScriptMinLetters) return "";
  WritingSystem main = WritingSystem::latin;
  std::size_t most = 0;
  for (const auto& [system, count] : letters)
    if (system != WritingSystem::latin && system != WritingSystem::other && count > most) {
      main = system;
      most = count;
    }
  const std::size_t han_and_kana = letters[WritingSystem::han] + letters[WritingSystem::kana];
  if (main == WritingSystem::han || main == WritingSystem::kana) most = han_and_kana;
  // A clear majority: a page in two scripts, the translation beside the text, is told by
  // neither (its majority tips with a clause added).
  if (most * 5 < all * 4) return "";
  switch (main) {
    case WritingSystem::han:
    case WritingSystem::kana:
      return letters[WritingSystem::kana] * 10 >= han_and_kana ? "ja" : "zh";
    case WritingSystem::hangul: return "ko";
    case WritingSystem::thai: return "th";
    case WritingSystem::lao: return "lo";
    case WritingSystem::khmer: return "km";
    case WritingSystem::myanmar: return "my";
    case WritingSystem::greek: return "el";
    case WritingSystem::hebrew: return "he";
    case WritingSystem::georgian: return "ka";
    case WritingSystem::armenian: return "hy";
    case WritingSystem::devanagari: return "hi";
    case WritingSystem::bengali: return "bn";
    case WritingSystem::tamil: return "ta";
    case WritingSystem::arabic: return persian * 200 >= most ? "fa" : "ar";
    case WritingSystem::cyrillic:
      // "ў" is Belarusian's alone (which writes "і" and "ы" too).
      if (belarusian * 1000 >= most * 15 / 2) return "be";
      return cyrillic_language(most, {{"ru", russian, 20},
                                      {"uk", ukrainian, 65},
                                      {"sr", serbian, 8},
                                      {"mk", macedonian, 5},
                                      {"bg", hard_sign, 25}});
    default: return "";
  }
}

}  // namespace

std::string detect_language(const Text& text) {
  if (std::string by_script = language_by_script(text); !by_script.empty()) return by_script;
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

bool told_by_script(const std::string& code) {
  if (code.empty()) return false;
  for (const LanguageProfile& profile : language_profiles())
    if (code == profile.code) return false;
  return true;
}

}  // namespace tosdiff
