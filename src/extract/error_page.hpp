#pragma once
// Whether a page served with a success status is an error page (not found, unavailable,
// an unexpected error, maintenance, a redirect stub) rather than the document, in English,
// French, German, Spanish, Italian, Portuguese or Dutch (used by page_verdict.hpp, and by
// pipeline/decide.cpp for an error message in place of part of a page). Pure functions.
//
// Structure first, words second. An error phrase is evidence only where an error page puts
// it and on a page the size of one:
//   - where: the <title> and the first heading weigh most (2 each); a status code (404, 500,
//     503, ...) in either, a phrase in the opening blocks, a "back to the home page" or "try
//     again" line, a <meta http-equiv="refresh">, less (1 each);
//   - size: tiny (under 80 words), or small against the document's history (under a fifth of
//     its current version and under 300 words), or short (under 300 words); a longer page is
//     never an error page here (a collapse is suspicious_shrink's job);
//   - legal vocabulary against it: distinct markers of legal prose ("personal data",
//     "liability", "governing law", "Impressum", "Handelsregister", "données personnelles",
//     "responsabilidad", "dati personali", "aansprakelijkheid"...; not the names of the usual
//     footer links, "Terms" and "Privacy", which error pages carry too).
// Verdict: tiny or small with weight >= 1 and no legal marker, or weight >= 2 and fewer than
// 3 markers; short with the title or the first heading saying so, weight >= 2 and fewer than
// 3 markers. So a 60-word imprint, or a short privacy notice whose clause says the service
// may be "temporarily unavailable", stays the document.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// What gives the page away as an error page ("'page not found' in the title"), or nothing.
// `title` is the page's <title> text as written (entities undecoded), `html` the page (for a
// meta refresh; may be empty), `previous_words` the words of the document's current version
// (0: none, or not comparable).
std::optional<std::string> error_page_reason(std::string_view title, const Text& text, std::string_view html,
                                             std::size_t previous_words);

// The error phrase (as the lists write it) that the first heading or the first 3 blocks of
// `text` carry, whatever the page's size; nothing when none. And whether `text` says
// `phrase` anywhere. For a page that shows an error message where part of its text was.
std::optional<std::string> opening_error_phrase(const Text& text);
bool says_phrase(const Text& text, std::string_view phrase);

// The error phrase of a short block (at most 30 words) of `text` that `baseline` does not have
// and that gives an HTTP error's status code as an error page does ("404 Sorry, this page is
// currently unavailable.", "Error 404: page not found"), wherever the page put it; nothing when
// none. An error page inside the site's frame: its menus, teasers and legal footer above and
// below the message (contrib replay: a car maker's privacy statement replaced for eleven days by
// its 404 page, 1,300 words of frame, the message under forty menu entries; taken as a version,
// then its end alerted too). A code is needed away from the opening, a word of its own among the
// block's first two or after "Error"/"HTTP", a sentence not going on after it: a number in a
// clause is none ("$500 a year", "(404) 555-0100", "401(k)", "Above 429 requests a minute the
// API is temporarily unavailable": a review's finds), and a phrase alone ("no longer
// available") is a clause's. A phrase the baseline already says is no message.
std::optional<std::string> new_status_error_message(const Text& text, const Text& baseline);

// The number of distinct legal-prose markers of the seven languages in `text` (exposed for
// tests).
std::size_t legal_markers(const Text& text);

// Legal prose as a document writes it, not as a site's footer links or a login form's consent
// line name it: the distinct markers, of every script tosdiff reads, found in the text's prose blocks (12 words or more with a
// sentence's punctuation, in any script, or over 40 words), how many such blocks there are, and
// how many of them carry a marker.
struct LegalProse {
  std::size_t markers = 0, prose_blocks = 0, blocks_with_markers = 0;
};
LegalProse legal_prose(const Text& text);

// The text opens (its first 3 blocks) with the name of a legal document in one of the seven
// languages: "Terms of Service", "Nutzungsbedingungen", "Politique de confidentialité",
// "Condiciones de uso", ... A home page or an app screen does not; its footer is further down.
bool opens_with_document_name(const Text& text);

// How many blocks of at most `max_words` words name a legal document (the names above): a page
// pointing to the document's editions names it in each of its links ("The Terms and Conditions
// for Users in Canada are accessible here", "English (Canada) | Privacy Policy | Ad Choices").
std::size_t blocks_naming_a_document(const Text& text, std::size_t max_words);

}  // namespace tosdiff
