#include "tosdiff/extract/main_content.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include <gumbo.h>

#include "tosdiff/model/copyright_line.hpp"
#include "tosdiff/extract/boilerplate.hpp"
#include "tosdiff/extract/selector.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

using WordCounts = std::unordered_map<std::string, int>;

void count_words(std::string_view text, WordCounts& counts, std::size_t& total) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) {
      ++counts[word];
      ++total;
      word.clear();
    }
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char u = static_cast<unsigned char>(text[i]);
    // Typographic quotes and apostrophes part words as ASCII ones do: a page that curls them
    // one day reads as the same words ("d’utiliser" / "d'utiliser").
    if (u == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char third = static_cast<unsigned char>(text[i + 2]);
      if (third >= 0x98 && third <= 0x9F) {  // U+2018..U+201F
        flush();
        i += 2;
        continue;
      }
    }
    if (u == 0xC2 && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) == 0xAB || static_cast<unsigned char>(text[i + 1]) == 0xBB)) {
      flush();  // « »
      ++i;
      continue;
    }
    // Spaces written as no-break or typographic ones part words as a space does, and the
    // invisible characters a page puts inside words (a soft hyphen, a zero-width space) do
    // not: the archived text has them folded so (metamorphic bench: no-break spaces put
    // between a few words made a stale selector's page read another element).
    if (u >= 0x80) {
      std::size_t next = i;
      const char32_t c = next_code_point(text, next);
      if (is_unicode_space(c) || is_zero_width(c)) {
        if (is_unicode_space(c)) flush();
        i = next - 1;
        continue;
      }
    }
    if (std::isalnum(u) || u >= 0x80) word += static_cast<char>(std::tolower(u));
    else flush();
  }
  flush();
}

double word_f1(const WordCounts& a, std::size_t a_total, const WordCounts& b, std::size_t b_total) {
  if (a_total == 0 || b_total == 0) return 0;
  std::size_t overlap = 0;
  for (const auto& [word, n] : a) {
    auto it = b.find(word);
    if (it != b.end()) overlap += static_cast<std::size_t>(std::min(n, it->second));
  }
  if (overlap == 0) return 0;
  double precision = static_cast<double>(overlap) / static_cast<double>(a_total);
  double recall = static_cast<double>(overlap) / static_cast<double>(b_total);
  return 2 * precision * recall / (precision + recall);
}

// The page's copyright line: "© 2026 Lumen Inc.", or a line opening with "Copyright" that the
// footer's furniture reads as one (model/copyright_line.hpp: "Copyright 2026 Lumen"). A sentence
// opening with the word ("Copyright claims filed after January 2025 are handled only through
// the form below.") is a copyright policy's, and stays (a review's find). The prefix test comes
// first: this runs on every long text node of a page.
bool is_copyright_line(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  if (text.substr(0, 2) == "\xC2\xA9") return true;  // ©
  if (text.size() < 9) return false;
  std::string head(text.substr(0, 9));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  constexpr std::size_t kCopyrightLineWords = 30;
  return head == "copyright" && is_copyright_text(text, kCopyrightLineWords);
}

// Words more than figures: a sentence, not a stamp ("Page generated 2026-01-17 03:17 UTC ·
// build c20c4f1" closing a page made the menus above it the document's; metamorphic bench).
// Bytes of other scripts count as letters.
bool is_mostly_letters(std::string_view text) {
  std::size_t letters = 0, visible = 0;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u)) continue;
    ++visible;
    if (u >= 0x80 || std::isalpha(u)) ++letters;
  }
  return letters * 10 >= visible * 7;
}

std::size_t trimmed_length(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  return e - b;
}

}  // namespace

std::vector<std::uint64_t> text_prefix_sums(const FlatDocument& doc) {
  std::vector<std::uint64_t> prefix(doc.nodes.size() + 1, 0);
  for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
    const GumboNode* node = doc.nodes[i];
    std::uint64_t len = 0;
    if (node->type == GUMBO_NODE_TEXT && node->parent && !is_never_text(node->parent))
      len = node->v.text.original_text.length;
    prefix[i + 1] = prefix[i] + len;
  }
  return prefix;
}

std::uint32_t find_main_content(const FlatDocument& doc, const std::vector<std::uint64_t>& prefix) {
  auto text_of = [&](std::uint32_t i) { return prefix[doc.end[i]] - prefix[i]; };
  std::optional<std::uint32_t> best_main, best_article, body;
  for (std::uint32_t i = 0; i < doc.nodes.size(); ++i) {
    const GumboNode* node = doc.nodes[i];
    if (!is_element(node)) continue;
    GumboTag tag = node->v.element.tag;
    const char* role = attribute(node, "role");
    if (tag == GUMBO_TAG_BODY && !body) body = i;
    if (tag == GUMBO_TAG_MAIN || (role && std::string_view(role) == "main")) {
      if (!best_main || text_of(i) > text_of(*best_main)) best_main = i;
    } else if (tag == GUMBO_TAG_ARTICLE) {
      if (!best_article || text_of(i) > text_of(*best_article)) best_article = i;
    }
  }
  std::uint32_t page = body.value_or(0);
  if (best_main && text_of(*best_main) > 0) return *best_main;
  if (best_article && text_of(*best_article) * 10 >= text_of(page) * 4) return *best_article;
  return page;
}

std::optional<std::uint32_t> find_anchored_content(const FlatDocument& doc, std::string_view anchor,
                                                   const std::vector<std::uint64_t>& prefix) {
  WordCounts anchor_words;
  std::size_t anchor_total = 0;
  count_words(anchor, anchor_words, anchor_total);
  const auto anchor_bytes = static_cast<std::uint64_t>(anchor.size());
  std::optional<std::uint32_t> best;
  double best_score = 0.5;  // below this, nothing on the page is the document
  // Each candidate's words are counted anew: on a page nested thousands deep (a word processor's
  // export, every clause an unclosed div inside the last) that is quadratic, so only the
  // candidates closest to the anchor's size are weighed (a review's find: 6.7 s for a first
  // check of 4,000 nested clauses).
  constexpr std::size_t kMaxCandidates = 128;
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t i = 0; i < doc.nodes.size(); ++i) {
    const GumboNode* node = doc.nodes[i];
    if (!is_element(node) || is_never_text(node)) continue;
    const std::uint64_t bytes = prefix[doc.end[i]] - prefix[i];
    if (bytes * 2 < anchor_bytes || bytes > anchor_bytes * 3) continue;  // far too small or big
    candidates.push_back(i);
  }
  if (candidates.size() > kMaxCandidates) {
    const auto distance = [&](std::uint32_t i) {
      const std::uint64_t bytes = prefix[doc.end[i]] - prefix[i];
      return bytes > anchor_bytes ? bytes - anchor_bytes : anchor_bytes - bytes;
    };
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return distance(a) < distance(b); });
    candidates.resize(kMaxCandidates);
    std::sort(candidates.begin(), candidates.end());  // document order: ties keep the outer element
  }
  for (const std::uint32_t i : candidates) {
    WordCounts words;
    std::size_t total = 0;
    for (std::uint32_t k = i; k < doc.end[i]; ++k) {
      const GumboNode* n = doc.nodes[k];
      // Words the text never has: never text, or a navigation, hidden or not (boilerplate's
      // first rule; a review's find: a hidden menu inside <main> made a first check pick the
      // terms' own box and never archive the page's title and the warning above them). Hidden
      // boxes are not left out here: an accordion's closed panels are the document.
      if (is_element(n) && (is_never_text(n) || (k > i && is_navigation(n)))) {
        k = doc.end[k] - 1;
        continue;
      }
      if (n->type == GUMBO_NODE_TEXT) count_words(n->v.text.text, words, total);
    }
    double score = word_f1(words, total, anchor_words, anchor_total);
    if (score > best_score + 1e-9) {  // ties keep the outer element: it loses nothing
      best_score = score;
      best = i;
    }
  }
  return best;
}

void remove_edge_furniture(const FlatDocument& doc, std::uint32_t root, const IntervalSet& hidden,
                           IntervalSet& removed) {
  const std::uint32_t begin = root, end = doc.end[root];
  const std::size_t n = end - begin;
  std::vector<std::uint64_t> text(n + 1, 0), link(n + 1, 0), links(n + 1, 0), title(n + 1, 0);
  std::vector<std::uint32_t> open_links;
  std::uint32_t own_anchor_until = 0;  // the end of a link to a place on the page itself ("#terms")
  std::uint32_t title_until = 0;  // the end of the <h1> being walked through
  std::uint32_t skip_until = 0;
  std::optional<std::uint32_t> first_prose, last_prose, first_title, first_prose_after_title;
  bool heading_before_title = false;  // another heading opened before the first <h1>'s words
  std::size_t prose_before_title = 0;  // the characters of the sentences above them
  const BoilerplateRules furniture(true);
  std::uint32_t not_prose_until = 0;  // the end of the furniture being walked through
  for (std::uint32_t i = begin; i < end; ++i) {
    const std::size_t k = i - begin;
    text[k + 1] = text[k];
    link[k + 1] = link[k];
    links[k + 1] = links[k];
    title[k + 1] = title[k];
    while (!open_links.empty() && i >= open_links.back()) open_links.pop_back();
    if (i < skip_until) continue;
    const GumboNode* node = doc.nodes[i];
    if (is_element(node)) {
      if (is_never_text(node) || hidden.covers(i, doc.end[i])) {
        skip_until = doc.end[i];
        continue;
      }
      // Furniture says nothing of where the document's prose starts: a consent banner's
      // sentence above a site's menu made the menu part of the text (metamorphic bench: a
      // banner put in at the top of a page brought its help menu back). Its text still
      // weighs in the link measures below.
      if (i >= not_prose_until && i > begin && furniture.is_boilerplate(doc, i)) not_prose_until = doc.end[i];
      if (node->v.element.tag == GUMBO_TAG_H1 && i >= title_until) title_until = doc.end[i];
      const GumboTag tag = node->v.element.tag;
      if (!first_title && (tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 ||
                           tag == GUMBO_TAG_H6))
        heading_before_title = true;
      if (node->v.element.tag == GUMBO_TAG_A) {
        const char* href = attribute(node, "href");
        if (href && href[0] == '#' && i >= own_anchor_until) own_anchor_until = doc.end[i];
        open_links.push_back(doc.end[i]);
        ++links[k + 1];
      }
      continue;
    }
    if (node->type != GUMBO_NODE_TEXT) continue;
    const std::string_view value(node->v.text.text);
    const std::size_t length = trimmed_length(value);
    text[k + 1] += length;
    // A title linking to itself (a heading's anchor) is still words of its own.
    if (i < title_until && length > 0 && (open_links.empty() || (open_links.size() == 1 && i < own_anchor_until))) {
      title[k + 1] += length;
      if (!first_title) first_title = i;
    }
    if (!open_links.empty()) {
      link[k + 1] += length;
    } else if (length >= 40 && i >= not_prose_until && is_mostly_letters(value) && !is_copyright_line(value)) {
      if (!first_prose) first_prose = i;
      if (!first_title) prose_before_title += length;
      if (first_title && !first_prose_after_title) first_prose_after_title = i;
      last_prose = i;
    }
  }
  if (!first_prose) return;  // no sentence at all: nothing to measure against
  // A sentence above the document's title is a notice put over it ("You are viewing the version
  // of this page for your region"), not where the document starts: the menus and lists of
  // links between them are as much at the edge as they were without it (metamorphic bench: a
  // region notice brought a list of the previous versions' dates into the text). A notice: the
  // <h1> the first heading, at most a short paragraph above it; an <h1> further down (a
  // cookie policy's under a privacy policy's <h2>) leaves the document's start where it was.
  constexpr std::size_t kNoticeMaxChars = 300;
  if (first_title && *first_prose < *first_title && first_prose_after_title && !heading_before_title &&
      prose_before_title <= kNoticeMaxChars)
    first_prose = first_prose_after_title;
  for (std::uint32_t i = begin + 1; i < end; ++i) {
    const GumboNode* node = doc.nodes[i];
    const bool edge = i > *last_prose || doc.end[i] <= *first_prose;
    if (!edge) continue;
    if (node->type == GUMBO_NODE_TEXT) {
      if (i > *last_prose && is_copyright_line(node->v.text.text) && trimmed_length(node->v.text.text) < 200)
        removed.add(i, i + 1);
      continue;
    }
    if (!is_element(node)) continue;
    const std::size_t a = i - begin, b = doc.end[i] - begin;
    const std::uint64_t t = text[b] - text[a], l = link[b] - link[a], count = links[b] - links[a];
    // The box holding the document's title in words of its own (not a logo's link) is the
    // document's header, however many links sit beside the title (metamorphic bench: share
    // buttons put under the title took the title, its date and its PDF link away).
    const bool holds_title = title[b] > title[a];
    if (count >= 3 && l * 10 >= t * 6 && !holds_title) {
      removed.add(i, doc.end[i]);
      i = doc.end[i] - 1;
    }
  }
}

std::size_t word_count(const Text& text) {
  std::size_t total = 0;
  WordCounts ignored;
  for (const Block& block : text.blocks) count_words(block.text, ignored, total);
  return total;
}

}  // namespace tosdiff
