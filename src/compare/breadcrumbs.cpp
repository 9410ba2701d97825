#include "tosdiff/compare/breadcrumbs.hpp"

#include <string>
#include <string_view>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kTitleWithinBlocks = 12;
constexpr std::size_t kCrumbMaxWords = 8;
constexpr std::size_t kMinCrumbs = 2;
constexpr std::size_t kMaxCrumbs = 6;
// The separators of a trail written on one line, with their spaces: "Home > Legal", "Accueil ›
// Mentions légales". A slash without spaces is a path or "and/or".
// Not a bar: "Effective July 1, 2026 | Terms of Service" is a page's title line, a date in it.
constexpr std::string_view kSeparators[] = {" > ", " \xE2\x80\xBA ", " \xC2\xBB ", " / "};
constexpr std::size_t kCrumbLinkMaxWords = 4;

std::string title_words(std::string_view text) { return canonicalize(text, kFoldToWords); }

// A crumb before the last: a link to a section of the site, a few words ("Categories",
// "Help Center", "Legal"). Not a date, a number, a label and its value, a document, a company
// by its legal form or a scope ("For customers in the EU"): the review of this rule found
// those above a title, key facts and lists of documents, and they are the terms' (news).
bool is_section_crumb(std::string_view crumb) {
  const std::string_view text = trim(crumb);
  if (text.empty() || count_space_separated_words(text) > kCrumbLinkMaxWords) return false;
  if (text.find_first_of("0123456789:.;!?@") != std::string_view::npos) return false;
  const std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  if (words.empty()) return false;
  // Nor an edition's place: "Archive", "Superseded versions" above a title say the page is no
  // longer the text in force (a review's find).
  // In the languages tosdiff reads (the third review's finds: "Archiv", "Versiones anteriores",
  // "Für Geschäftskunden", a French list of the documents of an agreement).
  static constexpr std::initializer_list<const char*> kNotSections = {
      "for", "in", "applies", "apply", "only", "if", "valid", "available", "effective", "from", "until",
      "addendum", "annex", "schedule", "supplement", "contract", "archive", "archives", "archived", "superseded",
      "previous", "prior", "old", "older", "former", "past", "versions", "history", "expired", "draft", "upcoming",
      "proposed", "future", "pending", "new", "next", "changes",
      // scope
      "f\xC3\xBCr", "pour", "para", "per", "voor", "nur", "seulement", "solo", "alleen", "uniquement",
      // editions
      "archiv", "archivo", "archivio", "archief", "fr\xC3\xBChere", "\xC3\xA4ltere", "fassung", "fassungen",
      "anteriores", "anterior", "precedenti", "precedente", "versiones", "versioni", "vers\xC3\xB5" "es", "eerdere",
      "anciennes", "ancienne", "entwurf", "projet", "borrador", "bozza", "legacy", "retired", "outdated", "obsolete",
      "historical", "vorherige", "kommende", "\xC3\xA4nderungen", "arquivo", "vorige", "versies", "historique",
      "hist\xC3\xB3rico", "storico", "rules", "code", "charter", "agreement", "agreements", "appendix", "exhibit",
      // documents
      "politique", "charte", "convention", "accord", "contrat", "conditions", "vertrag", "richtlinie", "bedingungen",
      "datenschutzerkl\xC3\xA4rung", "nutzungsbedingungen", "agb", "acuerdo", "contrato", "pol\xC3\xADtica",
      "condiciones", "t\xC3\xA9rminos", "accordo", "contratto", "informativa", "condizioni", "termini",
      "overeenkomst", "voorwaarden", "beleid", "termos", "condi\xC3\xA7\xC3\xB5" "es"};
  if (names_a_company_by_form(text)) return false;
  return std::none_of(words.begin(), words.end(), [](const std::string& word) {
    return is_one_of(word, kNotSections) || is_one_of(word, kDocumentWords);
  });
}

// A crumb that names where legal pages sit on a site, in the languages tosdiff reads ("Home",
// "Legal", "Help Center", "Categories", "Startseite", "Rechtliches", "Accueil", ...): a trail has
// one of them before its last crumb; a list of the documents of an agreement has none (the
// fourth review's find: "Community Rules", "Code of Conduct", "Terms of Service" above the title).
bool names_where_legal_pages_sit(std::string_view crumb) {
  if (names_a_site_section(crumb)) return true;
  static constexpr std::string_view kPlaces[] = {
      "legal", "legal center", "legal centre", "legal information", "help", "help center", "help centre", "categories",
      "policies", "privacy center", "privacy centre", "trust center", "support center", "startseite", "rechtliches",
      "rechtliche hinweise", "hilfe", "accueil", "juridique", "informations l\xC3\xA9gales", "mentions l\xC3\xA9gales",
      "aide", "centre d'aide", "inicio", "in\xC3\xAD" "cio", "ayuda", "centro de ayuda", "informaci\xC3\xB3n legal",
      "aiuto", "informazioni legali", "note legali", "ajuda", "hulp", "juridisch", "categorie\xC3\xABn"};
  const std::string label = block_label(crumb);
  return std::find(std::begin(kPlaces), std::end(kPlaces), label) != std::end(kPlaces);
}

// The parts of a trail written on one line, split at the first separator found in it; empty
// when none splits it into 2 to kMaxCrumbs parts of a few words.
std::vector<std::string> one_line_trail(std::string_view text) {
  for (std::string_view separator : kSeparators) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t at = text.find(separator); at != std::string_view::npos; at = text.find(separator, from)) {
      parts.emplace_back(trim(text.substr(from, at - from)));
      from = at + separator.size();
    }
    if (parts.empty()) continue;
    parts.emplace_back(trim(text.substr(from)));
    if (parts.size() > kMaxCrumbs) return {};
    for (std::size_t k = 0; k + 1 < parts.size(); ++k)
      if (!is_section_crumb(parts[k])) return {};
    if (std::none_of(parts.begin(), parts.end() - 1, [](const std::string& part) { return names_where_legal_pages_sit(part); }))
      return {};
    if (count_space_separated_words(parts.back()) > kCrumbMaxWords) return {};
    return parts;
  }
  return {};
}

}  // namespace

Breadcrumbs breadcrumbs_of(const Text& text) {
  const std::vector<Block>& blocks = text.blocks;
  Breadcrumbs out;
  std::size_t title = 0;
  while (title < blocks.size() && title < kTitleWithinBlocks &&
         !(blocks[title].kind == BlockKind::heading && blocks[title].level <= 2))
    ++title;
  if (title >= blocks.size() || title >= kTitleWithinBlocks) return out;
  out.title = out.begin = title;
  const std::string name = title_words(blocks[title].text);
  if (name.empty() || title == 0) return out;
  // One line: "Home > Legal > Privacy Policy".
  const std::vector<std::string> parts = one_line_trail(blocks[title - 1].text);
  if (parts.size() >= kMinCrumbs && title_words(parts.back()) == name) {
    out.begin = title - 1;
    return out;
  }
  // A list, the last item the title's words, the others links to the site's sections; a list
  // a line announces ("This agreement is made of these documents:") is the terms'.
  if (title_words(blocks[title - 1].text) != name || blocks[title - 1].kind != BlockKind::list_item) return out;
  std::size_t begin = title - 1;
  while (begin > 0 && title - begin < kMaxCrumbs && blocks[begin - 1].kind == BlockKind::list_item &&
         is_section_crumb(blocks[begin - 1].text))
    --begin;
  if (begin > 0 && blocks[begin - 1].kind == BlockKind::list_item) return out;  // a longer list: not a trail
  if (begin > 0 && ends_with_colon(blocks[begin - 1].text)) return out;
  // Numbered as a page's trail is ("1. Categories", "2. Rides"), and naming where legal pages
  // sit on the site.
  const bool numbered = std::all_of(blocks.begin() + static_cast<std::ptrdiff_t>(begin),
                                    blocks.begin() + static_cast<std::ptrdiff_t>(title), [](const Block& block) {
                                      return !block.marker.empty() && is_ascii_digit(block.marker.front());
                                    });
  const bool placed = std::any_of(blocks.begin() + static_cast<std::ptrdiff_t>(begin),
                                  blocks.begin() + static_cast<std::ptrdiff_t>(title) - 1,
                                  [](const Block& block) { return names_where_legal_pages_sit(block.text); });
  if (title - begin >= kMinCrumbs && numbered && placed) out.begin = begin;
  return out;
}

void mark_breadcrumbs(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  if (hunks.empty()) return;
  const Breadcrumbs old_trail = breadcrumbs_of(before), new_trail = breadcrumbs_of(after);
  if (!old_trail.found() || !new_trail.found() || (old_trail.begin == old_trail.title && new_trail.begin == new_trail.title))
    return;
  if (title_words(before.blocks[old_trail.title].text) != title_words(after.blocks[new_trail.title].text)) return;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    if (side_within_blocks(hunk.old_start, hunk.old_lines, old_trail.begin, old_trail.title) &&
        side_within_blocks(hunk.new_start, hunk.new_lines, new_trail.begin, new_trail.title))
      mark_cosmetic(hunk, "page_header");
  }
}

}  // namespace tosdiff
