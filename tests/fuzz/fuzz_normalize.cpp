// Fuzzes the normalizer: HTML bytes -> to_utf8 -> normalize, without selectors and with one
// of a fixed set of declarations' select/remove (CSS and range selectors, fallback).
//
// Input: byte 0 chooses the options (low nibble: flags, high nibble: the selector case), the
// rest is the page as fetched.
//   bit 0  include_links          bit 2  a base URL
//   bit 1  no boilerplate rules   bit 3  a Content-Type header with a charset
// Invariants:
//   - to_utf8 gives valid UTF-8; normalize without selectors never fails on it;
//   - with selectors, it succeeds or fails with "no_match", nothing else;
//   - every block: valid UTF-8, no line break, heading level 1..6, list items with a marker,
//     no control characters and folded whitespace (table rows and link targets aside);
//   - render(parse(render(x))) == render(x), and parse(render(x)) keeps every block and
//     every heading (kind, level, text): the archived form reads back.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "tosdiff/fetch/charset.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff::fuzz {
namespace {

struct Case {
  std::vector<SelectorSpec> select, remove;
  bool fallback = false;
  bool anchored = false;  // fallback with the whole page's text as the anchor
};

const std::vector<Case>& cases() {
  static const std::vector<Case>* table = new std::vector<Case>{
      {},  // 0: no selectors, the main content is found
      {{std::string("main")}, {}},
      {{std::string("article")}, {std::string("nav"), std::string(".banner, .cookie-banner")}},
      {{std::string("#content, .prose, [role=\"main\"]")}, {}},
      {{RangeSelector{"", "h1", "footer", ""}}, {}},
      {{RangeSelector{"#title-h1", "", "", "h2:last-of-type"}}, {std::string("img")}},
      {{std::string("body")}, {std::string("header"), std::string("footer")}},
      {{}, {std::string("[aria-hidden=\"true\"], img[src$='.svg'], .sr-only")}},
      {{std::string("div[role=article]")}, {std::string("h2 > img")}},
      {{std::string("h2 ~ p")}, {}},
      {{std::string("li:nth-child(2n+1)"), std::string("ol > li:last-child")}, {}},
      {{std::string("table")}, {std::string("th")}},
      {{std::string("p"), std::string("ul"), std::string("h1, h2, h3")}, {std::string("a")}},
      {{std::string("section > *:not(nav)")}, {}},
      {{std::string("#no-such-element")}, {}, true, false},
      {{std::string(".no-such-class")}, {}, true, true},
  };
  return *table;
}

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

void check_text(const Text& text, bool links, std::string_view what) {
  for (std::size_t i = 0; i < text.blocks.size(); ++i) {
    const Block& b = text.blocks[i];
    const std::string where = std::string(what) + " block " + std::to_string(i) + ": '" + excerpt(b.text) + "'";
    FUZZ_CHECK(is_valid_utf8(b.text), "invalid UTF-8 in " + where);
    FUZZ_CHECK(b.text.find('\n') == std::string::npos, "line break in " + where);
    if (b.kind == BlockKind::heading) FUZZ_CHECK(b.level >= 1 && b.level <= 6, "heading level in " + where);
    if (b.kind == BlockKind::list_item) {
      FUZZ_CHECK(b.level >= 0 && !b.marker.empty(), "list item level/marker in " + where);
      FUZZ_CHECK(b.marker.find_first_of(" \n") == std::string::npos, "space in the marker of " + where);
    } else {
      FUZZ_CHECK(b.marker.empty(), "marker on a non-list block, " + where);
    }
    if (links || b.kind == BlockKind::table_row) continue;
    for (char c : b.text) FUZZ_CHECK(!is_control(static_cast<unsigned char>(c)), "control character in " + where);
    FUZZ_CHECK(b.text.find("  ") == std::string::npos, "unfolded whitespace in " + where);
    FUZZ_CHECK(b.text.empty() || (b.text.front() != ' ' && b.text.back() != ' '), "edge space in " + where);
  }

  const std::string rendered = render_text(text);
  FUZZ_CHECK(is_valid_utf8(rendered), "render_text gave invalid UTF-8");
  const Text back = parse_text(rendered);
  FUZZ_CHECK(back.blocks.size() == text.blocks.size(),
             std::string(what) + ": " + std::to_string(text.blocks.size()) + " blocks render to " +
                 std::to_string(back.blocks.size()) + " lines");
  for (std::size_t i = 0; i < text.blocks.size(); ++i) {
    const Block& a = text.blocks[i];
    const Block& b = back.blocks[i];
    const bool heading_a = a.kind == BlockKind::heading, heading_b = b.kind == BlockKind::heading;
    FUZZ_CHECK(heading_a == heading_b, std::string(what) + ": block " + std::to_string(i) + " '" +
                                           excerpt(render_block(a)) + "' reads back as another kind");
    if (heading_a)
      FUZZ_CHECK(a.level == b.level && a.text == b.text,
                 std::string(what) + ": heading '" + excerpt(render_block(a)) + "' reads back differently");
  }
  FUZZ_CHECK(render_text(back) == rendered,
             std::string(what) + ": render(parse(render(x))) != render(x)");
}

}  // namespace
}  // namespace tosdiff::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tosdiff;
  using namespace tosdiff::fuzz;
  if (size < 1) return 0;
  return run_guarded([&] {
    const std::uint8_t control = data[0];
    const std::string_view bytes = as_view(data + 1, size - 1);
    const bool links = control & 1, no_rules = control & 2, base = control & 4, header = control & 8;
    const Case& c = cases()[control >> 4];

    Utf8Text utf8 = to_utf8(bytes, header ? "text/html; charset=windows-1252" : "text/html");
    FUZZ_CHECK(is_valid_utf8(utf8.text), "to_utf8 gave invalid UTF-8 (" + utf8.encoding + ")");

    NormalizeOptions options;
    options.include_links = links;
    options.strip_boilerplate = !no_rules;
    if (base) options.base_url = "https://example.com/legal/terms?x=1";
    Result<Text> whole = normalize(utf8.text, options);
    FUZZ_CHECK(whole.ok(), "normalize without selectors failed: " + (whole.ok() ? "" : std::string(to_string(whole.error().kind)) + ": " + whole.error().message));
    check_text(*whole, links, "whole page");
    if (c.select.empty() && c.remove.empty()) return;

    const std::string anchor = c.anchored ? render_text(*whole) : std::string();
    NormalizeReport report;
    options.select = c.select;
    options.remove = c.remove;
    options.fallback_on_no_match = c.fallback;
    options.anchor_text = anchor;
    options.report = &report;
    Result<Text> selected = normalize(utf8.text, options);
    if (!selected.ok()) {
      FUZZ_CHECK(selected.error().kind == ErrorKind::no_match,
                 "normalize with selectors failed with " + std::string(to_string(selected.error().kind)) + ": " + selected.error().message);
      return;
    }
    check_text(*selected, links, "selected");
    if (report.fell_back) FUZZ_CHECK(c.fallback && !report.note.empty(), "fell back without being allowed to");
  });
}
