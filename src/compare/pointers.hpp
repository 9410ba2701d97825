#pragma once
// Sentences that only point to another page: "For more information, go to the overview of our
// policies.", "Learn more about our certifications.", "Tip: if your post is rejected, learn
// about the reasons why.", a link's label with its arrow ("View our certification >"). A help
// centre adds and drops them as its other pages come and go (contrib replay: a business
// listing's content policy gaining three such pointers, a phone maker's privacy policy a
// seal's image turned into two links to the certificates it already named); they bind no one.
// A pure transform; what the classifier finds in a hunk comes from the caller.

#include <cstddef>
#include <functional>
#include <string_view>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// `sentence` opens as a pointer does ("For more information", "To learn more", "See also",
// "Pour en savoir plus", "Weitere Informationen", "Para más información", ... in the languages
// tosdiff reads; a tip that sends the reader somewhere: "Tip: ... learn about ..."), or is a
// link's label of at most 6 words, no modal, ending with an arrow (">", "›", "→", "»"); at most 35
// words, no digit (a phone number, a date), no "@", no negation ("For details, note we do not
// sell ...").
bool is_pointer_sentence(std::string_view sentence);

// A note on the browsers the site supports: a browser named ("Internet Explorer", "Safari",
// "browser", "navigateur") with its support ("no longer supports", "upgrade", "compatible",
// "prend en charge"), at most 30 words (contrib replay: an insurer's privacy policy under two
// banners on old browser versions). The site's, not the terms'.
bool is_browser_notice(std::string_view sentence);

// Marks cosmetic, kind "pointer", every substantive hunk whose every sentence taken away or
// put in (hunk_sentences.hpp) is a pointer (kind "page_control" when one is a browser notice), and in which `topical` finds nothing (a pointer to
// how "we use your conversations to train our models" says what the page did not), unless
// the pointer now sends the reader to another host than before (both sides writing one out:
// "visit https://x.ai/" / "visit https://x-partners.ai/"). When no
// substantive hunk is left, a date stamp beside them is news again. Re-tallies the change;
// returns how many hunks it marked.
std::size_t mark_pointers(Change& change, const std::function<bool(const Hunk&)>& topical);

}  // namespace tosdiff
