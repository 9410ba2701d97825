#include "tosdiff/extract/normalize.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "tosdiff/extract/boilerplate.hpp"
#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/error_page.hpp"
#include "tosdiff/extract/hidden_elements.hpp"
#include "tosdiff/extract/interval_set.hpp"
#include "tosdiff/extract/layout_copies.hpp"
#include "tosdiff/extract/main_content.hpp"
#include "tosdiff/extract/page_verdict.hpp"
#include "tosdiff/extract/raw_text.hpp"
#include "tosdiff/extract/selection.hpp"
#include "tosdiff/extract/walker.hpp"

// The steps are files of their own: selection.cpp (what `select` and `remove` pick),
// main_content.cpp (the content when nothing was picked), walker.cpp and text_builder.cpp
// (the text of what was picked, as blocks).

namespace tosdiff {
namespace {

// Markers of legal prose (error_page.hpp) that make a page's main content the document
// rewritten, when its selector is stale and nothing on it resembles the archived text.
constexpr std::size_t kRewriteLegalMarkers = 3;

// A spec that matched nothing as written, tried once more with its classes' build hashes read
// by their stable part (class_hashes.hpp); the report names it when that matched.
bool add_by_stable_classes(const FlatDocument& doc, const CompiledSpec& spec, IntervalSet& set,
                           std::vector<std::uint32_t>* roots, const NormalizeOptions& options) {
  const std::optional<CompiledSpec> loose = with_stable_class_names(spec);
  if (!loose || !add_matches(doc, *loose, set, roots)) return false;
  // Named once, however many times the page is read (decide.cpp reads it again when the
  // selector matched nothing).
  if (options.report) {
    auto& named = options.report->read_by_stable_classes;
    if (std::find(named.begin(), named.end(), spec.description) == named.end()) named.push_back(spec.description);
  }
  return true;
}

// What the text is read from: the selected (or found) elements and those left out.
struct Picked {
  IntervalSet included, removed;
  std::vector<std::uint32_t> roots;
  bool whole_page = false;
  std::optional<std::uint32_t> found;  // the content, when found rather than selected
};

// `picked` with the content found at `root` (no selector matched, or none given).
Picked found_at(const FlatDocument& doc, const Picked& picked, std::uint32_t root) {
  Picked out = picked;
  out.included.add(root, doc.end[root]);
  out.roots.push_back(root);
  out.whole_page = true;  // found, not selected: page furniture rules apply as without select
  out.found = root;
  return out;
}

// The text of what was picked: hidden elements, a layout's copies, the furniture around
// content found and the declaration's `remove` left out.
Text read_picked(const FlatDocument& doc, const NormalizeOptions& options, const std::vector<CompiledSpec>& remove,
                 const std::vector<std::uint64_t>& prefix, Picked picked) {
  auto& [included, removed, roots, whole_page, found] = picked;
  std::sort(roots.begin(), roots.end());
  included.finish();
  // Hidden elements are weighed against the content (hidden_elements.hpp), before the
  // furniture around found content is measured without them.
  IntervalSet hidden;
  for (const Interval& iv : hidden_to_drop(doc, included, prefix)) {
    hidden.add(iv.begin, iv.end);
    removed.add(iv.begin, iv.end);
  }
  hidden.finish();
  // A layout's second copy of the content found, left out before its edges are measured.
  if (found && options.strip_boilerplate) {
    const std::vector<Interval> copies = layout_copies(doc, *found, hidden, prefix);
    for (const Interval& iv : copies) {
      hidden.add(iv.begin, iv.end);
      removed.add(iv.begin, iv.end);
    }
    if (!copies.empty()) hidden.finish();
  }
  // A layout's copies of the text selected: each matched the declaration's selector.
  if (!found && roots.size() > 1) {
    const std::vector<Interval> copies = repeated_selections(doc, roots, hidden);
    for (const Interval& iv : copies) {
      hidden.add(iv.begin, iv.end);
      removed.add(iv.begin, iv.end);
    }
    if (!copies.empty()) hidden.finish();
  }
  // A block's copy for some screen widths, anywhere in the content.
  if (options.strip_boilerplate) {
    const std::vector<std::uint32_t> content = found ? std::vector<std::uint32_t>{*found} : roots;
    const std::vector<Interval> copies = marked_copies(doc, content, hidden);
    for (const Interval& iv : copies) {
      hidden.add(iv.begin, iv.end);
      removed.add(iv.begin, iv.end);
    }
    if (!copies.empty()) hidden.finish();
  }
  if (found && options.strip_boilerplate) remove_edge_furniture(doc, *found, hidden, removed);
  for (const CompiledSpec& spec : remove) {
    if (!add_matches(doc, spec, removed, nullptr)) add_by_stable_classes(doc, spec, removed, nullptr, options);
  }
  removed.finish();
  // Selecting the whole body is no selection at all: treat the page like one without.
  if (std::optional<std::uint32_t> body = doc.body; body && included.covers(*body, doc.end[*body]))
    whole_page = true;
  BoilerplateRules rules(whole_page);
  return walk_text(doc, options, included, removed, roots, rules);
}

}  // namespace

Result<bool> check_selectors(const std::vector<SelectorSpec>& specs) {
  auto compiled = compile_all(specs);
  if (!compiled) return compiled.error();
  return true;
}

Result<Text> normalize(std::string_view html, const NormalizeOptions& options) {
  if (html.size() > options.max_html_bytes)
    return Error{ErrorKind::too_large, "page of " + std::to_string(html.size()) +
                                  " bytes exceeds the normalizer's limit of " +
                                  std::to_string(options.max_html_bytes)};
  auto select = compile_all(options.select);
  if (!select) return select.error();
  auto remove = compile_all(options.remove);
  if (!remove) return remove.error();

  // Bounded before gumbo sees it (raw_text.hpp): parse time linear in the page's size.
  PruneStats stats;
  const std::string pruned = prune_raw_text(html, options.prune_raw_text, &stats);
  if (stats.elements > kMaxElements)
    return Error{ErrorKind::too_complex, "the page has over " + std::to_string(kMaxElements) +
                                    " elements; tosdiff does not parse pages that large"};
  ParsedHtml parsed(pruned);
  parsed.set_positioned_classes(std::move(stats.positioned_classes));
  const FlatDocument& doc = parsed.flat();

  IntervalSet included, removed;
  std::vector<std::uint32_t> roots;  // the elements selected (or found) as the content
  bool whole_page = options.select.empty();
  bool fell_back = false;
  std::string unmatched_names;
  if (!whole_page) {
    std::vector<std::string> unmatched;
    for (const CompiledSpec& spec : *select) {
      if (!add_matches(doc, spec, included, &roots) && !add_by_stable_classes(doc, spec, included, &roots, options))
        unmatched.push_back(spec.description);
    }
    if (included.empty()) {
      for (const auto& name : unmatched) unmatched_names += (unmatched_names.empty() ? "" : ", ") + name;
      if (!options.fallback_on_no_match)
        return Error{ErrorKind::no_match, "the select selectors matched nothing: " + unmatched_names};
      fell_back = true;
    }
  }
  const auto prefix = text_prefix_sums(doc);
  Picked picked{std::move(included), std::move(removed), std::move(roots), whole_page, std::nullopt};
  bool maybe_rewritten = false;  // found as the main content: must read as the document
  Text text;
  if (whole_page || fell_back) {
    std::optional<std::uint32_t> root;
    if (fell_back && !options.anchor_text.empty()) {
      root = find_anchored_content(doc, options.anchor_text, prefix);
      if (!root) {
        // No part of the page has the archived text's words: the document translated (a
        // site's selectors often differ by language) or rewritten (a new policy on a
        // redesigned page) shares few of them. Its main content, if it reads as the archived
        // text translated, or as legal prose of its own (a rewrite: then compared as usual,
        // and a collapse or another page is held back by the checks that follow).
        root = find_main_content(doc, prefix);
        maybe_rewritten = true;
      }
    } else {
      root = find_main_content(doc, prefix);
    }
    text = read_picked(doc, options, *remove, prefix, found_at(doc, picked, *root));
    // A selector that matches nothing on a page without an archived text: the part of the
    // page the next checks will find by the text this one archives (the element most like
    // it), so that the first check and the next read the same part (a page's title above the
    // panel holding its terms: the first check read both, the next the panel alone, an alert
    // of the title gone). Elements are matched by all their words, the text has the visible
    // ones: a few rounds, until the element found is the one read.
    for (int round = 0; fell_back && options.anchor_text.empty() && round < 4; ++round) {
      const auto closest = find_anchored_content(doc, render_text(text), prefix);
      if (!closest || *closest == *root) break;
      root = closest;
      text = read_picked(doc, options, *remove, prefix, found_at(doc, picked, *root));
    }
  } else {
    text = read_picked(doc, options, *remove, prefix, std::move(picked));
  }
  bool translated = false;
  if (maybe_rewritten) {
    translated = reads_as_translation(parse_text(options.anchor_text), text);
    const bool rewritten = legal_markers(text) >= kRewriteLegalMarkers && word_count(text) >= options.min_fallback_words;
    if (!translated && !rewritten)
      return Error{ErrorKind::no_match, "the select selectors matched nothing (" + unmatched_names +
                                            "), and no part of the page resembles the archived text"};
  }
  if (fell_back) {
    if (options.anchor_text.empty() && word_count(text) < options.min_fallback_words)
      return Error{ErrorKind::no_match, "the select selectors matched nothing: " + unmatched_names};
    if (options.report) {
      options.report->fell_back = true;
      options.report->note = "the declaration's select (" + unmatched_names + ") matched nothing; tosdiff found the text " +
                             (translated        ? "itself, in another language than the archived one"
                              : maybe_rewritten ? "itself, though it shares little with the archived one"
                                                : "itself") +
                             ". Update the declaration";
    }
  }
  return text;
}

}  // namespace tosdiff
