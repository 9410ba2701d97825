#pragma once
// A site's banner above the document's title: a developer challenge's deadline, a survey, an
// outage notice, a promotion, a programme ended, a newsletter prompt (replays: a platform's
// developer terms, its brand guidelines, an ad network's policies, a law firm's terms of
// sale). Put up, taken down or swapped, it tells of the site, not of the terms. A pure
// transform's test, page_margins.cpp marks.
//
// Told from a clause put above the title by what it is: a call to the reader (an
// exclamation, an arrow, an imperative opening a sentence: "Submit", "Take", "Learn",
// "Découvrez", "Jetzt"), an apology for the site's troubles, or a prompt with its close
// button, about one of the matters site banners are about (a survey, an event, the site's
// troubles, its app or newsletter, a promotion, a page's own prompt, a greeting); and by what
// it does not speak of: the document (its name in the seven languages), a date of its own, a
// scope ("applies to: France"), the reader's data, account or rights, the company sold or a
// service closing, a limit, a fee, an age. Two reviews found clauses that passed the other
// tests ("Lumenfield has been bought by Orbix, which now controls your account", "Heads up!
// Refunds are no longer available", "Sorry for the inconvenience, uploads are now limited to
// 1 GB", the same in Polish or Swedish): they stay news.

#include <cstddef>
#include <string_view>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Where the document's title stands in both texts: the text's first heading among its first
// six blocks, of level 1 or 2, not numbered ("1. Your account" opens a section), the same in
// both texts, with 150 words or more below it. Found once for all of a change's hunks.
struct TitlePlaces {
  std::size_t old_title = static_cast<std::size_t>(-1), new_title = static_cast<std::size_t>(-1);
  bool found() const { return old_title != static_cast<std::size_t>(-1); }
};
TitlePlaces find_title_places(const Text& before, const Text& after);

// Whether the hunk only puts up, takes down or swaps site banners above the document's title
// (`titles`), with no sentence of the document above it (5 words or more ending with "." or
// ";", or prose) beside the banners. A banner is a paragraph of 4 to 40 words, no date line, not ending with a
// label's value, naming no document, no word of the reader's data, account or rights, and
// calling the reader; the hunk about a site's matter and saying nothing of the news above.
bool only_site_banners_above_title(const Hunk& hunk, const Text& before, const Text& after, const TitlePlaces& titles);

// Whether a line is about one of a site's own matters (a survey, an event, an outage, its app
// or newsletter, a promotion, a page's prompt, a greeting) and says none of the news a
// banner must not say.
bool about_a_site_matter(std::string_view line);

// A banner with its close button read at its end: a sentence or two, then a call of a few words
// opening with a call's verb, no comma, and "close" (or "fermer", "schließen", "×"...):
// "Your complete guide to the Summer Olympics. Every minute. Every Medal. Go Now close", "Your
// session has timed out due to inactivity. Click here to go back close" (contrib replay: a cable
// operator's privacy policy under four such banners, its menu below them read as the document,
// each renamed entry alerted). A paragraph only: a list item "to open, update or close" is a
// clause's, and so are last words that call no one ("... Accounts without a login for two years
// close").
bool ends_with_close_button(const Block& block);

}  // namespace tosdiff
