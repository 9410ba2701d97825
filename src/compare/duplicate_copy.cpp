#include "tosdiff/compare/duplicate_copy.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/table_of_contents.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinCopiedBlocks = 3;
// A copy of a page's passage, not a list that also appears elsewhere: a list of the data a
// service sells may repeat the list of the data it collects, and removing it is news.
constexpr std::size_t kMinCopiedWords = 500;
constexpr std::size_t kLabelWords = 4;
constexpr std::size_t kDateLineWords = 8;

// The blocks of a text not to search: [begin, end), 0-based (the hunk's own added blocks).
struct SkippedBlocks {
  std::size_t begin = 0, end = 0;
  bool holds(std::size_t i) const { return i >= begin && i < end; }
};

// The hunk's blocks, all of them `op`, are found in order in `other_keys` outside `skipped`
// (short ones may be missing): the removed blocks in the new text, or the added ones elsewhere
// in it.
bool still_there(const Hunk& hunk, const std::vector<std::string>& other_keys, char op, SkippedBlocks skipped = {},
                 std::size_t min_blocks = kMinCopiedBlocks, std::size_t min_words = kMinCopiedWords) {
  std::size_t at = 0, found = 0, words = 0;
  std::string all_keys;
  for (const LineOp& line : hunk.lines) {
    if (line.op != op) return false;
    const Block block = parse_block(line.text);
    const std::string key = comparison_key(block.text);
    std::size_t k = at;
    // An entry of a table of contents is keyed apart in the text (table_of_contents.hpp).
    const std::string entry_key = std::string(kContentsKeyPrefix) + key;
    while (k < other_keys.size() && (skipped.holds(k) || (other_keys[k] != key && other_keys[k] != entry_key))) ++k;
    if (k == other_keys.size()) {
      // The copy kept may lay the passage out otherwise: list items merged, or split at
      // another place. Its words are there, in the new text's keys run together.
      if (all_keys.empty())
        for (std::size_t i = 0; i < other_keys.size(); ++i)
          if (!skipped.holds(i)) all_keys += other_keys[i];
      const bool merged = key.size() >= 20 && all_keys.find(key) != std::string::npos;
      // A label may be missing from the copy kept; a copy put on brings no block of its own
      // (a short heading over it, "## Sharing", would say what the copy is now about).
      // A list's item is no label: one gone from the copy kept is a promise gone (a red team's
      // find: "Your precise location." taken from a never-sell list with the other copy).
      if (!merged && (op == '+' || count_space_separated_words(block.text) > kLabelWords ||
                      block.kind == BlockKind::list_item))
        return false;
      if (merged) words += count_space_separated_words(block.text);
      continue;
    }
    at = k + 1;
    ++found;
    words += count_space_separated_words(block.text);
  }
  return found >= min_blocks && words >= min_words;
}

// A date line (at most 8 words with a date) removed while the same line is still there.
bool date_line_still_there(const Hunk& hunk, const std::vector<std::string>& after_keys) {
  for (const LineOp& line : hunk.lines) {
    if (line.op != '-') return false;
    const std::string text = parse_block(line.text).text;
    if (count_space_separated_words(text) > kDateLineWords || rewrite_dates(text) == text) return false;
    if (std::find(after_keys.begin(), after_keys.end(), comparison_key(text)) == after_keys.end()) return false;
  }
  return true;
}

constexpr std::size_t kRepeatedEditMinPlaces = 5;
constexpr std::size_t kRepeatedEditContext = 5;
// A menu's entry may be a long title ("Une politique nationale volontariste en faveur de la
// santé mentale et de la psychiatrie", 13 words: the ministry's menu again).
constexpr std::size_t kEntryMaxWords = 16;
constexpr std::size_t kEntrySentenceWords = 5;

// A menu's entry: a few words, no sentence.
bool is_entry(const LineOp& line) {
  const Block block = parse_block(line.text);  // the text is a view into it
  const std::string_view text = trim(block.text);
  const std::size_t words = count_space_separated_words(text);
  if (words > kEntryMaxWords) return false;
  return words < kEntrySentenceWords || text.empty() || (text.back() != '.' && text.back() != ';');
}

// What a hunk does: its lines (op and key).
std::string edit_of(const Hunk& hunk) {
  std::string signature;
  for (const LineOp& line : hunk.lines) ((signature += line.op) += comparison_key(parse_block(line.text).text)) += '\n';
  return signature;
}

// Where a hunk does it: the old text's 5 blocks before it; empty when fewer.
std::string place_of(const Hunk& hunk, const std::vector<std::string>& before_keys) {
  const std::size_t end = hunk.old_lines == 0 ? hunk.old_start : hunk.old_start - 1;  // 0-based, blocks before the hunk
  if (end < kRepeatedEditContext || end > before_keys.size()) return {};
  std::string place;
  for (std::size_t i = end - kRepeatedEditContext; i < end; ++i) (place += before_keys[i]) += '\n';
  return place;
}

// The run of blocks a hunk puts in (or takes away) stands right beside its twin in the new
// text, nothing between them: a copy of a section or a list for small screens rendered after
// the original (a red team's find: a services agreement's "visible-xs" copy of one product's
// section, an alert), or the second of two such copies taken away. Read in order, the page
// says the same passage twice in a row; no lead-in or heading makes the copy mean otherwise.
// Two blocks or more: one line beside its double may be a table's value.
bool beside_its_twin(const Hunk& hunk, const std::vector<std::string>& after_keys) {
  const bool added = hunk.old_lines == 0 && hunk.new_lines > 0;
  const bool removed = hunk.new_lines == 0 && hunk.old_lines > 0;
  if (!added && !removed) return false;
  std::vector<std::string> keys;
  for (const LineOp& line : hunk.lines) keys.push_back(comparison_key(parse_block(line.text).text));
  const std::size_t n = keys.size();
  if (n < 2) return false;
  // Where the run is (added) or was (removed) among the new text's blocks, 0-based.
  const std::size_t start = added ? hunk.new_start - 1 : hunk.new_start;
  const std::size_t after_run = added ? start + n : start;
  auto run_at = [&](std::size_t at) {
    if (at + n > after_keys.size()) return false;
    for (std::size_t k = 0; k < n; ++k) {
      const std::string& key = after_keys[at + k];
      if (key != keys[k] && key != std::string(kContentsKeyPrefix) + keys[k]) return false;
    }
    return true;
  };
  return (start >= n && run_at(start - n)) || run_at(after_run);
}

}  // namespace

void mark_repeated_edits(std::vector<Hunk>& hunks, const std::vector<std::string>& before_keys) {
  // Each edit, the hunks that make it, and how many make it after the same 5 blocks.
  std::map<std::string, std::vector<std::size_t>> hunks_of;
  std::map<std::string, std::map<std::string, std::size_t>> places_of;
  for (std::size_t i = 0; i < hunks.size(); ++i) {
    const Hunk& hunk = hunks[i];
    if (hunk.cosmetic || hunk.lines.empty() || !std::all_of(hunk.lines.begin(), hunk.lines.end(), is_entry)) continue;
    std::string edit = edit_of(hunk);
    if (const std::string place = place_of(hunk, before_keys); !place.empty()) ++places_of[edit][place];
    hunks_of[std::move(edit)].push_back(i);
  }
  // A menu repeated 5 times or more makes it; its other copies, rendered at another depth or
  // after other blocks (a ministry's menu in the page's header and footer too), are the same
  // menu. The same item put into each of a policy's lists is made after each list's own items:
  // at no 5 places after the same blocks.
  for (const auto& [edit, at] : hunks_of) {
    const auto& places = places_of[edit];
    const bool repeated = std::any_of(places.begin(), places.end(),
                                      [](const auto& place) { return place.second >= kRepeatedEditMinPlaces; });
    if (!repeated) continue;
    for (std::size_t i : at) {
      hunks[i].cosmetic = true;
      hunks[i].cosmetic_kinds = {"duplicate"};
    }
  }
}

void mark_duplicate_copies(std::vector<Hunk>& hunks, const std::vector<std::string>& after_keys) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    bool copy = false;
    if (hunk.new_lines == 0 && hunk.old_lines > 0) {
      copy = (hunk.old_lines >= kMinCopiedBlocks && still_there(hunk, after_keys, '-')) ||
             date_line_still_there(hunk, after_keys);
    } else if (hunk.old_lines == 0 && hunk.new_lines > 0 && hunk.new_start >= 1) {
      // A second copy put on the page (rendered twice after a redesign, contrib replay: a
      // retailer's privacy policy): the new text says the passage twice, nothing more. Found in
      // the new text outside the hunk, so that the first copy still stands. A copy of the whole
      // document (nine tenths of the rest of the text, or more) is a layout's copy however
      // short the document, one block of it too (metamorphic bench: a 267-word disclosure
      // policy, a policy written as one paragraph, rendered twice); a shorter run must be a
      // passage of 3 blocks and 500 words.
      const SkippedBlocks own{hunk.new_start - 1, hunk.new_start - 1 + hunk.new_lines};
      const std::size_t rest = after_keys.size() - std::min(after_keys.size(), hunk.new_lines);
      const bool whole_document = rest > 0 && hunk.new_lines * 10 >= rest * 9;
      copy = whole_document ? still_there(hunk, after_keys, '+', own, 1, 0)
                            : hunk.new_lines >= kMinCopiedBlocks && still_there(hunk, after_keys, '+', own);
    }
    if (!copy && !beside_its_twin(hunk, after_keys)) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"duplicate"};
  }
}

void mark_heading_copies(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  constexpr std::size_t kHeadingCopyMaxWords = 12;
  const auto is_heading_of = [](const Block& block, const std::string& key) {
    return block.kind == BlockKind::heading && comparison_key(block.text) == key;
  };
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.size() != 1 || (hunk.old_lines != 0 && hunk.new_lines != 0)) continue;
    const Block block = parse_block(hunk.lines[0].text);
    // A list's entry naming what a section is about is the list's ("- XING Exchange" among a
    // service's applications, the section on it further down: contrib replay, a real removal).
    if (block.kind == BlockKind::list_item || count_space_separated_words(block.text) > kHeadingCopyMaxWords) continue;
    const bool added = hunk.old_lines == 0;
    const Text& doubled = added ? after : before;
    const Text& kept = added ? before : after;
    const std::size_t at = (added ? hunk.new_start : hunk.old_start) - 1;
    if (at >= doubled.blocks.size()) continue;
    const std::string key = comparison_key(block.text);
    // Right beside the heading it copies, or the heading beside its copy (the comparison may
    // pair the copy with the old heading), which the other text has.
    const auto copies = [&](std::size_t other) {
      return (block.kind == BlockKind::heading && comparison_key(doubled.blocks[other].text) == key) ||
             is_heading_of(doubled.blocks[other], key);
    };
    const bool beside = (at > 0 && copies(at - 1)) || (at + 1 < doubled.blocks.size() && copies(at + 1));
    if (beside && std::any_of(kept.blocks.begin(), kept.blocks.end(),
                              [&](const Block& other) { return is_heading_of(other, key); }))
      mark_cosmetic(hunk, "duplicate");
  }
}

}  // namespace tosdiff
