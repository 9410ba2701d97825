#include "tosdiff/compare/update_notice_languages.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/language_forms.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/case_fold.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kOtherNoticeMaxWords = 30;
constexpr std::size_t kNameMaxWords = 8;  // "conditions générales d'utilisation de Lumenfield"

// Words are compared in lower case without Latin-1 accents ("mise à jour" is "mise a jour",
// "geändert" "geandert"); Polish letters are written as they are.

// Past participles and past tenses of "updated", "changed", "revised" ("jour" only in "mis/mise/
// mises à jour", below).
constexpr std::initializer_list<const char*> kUpdateVerbs = {
    // French
    "modifie", "modifiee", "modifiees", "modifies", "revise", "revisee", "revisees", "revises", "actualise",
    "actualisee", "actualisees", "actualises",
    // German
    "aktualisiert", "geandert", "uberarbeitet", "angepasst",
    // Spanish
    "actualizado", "actualizada", "actualizados", "actualizadas", "actualizo", "modificado", "modificada",
    "modificados", "modificadas", "revisado", "revisada",
    // Italian
    "aggiornato", "aggiornata", "aggiornati", "aggiornate", "modificato", "modificata", "modificati", "modificate",
    // Dutch
    "bijgewerkt", "gewijzigd", "aangepast", "herzien",
    // Portuguese
    "atualizado", "atualizada", "atualizados", "atualizadas", "atualizamos", "alterado", "alterada", "alteramos",
    // Polish: "zaktualizowaliśmy", "zaktualizowana", "zaktualizowano", "zmieniliśmy", "zmieniona"
    "zaktualizowali\xC5\x9B" "my", "zaktualizowana", "zaktualizowano", "zmienili\xC5\x9B" "my", "zmieniona"};

// The other words of such a notice: who, "have"/"has been", possessives and articles, the
// date's preposition and its "last"/"recently".
constexpr std::initializer_list<const char*> kNoticeWords = {
    // French
    "nous", "avons", "a", "ont", "ete", "mis", "mise", "mises", "notre", "nos", "votre", "vos", "cette", "ces", "la",
    "le", "les", "l", "present", "presente", "presentes", "presents", "recemment", "dernierement", "en", "date", "du",
    "depuis", "au", "de", "des", "d", "derniere", "version",
    // German
    "wir", "haben", "hat", "unsere", "unserer", "unseren", "unser", "unseres", "diese", "dieser", "dieses", "die",
    "der", "das", "den", "dem", "am", "zum", "zuletzt", "wurde", "wurden", "ist", "sind", "worden", "mit", "wirkung",
    "vom", "kurzlich",
    // Spanish
    "hemos", "ha", "han", "sido", "nuestra", "nuestras", "nuestro", "nuestros", "esta", "estas", "este", "estos",
    "las", "los", "el", "fue", "fueron", "con", "fecha", "recientemente", "se", "por", "ultima", "vez", "del",
    // Italian
    "abbiamo", "e", "sono", "stata", "stato", "stati", "state", "il", "lo", "i", "nostra", "nostre", "nostro",
    "nostri", "questa", "queste", "in", "data", "dal",
    // Dutch
    "wij", "we", "hebben", "heeft", "is", "zijn", "ons", "onze", "deze", "dit", "het", "op", "per", "onlangs",
    "recent",
    // Portuguese
    "as", "o", "os", "nossa", "nossas", "nosso", "nossos", "foi", "foram", "em",
    // Polish: "naszą", "nasze", "nasza", "naszego", "naszej", "została", "zostały", "dnia", "r." (rok), "w"
    "nasz\xC4\x85", "nasze", "nasza", "naszego", "naszej", "zosta\xC5\x82" "a", "zosta\xC5\x82" "y", "dnia", "r",
    "w", "ostatnio"};

// Words a document's name opens with, whole.
constexpr std::initializer_list<const char*> kDocumentNames = {
    "politique", "politiques", "conditions", "charte", "mentions", "cgu", "cgv", "cgvu", "reglement", "declaration",
    "contrat", "agb", "politica", "terminos", "condiciones", "aviso", "declaracion", "contrato", "informativa",
    "termini", "condizioni", "regolamento", "contratto", "termos", "condicoes", "declaracao", "polityka",
    "polityki", "polityk\xC4\x99", "regulamin", "warunki"};

// Ends of German and Dutch compound names ("Datenschutzerklärung", "Nutzungsbedingungen",
// "privacyverklaring", "gebruiksvoorwaarden").
constexpr std::initializer_list<const char*> kDocumentNameEnds = {
    "erklarung", "bedingungen", "richtlinie", "richtlinien", "hinweise", "vereinbarung", "bestimmungen",
    "verklaring", "voorwaarden", "beleid", "reglement"};

// Words the rest of a name is made of ("de confidentialité", "générales d'utilisation",
// "de privacidad", "sulla privacy", "de Privacidade", "prywatności").
constexpr std::initializer_list<const char*> kNameWords = {
    "confidentialite", "vie", "privee", "protection", "donnees", "personnelles", "personnels", "utilisation",
    "generales", "generale", "vente", "service", "services", "cookies", "cookie", "traceurs", "legales",
    "particulieres", "abonnement", "communaute", "privacy", "allgemeinen", "allgemeine", "privacidad", "uso",
    "servicio", "servicios", "proteccion", "datos", "legal", "contratacion", "privacidade", "utilizacao", "gerais",
    "servico", "protecao", "dados", "generali", "servizio", "servizi", "trattamento", "dati", "personali", "utilizzo",
    "gebruik", "algemene", "prywatno\xC5\x9B" "ci", "u\xC5\xBC" "ytkowania", "plik\xC3\xB3w"};

// Words joining a name's words; after the possessive ones a capitalised word may follow (the
// company's or the service's name: "de Lumenfield", "von Lumenfield").
constexpr std::initializer_list<const char*> kNameJoiners = {
    "de", "des", "du", "d", "la", "le", "les", "l", "y", "e", "et", "und", "fur", "di", "del", "della", "delle", "dei",
    "degli", "sulla", "sul", "sui", "van", "voor", "het", "do", "da", "dos", "das", "sur", "relative", "relatives",
    "relativa", "relativo", "aux", "a", "en", "zur", "zum", "von", "der"};
constexpr std::initializer_list<const char*> kOwnerJoiners = {"de", "d", "des", "du", "von", "del", "di", "van", "do",
                                                               "da"};

struct NoticeWord {
  std::string folded;  // lower case, Latin-1 accents off
  bool capitalised = false;
};

// The sentence's words, dates in one form ("2026-03-01"), elided articles apart ("d'utilisation"
// is "d" and "utilisation").
std::vector<NoticeWord> notice_words_of(std::string_view sentence) {
  const std::string text = canonicalize(sentence, kFoldWhitespace | kFoldQuotes | kFoldPunctuation | kFoldDateFormat);
  std::vector<NoticeWord> out;
  for (const std::string& word : space_separated_words(text)) {
    const std::string lower = fold_letter_case(word);
    const bool capitalised = lower != word;
    std::string folded = without_accents(lower);
    const std::size_t apostrophe = folded.find('\'');
    if (apostrophe != std::string::npos && apostrophe >= 1 && apostrophe <= 2 && apostrophe + 1 < folded.size()) {
      out.push_back({folded.substr(0, apostrophe), false});
      folded = folded.substr(apostrophe + 1);
    }
    out.push_back({std::move(folded), capitalised});
  }
  return out;
}

bool names_a_document(const std::string& word) {
  return is_one_of(word, kDocumentNames) ||
         std::any_of(kDocumentNameEnds.begin(), kDocumentNameEnds.end(),
                     [&](const char* end) { return word.ends_with(end); });
}

bool is_update_verb(const std::vector<NoticeWord>& words, std::size_t i) {
  if (is_one_of(words[i].folded, kUpdateVerbs)) return true;
  // "mis à jour", "mise à jour", "mises à jour"
  return words[i].folded == "jour" && i >= 2 && words[i - 1].folded == "a" &&
         is_one_of(words[i - 2].folded, {"mis", "mise", "mises"});
}

// The end of the document's name opening at `first`: name words, joiners, and the owner's
// capitalised name after a possessive joiner.
std::size_t end_of_name(const std::vector<NoticeWord>& words, std::size_t first) {
  std::size_t end = first + 1;
  bool owner = false;  // in the owner's name ("de Lumenfield Labs")
  while (end < words.size() && end - first < kNameMaxWords) {
    const NoticeWord& w = words[end];
    if (contains_iso_date(w.folded) || is_update_verb(words, end)) break;
    const bool after_possessive = is_one_of(words[end - 1].folded, kOwnerJoiners) || owner;
    owner = w.capitalised && after_possessive && !names_a_document(w.folded);
    if (!owner && !names_a_document(w.folded) && !is_one_of(w.folded, kNameWords) && !is_one_of(w.folded, kNameJoiners))
      break;
    ++end;
  }
  return end;
}

}  // namespace

bool is_dated_update_notice_in_another_language(std::string_view sentence) {
  if (std::none_of(sentence.begin(), sentence.end(), is_ascii_digit)) return false;  // no date
  const std::vector<NoticeWord> words = notice_words_of(sentence);
  if (words.size() < 4 || words.size() > kOtherNoticeMaxWords) return false;
  if (std::any_of(words.begin(), words.end(), [](const NoticeWord& w) { return is_one_of(w.folded, kNegationWords); }))
    return false;
  const auto first = std::find_if(words.begin(), words.end(), [](const NoticeWord& w) { return names_a_document(w.folded); });
  if (first == words.end()) return false;
  const std::size_t name = static_cast<std::size_t>(first - words.begin());
  const std::size_t name_end = end_of_name(words, name);
  bool updated = false, dated = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i >= name && i < name_end) continue;
    if (contains_iso_date(words[i].folded)) {
      dated = true;
    } else if (is_update_verb(words, i)) {
      updated = true;
    } else if (!is_one_of(words[i].folded, kNoticeWords)) {
      return false;  // a word of something else: a purpose, a scope, another document
    }
  }
  return updated && dated;
}

}  // namespace tosdiff
