#pragma once
// The date a document gives itself: "Last updated: March 3, 2026", "Effective date: 1 June
// 2025", "Dernière mise à jour : 3 mars 2026". A page whose new text is dated before the text
// it replaces serves an older copy (a stale cache, a mirror, another region's older edition):
// replays, a portal's privacy policy served as its 2018 copy for two hours, an exchange's
// global terms replaced for a day by a regional edition a month older. A pure transform.

#include <string>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The document's own date as YYYY-MM-DD: the latest date of the date lines (blocks of at most
// 8 words naming one date, unambiguous) among the text's first 12 blocks and last 8 whose
// words say what the date is (updated, effective, modified, revised, version, in force, in the
// seven languages tosdiff reads). The latest, because a new version may keep its predecessor's
// date beside its own ("Effective March 3, 2026. Previous version: January 5, 2025"). "" when
// there is none.
std::string document_date(const Text& text);

}  // namespace tosdiff
