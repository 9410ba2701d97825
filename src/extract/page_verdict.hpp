#pragma once
// Pages that are not the document: error pages, bot challenges and interstitials, soft 404s,
// empty extractions, and a sudden collapse of the text. Each is an error of its own kind, so
// the previous version stays current and no change is recorded. Pure functions.
//
// Error kinds:
//   "blocked"            a bot challenge, captcha, "access denied" or "enable JavaScript"
//                        interstitial (Cloudflare, Akamai, Imperva, DataDome, PerimeterX,
//                        Sucuri, AWS WAF, and generic ones), whatever the HTTP status
//   "error_page"         a "page not found", "unexpected error", maintenance or redirect
//                        page served with a success status, in any of seven languages
//                        (error_page.hpp: structure, size, legal vocabulary, phrases)
//   "http_status"        any other 4xx/5xx answer
//   "empty"              nothing, or next to nothing (under kMinWords words), was extracted
//   "suspicious_shrink"  the text fell under a fifth of the previous version, or shares
//                        almost none of its vocabulary; `tosdiff accept` takes it on purpose

#include <optional>
#include <string_view>

#include "tosdiff/model/result.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

inline constexpr std::size_t kMinWords = 8;

// The verdict on a fetched page before its text is trusted: nothing when it is the document,
// else why not. `html` is the page as UTF-8,
// `text` its normalized text (what tosdiff would archive), `status` the HTTP status (200
// for a file), `previous_words` the words of the document's current version (0 when there is
// none, or when the page is one of several making up the document): an error page is also
// judged by how small it is against what the document was.
std::optional<Error> page_verdict(long status, std::string_view html, const Text& text, std::string_view url,
                                  std::size_t previous_words = 0);

// The verdict on a new text against the current version's: "suspicious_shrink" when it
// collapsed or is another page (is_another_page), nothing otherwise. A page served in part
// is decide.cpp's to judge (missing_part.hpp): it needs the comparison.
std::optional<Error> shrink_verdict(const Text& previous, const Text& current);

// Whether `current` is another page served at the document's address (a home page, a
// product page): `previous` opened with a document's name ("Privacy Policy", "Politique de
// confidentialité") and `current` does not, they share under kAnotherPageOverlap of their
// vocabulary, `current` has fewer than kAnotherPageMaxMarkers markers of legal prose or
// under half of `previous`'s, and it is not a translation. A rewritten policy keeps its name,
// its legal vocabulary, or both (replays: a dating site's home page, 2,616 words, in place
// of its 5,665-word policy, overlap 0.15, markers 8 -> 3; a cookie policy's address showing
// the home page, overlap 0.14). shrink_verdict() holds such a text back.
inline constexpr double kAnotherPageOverlap = 0.25;
inline constexpr std::size_t kAnotherPageMaxMarkers = 3;
bool is_another_page(const Text& previous, const Text& current);

// Whether under a quarter of `text`'s words are outside its headings: a page of headings (a
// summary linking to the sections of the policy, a table of contents) is not the document,
// however much vocabulary it shares with it.
bool is_headings_only(const Text& text);

// Whether `current` is the document `previous` translated into another language (exposed
// for tests).
bool reads_as_translation(const Text& previous, const Text& current);

// The words of a text: its runs of non-spaces, those of scripts written without spaces counted
// by their letters (extract/writing_system.hpp).
std::size_t count_text_words(const Text& text);

// A registrar's placeholder on a parked domain ("this domain is for sale"), told from a tiny
// text; page_verdict() calls such a page "empty".
bool is_parked_domain(const Text& text);

// How much vocabulary two texts share (distinct words of 3 characters or more, lowercased):
// shared / all distinct words of both (0 when both are empty).
double vocabulary_overlap(const Text& a, const Text& b);
// The part of `part`'s distinct words that `whole` has too (0 when `part` has none).
double vocabulary_share(const Text& part, const Text& whole);

}  // namespace tosdiff
