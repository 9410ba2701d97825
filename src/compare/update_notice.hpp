#pragma once
// Notices about the document rather than terms of it: "We updated our Privacy Policy on
// March 9, 2026. View our previous policy.", "Our new Privacy Policy comes into effect on
// 2 October 2026. Click here to read our current Privacy Policy." Sites put them above
// the text for a while and take them down later; taking one down changes no term (replay:
// 5 of the 58 judged alerts of pga's history were such notices removed). A pure transform.
//
// A notice is a sentence of at most 40 words that names the document (policy, terms, "this addendum",
// notice, agreement, ...), commits to nothing (no will, may, shall, must, can; no notify,
// consent, agree) and either dates its update ("updated", "revised", "comes into effect",
// ... with a full date), points to another version of it ("view our previous policy") or
// says where the updated text is ("the fully updated agreement is below").
// A general clause about changes ("We will notify you 30 days before changes take effect")
// is not one.

#include <functional>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

bool is_update_notice(std::string_view sentence);

// A block every sentence of which is about the document's version rather than a term of it:
// update notices, "This version of the Terms of Service will go into effect on January 15,
// 2026.", "Until then, the current Terms of Service continue to apply.", "We have made some
// updates to our Terms of Service." (no one spoken to, no other duty).
bool is_version_announcement(std::string_view block_text);

// Marks cosmetic, kind "update_notice", every substantive hunk whose only difference is
// notice sentences: removed ones always (a notice taken down), added ones only when another
// hunk is substantive (a notice put up alone announces a new version: news). Run before the
// date stamps are marked.
void mark_update_notices(std::vector<Hunk>& hunks, const Text& after);

// Makes news again every hunk marked "update_notice" in which `topical` (the classifier, on the
// hunk's own words) finds something: a notice or its account that says what the update does
// ("... because the app now sends your precise location to our advertising partners", "This
// update explains that our advertising partners now receive ...": the fourth review's finds)
// is the news it tells. Run by the record builder, which has the classifier; re-tallies the
// change and returns how many hunks it made news.
std::size_t reread_update_notices(Change& change, const std::function<bool(const Hunk&)>& topical);

// The hunk is cosmetic because notices were put up beside another change: with that change
// gone, it is substantive again (compare/variants.cpp).
bool adds_update_notice(const Hunk& hunk);

}  // namespace tosdiff
