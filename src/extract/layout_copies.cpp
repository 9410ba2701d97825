#include "tosdiff/extract/layout_copies.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <gumbo.h>

#include "tosdiff/extract/element_reading.hpp"
#include "tosdiff/extract/selector.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

bool is_left_out(const FlatDocument& doc, std::uint32_t i, const IntervalSet& hidden) {
  const GumboNode* node = doc.nodes[i];
  // Text a screen reader reads and a screen does not ("(opens in a new tab)"): one copy of a
  // layout may have it where another has not.
  const char* classes = attribute(node, "class");
  return is_never_text(node) || (classes && is_screen_reader_text(classes)) || hidden.covers(i, doc.end[i]);
}

// Appends a text node's characters as copies are compared: spaces squeezed to one, and what
// differs between two renderings of one text left out (marks and arrows a template puts beside
// a link, characters without width, punctuation). Text nodes run on: a word split by the markup
// ("pro<span>tect</span>") stays one.
void append_comparable(std::string& out, std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    const char32_t c = next_code_point(text, at);
    if (c <= ' ' || is_unicode_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    const bool mark = (c < 0x80 && !is_ascii_letter(static_cast<char>(c)) && !is_ascii_digit(static_cast<char>(c))) ||
                      is_zero_width(c) || (c >= 0x2000 && c <= 0x206F) || (c >= 0x2190 && c <= 0x21FF) ||
                      (c >= 0x2500 && c <= 0x27BF) || (c >= 0xFE00 && c <= 0xFE0F);
    if (!mark) out.append(text.substr(start, at - start));
  }
}

// A space where a block opens or closes: text nodes run on inside a line only.
class BlockEdges {
 public:
  void enter(const FlatDocument& doc, std::uint32_t i, std::string& out) {
    if (!is_block_tag(doc.nodes[i]->v.element.tag)) return;
    space(out);
    ends_.push_back(doc.end[i]);
  }
  void reach(std::uint32_t i, std::string& out) {
    while (!ends_.empty() && i >= ends_.back()) {
      ends_.pop_back();
      space(out);
    }
  }

 private:
  static void space(std::string& out) {
    if (!out.empty() && out.back() != ' ') out += ' ';
  }
  std::vector<std::uint32_t> ends_;
};

// The words of the visible text nodes in [begin, end), but those in [skip_begin, skip_end),
// as append_comparable writes them.
std::string words_between(const FlatDocument& doc, std::uint32_t begin, std::uint32_t end, const IntervalSet& hidden,
                          std::uint32_t skip_begin = 0, std::uint32_t skip_end = 0) {
  std::string out;
  BlockEdges edges;
  for (std::uint32_t i = begin; i < end; ++i) {
    edges.reach(i, out);
    if (i == skip_begin && skip_end > skip_begin) {
      i = skip_end - 1;
      continue;
    }
    const GumboNode* node = doc.nodes[i];
    if (is_element(node)) {
      if (is_left_out(doc, i, hidden)) i = doc.end[i] - 1;
      else edges.enter(doc, i, out);
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT) append_comparable(out, node->v.text.text);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
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

// Whether a class names a width, in the words the frameworks use for screen sizes.
bool names_a_width(std::string_view word) {
  static constexpr std::string_view kWidths[] = {"xs", "sm", "md", "lg", "xl", "xxl", "2xl", "mobile", "tablet",
                                                 "desktop", "phone", "small", "medium", "large", "wide", "narrow"};
  return std::find(std::begin(kWidths), std::end(kWidths), word) != std::end(kWidths);
}

// Whether a class token shows or hides its element at some widths only: Bootstrap's
// "visible-xs", "hidden-md", "d-none", "d-md-block"; Tailwind's "md:hidden", "lg:block";
// Foundation's "hide-for-small", "show-for-large"; "mobile-only", "only-desktop";
// "elementor-hidden-mobile"; a site builder's breakpoint class "hidden-1vgy5ls" (a hash with a
// figure). "eea-only" names a region, not a width (a review's find: a region's paragraph
// that repeated a general sentence taken for a copy, its removal unseen).
bool is_width_token(std::string_view token) {
  if (token == "d-none") return true;
  const auto parts = [&](char separator) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0; start <= token.size();) {
      std::size_t stop = token.find(separator, start);
      if (stop == std::string_view::npos) stop = token.size();
      out.push_back(token.substr(start, stop - start));
      start = stop + 1;
    }
    return out;
  };
  // Tailwind: "md:hidden", "lg:block".
  if (const std::size_t colon = token.find(':'); colon != std::string_view::npos)
    return names_a_width(token.substr(0, colon)) &&
           (token.substr(colon + 1) == "hidden" || token.substr(colon + 1) == "block" ||
            token.substr(colon + 1) == "flex" || token.substr(colon + 1) == "inline");
  const std::vector<std::string_view> words = parts('-');
  // Bootstrap 4+: "d-md-block", "d-lg-none".
  if (words.size() == 3 && words[0] == "d" && names_a_width(words[1])) return true;
  bool shows = false, width = false;
  for (std::string_view word : words) {
    if (word == "hidden" || word == "visible" || word == "hide" || word == "show" || word == "only") shows = true;
    else if (names_a_width(word)) width = true;
  }
  if (shows && width) return true;
  // A site builder's "hidden-1vgy5ls": a hash holding a figure.
  return words.size() == 2 && words[0] == "hidden" && words[1].size() >= 5 && words[1].size() <= 8 &&
         std::any_of(words[1].begin(), words[1].end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether an element's class shows or hides it at some widths only (is_width_token). A layout's
// word alone ("columns--mobile": columns stacked on phones) says nothing of what is shown: a
// copy found anywhere in the content needs such a class (a dating site's policy repeated in
// every tab of its page, each "columns--mobile", lost an eighth of its words).
bool marked_for_some_widths(const GumboNode* element) { return any_class(element, is_width_token); }

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
    BlockEdges edges;
    for (std::uint32_t i = root; i < doc.end[root]; ++i) {
      edges.reach(i, out.words);
      reach(i + 1);
      const GumboNode* node = doc.nodes[i];
      if (is_element(node)) {
        if (is_left_out(doc, i, hidden)) {
          reach(doc.end[i]);
          i = doc.end[i] - 1;
        } else {
          edges.enter(doc, i, out.words);
          out.offset[i] = static_cast<std::uint32_t>(out.words.size());  // past the space it opens with
        }
        continue;
      }
      if (node->type == GUMBO_NODE_TEXT) append_comparable(out.words, node->v.text.text);
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

// Earlier roots of the same words kept to compare a root with: a table's cells saying "Yes"
// a thousand times need not each be compared with every other.
constexpr std::size_t kMaxSameWords = 8;

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
      if (i == root || is_inline(node) || !marked_for_some_widths(node)) continue;
      ++candidates;
      if (!read) read = words_with_offsets(doc, roots, hidden);
      const std::string_view all(read->words);
      std::uint32_t begin = read->offset[i], end = read->offset[doc.end[i]];
      while (begin < end && all[begin] == ' ') ++begin;
      while (end > begin && all[end - 1] == ' ') --end;
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
  // Earlier roots by their words: a selector matching every cell of a large table compares
  // each cell with those of the same words only (a review's find: quadratic, 18 s).
  std::unordered_map<std::string, std::vector<std::uint32_t>> kept;
  std::uint32_t covered_to = 0;  // a root inside an earlier one is part of it
  for (std::uint32_t root : roots) {
    if (root < covered_to) continue;
    covered_to = doc.end[root];
    if (hidden.covers(root, doc.end[root])) continue;
    std::string words = words_between(doc, root, doc.end[root], hidden);
    if (words.empty()) continue;
    std::vector<std::uint32_t>& same = kept[words];
    bool repeats = false;
    for (std::uint32_t earlier : same) {
      const GumboNode* both = common_ancestor(doc.nodes[earlier], doc.nodes[root]);
      if (marked_below(doc.nodes[root], both) || marked_below(doc.nodes[earlier], both)) {
        repeats = true;
        break;
      }
    }
    if (repeats)
      copies.push_back({root, doc.end[root]});
    else if (same.size() < kMaxSameWords)
      same.push_back(root);
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
      if (size * kLayoutCopyShare >= total && size >= kLayoutCopyMinChars) big.emplace_back(child, std::string());
    }
    // A third of the text or more is a whole layout's copy, whatever names its breakpoint; a
    // smaller one must be named so in the frameworks' words (a dating site's tabs, each holding
    // the same section in "columns--mobile", are no copies).
    const auto marked = [&](std::uint32_t child) {
      return size_of(child) * 3 >= total ? shown_at_some_widths(doc.nodes[child]) : marked_for_some_widths(doc.nodes[child]);
    };
    // Words read only where they may be compared: two children or more, or one marked (the
    // descent passes through a child holding nine tenths of the text at every level).
    const bool one_marked = big.size() == 1 && marked(big.front().first);
    if (big.size() < 2 && !one_marked) big.clear();
    for (auto& [child, words] : big) words = words_between(doc, child, doc.end[child], hidden);
    bool found = false;
    for (std::size_t k = 0; k < big.size(); ++k) {
      const auto& [child, words] = big[k];
      const bool child_marked = marked(child);
      bool repeats = false;
      for (std::size_t j = 0; j < k && !repeats; ++j)
        repeats = big[j].second == words && (child_marked || marked(big[j].first));
      // A copy appended after the content it repeats, that content spread over its siblings:
      // the last big child only (what a copy repeats stays).
      if (!repeats && child_marked && k + 1 == big.size())
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
