// Fuzzes the CSS selector engine: Selector::parse on arbitrary text, then matching against a
// small fixed document that has what declarations target (ids, classes with CSS escapes,
// attributes, roles, lists, tables, <template>, tags gumbo does not know).
//
// Input: one selector list, or two separated by the first NUL byte.
// Invariants:
//   - parse never crashes; an error has kind "selector" and a message; a success keeps the text;
//   - select_all returns elements only, in strictly increasing document order, and exactly
//     the elements for which matches() is true; non-elements never match;
//   - a copied and a moved selector select the same elements;
//   - with two parts A and B that both parse (and contain no escape or quote, which could
//     swallow the comma), "A,B" parses and selects the union of what A and B select.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <gumbo.h>

#include "fuzz_check.hpp"
#include "tosdiff/extract/selector.hpp"

namespace tosdiff::fuzz {
namespace {

constexpr std::string_view kDocument = R"(<!DOCTYPE html>
<html lang="en-US"><head><title>Terms</title><meta charset="utf-8"></head>
<body class="page md:flex" id="top" data-pagelet="LLMDCSideRail">
<header role="banner"><nav aria-label="Menu" role="navigation"><a href="#">Home</a>
<a href="/legal" class="link-terms">Legal</a><a href="#top-of-page">Top</a></nav></header>
<div id="cf-div" style="display: none;">hidden</div>
<main id="main-content" class="main w-1/2 prose"><article role="article" data-framer-name="Post">
<h1 id="title-h1" class="kb-title">Terms of Service</h1>
<p class="lead">Intro <em>text</em> <a href="#annotation-1">1</a></p><p></p>
<h2 id="github-copilot">1. Use</h2>
<ul class="x"><li>a</li><li class="x y" lang="en-GB">b</li><li LANG="EN">c</li><li>d</li></ul>
<ol reversed start="3"><li>one</li><li>two<ol><li>nested</li></ol></li></ol>
<h2>2. Tables</h2>
<table><thead><tr><th>h</th><th>i</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>
<section id="Related Articles" class="related_articles"><h3>Related</h3>
<img src="logo.svg" alt=""><img src="data:image/svg+xml,AA" style="display:none">
<span role="separator"></span><button aria-controls="p1" aria-label="Copy link">copy</button></section>
<template><p class="tpl">template text</p></template>
<dialog open>dialog</dialog><custom-el x="1" data-type="hscroll-child">custom</custom-el>
<picture><source srcset="a.webp"></picture><faceplate-menu></faceplate-menu>
<select name="Locale Select"><option value="en">English</option></select>
</article><aside class="sidebar bg">side</aside></main>
<footer><div class="cookie-banner" aria-hidden="true">cookies</div>
<p class="twtr-hidden--lg md\:flex">footer</p></footer>
</body></html>)";

struct Fixture {
  GumboOutput* output = nullptr;
  std::vector<const GumboNode*> all;                   // every node, pre-order
  std::unordered_map<const GumboNode*, std::size_t> position;
  std::vector<const GumboNode*> elements;              // elements and templates, pre-order

  Fixture() {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    output = gumbo_parse_with_options(&options, kDocument.data(), kDocument.size());
    std::vector<const GumboNode*> stack{output->document};
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      position[node] = all.size();
      all.push_back(node);
      const GumboVector* children = nullptr;
      if (node->type == GUMBO_NODE_DOCUMENT) children = &node->v.document.children;
      if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
        elements.push_back(node);
        children = &node->v.element.children;
      }
      if (children)
        for (unsigned i = children->length; i-- > 0;)
          stack.push_back(static_cast<const GumboNode*>(children->data[i]));
    }
  }
};

const Fixture& fixture() {
  static const Fixture* f = new Fixture();  // never destroyed: no exit-time work
  return *f;
}

std::vector<const GumboNode*> checked_select(const Selector& selector) {
  const Fixture& f = fixture();
  std::vector<const GumboNode*> found = select_all(f.output->document, selector);
  for (std::size_t i = 0; i < found.size(); ++i) {
    const GumboNode* node = found[i];
    FUZZ_CHECK(node != nullptr, selector.text());
    FUZZ_CHECK(node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE,
               "select_all returned a non-element for '" + excerpt(selector.text()) + "'");
    FUZZ_CHECK(f.position.count(node) == 1, "select_all returned a node outside the document");
    if (i > 0)
      FUZZ_CHECK(f.position.at(found[i - 1]) < f.position.at(node),
                 "select_all out of document order or duplicated for '" + excerpt(selector.text()) + "'");
  }
  // Exactly the elements matches() accepts.
  std::size_t k = 0;
  for (const GumboNode* element : f.elements) {
    const bool listed = k < found.size() && found[k] == element;
    if (listed) ++k;
    FUZZ_CHECK(selector.matches(element) == listed,
               "matches() disagrees with select_all on <" + element_name(element) + "> for '" +
                   excerpt(selector.text()) + "'");
  }
  for (const GumboNode* node : f.all)
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
      FUZZ_CHECK(!selector.matches(node), "a non-element matched '" + excerpt(selector.text()) + "'");
  return found;
}

std::vector<const GumboNode*> parse_and_check(std::string_view text, bool* ok) {
  Result<Selector> parsed = Selector::parse(text);
  *ok = parsed.ok();
  if (!parsed.ok()) {
    FUZZ_CHECK(parsed.error().kind == ErrorKind::selector, "error kind '" + std::string(to_string(parsed.error().kind)) + "'");
    FUZZ_CHECK(!parsed.error().message.empty(), "empty error message for '" + excerpt(text) + "'");
    return {};
  }
  const Selector& selector = *parsed;
  FUZZ_CHECK(selector.text() == text, "text() differs from the parsed text");
  std::vector<const GumboNode*> found = checked_select(selector);

  Selector copy = selector;
  FUZZ_CHECK(select_all(fixture().output->document, copy) == found, "a copy selects differently");
  Result<Selector> other = Selector::parse("p");
  *other = std::move(copy);
  FUZZ_CHECK(other->text() == text, "moved selector lost its text");
  FUZZ_CHECK(select_all(fixture().output->document, *other) == found, "a moved selector selects differently");
  return found;
}

// A part that ends inside an escape, a string, a comment or an unclosed bracket could
// swallow the comma of "A,B" (CSS closes them at the end of input): not comparable.
bool comma_safe(std::string_view part) {
  if (part.find_first_of("\\\"'") != std::string_view::npos) return false;
  if (part.find("/*") != std::string_view::npos) return false;
  return std::count(part.begin(), part.end(), '(') == std::count(part.begin(), part.end(), ')') &&
         std::count(part.begin(), part.end(), '[') == std::count(part.begin(), part.end(), ']');
}

}  // namespace
}  // namespace tosdiff::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tosdiff::fuzz;
  if (size > 4096) return 0;  // selectors are short; long ones only slow the search
  return run_guarded([&] {
    std::string_view input = as_view(data, size);
    std::size_t nul = input.find('\0');
    if (nul == std::string_view::npos) {
      bool ok = false;
      parse_and_check(input, &ok);
      return;
    }
    std::string_view a = input.substr(0, nul), b = input.substr(nul + 1);
    bool ok_a = false, ok_b = false, ok_list = false;
    auto found_a = parse_and_check(a, &ok_a);
    auto found_b = parse_and_check(b, &ok_b);
    if (!ok_a || !ok_b || !comma_safe(a) || !comma_safe(b)) return;
    std::string list = std::string(a) + "," + std::string(b);
    auto found_list = parse_and_check(list, &ok_list);
    FUZZ_CHECK(ok_list, "'" + excerpt(a) + "' and '" + excerpt(b) + "' parse, their list does not");
    const auto& position = fixture().position;
    std::vector<const GumboNode*> expected;
    expected.insert(expected.end(), found_a.begin(), found_a.end());
    expected.insert(expected.end(), found_b.begin(), found_b.end());
    std::sort(expected.begin(), expected.end(),
              [&](auto* x, auto* y) { return position.at(x) < position.at(y); });
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    FUZZ_CHECK(found_list == expected, "'" + excerpt(list) + "' selects other than the union of its parts");
  });
}
