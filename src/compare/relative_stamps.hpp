#pragma once
// A help centre's relative date stamp: "Updated over a week ago", "Written by Ann. Updated 3
// days ago", "Mis à jour il y a 2 mois". It moves with the day the page is read, not with the
// terms (replay: a comment platform's and a music store's help-centre terms alerted every few
// weeks as "a week" became "2 weeks", then "a month", then the date it stood for). Counters
// (counters.hpp) fold the number of "3 days ago"; a stamp's words change too. A pure transform.

#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A reading time with its label first ("Reading time: 9 minutes", "Lesezeit: 4 Minuten"): the
// labels, lower case, and the units of its minutes.
inline constexpr std::string_view kReadingLabels[] = {"reading time", "read time", "estimated reading time",
                                               "temps de lecture", "lecture", "lesezeit", "lesedauer",
                                               "lectura de", "tiempo de lectura", "tempo di lettura",
                                               "lettura di", "tempo de leitura", "leitura de", "leestijd"};
inline constexpr std::string_view kReadingUnits[] = {"min", "mins", "minute", "minutes", "minuten", "minutos", "minuti"};

// A block that is only a relative date stamp: an age written as help centres write it, "(over|
// about) (a|N) day|week|month|year(s) ago", "today", "yesterday" and their French, German,
// Spanish, Italian, Dutch and Portuguese forms, after an update word ("Updated", "Mis à
// jour", "Aktualisiert"...) or alone, with at most its author after it ("by Ann"). A clause
// naming a past time ("data collected over a year ago is deleted") is none: the words around
// the age must be a stamp's.
bool is_relative_stamp(std::string_view block_text);

// An article's estimated reading time alone, in text folded to words (canonical.hpp
// kFoldToWords): "11 min read", "5-7 min read", "6 minutes de lecture", "reading time 9 minutes",
// "lesezeit 4 minuten". A blog's or a help centre's template computes it from the length.
bool is_reading_time(std::string_view folded);

// A help article's save stamp, its author named: "Updated 2024-11-08T17:14:28Z by Louise",
// "Last edited on May 3, 2025 by Ann Lee" (an update word after at most a byline, a date, an
// author's mark and at most 4 words). The date moves with every save of the article, whatever
// it changed (contrib replay: a food app's help-centre page of terms, re-saved 25 times in two
// years with nothing else changed); a document's date of effect names no author.
bool is_authored_stamp(std::string_view block_text);

// Words (lower case) that say only when: dates in any of the seven languages' ways, times, "on",
// "at" and their like ("on 21 August 2025, at 10:02", "le 1er mars 2025").
bool only_a_date(const std::string& words);

// A word written beside a clock or a clock itself, lower case: "10:15", "am", "p.m.", a time
// zone's abbreviation ("utc", "pst", "cest"; not "et" or "pt", words of French and Portuguese).
bool is_time_word(const std::string& lower);

// Marks cosmetic, kind "date_stamp", every substantive hunk that replaces one block by another,
// one of them a relative stamp and the other a relative stamp or a date line (date_lines.hpp):
// the stamp aging, or written as the date it stands for; a relative stamp put in or taken off
// alone (a hunk of that one block), its labels glued or not ("Written by Ann LeeUpdated this
// week"). A stamp put in or taken off with other text stays what
// that text is. And a date line whose time of day alone moved, its
// dates the same ("2024-06-17 05:41" → "2024-06-17 11:11": the same day's stamp in another
// time zone); another date stays news. And a help article's save stamp, its author named,
// replaced by another ("Updated 2024-11-08T17:14:28Z by Louise" / "Updated 2024-11-14T16:46:26Z
// by Louise": the article saved again, whatever it changed; a document's date of effect names
// no author and stays news alone). And an article's header whose publication stamp stays the
// same ("Published on May 9, 2024"), only its update stamp ("Updated on Aug 5, 2024") taken
// off or its reading time ("48 min read") changed; a new date in the update stamp stays news.
// And a page's publication stamp with its time of day put on or taken off alone
// ("Updated 1639 GMT (0039 HKT) June 14, 2021"; no "last"), the page dating itself in another
// of its first 12 blocks and no other date put in or taken away beside it.
// And, kind "page_control", a help article's byline
// replaced by another ("Written by Ann Lee and 2 others" / "... and 3 others": its authors'
// names capitalized, a count of others, nothing else), or one saying it names who wrote the
// page ("Written by Ann Lee", not "By Ann Lee") put in or taken off alone.
void mark_relative_stamps(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
