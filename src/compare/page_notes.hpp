#pragma once
// What a page's template says about the page beside its text, one line each: how many follow
// it ("12 followers"), how long it takes to read ("11 min read"), which edition the reader is
// shown ("You are viewing the version of this page for your region"), when the site was built
// ("Page generated 2026-01-17 03:17 UTC · build c20c4f1"), what a widget offers to do with it
// ("Get a quick overview of this page"), which platform built or published it ("Powered by
// Mintlify", "Published using Google Docs"), how often its host refreshes it ("Updated
// automatically every 5 minutes"), what it asks of a browser without scripts ("You need to
// enable JavaScript to run this app"), when this copy of it was printed or generated ("Printed
// on 3 March 2026"), when the page's source was last edited ("Page last update: August 21,
// 2025"), where a carousel or a tab list stands ("tab 1 of 3"). They change with the site, not
// with the terms. A pure
// function, on text folded to words (canonical.hpp kFoldToWords).

#include <string>

namespace tosdiff {

bool is_page_note(const std::string& folded);

}  // namespace tosdiff
