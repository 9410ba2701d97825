#include "tosdiff/compare/variants.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <sstream>
#include <utility>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {

std::vector<WordEdit> word_edits(const Hunk& hunk) {
  std::vector<WordEdit> edits;
  WordEdit edit;
  bool open = false;
  auto close = [&] {
    if (open) edits.push_back(std::move(edit));
    edit = {};
    open = false;
  };
  for (const WordOp& op : hunk.words) {
    if (op.op == '=') {
      close();
    } else if (op.op == '-') {
      if (open && !edit.removed.empty()) close();  // a second removal starts another edit
      edit.removed = op.text;
      open = true;
    } else {
      if (open && !edit.added.empty()) close();
      edit.added = op.text;
      open = true;
    }
  }
  close();
  return edits;
}

WordEdit hunk_swap(const Hunk& hunk) {
  std::multiset<std::string> removed, added;
  for (const LineOp& line : hunk.lines) {
    std::istringstream words(line.text);
    std::string word;
    while (words >> word) (line.op == '-' ? removed : added).insert(word);
  }
  std::vector<std::string> only_removed, only_added;
  std::set_difference(removed.begin(), removed.end(), added.begin(), added.end(), std::back_inserter(only_removed));
  std::set_difference(added.begin(), added.end(), removed.begin(), removed.end(), std::back_inserter(only_added));
  return WordEdit{join(only_removed, " "), join(only_added, " ")};
}

std::size_t mark_variants(Change& change, const std::vector<WordEdit>& known) {
  if (known.empty()) return 0;
  std::set<std::pair<std::string, std::string>> either_way;
  for (const WordEdit& edit : known) {
    either_way.emplace(edit.removed, edit.added);
    either_way.emplace(edit.added, edit.removed);
  }
  std::size_t marked = 0;
  for (Hunk& hunk : change.hunks) {
    if (hunk.cosmetic) continue;
    const std::vector<WordEdit> edits = word_edits(hunk);
    if (edits.empty()) continue;
    const auto known_edit = [&](const WordEdit& edit) { return either_way.count({edit.removed, edit.added}) > 0; };
    if (!std::all_of(edits.begin(), edits.end(), known_edit) && !known_edit(hunk_swap(hunk))) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"variant"};
    hunk.topics.clear();
    hunk.flags.clear();
    ++marked;
  }
  if (marked > 0) settle_lone_news(change);
  return marked;
}

}  // namespace tosdiff
