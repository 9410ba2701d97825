#include "tosdiff/extract/layout_copies.hpp"

#include <algorithm>
#include <optional>
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

// Whether `element` or one of its wrappers below `stop` (an ancestor, or null for none) is
// marked as shown at some screen widths only.
bool marked_below(const GumboNode* element, const GumboNode* stop) {
  for (const GumboNode* node = element; node && node != stop && node->type == GUMBO_NODE_ELEMENT; node = node->parent)
    if (shown_at_some_widths(node)) return true;
  return false;
}

// The nearest element holding both `a` and `b`.
const GumboNode* common_ancestor(const GumboNode* a, const GumboNode* b) {
  std::vector<const GumboNode*> above_a;
  for (const GumboNode* node = a; node; node = node->parent) above_a.push_back(node);
  for (const GumboNode* node = b; node; node = node->parent)
    if (std::find(above_a.begin(), above_a.end(), node) != above_a.end()) return node;
  return nullptr;
}

// The words of the visible text nodes under `roots`, one space between words, with the offset
// in them at which each position of the document starts (positions outside the roots: the
// offset at the next root).
struct WordsWithOffsets {
  std::string words;
  std::vector<std::uint32_t> offset;  // by document position, and one past the last
};

WordsWithOffsets words_with_offsets(const FlatDocument& doc, const std::vector<std::uint32_t>& roots,
                                    const IntervalSet& hidden) {
  WordsWithOffsets out;
  const auto n = static_cast<std::uint32_t>(doc.nodes.size());
  out.offset.assign(n + 1, 0);
  std::uint32_t next = 0;  // the first position whose offset is not set yet
  const auto reach = [&](std::uint32_t to) {
    for (; next < to; ++next) out.offset[next] = static_cast<std::uint32_t>(out.words.size());
  };
  for (std::uint32_t root : roots) {
    if (root < next) continue;  // inside an earlier root
    reach(root);
    for (std::uint32_t i = root; i < doc.end[root]; ++i) {
      reach(i + 1);
      const GumboNode* node = doc.nodes[i];
      if (is_element(node)) {
        if (is_never_text(node) || hidden.covers(i, doc.end[i])) {
          reach(doc.end[i]);
          i = doc.end[i] - 1;
        }
        continue;
      }
      if (node->type != GUMBO_NODE_TEXT) continue;
      const std::string_view text(node->v.text.text);
      for (std::size_t at = 0; at < text.size();) {
        while (at < text.size() && static_cast<unsigned char>(text[at]) <= ' ') ++at;
        std::size_t word_end = at;
        while (word_end < text.size() && static_cast<unsigned char>(text[word_end]) > ' ') ++word_end;
        if (word_end > at) (out.words += out.words.empty() ? "" : " ") += text.substr(at, word_end - at);
        at = word_end;
      }
    }
  }
  reach(n + 1);
  return out;
}

// Elements that flow inside a sentence: marked so, they are part of it, not a copy.
bool is_inline(const GumboNode* element) {
  switch (element->v.element.tag) {
    case GUMBO_TAG_SPAN: case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_STRONG: case GUMBO_TAG_EM:
    case GUMBO_TAG_I: case GUMBO_TAG_SMALL: case GUMBO_TAG_LABEL: case GUMBO_TAG_ABBR: case GUMBO_TAG_CODE:
    case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_U: case GUMBO_TAG_MARK: case GUMBO_TAG_TIME:
      return true;
    default:
      return false;
  }
}

std::size_t word_count_of(std::string_view words) {
  return words.empty() ? 0 : static_cast<std::size_t>(std::count(words.begin(), words.end(), ' ')) + 1;
}

}  // namespace

std::vector<Interval> marked_copies(const FlatDocument& doc, const std::vector<std::uint32_t>& roots,
                                    const IntervalSet& hidden) {
  std::vector<Interval> copies;
  // Most pages have no marked block: the words are read only when one is found.
  std::optional<WordsWithOffsets> read;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> dropped;  // offsets of the copies found
  constexpr int kMaxCandidates = 256;  // each a search of the text: a page is bounded
  int candidates = 0;
  std::uint32_t covered_to = 0;
  for (std::uint32_t root : roots) {
    if (root < covered_to) continue;
    covered_to = doc.end[root];
    for (std::uint32_t i = root; i < doc.end[root] && candidates < kMaxCandidates; ++i) {
      const GumboNode* node = doc.nodes[i];
      if (!is_element(node)) continue;
      if (is_never_text(node) || hidden.covers(i, doc.end[i])) {
        i = doc.end[i] - 1;
        continue;
      }
      if (i == root || is_inline(node) || !shown_at_some_widths(node)) continue;
      ++candidates;
      if (!read) read = words_with_offsets(doc, roots, hidden);
      const std::string_view all(read->words);
      std::uint32_t begin = read->offset[i], end = read->offset[doc.end[i]];
      while (begin < end && all[begin] == ' ') ++begin;
      const std::string_view words = all.substr(begin, end - begin);
      if (word_count_of(words) < kMarkedCopyMinWords) continue;
      const auto elsewhere = [&](std::size_t at) {
        const std::size_t stop = at + words.size();
        if (at < end && stop > begin) return false;  // the copy itself
        for (const auto& [b, e] : dropped)
          if (at < e && stop > b) return false;
        const bool starts = at == 0 || all[at - 1] == ' ';
        const bool ends = stop == all.size() || all[stop] == ' ';
        return starts && ends;
      };
      bool found = false;
      for (std::size_t at = all.find(words); at != std::string_view::npos && !found; at = all.find(words, at + 1))
        found = elsewhere(at);
      if (!found) continue;
      copies.push_back({i, doc.end[i]});
      dropped.emplace_back(begin, end);
      i = doc.end[i] - 1;
    }
  }
  return copies;
}

std::vector<Interval> repeated_selections(const FlatDocument& doc, const std::vector<std::uint32_t>& roots,
                                          const IntervalSet& hidden) {
  std::vector<Interval> copies;
  std::vector<std::pair<std::uint32_t, std::string>> kept;  // earlier roots and their words
  std::uint32_t covered_to = 0;  // a root inside an earlier one is part of it
  for (std::uint32_t root : roots) {
    if (root < covered_to) continue;
    covered_to = doc.end[root];
    if (hidden.covers(root, doc.end[root])) continue;
    std::string words = words_between(doc, root, doc.end[root], hidden);
    if (words.empty()) continue;
    bool repeats = false;
    for (const auto& [earlier, earlier_words] : kept) {
      if (earlier_words != words) continue;
      const GumboNode* both = common_ancestor(doc.nodes[earlier], doc.nodes[root]);
      if (marked_below(doc.nodes[root], both) || marked_below(doc.nodes[earlier], both)) {
        repeats = true;
        break;
      }
    }
    if (repeats)
      copies.push_back({root, doc.end[root]});
    else
      kept.emplace_back(root, std::move(words));
  }
  return copies;
}

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
    // The children holding an eighth of the text or more, with their words.
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
      if (size * kLayoutCopyShare >= total && size >= kLayoutCopyMinChars)
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
