#include "tosdiff/compare/previous_version.hpp"

#include <unordered_map>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/update_notice.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinPreviousBlocks = 10;
constexpr std::size_t kEndSlack = 3;
constexpr std::size_t kHeadBlocks = 3;
constexpr std::size_t kVersionLabelMaxWords = 12;

// A short line naming another version: "Effective until September 29, 2023", "Archive of
// Previous Terms", "Prior version of the Privacy Policy". Not a clause ("Entire agreement. These
// Terms supersede any prior agreement ..." is longer than a label).
bool labels_another_version(const std::string& text) {
  const std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  if (words.empty() || words.size() > kVersionLabelMaxWords) return false;
  const bool until_a_date =
      contains_iso_date(canonicalize(text, kFoldDateFormat)) && any_of_words(words, {"until", "till", "through"});
  const bool previous = any_of_words(words, {"previous", "prior", "former", "archive", "archived", "superseded"}) &&
                        any_of_words(words, kDocumentWords);
  return until_a_date || previous;
}

// The blocks that open a previous version: its label, after at most a heading or two and the
// notice that introduces it ("We have made some updates to our Terms of Service ... The current
// Terms of Service are below.", "## Current Terms of Service"). A clause before the label is not
// the previous version's: the hunk is then more than a copy taken down.
bool opens_with_a_label(const Text& before, std::size_t first) {
  for (std::size_t i = first; i < first + kHeadBlocks && i < before.blocks.size(); ++i) {
    const Block& block = before.blocks[i];
    if (labels_another_version(block.text)) return true;
    const bool heading = block.kind == BlockKind::heading && count_space_separated_words(block.text) <= kVersionLabelMaxWords;
    if (!heading && !is_version_announcement(block.text)) return false;
  }
  return false;
}

}  // namespace

void mark_previous_versions(std::vector<Hunk>& hunks, const Text& before, const std::vector<std::string>& before_keys,
                            const std::vector<std::string>& after_keys) {
  std::unordered_map<std::string, std::size_t> in_before, in_after;  // counted once a hunk may need them
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.new_lines != 0 || hunk.old_lines < kMinPreviousBlocks || hunk.old_start == 0) continue;
    const std::size_t first = hunk.old_start - 1, end = first + hunk.old_lines;
    if (end > before.blocks.size()) continue;
    if (first > kEndSlack && end + kEndSlack < before.blocks.size()) continue;
    if (!opens_with_a_label(before, first)) continue;
    if (in_before.empty()) {
      for (const std::string& key : before_keys) ++in_before[key];
      for (const std::string& key : after_keys) ++in_after[key];
    }
    // A copy: its blocks are written twice on the old page (the version in force above it says
    // them too) and still once on the new one. A section moved away has them once only.
    std::size_t copied = 0;
    for (std::size_t i = first + kHeadBlocks; i < end; ++i)
      copied += in_before[before_keys[i]] >= 2 && in_after[before_keys[i]] >= 1 ? 1 : 0;
    if (2 * copied < end - first - kHeadBlocks) continue;
    mark_cosmetic(hunk, "previous_version");
  }
}

}  // namespace tosdiff
