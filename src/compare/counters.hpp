#pragma once
// Counters a page shows beside its text: "1840 out of 2613 found this helpful" under a help
// article, "3.4M views" over a policy. They move with every visit and say nothing of the
// terms (replay: two of pga's judged false alerts). Only phrases that are counters whatever
// the page: a limit written in terms ("up to 100 downloads a month") is not one.

#include <string>
#include <string_view>

namespace tosdiff {

// The text with the number of every counter replaced by "#": "N (out) of N (people) found
// this helpful|useful", "N people found this helpful", "3.4M views|likes|reactions|upvotes"
// (an abbreviated number only: "at least 10,000 views" is a threshold in terms), a reading
// time "5 min read" and a relative date "3 days ago" ("within 30 days" is a term); a block
// that is only a count and its unit ("688 views", "05/01/2024688 views": the trailing digits);
// a block that is only an embedded video's time display ("0:00 / 1:00", the time played no
// later than the length); a cookie scanner's counts: a category's ("Necessary (46)", the name
// of a scanner's cookie category and its count alone on the line) and a cookie's instances
// ("[x3]", dropped whole).
std::string fold_counters(std::string_view text);

}  // namespace tosdiff
