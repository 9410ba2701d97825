#include "tosdiff/compare/variants.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {

std::vector<WordEdit> word_edits(const Hunk& hunk) {
  std::vector<WordEdit> edits;
  WordEdit edit;
  bool open = false;
  std::string kept_last;  // the last word of the words kept before the current edit
  auto close = [&] {
    if (open) edits.push_back(std::move(edit));
    edit = {};
    edit.before = kept_last;
    open = false;
  };
  for (const WordOp& op : hunk.words) {
    if (op.op == '=') {
      close();
      // Its last three words: "within 30 days" is in both a retention and a reply clause.
      std::size_t from = op.text.size();
      for (int words = 0; words < 3 && from != std::string::npos && from > 0; ++words)
        from = op.text.find_last_of(' ', from - 1);
      kept_last = from == std::string::npos ? op.text : op.text.substr(from + 1);
      edit.before = kept_last;
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
  // Its place: the first words the hunk keeps, the same whichever way it switches.
  constexpr std::size_t kPlaceWords = 6;
  std::vector<std::string> kept;
  for (const WordOp& op : hunk.words) {
    if (op.op != '=') continue;
    for (std::string& word : space_separated_words(op.text)) {
      if (kept.size() == kPlaceWords) break;
      kept.push_back(std::move(word));
    }
  }
  return WordEdit{join(only_removed, " "), join(only_added, " "), join(kept, " ")};
}

std::size_t mark_variants(Change& change, const std::vector<WordEdit>& known) {
  if (known.empty()) return 0;
  // A switch is the same switch only in the same place (after the same words): "30" ↔ "90" days
  // of retention is no variant of a reply's "within 30 days", nor "Ireland" ↔ "California" in
  // the governing law one of a support team's address (two red teams' finds).
  std::set<std::tuple<std::string, std::string, std::string>> either_way;
  for (const WordEdit& edit : known) {
    either_way.emplace(edit.removed, edit.added, edit.before);
    either_way.emplace(edit.added, edit.removed, edit.before);
  }
  std::size_t marked = 0;
  for (Hunk& hunk : change.hunks) {
    if (hunk.cosmetic) continue;
    const std::vector<WordEdit> edits = word_edits(hunk);
    if (edits.empty()) continue;
    const auto known_edit = [&](const WordEdit& edit) { return either_way.count({edit.removed, edit.added, edit.before}) > 0; };
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
