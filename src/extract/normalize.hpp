#pragma once
// The normalizer: UTF-8 HTML in, structured Text out. A pure transform: no I/O, no clock,
// deterministic byte for byte for the same input and options.
//
// What it keeps: the visible text of the selected area (or of the main content it finds
// itself when no `select` is given), as blocks with structure (headings, list items, table
// rows, paragraphs). What it drops: <head>, script/style/noscript/template/svg/iframe/
// media/form controls, hidden elements (`hidden`, aria-hidden="true", inline display:none)
// when they are small or furniture (never the bulk of the page or what was selected:
// hidden_elements.hpp), inline formatting, and boilerplate (navigation, cookie and consent banners, skip links,
// "back to top", share and newsletter boxes, breadcrumbs, language pickers and lists of
// language names, screen-reader helper text), inside selected areas too; and when the whole
// page is read, the site's header and footer, its copyright line and its link lists
// (boilerplate.hpp, site_furniture.hpp). Link targets are left out unless asked for.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tosdiff/model/document.hpp"
#include "tosdiff/model/result.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The version of how tosdiff reads pages (this normalizer, the PDF and plain-text readers):
// bumped whenever the same page would give another text, so that an archive can tell a
// change of tosdiff from a change of the page (pipeline/decide.hpp re-reads the previous
// version's page then; the record says rules_changed).
inline constexpr int kExtractionVersion = 13;  // 4: site furniture (language-name lists, copyright lines, link lists), toggled panels kept; 5: Cloudflare-protected e-mail addresses decoded; 6: "(c)" a copyright sign only before a year; 7: a heading's leading icons and a break inside a heading, a list of links to other sites kept as the document's, edges found past lines of figures; 8: an embed's consent placeholder and a banner offering the reader's country's site and a status page's indicator furniture, a selector matching nothing on a first check reads the part the next checks find by its text, and no-break spaces part words when the page is searched for its archived text; 9: an Intercom help article's blocks, a tooltip's trigger in a sentence, a heading whatever its id, a cookie table in a collapsed panel named "cookie", a tab's hidden panel when the tabs are buttons, a detail folded without ARIA after a toggle kept; a tab's hidden panel when the tabs are links, a help article's byline and its section's other articles, a way back up written "Top of page", a PDF's contents leaders and page numbers and a diagonal watermark's letters dropped, a suspended hyphen kept before its conjunction; 10: a layout's copies of the text selected, of a Framer page's three, and a block's copy for some screen widths anywhere in the content left out; 11: what a PDF's running header or footer says, written the same on every page, read once above or below the text, and a block of text at another angle than the page's (a table printed sideways) read after the page's, a docs platform's version badge and last-commit stamp dropped, a shadow host's children its shadow root does not slot left out; 12: the marks that only steer a bidirectional text (LRM, RLM, ALM, isolates) and invisible operators dropped, a PDF's contents entries numbered beyond the file, with a wide gap or in a column of their own lose their page numbers, a footnote's superscript number written [n], React's streamed segments read in place of their boundaries, a sign-up box no name tells (one e-mail field, news for the inbox) dropped; 13: a consent bar its page's stylesheet places over the page (a <style> rule's position fixed or sticky for one of its classes) dropped

// What the normalizer did that the caller should know about.
struct NormalizeReport {
  bool fell_back = false;  // `select` matched nothing; the content was found another way
  std::string note;        // one sentence for the user, when fell_back
  // The declaration's selectors (select or remove) that matched nothing as written and
  // matched once their classes' build hashes were read by their stable part.
  std::vector<std::string> read_by_stable_classes;
};

struct NormalizeOptions {
  std::vector<SelectorSpec> select;  // empty: find the main content automatically
  std::vector<SelectorSpec> remove;
  std::string base_url;              // resolves relative link targets (include_links)
  bool include_links = false;        // append link targets as "[text](url)", canonicalized
  bool strip_boilerplate = true;     // the built-in boilerplate rules
  std::size_t max_html_bytes = 16u << 20;  // bigger input: Error{ErrorKind::too_large}
  bool prune_raw_text = true;        // drop script/style contents before parsing (raw_text.hpp);
                                     // the output is the same either way, only faster

  // When `select` matches nothing (the site was redesigned, the declaration is stale):
  // instead of failing with "no_match", find the content another way, if credibly.
  // With an anchor (the document's previous normalized text), the element of the page
  // whose words best match it is taken, when the match is close (F1 >= 0.5). Without one,
  // the main content found as if no selector were given, when it has at least
  // min_fallback_words words. Either way `report` says so.
  bool fallback_on_no_match = false;
  std::string_view anchor_text;
  std::size_t min_fallback_words = 150;
  NormalizeReport* report = nullptr;
};

// Errors (Error::kind):
//   "selector"   a selector does not parse (message names it)
//   "no_match"   `select` given, nothing matched (message names the selectors)
//   "too_large"  input over max_html_bytes
Result<Text> normalize(std::string_view utf8_html, const NormalizeOptions& options);

// Checks that every selector of a spec list parses; the first problem, if any.
Result<bool> check_selectors(const std::vector<SelectorSpec>& specs);


}  // namespace tosdiff
