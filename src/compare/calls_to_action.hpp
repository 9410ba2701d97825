#pragma once
// A row of buttons under a document's title: "Request user information", "Submit an
// emergency request", "Preserve account records", "I have a different question" (pga replay:
// a photo network's law enforcement guidelines, the four buttons put above its first
// sentence and alerted as law enforcement news). They lead to forms and pages; the terms they
// name are said below, unchanged. Their words touch the document's topics, so the classifier
// alone cannot tell them from a summary box of key points ("We never sell your data"), which is
// the document: a button opens with the verb of what it does, or is the reader's choice ("I
// have ...", "I want ..."), and has no sentence's end. A pure transform's test, page_margins.cpp
// marks.

#include <string_view>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// A block of 2 to 6 words without a sentence's end, a digit or an address, that opens with the
// verb of a control (request, submit, download, manage, contact, ... in the seven languages
// tosdiff reads) or with the reader's choice ("I have a different question", "Je veux ...").
// "Do not share your password" is a rule; "Never share it" too.
bool is_call_to_action(std::string_view block_text);

// A button asking for what is due to the reader: a request ("Request an independent review",
// "Demander la suppression du compte", "Solicitar un reembolso"), the reader's want ("I want a
// full refund", "Ich möchte mein Konto löschen"), a control on the reader's own things
// ("Download all your data"). Taken away or relabelled, it may withdraw a right (a review's
// finds); "Download the app" or "Sign in" are the site's.
bool asks_for_the_readers_due(std::string_view block_text);

// Whether a hunk only puts in a row of such buttons, two or more. A row taken away or relabelled
// stays news: a button may be the page's one way to a right ("Request human review"), and a
// relabelled one may say another thing ("Request account deletion" -> "... deactivation").
bool only_calls_to_action(const Hunk& hunk);

// Whether a hunk only puts in calls to take up the site's own product anywhere in the text, each
// a paragraph of its own: a verb of joining, downloading or contacting, then the site's name
// as written or "us" ("Join Lumen today", "Download Lumen now", "Contact us" between a policy's
// sections: a dating app's privacy policy, raw snapshots), no negation, document or word a term
// is made of ("Get a refund", "Start arbitration", "Contact our Data Protection Officer",
// "Email may be monitored" are not: a review's finds). A list item is a rule's bullet; a
// button taken away may have been a way to a right.
bool only_calls_put_in(const Hunk& hunk);

}  // namespace tosdiff
