#pragma once
// A previous version of the document, kept on the page under the new one until the new one
// takes effect, then taken down ("We have made some updates to our Terms of Service ... The
// current Terms of Service are below. Current Terms of Service — Effective until September 29,
// 2023", followed by the whole text in force until then). The new text stays; nothing the page
// says changed when its superseded copy went (replays: a platform's terms on two collections,
// 6,000 to 8,000 words taken down at once). The news was the new text, when it was put up.
// A pure transform over a diff's hunks.

#include <string>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Marks cosmetic, kind "previous_version", every substantive hunk that only takes blocks away
// and is such a copy:
//   - kMinPreviousBlocks blocks or more, running to the start or the end of the old text
//     (within kEndSlack blocks: a footer may stay below it);
//   - one of its first kHeadBlocks blocks labels it as another version: a date, with "until"
//     ("Effective until ...", "in effect until") or with "previous", "prior", "former",
//     "archive(d)", "superseded" and a document word;
//   - half of its other blocks or more are still in the new text, key for key (the previous
//     version says mostly what the new one does).
// Also a copy the diff cut into pieces: a change that only takes blocks away, 10 or more in two
// hunks or more, the first opening with the label of a version in force until a date that the
// new text names (its own date of effect): every piece is the copy, unless a block the old page
// said twice is gone from the new one (the terms in force lost it too).
// And a link to an earlier version put in or taken away on its own, each line (at most 40
// words) a version word, the period it was in force (two dates) or a word saying it is
// earlier, and the link's words ("Pour consulter la version des CGU en vigueur du 20.10.2023 au
// 14.01.2024, cliquez ici"); a clause saying which version applies, with no link, is news.
// A section removed from the end of the terms is none of these: it has no such label, or its
// words are gone from the page.
// `before_keys` and `after_keys` are the diff's comparison keys of each text's blocks.
void mark_previous_versions(std::vector<Hunk>& hunks, const Text& before, const std::vector<std::string>& before_keys,
                            const std::vector<std::string>& after_keys);

}  // namespace tosdiff
