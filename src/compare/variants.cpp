#include "tosdiff/compare/variants.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "tosdiff/compare/diff.hpp"

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
    const bool all_known = std::all_of(edits.begin(), edits.end(), [&](const WordEdit& edit) {
      return either_way.count({edit.removed, edit.added}) > 0;
    });
    if (!all_known) continue;
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
