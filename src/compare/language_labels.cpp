#include "tosdiff/compare/language_labels.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "tosdiff/model/language_names.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

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

}  // namespace tosdiff
