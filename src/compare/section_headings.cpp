#include "tosdiff/compare/section_headings.hpp"

#include <algorithm>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/numbering.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kHeadingHunksMin = 3;

// The headings of `text` at the levels in `levels` (bit n: level n).
std::size_t headings_at(const Text& text, unsigned levels) {
  return static_cast<std::size_t>(std::count_if(text.blocks.begin(), text.blocks.end(), [&](const Block& b) {
    return b.kind == BlockKind::heading && (levels & (1u << b.level)) != 0;
  }));
}

// '-' or '+' when every line of the hunk is a heading taken that way; 0 otherwise.
char heading_only_direction(const Hunk& hunk) {
  if (hunk.lines.empty()) return 0;
  const char op = hunk.lines.front().op;
  for (const LineOp& line : hunk.lines)
    if (line.op != op || parse_block(line.text).kind != BlockKind::heading) return 0;
  return op;
}

// A heading that says whom or where its section holds for ("If you are in California", "For
// users in the EEA", "Children", "Business customers"): dropped, its clauses read as holding
// for everyone (a red team's find: three regions' headings dropped at once, read as layout).
// By a condition or by whom or where it names: "for" alone is no scope ("Liability for damage",
// "Dispositions pour les prestations": france replay, an airline's 18 articles' titles dropped).
bool scopes_its_section(const std::string& heading) {
  const std::vector<std::string> words = space_separated_words(canonicalize(heading, kFoldToWords));
  static const std::initializer_list<const char*> kScopes = {
      // whom
      "if", "only", "residents", "resident", "users", "customers", "consumers", "children", "child", "minors", "teens",
      "teenagers", "parents", "employees", "candidates", "applicants", "developers", "subscribers",
      "members", "visitors", "advertisers", "sellers", "buyers", "creators",
      "businesses", "business", "professionals", "traders", "consommateurs", "professionnels", "verbraucher",
      "unternehmer", "consumidores", "empresas", "profesionales", "consumatori", "professionisti", "imprese",
      "consumenten", "bedrijven", "ondernemers",
      "si", "r\xC3\xA9sidents", "utilisateurs", "clients", "enfants", "mineurs",
      "nutzer", "kunden", "kinder", "usuarios", "clientes", "ni\xC3\xB1os", "menores", "utenti",
      "clienti", "minori", "gebruikers", "klanten", "kinderen", "utilizadores", "usu\xC3\xA1rios",
      // where
      "california", "californian", "virginia", "colorado", "connecticut", "utah", "texas", "nevada", "oregon", "montana",
      "usa", "american", "canada", "canadian", "quebec", "brazil", "brasil", "brazilian", "mexico", "argentina",
      "eu", "eea", "european", "europe", "uk", "britain", "british", "switzerland", "swiss", "turkey", "t\xC3\xBCrkiye",
      "india", "japan", "korea", "china", "chinese", "singapore", "australia", "australian", "zealand", "africa",
      "israel", "uae", "saudi", "russia", "ukraine", "region", "regions", "jurisdiction", "jurisdictions",
      "state", "states", "europ\xC3\xA9" "en", "europ\xC3\xA4" "ischen",
      "deutschland", "france", "espa\xC3\xB1" "a", "italia"};
  return any_of_words(words, kScopes);
}

}  // namespace

void mark_section_headings(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  std::vector<Hunk*> dropped;
  char direction = 0;
  std::size_t headings = 0;
  unsigned levels = 0;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    const char op = heading_only_direction(hunk);
    if (op == 0) continue;
    if (direction != 0 && op != direction) return;  // some dropped, some put: a restructuring
    direction = op;
    dropped.push_back(&hunk);
    headings += hunk.lines.size();
    for (const LineOp& line : hunk.lines) levels |= 1u << parse_block(line.text).level;
  }
  if (dropped.size() < kHeadingHunksMin) return;
  // Of the headings at the levels dropped: the articles' titles go, their sub-headings stay.
  const std::size_t all = headings_at(direction == '-' ? before : after, levels);
  if (all == 0 || headings * 4 < all * 3) return;
  for (const Hunk* hunk : dropped)
    for (const LineOp& line : hunk->lines)
      if (scopes_its_section(parse_block(line.text).text)) return;
  for (Hunk* hunk : dropped) mark_cosmetic(*hunk, "layout");
}

namespace {

// A title's words (lower case, no marks) without the article opening it ("The App Store" reads
// "app store"), in the languages tosdiff reads; "l'" glued to its noun too.
std::string words_without_article(std::string_view heading) {
  std::string key = canonicalize(heading, kFoldToWords);
  const std::size_t space = key.find(' ');
  if (space != std::string::npos &&
      is_one_of(key.substr(0, space), {"the", "a", "an", "le", "la", "les", "un", "une", "der", "die", "das", "ein", "eine",
                                       "el", "los", "las", "il", "lo", "gli", "o", "os", "as", "de", "het", "een"}))
    key.erase(0, space + 1);
  else if (key.rfind("l'", 0) == 0)
    key.erase(0, 2);
  return key;
}

// The two titles differ by an opening article and nothing else a word shows: one has an article
// the other has not or has another, the rest the same under the comparison key. Brackets taken
// off a date ("Effective Date: [19 November 2023]", pga re-diff) are no article.
bool differ_by_an_article(std::string_view a_text, std::string_view b_text) {
  // A title's number first ("1. Le Service Netflix", a paragraph: france replay).
  const std::string a = strip_numbering(a_text), b = strip_numbering(b_text);
  const std::string words_a = canonicalize(a, kFoldToWords), words_b = canonicalize(b, kFoldToWords);
  const std::string bare_a = words_without_article(a), bare_b = words_without_article(b);
  return words_a != words_b && (bare_a != words_a || bare_b != words_b) && comparison_key(bare_a) == comparison_key(bare_b);
}

bool both_headings(const Block& a, const Block& b) {
  return a.kind == BlockKind::heading && b.kind == BlockKind::heading && a.level == b.level;
}

// Two list items (or paragraphs) that are titles, not sentences: at most six words, no mark
// ending a sentence or opening a list ("1. Service Netflix" / "1. Le Service Netflix", a
// streaming service's numbered sections; replay, france). In a sentence an article may say which.
bool both_titles(const Block& a, const Block& b) {
  constexpr std::size_t kTitleMaxWords = 6;
  const auto title = [](const Block& block) {
    const std::string& t = block.text;
    return !t.empty() && count_space_separated_words(t) <= kTitleMaxWords &&
           std::string_view(".;:!?,").find(t.back()) == std::string_view::npos;
  };
  return a.kind == b.kind && a.level == b.level && a.marker == b.marker &&
         (a.kind == BlockKind::list_item || a.kind == BlockKind::paragraph) && title(a) && title(b);
}

}  // namespace

void mark_heading_articles(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.old_lines == 0 || hunk.old_lines != hunk.new_lines) continue;
    std::vector<Block> removed, added;
    for (const LineOp& line : hunk.lines) (line.op == '-' ? removed : added).push_back(parse_block(line.text));
    if (removed.size() != added.size()) continue;
    bool all = true;
    for (std::size_t i = 0; i < removed.size() && all; ++i)
      all = (both_headings(removed[i], added[i]) || both_titles(removed[i], added[i])) &&
            differ_by_an_article(removed[i].text, added[i].text);
    if (all) mark_cosmetic(hunk, "spelling");
  }
}

namespace {

// A heading's title for comparison: its number off, lower case, no marks.
std::string heading_title(const Block& heading) { return canonicalize(strip_numbering(heading.text), kFoldToWords); }

// The one heading a hunk rewords (one removed, one added, one level), or none.
bool rewords_one_heading(const Hunk& hunk, Block& old_heading, Block& new_heading) {
  if (hunk.cosmetic || hunk.lines.size() != 2 || hunk.lines[0].op != '-' || hunk.lines[1].op != '+') return false;
  old_heading = parse_block(hunk.lines[0].text);
  new_heading = parse_block(hunk.lines[1].text);
  return old_heading.kind == BlockKind::heading && new_heading.kind == BlockKind::heading &&
         old_heading.level == new_heading.level;
}

// `joined` is `first`, a joiner, then `second`.
bool joins(const std::string& joined, const std::string& first, const std::string& second) {
  if (first.empty() || second.empty() || !joined.starts_with(first + " ") || !joined.ends_with(" " + second)) return false;
  if (joined.size() < first.size() + second.size() + 1) return false;
  const std::vector<std::string> middle =
      space_separated_words(std::string_view(joined).substr(first.size(), joined.size() - first.size() - second.size()));
  return middle.empty() || (middle.size() == 1 && is_one_of(middle[0], {"and", "&", "et", "und", "y", "e"}));
}

// The heading of `text`'s section right before the heading block `at`, of the same level (no
// heading of that level or above between), or none.
const Block* previous_heading(const Text& text, std::size_t at) {
  for (std::size_t i = at; i-- > 0;) {
    const Block& block = text.blocks[i];
    if (block.kind != BlockKind::heading || block.level > text.blocks[at].level) continue;
    return block.level == text.blocks[at].level ? &block : nullptr;
  }
  return nullptr;
}

// The heading a hunk only takes away (`removed`) or only puts in, alone; its block index in
// `text` (the hunk's side's text), or the text's size.
std::size_t lone_heading(const Hunk& hunk, char op, const Text& text) {
  if (hunk.cosmetic || hunk.lines.size() != 1 || hunk.lines[0].op != op) return text.blocks.size();
  const Block heading = parse_block(hunk.lines[0].text);
  if (heading.kind != BlockKind::heading) return text.blocks.size();
  for (std::size_t i = 0; i < text.blocks.size(); ++i)
    if (text.blocks[i].kind == BlockKind::heading && text.blocks[i].level == heading.level &&
        text.blocks[i].text == heading.text)
      return i;
  return text.blocks.size();
}

}  // namespace

void mark_merged_sections(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  for (Hunk& reworded : hunks) {
    Block old_heading, new_heading;
    if (!rewords_one_heading(reworded, old_heading, new_heading)) continue;
    const std::string old_title = heading_title(old_heading), new_title = heading_title(new_heading);
    // Merged: the next section's heading taken away; split: a heading put in after this one.
    const bool merged = new_title.size() > old_title.size();
    const Text& side = merged ? before : after;
    const Block& kept = merged ? old_heading : new_heading;
    for (Hunk& other : hunks) {
      if (&other == &reworded) continue;
      const std::size_t at = lone_heading(other, merged ? '-' : '+', side);
      if (at == side.blocks.size()) continue;
      const Block* previous = previous_heading(side, at);
      if (previous == nullptr || previous->text != kept.text || previous->level != kept.level) continue;
      const std::string second = heading_title(side.blocks[at]);
      if (!(merged ? joins(new_title, old_title, second) : joins(old_title, new_title, second))) continue;
      mark_cosmetic(reworded, "layout");
      mark_cosmetic(other, "layout");
      break;
    }
  }
}

}  // namespace tosdiff
