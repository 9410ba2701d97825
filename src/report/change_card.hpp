#pragma once
// HTML for changes, as the digest, the diff page and the Atom feed show them: one change as a
// card (a badge with its kind, its summary, flags, topics, regulations, the changed places as
// word diffs), a note as a card, and the page around them. Inline styles only, no script, no
// external resource: one file that reads well in a browser and in mail clients.

#include <cstddef>
#include <string>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

struct DigestNote;

struct CardOptions {
  std::size_t max_places = 5;  // changed places shown, then "and N more places"
  bool cosmetic_places = false;  // show cosmetic hunks too (marked so), as `diff` does
};

// One change, as a table row of a page (`html_page`).
std::string change_card_html(const ChangeRecord& record, const std::string& captured_at, const CardOptions& options);
// The same card as a fragment of its own (the Atom feed's entry content).
std::string change_card_fragment(const ChangeRecord& record, const std::string& captured_at, const CardOptions& options);
std::string note_card_html(const DigestNote& note);
// A line of text, as a table row ("Nothing changed.").
std::string message_row_html(const std::string& text);
// A platform's heading, as a table row.
std::string group_heading_html(const std::string& name, const std::string& platform);

struct HtmlPage {
  std::string title;
  std::string period;        // under the title ("" = none)
  std::string counts;        // what the page holds ("2 substantive changes · 1 new document")
  std::string generated_at;  // UTC ISO time ("" = not said)
};
// The whole page around `rows` (cards and headings): head, header, footer.
std::string html_page(const HtmlPage& page, const std::string& rows);

}  // namespace tosdiff
