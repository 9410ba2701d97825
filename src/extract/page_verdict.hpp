#pragma once
// Pages that are not the document: error pages, bot challenges and interstitials, soft 404s,
// empty extractions, and a sudden collapse of the text. Each is an error of its own kind, so
// the previous version stays current and no change is recorded. Pure functions.
//
// Error kinds:
//   "blocked"            a bot challenge, captcha, "access denied" or "enable JavaScript"
//                        interstitial (Cloudflare, Akamai, Imperva, DataDome, PerimeterX,
//                        Sucuri, AWS WAF, and generic ones), whatever the HTTP status
//   "error_page"         a "page not found" / error page served with a success status
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
// for a file).
std::optional<Error> page_verdict(long status, std::string_view html, const Text& text, std::string_view url);

// The verdict on a new text against the current version's: "suspicious_shrink" when it
// collapsed, nothing otherwise.
std::optional<Error> shrink_verdict(const Text& previous, const Text& current);

std::size_t count_text_words(const Text& text);

}  // namespace tosdiff
