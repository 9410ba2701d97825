#include "tosdiff/model/change.hpp"

#include <algorithm>
#include <set>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

void accumulate(DiffStats& total, const DiffStats& s) {
  total.blocks_added += s.blocks_added;
  total.blocks_removed += s.blocks_removed;
  total.blocks_changed += s.blocks_changed;
  total.words_added += s.words_added;
  total.words_removed += s.words_removed;
}

}  // namespace

DiffStats hunk_stats(const Hunk& hunk) {
  DiffStats stats;
  // Removed and added blocks pair up as changed ones; the rest were added or removed.
  stats.blocks_changed = std::min(hunk.old_lines, hunk.new_lines);
  stats.blocks_removed = hunk.old_lines - stats.blocks_changed;
  stats.blocks_added = hunk.new_lines - stats.blocks_changed;
  for (const WordOp& op : hunk.words) {
    if (op.op == '+') stats.words_added += count_space_separated_words(op.text);
    if (op.op == '-') stats.words_removed += count_space_separated_words(op.text);
  }
  return stats;
}

void tally(Change& change) {
  change.stats = {};
  change.substantive_stats = {};
  change.substantive = false;
  std::set<std::string> kinds;
  for (const Hunk& hunk : change.hunks) {
    DiffStats stats = hunk_stats(hunk);
    accumulate(change.stats, stats);
    if (hunk.cosmetic) {
      kinds.insert(hunk.cosmetic_kinds.begin(), hunk.cosmetic_kinds.end());
    } else {
      change.substantive = true;
      accumulate(change.substantive_stats, stats);
    }
  }
  change.cosmetic_kinds.assign(kinds.begin(), kinds.end());
}

}  // namespace tosdiff
