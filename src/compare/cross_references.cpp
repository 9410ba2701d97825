#include "tosdiff/compare/cross_references.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <set>
#include <string_view>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/numbering.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kReferenceTitleMaxWords = 14;
// How far below a section's number its title may be found: a subsection's item ("15.12
// Governing Law." then "(a) U.S. Governing Law for ...").
constexpr std::size_t kReferenceTitleSearchBlocks = 6;

constexpr std::string_view kReferenceWords[] = {
    "section", "sections", "article", "articles", "clause", "clauses", "paragraph", "paragraphs", "\xC2\xA7", "\xC2\xA7\xC2\xA7",
    "sec.", "art.", "artikel", "abschnitt", "ziffer", "paragraphe", "cl\xC3\xA1usula", "secci\xC3\xB3n", "articolo", "sezione",
    "se\xC3\xA7\xC3\xA3o", "artigo", "lid"};
constexpr std::string_view kReferenceListWords[] = {"and", "or", "to", "et", "ou", "und", "oder", "y", "o", "e"};

bool is_reference_word(std::string_view word) {
  const std::string lower = tosdiff::ascii_lower(word);
  return std::find(std::begin(kReferenceWords), std::end(kReferenceWords), lower) != std::end(kReferenceWords);
}

bool is_reference_list_word(std::string_view word) {
  return std::find(std::begin(kReferenceListWords), std::end(kReferenceListWords), tosdiff::ascii_lower(word)) != std::end(kReferenceListWords);
}

// A section's number as written in a reference, its trailing comma or full stop dropped:
// "9.4", "14.12(a)", "3", "2.1.1."; "" when the word is none.
std::string section_number(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == '.' || word.back() == ':')) word.remove_suffix(1);
  std::size_t i = 0;
  while (i < word.size() && (is_ascii_digit(word[i]) || (word[i] == '.' && i > 0 && i + 1 < word.size() && is_ascii_digit(word[i + 1])))) ++i;
  if (i == 0 || i > 12) return "";
  std::size_t j = i;
  while (j < word.size() && word[j] == '(') {  // "(a)", "(iv)"
    const std::size_t close = word.find(')', j);
    if (close == std::string_view::npos || close - j > 5) return "";
    j = close + 1;
  }
  return j == word.size() ? std::string(word) : "";
}

// A number followed by a unit is a quantity, not a section ("30.5 days", "2.5 euros").
constexpr std::string_view kQuantityUnits[] = {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minutes", "business",
    "calendar", "working", "euro", "euros", "eur", "dollar", "dollars", "usd", "gbp", "pounds", "percent", "%",
    "times", "jours", "mois", "ans", "ann\xC3\xA9" "es", "tage", "tagen", "monate", "monaten", "jahre", "jahren",
    "d\xC3\xAD" "as", "meses", "a\xC3\xB1os", "giorni", "mesi", "anni", "dias", "anos", "dagen", "maanden", "jaar"};

bool quantity_follows(const std::vector<std::string>& words, std::size_t i) {
  const std::string& number = words[i];
  if (number.empty() || !is_ascii_digit(number.back()) || i + 1 >= words.size()) return false;  // "8," ends the reference
  std::string next = tosdiff::ascii_lower(words[i + 1]);
  while (!next.empty() && (next.back() == '\'' || next.back() == ',' || next.back() == '.' || next.back() == ';')) next.pop_back();
  return std::find(std::begin(kQuantityUnits), std::end(kQuantityUnits), next) != std::end(kQuantityUnits);
}

// The number without its items: "14.12(a)" is in section "14.12".
std::string_view section_base_number(std::string_view number) { return number.substr(0, number.find('(')); }

bool opens_reference_title(std::string_view word) {
  return word.rfind("(", 0) == 0 || word.rfind("\"", 0) == 0 || word.rfind("\xE2\x80\x9C", 0) == 0 ||
         word.rfind("\xC2\xAB", 0) == 0;
}

bool closes_reference_title(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == '.' || word.back() == ':')) word.remove_suffix(1);
  return word.ends_with(")") || word.ends_with("\"") || word.ends_with("\xE2\x80\x9D") || word.ends_with("\xC2\xBB");
}

// A title's words for comparison: lower case, no marks.
std::string reference_title_key(std::string_view title) { return canonicalize(title, kFoldToWords); }

// The section whose number opens block i: "9.4 No Effect ...", "Section 9.4 ...", "## 15.12 Governing Law".
bool opens_with_section_number(const Block& block, std::string_view number) {
  std::vector<std::string> words = space_separated_words(block.text);
  std::size_t k = 0;
  while (k < words.size() && k < 2 && (is_reference_word(words[k]) || words[k] == "**")) ++k;
  if (k < words.size()) {
    std::string first = words[k];
    while (!first.empty() && (first.back() == '.' || first.back() == '*' || first.back() == ':')) first.pop_back();
    while (!first.empty() && first.front() == '*') first.erase(first.begin());
    if (first == number) return true;
  }
  std::string marker = block.marker;
  if (!marker.empty() && marker.back() == '.') marker.pop_back();
  return !marker.empty() && marker == number;
}

// Whether the text has a section opening with the reference's number under its title (the title
// opening that block or one of the few below it, its items'), or names the same reference in
// another block.
bool text_agrees_with_reference(const Text& text, const SectionReference& reference, std::size_t skip_block) {
  const std::string title = reference_title_key(reference.title);
  const std::string_view number = section_base_number(reference.number);
  for (std::size_t i = 0; i < text.blocks.size(); ++i) {
    if (opens_with_section_number(text.blocks[i], number)) {
      if (title.empty()) return true;
      for (std::size_t k = i; k < text.blocks.size() && k < i + kReferenceTitleSearchBlocks; ++k)
        if (reference_title_key(strip_numbering(text.blocks[k].text)).rfind(title, 0) == 0) return true;
    }
    if (i == skip_block || reference.title.empty()) continue;
    for (const SectionReference& other : section_references(text.blocks[i].text, nullptr))
      if (other.number == reference.number && reference_title_key(other.title) == title) return true;
  }
  return false;
}

// The title of the section `number` opens in `text` (a heading's first, else a numbered
// block's: a list's items are numbered too), without its number; "" when no block or more
// than one opens with it.
std::string section_title(const Text& text, std::string_view number) {
  std::string title;
  for (bool headings : {true, false}) {
    std::size_t found = 0;
    for (const Block& block : text.blocks) {
      if ((block.kind == BlockKind::heading) != headings || !opens_with_section_number(block, number)) continue;
      if (++found > 1) return "";
      title = reference_title_key(strip_numbering(block.text));
    }
    if (found == 1) return title;
  }
  return "";
}

// A reference renumbered with the section it names: the old number's section in the old text
// and the new number's in the new one have one title ("as described in Section 7" → "Section
// 6", "Your choices and consent" moved up one: a red team's find). Titles first: a section's
// number alone may name another one after a renumbering.
bool follows_its_section(const Text& before, const SectionReference& old_reference, const Text& after,
                         const SectionReference& new_reference) {
  const std::string_view old_items = std::string_view(old_reference.number).substr(section_base_number(old_reference.number).size());
  const std::string_view new_items = std::string_view(new_reference.number).substr(section_base_number(new_reference.number).size());
  if (old_items != new_items) return false;
  const std::string title = section_title(before, section_base_number(old_reference.number));
  if (title.empty() || title != section_title(after, section_base_number(new_reference.number))) return false;
  // A title written with the reference is that section's on both sides.
  return (old_reference.title.empty() || title.rfind(reference_title_key(old_reference.title), 0) == 0) &&
         (new_reference.title.empty() || title.rfind(reference_title_key(new_reference.title), 0) == 0);
}

// The numbers' parts: "14.12(a)" is 14, 12.
std::vector<int> number_parts(std::string_view number) {
  std::vector<int> parts;
  for (const std::string& part : nonempty_parts(section_base_number(number), '.')) parts.push_back(std::stoi(part.substr(0, 6)));
  return parts;
}

// What shows both references mean one section: the titles written with them, one holding the
// other ("Processor Terms", "No Effect on Processor Terms"); without titles, a renumbering's
// step: as many parts, one of them moved by 2 at most ("15.4" → "14.4", "8" → "7"). A title on
// one side only, or a number far off ("16" → "12"), says nothing of what was meant.
bool same_section_meant(const SectionReference& old_reference, const SectionReference& new_reference) {
  if (!old_reference.title.empty() || !new_reference.title.empty()) {
    if (old_reference.title.empty() || new_reference.title.empty()) return false;
    return new_reference.title.find(old_reference.title) != std::string::npos ||
           old_reference.title.find(new_reference.title) != std::string::npos;
  }
  const std::vector<int> old_parts = number_parts(old_reference.number), new_parts = number_parts(new_reference.number);
  if (old_parts.empty() || old_parts.size() != new_parts.size()) return false;
  std::size_t moved = 0;
  for (std::size_t k = 0; k < old_parts.size(); ++k)
    if (old_parts[k] != new_parts[k]) {
      if (std::abs(old_parts[k] - new_parts[k]) > 2) return false;
      ++moved;
    }
  // Its items the same: "15.4(a)" is no renumbering of "14.4(b)".
  const std::string_view old_items = std::string_view(old_reference.number).substr(section_base_number(old_reference.number).size());
  const std::string_view new_items = std::string_view(new_reference.number).substr(section_base_number(new_reference.number).size());
  return moved == 1 && old_items == new_items;
}

// The index of the block whose rendered line is `line` (the hunk's block), or the text's size.
std::size_t block_index_of(const Text& text, const std::string& line) {
  for (std::size_t i = 0; i < text.blocks.size(); ++i)
    if (render_block(text.blocks[i]) == line) return i;
  return text.blocks.size();
}

}  // namespace

std::vector<SectionReference> section_references(const std::string& block_text, std::string* rest) {
  const std::vector<std::string> words = space_separated_words(block_text);
  std::vector<SectionReference> references;
  std::string out;
  bool in_list = false;  // after "Sections 4.2 (...)": "and 9.2" continues it
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string number = section_number(words[i]);
    const bool titled = i + 1 < words.size() && opens_reference_title(words[i + 1]);
    const bool after_reference_word = i > 0 && is_reference_word(words[i - 1]);
    // A list goes on with section numbers ("Sections 4.2 (...) and 9.2 (...)"), not with any
    // number ("Section 10.1, or 30 days"): a number with a dot or an item, or a title after it.
    const bool continues_list = i > 0 && in_list && (is_reference_list_word(words[i - 1]) || words[i - 1].ends_with(",")) &&
                                (titled || number.find_first_of(".(") != std::string::npos);
    const bool introduced = !number.empty() && (after_reference_word || continues_list) && !quantity_follows(words, i);
    if (!introduced) {
      in_list = in_list && (is_reference_list_word(words[i]) || is_reference_word(words[i]));
      out += (out.empty() ? "" : " ") + words[i];
      continue;
    }
    SectionReference reference{number, ""};
    std::size_t end = i;
    if (titled) {
      std::size_t k = i + 1;
      while (k < words.size() && k - i <= kReferenceTitleMaxWords && !closes_reference_title(words[k])) ++k;
      if (k < words.size() && k - i <= kReferenceTitleMaxWords) {
        for (std::size_t t = i + 1; t <= k; ++t) reference.title += (reference.title.empty() ? "" : " ") + words[t];
        // Without the marks around it: "(Processor Terms)," is "Processor Terms".
        reference.title = canonicalize(reference.title, kFoldToWords);
        end = k;
      }
    }
    references.push_back(reference);
    out += (out.empty() ? "" : " ") + std::string("\x01ref");
    const std::string& last = words[end];
    if (last.ends_with(",")) out += ",";
    in_list = true;
    i = end;
  }
  if (rest) *rest = out;
  return references;
}

void mark_corrected_cross_references(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    std::vector<const LineOp*> removed, added;
    for (const LineOp& line : hunk.lines) (line.op == '-' ? removed : added).push_back(&line);
    if (removed.size() != added.size()) continue;
    bool corrected = false, explained = true;
    for (std::size_t p = 0; p < removed.size() && explained; ++p) {
      const Block old_block = parse_block(removed[p]->text), new_block = parse_block(added[p]->text);
      std::string old_rest, new_rest;
      const std::vector<SectionReference> old_refs = section_references(old_block.text, &old_rest);
      const std::vector<SectionReference> new_refs = section_references(new_block.text, &new_rest);
      if (old_refs.size() != new_refs.size() || canonicalize(old_rest, kFoldToWords) != canonicalize(new_rest, kFoldToWords)) {
        explained = false;
        break;
      }
      const std::size_t old_at = block_index_of(before, removed[p]->text), new_at = block_index_of(after, added[p]->text);
      for (std::size_t r = 0; r < old_refs.size() && explained; ++r) {
        if (old_refs[r] == new_refs[r]) continue;
        explained = follows_its_section(before, old_refs[r], after, new_refs[r]) ||
                    (same_section_meant(old_refs[r], new_refs[r]) && !text_agrees_with_reference(before, old_refs[r], old_at) &&
                     text_agrees_with_reference(after, new_refs[r], new_at));
        corrected = true;
      }
    }
    if (explained && corrected) mark_cosmetic(hunk, "cross_reference");
  }
}

namespace {

// Whether a heading of `text` titled `title` (numbers stripped, as section_title() reads them)
// opens with another number than `number`: the section moved.
bool titled_under_another_number(const Text& text, const std::string& title, std::string_view number) {
  for (const Block& block : text.blocks) {
    if (block.kind != BlockKind::heading || reference_title_key(strip_numbering(block.text)) != title) continue;
    if (!opens_with_section_number(block, number)) return true;
  }
  return false;
}

// A line of the hunk is a block opening with section `number` on its side's text.
bool moves_section(const Hunk& hunk, std::string_view number) {
  return std::any_of(hunk.lines.begin(), hunk.lines.end(),
                     [&](const LineOp& line) { return opens_with_section_number(parse_block(line.text), number); });
}

}  // namespace

void mark_references_left_behind(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  const bool reordered = std::any_of(hunks.begin(), hunks.end(), [](const Hunk& hunk) {
    return hunk.cosmetic && (has_kind(hunk.cosmetic_kinds, "reorder") || has_kind(hunk.cosmetic_kinds, "numbering"));
  });
  if (!reordered) return;
  std::set<std::string> before_blocks;
  for (const Block& block : before.blocks) before_blocks.insert(block.text);
  std::set<std::string> asked;
  for (const Block& block : after.blocks) {
    if (block.kind == BlockKind::heading || !before_blocks.count(block.text)) continue;  // a block the change left as it was
    for (const SectionReference& reference : section_references(block.text, nullptr)) {
      const std::string number(section_base_number(reference.number));
      if (!asked.insert(number).second) continue;
      const std::string old_title = section_title(before, number), new_title = section_title(after, number);
      // The section it named is elsewhere now, and another holds its number.
      if (old_title.empty() || new_title.empty() || old_title == new_title ||
          !titled_under_another_number(after, old_title, number))
        continue;
      for (Hunk& hunk : hunks) {
        if (!hunk.cosmetic || !moves_section(hunk, number)) continue;
        hunk.cosmetic = false;
        hunk.cosmetic_kinds.clear();
        break;
      }
    }
  }
}

namespace {

// The block's words as written with every reference word before a section number taken out,
// with the article before it ("le point 5.4", "Section 9.2", "l'article 6" → the number). As
// written: a sentence's end or a case moved elsewhere in the block stays a difference.
std::string without_reference_words(const std::string& block_text) {
  const std::vector<std::string> words = space_separated_words(block_text);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    std::string lower = tosdiff::ascii_lower(word);
    if (lower.starts_with("l'") || lower.starts_with("l\xE2\x80\x99")) lower.erase(0, lower[1] == '\'' ? 2 : 4);
    const std::string_view bare = lower;
    const bool names_a_number = (is_reference_word(bare) || bare == "point" || bare == "points") && i + 1 < words.size() &&
                                !section_number(words[i + 1]).empty();
    if (!names_a_number) {
      out.push_back(std::move(word));
      continue;
    }
    if (!out.empty() && is_one_of(tosdiff::ascii_lower(out.back()), {"le", "la", "les", "au", "aux", "du", "the", "der", "die", "den", "dem",
                                               "el", "los", "il", "lo", "al", "del", "ao", "do"}))
      out.pop_back();
  }
  std::string joined;
  for (const std::string& w : out) joined += (joined.empty() ? "" : " ") + w;
  return joined;
}

}  // namespace

void mark_reference_words(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    std::vector<const LineOp*> removed, added;
    for (const LineOp& line : hunk.lines) (line.op == '-' ? removed : added).push_back(&line);
    if (removed.size() != added.size()) continue;
    bool same = true;
    for (std::size_t p = 0; p < removed.size() && same; ++p) {
      const Block old_block = parse_block(removed[p]->text), new_block = parse_block(added[p]->text);
      same = old_block.kind == new_block.kind && old_block.text != new_block.text &&
             without_reference_words(old_block.text) == without_reference_words(new_block.text);
    }
    if (same) mark_cosmetic(hunk, "cross_reference");
  }
}

}  // namespace tosdiff
