#include "tosdiff/compare/previous_version.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_reading.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/update_notice.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinPreviousBlocks = 10;
constexpr std::size_t kEndSlack = 3;
constexpr std::size_t kHeadBlocks = 3;
constexpr std::size_t kVersionLabelMaxWords = 12;

// A short line naming another version: "Effective until September 29, 2023", "Archive of
// Previous Terms", "Prior version of the Privacy Policy". Not a clause ("Entire agreement. These
// Terms supersede any prior agreement ..." is longer than a label).
bool labels_another_version(const std::string& text) {
  const std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  if (words.empty() || words.size() > kVersionLabelMaxWords) return false;
  const bool until_a_date =
      contains_iso_date(canonicalize(text, kFoldDateFormat)) && any_of_words(words, {"until", "till", "through"});
  const bool previous = any_of_words(words, {"previous", "prior", "former", "archive", "archived", "superseded"}) &&
                        any_of_words(words, kDocumentWords);
  return until_a_date || previous;
}

// The blocks that open a previous version: its label, after at most a heading or two and the
// notice that introduces it ("We have made some updates to our Terms of Service ... The current
// Terms of Service are below.", "## Current Terms of Service"). A clause before the label is not
// the previous version's: the hunk is then more than a copy taken down.
bool opens_with_a_label(const Text& before, std::size_t first) {
  for (std::size_t i = first; i < first + kHeadBlocks && i < before.blocks.size(); ++i) {
    const Block& block = before.blocks[i];
    if (labels_another_version(block.text)) return true;
    const bool heading = block.kind == BlockKind::heading && count_space_separated_words(block.text) <= kVersionLabelMaxWords;
    if (!heading && !is_version_announcement(block.text)) return false;
  }
  return false;
}

// The day a version labelled "Effective until September 29, 2023" ends, as the date fold
// writes it (YYYY-MM-DD), when one of the blocks that open the hunk at `first` is such a label;
// "" otherwise.
std::string until_date_opening(const Text& before, std::size_t first) {
  if (!opens_with_a_label(before, first)) return "";
  for (std::size_t i = first; i < first + kHeadBlocks && i < before.blocks.size(); ++i) {
    const std::string& text = before.blocks[i].text;
    if (!labels_another_version(text)) continue;
    const std::string folded = canonicalize(text, kFoldDateFormat);
    if (!any_of_words(space_separated_words(canonicalize(text, kFoldToWords)), {"until", "till", "through"})) return "";
    for (std::size_t k = 0; k + 10 <= folded.size(); ++k) {
      const std::string_view date = std::string_view(folded).substr(k, 10);
      if (contains_iso_date(date) && date.size() == 10) return std::string(date);
    }
    return "";
  }
  return "";
}

// A previous version the diff cut into pieces: what it says like the new text stayed matched,
// and only its other blocks, its label and its notice were taken away, in several hunks
// (contrib replay: a social network's privacy policy on the day the new one took effect, 5,425
// words taken down in four places). The change only takes blocks away, 10 or more; its first
// hunk opens with the label of a version in force until a date, and the new text names that
// very date (its own date of effect). A change that puts anything in, or takes away the last
// copy of a block the page said twice, is more than a copy taken down.
void mark_previous_version_pieces(std::vector<Hunk>& hunks, const Text& before, const std::vector<std::string>& before_keys,
                                  const std::vector<std::string>& after_keys) {
  std::vector<Hunk*> pieces;
  std::size_t removed = 0;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    if (hunk.new_lines != 0 || hunk.old_start == 0) return;
    pieces.push_back(&hunk);
    removed += hunk.old_lines;
  }
  if (pieces.size() < 2 || removed < kMinPreviousBlocks) return;
  const std::string until = until_date_opening(before, pieces.front()->old_start - 1);
  if (until.empty()) return;
  const bool dated_so = std::any_of(after_keys.begin(), after_keys.end(),
                                    [&](const std::string& key) { return key.find(until) != std::string::npos; });
  if (!dated_so) return;
  // A clause both versions said, gone from the page with the copy: the terms in force lost it
  // too (a red team's find: a liability cap taken out on the day the copy went). The copy takes
  // one of its blocks' occurrences away, never the last one; only its labels and notices go
  // whole.
  std::unordered_map<std::string, std::size_t> in_before, in_after;
  for (const std::string& key : before_keys) ++in_before[key];
  for (const std::string& key : after_keys) ++in_after[key];
  for (const Hunk* hunk : pieces)
    for (std::size_t i = hunk->old_start - 1; i < hunk->old_start - 1 + hunk->old_lines && i < before_keys.size(); ++i) {
      const std::string& text = before.blocks[i].text;
      if (in_before[before_keys[i]] >= 2 && in_after[before_keys[i]] == 0 && !labels_another_version(text) &&
          !is_version_announcement(text))
        return;
    }
  for (Hunk* hunk : pieces) mark_cosmetic(*hunk, "previous_version");
}

// A link to an earlier version of the document, put in or taken away on its own: "Pour
// consulter la version des Conditions Générales en vigueur du 20.10.2023 au 14.01.2024, cliquez
// ici." (contrib replay: a marketplace's terms, the archive link put in half a day after the
// new terms it makes way for, alerted on its own). A version word, the period it was in
// force (two dates) or a word saying it is earlier, and the link's words ("click here").
constexpr std::size_t kVersionLinkMaxWords = 40;

// Words saying a version is an earlier one, in the languages tosdiff reads.
constexpr std::initializer_list<const char*> kEarlierWords = {
    "previous", "prior", "earlier", "archived", "former", "ancienne", "pr\xC3\xA9" "c\xC3\xA9" "dente",
    "ant\xC3\xA9rieure", "vorherige", "fr\xC3\xBCh" "ere", "anterior", "precedente", "vorige"};

bool links_an_earlier_version(std::string_view block_text) {
  const std::string folded = canonicalize(block_text, kFoldToWords);  // lower case, no marks at word ends
  const std::vector<std::string> words = space_separated_words(folded);
  if (words.empty() || words.size() > kVersionLinkMaxWords) return false;
  const bool version = any_of_words(words, {"version", "versions", "fassung", "versi\xC3\xB3n", "versione", "vers\xC3\xA3o", "versie"});
  if (!version) return false;
  const std::string dated = rewrite_dates(std::string(block_text));
  std::size_t dates = 0;
  for (std::size_t i = 0; i < dated.size(); ++i)
    if (is_iso_date_at(dated, i)) ++dates, i += 9;
  const bool earlier = dates >= 2 || any_of_words(words, kEarlierWords);
  const bool link = contains_any(folded, {"click here", "cliquez ici", "cliquer ici", "hier klicken", "klicken sie hier",
                                          "haga clic aqu\xC3\xAD", "haz clic aqu\xC3\xAD", "clicca qui", "clique aqui", "klik hier"});
  // A pointer, not a rule about the versions: "The previous version ... no longer applies to
  // any order placed before 1 May 2026; click here to read it" says which terms bind (a review's
  // find). No negation, no modal, no verb of application, in the languages above.
  const bool rules = any_of_words(words, kNegationWords) ||
                     any_of_words(words, {"will", "shall", "may", "must", "apply", "applies", "applied", "govern", "governs",
                                          "bind", "binds", "longer", "orders", "order", "accounts", "subscriptions",
                                          "s'applique", "appliquent", "gilt", "gelten", "aplica", "aplican", "applica",
                                          "applicano", "aplica-se", "geldt", "gelden"});
  return earlier && link && !rules;
}

// A link to an earlier version written as its title, and the archived copy's own title beside
// it: "Previous Cookies policy August 2025", "Lumen Cookies Policy August 2025" (contrib replay: a
// messaging app's cookie policy, the link to its archived edition taken away, alerted on its
// own). A title: at most 10 words, no sentence's end, a document word and a month of a year; its
// date is the month and the year, the same on both lines.
constexpr std::size_t kVersionTitleMaxWords = 10;

bool is_year(const std::string& word) {
  return word.size() == 4 && std::all_of(word.begin(), word.end(), is_ascii_digit) &&
         (word.compare(0, 2, "19") == 0 || word.compare(0, 2, "20") == 0);
}

// A title's words are capitalised, but for the small words between them, the document's words,
// a word saying it is earlier and its date: "Previous Cookies policy August 2025". A word in
// lower case of another kind makes it a clause ("... still govern existing subscribers"), and so
// do words of a rule in capitals ("Prior Terms 2023 Still Govern Existing Subscribers", "... Apply
// To Lifetime Plans": a red team's finds).
bool written_as_a_title(std::string_view text) {
  const std::vector<std::string> words = space_separated_words(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    const std::string lower = canonicalize(word, kFoldToWords);
    const bool month = lower == "may" && i + 1 < words.size() && is_year(words[i + 1]);  // "May 2018"
    if (!month && is_one_of(lower, {"still", "govern", "governs", "apply", "applies", "applied", "bind", "binds", "binding",
                                    "remain", "remains", "existing", "subscribers", "users", "customers", "members",
                                    "bought", "purchased", "before", "after", "only", "must", "may", "will", "shall",
                                    "valid"}))
      return false;
    const char first = word.front();
    if ((first >= 'A' && first <= 'Z') || is_ascii_digit(first) || static_cast<unsigned char>(first) >= 0x80) continue;
    if (is_one_of(lower, kDocumentWords) || is_one_of(lower, {"of", "the", "de", "des", "du", "der", "die", "von", "la", "le", "et",
                                                             "and", "del", "van", "pdf", "version", "previous", "prior",
                                                             "earlier", "archived", "former", "older"}))
      continue;
    return false;
  }
  return true;
}

// The month and year a title names ("august 2025"), "" when it is no title. A year alone dates
// the oldest editions of a list ("Previous Cookies policy 2019 Lumen Cookies Policy 2019": contrib
// replay, a messaging app's archive list), only on a line that holds the link and the copy's title
// both, the year written twice: a title with a year alone ("Prior Authorization Policy 2025") is
// any document's. Each date on a line the same.
std::string version_title_date(std::string_view block_text) {
  const std::string_view text = trim(block_text);
  if (text.empty() || text.back() == '.' || text.back() == ';' || text.back() == ':') return "";
  const std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  if (words.size() < 3 || words.size() > 2 * kVersionTitleMaxWords || !any_of_words(words, kDocumentWords)) return "";
  if (any_of_words(words, kNegationWords) || !written_as_a_title(text)) return "";
  std::string found;
  std::size_t dates = 0, years_alone = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (!is_year(words[i])) continue;
    const bool with_month = names_a_month_of_a_year(words[i - 1] + " " + words[i]);
    std::string date = with_month ? words[i - 1] + " " + words[i] : words[i];
    if (!found.empty() && date != found) return "";
    found = std::move(date);
    ++dates;
    if (!with_month) ++years_alone;
  }
  if (years_alone == 1) return "";
  // One title, or the link and its copy's title on one line, each dated.
  if (words.size() > kVersionTitleMaxWords && dates < 2) return "";
  return found;
}

bool is_earlier_word(const std::string& word) {
  return is_one_of(word, kEarlierWords) || word == "older";  // "Older Privacy Policy March 2022"
}

// Whether `words` end with `tail`, one to three words (the site's name) before it.
bool ends_with_words(const std::vector<std::string>& words, std::size_t begin, std::size_t end, const std::vector<std::string>& tail) {
  constexpr std::size_t kMaxNameWords = 3;
  if (end - begin < tail.size() + 1 || end - begin > tail.size() + kMaxNameWords) return false;
  return std::equal(tail.begin(), tail.end(), words.begin() + static_cast<std::ptrdiff_t>(end - tail.size()));
}

// A link and its copy's title on one line, dated once at its end: "Previous Privacy Policy PDF
// Version Viber Privacy Policy March 2022" (contrib replay: the messaging app's privacy policy):
// past the earlier word, the link's words, "PDF" or "version" maybe, then the copy's title, one to
// three words of its name before the link's words again and the date.
bool titles_its_copy_on_its_line(const std::vector<std::string>& words) {
  const std::size_t n = words.size();
  if (n < 4) return false;
  const std::size_t date_words = is_year(words[n - 1]) ? (names_a_month_of_a_year(words[n - 2] + " " + words[n - 1]) ? 2 : 1) : 0;
  if (date_words == 0) return false;
  for (std::size_t k = 2; k + date_words < n; ++k) {  // the link's words: words[1, k)
    std::vector<std::string> tail(words.begin() + 1, words.begin() + static_cast<std::ptrdiff_t>(k));
    tail.insert(tail.end(), words.end() - static_cast<std::ptrdiff_t>(date_words), words.end());
    std::size_t copy = k;
    while (copy < n && (words[copy] == "pdf" || words[copy] == "version")) ++copy;
    if (ends_with_words(words, copy, n, tail)) return true;
  }
  return false;
}

// Links to earlier editions, each beside its copy's title: every line opens with a word saying
// it is earlier, what follows it up to its date ("Cookie Policy August 2025") closing a title of
// one to three more words of the same line or another ("Lumenfield Cookie Policy August 2025"),
// or is such a title (contrib replay: a messaging app's cookie policy, the link to its archived
// edition taken away, alerted on its own). Another document beside the link ("Lumenfield
// Arbitration Agreement August 2025"), or a document named "Prior Authorization Policy", is not.
bool titles_earlier_versions(const Hunk& hunk) {
  std::vector<std::vector<std::string>> lines;
  for (const LineOp& line : hunk.lines) {
    const std::string text = parse_block(line.text).text;
    const std::string date = version_title_date(text);
    if (date.empty()) return false;
    lines.push_back(space_separated_words(canonicalize(text, kFoldToWords)));
  }
  std::vector<bool> accounted(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::vector<std::string>& words = lines[i];
    if (!is_earlier_word(words.front())) continue;
    // The link's title: past the earlier word, up to its date's year.
    std::size_t year = 1;
    while (year < words.size() && !is_year(words[year])) ++year;
    if (year >= words.size()) return false;
    const std::vector<std::string> tail(words.begin() + 1, words.begin() + static_cast<std::ptrdiff_t>(year) + 1);
    bool companion = ends_with_words(words, year + 1, words.size(), tail) ||  // on the same line, dated twice
                     titles_its_copy_on_its_line(words);
    for (std::size_t j = 0; j < lines.size(); ++j)
      if (j != i && ends_with_words(lines[j], 0, lines[j].size(), tail)) {
        companion = true;
        accounted[j] = true;
      }
    if (!companion) return false;
    accounted[i] = true;
  }
  return std::all_of(accounted.begin(), accounted.end(), [](bool b) { return b; });
}

void mark_links_to_earlier_versions(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    const char op = hunk.lines.front().op;
    if (!std::all_of(hunk.lines.begin(), hunk.lines.end(), [&](const LineOp& line) { return line.op == op; })) continue;
    if (std::all_of(hunk.lines.begin(), hunk.lines.end(),
                    [&](const LineOp& line) { return links_an_earlier_version(parse_block(line.text).text); }) ||
        titles_earlier_versions(hunk))
      mark_cosmetic(hunk, "previous_version");
  }
}

}  // namespace

void mark_previous_versions(std::vector<Hunk>& hunks, const Text& before, const std::vector<std::string>& before_keys,
                            const std::vector<std::string>& after_keys) {
  std::unordered_map<std::string, std::size_t> in_before, in_after;  // counted once a hunk may need them
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.new_lines != 0 || hunk.old_lines < kMinPreviousBlocks || hunk.old_start == 0) continue;
    const std::size_t first = hunk.old_start - 1, end = first + hunk.old_lines;
    if (end > before.blocks.size()) continue;
    if (first > kEndSlack && end + kEndSlack < before.blocks.size()) continue;
    if (!opens_with_a_label(before, first)) continue;
    if (in_before.empty()) {
      for (const std::string& key : before_keys) ++in_before[key];
      for (const std::string& key : after_keys) ++in_after[key];
    }
    // A copy: its blocks are written twice on the old page (the version in force above it says
    // them too) and still once on the new one. A section moved away has them once only.
    std::size_t copied = 0;
    for (std::size_t i = first + kHeadBlocks; i < end; ++i)
      copied += in_before[before_keys[i]] >= 2 && in_after[before_keys[i]] >= 1 ? 1 : 0;
    if (2 * copied < end - first - kHeadBlocks) continue;
    mark_cosmetic(hunk, "previous_version");
  }
  mark_previous_version_pieces(hunks, before, before_keys, after_keys);
  mark_links_to_earlier_versions(hunks);
}

}  // namespace tosdiff
