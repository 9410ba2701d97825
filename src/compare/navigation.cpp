#include "tosdiff/compare/navigation.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/document_labels.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinGlued = 5;
constexpr std::size_t kMinGluedOtherSide = 3;
constexpr std::size_t kNavigationMaxWords = 80;
constexpr std::size_t kColumnTitleWords = 3;
constexpr std::size_t kColumnLineWords = 16;
constexpr std::size_t kColumnLabelWords = 4;
constexpr std::size_t kColumnsApart = 5;  // blocks between one column's line and the next one's

// How many times a lower-case letter runs straight into a capital; npos when the text has
// sentence punctuation or is too long to be a line of links.
std::size_t glued_links(std::string_view text) {
  if (count_space_separated_words(text) > kNavigationMaxWords) return std::string_view::npos;
  if (text.find_first_of(".,;:!?") != std::string_view::npos) return std::string_view::npos;
  return glued_labels(text).size() - 1;
}

// A line of a footer's column: link labels of a few words each, glued or alone, nothing else.
// Its glued places; npos when it is not such a line.
std::size_t column_line_glues(const Block& block) {
  if (block.kind == BlockKind::heading) return std::string_view::npos;
  const std::size_t glued = glued_links(block.text);
  if (glued == std::string_view::npos || count_space_separated_words(block.text) > kColumnLineWords)
    return std::string_view::npos;
  for (std::string_view label : glued_labels(block.text))
    if (count_space_separated_words(label) > kColumnLabelWords) return std::string_view::npos;
  return glued;
}

bool is_column_title(const Block& block) {
  return count_space_separated_words(block.text) <= kColumnTitleWords && glued_links(block.text) == 0;
}

bool is_glued_column_line(const Block& block) {
  const std::size_t glued = column_line_glues(block);
  return glued != std::string_view::npos && glued > 0;
}

// The hunk's side of `text`, blocks [first, first + count), sits in a footer's columns: a
// title right above it and another column's glued line within kColumnsApart blocks.
bool sits_in_link_columns(const Text& text, std::size_t first, std::size_t count) {
  if (first == 0 || first - 1 >= text.blocks.size() || !is_column_title(text.blocks[first - 1])) return false;
  const std::size_t from = first > kColumnsApart + 1 ? first - kColumnsApart - 1 : 0;
  const std::size_t to = std::min(text.blocks.size(), first + count + kColumnsApart);
  for (std::size_t i = from; i < to; ++i)
    if ((i + 1 < first || i >= first + count) && is_glued_column_line(text.blocks[i])) return true;
  return false;
}

// Words a box of key facts answers its labels with ("Sells your dataNo", "Ads in chatsOff"):
// a link is never named so.
constexpr std::initializer_list<const char*> kFactValueWords = {
    "yes", "on", "off", "none", "always", "required", "optional", "allowed", "enabled", "disabled", "oui",
    "aucun", "aucune", "toujours", "ja", "immer", "s\xC3\xAD", "si", "sim", "ninguno", "ninguna", "sempre", "nessuno"};

// Words a number in a key fact is counted in: "Keeps chats30 days", "Plus plan$4.99 / month",
// "Minimum age13 years". A link's number names a product ("Orbit 2") or an event's year.
constexpr std::initializer_list<const char*> kFactUnitWords = {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
    "jours", "mois", "ans", "tage", "monate", "jahre", "d\xC3\xAD" "as", "meses", "a\xC3\xB1os", "giorni", "mesi",
    "anni", "dias", "anos", "dagen", "maanden", "jaar"};

// A label that answers another: a yes or a no, or a number counted in days, money or a
// percentage.
bool is_fact_value(std::string_view label) {
  const std::vector<std::string> words = space_separated_words(canonicalize(label, kFoldToWords));
  if (words.size() == 1 && (is_one_of(words[0], kFactValueWords) || is_one_of(words[0], kNegationWords))) return true;
  const bool number = std::any_of(label.begin(), label.end(), is_ascii_digit);
  const bool counted = any_of_words(words, kFactUnitWords) || label.find_first_of("$%") != std::string_view::npos ||
                       contains_any(label, {"\xE2\x82\xAC", "\xC2\xA3"});  // euro, pound
  return number && counted;
}

// The hunk's lines, cut into their glued labels, put in or taken away an answer: a box of key
// facts ("Sells your dataNoShares with advertisersYes...") glued as a site's links are, one of
// its answers changed (a red team's find: "No" turned "Yes" read as a menu's link renamed).
bool changes_a_fact(const Hunk& hunk) {
  std::map<std::string, int> balance;  // labels put in (+) and taken away (-)
  for (const LineOp& line : hunk.lines) {
    const std::string text = parse_block(line.text).text;
    for (std::string_view label : glued_labels(text)) balance[std::string(trim(label))] += line.op == '+' ? 1 : -1;
  }
  return std::any_of(balance.begin(), balance.end(), [](const auto& entry) { return entry.second != 0 && is_fact_value(entry.first); });
}

// GNU style: a side with lines starts at its first block's 1-based line; a side with none
// names the line before the hunk, so the hunk sits before the block at that index.
std::size_t first_block(std::size_t start, std::size_t lines) { return lines > 0 ? start - 1 : start; }

}  // namespace

bool is_glued_navigation(std::string_view text) {
  const std::size_t glued = glued_links(text);
  return glued != std::string_view::npos && glued >= kMinGlued;
}

void mark_navigation(std::vector<Hunk>& hunks) {
  // Every line a glued line of links, one of them plainly so: a link dropped from the line can
  // leave fewer than 5 glued places on the other side ("ParlerPlayTVBurstsParlerPay..." losing
  // "Pay").
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    bool all = true, plain = false;
    for (const LineOp& line : hunk.lines) {
      const Block block = parse_block(line.text);
      const std::size_t glued = block.kind == BlockKind::heading ? std::string_view::npos : glued_links(block.text);
      all = all && glued != std::string_view::npos && glued >= kMinGluedOtherSide;
      plain = plain || (glued != std::string_view::npos && glued >= kMinGlued);
    }
    if (all && plain && !changes_a_fact(hunk)) mark_cosmetic(hunk, "navigation");
  }
}

void mark_link_columns(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty() || hunk.old_lines > 1 || hunk.new_lines > 1) continue;
    bool all = true, glued = false;
    for (const LineOp& line : hunk.lines) {
      const std::size_t glues = column_line_glues(parse_block(line.text));
      all = all && glues != std::string_view::npos;
      glued = glued || (glues != std::string_view::npos && glues > 0);
    }
    if (!all || !glued || changes_a_fact(hunk)) continue;
    if (sits_in_link_columns(before, first_block(hunk.old_start, hunk.old_lines), hunk.old_lines) &&
        sits_in_link_columns(after, first_block(hunk.new_start, hunk.new_lines), hunk.new_lines))
      mark_cosmetic(hunk, "navigation");
  }
}

namespace {

// A row's labels, when it is a row of links to the site's legal documents; none otherwise.
std::vector<std::string> legal_links_row(std::string_view block_text) {
  constexpr std::size_t kMinLabels = 3;
  std::vector<std::string> labels;
  std::string_view rest = trim(block_text);
  while (true) {
    const std::size_t bar = rest.find(" | ");
    const std::string_view label = trim(rest.substr(0, bar));
    if (!labels_a_legal_document(label)) return {};
    labels.emplace_back(label);
    if (bar == std::string_view::npos) break;
    rest = rest.substr(bar + 3);
  }
  return labels.size() >= kMinLabels ? labels : std::vector<std::string>{};
}

// Whether blocks[i] (0-based) stands alone, no table's row beside it: a row of links, not a
// table's (a cookie table's purposes are no links: a review's find).
bool stands_alone(const Text& text, std::size_t i) {
  const auto row = [&](std::size_t j) { return j < text.blocks.size() && text.blocks[j].kind == BlockKind::table_row; };
  return i < text.blocks.size() && !(i > 0 && row(i - 1)) && !row(i + 1);
}

}  // namespace

void mark_legal_links_rows(std::vector<Hunk>& hunks, const Text& before_text, const Text& after_text) {
  constexpr std::size_t kSharedLabels = 2;  // the same row, one label put in, out or renamed
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.old_lines != 1 || hunk.new_lines != 1 || hunk.lines.size() != 2) continue;
    if (!stands_alone(before_text, hunk.old_start - 1) || !stands_alone(after_text, hunk.new_start - 1)) continue;
    const bool removed_first = hunk.lines[0].op == '-';
    const Block before = parse_block(hunk.lines[removed_first ? 0 : 1].text);
    const Block after = parse_block(hunk.lines[removed_first ? 1 : 0].text);
    if (before.kind == BlockKind::heading || after.kind == BlockKind::heading) continue;
    const std::vector<std::string> old_row = legal_links_row(before.text), new_row = legal_links_row(after.text);
    if (old_row.empty() || new_row.empty()) continue;
    const std::size_t shared = static_cast<std::size_t>(std::count_if(old_row.begin(), old_row.end(), [&](const std::string& label) {
      return std::find(new_row.begin(), new_row.end(), label) != new_row.end();
    }));
    if (shared >= kSharedLabels) mark_cosmetic(hunk, "navigation");
  }
}

}  // namespace tosdiff
