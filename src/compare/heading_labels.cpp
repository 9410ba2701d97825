#include "tosdiff/compare/heading_labels.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kHeadingLabelWords = 12;        // a breadcrumb's item, a link's label
constexpr std::size_t kHeadingLabelWordsApart = 2;  // "and", "&", "the", a word of the name

std::string label_words(std::string_view text) { return canonicalize(text, kFoldToWords); }

// The words of `a` and `b` not in the other, counted with their repeats: how far a label is
// from the heading it sits above.
std::size_t words_apart_from_heading(std::string_view a, std::string_view b) {
  std::vector<std::string> left = space_separated_words(a), right = space_separated_words(b);
  std::sort(left.begin(), left.end());
  std::sort(right.begin(), right.end());
  std::vector<std::string> only;
  std::set_symmetric_difference(left.begin(), left.end(), right.begin(), right.end(), std::back_inserter(only));
  return only.size();
}

// The block at `index` (the one right below a reworded block), when it is a heading: its
// words, folded; else "".
std::string heading_at(const Text& text, std::size_t index) {
  if (index >= text.blocks.size() || text.blocks[index].kind != BlockKind::heading) return "";
  return label_words(text.blocks[index].text);
}

bool reads_as_heading_label(const Hunk& hunk, const Text& before, const Text& after) {
  if (hunk.old_lines != 1 || hunk.new_lines != 1) return false;
  const Block& was = before.blocks[hunk.old_start - 1];
  const Block& is = after.blocks[hunk.new_start - 1];
  if (was.kind == BlockKind::heading || is.kind == BlockKind::heading) return false;
  // GNU style: a side's start is its one block's 1-based line, so the block below is at start.
  const std::string heading = heading_at(before, hunk.old_start);
  if (heading.empty() || heading != heading_at(after, hunk.new_start)) return false;
  const std::string was_words = label_words(was.text), is_words = label_words(is.text);
  if (std::max(space_separated_words(was_words).size(), space_separated_words(is_words).size()) > kHeadingLabelWords)
    return false;
  if (is_words == heading) return words_apart_from_heading(was_words, heading) <= kHeadingLabelWordsApart;
  if (was_words == heading) return words_apart_from_heading(is_words, heading) <= kHeadingLabelWordsApart;
  return false;
}

}  // namespace

void mark_heading_labels(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || !reads_as_heading_label(hunk, before, after)) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"navigation"};
  }
}

}  // namespace tosdiff
