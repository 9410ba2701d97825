#include "tosdiff/compare/previous_version.hpp"

#include <set>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinPreviousBlocks = 10;
constexpr std::size_t kEndSlack = 3;
constexpr std::size_t kHeadBlocks = 3;

bool has_word(const std::vector<std::string>& words, std::initializer_list<const char*> list) {
  for (const std::string& word : words)
    for (const char* w : list)
      if (word == w) return true;
  return false;
}

// "Effective until September 29, 2023", "Archive of Previous Terms", "Prior version of the
// Privacy Policy (in effect until 1 May 2026)".
bool labels_another_version(const std::string& text) {
  const std::string dated = canonicalize(text, kFoldDateFormat);
  const std::vector<std::string> words =
      space_separated_words(canonicalize(text, kFoldToWords));
  const bool until_a_date = contains_iso_date(dated) && has_word(words, {"until", "till", "through"});
  const bool previous = has_word(words, {"previous", "prior", "former", "archive", "archived", "superseded"}) &&
                        has_word(words, {"terms", "policy", "version", "agreement", "notice", "conditions", "statement"});
  return until_a_date || previous;
}

}  // namespace

void mark_previous_versions(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  std::set<std::string> kept;  // the new text's keys, read once a hunk may need them
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.new_lines != 0 || hunk.old_lines < kMinPreviousBlocks || hunk.old_start == 0) continue;
    const std::size_t first = hunk.old_start - 1, end = first + hunk.old_lines;
    if (end > before.blocks.size()) continue;
    if (first > kEndSlack && end + kEndSlack < before.blocks.size()) continue;
    bool labelled = false;
    for (std::size_t i = first; i < first + kHeadBlocks && !labelled; ++i)
      labelled = labels_another_version(before.blocks[i].text);
    if (!labelled) continue;
    if (kept.empty())
      for (const Block& block : after.blocks) kept.insert(comparison_key(block.text));
    std::size_t still_there = 0;
    for (std::size_t i = first + kHeadBlocks; i < end; ++i) still_there += kept.count(comparison_key(before.blocks[i].text));
    if (2 * still_there < end - first - kHeadBlocks) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"previous_version"};
  }
}

}  // namespace tosdiff
