#include "tosdiff/compare/form_messages.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kFormMessageMaxWords = 30;

// The messages themselves, whole sentences (lower case, apostrophes straight, no end mark),
// in English, French, German, Spanish, Italian, Portuguese and Dutch. Whole sentences only: a
// clause opening the same way goes on to say something ("Your submission is non-confidential
// and becomes our property", "Votre inscription vaut acceptation des conditions", "Thank you for
// contacting us, we delete messages after thirty days": a red team's finds, every one hidden
// while openings were enough).
const std::set<std::string, std::less<>>& form_messages() {
  static const std::set<std::string, std::less<>> messages = {
      // English
      "thank you for contacting us", "thank you for contacting our team", "thanks for contacting us",
      "thank you for subscribing", "thanks for subscribing", "thank you for signing up", "thanks for signing up",
      "thank you for your submission", "thanks for your submission", "thank you for your message",
      "thanks for your message", "your submission has been received", "your submission was sent successfully",
      "your submission was successful", "your submission has been sent", "your message has been sent",
      "your message was sent successfully", "your message has been sent successfully", "your message has been received",
      "your form has been submitted", "your request has been received", "you have successfully unsubscribed",
      "you have successfully subscribed", "you've successfully unsubscribed", "you've successfully subscribed",
      "you have been unsubscribed", "you have been subscribed", "you are now subscribed", "you're now subscribed",
      "we will be in touch shortly", "we'll be in touch shortly", "we will be in touch soon", "we'll be in touch soon",
      "a member of our team will be in touch shortly", "someone from our team will be in touch shortly",
      "we will get back to you shortly", "we'll get back to you shortly", "we will get back to you soon",
      "something went wrong while submitting the form", "there was an error submitting the form",
      "there was an error submitting your form", "an error occurred while submitting the form",
      "please check your inbox to confirm your subscription", "please check your email to confirm your subscription",
      // The builders' own defaults: HubSpot's, Contact Form 7's, Elementor's, Wix's.
      "thanks for submitting the form", "thank you for submitting the form", "thanks for submitting",
      "thank you for submitting", "it has been sent", "there was an error trying to send your message",
      "your submission failed because of an error",
      // French
      "merci pour votre message", "merci pour votre inscription", "merci de votre inscription",
      "votre message a bien \xC3\xA9t\xC3\xA9 envoy\xC3\xA9", "votre message a \xC3\xA9t\xC3\xA9 envoy\xC3\xA9",
      "votre inscription a bien \xC3\xA9t\xC3\xA9 prise en compte", "vous \xC3\xAAtes bien inscrit",
      "vous avez \xC3\xA9t\xC3\xA9 d\xC3\xA9sinscrit", "nous reviendrons vers vous rapidement",
      // German
      "vielen dank f\xC3\xBCr ihre nachricht", "danke f\xC3\xBCr ihre nachricht", "vielen dank f\xC3\xBCr ihre anmeldung",
      "danke f\xC3\xBCr ihre anmeldung", "danke f\xC3\xBCr deine anmeldung", "ihre nachricht wurde gesendet",
      "ihre nachricht wurde erfolgreich gesendet", "ihre nachricht wurde versendet",
      "sie haben sich erfolgreich angemeldet", "sie haben sich erfolgreich abgemeldet", "wir melden uns in k\xC3\xBCrze",
      // Spanish
      "gracias por tu mensaje", "gracias por su mensaje", "gracias por suscribirte", "gracias por registrarte",
      "tu mensaje ha sido enviado", "su mensaje ha sido enviado", "te has suscrito correctamente",
      // Italian
      "grazie per il tuo messaggio", "grazie per esserti iscritto", "il tuo messaggio \xC3\xA8 stato inviato",
      "iscrizione avvenuta con successo",
      // Portuguese
      "obrigado pela sua mensagem", "obrigado por se inscrever", "sua mensagem foi enviada",
      "a sua mensagem foi enviada", "inscri\xC3\xA7\xC3\xA3o realizada com sucesso",
      // Dutch
      "bedankt voor je bericht", "bedankt voor uw bericht", "bedankt voor je inschrijving",
      "bedankt voor uw inschrijving", "je bericht is verzonden", "uw bericht is verzonden"};
  return messages;
}

// What may stand beside them: a cry, or the failure a form reports in general terms.
const std::set<std::string, std::less<>>& form_cries() {
  static const std::set<std::string, std::less<>> cries = {
      "thank you", "thanks", "success", "oops", "done", "something went wrong", "please try again",
      "please try again later", "merci", "une erreur est survenue", "veuillez r\xC3\xA9" "essayer", "danke",
      "vielen dank", "ein fehler ist aufgetreten", "bitte versuchen sie es erneut", "gracias", "ha ocurrido un error",
      "algo sali\xC3\xB3 mal", "int\xC3\xA9ntalo de nuevo", "grazie", "si \xC3\xA8 verificato un errore", "riprova",
      "obrigado", "obrigada", "ocorreu um erro", "tente novamente", "bedankt", "er is iets misgegaan",
      "probeer het opnieuw"};
  return cries;
}

// The close button's label, glued to the message or not ("shortly.Close").
constexpr std::string_view kCloseLabels[] = {"close",  "dismiss", "\xC3\x97", "\xE2\x9C\x95", "\xE2\x9C\x96",
                                             "fermer", "schlie\xC3\x9F" "en", "schliessen", "cerrar", "chiudi",
                                             "fechar", "sluiten"};

// `text` without the close button's label at its end, when one is there after a space or a
// sentence's mark.
std::string_view without_close_label(std::string_view text) {
  for (std::string_view label : kCloseLabels) {
    if (text.size() <= label.size() || text.substr(text.size() - label.size()) != label) continue;
    const char before = text[text.size() - label.size() - 1];
    if (before == ' ' || before == '.' || before == '!' || before == '?') return trim(text.substr(0, text.size() - label.size()));
  }
  return text;
}

// The sentences, each with its words separated by single spaces. A comma or a colon is kept,
// and no message holds one: "Thank you for contacting us, we delete messages after thirty days"
// is one sentence and no message.
std::vector<std::string> message_sentences(std::string_view text) {
  std::vector<std::string> sentences;
  std::string current;
  auto flush = [&] {
    const std::string_view sentence = trim(current);
    if (!sentence.empty()) sentences.emplace_back(sentence);
    current.clear();
  };
  for (char c : text) {
    if (c == '.' || c == '!' || c == '?' || c == ';') {
      flush();
    } else if (c == ' ' || c == '\t') {
      if (!current.empty() && current.back() != ' ') current += ' ';
    } else {
      current += c;
    }
  }
  flush();
  return sentences;
}

}  // namespace

bool is_form_response_message(std::string_view block_text) {
  const std::string_view trimmed = trim(block_text);
  if (trimmed.empty() || count_space_separated_words(trimmed) > kFormMessageMaxWords) return false;
  const std::string lower = canonicalize(trimmed, kFoldQuotes | kFoldCase);  // "’" read as "'"
  const std::vector<std::string> sentences = message_sentences(without_close_label(lower));
  if (sentences.empty()) return false;
  bool message = false;
  for (const std::string& sentence : sentences) {
    if (form_messages().count(sentence)) {
      message = true;
    } else if (!form_cries().count(sentence)) {
      return false;
    }
  }
  return message;
}

}  // namespace tosdiff
