#include "tosdiff/extract/missing_part.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "tosdiff/extract/line_labels.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool same_block(const Block& a, const Block& b) {
  return a.kind == b.kind && a.level == b.level && a.marker == b.marker && a.text == b.text;
}

// `cut` is `whole` ended early: the same kind of block, its text a shorter start of whole's.
bool cut_short(const Block& whole, const Block& cut) {
  return whole.kind == cut.kind && cut.text.size() < whole.text.size() &&
         std::string_view(whole.text).substr(0, cut.text.size()) == cut.text;
}

// The words of the missing blocks (matched[k] false) whose very text the current text still has.
std::size_t missing_words_still_there(const std::vector<Block>& before, const std::vector<Block>& now,
                                      const std::vector<bool>& matched) {
  std::unordered_set<std::string_view> kept;
  for (const Block& block : now) kept.insert(block.text);
  std::size_t words = 0;
  for (std::size_t k = 0; k < before.size(); ++k)
    if (!matched[k] && kept.count(before[k].text)) words += count_space_separated_words(before[k].text);
  return words;
}

// A block's text ends where a sentence or a list's lead-in does (". ! ? : ;", maybe inside
// quotes or brackets).
bool ends_a_sentence(std::string_view text) {
  text = trim(text);
  while (!text.empty() && (text.back() == ')' || text.back() == '"' || text.back() == '\'' || text.back() == ']'))
    text.remove_suffix(1);
  if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\x9D") text.remove_suffix(3);  // closing quote
  return !text.empty() && std::string_view(".!?:;").find(text.back()) != std::string_view::npos;
}

// The number a heading opens with when it is a section's of the first depth (line_labels.hpp
// section_depth: "14. Indemnity", "Section 14 - Venue", "Article 14", "§ 14"): -1 when none, or
// when it is a subsection's ("14.2") or a roman numeral's.
long heading_number(const Block& block) {
  if (block.kind != BlockKind::heading || section_depth(block.text) != 1) return -1;
  const std::string_view text = trim(block.text);
  const std::size_t first = text.find_first_of("0123456789");
  // At most a label's one word before it ("Section ", "§ "): "IV. Data kept 30 days" has none.
  if (first == std::string_view::npos) return -1;
  const std::string_view label = text.substr(0, first);
  if (std::count(label.begin(), label.end(), ' ') > 1 || label.find('.') != std::string_view::npos) return -1;
  long number = 0;
  for (std::size_t i = first; i < text.size() && is_ascii_digit(text[i]); ++i) number = number * 10 + (text[i] - '0');
  return number;
}

// How many whole numbered sections the missing blocks are, when they are only such sections,
// taken from the middle of a numbering that ran without a gap: the sections after them keep
// their numbers, so the text now skips numbers it never skipped (france replay: a social
// network's terms served without three of its numbered sections, 8% of its words, for six
// hours). A site that removes a section renumbers what follows, or says so, or changes the
// text's date: then a block changed, and the page is no part of the old one. 0 otherwise.
std::size_t numbered_sections_missing(const std::vector<Block>& before, const std::vector<bool>& matched) {
  // The numbered headings at the level most of them have.
  constexpr int kLevels = 8;
  std::vector<std::size_t> per_level(kLevels, 0);
  for (const Block& block : before)
    if (heading_number(block) >= 0 && block.level >= 0 && block.level < kLevels) ++per_level[static_cast<std::size_t>(block.level)];
  const int level = static_cast<int>(std::max_element(per_level.begin(), per_level.end()) - per_level.begin());
  std::vector<std::size_t> numbered;
  for (std::size_t k = 0; k < before.size(); ++k)
    if (before[k].level == level && heading_number(before[k]) >= 0) numbered.push_back(k);
  if (numbered.size() < 3) return 0;
  for (std::size_t n = 1; n < numbered.size(); ++n)
    if (heading_number(before[numbered[n]]) != heading_number(before[numbered[n - 1]]) + 1) return 0;
  // Every missing block is inside a missing numbered section, and every such section is gone whole.
  std::vector<bool> in_missing_section(before.size(), false);
  std::size_t sections = 0;
  for (std::size_t n = 0; n < numbered.size(); ++n) {
    const std::size_t start = numbered[n];
    if (matched[start]) continue;
    if (n + 1 == numbered.size()) return 0;  // the last section: a page ended early, not a gap
    std::size_t end = start + 1;
    while (end < before.size() && !(before[end].kind == BlockKind::heading && before[end].level <= level)) ++end;
    for (std::size_t k = start; k < end; ++k) {
      if (matched[k]) return 0;
      in_missing_section[k] = true;
    }
    ++sections;
  }
  for (std::size_t k = 0; k < before.size(); ++k)
    if (!matched[k] && !in_missing_section[k]) return 0;
  return sections;
}

}  // namespace

bool is_loading_placeholder(std::string_view text) {
  std::string folded = ascii_lower(trim(text));
  // The dots or the ellipsis a spinner's label ends with.
  for (;;) {
    if (!folded.empty() && (folded.back() == '.' || folded.back() == ' ')) folded.pop_back();
    else if (folded.size() >= 3 && folded.compare(folded.size() - 3, 3, "\xE2\x80\xA6") == 0) folded.resize(folded.size() - 3);
    else break;
  }
  static const std::unordered_set<std::string_view> kPlaceholders = {
      "loading", "loading content", "loading more", "please wait", "please wait, loading", "chargement",
      "chargement en cours", "veuillez patienter", "wird geladen", "l\xC3\xA4" "dt", "laden", "bitte warten",
      "cargando", "cargando contenido", "caricamento", "caricamento in corso", "carregando", "a carregar",
      "bezig met laden", "even geduld", "\xC5\x82" "adowanie"};
  return kPlaceholders.count(folded) > 0;
}

std::optional<MissingPart> missing_part(const Text& previous, const Text& current) {
  const auto& before = previous.blocks;
  const auto& now = current.blocks;
  // A loading placeholder where a part was: the page was caught before the part loaded.
  std::vector<bool> placeholder(now.size(), false);
  std::size_t placeholders = 0;
  for (std::size_t k = 0; k < now.size(); ++k) {
    placeholder[k] = is_loading_placeholder(now[k].text) &&
                     std::none_of(before.begin(), before.end(), [&](const Block& b) { return b.text == now[k].text; });
    placeholders += placeholder[k];
  }
  if (now.size() - placeholders >= before.size()) return std::nullopt;
  MissingPart part;
  part.placeholders = placeholders;
  bool cut_seen = false;
  std::vector<bool> matched(before.size(), true);
  auto missing = [&](std::size_t from, std::size_t to) {  // before[from, to) is not in current
    if (from == to) return;
    for (std::size_t k = from; k < to; ++k) matched[k] = false;
    if (part.stretches == 0) part.first_block = from;
    ++part.stretches;
    part.blocks += to - from;
    for (std::size_t k = from; k < to; ++k) part.words += count_space_separated_words(before[k].text);
  };
  // Every block of the current text, in order, is a block of the previous one; at most one
  // of them ended early (the page cut off mid-paragraph).
  std::size_t i = 0;
  bool ends_mid_sentence = false;
  for (std::size_t k = 0; k < now.size(); ++k) {
    if (placeholder[k]) continue;
    const Block& block = now[k];
    const std::size_t from = i;
    while (i < before.size() && !same_block(before[i], block)) ++i;
    if (i == before.size()) {
      if (cut_seen || from >= before.size() || !cut_short(before[from], block)) return std::nullopt;
      cut_seen = true;
      ends_mid_sentence = &block == &now.back() && !ends_a_sentence(block.text);
      i = from;
    } else {
      missing(from, i);
    }
    ++i;
  }
  part.at_the_end = i < before.size();
  missing(i, before.size());
  std::size_t all_words = 0;
  for (const Block& block : before) all_words += count_space_separated_words(block.text);
  // A text that now stops in the middle of a sentence was cut off, however little of it went.
  const bool cut_off = ends_mid_sentence && part.at_the_end && part.stretches == 1;
  if (part.blocks == 0) return std::nullopt;
  // A placeholder says so itself, whatever the size of what it stands for.
  const double share = static_cast<double>(part.words) / static_cast<double>(std::max<std::size_t>(all_words, 1));
  const bool large = part.words >= kMissingPartMinWords && (cut_off || share >= kMissingPartShare);
  const bool most_of_a_short_text = part.words >= kMissingPartShortMinWords && share >= kMissingPartShortShare;
  const bool numbering_skips = part.words >= kMissingPartShortMinWords &&
                               numbered_sections_missing(before, matched) >= kMissingNumberedSectionsMin;
  if (part.placeholders == 0 && !large && !most_of_a_short_text && !numbering_skips) return std::nullopt;
  part.by_numbering_only = part.placeholders == 0 && !large && !most_of_a_short_text;
  // A second copy of the document taken away is no part missing: the page had served the
  // text twice (replay: a retailer's seller conditions, 9,960 words then 4,970, by turns for
  // two years). duplicate_copy.hpp tells that change by its words.
  if (missing_words_still_there(before, now, matched) * 2 >= part.words) return std::nullopt;
  return part;
}

std::string describe_missing_part(const MissingPart& part, std::size_t previous_words) {
  return std::string(part.at_the_end && part.stretches == 1 ? "the page ends early" : "parts of the page are missing") +
         ": " + std::to_string(part.blocks) + " blocks in " + std::to_string(part.stretches) +
         (part.stretches == 1 ? " stretch, " : " stretches, ") + std::to_string(part.words) + " of " +
         std::to_string(previous_words) + " words, gone and nothing else changed" +
         (part.placeholders > 0 ? ", a loading placeholder in their place (a page caught before it loaded?)"
                                : " (a page served in part?)");
}

}  // namespace tosdiff
