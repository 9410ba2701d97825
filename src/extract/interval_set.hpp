#pragma once
// Parts of a flat document (dom.hpp) as a set of intervals of pre-order positions (internal
// to extract/). Selections are intervals: a CSS match covers its element's whole subtree; a
// range covers what lies between its two boundary elements. Taking the union of intervals
// keeps each piece of text once and in document order, however the matches nest.

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

namespace tosdiff {

struct Interval {
  std::uint32_t begin, end;  // [begin, end) in pre-order positions
};

// Filled with add(), then finish() once; the queries are for a finished set (O(log n)).
class IntervalSet {
 public:
  // An empty interval (begin >= end) is ignored.
  void add(std::uint32_t begin, std::uint32_t end) {
    if (begin < end) intervals_.push_back({begin, end});
  }
  // Sorts and merges overlapping or touching intervals.
  void finish() {
    std::sort(intervals_.begin(), intervals_.end(),
              [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
    std::vector<Interval> merged;
    for (const Interval& iv : intervals_) {
      if (!merged.empty() && iv.begin <= merged.back().end)
        merged.back().end = std::max(merged.back().end, iv.end);
      else
        merged.push_back(iv);
    }
    intervals_ = std::move(merged);
  }
  bool empty() const { return intervals_.empty(); }
  bool contains(std::uint32_t pos) const { return find(pos) != nullptr; }
  // True when [begin, end) lies wholly inside one interval.
  bool covers(std::uint32_t begin, std::uint32_t end) const {
    const Interval* iv = find(begin);
    return iv && end <= iv->end;
  }
  bool overlaps(std::uint32_t begin, std::uint32_t end) const {
    auto it = std::upper_bound(intervals_.begin(), intervals_.end(), begin,
                               [](std::uint32_t pos, const Interval& iv) { return pos < iv.begin; });
    if (it != intervals_.begin() && std::prev(it)->end > begin) return true;
    return it != intervals_.end() && it->begin < end;
  }

 private:
  const Interval* find(std::uint32_t pos) const {
    auto it = std::upper_bound(intervals_.begin(), intervals_.end(), pos,
                               [](std::uint32_t p, const Interval& iv) { return p < iv.begin; });
    if (it == intervals_.begin()) return nullptr;
    --it;
    return pos < it->end ? &*it : nullptr;
  }
  std::vector<Interval> intervals_;
};

}  // namespace tosdiff
