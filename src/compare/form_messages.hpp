#pragma once
// What a form on the page says once it was sent: "Your submission was sent successfully!
// Close", "You have successfully unsubscribed! Close", "Thank you! Your submission has been
// received!", "Oops! Something went wrong while submitting the form." Sites keep these
// messages in the page, hidden until a form is sent, and captures show them by turns (contrib
// replay: a software vendor's terms and privacy policy, four such messages coming and going for
// years, each new one an alert). They say nothing of the terms. A pure function.

#include <string_view>

namespace tosdiff {

// A block of at most 30 words made of such messages, whole sentences from a closed list in the
// seven languages tosdiff reads ("Your submission has been received", "Vielen Dank für Ihre
// Nachricht"), beside a cry ("Thank you!", "Oops!", "Something went wrong") and the close
// button's label at most; one of them a message. A sentence that opens like one and goes on
// ("Thank you for subscribing, your subscription renews each year") is the document's.
bool is_form_response_message(std::string_view block_text);

}  // namespace tosdiff
