#include "tosdiff/compare/date_stamp_hunks.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/document_head.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// The comparison key with every date (YYYY-MM-DD once canonicalized) replaced by '#'.
std::string key_without_dates(std::string_view line) {
  std::string key = comparison_key(line), out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (is_iso_date_at(key, i)) {
      out += '#';
      i += 9;
    } else {
      out += key[i];
    }
  }
  return out;
}

bool is_date_stamp_hunk(const Hunk& hunk) { return !hunk.cosmetic && replaces_a_date_line(hunk); }

// A date alone on its line, moved, while both texts keep the document's own date line with its
// label unchanged ("Last updated: 25 March 2024", a label of the version's date, not "Valid
// from", which may date an annex): the help centre's date of the article page
// (p2b replay: a marketplace's seller terms, "03/27/2024" / "07/15/2024" above them, seven
// alerts). Cosmetic (`date_stamp`), alone too. A bare date that is the text's only date line,
// or beside a date line that moved too, is news.
constexpr std::size_t kTitleLineMaxWords = 12, kPageDateMaxIndex = 3;

// A date line whose label says it dates the document's version ("Last updated:", "Effective",
// "Mis à jour le", "Stand:"), in the languages tosdiff reads, as whole words ("standard" is
// none); "Valid from" may date an annex.
bool dates_the_document(std::string_view line) {
  const std::vector<std::string> words = words_besides_dates(line);
  const bool mis_a_jour = any_of_words(words, {"mis", "mise"}) && any_of_words(words, {"jour"});
  return mis_a_jour || any_of_words(words, {"updated", "update", "modified", "revised", "effective", "version",
                                            "stand", "aktualisiert", "vigente", "vigueur", "actualizado",
                                            "actualizada", "aggiornato", "aggiornata", "atualizado", "atualizada",
                                            "bijgewerkt", "gewijzigd"});
}

// The document's title as a page's head writes it above its date: a short line, no sentence,
// no label of a date or a price ("SHOP SELLER TERMS OF SERVICE (ID)"; not "Effective date for
// users in the EEA", "(EEA and UK)", "Our new prices apply from this date.").
bool is_title_line(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.front() == '(' || count_space_separated_words(text) > kTitleLineMaxWords) return false;
  const char last = text.back();
  if (last == '.' || last == ':' || last == ';' || last == ',' || (last >= 'a' && last <= 'z')) return false;
  const std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  return !any_of_words(words, {"effective", "date", "dated", "valid", "from", "until", "since", "as", "on", "price",
                               "prices", "apply", "applies", "updated", "update", "for", "in", "vigueur", "ab"});
}

}  // namespace

// A hunk that replaces one short block by another differing only in a date: the page's
// "Last updated" line. Short: a date line, not a clause ("These terms take effect on ...").
bool replaces_a_date_line(const Hunk& hunk) {
  if (hunk.lines.size() != 2 || hunk.lines[0].op != '-' || hunk.lines[1].op != '+')
    return false;
  const std::string before = key_without_dates(hunk.lines[0].text);
  if (before.find('#') == std::string::npos || before != key_without_dates(hunk.lines[1].text))
    return false;
  return space_separated_words(hunk.lines[0].text).size() <= 8;
}

// Inside a record that changes the terms elsewhere, the date stamp moving with them says
// nothing more: that hunk is cosmetic (`date_stamp`). Alone, a new date is substantive (a
// new date of effect is news).
void mark_date_stamps(std::vector<Hunk>& hunks) {
  const bool other_substantive = std::any_of(hunks.begin(), hunks.end(), [](const Hunk& hunk) {
    return !hunk.cosmetic && !is_date_stamp_hunk(hunk);
  });
  if (!other_substantive) return;
  for (Hunk& hunk : hunks) {
    if (!is_date_stamp_hunk(hunk)) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"date_stamp"};
  }
}

void mark_page_dates(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  // In the page's head: right under the title (or opening the text), right above the
  // document's own date line, which the new text keeps ("SHOP SELLER TERMS OF SERVICE (ID)" /
  // "07/15/2024" / "Last updated: 25 March 2024"). A date completing the line above it
  // ("These terms take effect on:", "Effective date for users in the EEA"), or anywhere else,
  // is the text's.
  for (Hunk& hunk : hunks) {
    // Cheap tests first: this runs on every diff, first_sentence() reads the whole text.
    const std::size_t index = hunk.old_start - 1;  // the bare date's block in the old text
    if (hunk.cosmetic || hunk.old_start == 0 || index > kPageDateMaxIndex || index + 1 >= before.blocks.size() ||
        !replaces_a_date_line(hunk) || !words_besides_dates(parse_block(hunk.lines[0].text).text).empty())
      continue;
    if (index >= first_sentence(before)) continue;
    if (index > 0 && !is_title_line(before.blocks[index - 1].text)) continue;
    const Block& below = before.blocks[index + 1];
    if (count_space_separated_words(below.text) > 8 || key_without_dates(below.text).find('#') == std::string::npos ||
        !dates_the_document(below.text))
      continue;
    const std::string kept = comparison_key(below.text);
    if (std::none_of(after.blocks.begin(), after.blocks.end(),
                     [&](const Block& block) { return comparison_key(block.text) == kept; }))
      continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"date_stamp"};
    hunk.page_date = true;
  }
}

// A second date line taken off while the new text still has one worded the same with its
// date ("Effective date: Dec 22, 2022" gone, "Effective date: Feb 27, 2023" kept): the document
// still says its date, a stale copy of the line went (replay: a dating site's privacy policy).
// Cosmetic (`date_stamp`). The only date line taken off is news.
void mark_stale_date_lines(std::vector<Hunk>& hunks, const Text& after) {
  std::set<std::string> kept;
  auto stale = [&](const LineOp& line) {
    if (line.op != '-') return false;
    const Block block = parse_block(line.text);
    if (block.kind == BlockKind::heading || space_separated_words(block.text).size() > 8) return false;
    const std::string key = key_without_dates(block.text);
    if (key.find('#') == std::string::npos) return false;
    if (kept.empty())
      for (const Block& b : after.blocks)
        if (space_separated_words(b.text).size() <= 8) kept.insert(key_without_dates(b.text));
    return kept.count(key) > 0;
  };
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    if (std::all_of(hunk.lines.begin(), hunk.lines.end(), stale)) {
      hunk.cosmetic = true;
      hunk.cosmetic_kinds = {"date_stamp"};
    }
  }
}

}  // namespace tosdiff
