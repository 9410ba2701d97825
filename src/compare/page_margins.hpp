#pragma once
// What a page shows around its document. Open Terms Archive's declarations often select it
// with the document, and it changes on its own: above the first sentence, the site's name
// beside the title ("Privacy Policy | Pinterest Policy"), a "New" badge, menu entries, a help
// centre's suggested questions, a banner to resume an application, "close"; below the last
// one, a site's footer ("Customer service", "Contact us", "Site map", its city pages).
// Replays of four collections: 89 of some 4,600 alerts were only such labels; each was read,
// and none was news.
//
// Below the last sentence live annexes written as bare lists too (a trackers policy's
// cookies, a privacy policy's processors), which are the document: the tail is furniture only
// when it reads as a site's footer (two or more of its blocks are the links every footer
// has). A pure transform; what the classifier finds in a hunk comes from the caller, because
// the classifier is another layer.

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The most words a footer's copyright line has ("© 2026 Lumenfield Inc. All rights reserved.
// Lumenfield is a trademark of ...").
inline constexpr std::size_t kCopyrightLineMaxWords = 30;

// How many of the links every site's footer has ("Contact us", "Site map", "Careers", in the
// languages tosdiff reads) a block is: one when it is such a link, or as many as its glued
// labels that are (a footer rendered as one line of links).
std::size_t footer_links_in(std::string_view block_text);
// A block of prose, by its text: 13 words or more with sentence punctuation, or over 40 words.
bool is_prose(std::string_view block_text);
// The index of a text's first sentence: a paragraph or list item of 13 words or more with
// sentence punctuation, a row of a table (two rows or more, or 3 cells: not a title with the
// site's name after a bar), or a block over 40 words. The text's size when none.
std::size_t first_sentence(const Text& text);

// The index of the first block of a text's site footer: after its last sentence, when two or
// more of the blocks there are the links every footer has ("Contact us", "Site map",
// "Newsletter", "Careers", in the languages tosdiff reads), or the site's menu in columns right
// above them (site_menu_above). Sentences after the page's last copyright line (a dialog, a
// notice, a quarter of the words above it at most) do not count as the document's: the footer is
// then sought above that line, and ends with it. The text's size when none.
std::size_t site_footer_start(const Text& text);

// A link a law makes a site show, named in a line ("Do Not Sell or Share My Personal
// Information", "Limit the Use of My ...", "Your Privacy Choices", "Consumer Health Data", in the
// languages tosdiff reads). is_statutory_opt_out() also takes any "opt out" and a bank's notices.
bool names_a_statutory_link(std::string_view text);
// A link a law makes a site show, an opt-out of any kind, or a bank's product notice ("Not FDIC
// insured"): one put on, taken off or rewritten is news.
bool is_statutory_opt_out(std::string_view text);

// Where the site footer lies: blocks [start, end); end is one past its last copyright line
// (what follows may say anything: "Your data is stored in the EU", an annex), the text's size
// when it has none. Both the text's size when there is no footer.
struct FooterRange {
  std::size_t start = 0, end = 0;
};
FooterRange site_footer_range(const Text& text);

// Whether blocks[i] titles a column of a menu set out flat: no list item, a few words (6 at
// most) without a sentence's end ("For Members", "I Want To", "Investors"), over two list
// items or more before `end`. A policy's own lists hang under a sentence or a heading.
bool titles_a_column(const std::vector<Block>& blocks, std::size_t i, std::size_t end);

// `block_text` names one of the site's own sections, as a menu or a footer's columns do:
// "Home", "Support", "Pricing", "Downloads", "Products", "Community", ... or one of the links
// every footer has (footer_links_in). A policy's annex of cookies or processors names none.
bool names_a_site_section(std::string_view block_text);
// Where a site's menu set out in columns right above the footer's first block `footer` begins:
// the run of labels (6 words at most, no sentence's end) between the text's last sentence and
// the footer, when it names the site's sections ("Support", "Pricing", "Downloads", a footer's
// links) twice, or once under two column titles (headings, or titles_a_column). `footer` when there is none: an annex of
// cookie or processor names above the footer stays the document's. site_footer_start() counts
// it in the footer.
std::size_t site_menu_above(const Text& text, std::size_t last_sentence, std::size_t footer);
// A company named by its legal form anywhere in a line ("Operated by Lumen Holdings LLC",
// "Orbix Pagos S.L."); the forms that are also words ("AS", "SE") only in capitals.
bool names_a_company_by_form(std::string_view line);

// A company named by its legal form anywhere in a line ("Operated by Lumen Holdings LLC",
// "Lumen Privacy Rep GmbH"); the forms that are also words ("as", "sa", "ag") written in capitals.
bool names_a_company_within(std::string_view text);

// Marks cosmetic every substantive hunk that
//   - lies, in both texts, above the first sentence (kind "page_header") or within the site's
//     footer (kind "page_footer"; a call to action closing the page after its last sentence,
//     a question and one or two short labels, is one too, and the text's very end counts as
//     within for a footer put on or taken off whole), with the document beside it (150 words
//     or more, and more than in the margin);
//   - changes only labels: no line with a digit (a date, an address, a version), "@" or a URL,
//     a company by its legal form, a scope, a statutory opt-out link, a modal or a negation, a
//     regulator, an operator or a data-protection role, a key point said of the parties,
//     a colon (a label and its value: "Applies to: France", "Director: ..."), nor a sentence
//     (5 words or more ending with "." or ";"; a question or a call "Join now!" is a label);
//   - is no switch of one name for another (one line each side, every word capitalised, no
//     word shared: a company, a person), a footer's list entry renamed aside ("- Queue" /
//     "- Watchlist", a link's label) unless it names a company by its legal form ("Ltd");
//   - and, above the first sentence, in which `topical` finds nothing (the classifier's topics
//     and flags, headings above included): a summary box's "We never sell your data" is the
//     document. A footer is known by its links: its "Refund" is a link, not a clause.
// When no substantive hunk is left, a date stamp beside it is news again (as after
// mark_variants). Re-tallies the change; returns how many hunks it marked.
std::size_t mark_page_margins(Change& change, const Text& before, const Text& after,
                              const std::function<bool(const Hunk&)>& topical);

}  // namespace tosdiff
