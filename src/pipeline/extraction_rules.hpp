#pragma once
// The rules that read a document's pages into its text — tosdiff's extraction version
// (extract/normalize.hpp kExtractionVersion) and the declaration's selectors, link comparison
// and addresses — written with each version, so that a record can say what changed when the
// same page reads differently (rules_changed) rather than report it as a change of the terms.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "tosdiff/model/document.hpp"

namespace tosdiff {

// A canonical, one-line JSON description of the rules; equal rules give equal strings. A page
// declared executeClientScripts is recorded so only when it was `rendered` (with --no-browser,
// or a rendering that fell back, it was read over HTTP, and a later rendering is another way).
std::string extraction_rules(const DocumentSpec& document, bool rendered = true);

// What differs between the rules that read a version (`then`, "" when the archive is older
// than this description) and today's (`now`), one sentence each: "select of the page:
// ['.old'] → ['.new']", "tosdiff's extraction: version 1 → 2". Empty when they are equal.
std::vector<std::string> rules_difference(const std::string& then, const std::string& now);

// For each of today's pages (`now_urls`), the earlier page it is: the one at its address,
// else the next one left in order (an address the declaration changed), else none (a page
// the declaration added). Pages of the earlier list left unpaired were taken out.
std::vector<std::optional<std::size_t>> pair_by_address(const std::vector<std::string>& then_urls,
                                                        const std::vector<std::string>& now_urls);

// Whether a page is read another way than when `then` read it: a declaration switched to or
// from executeClientScripts. The archived raw page cannot be read again the new way (a browser
// renders a page as it is now, not as it was), so what differs is the way's, not the page's,
// and is taken as it is (a red team's find: the script-built text reported as added terms).
bool fetched_otherwise(const std::string& then, const std::string& now);

}  // namespace tosdiff
