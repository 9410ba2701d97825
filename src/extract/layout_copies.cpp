#include "tosdiff/extract/layout_copies.hpp"

#include <string>
#include <string_view>

#include <gumbo.h>

#include "tosdiff/extract/selector.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// The words of the visible text nodes in [begin, end), but those in [skip_begin, skip_end),
// one space between words.
std::string words_between(const FlatDocument& doc, std::uint32_t begin, std::uint32_t end, const IntervalSet& hidden,
                          std::uint32_t skip_begin = 0, std::uint32_t skip_end = 0) {
  std::string out;
  for (std::uint32_t i = begin; i < end; ++i) {
    if (i == skip_begin && skip_end > skip_begin) {
      i = skip_end - 1;
      continue;
    }
    const GumboNode* node = doc.nodes[i];
    if (is_element(node)) {
      if (is_never_text(node) || hidden.covers(i, doc.end[i])) i = doc.end[i] - 1;
      continue;
    }
    if (node->type != GUMBO_NODE_TEXT) continue;
    const std::string_view text(node->v.text.text);
    for (std::size_t at = 0; at < text.size();) {
      while (at < text.size() && static_cast<unsigned char>(text[at]) <= ' ') ++at;
      std::size_t word_end = at;
      while (word_end < text.size() && static_cast<unsigned char>(text[word_end]) > ' ') ++word_end;
      if (word_end > at) (out += out.empty() ? "" : " ") += text.substr(at, word_end - at);
      at = word_end;
    }
  }
  return out;
}

// Whether an element says it is shown at some screen widths only: a breakpoint's class
// ("d-md-none", "hidden-1vgy5ls", "md:hidden", "mobile-only", "visible-desktop") or its
// aria-hidden. Two regions' panels with the same words and no such mark are both the page's
// (one may change alone later, and then must read as a change, not as a copy put on).
bool shown_at_some_widths(const GumboNode* element) {
  if (attribute(element, "aria-hidden")) return true;
  static constexpr std::string_view kMarks[] = {"hidden", "d-none", "d-sm-", "d-md-", "d-lg-", "d-xl-", "mobile",
                                                "desktop", "tablet", "phone", "visible-", "show-for", "hide-",
                                                "sm:", "md:", "lg:", "xl:", "breakpoint"};
  for (const char* name : {"class", "id"}) {
    const char* value = attribute(element, name);
    if (!value) continue;
    const std::string lower = ascii_lower(value);
    for (std::string_view mark : kMarks)
      if (lower.find(mark) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<Interval> layout_copies(const FlatDocument& doc, std::uint32_t root, const IntervalSet& hidden,
                                    const std::vector<std::uint64_t>& prefix) {
  const auto size_of = [&](std::uint32_t i) { return prefix[doc.end[i]] - prefix[i]; };
  std::vector<Interval> copies;
  // Each level walks its children (sizes from the prefix sums; words read for the big ones
  // only): a bounded descent keeps a page nested thousands of wrappers deep linear (a layout's
  // copies sit near the top of the content).
  constexpr int kMaxDepth = 32;
  int depth = 0;
  for (std::uint32_t node = root; depth < kMaxDepth; ++depth) {
    const std::uint64_t total = size_of(node);
    if (total < 2 * kLayoutCopyMinChars) break;
    // The children holding a third of the text or more, with their words.
    std::vector<std::pair<std::uint32_t, std::string>> big;
    std::uint32_t widest = 0;
    std::uint64_t widest_size = 0;
    for (std::uint32_t child = node + 1; child < doc.end[node]; child = doc.end[child]) {
      if (!is_element(doc.nodes[child]) || is_never_text(doc.nodes[child]) || hidden.covers(child, doc.end[child]))
        continue;
      const std::uint64_t size = size_of(child);
      if (size > widest_size) {
        widest = child;
        widest_size = size;
      }
      if (size * 3 >= total && size >= kLayoutCopyMinChars)
        big.emplace_back(child, words_between(doc, child, doc.end[child], hidden));
    }
    bool found = false;
    for (std::size_t k = 0; k < big.size(); ++k) {
      const auto& [child, words] = big[k];
      const bool marked = shown_at_some_widths(doc.nodes[child]);
      bool repeats = false;
      for (std::size_t j = 0; j < k && !repeats; ++j)
        repeats = big[j].second == words && (marked || shown_at_some_widths(doc.nodes[big[j].first]));
      // A copy appended after the content it repeats, that content spread over its siblings:
      // the last big child only (what a copy repeats stays).
      if (!repeats && marked && k + 1 == big.size())
        repeats = words_between(doc, node, doc.end[node], hidden, child, doc.end[child]) == words;
      if (repeats) {
        copies.push_back({child, doc.end[child]});
        found = true;
      }
    }
    if (found || widest_size * 10 < total * 9) break;
    node = widest;
  }
  return copies;
}

}  // namespace tosdiff
