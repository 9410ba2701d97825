#include "tosdiff/compare/page_notes.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/date_reading.hpp"
#include "tosdiff/compare/language_labels.hpp"
#include "tosdiff/compare/relative_stamps.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// A help article's followers counted ("1 follower", "12 followers", "1.2K followers"), beside
// its "Follow" button; "Not yet followed by anyone" before the first.
bool is_follower_count(const std::string& folded) {
  const std::size_t space = folded.find(' ');
  if (space == std::string::npos || space == 0) return false;
  const std::string_view count = std::string_view(folded).substr(0, space);
  const std::string_view unit = std::string_view(folded).substr(space + 1);
  if (unit != "follower" && unit != "followers") return false;
  const auto counts = [](char c) { return is_ascii_digit(c) || c == ',' || c == '.' || c == 'k'; };
  return is_ascii_digit(count.front()) && std::all_of(count.begin(), count.end(), counts);
}

// A notice of which edition of the page the reader is shown ("You are viewing the version of
// this page for your region. Other regions", "Vous consultez la version ..."), put above the text
// by a site that serves editions by region or language (metamorphic bench: an alert on 16 of 18
// pages). Short, opening with the reader viewing, and saying nothing of which terms apply or
// bind: "You are viewing the EEA terms, which apply if you live in the EEA" says who is bound.
constexpr std::size_t kViewingNoticeMaxWords = 25;

bool is_viewing_notice(const std::string& folded) {
  static constexpr std::string_view kOpenings[] = {
      "you are viewing ", "you're viewing ", "you are currently viewing ", "you are now viewing ", "vous consultez ",
      "vous visualisez ", "sie sehen ", "sie betrachten ", "sie befinden sich auf ", "est\xC3\xA1s viendo ",
      "est\xC3\xA1 viendo ", "stai visualizzando ", "stai consultando ", "voc\xC3\xAA est\xC3\xA1 vendo ",
      "est\xC3\xA1 a ver ", "u bekijkt ", "je bekijkt "};
  if (count_space_separated_words(folded) > kViewingNoticeMaxWords) return false;
  const bool opens = std::any_of(std::begin(kOpenings), std::end(kOpenings),
                                 [&](std::string_view opening) { return folded.rfind(opening, 0) == 0; });
  if (!opens || says_which_text_binds(folded)) return false;
  static constexpr std::string_view kApplies[] = {"apply", "applies", "govern", "s'applique", "gilt", "gelten",
                                                  "aplica", "applica", "aplicam", "van toepassing"};
  if (std::any_of(std::begin(kApplies), std::end(kApplies),
                  [&](std::string_view word) { return folded.find(word) != std::string::npos; }))
    return false;
  // An audience says whom the text is for ("... the Terms of Service for users in the European
  // Union and Switzerland": a red team's find, Switzerland dropped); "your region" does not.
  const std::vector<std::string> words = space_separated_words(folded);
  return !any_of_words(words, {"users", "residents", "customers", "members", "consumers", "businesses", "people",
                               "citizens", "utilisateurs", "r\xC3\xA9sidents", "clients", "nutzer", "kunden",
                               "einwohner", "usuarios", "residentes", "clientes", "utenti", "residenti", "clienti",
                               "gebruikers", "inwoners", "klanten"});
}

// A site's stamp of its own build at the foot of a page ("Page generated 2026-01-17 03:17 UTC ·
// build c20c4f1", "Last deployed on 2026-03-02 · commit 4f2a9c1"): it changes with every
// deployment of the site, not with the terms (metamorphic bench: without selectors, an alert on
// 12 of 19 pages). Its words only these, with dates, times, a time zone and hexadecimal ids.
bool is_build_stamp(const std::string& folded) {
  static const std::set<std::string, std::less<>> kWords = {
      "page", "generated", "rendered", "built", "build", "deployed", "deploy", "on", "at", "last", "commit",
      "revision", "rev", "utc", "gmt", "z", "\xC2\xB7", "|", "-", "/"};
  // "Page generated on Sun, 06 Dec 2026 17:47:18 GMT in 82.1 ms": when, and how long it took.
  // A day's or a month's name only beside such a duration: "Last revision on May 3, 2025" is a
  // document's date line (a review's find).
  static const std::set<std::string, std::less<>> kTimedWords = {
      "in", "ms", "s", "sec", "seconds", "milliseconds", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan",
      "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const bool timed = contains_any(folded, {" ms", " milliseconds", " seconds"}) && folded.find(" in ") != std::string::npos;
  bool says_build = false, says_when_or_which = false;
  for (const std::string& raw : space_separated_words(folded)) {
    std::string word = raw;
    while (word.size() > 1 && (word.back() == ',' || word.back() == '.')) word.pop_back();
    if (word == "generated" || word == "rendered" || word == "built" || word == "build" || word == "deployed" ||
        word == "commit" || word == "revision")
      says_build = true;
    if (kWords.count(word) || (timed && kTimedWords.count(word))) continue;
    const bool numeric = std::all_of(word.begin(), word.end(), [](char c) {
      return is_ascii_digit(c) || c == '-' || c == ':' || c == '.' || c == '/' || c == 't';
    });
    const bool hex_id = word.size() >= 7 && word.size() <= 40 && std::all_of(word.begin(), word.end(), [](char c) {
      return is_ascii_digit(c) || (c >= 'a' && c <= 'f');
    });
    if (!numeric && !hex_id) return false;
    says_when_or_which = true;
  }
  return says_build && says_when_or_which;
}

// A note on a translation that says which text governs ("... Im Streitfall gilt die englische
// Fassung", "If they conflict, the English text controls": a red team's find) says something
// of its own: the reader's text is not the binding one.
bool says_which_version_governs(const std::string& folded) {
  return contains_any(folded, {"valeur", "foi", "legal", "l\xC3\xA9gal", "binding", "bind", "prevail", "vinculante",
                               "indicati", "verbindlich", "vincolant", "valid", "rechtsgeldig", "only", "seule", "nur",
                               "gilt", "gelten", "control", "govern", "precedence", "vorrang", "pr\xC3\xA9vau",
                               "prevau", "rige", "prevalec", "prevale", "applies", "apply", "s'appliqu", "streit",
                               "conflict", "dispute", "litige", "disputa", "geschil"});
}

// A widget's line about the page itself: what it offers to do with it ("Get a quick overview of
// this page" beside a "Summarize with AI" button, "Listen to this article", "Translate this
// page", "Cette page a été traduite automatiquement"): short, no figure, naming the page, and
// one of these things done to it (metamorphic bench: an alert on 9 of 18 pages). "This page
// explains how we use your data" is the document's.
constexpr std::size_t kPageWidgetMaxWords = 12;

bool is_page_widget_line(const std::string& folded) {
  static constexpr std::string_view kThePage[] = {
      "this page", "this article", "cette page", "cet article", "diese seite", "diesen artikel",
      "esta p\xC3\xA1gina", "este art\xC3\xAD" "culo", "questa pagina", "questo articolo", "deze pagina", "dit artikel"};
  static constexpr std::string_view kDone[] = {
      "overview", "summary", "summarize", "summarise", "translate", "listen", "print", "share", "copy", "download",
      "bookmark", "ask ai", "ask about", "r\xC3\xA9sum", "zusammenfass", "resum", "riassun", "samenvat", "traduire",
      "\xC3\xBC" "bersetz", "traducir", "tradurre", "vertaal", "\xC3\xA9" "couter", "anh\xC3\xB6ren", "escuchar"};
  if (count_space_separated_words(folded) > kPageWidgetMaxWords || says_which_version_governs(folded)) return false;
  if (std::any_of(folded.begin(), folded.end(), [](char c) { return is_ascii_digit(c); })) return false;
  // A widget's offer is bare, an imperative or a noun: a party or a modal makes it a sentence
  // of the terms ("We may share this page").
  static constexpr std::string_view kClauseWords[] = {"we", "us", "our", "you", "your", "may", "will", "shall", "must",
                                                      "nous", "vous", "wir", "uns", "ihre", "podemos", "possiamo"};
  for (const std::string& word : space_separated_words(folded))
    if (std::find(std::begin(kClauseWords), std::end(kClauseWords), word) != std::end(kClauseWords)) return false;
  const auto has = [&](std::string_view part) { return folded.find(part) != std::string::npos; };
  return std::any_of(std::begin(kThePage), std::end(kThePage), has) && std::any_of(std::begin(kDone), std::end(kDone), has);
}

// A platform's credit closing the page ("Powered by Mintlify", "Built with Docusaurus",
// "Propulsé par WordPress"): the words and a name of at most 3 words.
constexpr std::size_t kCreditNameMaxWords = 3;

bool is_platform_credit(const std::string& folded) {
  static constexpr std::string_view kCredits[] = {"powered by ", "built with ", "made with ", "hosted by ",
                                                  "published using ", "published with ",
                                                  "propuls\xC3\xA9 par ", "bereitgestellt von ", "erstellt mit ",
                                                  "desarrollado por ", "realizzato con ", "mogelijk gemaakt door "};
  for (std::string_view credit : kCredits)
    if (folded.rfind(credit, 0) == 0 && folded.size() > credit.size())
      return count_space_separated_words(folded.substr(credit.size())) <= kCreditNameMaxWords;
  return false;
}

// A published document's refresh note ("Updated automatically every 5 minutes", under a
// document published from an office suite): how often the host copies it, not when its
// terms changed.
bool is_refresh_note(const std::string& folded) {
  static constexpr std::string_view kOpenings[] = {"updated automatically every ", "automatically updated every ",
                                                   "mis \xC3\xA0 jour automatiquement toutes les ",
                                                   "automatisch aktualisiert alle "};
  static constexpr std::string_view kUnits[] = {"minute", "minutes", "hour", "hours", "heures", "minuten", "stunden"};
  for (std::string_view opening : kOpenings) {
    if (folded.rfind(opening, 0) != 0) continue;
    const std::vector<std::string> rest = space_separated_words(folded.substr(opening.size()));
    const bool counted = rest.size() == 2 && all_ascii_digits(rest[0]);
    return (rest.size() == 1 || counted) &&
           std::find(std::begin(kUnits), std::end(kUnits), rest.back()) != std::end(kUnits);
  }
  return false;
}

// A page's notice to browsers without scripts ("You need to enable JavaScript to run this app.",
// "Please enable JavaScript to view this page", "JavaScript ist deaktiviert"): a <noscript> box
// that an HTML parser reading a fragment puts into the text (metamorphic bench: without
// selectors, pages served as fragments). Short, naming JavaScript and turning it on or off,
// and no term of the service: "You must enable JavaScript to use the Services, which we
// provide as is" is a clause.
constexpr std::size_t kScriptNoticeMaxWords = 15;
bool is_script_notice(const std::string& folded) {
  if (folded.find("javascript") == std::string::npos || count_space_separated_words(folded) > kScriptNoticeMaxWords)
    return false;
  // Turned on or off, for the page, the app, the site, the browser; a sentence about what
  // scripts do with the reader's data is the policy's.
  return contains_any(folded, {"enable", "turn on", "switch on", "disabled", "is required", "activer", "activez",
                               "d\xC3\xA9sactiv", "aktivieren", "deaktiviert", "habilita", "habilitar", "attiva",
                               "abilita", "ativar", "inschakelen"}) &&
         contains_any(folded, {"this page", "this app", "this site", "this website", "browser", "cette page",
                               "ce site", "navigateur", "diese seite", "diese website", "esta p\xC3\xA1gina",
                               "este sitio", "navegador", "questa pagina", "questo sito", "deze pagina",
                               "deze website"}) &&
         !contains_any(folded, {"terms", "agree", "service", "services", "we ", "our ", "liab", "conditions", "accept",
                                "cookie", "data", "track", "analytic", "daten", "donn\xC3\xA9" "es", "datos", "dati",
                                "dados", "gegevens", "google", "pixel"});
}

// A translator's notice over the page ("Cette page a été traduite automatiquement", "Diese
// Seite wurde maschinell übersetzt"): translated, by a machine, naming the page, at most 12
// words, and nothing of which text binds ("Toute traduction de cette page est fournie à titre
// indicatif", "... la version anglaise fait foi" are clauses).
bool is_translation_notice(const std::string& folded) {
  constexpr std::size_t kNoticeMaxWords = 12;
  if (count_space_separated_words(folded) > kNoticeMaxWords) return false;
  return contains_any(folded, {"translat", "tradu", "\xC3\xBC" "bersetz", "vertaal"}) &&
         contains_any(folded, {"automat", "autom\xC3\xA1tic", "machine", "maschinell", "m\xC3\xA1quina", "macchina"}) &&
         !says_which_version_governs(folded);
}

// A word's letters and figures, and the marks inside a number ("7.21", "15.04.2025").
std::string bare_word(std::string_view word) {
  std::string out;
  for (char c : word)
    if (is_ascii_digit(c) || (c >= 'a' && c <= 'z') || ((c == '.' || c == ',') && !out.empty())) out += c;
  while (!out.empty() && (out.back() == '.' || out.back() == ',')) out.pop_back();
  return out;
}

bool is_number_word(const std::string& word) {
  return !word.empty() && is_ascii_digit(word.front()) &&
         std::all_of(word.begin(), word.end(), [](char c) { return is_ascii_digit(c) || c == '.' || c == ','; });
}

// A code host's header over a file it shows ("98 lines (76 loc) · 7.21 KB"): the file's size,
// which any edit of it changes, whitespace only too (a red team's find: a license read on its
// code host's page). Only counts of lines and a size.
bool is_file_size_line(const std::string& folded) {
  static const std::set<std::string, std::less<>> kUnits = {"lines", "line", "loc", "sloc", "bytes", "byte", "kb", "mb", "kib", "mib"};
  bool lines = false, size = false;
  for (const std::string& raw : space_separated_words(folded)) {
    const std::string word = bare_word(raw);
    if (word.empty() || is_number_word(word)) continue;
    if (!kUnits.count(word)) return false;
    lines = lines || word == "lines" || word == "line";
    size = size || (word != "lines" && word != "line" && word != "loc" && word != "sloc");
  }
  return lines && size;
}

// A policy generator's credit ("This Privacy Policy was created using Termly's Privacy Policy
// Generator", "Generated by the Free Privacy Policy Generator"): who wrote the template, not a
// term. At most 16 words, naming the generator, created or generated with it, and neither a
// party nor a modal.
bool is_generator_credit(const std::string& folded) {
  constexpr std::size_t kCreditMaxWords = 16;
  if (count_space_separated_words(folded) > kCreditMaxWords) return false;
  // A generator of policies, crediting the document: not an image generator's licence (a
  // review's find: "Images generated by the Acme Art Generator are licensed under CC BY").
  if (!contains_any(folded, {"policy generator", "terms generator", "conditions generator", "notice generator",
                             "disclaimer generator", "policies generator"}) ||
      !contains_any(folded, {"this ", "these "}) || contains_any(folded, {"licen", "copyright", "rights"}))
    return false;
  if (!contains_any(folded, {"created using", "created with", "created by", "generated using", "generated with",
                             "generated by", "made with", "made using"}))
    return false;
  static constexpr std::string_view kClauseWords[] = {"we", "us", "our", "you", "your", "may", "will", "shall", "must"};
  for (const std::string& word : space_separated_words(folded))
    if (std::find(std::begin(kClauseWords), std::end(kClauseWords), bare_word(word)) != std::end(kClauseWords))
      return false;
  return true;
}

// A cookie scanner's stamp on the declaration it writes ("Cookie declaration last updated on
// 15.04.2025 by Cookiebot"): the date of its last scan, rewritten each month with no cookie
// changed (a red team's find: an alert at every scan). The scanner named at its end, at most 12
// words; the policy's own date line names no scanner.
bool is_scanner_stamp(const std::string& folded) {
  constexpr std::size_t kStampMaxWords = 12;
  const std::vector<std::string> words = space_separated_words(folded);
  if (words.size() < 3 || words.size() > kStampMaxWords || bare_word(words[words.size() - 2]) != "by") return false;
  static constexpr std::string_view kScanners[] = {"cookiebot", "onetrust", "cookieyes", "usercentrics", "termly",
                                                   "iubenda", "cookiefirst", "cookiehub", "complianz"};
  const std::string scanner = bare_word(words.back());
  return std::find(std::begin(kScanners), std::end(kScanners), scanner) != std::end(kScanners) &&
         contains_any(folded, {"updated", "scanned", "scan"}) && folded.find("cookie") != std::string::npos;
}

// A documentation site's stamp of the page's last edit, naming the page ("Page last update:
// August 21, 2025", a blockchain foundation's terms; MediaWiki's "This page was last edited on
// 21 August 2025, at 10:02"): it moves with any edit of the page's source, a typo's or a
// contributor's (contrib replay: the foundation's three policies, the stamp moving with their
// avatars, four alerts). The document's own date line ("Last updated: ...", "This policy was
// last updated on ...") says when the terms changed and stays the text's.
bool is_page_edit_stamp(const std::string& folded) {
  static constexpr std::string_view kStamps[] = {
      "page last update", "page last updated", "page last edited", "page last modified", "this page was last edited",
      "this page was last modified", "this page was last updated", "seite zuletzt aktualisiert",
      "seite zuletzt bearbeitet", "page mise \xC3\xA0 jour le", "derni\xC3\xA8re modification de la page"};
  // After it, a date and a time only (relative_stamps.hpp only_a_date, as a save stamp's): a
  // stamp saying more ("..., in force 1 April 2025", "- Privacy Statement v4", "for EU users",
  // a party's name: a red team's finds) says something of the terms.
  constexpr std::size_t kStampRestMaxWords = 8;
  for (std::string_view stamp : kStamps) {
    if (folded.rfind(stamp, 0) != 0 || (folded.size() > stamp.size() && folded[stamp.size()] != ' ')) continue;
    const std::string rest(trim(std::string_view(folded).substr(stamp.size())));
    return !rest.empty() && count_space_separated_words(rest) <= kStampRestMaxWords && is_date_line(rest) &&
           only_a_date(rest);
  }
  return false;
}

// A carousel's or a tab list's position, written for screen readers: "tab 1 of 3", "slide 2 of
// 5", a script not yet run leaving "tab NaN of 0" (contrib replay: a telecom's privacy policy,
// its product tabs counted at last, eight lines at once). Where the reader is, not what the
// page says.
bool is_position_label(const std::string& folded) {
  static constexpr std::string_view kWhat[] = {"tab", "slide", "item", "step", "onglet", "diapositive", "folie",
                                               "registerkarte", "pesta\xC3\xB1" "a", "diapositiva", "scheda",
                                               "aba", "dia"};
  static constexpr std::string_view kOf[] = {"of", "sur", "von", "de", "di", "van"};
  const std::vector<std::string> words = space_separated_words(folded);
  if (words.size() != 4) return false;
  const auto count = [](const std::string& word) { return word == "nan" || all_ascii_digits(word); };
  return std::find(std::begin(kWhat), std::end(kWhat), words[0]) != std::end(kWhat) && count(words[1]) &&
         std::find(std::begin(kOf), std::end(kOf), words[2]) != std::end(kOf) && count(words[3]);
}

// What the page says of the moment it was rendered, different at each rendering: a count of
// who is there ("86 people are reading this page right now", "1005 users online now"), a
// request's id ("Request ID: 34aa...", "Ray ID: 7a8b9c0d1e2f"), a server's clock ("Server time:
// 2026-12-06T17:47:18Z"). A red team's find: an alert at every check of a rendered page.
bool is_render_moment(const std::string& folded) {
  const std::vector<std::string> words = space_separated_words(folded);
  if (words.empty() || words.size() > 10) return false;
  const auto word_at = [&](std::size_t k) { return k < words.size() ? bare_word(words[k]) : std::string(); };
  // A count of who is there now.
  if (is_number_word(word_at(0))) {
    static constexpr std::string_view kWho[] = {"people", "users", "visitors", "readers", "members", "persons"};
    const bool who = std::find(std::begin(kWho), std::end(kWho), word_at(1)) != std::end(kWho);
    // Who is there now, said so: "3 users online at the same time" or "5 members currently
    // included in the plan" are a plan's limits (a review's find).
    if (who && contains_any(folded, {"right now", "online now", "are online", "currently online", "reading this",
                                     "viewing this", "currently viewing", "currently reading", "are here now"}) &&
        !contains_any(folded, {" may ", " must ", " will ", " shall ", " our ", " we ", "plan", "limit", "up to",
                               "at the same time", "at once", "maximum", "included"}))
      return true;
  }
  // A request's id, then nothing but the id.
  static constexpr std::string_view kIds[] = {"request id", "ray id", "trace id", "correlation id", "request-id",
                                              "reference id", "incident id"};
  for (std::string_view id : kIds) {
    if (folded.rfind(id, 0) != 0) continue;
    const std::vector<std::string> rest = space_separated_words(folded.substr(id.size()));
    if (rest.size() == 1 || (rest.size() == 2 && bare_word(rest[0]).empty())) {
      const std::string& value = rest.back();
      const bool id_like = value.size() >= 8 && std::all_of(value.begin(), value.end(), [](char c) {
        return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || c == '-';
      });
      if (id_like && std::any_of(value.begin(), value.end(), [](char c) { return is_ascii_digit(c); })) return true;
    }
  }
  // A clock: its label, then a date and a time only.
  static constexpr std::string_view kClocks[] = {"server time", "current time", "local time", "time now"};
  for (std::string_view clock : kClocks) {
    if (folded.rfind(clock, 0) != 0) continue;
    const std::vector<std::string> rest = space_separated_words(folded.substr(clock.size()));
    return !rest.empty() && rest.size() <= 4 && std::all_of(rest.begin(), rest.end(), [](const std::string& w) {
             return std::all_of(w.begin(), w.end(), [](char c) {
               return is_ascii_digit(c) || c == '-' || c == ':' || c == '.' || c == 't' || c == 'z' || c == '+';
             });
           });
  }
  return false;
}

// When this copy of the document was made, at the foot or head of a printed or exported copy
// ("Printed on 3 March 2026", "Generated on 2026-03-03 at 10:02 UTC", "Downloaded: 03/03/2026",
// "Imprimé le 3 mars 2026", "Gedruckt am 03.03.2026"): a PDF generated when it is asked for says
// so on every copy, and its running line is read once (pdf_running_lines.cpp). Its label, then
// a date or a time and nothing else. "Effective on 3 March 2026" is the document's date.
bool is_copy_moment(const std::string& folded) {
  static constexpr std::string_view kLabels[] = {
      "printed on", "printed", "print date", "date printed", "date of printing", "generated on", "generated",
      "generated at", "downloaded on", "downloaded", "download date", "retrieved on", "retrieved", "exported on",
      "exported", "imprimé le", "imprime le", "généré le", "genere le", "téléchargé le", "telecharge le",
      "date d'impression", "gedruckt am", "druckdatum", "heruntergeladen am", "exportiert am"};
  static const std::set<std::string, std::less<>> kBeside = {
      "on", "at", "le", "à", "a", "am", "um", "pm", "utc", "gmt", "cet", "cest", "bst", "est", "edt", "pst", "pdt",
      "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag",
      "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "uhr", "h"};
  std::string_view label;
  for (std::string_view candidate : kLabels)
    if (folded.rfind(candidate, 0) == 0 && candidate.size() > label.size() &&
        (folded.size() == candidate.size() || folded[candidate.size()] == ' ' || folded[candidate.size()] == ':'))
      label = candidate;
  if (label.empty()) return false;
  bool when = false;
  for (const std::string& raw : space_separated_words(rewrite_dates(folded.substr(label.size())))) {
    std::string word = raw;
    while (!word.empty() && (word.back() == ',' || word.back() == ':' || word.back() == '.')) word.pop_back();
    while (!word.empty() && word.front() == ':') word.erase(0, 1);
    if (word.empty() || kBeside.count(word)) continue;
    const bool figures = std::all_of(word.begin(), word.end(), [](char c) {
      return is_ascii_digit(c) || c == '-' || c == ':' || c == '/' || c == '.' || c == 'h';
    });
    if (!figures || !std::any_of(word.begin(), word.end(), [](char c) { return is_ascii_digit(c); })) return false;
    when = true;
  }
  return when;
}

}  // namespace

bool is_page_note(const std::string& folded) {
  return is_follower_count(folded) || is_reading_time(folded) || is_viewing_notice(folded) ||
         is_build_stamp(folded) || is_page_widget_line(folded) || is_platform_credit(folded) || is_refresh_note(folded) ||
         is_script_notice(folded) || is_translation_notice(folded) || is_file_size_line(folded) ||
         is_generator_credit(folded) || is_scanner_stamp(folded) || is_render_moment(folded) || is_copy_moment(folded) ||
         is_page_edit_stamp(folded) || is_position_label(folded);
}

}  // namespace tosdiff
