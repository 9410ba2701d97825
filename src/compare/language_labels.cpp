#include "tosdiff/compare/language_labels.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "tosdiff/model/language_names.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// A language switcher written as a line of its own: "View the Terms of Service in other
// languages: English and Deutsch", "Cette page en : English | Español" (pga replay: a video
// platform's terms, such a line put at the top). The lead says only where to read the page:
// its words all come from this list, one of them names languages; then two languages or more,
// parted by commas, bars, slashes or "and". "Our support answers in these languages: English
// and German" says something of its own ("support", "answers"), and stays text.
const std::unordered_set<std::string>& switcher_lead_words() {
  static const std::unordered_set<std::string> words = {
      "view", "read", "see", "show", "display", "switch", "change", "select", "choose", "also", "available", "in",
      "into", "other", "another", "the", "this", "these", "our", "a", "an", "page", "document", "terms", "of",
      "service", "use", "conditions", "policy", "privacy", "notice", "version", "versions", "translation",
      "translations", "translated", "is", "are", "following", "language", "languages", "voir", "lire", "cette",
      "ce", "disponible", "aussi", "également", "en", "dans", "d'autres", "autres", "les", "la", "le",
      "langue", "langues", "andere", "anderen", "sprache", "sprachen", "diese", "seite", "auch", "verfügbar",
      "lesen", "ansehen", "ver", "leer", "esta", "página", "también", "otros", "otras", "idioma", "idiomas",
      "altre", "lingua", "lingue", "questa", "pagina", "disponibile", "anche", "leggi", "outros", "outras",
      "língua", "línguas", "deze", "ook", "beschikbaar", "bekijk", "lees", "taal", "talen"};
  return words;
}

bool names_languages(const std::string& word) {
  for (std::string_view stem : {"language", "langue", "sprache", "idioma", "lingua", "lingue", "língua", "taal", "talen"})
    if (word.rfind(stem, 0) == 0) return true;
  return false;
}

// Two languages or more, parted by commas, bars, slashes, middle dots or "and" (in the
// languages above): the switcher's entries.
bool lists_languages(const std::vector<std::string>& words, std::size_t from) {
  std::size_t names = 0;
  std::string name;
  auto close_name = [&]() {
    if (name.empty()) return true;
    const bool known = is_language_name(name);
    names += known ? 1 : 0;
    name.clear();
    return known;
  };
  for (std::size_t i = from; i < words.size(); ++i) {
    std::string word = words[i];
    const std::string lower = ascii_lower(word);
    if (word == "|" || word == "/" || word == "\xC2\xB7" || word == "," || lower == "and" || lower == "et" ||
        lower == "und" || lower == "y" || lower == "e" || lower == "en") {
      if (!close_name()) return false;
      continue;
    }
    // An entry with a note ("English (binding version)") says which version binds: no
    // switcher's.
    if (word.find('(') != std::string::npos || word.find(')') != std::string::npos) return false;
    const bool comma = !word.empty() && word.back() == ',';
    if (comma) word.pop_back();
    if (!name.empty()) name += ' ';
    name += word;
    if (comma && !close_name()) return false;
  }
  return close_name() && names >= 2;
}


// A language's adjective as a version is called by it ("française", "deutsche"), as its name.
std::string language_of_adjective(const std::string& word) {
  static const std::map<std::string, std::string> kAdjectives = {
      {"fran\xC3\xA7" "aise", "fran\xC3\xA7" "ais"}, {"francaise", "francais"}, {"anglaise", "english"},
      {"deutsche", "deutsch"}, {"englische", "english"}, {"espa\xC3\xB1ola", "espa\xC3\xB1ol"}, {"inglesa", "english"},
      {"italiana", "italiano"}, {"inglese", "english"}, {"portuguesa", "portugu\xC3\xAAs"}, {"nederlandse", "nederlands"},
      {"engelse", "english"}};
  const auto it = kAdjectives.find(word);
  return it == kAdjectives.end() ? word : it->second;
}

bool is_a_language(const std::string& words) {
  return is_language_name(words) || is_language_name(language_of_adjective(words));
}

}  // namespace

bool names_a_language_version(std::string_view block_text) {
  static constexpr std::string_view kVersionWords[] = {"language version", "version", "translation", "fassung",
                                                       "\xC3\xBC" "bersetzung", "versi\xC3\xB3n", "versione",
                                                       "vers\xC3\xA3o", "versie", "vertaling", "traduction"};
  const std::string label = ascii_lower(trim(block_text));
  for (std::string_view words : kVersionWords) {
    if (label.size() <= words.size() + 1) continue;
    // "<language> <words>", or "<words> <language>" ("Version française").
    if (label.compare(label.size() - words.size(), words.size(), words) == 0 && label[label.size() - words.size() - 1] == ' ' &&
        is_a_language(label.substr(0, label.size() - words.size() - 1)))
      return true;
    if (label.compare(0, words.size(), words) == 0 && label[words.size()] == ' ' && is_a_language(label.substr(words.size() + 1)))
      return true;
  }
  return false;
}

bool notes_only_a_region(std::string_view text) {
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos) return true;
  const std::size_t close = text.find(')', open);
  const std::string note =
      ascii_lower(text.substr(open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1));
  const std::vector<std::string> words = space_separated_words(note);
  // Besides the words on which text binds, those that call a text a version or a translation.
  static constexpr std::string_view kNoteWords[] = {"version", "translation", "official", "courtesy", "legally", "original",
                                                    "traduction", "only"};
  return words.size() <= 2 && !says_which_text_binds(note) && std::none_of(words.begin(), words.end(), [](const std::string& word) {
           return std::find(std::begin(kNoteWords), std::end(kNoteWords), word) != std::end(kNoteWords);
         });
}

bool says_which_text_binds(std::string_view text) {
  const std::string lower = ascii_lower(text);
  static constexpr std::string_view kBindingWords[] = {"binding", "prevail", "authoritative", "legally valid", "faisant foi",
                                                       "fait foi", "verbindlich", "ma\xC3\x9F" "geblich", "vinculante",
                                                       "vincolante", "prevalece", "prevale", "bindend"};
  return std::any_of(std::begin(kBindingWords), std::end(kBindingWords),
                     [&](std::string_view word) { return lower.find(word) != std::string::npos; });
}

constexpr std::size_t kSwitcherMaxWords = 20;

bool is_language_switcher_line(std::string_view block_text) {
  const std::vector<std::string> words = space_separated_words(block_text);
  if (words.size() < 3 || words.size() > kSwitcherMaxWords) return false;
  // The lead ends at its colon, or where the languages begin.
  for (std::size_t split = 1; split + 2 <= words.size(); ++split) {
    bool languages_named = false, lead = true;
    for (std::size_t i = 0; i < split && lead; ++i) {
      std::string word = ascii_lower(words[i]);
      if (!word.empty() && word.back() == ':') word.pop_back();
      if (word.empty()) continue;
      languages_named = languages_named || names_languages(word);
      lead = switcher_lead_words().count(word) > 0;
    }
    if (lead && languages_named && lists_languages(words, split)) return true;
  }
  return false;
}

}  // namespace tosdiff
