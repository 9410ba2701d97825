#include "tosdiff/compare/page_controls.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "tosdiff/compare/calls_to_action.hpp"
#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/counters.hpp"
#include "tosdiff/compare/copyright_holder.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/language_labels.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/compare/link_annotations.hpp"
#include "tosdiff/compare/page_notes.hpp"
#include "tosdiff/compare/form_messages.hpp"
#include "tosdiff/compare/pagers.hpp"
#include "tosdiff/model/copyright_line.hpp"
#include "tosdiff/model/language_names.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kControlLabelMaxWords = 8;
// What a control does or acts on: one of these makes a label.
const std::set<std::string>& control_words() {
  static const std::set<std::string> words = {
      "print", "printable", "printer-friendly", "print-friendly", "pdf", "share", "copy", "download", "save", "link",
      "drucken", "druckversion", "speichern", "teilen", "kopieren", "herunterladen",
      "imprimer", "partager", "copier", "telecharger", "t\xC3\xA9" "l\xC3\xA9" "charger", "enregistrer", "lien",
      "imprimir", "compartir", "copiar", "descargar", "guardar", "enlace",
      "stampa", "stampare", "condividi", "copia", "scarica", "salva",
      "partilhar", "baixar", "salvar",
      "afdrukken", "printen", "delen", "kopieer", "kopieren", "downloaden", "opslaan",
      "drukuj", "wydrukuj", "pobierz", "udost\xC4\x99pnij", "kopiuj", "zapisz",
      // The site's account buttons ("SIGN UP", "Log in", "INSCRIPTION", "Anmelden").
      "sign", "log", "join", "signup", "sign-up", "login", "log-in", "register", "inscription", "connexion", "anmelden", "registrieren",
      "registrarse", "iniciar", "accedi", "registrati", "iscriviti", "entrar", "cadastrar", "inloggen",
      "aanmelden", "registreren"};
  return words;
}

// The rest of such a label: how it says it, in the same languages.
const std::set<std::string>& label_words() {
  static const std::set<std::string> words = {
      "show", "view", "open", "as", "to", "or", "and", "this", "page", "the", "a", "version", "article", "document",
      "on", "via", "app", "button", "up", "in", "now", "free", "friendly", "printer",
      "als", "anzeigen", "zum", "und", "oder", "diese", "seite", "dieser", "ansehen", "\xC3\xB6" "ffnen",
      "afficher", "voir", "en", "le", "la", "cette", "et", "ou", "pour", "version", "de", "du",
      "mostrar", "ver", "como", "esta", "pagina", "y", "o", "para", "el", "en",
      "mostra", "come", "questa", "e", "per", "il",
      "exibir", "como", "esta", "ou", "para", "o",
      "tonen", "weergeven", "deze", "pagina", "en", "of", "om", "te", "het", "de", "als",
      "poka\xC5\xBC", "t\xC4\x99", "stron\xC4\x99", "jako", "lub", "i", "do", "wersj\xC4\x99"};
  return words;
}

// `word` (lower case) stands in `text` (as written) with a capital first letter.
bool capitalized_in(const std::string& text, const std::string& word) {
  for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
    if (at > 0 && text[at - 1] != ' ') continue;
    const std::size_t end = at + word.size();
    if (end < text.size() && text[end] != ' ') continue;
    bool same = true;
    for (std::size_t k = 0; k < word.size() && same; ++k) {
      const char c = text[at + k];
      same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) == word[k];
    }
    if (same && text[at] >= 'A' && text[at] <= 'Z') return true;
  }
  return false;
}


// The page's own furniture, whole blocks in any case and punctuation: skip links, the heads of
// its table of contents and feedback widget, pagers and cookie settings.
const std::set<std::string>& furniture_phrases() {
  static const std::set<std::string> phrases = {
      "skip to main content", "skip to content", "skip to navigation", "back to top", "go to top", "scroll to top",
      "on this page", "in this article", "in this section", "table of contents", "contents",
      "what's inside", "what is inside", "what's on this page", "jump to",
      "was this page helpful", "was this article helpful", "was this helpful", "yes no", "previous", "next",
      // A survey or feedback widget's prompt and buttons ("Have a moment? Tell us how we're
      // doing. Take Survey": replay, put in below a platform's monetisation policy).
      "have a moment", "tell us how we're doing", "tell us how we are doing", "take survey", "take the survey",
      "take our survey", "give feedback", "send feedback", "leave feedback", "feedback",
      "did this answer your question", "was this information helpful", "rate this page", "rate this article",
      "did this page help you", "did this article help you", "did this help you", "did this help",
      // A policy generator's switch between its two renderings (iubenda's footer link).
      "show the complete privacy policy", "show the simplified privacy policy", "show the complete cookie policy",
      "how can we improve", "how can we improve this page", "thanks for your feedback", "thank you for your feedback",
      // A help centre's feedback box and its way out, below every article (contrib replay: an ad
      // network's policy gaining "Give feedback about this article"; AI providers' policies live
      // on such help centres too).
      "give feedback about this article", "choose a section to give feedback on", "need more help",
      "try these next steps", "need more help try these next steps", "post to the help community",
      "get answers from community members",
      // A dialog's or a banner's close button ("close", replay: a video platform's privacy policy).
      "close", "close banner", "dismiss", "fermer", "schlie\xC3\x9F" "en", "cerrar", "chiudi", "fechar", "sluiten",
      // An embedded video's buttons ("Play Video", replay: a platform's privacy policy) and the
      // way back up ("Return to top").
      "play video", "pause video", "play", "pause", "mute", "unmute", "full screen", "fullscreen",
      "exit full screen", "return to top",
      // A dialog's button left in the page ("Continue", a health insurer's log-in dialogs).
      "continue",
      // An accordion's buttons ("Tout ouvrir" before each article, replay: an airline's privacy
      // policy), a "Learn more" link alone or as "Read Next" (replay: a platform's community
      // guidelines), a dialog's refusal ("Non merci").
      "open all", "close all", "expand all", "collapse all", "show all", "hide all", "tout ouvrir", "tout fermer",
      "toggle", "toggle contents", "toggle navigation", "toggle menu", "toggle table of contents",
      "tout afficher", "tout masquer", "alle \xC3\xB6" "ffnen", "alle schlie\xC3\x9F" "en", "alle anzeigen",
      "abrir todo", "cerrar todo", "mostrar todo", "espandi tutto", "comprimi tutto", "expandir tudo", "alles openen",
      "learn more", "read more", "read next", "read less", "continue reading", "see more", "see less", "show more",
      "show less", "view more", "view less", "find out more", "discover more", "en savoir plus", "lire la suite",
      "mehr erfahren", "weiterlesen",
      "m\xC3\xA1s informaci\xC3\xB3n", "leer m\xC3\xA1s", "scopri di pi\xC3\xB9", "leggi di pi\xC3\xB9", "saiba mais",
      "leia mais", "meer informatie", "lees meer", "no thanks", "non merci", "nein danke", "no gracias", "no grazie",
      "n\xC3\xA3o obrigado", "nee bedankt", "gestion des cookies",
      // A help centre's closing line and its followers (Zendesk).
      "have more questions? submit a request", "have more questions submit a request", "submit a request",
      "not yet followed by anyone", "follow", "unfollow",
      // A documentation site's prompts to follow and file the page (Google's developer sites,
      // where its APIs' terms live: "Notifications Save this page to your Developer Profile to get
      // notifications on important updates. Stay organized with collections ...", contrib replay).
      "save this page to your developer profile to get notifications on important updates",
      "notifications save this page to your developer profile to get notifications on important updates",
      "stay organized with collections", "save and categorize content based on your preferences",
      // A landmark's heading written for screen readers ("## Site Footer", replay: a
      // marketplace's terms).
      "site footer", "site header", "main navigation", "footer navigation", "breadcrumb", "breadcrumbs",
      "previous next",
      // A wide table's or a carousel's scroll buttons, glued or not ("Previous columnNext column":
      // replay, an airline's privacy policy, its partners' table).
      "previous column", "next column", "previous column next column", "scroll left", "scroll right",
      "scroll left scroll right", "previous slide", "next slide", "previous slide next slide", "previous page",
      "next page", "previous page next page", "colonne pr\xC3\xA9" "c\xC3\xA9" "dente", "colonne suivante", "colonne pr\xC3\xA9" "c\xC3\xA9" "dente colonne suivante",
      "cookie settings", "cookie preferences", "manage cookies", "manage cookie preferences",
      // A disclosure's toggle under each collapsed detail (a red team's find: "More details"
      // renamed "Show more", an alert per detail).
      "more details", "fewer details", "less details", "show details", "hide details", "view details", "see details",
      "zum inhalt springen", "zum hauptinhalt springen", "nach oben", "auf dieser seite", "inhaltsverzeichnis",
      "inhalt", "war diese seite hilfreich", "war dieser artikel hilfreich", "ja nein", "cookie-einstellungen",
      "feedback geben", "umfrage starten", "an der umfrage teilnehmen",
      "aller au contenu", "aller au contenu principal", "retour en haut", "haut de page", "sur cette page",
      "sommaire", "table des mati\xC3\xA8res", "cette page vous a-t-elle \xC3\xA9t\xC3\xA9 utile", "oui non",
      "param\xC3\xA8tres des cookies", "g\xC3\xA9rer les cookies", "cet article vous a-t-il \xC3\xA9t\xC3\xA9 utile",
      "donnez votre avis", "r\xC3\xA9pondre \xC3\xA0 l'enqu\xC3\xAAte",
      "ir al contenido", "ir al contenido principal", "volver arriba", "en esta p\xC3\xA1gina", "\xC3\xADndice",
      "s\xC3\xAD no", "configuraci\xC3\xB3n de cookies", "\xC2\xBFte ha resultado \xC3\xBAtil",
      "\xC2\xBFte result\xC3\xB3 \xC3\xBAtil este art\xC3\xAD" "culo", "enviar comentarios",
      "vai al contenuto", "torna su", "in questa pagina", "indice", "impostazioni dei cookie",
      "ir para o conte\xC3\xBA" "do", "voltar ao topo", "nesta p\xC3\xA1gina", "sim n\xC3\xA3o",
      "naar inhoud", "terug naar boven", "op deze pagina", "inhoud", "inhoudsopgave", "ja nee",
      "cookie-instellingen",
      "przejd\xC5\xBA do tre\xC5\x9B" "ci", "powr\xC3\xB3t na g\xC3\xB3r\xC4\x99", "do g\xC3\xB3ry", "na tej stronie", "spis tre\xC5\x9B" "ci",
      "ustawienia plik\xC3\xB3w cookie", "tak nie",
      // A docs platform's controls (Mintlify, Docusaurus, GitBook, Read the Docs): copy the page,
      // open it in an assistant, edit it (metamorphic bench: "Edit this pagePreviousNext", glued).
      "edit this page", "edit page", "edit on github", "see contributors", "view contributors", "view source",
      "suggest edits", "suggest an edit",
      "copy page", "copy as markdown", "view as markdown", "open in chatgpt", "open in claude", "ask ai",
      "ask a question", "summarize with ai", "summarise with ai",
      // An office suite's chrome around a document it publishes ("Published using Google Docs
      // Report abuse Learn more").
      "report abuse", "signaler un abus", "missbrauch melden", "denunciar abuso", "segnala abuso",
      // A link to the document's archive beside its date ("Effective: ... | Archived versions").
      "archived versions", "archived version", "previous versions", "prior versions", "past versions",
      "older versions", "earlier versions", "version history", "view archived versions", "view previous versions",
      "view prior versions", "see previous versions", "see prior versions", "versions pr\xC3\xA9" "c\xC3\xA9" "dentes",
      "versions ant\xC3\xA9rieures", "fr\xC3\xBChere versionen", "versiones anteriores", "versioni precedenti",
      "vers\xC3\xB5" "es anteriores", "eerdere versies"};
  return phrases;
}

// The words of a label without the arrows and symbols drawn beside them ("Back to top ↑",
// "→ Next"): tokens of ASCII punctuation and U+2000..U+2BFF (UTF-8 lead byte E2) only.
std::string without_symbols(const std::string& text) {
  std::string out;
  for (const std::string& word : space_separated_words(text)) {
    bool symbol = true;
    for (std::size_t i = 0; i < word.size() && symbol; ++i) {
      const auto c = static_cast<unsigned char>(word[i]);
      if (c == 0xE2 && i + 2 < word.size()) {
        i += 2;
      } else if (c == 0xF0 && i + 3 < word.size()) {
        i += 3;  // a pictograph: a help centre's reactions ("Did this answer your question? 😞😐😃")
      } else {
        symbol = c < 0x80 && !is_ascii_letter(word[i]) && !is_ascii_digit(word[i]);
      }
    }
    if (!symbol) out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

}  // namespace

namespace {

constexpr std::size_t kFeedbackQuestionMaxWords = 12;

// A feedback widget in any language: a short question and its two answers, glued or not ("Was
// this article helpful? YesNo", "Informatiile au fost utile? DaNu": replay, a marketplace's
// terms, its help centre's widget translated). The answers make it furniture, whatever the
// question says.
// A yes/no pair, glued or not ("YesNo", "Da Nu", "Oui / Non"), whatever follows the last "?".
bool is_yes_no(std::string_view text_after_question) {
  std::string answers;
  for (char c : canonicalize(text_after_question, kFoldWhitespace | kFoldQuotes | kFoldCase))
    if (c != ' ' && c != '/' && c != '|') answers += c;
  static const std::set<std::string> kYesNo = {
      "yesno", "ouinon", "janein", "sino", "s\xC3\xADno", "s\xC3\xACno", "simn\xC3\xA3o", "simnao", "janee", "danu",
      "taknie", "janej", "anone", "igennem", "evethay\xC4\xB1r", "kyll\xC3\xA4" "ei"};
  return kYesNo.count(answers) > 0;
}

// A short question, as a widget asks it: at most kFeedbackQuestionMaxWords words, ending with "?".
bool is_short_question(std::string_view text) {
  const std::string folded = canonicalize(text, kFoldWhitespace);
  return !folded.empty() && folded.back() == '?' && count_space_separated_words(folded) <= kFeedbackQuestionMaxWords;
}

// A row of contributors' avatars at a docs page's foot: each an initial (the image's
// alternative text, "m", "p"), said to open in a new tab, then how many more ("+7"; contrib
// replay: a blockchain foundation's policies, the row changing with each edit of the page),
// on one line or one to a line.
constexpr std::size_t kAvatarRowMinInitials = 2;

bool is_avatar_row(std::string_view block_text) {
  const std::string without_annotations = drop_link_annotations(block_text);
  const std::vector<std::string> words = space_separated_words(without_annotations);
  // One avatar to a line: its initial said to open in a new tab ("copens in a new tab"), or
  // the count after them ("+4").
  if (words.size() == 1) {
    const std::string& word = words.front();
    if (word.size() >= 2 && word[0] == '+') return all_ascii_digits(std::string_view(word).substr(1));
    // A name opening with a figure gives a figure ("0xwitty": "0 (opens in a new tab)").
    return word.size() == 1 && (is_ascii_letter(word[0]) || is_ascii_digit(word[0])) &&
           trim(without_annotations) != trim(block_text);
  }
  std::size_t initials = 0, more = 0;
  for (const std::string& word : words) {
    if (word.size() == 1 && is_ascii_letter(word[0]))
      ++initials;
    else if (word.size() >= 2 && word[0] == '+' && all_ascii_digits(std::string_view(word).substr(1)))
      ++more;
    else
      return false;
  }
  return initials >= kAvatarRowMinInitials && more == 1 && words.back()[0] == '+';
}

constexpr std::size_t kPhraseMaxWords = 15;          // the longest phrase of the list
constexpr std::size_t kPhrasesInARowMaxWords = 30;  // a row of buttons and prompts, not a paragraph

// A block made of the page's furniture phrases one after the other, two or more: an
// accordion's "Read More Read Less", a dialog's buttons "Continue Continue Continue" left in
// the page (contrib replay: a health insurer's privacy policy). `words`: the block folded to
// its words, symbols left out.
bool furniture_phrases_in_a_row(const std::string& words) {
  const std::vector<std::string> tokens = space_separated_words(words);
  if (tokens.size() < 2 || tokens.size() > kPhrasesInARowMaxWords) return false;
  // phrases[i]: the fewest phrases covering tokens[i..], 0 past the end, npos when none do.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> phrases(tokens.size() + 1, kNone);
  phrases[tokens.size()] = 0;
  for (std::size_t i = tokens.size(); i-- > 0;) {
    std::string phrase;
    for (std::size_t n = 1; n <= kPhraseMaxWords && i + n <= tokens.size(); ++n) {
      phrase += (n > 1 ? " " : "") + tokens[i + n - 1];
      if (phrases[i + n] != kNone && furniture_phrases().count(phrase) > 0)
        phrases[i] = std::min(phrases[i], phrases[i + n] + 1);
    }
  }
  return phrases[0] != kNone && phrases[0] >= 2;
}

// A picker of the document's versions: "Versions: October 10, 2022 (current)August 16,
// 2021July 1, 2021..." (contrib replay: a survey platform's privacy policy, the picker glued
// into one line and taken off). Its label, then two dates or more, each maybe marked current;
// nothing else.
bool is_version_picker(std::string_view block_text) {
  static constexpr std::string_view kLabels[] = {"versions", "previous versions", "prior versions", "past versions",
                                                 "archived versions", "other versions", "version history"};
  const std::string_view text = trim(block_text);
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string label = ascii_lower(trim(text.substr(0, colon)));
  if (std::find(std::begin(kLabels), std::end(kLabels), label) == std::end(kLabels)) return false;
  // The dates glued by the markup ("(current)August 16, 2021July 1") parted again: a date
  // runs into the next one's month.
  std::string dates;
  const std::string_view rest = text.substr(colon + 1);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (i > 0 && (is_ascii_digit(rest[i - 1]) || rest[i - 1] == ')') && is_ascii_letter(rest[i])) dates += ' ';
    dates += rest[i];
  }
  for (const std::string& word : words_besides_dates(dates))
    if (word != "current") return false;
  return dates_named(dates).size() >= 2;
}

// A help centre's count of the widget's answers ("118 out of 1635 found this helpful"), its
// answers before it or not: the counter folded (counters.hpp), nothing else is left.
bool is_helpful_count(std::string_view text) {
  std::string folded = std::string(trim(canonicalize(fold_counters(text), kFoldWhitespace | kFoldCase)));
  if (!folded.empty() && folded.back() == '.') folded.pop_back();
  for (std::string_view answers : {"yes no ", "yesno "})
    if (folded.rfind(answers, 0) == 0) folded.erase(0, answers.size());
  for (std::string_view count : {"# out of # found this helpful", "# of # found this helpful",
                                 "# people found this helpful", "# out of # found this useful"})
    if (folded == count) return true;
  return false;
}

// What a status page's indicator says, the page's layout showing it (a red team's find: "All
// systems operational" → "Partial outage: API" under a docs page's text was an alert): one of
// the states a status page publishes, after its dot or with the part of the service it names
// (at most 3 words after a colon or a dash). A state alone without them is a word of the text:
// an SLA's list of events ("- Partial outage"). `bare` is the block folded to its words.
bool says_a_service_status(std::string_view block_text, const std::string& bare) {
  const std::string_view text = trim(block_text);
  const bool indicator = !text.empty() && static_cast<unsigned char>(text.front()) >= 0x80;  // ● 🟢 ⚠
  const bool names_a_part = text.find(':') != std::string_view::npos || text.find(" - ") != std::string_view::npos ||
                            text.find(" \xE2\x80\x94 ") != std::string_view::npos;
  if (!indicator && !names_a_part) return bare == "all systems operational" || bare == "all systems normal";
  static constexpr std::string_view kStates[] = {
      "all systems operational", "all systems normal", "all services operational", "operational",
      "degraded performance", "partial outage", "major outage", "full outage", "minor outage",
      "under maintenance", "scheduled maintenance", "maintenance in progress", "investigating", "identified",
      "monitoring", "resolved", "service disruption", "partial service disruption", "some systems degraded",
      "some systems are experiencing issues", "elevated error rates", "elevated errors"};
  constexpr std::size_t kPartWords = 3;
  for (std::string_view state : kStates) {
    if (bare.compare(0, state.size(), state) != 0) continue;
    if (bare.size() == state.size()) return true;
    if (bare[state.size()] != ' ') continue;
    if (count_space_separated_words(std::string_view(bare).substr(state.size())) <= kPartWords) return true;
  }
  return false;
}

bool is_feedback_prompt(std::string_view block_text) {
  const std::size_t mark = block_text.rfind('?');
  if (mark == std::string_view::npos || !is_short_question(block_text.substr(0, mark + 1))) return false;
  // The answers, or the count of them when the page drops its buttons (metamorphic bench: a
  // help centre's "Was this article helpful? 118 out of 1635 found this helpful").
  return is_yes_no(block_text.substr(mark + 1)) || is_helpful_count(block_text.substr(mark + 1));
}

}  // namespace

bool is_page_control_label(std::string_view block_text) {
  // Lower case, ASCII quotes and dashes, no punctuation at word ends; accented letters are
  // kept as written (the lists have both spellings where pages drop accents).
  const std::string folded = canonicalize(block_text, kFoldToWords);
  const std::string bare = without_symbols(folded);
  if (furniture_phrases().count(bare) || furniture_phrases_in_a_row(bare)) return true;
  // Labels the page's markup glued ("Previous columnNext column"), parted again.
  if (const auto labels = glued_labels(block_text); labels.size() > 1) {
    std::string parted;
    for (std::string_view label : labels) (parted += label) += ' ';
    const std::string parted_bare = without_symbols(canonicalize(parted, kFoldToWords));
    if (furniture_phrases().count(parted_bare) || furniture_phrases_in_a_row(parted_bare)) return true;
    // Each label a control's or a page's note ("Edit this pagePreviousNextPowered by Mintlify").
    if (std::all_of(labels.begin(), labels.end(), [](std::string_view label) {
          const std::string one = canonicalize(label, kFoldToWords);
          return furniture_phrases().count(without_symbols(one)) > 0 || is_page_note(one);
        }))
      return true;
  }
  // "© 2026 Lumenfield Inc. All rights reserved.": the site's footer, whichever year it says.
  if (is_footer_copyright(block_text)) return true;
  if (is_keyboard_shortcut(block_text)) return true;  // "Ctrl+I", a hint beside a field
  if (says_a_service_status(block_text, bare)) return true;  // "● Partial outage: API", a status page's state
  if (is_page_note(folded)) return true;  // "12 followers", "11 min read", "Page generated ..."
  if (is_pager(block_text)) return true;               // "Next: Usage policies" closing a docs page
  if (is_two_sided_pager(block_text)) return true;     // "Prev What is spam? Next Don't break the site"
  if (is_avatar_row(block_text)) return true;          // "m p c +7", contributors' initials
  if (is_feedback_prompt(block_text)) return true;
  if (is_form_response_message(block_text)) return true;  // "Your submission was sent successfully! Close"
  // A language switcher's one entry ("English", "Deutsch"); "Indonesia" is a country too, and
  // a country dropped from a list may be a term.
  if (is_language_name(block_text) && tosdiff::ascii_lower(trim(block_text)) != "indonesia" && notes_only_a_region(block_text))
    return true;
  if (names_a_language_version(block_text)) return true;
  if (is_language_switcher_line(block_text)) return true;
  if (is_version_picker(block_text)) return true;
  const std::string& text = folded;
  // One name may stand in a short label: "Download Lumenfield", "Share on Facebook" (the name is
  // capitalized as written; "on" is the label's).
  std::size_t names_allowed = count_space_separated_words(block_text) <= 4 ? 1 : 0;
  const std::string as_written = canonicalize(block_text, kFoldWhitespace | kFoldQuotes | kFoldPunctuation);
  std::size_t words = 0;
  bool control = false;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j == i) break;
    std::string word = text.substr(i, j - i);
    i = j;
    if (word == "-" || word == "|" || word == "\xE2\x80\x93" || word == "\xE2\x80\x94") continue;  // dashes
    if (++words > kControlLabelMaxWords) return false;
    if (control_words().count(word)) {
      control = true;
    } else if (!label_words().count(word)) {
      if (names_allowed == 0 || !capitalized_in(as_written, word)) return false;
      --names_allowed;
    }
  }
  return control;
}

bool is_drawn_rule(std::string_view block_text) {
  // ASCII punctuation, the dashes U+2010..U+2015, the bullet, the ellipsis and box drawing.
  bool mark = false;
  for (std::size_t i = 0; i < block_text.size(); ++i) {
    const auto c = static_cast<unsigned char>(block_text[i]);
    if (c == ' ') continue;
    if (c < 0x80) {
      if (!std::ispunct(c)) return false;
      mark = true;
      continue;
    }
    if (i + 2 >= block_text.size() || c != 0xE2) return false;
    const auto b1 = static_cast<unsigned char>(block_text[i + 1]), b2 = static_cast<unsigned char>(block_text[i + 2]);
    const bool dash = b1 == 0x80 && ((b2 >= 0x90 && b2 <= 0x95) || b2 == 0xA2 || b2 == 0xA6);
    const bool box = b1 == 0x94 || b1 == 0x95;
    if (!dash && !box) return false;
    mark = true;
    i += 2;
  }
  return mark;
}

bool is_keyboard_shortcut(std::string_view block_text) {
  std::string text = tosdiff::ascii_lower(trim(block_text));
  // A search box's hint: "⌘K", "Ctrl K" (docs sites), written with a space or nothing for '+'.
  static constexpr std::string_view kCommand = "\xE2\x8C\x98";
  if (text.rfind(kCommand, 0) == 0 && text.size() == kCommand.size() + 1)
    text = std::string(kCommand) + "+" + text.substr(kCommand.size());
  // Written with a space, the key is one letter or digit ("Ctrl K"; "Cmd 6404", "⌘ Terms" are not).
  for (std::string_view key : {"ctrl ", "cmd ", "\xE2\x8C\x98 "}) {
    if (text.rfind(key, 0) != 0 || text.find('+') != std::string::npos) continue;
    if (text.size() != key.size() + 1) return false;
    text[key.size() - 1] = '+';
  }
  std::size_t plus = text.find('+');
  if (plus == std::string::npos) return false;
  const std::string key = text.substr(0, plus);
  if (key != "ctrl" && key != "cmd" && key != "alt" && key != "shift" && key != "option" && key != "\xE2\x8C\x98")
    return false;
  for (std::size_t start = plus + 1; start <= text.size(); start = plus + 1) {
    plus = text.find('+', start);
    if (plus == std::string::npos) plus = text.size();
    if (plus == start || plus - start > 5) return false;  // "ctrl+" alone; "ctrl+delete" is a key name of 6
    for (std::size_t i = start; i < plus; ++i)
      if (!is_ascii_letter(text[i]) && !is_ascii_digit(text[i])) return false;
  }
  return true;
}

bool is_page_furniture_phrase(std::string_view block_text) {
  return furniture_phrases().count(without_symbols(canonicalize(block_text, kFoldToWords))) > 0;
}

namespace {

constexpr std::size_t kLabelBesideMaxLines = 2;

bool is_separator_word(const std::string& word) {
  return word == "|" || word == "\xC2\xB7" || word == "-" || word == "\xE2\x80\x93" || word == "\xE2\x80\x94";
}

// Whether a run of words opens or closes with a separator ("| View printable version").
bool set_off_by_a_separator(std::string_view text, bool at_end) {
  const std::vector<std::string> words = space_separated_words(text);
  return !words.empty() && is_separator_word(at_end ? words.back() : words.front());
}

// A control's label a run of the word diff takes away or puts in: its words without the
// separators around them. A language's name is none here: inside a line it is a law's, a
// court's or a version's ("English law", "the English version prevails").
bool is_label_run(const WordOp& op) {
  std::string label;
  for (const std::string& word : space_separated_words(op.text))
    if (!is_separator_word(word)) label += (label.empty() ? "" : " ") + word;
  return !label.empty() && !is_language_name(label) && is_page_control_label(label);
}

// A control's label glued to a line that stays, taken away or put in: "Effective July 26,
// 2022 | View printable version" becoming "Effective July 26, 2022". A line or two each side;
// the runs of words the hunk takes or puts that are a control's label beside the line (at its
// edge, set off by "|", "·" or a dash, or in brackets: "[link]"), set aside, the rest reads the
// same under the comparison key (contrib replay: a cloud storage's terms, "Last Modified:
// November 9, 2021" becoming "Effective: November 9, 2021 | Archived versions", the same date
// under another label). A label inside a sentence ("we save your recordings") or put in the
// place of another ("save" → "share") is the sentence's word, and news.
bool only_labels_beside_the_text(const Hunk& hunk) {
  // The label may be a line of its own beside the one that stays ("Effective: ... |" then
  // "Archived versions").
  if (hunk.old_lines == 0 || hunk.new_lines == 0 || hunk.old_lines > kLabelBesideMaxLines ||
      hunk.new_lines > kLabelBesideMaxLines)
    return false;
  const std::vector<WordOp>& ops = hunk.words;
  std::string before, after;
  bool label_found = false;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const WordOp& op = ops[i];
    if (op.op != '=' && is_label_run(op)) {
      // The run's neighbours in the word diff: kept text, or the other side's run.
      const WordOp* previous = i > 0 ? &ops[i - 1] : nullptr;
      const WordOp* next = i + 1 < ops.size() ? &ops[i + 1] : nullptr;
      const auto swaps = [&](const WordOp* other) { return other && other->op != '=' && other->op != op.op && is_label_run(*other); };
      if (swaps(previous) || swaps(next)) return false;
      const std::string_view text = trim(op.text);
      const bool bracketed = text.size() > 2 && text.front() == '[' && text.back() == ']';
      const bool beside = !previous || !next || set_off_by_a_separator(op.text, false) ||
                          set_off_by_a_separator(op.text, true) ||
                          (previous->op == '=' && set_off_by_a_separator(previous->text, true)) ||
                          (next->op == '=' && set_off_by_a_separator(next->text, false)) || bracketed;
      if (!beside) return false;
      label_found = true;
      continue;
    }
    if (op.op != '+') (before += op.text) += ' ';
    if (op.op != '-') (after += op.text) += ' ';
  }
  return label_found && canonicalize(before, kFoldAll) == canonicalize(after, kFoldAll);
}

constexpr std::size_t kIconNameMaxWords = 3;
constexpr std::size_t kIconNameMinPlaces = 5;

// Words icon sets name their pictures with ("Badge Check", "Check Circle", "Arrow Right").
bool is_icon_word(const std::string& lower) {
  static const std::set<std::string> kIconWords = {
      "arrow", "badge", "bullet", "caret", "check", "checkbox", "checkmark", "chevron", "circle", "dot", "down",
      "external", "filled", "icon", "info", "left", "mark", "outline", "right", "solid", "square", "star", "tick", "up"};
  return kIconWords.count(lower) > 0;
}

// The one block a hunk only takes away or only puts in, when it may be an icon's name: at most
// 3 words, each capitalised and a word icon sets name pictures with, no digit, no sentence
// punctuation, a list item's number or bullet aside; with its side ("-" or "+") before it. ""
// otherwise.
std::string lone_short_label(const Hunk& hunk) {
  if (hunk.lines.size() != 1) return "";
  const Block block = parse_block(hunk.lines[0].text);
  if (block.kind == BlockKind::heading || block.text.empty()) return "";
  if (count_space_separated_words(block.text) > kIconNameMaxWords) return "";
  if (std::any_of(block.text.begin(), block.text.end(), [](char c) { return is_ascii_digit(c); }) ||
      block.text.find_first_of(".,;:!?") != std::string::npos)
    return "";
  for (const std::string& word : space_separated_words(block.text))
    if (!(word[0] >= 'A' && word[0] <= 'Z') || !is_icon_word(ascii_lower(word))) return "";
  return std::string(1, hunk.lines[0].op) + block.text;
}

}  // namespace

namespace {

// A docs site's feedback links, search box and menu buttons, a product site's calls to act and
// a status page's all-clear, as a paragraph of their own (AI providers' policies live on docs
// and product sites). Never a list's item: "Report a problem" may be one of the ways to reach
// the company, "Partial outage" one of an SLA's events (a review's find).
bool is_paragraph_control(std::string_view block_text) {
  static const std::set<std::string> phrases = {
      "share feedback", "give us feedback", "send us feedback", "report an issue", "report a problem",
      "report an issue with this page", "suggest an edit", "suggest edits", "chat with us", "contact sales",
      "talk to sales", "talk to an expert", "get started", "get started for free", "get started free", "try it free",
      "try for free", "try it now", "start for free", "start free trial", "start your free trial", "request a demo",
      "book a demo", "get a demo", "search docs", "search the docs", "search documentation", "open menu",
      "close menu", "dark mode", "light mode", "toggle theme", "all systems operational", "all systems normal",
      "all services are online", "all services online", "all services operational"};
  return phrases.count(without_symbols(canonicalize(block_text, kFoldToWords))) > 0;
}

// One language's entry or version link; a switcher's whole line losing a label keeps its languages.
bool names_a_language(std::string_view text) {
  const bool one_entry = count_space_separated_words(text) <= 4 && text.find('|') == std::string_view::npos;
  return one_entry && (is_language_name(text) || names_a_language_version(text));
}

bool swaps_languages(const Hunk& hunk) {
  bool removed = false, added = false;
  for (const LineOp& line : hunk.lines)
    if (names_a_language(parse_block(line.text).text)) (line.op == '-' ? removed : added) = true;
  return removed && added;
}

}  // namespace

void mark_page_controls(std::vector<Hunk>& hunks) {
  // A label may not be a heading (a section titled "Download your data" is the document's),
  // but a widget's prompt may: "#### Have a moment?" heads a survey box, "## Contents" a table.
  // A line drawn with dashes or box characters ("-----", a heading's underline read as text)
  // says nothing: alone it is layout, beside labels a control's frame.
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    bool all = true, rules_only = true;
    for (std::size_t k = 0; k < hunk.lines.size() && all; ++k) {
      const LineOp& line = hunk.lines[k];
      const Block block = parse_block(line.text);
      const bool rule = block.kind != BlockKind::heading && (is_drawn_rule(block.text) || is_icon(block.text));
      rules_only = rules_only && rule;
      // A feedback widget's question on a line of its own, its answers on the next ("Informatiile
      // au fost utile?" then "DaNu"): the answers make it one, in any language.
      const bool asks_feedback = is_short_question(block.text) && k + 1 < hunk.lines.size() &&
                                 hunk.lines[k + 1].op == line.op && is_yes_no(parse_block(hunk.lines[k + 1].text).text);
      all = rule || asks_feedback || is_yes_no(block.text) ||
            (block.kind == BlockKind::heading
                 ? is_page_furniture_phrase(block.text) || is_language_switcher_line(block.text)
                 : is_page_control_label(block.text) ||
                       (block.kind == BlockKind::paragraph && is_paragraph_control(block.text)));
    }
    // One language put in another's place, or its note changed ("English (binding version)" /
    // "English (courtesy translation)", "English version" / "German language version" under
    // "this version prevails:") may say which text binds: a switcher's entries come and go whole.
    if (all && (swaps_languages(hunk) || names_another_copyright_holder(hunk))) continue;
    // A tick put in a cross's place ("We sell your personal data" ❌ → ✅: a review's find) answers
    // a grid's question the other way.
    auto any_line = [&](auto test) { return std::any_of(hunk.lines.begin(), hunk.lines.end(), test); };
    if (all && rules_only && any_line([](const LineOp& l) { return l.op == '-'; }) &&
        any_line([](const LineOp& l) { return l.op == '+'; }) && any_line([](const LineOp& l) { return shows_yes_or_no(l.text); }))
      continue;
    if (all) mark_cosmetic(hunk, rules_only ? "layout" : "page_control");
    else if (only_labels_beside_the_text(hunk) || only_calls_put_in(hunk)) mark_cosmetic(hunk, "page_control");
  }
}

void mark_icon_names(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  std::map<std::string, std::vector<std::size_t>> places;  // label -> its hunks, in order
  for (std::size_t i = 0; i < hunks.size(); ++i)
    if (!hunks[i].cosmetic) {
      const std::string label = lone_short_label(hunks[i]);
      if (!label.empty()) places[label].push_back(i);
    }
  auto line_of = [&](std::size_t i) { return hunks[i].lines[0].op == '-' ? hunks[i].old_start : hunks[i].new_start; };
  // The run's first label opens its list: the block before it (in its text) is no list item.
  // A label after each item ("- Check" closing each feature) is the list's own words.
  auto opens_its_list = [&](std::size_t i) {
    const Text& text = hunks[i].lines[0].op == '-' ? before : after;
    const std::size_t line = line_of(i);  // 1-based
    return line < 2 || line - 2 >= text.blocks.size() || text.blocks[line - 2].kind != BlockKind::list_item;
  };
  for (const auto& [label, at] : places) {
    std::size_t run_start = 0;
    for (std::size_t k = 1; k <= at.size(); ++k) {
      // The run goes on while each label is two lines after the previous one, in its text.
      if (k < at.size() && line_of(at[k]) == line_of(at[k - 1]) + 2) continue;
      if (k - run_start >= kIconNameMinPlaces && opens_its_list(at[run_start]))
        for (std::size_t r = run_start; r < k; ++r) mark_cosmetic(hunks[at[r]], "page_control");
      run_start = k;
    }
  }
}

}  // namespace tosdiff
