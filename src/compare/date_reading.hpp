#pragma once
// Dates read wherever a page writes them, in English and in the other languages of the
// collections tosdiff reads (French, German, Spanish, Italian, Portuguese, Dutch). A pure
// transform.

#include <string>
#include <string_view>

namespace tosdiff {

// Rewrites every recognized date as YYYY-MM-DD ("December 17, 2025", "17 Dec 2025",
// "Dec. 17th, 2025", "2025-12-17", "17th of December, 2025", "31. Januar 2022", "1er août
// 2024", "31 de enero de 2022"; "13.03.2026" and "03/13/2026", whose reading is
// unambiguous). Exposed for tests.
std::string rewrite_dates(std::string_view text);

// The text names a month of a year: "November 2025", "Update May 2023:", "mai 2024" (a month's
// name, full or in three letters, then a year 1900–2099).
bool names_a_month_of_a_year(std::string_view text);

// How a text writes the dates it spells out: more often the month's name before the day ("May
// 4, 2026": > 0) or after it ("4 May 2026", "4. Mai 2026": < 0); 0 when it never tells. The
// convention a numeric date of the same text is read by where its numbers do not tell.
int month_name_first_balance(std::string_view text);

// The word is a month's name in one of those languages, full or abbreviated ("März", "Dec").
bool is_month_name(std::string_view word);

// The text names a month in a language other than English ("mars", "März", "marzo", "maart"):
// a page in one of the languages tosdiff reads, all of which write numeric dates day first.
bool names_a_month_in_another_language(std::string_view text);

}  // namespace tosdiff
