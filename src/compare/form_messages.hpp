#pragma once
// What a form on the page says once it was sent: "Your submission was sent successfully!
// Close", "You have successfully unsubscribed! Close", "Thank you! Your submission has been
// received!", "Oops! Something went wrong while submitting the form." Sites keep these
// messages in the page, hidden until a form is sent, and captures show them by turns (contrib
// replay: a software vendor's terms and privacy policy, four such messages coming and going for
// years, each new one an alert). They say nothing of the terms. A pure function.

#include <string_view>

namespace tosdiff {

// A block of at most 30 words, no figure, every sentence of which (12 words at most) (a trailing "Close" or
// "Dismiss" set aside) opens as a form's acknowledgement or failure does ("Thank you",
// "Your submission has been", "We will be in touch", "Something went wrong", "Merci", "Vielen
// Dank", "Gracias", ... in the seven languages tosdiff reads), one of them about the form
// (a submission, a subscription, a message sent or received). "Thank you for your feedback. We
// use it to improve the service." says something of the service: not one.
bool is_form_response_message(std::string_view block_text);

}  // namespace tosdiff
