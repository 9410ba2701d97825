#include "tosdiff/compare/pointers.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/hunk_sentences.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/compare/prose_links.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kPointerMaxWords = 35;
constexpr std::size_t kArrowLabelMaxWords = 6;

// How pointers open, lower case, in the languages tosdiff reads.
constexpr std::string_view kPointerOpenings[] = {
    "for more information", "for further information", "for more details", "for further details", "for more info",
    "for details", "to learn more", "learn more", "find out more", "to find out more", "read more about", "see also",
    "more information about", "more information on", "more information is available",
    "pour en savoir plus", "pour plus d'informations", "pour plus d\xE2\x80\x99informations", "pour plus d'information",
    "pour plus d\xE2\x80\x99information", "pour de plus amples informations", "en savoir plus", "voir aussi",
    "weitere informationen", "mehr informationen", "mehr erfahren", "siehe auch",
    "para m\xC3\xA1s informaci\xC3\xB3n", "para obtener m\xC3\xA1s informaci\xC3\xB3n", "m\xC3\xA1s informaci\xC3\xB3n",
    "per maggiori informazioni", "per ulteriori informazioni", "scopri di pi\xC3\xB9", "maggiori informazioni",
    "para mais informa\xC3\xA7\xC3\xB5\x65s", "saiba mais", "mais informa\xC3\xA7\xC3\xB5\x65s",
    "voor meer informatie", "meer informatie", "lees meer"};

// A tip, and the words by which it sends the reader elsewhere.
constexpr std::string_view kTipOpenings[] = {"tip:", "tip :", "tips:", "tips :", "astuce :", "astuce:", "conseil :", "tipp:", "consejo:", "suggerimento:", "dica:"};
constexpr std::initializer_list<const char*> kSendingWords = {
    "learn", "see", "visit", "go", "read", "check", "refer", "book", "contact", "consulte", "consultez", "voir", "siehe", "besuchen", "visita",
    "consulta", "vedi", "leia", "lees", "bekijk"};

// A help centre's line to a neighbouring article or video, which only names it: "Learn about
// Lumen Clips availability." (contrib replay: a storage service's policy), "You can also watch
// our video about Personal Data at Lumen." (a music service's privacy policy), "For the latest
// information, please visit ..." (a device maker's disclosure policy). Held to saying nothing
// more (says_nothing_more): "Refer to our Seller Handbook, which forms part of these terms" or
// "Learn about Lumen Clips, which now makes your videos public" is a clause.
constexpr std::string_view kLinkLineOpenings[] = {
    "learn about", "read about", "refer to", "check out", "watch our video", "watch the video",
    "you can also watch our video", "you can watch our video", "for the latest information",
    "for the most up-to-date information"};

constexpr std::size_t kLinkLineMaxWords = 16;

// Words that open a clause of their own or bind the reader: a line to another page has none.
constexpr std::initializer_list<const char*> kClauseWords = {
    "which", "that", "who", "whom", "whose", "how", "now", "where", "when", "whenever", "while", "because", "unless",
    "if", "agree", "agrees", "bind", "binds", "binding", "forms", "incorporated", "incorporates", "apply", "applies",
    "govern", "governs", "required", "requires", "must", "will", "shall", "may", "can", "should", "would", "could"};

// A purpose that is the reader's own reading, and then where to read: "To troubleshoot a
// disapproval, refer to ..." (contrib replay: an ad network's policy dropping such a line).
constexpr std::string_view kReadingPurposes[] = {"to troubleshoot", "to learn", "to find out", "to understand",
                                                 "to read", "to get help", "to see"};

// A label says what the link shows; a modal makes it a clause ("We may share ... >").
constexpr std::initializer_list<const char*> kModalWords = {"will", "shall", "may", "must", "can", "could", "would",
                                                             "should", "might"};

constexpr std::string_view kArrows[] = {">", "\xE2\x80\xBA", "\xE2\x86\x92", "\xC2\xBB", "&gt;"};

bool opens_with(std::string_view text, std::string_view opening) {
  if (text.size() < opening.size() || text.substr(0, opening.size()) != opening) return false;
  if (text.size() == opening.size()) return true;
  const unsigned char next = static_cast<unsigned char>(text[opening.size()]);
  return !((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9'));  // a whole word: not "for detailsx"
}

bool ends_with_arrow(std::string_view text) {
  for (std::string_view arrow : kArrows)
    if (text.size() > arrow.size() && text.substr(text.size() - arrow.size()) == arrow) return true;
  return false;
}

constexpr std::size_t kBrowserNoticeMaxWords = 30;
constexpr std::string_view kBrowsers[] = {"internet explorer", "safari", "chrome", "firefox", "microsoft edge", "opera",
                                          "browser", "navigateur", "navegador", "browsers", "navigateurs", "navegadores"};
constexpr std::string_view kSupportWords[] = {"support", "upgrade", "update your", "outdated", "out of date",
                                              "no longer", "compatib", "prend en charge", "mettre \xC3\xA0 jour",
                                              "unterst\xC3\xBCtzt", "aktualisieren", "actualiza", "compatible"};

constexpr std::string_view kBrowserDataWords[] = {"collect", "share", "track", "cookie", "signal", "data", "information",
                                                  "personal", "consent", "donn\xC3\xA9" "es", "daten", "datos", "dati", "dados"};

bool mentions_any(const std::string& lower, const std::string_view* begin, const std::string_view* end) {
  return std::any_of(begin, end, [&](std::string_view term) { return lower.find(term) != std::string::npos; });
}

// The hosts the sentences write out (prose_links.hpp).
std::set<std::string> hosts_written(const std::vector<std::string>& sentences) {
  std::set<std::string> hosts;
  for (const std::string& sentence : sentences) hosts.merge(prose_url_hosts(sentence));
  return hosts;
}

}  // namespace

namespace {

// A supervisory authority or a regulator: "the Irish Data Protection Commission", "the
// Commission nationale de l'informatique et des libertés", "the Information Commissioner".
bool names_a_regulator(const std::vector<std::string>& words) {
  const std::string joined = " " + join(words, " ") + " ";
  for (std::string_view name : {" authority ", " commission ", " commissioner ", " ombudsman ", " regulator ",
                                " autorit\xC3\xA9 ", " commission nationale ", " cnil ", " aufsichtsbeh\xC3\xB6rde ",
                                " datenschutzbeh\xC3\xB6rde ", " beauftragte ", " autoridad ", " agencia ", " garante ",
                                " autoriteit ", " ico ", " dpc ", " supervisory "})
    if (joined.find(name) != std::string::npos) return true;
  return false;
}

}  // namespace

bool is_pointer_sentence(std::string_view sentence) {
  std::string_view text = trim(sentence);
  while (!text.empty() && (text.front() == '*' || text.front() == '_' || text.front() == '(')) text.remove_prefix(1);
  const std::size_t words = count_space_separated_words(text);
  if (text.empty() || words > kPointerMaxWords) return false;
  if (std::any_of(text.begin(), text.end(), [](char c) { return is_ascii_digit(c) || c == '@'; })) return false;
  // Its words as written (no spelling folded: "learn" must stay "learn").
  const std::vector<std::string> key_words = space_separated_words(canonicalize(text, kFoldToWords));
  if (any_of_words(key_words, kNegationWords)) return false;
  // A sentence naming a party is about who it is, not a page: a company by its legal form, an
  // authority ("For more information, contact our EU representative, Lumen Privacy Rep GmbH": a
  // red team's find, the representative replaced). A role alone names no one ("how to contact
  // the data protection officer, please click here": dating replay).
  if (names_a_company_within(text) || names_a_regulator(key_words)) return false;
  // "<<END OF POLICY>>" closes, it points nowhere.
  if (ends_with_arrow(text) && text.front() != '<' && text.rfind("\xC2\xAB", 0) != 0)
    return words <= kArrowLabelMaxWords && !any_of_words(key_words, kModalWords);
  const std::string lower = ascii_lower(text);
  // A second clause after a semicolon says something of its own ("...; unused points expire").
  for (std::string_view opening : kPointerOpenings)
    if (opens_with(lower, opening)) return lower.find(';') == std::string::npos;
  for (std::string_view tip : kTipOpenings)
    if (lower.rfind(tip, 0) == 0) return any_of_words(key_words, kSendingWords);
  // The lines below only name the page they send to: short, one clause, nothing binding after
  // their opening.
  auto says_nothing_more = [&](std::string_view opening) {
    const std::vector<std::string> rest = space_separated_words(canonicalize(lower.substr(opening.size()), kFoldToWords));
    return lower.find(';') == std::string::npos && words <= kLinkLineMaxWords && !any_of_words(rest, kClauseWords);
  };
  for (std::string_view opening : kLinkLineOpenings)
    if (opens_with(lower, opening)) return says_nothing_more(opening);
  for (std::string_view purpose : kReadingPurposes)
    if (opens_with(lower, purpose)) {
      if (!says_nothing_more(purpose)) return false;
      // The sending word opens the main clause, after the purpose's comma.
      const std::size_t comma = lower.find(", ");
      if (comma == std::string::npos) return false;
      const std::vector<std::string> main_words = space_separated_words(lower.substr(comma + 2));
      return !main_words.empty() && any_of_words(std::vector<std::string>{main_words.front()}, kSendingWords);
    }
  return false;
}

bool is_browser_notice(std::string_view sentence) {
  const std::string_view text = trim(sentence);
  if (text.empty() || count_space_separated_words(text) > kBrowserNoticeMaxWords) return false;
  const std::string lower = ascii_lower(text);
  // What a browser sends or is told (its signals, its cookies) is the policy's own subject.
  if (mentions_any(lower, std::begin(kBrowserDataWords), std::end(kBrowserDataWords))) return false;
  return mentions_any(lower, std::begin(kBrowsers), std::end(kBrowsers)) &&
         mentions_any(lower, std::begin(kSupportWords), std::end(kSupportWords));
}

std::size_t mark_pointers(Change& change, const std::function<bool(const Hunk&)>& topical) {
  std::size_t marked = 0;
  for (Hunk& hunk : change.hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    const SentenceDifference sentences = sentence_difference(hunk);
    if (sentences.gone.empty() && sentences.come.empty()) continue;
    bool browser = false;
    auto about_the_page = [&](const std::string& sentence) {
      if (is_pointer_sentence(sentence)) return true;
      const bool notice = is_browser_notice(sentence);
      browser = browser || notice;
      return notice;
    };
    if (!std::all_of(sentences.gone.begin(), sentences.gone.end(), about_the_page) ||
        !std::all_of(sentences.come.begin(), sentences.come.end(), about_the_page))
      continue;
    if (topical(hunk)) continue;
    // A pointer sent to another site says who the reader is sent to: "please visit
    // https://x.ai/" becoming "https://x-partners.ai/" (metamorphic bench; the issue's twin of
    // a link rewritten: a URL to a different site is news). The same site's other page is not.
    const std::set<std::string> hosts_gone = hosts_written(sentences.gone), hosts_come = hosts_written(sentences.come);
    if (!hosts_gone.empty() && !hosts_come.empty() && hosts_gone != hosts_come) continue;
    mark_cosmetic(hunk, browser ? "page_control" : "pointer");
    ++marked;
  }
  if (marked > 0) settle_lone_news(change);
  return marked;
}

}  // namespace tosdiff
