#include "tosdiff/compare/page_banner.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kBannerMinWords = 4;  // fewer: a label, the page header's to judge
constexpr std::size_t kBannerMaxWords = 40;
constexpr std::size_t kBannerValueMaxWords = 4;
constexpr std::size_t kTitleMaxIndex = 5;
constexpr std::size_t kWordsBelowTitle = 150;
constexpr std::size_t kBannerSentenceWords = 5;

// The document's title: the text's first heading, among its first blocks, of level 1 or 2 and
// not numbered; npos when none ("### 1. What we collect" or "## 1. Your account" first open a
// section: the document has no title there).
std::size_t title_heading(const Text& text) {
  for (std::size_t i = 0; i < text.blocks.size() && i <= kTitleMaxIndex; ++i) {
    const Block& block = text.blocks[i];
    if (block.kind != BlockKind::heading) continue;
    const std::string_view title = trim(block.text);
    const bool numbered = !title.empty() && is_ascii_digit(title.front());
    return block.level <= 2 && !numbered ? i : std::string::npos;
  }
  return std::string::npos;
}

std::size_t words_from(const Text& text, std::size_t from) {
  std::size_t n = 0;
  for (std::size_t i = from; i < text.blocks.size(); ++i) n += count_space_separated_words(text.blocks[i].text);
  return n;
}

// A sentence of 5 words or more ("This notice describes how we collect your data.").
bool is_sentence(std::string_view text) {
  const std::string_view trimmed = trim(text);
  return !trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == ';') &&
         count_space_separated_words(trimmed) >= kBannerSentenceWords;
}

// Whether a block of prose or a sentence other than blocks [skip_from, skip_from + skip) lies
// above `title`: the document starts above it, and what is put there may be a clause.
bool prose_above(const Text& text, std::size_t title, std::size_t skip_from, std::size_t skip) {
  for (std::size_t i = 0; i < title; ++i)
    if ((i < skip_from || i >= skip_from + skip) && (is_prose(text.blocks[i].text) || is_sentence(text.blocks[i].text)))
      return true;
  return false;
}

// Words naming a legal document in the languages tosdiff reads, and the stems German
// compounds them from ("Datenschutzrichtlinie", "Nutzungsbedingungen").
constexpr std::initializer_list<const char*> kDocumentWordsAbroad = {
    "politique", "conditions", "cgu", "cgv", "mentions", "charte", "agb", "politica", "pol\xC3\xADtica", "condiciones",
    "t\xC3\xA9rminos", "aviso", "informativa", "termini", "condizioni", "termos", "condi\xC3\xA7\xC3\xB5" "es",
    "voorwaarden", "beleid", "verklaring", "privacybeleid", "privacyverklaring"};

// Stems of words about the reader's data, account and rights, and the document's own matters,
// in the seven languages and Russian: a banner speaks of none of them (nor names the document:
// names_the_document).
constexpr std::string_view kReaderStems[] = {
    "data", "information", "personal", "account", "privacy", "message", "right", "consent", "arbitrat", "court",
    "law", "liab", "controller", "sell", "sold",
    "donn\xC3\xA9" "es", "compte", "personnel", "droit", "consentement", "tribunal", "contrat",
    "datenschutz", "daten", "konto", "recht", "einwillig", "gericht", "schied", "vertrag", "richtlinie", "bedingung",
    "erkl\xC3\xA4rung",
    "datos", "cuenta", "derecho", "contrato", "dati", "diritt", "contratt", "dados", "direito",
    "gegevens", "rechten", "toestemming", "overeenkomst",
    "\xD0\xB4\xD0\xB0\xD0\xBD\xD0\xBD",                              // данн
    "\xD0\xBF\xD0\xB5\xD1\x80\xD1\x81\xD0\xBE\xD0\xBD",              // персон
    "\xD0\xB0\xD0\xBA\xD0\xBA\xD0\xB0\xD1\x83\xD0\xBD\xD1\x82",      // аккаунт
};

bool names_the_document(const std::vector<std::string>& words) {
  return any_of_words(words, kDocumentWords) || any_of_words(words, kDocumentWordsAbroad);
}

bool speaks_of_the_reader(const std::vector<std::string>& words) {
  // Portuguese's account as a whole word: as a stem it took "contact" (an energy supplier's
  // maintenance banner, "... we will contact you").
  if (any_of_words(words, {"conta", "contas"})) return true;
  return std::any_of(words.begin(), words.end(), [](const std::string& word) {
    return std::any_of(std::begin(kReaderStems), std::end(kReaderStems),
                       [&](std::string_view stem) { return word.compare(0, stem.size(), stem) == 0; });
  });
}

// Verbs a banner's call opens a sentence with, in the seven languages.
constexpr std::initializer_list<const char*> kCallVerbs = {
    "submit", "apply", "take", "register", "download", "join", "watch", "learn", "discover", "explore", "try", "get",
    "sign", "subscribe", "click", "tap", "save", "stay", "start", "shop", "book", "upgrade", "install", "visit",
    "find", "check", "help", "don't", "don’t", "missed", "call", "appelez-nous", "contactez-nous", "rufen",
    "ll\xC3\xA1" "manos", "chiamaci", "ligue",
    "d\xC3\xA9" "couvrez", "inscrivez-vous", "t\xC3\xA9l\xC3\xA9" "chargez", "essayez", "profitez", "cliquez", "appelez",
    "rejoignez", "entdecken", "jetzt", "registrieren", "laden", "descubre", "reg\xC3\xADstrate", "descarga", "prueba",
    "scopri", "registrati", "scarica", "prova", "descubra", "baixe", "experimente", "ontdek", "probeer", "meld"};

// Words of an apology for the site's troubles, and a prompt's close button at a banner's end.
constexpr std::string_view kTroubles[] = {"sorry for", "inconvenience", "experiencing", "outage", "maintenance",
                                          "d\xC3\xA9sol\xC3\xA9", "entschuldig", "disculp", "ci scusiamo"};
constexpr std::string_view kCloseWords[] = {"close", "fermer", "schlie\xC3\x9F" "en", "cerrar", "chiudi", "fechar", "sluiten"};

// The banner calls the reader: an exclamation, an arrow, a call's verb opening a sentence, an
// apology for the site's troubles, or its close button at its end.
bool calls_the_reader(std::string_view text) {
  if (text.find('!') != std::string_view::npos) return true;
  for (std::string_view arrow : {"\xE2\x86\x92", "\xE2\x80\xBA", "\xC2\xBB"})
    if (text.find(arrow) != std::string_view::npos) return true;
  const std::string lower = ascii_lower(text);
  for (std::string_view trouble : kTroubles)
    if (lower.find(trouble) != std::string::npos) return true;
  const std::string_view end = trim(lower);
  for (std::string_view close : kCloseWords)
    if (end.size() >= close.size() && end.substr(end.size() - close.size()) == close) return true;
  bool sentence_start = true;
  for (const std::string& word : space_separated_words(lower)) {
    if (sentence_start && is_one_of(word, kCallVerbs)) return true;
    sentence_start = !word.empty() && (word.back() == '.' || word.back() == '?');
  }
  return false;
}

// What a site's banners are about, lower case: surveys, events, the site's troubles, its app and
// newsletter, promotions, its pages' own prompts, a greeting (replays: each one read). A
// banner of anything else above the title (a sale of the company, a service closing, a right
// withdrawn) is news, whatever it calls the reader to.
constexpr std::string_view kBannerMatters[] = {
    "survey", "feedback", "help us build", "help us improve", "challenge", "conference", "webinar", "event",
    "summit", "hackathon", "register now", "on demand", "having some issues", "intermittent", "outage",
    "working to fix", "maintenance", "the app", "our app", "new app", "mail app", "newsletter", "regular emails",
    "homepage", "offer", "promo", "discount", "% off", "\xE2\x82\xAC", "$", "free trial", "offerts", "offre",
    "angebot", "oferta", "sconto", "aanbieding", "search box", "tab key", "collections", "save this page",
    "notifications", "welcome back", "welcome to", "bienvenue", "willkommen", "bienvenid", "benvenut", "bem-vind",
    "welkom", "ravis de vous revoir", "webinars", "inscriptions"};

// What a banner about the site must not say, as the first letters of a word: the company sold
// or closing, a service withdrawn, a limit, a deletion, a fee, an age.
constexpr std::string_view kBannerNewsStems[] = {
    "shut", "closing", "closure", "discontinu", "acquir", "acquisition", "merger", "delet", "remov", "refund", "must",
    "charg", "limit", "owner", "belong", "cancel", "fermeture", "supprim", "rachet", "schlie\xC3\x9Fung",
    "l\xC3\xB6sch", "cierre", "elimin", "chiusura", "cessation", "stop", "ending"};
// The same as whole words, and pairs of words.
constexpr std::initializer_list<const char*> kBannerNewsWords = {"fee", "fees", "age", "lose", "loses", "losing", "lost",
                                                                 "end", "ends", "ended", "only", "partie", "closes",
                                                                 "closed", "ferme", "ferm\xC3\xA9", "eingestellt",
                                                                 "cierra", "chiude", "sluit",
                                                                 "geh\xC3\xB6rt", "geh\xC3\xB6ren", "joined"};
constexpr std::pair<std::string_view, std::string_view> kBannerNewsPairs[] = {
    {"no", "longer"}, {"run", "by"}, {"close", "down"}, {"years", "old"},
    // A new owner (the third review's finds, in English, French, German, Spanish, Italian,
    // Dutch): "now part of the Orbix family", "fait désormais partie", "gehört jetzt zur".
    {"part", "of"}, {"fait", "partie"}, {"forma", "parte"}, {"fa", "parte"}, {"onderdeel", "van"},
    {"now", "owned"}, {"joined", "forces"}};

bool says_news(std::string_view line) {
  const std::vector<std::string> words = space_separated_words(canonicalize(line, kFoldToWords));
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (is_one_of(word, kBannerNewsWords)) return true;
    for (std::string_view stem : kBannerNewsStems)
      if (word.compare(0, stem.size(), stem) == 0) return true;
    for (const auto& [first, second] : kBannerNewsPairs)
      if (word == first && i + 1 < words.size() && words[i + 1] == second) return true;
  }
  return false;
}

bool names_a_site_matter(std::string_view line) {
  const std::string lower = ascii_lower(line);
  return std::any_of(std::begin(kBannerMatters), std::end(kBannerMatters),
                     [&](std::string_view about) { return lower.find(about) != std::string::npos; });
}

bool is_banner(std::string_view line) {
  const Block block = parse_block(line);
  const std::size_t words = count_space_separated_words(block.text);
  if (block.kind != BlockKind::paragraph || words < kBannerMinWords || words > kBannerMaxWords) return false;
  if (is_date_line(block.text)) return false;
  // "This article applies to selling in: France": a label and its value, the document's scope.
  if (const std::size_t colon = block.text.rfind(':');
      colon != std::string::npos && count_space_separated_words(std::string_view(block.text).substr(colon + 1)) <= kBannerValueMaxWords)
    return false;
  const std::vector<std::string> folded = space_separated_words(canonicalize(block.text, kFoldToWords));
  return !names_the_document(folded) && !speaks_of_the_reader(folded) && calls_the_reader(block.text);
}

// The label heading a banner: "Please note", "Important", "Hinweis", "À noter", "Aviso", ...
bool is_banner_label(std::string_view line) {
  const Block block = parse_block(line);
  if (block.kind != BlockKind::paragraph && block.kind != BlockKind::heading) return false;
  const std::string label = canonicalize(block.text, kFoldToWords);
  return is_one_of(label, {"please note", "note", "important", "notice", "attention", "heads up", "info", "information",
                           "bitte beachten", "hinweis", "wichtig", "\xC3\xA0 noter", "a noter", "avis", "aviso", "nota",
                           "atenci\xC3\xB3n", "attenzione", "let op", "belangrijk"});
}

}  // namespace

bool about_a_site_matter(std::string_view line) { return !says_news(line) && names_a_site_matter(line); }

TitlePlaces find_title_places(const Text& before, const Text& after) {
  TitlePlaces places;
  const std::size_t old_title = title_heading(before), new_title = title_heading(after);
  if (old_title == std::string::npos || new_title == std::string::npos) return places;
  if (before.blocks[old_title].text != after.blocks[new_title].text) return places;
  if (words_from(after, new_title) < kWordsBelowTitle) return places;
  places.old_title = old_title;
  places.new_title = new_title;
  return places;
}

bool only_site_banners_above_title(const Hunk& hunk, const Text& before, const Text& after, const TitlePlaces& titles) {
  if (!titles.found()) return false;
  const std::size_t old_title = titles.old_title, new_title = titles.new_title;
  auto above = [](std::size_t start, std::size_t lines, std::size_t title) {
    return lines == 0 ? start <= title : start + lines - 1 <= title;
  };
  if (!above(hunk.old_start, hunk.old_lines, old_title) || !above(hunk.new_start, hunk.new_lines, new_title)) return false;
  auto first = [](std::size_t start, std::size_t lines) { return lines > 0 ? start - 1 : start; };
  if (prose_above(before, old_title, first(hunk.old_start, hunk.old_lines), hunk.old_lines) ||
      prose_above(after, new_title, first(hunk.new_start, hunk.new_lines), hunk.new_lines))
    return false;
  // A banner's own label may head it ("Please note" over a maintenance notice: contrib replay, an
  // energy supplier's terms); a label alone is the header's to judge.
  auto banner_or_its_label = [](const LineOp& line) { return is_banner(line.text) || is_banner_label(line.text); };
  if (!std::all_of(hunk.lines.begin(), hunk.lines.end(), banner_or_its_label) ||
      std::none_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) { return is_banner(line.text); }))
    return false;
  // About a site's matter, one line at least, and no line saying the news; a line of another
  // matter rides along only as a short call naming nothing ("Call us on 01 23 45 67 89"): "Visit
  // Orbix Notes, the new home of every Lumen journal!" beside a newsletter prompt is news (the
  // fourth review's find).
  auto rides_along = [](const LineOp& line) {
    constexpr std::size_t kCallMaxWords = 8;
    const std::vector<std::string> words = space_separated_words(parse_block(line.text).text);
    if (words.size() > kCallMaxWords) return false;
    for (std::size_t i = 1; i < words.size(); ++i)
      if (!words[i].empty() && words[i][0] >= 'A' && words[i][0] <= 'Z') return false;
    return true;
  };
  return std::none_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) { return says_news(line.text); }) &&
         std::any_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) { return names_a_site_matter(line.text); }) &&
         std::all_of(hunk.lines.begin(), hunk.lines.end(),
                     [&](const LineOp& line) { return names_a_site_matter(line.text) || rides_along(line); });
}

bool ends_with_close_button(const Block& block) {
  constexpr std::size_t kBannerCallMaxWords = 8;
  if (block.kind != BlockKind::paragraph) return false;
  const std::string_view text = trim(block.text);
  const std::size_t last_space = text.rfind(' ');
  if (last_space == std::string_view::npos) return false;
  const std::string button = ascii_lower(text.substr(last_space + 1));
  const bool close = std::find(std::begin(kCloseWords), std::end(kCloseWords), button) != std::end(kCloseWords) ||
                     button == "dismiss" || button == "\xC3\x97" || button == "\xE2\x9C\x95" || button == "\xE2\x9C\x96";
  if (!close) return false;
  std::size_t sentence_end = std::string_view::npos;
  for (std::string_view mark : {". ", "? ", "! "}) {
    const std::size_t at = text.rfind(mark, last_space);
    if (at != std::string_view::npos && (sentence_end == std::string_view::npos || at > sentence_end)) sentence_end = at;
  }
  if (sentence_end == std::string_view::npos) return false;
  // The call: a few words opening with a call's verb ("Go Now", "Click here to go back",
  // "Download the app"), no comma. A clause's last words open otherwise ("Accounts without a
  // login for two years close", "If a claim is frivolous, the arbitrator may dismiss").
  const std::vector<std::string> call = space_separated_words(text.substr(sentence_end + 2, last_space - sentence_end - 2));
  if (call.empty() || call.size() > kBannerCallMaxWords) return false;
  for (const std::string& word : call)
    if (word.find(',') != std::string::npos) return false;
  const std::string opening = ascii_lower(call.front());
  return opening == "go" || is_one_of(opening, kCallVerbs);
}

}  // namespace tosdiff
