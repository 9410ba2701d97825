#include "tosdiff/compare/document_labels.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Words saying which terms a label points to, other than the ones in force ("Proposed Terms",
// "Superseded Terms", "Nouvelles conditions", "Neue Nutzungsbedingungen"), in the languages
// tosdiff reads. Not the past's ("Prior Versions", "Anciennes conditions"): a link to the
// archive every such site has.
constexpr std::initializer_list<const char*> kStateWords = {
    "draft", "new", "effective", "proposed", "superseded", "upcoming", "future", "revised", "amended",
    "nouvelle", "nouvelles", "nouveau", "nouveaux", "neue", "neuen", "k\xC3\xBC" "nftige", "nueva", "nuevas", "nuova",
    "nuove", "nova", "novas", "nieuwe", "pending", "next", "interim", "expired", "preview", "futures", "futur", "venir",
    "zuk\xC3\xBC" "nftige", "zuk\xC3\xBC" "nftigen", "geltende", "geltenden", "pr\xC3\xB3ximos", "pr\xC3\xB3ximas",
    "futuros", "futuras", "applicables", "aplicables", "applicabili", "aplic\xC3\xA1veis", "toepasselijke",
    // Changed, binding, applying ("Conditions de r\xC3\xA9siliation modifi\xC3\xA9" "es", "EU Terms apply": a review's finds).
    "modified", "changed", "modifi\xC3\xA9", "modifi\xC3\xA9" "e", "modifi\xC3\xA9" "es", "modifi\xC3\xA9s", "ge\xC3\xA4ndert",
    "ge\xC3\xA4nderte", "modificadas", "modificados", "modificate", "modificati", "gewijzigd", "gewijzigde", "mandatory",
    "required", "binding", "obligatoire", "obligatoires", "verpflichtend", "obligatorio", "obligatoria", "obbligatorio",
    "obbligatoria", "obrigat\xC3\xB3rio", "verplicht", "apply", "applies", "applicable", "gelten", "gilt",
    "s'appliquent", "aplican", "aplicam", "applicano", "gelden"};

// A document's name or a stem of one, in the seven languages ("terms", "Nutzungsbedingungen",
// "condiciones", "CGU").
bool is_document_word(const std::string& word) {
  if (is_one_of(word, kDocumentWords)) return true;
  for (std::string_view stem : {"bedingung", "condition", "condici", "condizion", "termini", "t\xC3\xA9rminos", "termos",
                                "voorwaarden", "cgu", "cgv", "agb"})
    if (word.find(stem) != std::string::npos) return true;
  return false;
}

}  // namespace

// A label naming the state of a document ("Proposed Terms", "Neue Nutzungsbedingungen", "EU
// Terms apply", "No Refunds Policy"): the page may now hold other terms than the ones in force,
// or say where they bind (a review's finds).
bool names_a_state_of_terms(std::string_view text) {
  const std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  constexpr std::size_t kLabelMaxWords = 6;
  if (words.size() > kLabelMaxWords || (!any_of_words(words, kStateWords) && !any_of_words(words, kNegationWords)))
    return false;
  return std::any_of(words.begin(), words.end(), [](const std::string& word) {
    if (is_document_word(word)) return true;
    for (std::string_view stem : {"politique", "pol\xC3\xADtica", "politica", "richtlinie", "erkl\xC3\xA4rung", "charte",
                                  "beleid"})
      if (word.find(stem) != std::string::npos) return true;
    return false;
  });
}

// A tab to another of the site's documents: "Community Guidelines", "Cookie Policy", "Terms of
// Sale" as a label of at most 4 words, no digit and no sentence's marks, ending with a
// document's name, and no negation or state in it ("No Arbitration Agreement", "Arbitration
// Agreement Applies", "Terms for Minors", "Proposed Terms" say something: a review's finds).
bool names_another_document(std::string_view line) {
  constexpr std::size_t kTabMaxWords = 4;
  const Block block = parse_block(line);
  if (block.kind == BlockKind::heading || block.text.find_first_of("0123456789.;:!?") != std::string::npos) return false;
  const std::vector<std::string> words = space_separated_words(canonicalize(block.text, kFoldToWords));
  if (words.empty() || words.size() > kTabMaxWords) return false;
  if (any_of_words(words, kNegationWords) || any_of_words(words, kStateWords) ||
      any_of_words(words, {"version", "versions", "archived", "archive", "previous", "former", "old", "older", "updated",
                           "current", "latest", "prior", "past", "update", "updates", "change", "changes", "to", "our",
                           "your", "about", "for",
                           // A new arbitration agreement may be what the tab shows (a review's find).
                           "arbitration", "dispute", "disputes", "class", "waiver", "arbitrage", "schiedsvereinbarung",
                           "arbitraje", "arbitrato", "arbitragem"}))
    return false;
  const std::size_t n = words.size();
  const bool ends_with_a_name = is_one_of(words[n - 1], kDocumentWords);
  const bool name_of_a_use = n >= 3 && words[n - 2] == "of" && is_one_of(words[n - 3], kDocumentWords);  // "Terms of Sale"
  return ends_with_a_name || name_of_a_use;
}

bool labels_a_legal_document(std::string_view label) {
  constexpr std::size_t kLabelMaxWords = 5;
  if (label.find_first_of("0123456789.;:!?") != std::string_view::npos || names_a_statutory_link(label)) return false;
  const std::string folded = canonicalize(label, kFoldToWords);
  const std::vector<std::string> words = space_separated_words(folded);
  if (words.empty() || words.size() > kLabelMaxWords || any_of_words(words, kNegationWords) ||
      any_of_words(words, kStateWords))
    return false;
  // A one-word section of the site's legal pages, or the cookies' own label, whole.
  if (is_one_of(folded, {"privacy", "cookies", "legal", "impressum", "imprint", "datenschutz", "confidentialit\xC3\xA9",
                         "privacidad", "mentions l\xC3\xA9gales", "utilisation des cookies", "gestion des cookies",
                         "cookie settings", "cookie preferences"}))
    return true;
  // Else a document's name: its noun as a whole word, a stem opening a word ("Conditions",
  // "Nutzungsbedingungen" closing one), never inside another word ("Political").
  return std::any_of(words.begin(), words.end(), [](const std::string& word) {
    if (is_one_of(word, kDocumentWords) || is_one_of(word, {"politique", "pol\xC3\xADtica", "politica", "charte", "beleid",
                                                            "impressum", "imprint", "cgu", "cgv", "agb"}))
      return true;
    for (std::string_view stem : {"condition", "condici", "condizion", "t\xC3\xA9rminos", "termini", "termos", "voorwaarden"})
      if (word.rfind(stem, 0) == 0) return true;
    for (std::string_view tail : {"richtlinie", "erkl\xC3\xA4rung", "bedingungen", "hinweise"})
      if (word.size() >= tail.size() && word.compare(word.size() - tail.size(), tail.size(), tail) == 0) return true;
    return false;
  });
}

namespace {

// The folded words of a short label naming a document ("Consumer Terms", "Conditions générales
// d'utilisation"): at most 6 words, no heading, no bar or dash setting a site's name apart, no
// digit or sentence mark; empty when the line is no such label.
std::set<std::string> document_label_words(std::string_view line) {
  constexpr std::size_t kLabelMaxWords = 6;
  const Block block = parse_block(line);
  if (block.kind == BlockKind::heading || block.text.find_first_of("0123456789.;:!?|") != std::string::npos ||
      block.text.find(" - ") != std::string::npos)
    return {};
  const std::vector<std::string> words = space_separated_words(canonicalize(block.text, kFoldToWords));
  if (words.empty() || words.size() > kLabelMaxWords) return {};
  const bool names_one = std::any_of(words.begin(), words.end(), is_document_word);
  return names_one ? std::set<std::string>(words.begin(), words.end()) : std::set<std::string>{};
}

}  // namespace

bool renames_a_document(const Hunk& hunk) {
  std::vector<std::set<std::string>> removed, added;
  for (const LineOp& line : hunk.lines) (line.op == '-' ? removed : added).push_back(document_label_words(line.text));
  if (removed.size() != 1 || added.size() != 1 || removed[0].empty() || added[0].empty()) return false;
  auto holds = [](const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::includes(a.begin(), a.end(), b.begin(), b.end());
  };
  if (holds(removed[0], added[0]) || holds(added[0], removed[0])) return false;
  // One kind of document called otherwise ("Privacy Policy" / "Privacy Statement": contrib replay,
  // a carmaker's menu) is the same document.
  auto besides_document_words = [](const std::set<std::string>& words) {
    std::set<std::string> rest;
    for (const std::string& word : words)
      if (!is_one_of(word, kDocumentWords)) rest.insert(word);
    return rest;
  };
  return besides_document_words(removed[0]) != besides_document_words(added[0]);
}

}  // namespace tosdiff
