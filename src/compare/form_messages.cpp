#include "tosdiff/compare/form_messages.hpp"

#include <string>
#include <vector>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kFormMessageMaxWords = 30;
// A message says it in a few words; a longer sentence opening with thanks goes on to say
// something ("Thank you for subscribing to our newsletter, which we send through a provider
// in the United States").
constexpr std::size_t kSentenceMaxWords = 12;

// How such a message opens, lower case, in English, French, German, Spanish, Italian,
// Portuguese and Dutch. Each is a message's own opening: "Your message will be sent to our
// privacy team" describes a process and is not one ("your message has been" is).
constexpr std::string_view kMessageOpenings[] = {
    // English
    "thank you for", "thanks for", "thank you!", "your submission has been", "your submission was",
    "your submission is", "your message has been", "your message was", "your request has been received",
    "your form has been", "you have successfully", "you've successfully", "you have been unsubscribed",
    "you have been subscribed", "you are now subscribed", "you're now subscribed", "you're all set",
    "you are all set", "we will be in touch", "we'll be in touch", "we will get back to you",
    "we'll get back to you", "a member of our team will", "someone from our team will", "something went wrong",
    "there was an error", "there was a problem", "an error occurred", "please try again",
    "please check your inbox", "please check your email", "check your inbox", "check your email",
    // French
    "merci pour", "merci de votre", "merci de ton", "votre message a", "votre demande a bien", "votre inscription",
    "vous \xC3\xAAtes inscrit", "vous \xC3\xAAtes bien inscrit", "vous \xC3\xAAtes d\xC3\xA9sinscrit",
    "vous avez \xC3\xA9t\xC3\xA9 d\xC3\xA9sinscrit", "une erreur", "veuillez r\xC3\xA9" "essayer",
    "nous vous recontacterons", "nous reviendrons vers vous",
    // German
    "danke f\xC3\xBCr", "vielen dank f\xC3\xBCr", "ihre nachricht wurde", "deine nachricht wurde",
    "ihre anmeldung", "deine anmeldung", "sie haben sich erfolgreich", "du hast dich erfolgreich", "ein fehler ist",
    "bitte versuchen sie es", "bitte versuche es", "wir melden uns",
    // Spanish
    "gracias por", "tu mensaje ha", "su mensaje ha", "tu suscripci\xC3\xB3n", "su suscripci\xC3\xB3n",
    "te has suscrito", "se ha suscrito", "ha ocurrido un error", "se produjo un error", "algo sali\xC3\xB3 mal",
    "por favor, int\xC3\xA9ntalo", "nos pondremos en contacto",
    // Italian
    "grazie per", "il tuo messaggio \xC3\xA8", "la tua iscrizione", "ti sei iscritto", "si \xC3\xA8 verificato un errore",
    "qualcosa \xC3\xA8 andato storto", "ti contatteremo",
    // Portuguese
    "obrigado por", "obrigada por", "obrigado pela", "obrigada pela", "sua mensagem foi", "a sua mensagem foi",
    "sua inscri\xC3\xA7\xC3\xA3o", "a sua inscri\xC3\xA7\xC3\xA3o", "ocorreu um erro", "algo deu errado",
    "entraremos em contato",
    // Dutch
    "bedankt voor", "dank je voor", "dank u voor", "je bericht is", "uw bericht is", "je inschrijving",
    "uw inschrijving", "er is iets misgegaan", "er ging iets mis", "we nemen contact", "wij nemen contact"};

// A whole sentence that is a message's cry alone: "Thank you!", "Success!", "Oops!".
constexpr std::string_view kExclamations[] = {"thank you", "thanks", "success", "oops", "merci", "danke", "vielen dank",
                                              "gracias", "grazie", "obrigado", "obrigada", "bedankt", "oups", "hoppla",
                                              "done", "sent"};

// What the message is about: a form sent, a subscription, a message (stems, lower case).
constexpr std::string_view kFormWords[] = {
    "submi", "subscri", "sign up", "signing up", "signed up", "contacting", "message", "sent", "received",
    "feedback", "form", "inbox", "inscri", "envoy", "anmeld", "abgemeld", "nachricht", "gesendet", "suscri",
    "mensaje", "enviad", "iscri", "messaggio", "inviat", "modulo", "mensagem", "bericht", "verzonden",
    "aangemeld", "afgemeld", "inschrijv"};

// The close button's label, glued to the message or not ("shortly.Close").
constexpr std::string_view kCloseLabels[] = {"close",  "dismiss", "\xC3\x97", "\xE2\x9C\x95", "\xE2\x9C\x96",
                                             "fermer", "schlie\xC3\x9F" "en", "schliessen", "cerrar", "chiudi",
                                             "fechar", "sluiten"};

std::string lower_with_straight_apostrophes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      out += '\'';
      i += 2;
    } else {
      out += text[i];
    }
  }
  return ascii_lower(out);
}

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

std::vector<std::string_view> message_sentences(std::string_view text) {
  std::vector<std::string_view> sentences;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '.' && text[i] != '!' && text[i] != '?' && text[i] != ';') continue;
    // "Thank you!" keeps its mark: an opening may hold it.
    const std::size_t end = i < text.size() && text[i] == '!' ? i + 1 : i;
    const std::string_view sentence = trim(text.substr(start, end - start));
    if (!sentence.empty() && sentence != "!") sentences.push_back(sentence);
    start = i + 1;
  }
  return sentences;
}

bool opens_as_a_message(std::string_view sentence) {
  std::string_view bare = sentence;
  while (!bare.empty() && bare.back() == '!') bare.remove_suffix(1);
  for (std::string_view cry : kExclamations)
    if (bare == cry) return true;
  for (std::string_view opening : kMessageOpenings)
    if (sentence.rfind(opening, 0) == 0 &&
        (sentence.size() == opening.size() || opening.back() == '!' || sentence[opening.size()] == ' ' ||
         sentence[opening.size()] == ','))
      return true;
  return false;
}

}  // namespace

bool is_form_response_message(std::string_view block_text) {
  const std::string_view trimmed = trim(block_text);
  if (trimmed.empty() || count_space_separated_words(trimmed) > kFormMessageMaxWords) return false;
  for (char c : trimmed)
    if (is_ascii_digit(c)) return false;
  const std::string lower = lower_with_straight_apostrophes(trimmed);
  const std::vector<std::string_view> sentences = message_sentences(without_close_label(lower));
  if (sentences.empty()) return false;
  bool about_a_form = false;
  for (std::string_view sentence : sentences) {
    if (!opens_as_a_message(sentence) || count_space_separated_words(sentence) > kSentenceMaxWords) return false;
    for (std::string_view word : kFormWords) about_a_form = about_a_form || sentence.find(word) != std::string_view::npos;
  }
  return about_a_form;
}

}  // namespace tosdiff
