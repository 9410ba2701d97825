#include "tosdiff/compare/calls_to_action.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kButtonMinWords = 2, kButtonMaxWords = 6, kRowMinButtons = 2;

// The verbs buttons open with, as a control names what it does. Not the verbs of rules a
// guideline opens with ("do", "don't", "never", "respect", "be", "keep", "use", "post",
// "report" — "Report harmful content" is as often a rule as a button).
constexpr std::initializer_list<const char*> kControlVerbs = {
    "request", "submit", "preserve", "contact", "manage", "download", "view", "visit", "learn", "read", "see",
    "explore", "browse", "search", "open", "access", "appeal", "file", "send", "ask", "chat", "email", "book",
    "subscribe", "sign", "log", "start", "get", "go", "find", "check", "track", "watch", "print", "share", "edit",
    // A site's calls to join it ("Join Lumen today": a dating app's policy, its buttons between sections).
    "join", "try", "install",
    // French, German, Spanish, Italian, Portuguese, Dutch.
    "demander", "soumettre", "contacter", "g\xC3\xA9rer", "t\xC3\xA9l\xC3\xA9" "charger", "consulter", "acc\xC3\xA9" "der",
    "envoyer", "voir", "anfordern", "einreichen", "kontaktieren", "verwalten", "herunterladen", "ansehen", "senden",
    "solicitar", "enviar", "contactar", "gestionar", "descargar", "consultar", "acceder", "ver", "richiedi", "invia",
    "contatta", "gestisci", "scarica", "visualizza", "accedi", "contatar", "gerenciar", "baixar", "acessar",
    "aanvragen", "indienen", "beheren", "downloaden", "bekijk", "bekijken", "verstuur"};

// The reader's choice: "I have a different question", "I want to report an account".
bool opens_with_the_readers_choice(const std::vector<std::string>& words) {
  if (words.size() < 2) return false;
  if (words[0] == "i'm" || words[0] == "i\xE2\x80\x99m") return true;
  return is_one_of(words[0], {"i", "je", "ich", "yo", "io", "eu", "ik"}) &&
         is_one_of(words[1], {"have", "want", "need", "am", "veux", "souhaite", "ai", "suis", "m\xC3\xB6" "chte",
                              "habe", "bin", "quiero", "tengo", "soy", "voglio", "ho", "sono", "quero", "tenho",
                              "sou", "wil", "heb", "ben"});
}

// A button's words, folded (is_call_to_action); none when the block is no button.
std::vector<std::string> button_words(std::string_view block_text) {
  const Block block = parse_block(block_text);
  const std::string_view text = trim(block.text);
  if (text.empty() || text.find_first_of("0123456789@.;:!") != std::string_view::npos) return {};
  std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  if (words.size() < kButtonMinWords || words.size() > kButtonMaxWords) return {};
  if (!is_one_of(words[0], kControlVerbs) && !opens_with_the_readers_choice(words)) return {};
  return words;
}

}  // namespace

bool is_call_to_action(std::string_view block_text) { return !button_words(block_text).empty(); }

bool asks_for_the_readers_due(std::string_view block_text) {
  const std::vector<std::string> words = button_words(block_text);
  if (words.empty()) return false;
  if (is_one_of(words[0], {"request", "appeal", "demander", "contester", "beantragen", "anfordern",
                           "solicitar", "reclamar", "richiedi", "richiedere", "aanvragen"}))
    return true;
  // The reader's want ("I want a full refund", "Ich m\xC3\xB6" "chte mein Konto l\xC3\xB6schen").
  if (opens_with_the_readers_choice(words) &&
      is_one_of(words[1], {"want", "need", "veux", "souhaite", "m\xC3\xB6" "chte", "quiero", "voglio", "quero", "wil"}))
    return true;
  // A call to join the site names the reader's own things in its pitch ("Join Lumen and find your
  // person"), never a control on them.
  if (is_one_of(words[0], {"join", "try", "install"})) return false;
  // A control on the reader's own things: "Download all your data", "T\xC3\xA9l\xC3\xA9" "charger mes donn\xC3\xA9" "es".
  return std::any_of(words.begin() + 1, words.end(), [](const std::string& word) {
    return is_one_of(word, {"your", "my", "mes", "mon", "ma", "vos", "votre", "meine", "mein", "meinen", "ihre", "ihr",
                            "mis", "mi", "sus", "tus", "miei", "mie", "mio", "tuoi", "meus", "minhas", "seus", "suas",
                            "mijn", "uw", "jouw"});
  });
}

bool only_calls_to_action(const Hunk& hunk) {
  // Put in only: a button taken away may have been the page's one way to a right ("Request human
  // review"), and one relabelled may say another thing ("Request account deletion" ->
  // "... deactivation", a review's finds); a row put in points to what the text below says.
  if (hunk.lines.size() < kRowMinButtons) return false;
  if (std::any_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) { return line.op != '+'; })) return false;
  return std::all_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) { return is_call_to_action(line.text); });
}

namespace {

// A call to take up the site's own product: a verb of joining, downloading or contacting, then
// the site's name as written (capitalised: "Join Lumen today", "Download HER now",
// "T\xC3\xA9l\xC3\xA9" "chargez Lumen") or "us" ("Contact us"), and none of the words a term is made of.
// "Get a refund", "Start arbitration", "Contact our Data Protection Officer", "Email may be
// monitored", "Join no class action" are not (a review's finds).
bool is_site_call(std::string_view block_text) {
  const std::vector<std::string> written = space_separated_words(trim(parse_block(block_text).text));
  const std::vector<std::string> words = button_words(block_text);
  if (words.size() < 2 || written.size() != words.size()) return false;
  if (!is_one_of(words[0], {"join", "download", "try", "install", "get", "start", "contact", "t\xC3\xA9l\xC3\xA9" "chargez",
                            "rejoignez", "contactez-nous", "lade", "descarga", "descargue", "\xC3\xBA" "nete", "scarica",
                            "unisciti", "baixe", "contacteer"}))
    return false;
  const std::string& second = written[1];
  const bool names_the_site = !second.empty() && second[0] >= 'A' && second[0] <= 'Z' &&
                              !is_one_of(words[1], {"a", "an", "the", "our", "your", "my", "no", "not", "le", "la",
                                                     "les", "un", "une", "der", "die", "das", "el", "il", "o"});
  if (!names_the_site && !(words.size() == 2 && words[1] == "us")) return false;
  if (any_of_words(words, kNegationWords) || any_of_words(words, kDocumentWords)) return false;
  return !any_of_words(words, {"refund", "refunds", "complaint", "arbitration", "consent", "form", "list", "addendum",
                                "opt-out", "data", "account", "rights", "right", "privacy", "sdk", "tracking", "court",
                                "mediation", "officer", "dpo", "regulator", "permission", "support"});
}

}  // namespace

bool only_calls_put_in(const Hunk& hunk) {
  if (hunk.lines.empty()) return false;
  return std::all_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) {
    return line.op == '+' && parse_block(line.text).kind == BlockKind::paragraph && is_site_call(line.text);
  });
}

}  // namespace tosdiff
