#pragma once
// gumbo's tree, parsed safely and laid out flat for the normalizer's passes.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace tosdiff {

// Every node in pre-order; end[i] is one past the last position of node i's subtree, so a
// subtree is the interval [i, end[i]). Lets passes skip subtrees and compare positions
// without recursion (pages nest thousands of elements deep).
struct FlatDocument {
  std::vector<const GumboNode*> nodes;
  std::vector<std::uint32_t> end;
  std::optional<std::uint32_t> body;  // position of <body>
  // The classes the page's stylesheet places over it (raw_text.hpp PruneStats), sorted.
  std::vector<std::string> positioned_classes;
};

// Owns a gumbo parse. Parses with the length (a NUL byte does not end the input) and
// max_errors = 0 (gumbo otherwise keeps a copy of the open-element stack per error), after
// removing a UTF-8 byte order mark (it would become text).
class ParsedHtml {
 public:
  // React's streamed segments are put in place first (streamed_segments.hpp).
  explicit ParsedHtml(std::string_view utf8_html);
  ~ParsedHtml();
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;

  const GumboNode* root() const;  // the document node
  const FlatDocument& flat() const { return flat_; }
  // What the page's <style> blocks said, read before their contents were dropped.
  void set_positioned_classes(std::vector<std::string> classes) { flat_.positioned_classes = std::move(classes); }

  // Pages up to this size are parsed into an arena: gumbo allocates every node, attribute
  // and string separately, and malloc/free plus the tree's teardown were ~8 % of a check's
  // CPU. An arena never reuses what gumbo frees (its buffers grow by copying), so larger
  // pages keep malloc, and memory stays bounded.
  static constexpr std::size_t kArenaMaxInput = 4u << 20;

  // Bump allocation in fixed-size chunks; everything is released at once with the parse,
  // the chunks to a per-thread cache for the next parse (fresh memory costs a page fault
  // per 4 KiB, which would eat most of the gain).
  class Arena {
   public:
    static constexpr std::size_t kChunk = 256u << 10;
    // Not "= default": clang judges std::optional<Arena> (below, inside the enclosing class)
    // not constructible from a defaulted constructor whose member initializers it has not
    // parsed yet, and the clang build (scripts/fuzz.sh) failed on arena_.emplace().
    Arena() noexcept {}
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena();
    void* allocate(std::size_t size);

   private:
    std::vector<char*> chunks_;  // kChunk bytes each
    std::vector<char*> large_;   // requests over a quarter chunk, each its own block
    char* next_ = nullptr;
    std::size_t left_ = 0;
  };

 private:
  GumboOutput* output_ = nullptr;
  std::optional<Arena> arena_;
  std::string spliced_;  // the page with its streamed segments in place, when it had some
  FlatDocument flat_;
};

bool is_element(const GumboNode* node);  // an element or a <template>
// An attribute's value without spaces, in lower case ("display: None" → "display:none").
std::string squeeze_lower(std::string_view s);
// Elements whose content is never page text: head, script, style, noscript, template, svg,
// math, iframe, media, images, form controls (a <button> only when it is not the toggle of
// an accordion or part of a heading; in a heading, a button or role=button beside its words
// whose label is marks or a link's or share's verb, "Copy link"), closed <dialog>.
bool is_never_text(const GumboNode* element);
// `hidden` (but not hidden="until-found", which is findable content), aria-hidden="true",
// or an inline style with display:none, visibility:hidden or collapse, or
// content-visibility:hidden, or a hiding class (is_hidden_by_class). A hint, not a verdict:
// hidden_elements.hpp weighs it.
bool is_hidden(const GumboNode* element);
// Hidden by Webflow's conditional visibility (w-condition-invisible: display:none whatever the
// width, a CMS field switched off). tosdiff reads no style sheet; this name is fixed (a red
// team's find: a clause a CMS switched off still read as the document). Bootstrap's d-none,
// Bulma's is-hidden and Tailwind's hidden are left alone: scripts toggle them on panels that
// unfold (a review's find: a "Show all categories" list dropped, a category added unseen).
bool is_hidden_by_class(const GumboNode* element);
// Elements that open a line of their own (a paragraph, a box, a list, a table's row or cell, a
// break); the rest run inside a line of text.
bool is_block_tag(GumboTag tag);
// A <nav> or an element playing one (role="navigation").
bool is_navigation(const GumboNode* element);

}  // namespace tosdiff
