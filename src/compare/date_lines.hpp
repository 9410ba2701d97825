#pragma once
// A page's date line ("Last updated 10/12/2021", "mis à jour le 10 December 2021") moved and
// reworded by a redesign: taken off one place and put in another, its date the same. Neither
// hunk says anything new (replay: a dating site's policies, the date line moved below the
// title and its date spelled out). A date line whose date changed is news. A pure transform.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The dates a text names, as YYYY-MM-DD: every date rewrite_dates() reads, and both readings
// of a numeric date it leaves alone because either could be meant ("10/12/2021" is
// 2021-12-10 and 2021-10-12).
std::set<std::string> dates_named(std::string_view text);

// The words of a line besides its dates, lower case: none for a bare date ("07/15/2024"),
// "last", "updated" for "Last updated: 25 March 2024"; dates glued to words by the markup
// ("2021July 1, 2021") read apart. The comparison key drops a date's label, so a line is read
// here with its dates rewritten only.
std::vector<std::string> words_besides_dates(std::string_view line);

// A block of at most 8 words that names a date: a date line.
bool is_date_line(std::string_view block_text);

// Marks cosmetic, kind "date_format", every substantive hunk made only of date lines, all
// added or all removed, each sharing a date with a date line the change removes (or adds)
// elsewhere. A numeric date is read in the order its text writes the others (day or month
// first); where the text never tells, only one with a single reading is a date.
void mark_moved_date_lines(std::vector<Hunk>& hunks, const Text& before, const Text& after);

// Marks cosmetic, kind "date_format", every substantive hunk made only of lines that are a
// date and its label, all added or all removed, each with the date of such a line both texts
// keep: "Updated May 25, 2018" put under "Effective as of May 25, 2018" says the date again
// (replay: a messaging app's terms). A line with another date, or saying more than its date
// ("Opt out by May 25, 2018"), is news.
void mark_repeated_date_lines(std::vector<Hunk>& hunks, const Text& before, const Text& after);

// Marks cosmetic, kind "date_format", every substantive hunk whose removed lines, their numeric
// dates read the way the page writes them, say what its added lines say, read so too:
// "Effective: 12/03/2025" → "Effective: 12 March 2025" on a page that writes "17/10/2024"
// elsewhere. The way is told by the page's dates over 12 in one place (before, else after, and
// not the other way in the other), else by the language of the months the two name ("1er mars
// 2026": day first, as every language but English writes them); a page that never tells leaves "03/04/2026" news, and the other reading is
// news on any page.
void mark_reread_numeric_dates(std::vector<Hunk>& hunks, const Text& before, const Text& after);

// Marks cosmetic, kind "date_format", every substantive hunk that only writes one date line
// less precisely: its day dropped with the month and year kept ("April 29, 2019 12:39" →
// "April 2019": contrib replay, an events platform's terms, the page's stamp losing its day
// and time), or its clock time dropped or put in ("April 29, 2019 12:39" ↔ "April 29, 2019").
// The line's other words and numbers stay ("Version 3, April 29, 2019" → "Version 4, April
// 2019" is news); another day, month or year is news, and so is a day put in ("April 2019" →
// "April 29, 2019" says more).
void mark_coarser_dates(std::vector<Hunk>& hunks);

}  // namespace tosdiff
