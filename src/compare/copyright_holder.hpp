#pragma once
// A site's copyright line put for another naming someone else: "© 2019 Lumen Inc." becoming
// "© 2019 Acme Data Holdings Inc." (the site may have changed hands; a review's find), or
// "Outbrain is a trademark of Outbrain Inc." becoming "Teads is a trademark of Teads Holding Co."
// (contrib replay: an ad network's merger). Another year is the same holder. A pure transform's
// test; page_controls.cpp keeps such a hunk news.

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// Whether the hunk takes away a copyright line and puts in one whose holder's words (without
// years, the sign and "All rights reserved") neither hold the other's nor are held by them.
bool names_another_copyright_holder(const Hunk& hunk);

}  // namespace tosdiff
