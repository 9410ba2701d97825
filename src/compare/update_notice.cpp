#include "tosdiff/compare/update_notice.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_reading.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/hunk_sentences.hpp"
#include "tosdiff/compare/update_notice_languages.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kNoticeMaxWords = 40;
constexpr std::size_t kDocumentNameMaxWords = 8;

// The words of a canonical key (lower case, punctuation at word ends folded away), as a set.
std::set<std::string> words_of(const std::string& key) {
  std::vector<std::string> words = space_separated_words(key);
  return {words.begin(), words.end()};
}

// Documents that are often parts of another ("our updated Data Transfer Addendum" in the terms
// is what the terms contain, a term): the document itself only as "this addendum".
constexpr std::initializer_list<const char*> kPartWords = {"addendum", "annex", "schedule", "supplement"};

// The word at k names the document: a document word, or a part word after "this".
bool names_document_at(const std::vector<std::string>& sequence, std::size_t k) {
  return is_one_of(sequence[k], kDocumentWords) ||
         (k > 0 && sequence[k - 1] == "this" && is_one_of(sequence[k], kPartWords));
}

bool names_document_in(const std::vector<std::string>& sequence) {
  for (std::size_t k = 0; k < sequence.size(); ++k)
    if (names_document_at(sequence, k)) return true;
  return false;
}

// Words that make a sentence a term, whatever it says about updates.
constexpr std::initializer_list<const char*> kCommitments = {
    "will", "shall", "may", "must", "can", "could", "would", "should", "might", "we'll", "you'll", "notify",
    "notified", "inform", "consent", "agree", "accept", "continue", "continuing", "if", "unless"};

// The words of `key` (lower case, single spaces) without the modal of a version's coming into
// effect or of a pointer to another version: "will be effective April 30", "you can view our
// current Privacy Policy" announce and point; they bind no one. Any other modal stays. Asked
// before dates are folded: the fold takes the label "effective" off a date.
std::string without_version_modals(const std::string& key) {
  static const std::vector<std::vector<std::string>> kAfterModal = {
      {"be", "effective"}, {"become", "effective"}, {"go", "into", "effect"}, {"come", "into", "effect"},
      {"take", "effect"},  {"view"},                {"see"},                  {"read"},
      {"review"},          {"consult"},             {"access"},               {"find"}};
  const std::vector<std::string> words = space_separated_words(key);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    bool version_modal = false;
    if (is_one_of(words[i], {"will", "can", "may"}))
      for (const auto& phrase : kAfterModal) {
        if (i + phrase.size() >= words.size()) continue;
        if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i) + 1))
          version_modal = true;
      }
    if (version_modal) continue;
    out += (out.empty() ? "" : " ") + words[i];
  }
  return out;
}

// Sentences of a block, a cut after an initialism ("EU-U.S. Data Privacy Framework") undone: a
// capital letter between two full stops ends no sentence.
std::vector<std::string> sentences_past_initialisms(std::string_view text) {
  std::vector<std::string> out;
  for (std::string& sentence : sentences_of(text)) {
    const std::size_t n = out.empty() ? 0 : out.back().size();
    const bool after_initialism = n >= 3 && out.back()[n - 1] == '.' && out.back()[n - 2] >= 'A' &&
                                  out.back()[n - 2] <= 'Z' && out.back()[n - 3] == '.';
    if (after_initialism)
      out.back() += " " + sentence;
    else
      out.push_back(std::move(sentence));
  }
  return out;
}

// A banner's opening words, which say nothing of any term: "Your privacy is important." (a
// music platform's update banner, taken down). Only these words, in these orders.
bool is_banner_platitude(const std::string& sentence) {
  static const std::set<std::string> kPlatitudes = {
      "your privacy is important", "your privacy is important to us", "your privacy matters",
      "your privacy matters to us", "we care about your privacy", "we value your privacy",
      "we respect your privacy", "privacy matters"};
  return kPlatitudes.count(canonicalize(sentence, kFoldToWords)) > 0;
}

// A period of time in the sentence's words (kFoldToWords): "30 days", "two weeks", "a 30-day
// money-back guarantee". A notice dates a version; a period is a term's.
bool sets_a_period(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& n = words[i];
    const std::size_t dash = n.find('-');
    if (dash != std::string::npos && all_ascii_digits(std::string_view(n).substr(0, dash)) &&
        is_one_of(n.substr(dash + 1), {"day", "days", "week", "weeks", "month", "months", "year", "years"}))
      return true;
    if (i + 1 < words.size() &&
        (all_ascii_digits(n) || is_one_of(n, {"one", "two", "three", "four", "five", "six", "seven", "eight", "ten",
                                              "twelve", "fourteen", "fifteen", "twenty", "thirty", "sixty", "ninety",
                                              "few", "several"})) &&
        is_one_of(words[i + 1], {"days", "day", "weeks", "week", "months", "month", "business", "years", "year", "hours"}))
      return true;
  }
  return false;
}

// A sentence that tells what an update was about: it says so ("This change reflects ...",
// "Learn more about this update.") and commits to nothing (dates folded: "May 5" is no modal).
bool tells_the_update(const std::string& sentence) {
  const std::string words = canonicalize(sentence, kFoldDateFormat | kFoldToWords);
  const bool about_the_update = words.find("this change") != std::string::npos ||
                                words.find("this update") != std::string::npos ||
                                words.find("these changes") != std::string::npos ||
                                words.find("these updates") != std::string::npos;
  // Telling, not ruling: "This change reflects that we now rely on ...", "Learn more about this
  // update." "These changes do not apply to subscriptions bought before ..." or "This change
  // applies to accounts opened before ..." is a term (a review's finds).
  const std::set<std::string> set = words_of(words);
  const bool tells = any_of_words(set, {"reflects", "reflect", "learn", "read", "explains", "explain", "clarifies",
                                        "clarify", "describes", "summarises", "summarizes", "details"});
  // Nor a period ("This update reflects that we now keep voice recordings for three years": the
  // page's only word of that retention, the third review's find).
  return about_the_update && tells && !any_of_words(set, kCommitments) && !any_of_words(set, kNegationWords) &&
         !sets_a_period(space_separated_words(words));
}

constexpr std::size_t kFormWordsMax = 5;  // "the language in our": the document's form, named

// The document's text changed, said in a sentence: a document word right after an update
// word ("we updated our Privacy Policy", "our new Privacy Policy comes into effect") or just
// before it ("Policy updated on"). `sequence`: the
// sentence's words (kFoldToWords). An update under way ("We're updating our Privacy Policy
// with effect from 13 July 2022") is not: taken down on that day with the text unchanged, the
// update was called off (contrib replay: a video platform's privacy policy, judged news).
// "These terms include our updated Data Processing Schedule
// ... effective April 2, 2026" says what the terms contain, and is a term.
bool says_the_document_changed(const std::vector<std::string>& sequence) {
  // "new" tells of a version only where the sentence speaks of its coming or its place ("Our
  // new Privacy Policy comes into effect on ...", "the new policy below"): "Every order placed
  // after 1 May 2026 under the new Terms of Sale comes with a guarantee" is a term (a review's
  // find).
  const bool new_version = any_of_words(sequence, {"effect", "effective", "available", "below", "above", "published",
                                                   "posted", "live"});
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    if (sequence[i] == "new" && !new_version) continue;
    // "The policy below goes into effect on January 1, 2023" (a photo network's banner, taken
    // down that day): the document a few words before its coming into effect.
    const bool into_effect = sequence[i] == "effect" && i > 0 && is_one_of(sequence[i - 1], {"into", "takes", "take"});
    if (!into_effect &&
        !is_one_of(sequence[i], {"updated", "revised", "amended", "changed", "modified", "published", "posted",
                                 "effective", "new"}))
      continue;
    // "We've updated the language in our Privacy Policy": the document's form, then its name.
    std::size_t from = i + 1;
    while (from < sequence.size() && from - i <= kFormWordsMax &&
           is_one_of(sequence[from], {"the", "language", "wording", "text", "format", "layout", "presentation",
                                      "structure", "design", "look", "and", "in", "of"}))
      ++from;
    const bool form_named = from > i + 1 && from < sequence.size() && is_one_of(sequence[from - 1], {"in", "of"});
    const std::size_t back = into_effect ? 5 : 2, ahead = 3;
    for (std::size_t k = i >= back ? i - back : 0; k <= i + ahead && k < sequence.size(); ++k)
      if (k != i && names_document_at(sequence, k)) return true;
    if (form_named)
      for (std::size_t k = from; k <= from + 2 && k < sequence.size(); ++k)
        if (names_document_at(sequence, k)) return true;
  }
  return false;
}

// "Notice: Revisions to the privacy policy are currently under discussion": the words of a
// short sentence of that shape only (notice, revisions to the document, being discussed, and
// nothing after). "Posts are hidden while under review" and "Changes to these Terms are under
// review by a panel before we publish them" are terms.
bool revisions_under_discussion(const std::vector<std::string>& words) {
  std::size_t i = 0;
  if (i < words.size() && is_one_of(words[i], {"notice", "note"})) ++i;
  if (i + 1 >= words.size() || !is_one_of(words[i], {"revisions", "changes", "updates", "amendments"}) ||
      words[i + 1] != "to")
    return false;
  i += 2;
  const std::size_t name = i;
  while (i < words.size() && i - name < 6 && !is_one_of(words[i], {"are", "is"})) ++i;
  if (i == words.size() || i == name || !names_document_in({words.begin() + static_cast<std::ptrdiff_t>(name),
                                                            words.begin() + static_cast<std::ptrdiff_t>(i)}))
    return false;
  ++i;
  if (i < words.size() && is_one_of(words[i], {"currently", "now", "still"})) ++i;
  const std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(std::min(i, words.size())), words.end());
  return rest == std::vector<std::string>{"under", "discussion"} || rest == std::vector<std::string>{"under", "review"} ||
         rest == std::vector<std::string>{"under", "consideration"} || rest == std::vector<std::string>{"being", "discussed"} ||
         rest == std::vector<std::string>{"being", "reviewed"};
}

// The sentence opens with a call to one of `verbs`, after at most a courtesy or a "you can"
// ("Please view ...", "You can read ...", "To see ...", "Click here to view ...").
bool calls_to(const std::vector<std::string>& words, std::initializer_list<const char*> verbs) {
  std::size_t i = 0;
  while (i < words.size() && i < 4 && is_one_of(words[i], {"please", "you", "can", "may", "click", "here", "to", "tap"})) ++i;
  return i < words.size() && is_one_of(words[i], verbs);
}

// A commitment or a condition, the modals of a version's coming into effect and of a pointer
// to another version aside (dates folded: "May 5, 2026" is a date, not a modal).
bool commits_to_anything(std::string_view sentence) {
  const std::set<std::string> undated_words =
      words_of(canonicalize(without_version_modals(canonicalize(sentence, kFoldToWords)), kFoldDateFormat));
  return any_of_words(undated_words, kCommitments);
}

// Words saying whom a version binds: "... for new accounts only" (a review's find).
constexpr std::initializer_list<const char*> kScopeWords = {"only",      "existing",    "accounts",
                                                            "customers", "subscribers", "members"};

// Words after a sentence's last date opening a scope: "in the European Union", "for entries
// written with ...", "within the app", "to users of ...".
bool scoped_after_its_date(std::string_view sentence) {
  const std::vector<std::string> words = space_separated_words(canonicalize(sentence, kFoldToWords | kFoldDateFormat));
  std::size_t last_date = words.size();
  for (std::size_t i = 0; i < words.size(); ++i)
    if (contains_iso_date(words[i])) last_date = i;
  if (last_date + 1 >= words.size()) return false;
  return is_one_of(words[last_date + 1], {"in", "for", "within", "across", "to", "where", "outside", "except"});
}

// "These updates will apply from September 1 2023": the update and its date, nothing else.
// "This change will apply from 1 June 2026 to accounts opened before" says to whom: a term.
bool says_when_the_update_applies(std::string_view sentence) {
  const std::vector<std::string> words = space_separated_words(canonicalize(sentence, kFoldToWords | kFoldDateFormat));
  if (words.size() < 3 || !is_one_of(words[0], {"these", "this", "the"}) ||
      !is_one_of(words[1], {"updates", "update", "changes", "change"}))
    return false;
  bool date = false;
  for (std::size_t i = 2; i < words.size(); ++i) {
    if (contains_iso_date(words[i])) {
      date = true;
      continue;
    }
    if (!is_one_of(words[i], {"will", "apply", "applies", "from", "on", "as", "of", "take", "takes", "effect", "be",
                              "become", "effective", "come", "comes", "into"}))
      return false;
  }
  return date;
}

// The first person announcing changes to the document, and nothing else: "We are making changes
// to the Google Measurement Data Protection Terms.", "We have updated our Privacy Policy."
// No commitment, no negation ("We have updated our policy and no longer sell data" says what
// the terms now are).
bool announces_changes(std::string_view sentence, bool done_only = false) {
  const std::string key = canonicalize(sentence, kFoldToWords);
  static constexpr std::string_view kOpenings[] = {
      "we are making changes to ", "we're making changes to ", "we have made changes to ", "we've made changes to ",
      "we made changes to ", "we are making some changes to ", "we have made some changes to ",
      "we are updating ", "we have updated ", "we've updated ", "we updated ", "we have revised ", "we revised "};
  for (std::string_view opening : kOpenings) {
    if (!key.starts_with(opening)) continue;
    // An update under way ("We are updating ...") announces a text not yet in force: taken
    // down with the text unchanged, it may have been called off (news).
    if (done_only && (opening.find(" are ") != std::string_view::npos || opening.find("'re ") != std::string_view::npos))
      return false;
    // What follows is the document's name alone: "the Google Measurement Data Protection Terms",
    // "our Privacy Policy"; "our policy to reflect our apps" says more.
    const std::vector<std::string> rest = space_separated_words(std::string_view(key).substr(opening.size()));
    if (rest.empty() || rest.size() > kDocumentNameMaxWords || !is_one_of(rest.back(), kDocumentWords)) return false;
    return !commits_to_anything(sentence) &&
           !any_of_words(rest, {"and", "to", "so", "because", "which", "that", "not", "no"});
  }
  return false;
}

// "Please take a look before the changes take effect on July 1, 2026.", "Please review the
// changes.": a call to read the update, in these words only, and a date. "Please review the
// changes before you accept them" asks something of the reader: a term.
bool invites_to_read_the_changes(std::string_view sentence) {
  const std::vector<std::string> words = space_separated_words(canonicalize(sentence, kFoldToWords | kFoldDateFormat));
  if (words.size() < 3 || words[0] != "please") return false;
  bool changes = false;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (contains_iso_date(words[i])) continue;
    if (is_one_of(words[i], {"changes", "updates", "update", "them"})) {
      changes = true;
      continue;
    }
    if (!is_one_of(words[i], {"take", "a", "look", "review", "read", "at", "the", "before", "they", "takes", "effect",
                              "go", "into", "on", "carefully"}))
      return false;
  }
  return changes;
}

// A line that dates the page: dates under their labels only ("Effective July 1, 2026. Last
// Revised May 26, 2026", "Last updated: 1 July 2026"). A short clause with a date ("The Basic
// plan closes on July 1, 2026.") dates no version.
bool dates_the_page(std::string_view block) {
  constexpr std::size_t kDateLabelsMaxWords = 16;
  if (count_space_separated_words(block) > kDateLabelsMaxWords || dates_named(block).empty()) return false;
  const std::vector<std::string> words = words_besides_dates(block);
  return std::all_of(words.begin(), words.end(), [](const std::string& word) {
    return is_one_of(word, {"effective", "last", "updated", "revised", "modified", "date", "as", "of", "on", "from",
                            "version", "in", "force", "since", "published", "posted", "dated", "this", "policy",
                            "terms", "agreement", "notice", "statement"});
  });
}

// Every date of `block` is one the page shows elsewhere: `after_dates` are the new text's. A
// block without a date has none to show.
bool dates_shown_elsewhere(std::string_view block, const std::set<std::string>& after_dates) {
  const std::set<std::string> dates = dates_named(block);
  if (dates.empty()) return false;
  return std::all_of(dates.begin(), dates.end(), [&](const std::string& date) { return after_dates.count(date) > 0; });
}

// "We have updated this addendum, effective from 7 September 2023. This change reflects that we
// now rely on the EU-U.S. Data Privacy Framework when transferring data ... Learn more about this
// update.": a removed block that opens with a notice and whose every other sentence tells what
// the update was about is the notice's account of it; those sentences go with it (by comparison
// key). A sentence that does not speak of the update ("We never sell your data."), or one of
// another block (a clause removed beside a banner), is not.
std::map<std::string, std::size_t> accounts_of_updates(const Hunk& hunk, const std::set<std::string>& after_dates) {
  std::map<std::string, std::size_t> out;
  // Each removed block's sentences, and whether one is a notice, read once.
  std::vector<std::vector<std::string>> sentences_of_line(hunk.lines.size());
  std::vector<bool> notice_in_line(hunk.lines.size(), false);
  for (std::size_t i = 0; i < hunk.lines.size(); ++i) {
    if (hunk.lines[i].op != '-') continue;
    sentences_of_line[i] = sentences_past_initialisms(hunk.lines[i].text);
    notice_in_line[i] = std::any_of(sentences_of_line[i].begin(), sentences_of_line[i].end(),
                                    [](const std::string& sentence) { return is_update_notice(sentence); });
  }
  const bool notice_in_hunk = std::find(notice_in_line.begin(), notice_in_line.end(), true) != notice_in_line.end();
  for (std::size_t i = 0; i < hunk.lines.size(); ++i) {
    const LineOp& line = hunk.lines[i];
    if (line.op != '-') continue;
    const std::vector<std::string>& sentences = sentences_of_line[i];
    if (sentences.size() < 2 && !notice_in_hunk) continue;
    // The notice anywhere in the block ("We are making changes to the Terms. These updates
    // will apply from September 1 2023. You can find the terms that apply prior to September
    // 1, 2023 here."), the others telling the update, saying when it applies, or announcing it
    // in the first person. A clause of a "Changes to this policy" section ("We email you 30
    // days before changes to this Privacy Policy take effect", "The revised Terms do not apply
    // to orders placed before that day") is none of these.
    // Or the notice in another block of the hunk, or this block announcing the update and
    // when it applies ("We've updated our User Agreement. Please take a look before the
    // changes take effect on July 1, 2026.", a forum's banner taken down on that day).
    const bool notice_here = notice_in_line[i];
    // Those two ways only for an update made ("We've updated", not "We are updating": one
    // under way may be called off) and, for a block dated without a notice, a date the page
    // itself shows outside the block (the forum's "Effective July 1, 2026"): a banner taken
    // down before the date it announced may be an update withdrawn.
    const bool announced_and_dated =
        std::any_of(sentences.begin(), sentences.end(),
                    [](const std::string& sentence) { return announces_changes(sentence, true); }) &&
        dates_shown_elsewhere(line.text, after_dates);
    if (!notice_here && !notice_in_hunk && !announced_and_dated) continue;
    const bool done_only = !notice_here;
    // Beside a notice in another block, a date this block names is one the page's date line
    // shows too: "Please take a look before the changes take effect on July 1, 2026" taken down
    // while the page is still dated the year before is an update withdrawn (a review's find).
    if (done_only && !dates_named(line.text).empty() && !dates_shown_elsewhere(line.text, after_dates)) continue;
    if (!std::all_of(sentences.begin(), sentences.end(), [&](const std::string& sentence) {
          return is_update_notice(sentence) || tells_the_update(sentence) || says_when_the_update_applies(sentence) ||
                 announces_changes(sentence, done_only) || invites_to_read_the_changes(sentence) ||
                 is_banner_platitude(sentence);
        }))
      continue;
    // Keyed as sentences_on() cuts them ("... the EU-U.S." and "Data Privacy Framework ..."
    // apart), since the hunk's surplus sentences are looked up by these keys.
    for (const std::string& sentence : sentences_of(line.text)) ++out[comparison_key(sentence)];
  }
  return out;
}

struct NoticeDifference {
  bool only_notices = false;
  bool adds = false;
};

NoticeDifference notice_difference(const Hunk& hunk, const SentenceDifference& sentences, const std::set<std::string>& after_dates) {
  NoticeDifference d;
  const std::vector<std::string>& gone = sentences.gone;
  const std::vector<std::string>& come = sentences.come;
  if (gone.empty() && come.empty()) return d;
  auto notice = [](const std::string& sentence) { return is_update_notice(sentence); };
  // A notice taken down with the sentences beside it in its block that said what its update
  // was about.
  // Counted: a sentence the notice's block and a clause beside it both say ("These changes
  // will apply from July 1, 2026.") goes with the block once; the clause keeps its copy (a
  // review's find: a fee's start date taken away beside a banner).
  std::map<std::string, std::size_t> accounts = accounts_of_updates(hunk, after_dates);
  auto notice_or_its_account = [&](const std::string& sentence) {
    if (notice(sentence)) return true;
    const auto found = accounts.find(comparison_key(sentence));
    if (found == accounts.end() || found->second == 0) return false;
    --found->second;
    return true;
  };
  d.only_notices = std::all_of(gone.begin(), gone.end(), notice_or_its_account) &&
                   std::all_of(come.begin(), come.end(), notice);
  d.adds = !come.empty();
  return d;
}

// A sentence about the document's version, not a term of it: an update notice, or a sentence
// naming the document that says a version comes into effect or the current one applies until
// then, or that updates were made ("This version of the Terms of Service will go into effect on
// January 15, 2026.", "Until then, the current Terms of Service continue to apply.", "We have
// made some updates to our Terms of Service.", "The current Terms of Service are below."),
// speaking to no one and of no other duty (dates folded: "May 15" is no modal). "These Terms
// are governed by the laws of Delaware." is a term.
bool speaks_of_the_version(const std::string& sentence) {
  if (is_update_notice(sentence)) return true;
  const std::string key = canonicalize(sentence, kFoldDateFormat | kFoldToWords);
  if (count_space_separated_words(key) > kNoticeMaxWords) return false;
  const std::set<std::string> words = words_of(key);
  if (!names_document_in(space_separated_words(key))) return false;
  const bool version_phrase = key.find("into effect") != std::string::npos ||
                              key.find("take effect") != std::string::npos ||
                              key.find("takes effect") != std::string::npos ||
                              // Closing the sentence: "... continue to apply to subscriptions
                              // bought before that day" says to whom.
                              key.ends_with("continue to apply") || key.ends_with("continues to apply") ||
                              key.find("made some updates") != std::string::npos ||
                              key.find("made updates") != std::string::npos ||
                              key.find("have updated") != std::string::npos ||
                              ((words.count("below") || words.count("above")) &&
                               any_of_words(words, {"current", "previous", "prior", "updated"}));
  // Nor a scope: "... take effect on May 1, 2026 for new accounts only" keeps others on the old
  // terms (the third review's find), "... in the European Union" (the fourth's).
  if (scoped_after_its_date(sentence)) return false;
  return version_phrase &&
         !any_of_words(words, {"you", "your", "user", "users", "if", "unless", "may", "must", "shall", "can",
                               "agree", "accept", "consent", "notify", "except", "not", "no", "orders"}) &&
         !any_of_words(words, kScopeWords);
}

// The announcement of a coming version ("We have made some updates to our Terms of Service.
// This version ... will go into effect on January 15, 2026. Until then, the current Terms of
// Service continue to apply.") replaced, on that day, by the date line it announced
// ("Effective: January 15, 2026"): the version it announced is the one in force (replay: a
// platform's terms).
bool notice_becomes_its_date(const SentenceDifference& sentences) {
  const std::vector<std::string>& gone = sentences.gone;
  const std::vector<std::string>& come = sentences.come;
  if (gone.empty() || come.size() != 1 || !is_date_line(come.front())) return false;
  if (!std::all_of(gone.begin(), gone.end(), speaks_of_the_version)) return false;
  // The dates of the version announced; a sentence about the previous one ("The previous privacy
  // policy was posted on 12 September 2025") dates that one.
  std::string announced;
  for (const std::string& sentence : gone)
    if (!any_of_words(space_separated_words(canonicalize(sentence, kFoldToWords)),
                      {"previous", "prior", "old", "older", "former", "earlier"}))
      announced += sentence + " ";
  // Every date it announced is the date line's: "on 1 June 2026 for new accounts and on 1
  // September 2026 for accounts opened before" replaced by "Effective: 1 June 2026" loses a
  // date of effect (a review's find).
  const std::set<std::string> dates = dates_named(announced), line = dates_named(come.front());
  if (dates.empty()) return false;
  return std::all_of(dates.begin(), dates.end(), [&](const std::string& date) { return line.count(date) > 0; });
}

// A clause of its own beside a notice, naming no document: a term ("Under the new Terms effective
// 1 May 2026, Lumenfield owns the designs you upload", a review's find). Clauses are cut at
// commas, dates first so that "March 9, 2026" is no clause, and at "and" before a subject of its
// own ("We updated this Privacy Policy on May 1, 2026 and since then we share your order history
// ...", the third review's find); the first one counts when the document is named in another
// ("When you share an entry, the Terms updated on May 1, 2026 give ...", the fourth's), unless it
// is a time ("Until the effective date, ..."). A pointer's relative clause about the version
// ("..., which applies to all users until ...") or another pointer ("..., and here for more
// details") is the pointer's.
bool has_a_clause_of_its_own(std::string_view sentence) {
  std::vector<std::string> clauses;
  for (const std::string& clause : nonempty_parts(rewrite_dates(sentence), ',')) {
    std::size_t from = 0;
    for (std::size_t at = clause.find(" and "); at != std::string::npos; at = clause.find(" and ", at + 5)) {
      const std::vector<std::string> next = space_separated_words(canonicalize(clause.substr(at + 5), kFoldToWords));
      if (next.empty() || !is_one_of(next[0], {"we", "you", "since", "now", "our", "your", "they", "it", "from", "then"}))
        continue;
      clauses.push_back(clause.substr(from, at - from));
      from = at + 5;
    }
    clauses.push_back(clause.substr(from));
  }
  for (std::size_t c = 0; c < clauses.size(); ++c) {
    const std::vector<std::string> clause = space_separated_words(canonicalize(clauses[c], kFoldToWords));
    // A time opening it is the notice's ("Until the effective date, ...", "As of today (1
    // September 2021), ...").
    if (c == 0 && (clauses.size() == 1 || names_document_in(clause) ||
                   (!clause.empty() && is_one_of(clause[0], {"until", "as", "on", "from", "since", "before", "after",
                                                            "effective", "starting", "beginning", "today", "in"}))))
      continue;
    const bool about_the_version = clause.size() >= 2 && is_one_of(clause[0], {"which", "that"}) &&
                                   is_one_of(clause[1], {"applies", "apply", "applied", "is", "was", "continues",
                                                         "remains", "will", "governed", "governs"});
    // Another pointer ("..., and here for more details about what is changing") is the pointer's.
    std::size_t w = 0;
    while (w < clause.size() && is_one_of(clause[w], {"and", "or", "please"})) ++w;
    const bool another_pointer = w < clause.size() && is_one_of(clause[w], {"here", "click", "see", "read", "visit", "view"}) &&
                                 std::find(clause.begin(), clause.end(), "here") != clause.end();
    if (clause.size() >= 4 && !names_document_in(clause) && !about_the_version && !another_pointer) return true;
  }
  return false;
}

}  // namespace

bool is_update_notice(std::string_view sentence) {
  // The other languages' notices by a narrower rule of their own: the guards below are English.
  if (is_dated_update_notice_in_another_language(sentence)) return true;
  // Words compared in lower case without their punctuation; dates in one form. Not the
  // comparison key: it glues compounds and drops the label before a date ("updated on").
  const std::string key = canonicalize(sentence, kFoldToWords);
  if (count_space_separated_words(key) > kNoticeMaxWords) return false;
  const std::set<std::string> words = words_of(key);
  const bool names_document = names_document_in(space_separated_words(key));
  if (!names_document) return false;
  // A commitment or a condition is a term, whatever it says about updates.
  if (commits_to_anything(sentence)) return false;
  // So is a period of notice or a bound on when changes apply: "Changes to these Terms take
  // effect 30 days after we post them, and never before 1 June 2026" (a review's find).
  const std::vector<std::string> sequence_words = space_separated_words(key);
  // A negation says what the terms are: "Since we updated our Privacy Policy on 5 May 2026, we
  // no longer sell your data", "Changes ... posted after 1 June 2026 do not affect orders".
  if (any_of_words(words, kNegationWords)) return false;
  if (sets_a_period(sequence_words)) return false;
  // A scope says whom the version binds: "... take effect on May 1, 2026 for new accounts only"
  // (the third review's find), "... on May 1, 2026 in the European Union", "... for entries
  // written with the voice feature" (the fourth's): words after the date that say where or for what.
  if (any_of_words(words, kScopeWords)) return false;
  if (scoped_after_its_date(sentence)) return false;
  const bool clause_of_its_own = has_a_clause_of_its_own(sentence);
  const bool updates_document = says_the_document_changed(space_separated_words(key));
  // Dated by its day or by its month ("Update November 2025: We've updated our policy to cover
  // ...", a search engine's banner taken down).
  const bool dated_update = updates_document && (contains_iso_date(canonicalize(sentence, kFoldDateFormat)) ||
                                                 names_a_month_of_a_year(sentence));
  // "find" only with "here" ("You can find the terms that apply prior to September 1, 2023
  // here"): "Researchers who find a new vulnerability ... under these Terms" is a term.
  // The pointer is the sentence's call ("View our previous policy.", "Click here to read our
  // current Privacy Policy", "You can see the old terms here"): "Under the new Terms,
  // Lumenfield staff access your files only to investigate a report" is a term (a review's find).
  // "here" closing the sentence or one of its clauses ("..., here."): "The new Terms here give
  // Lumenfield a licence ..." calls to read nothing (the fourth review's find).
  bool calls_to_read = false;
  for (const std::string& clause : nonempty_parts(sentence, ',')) {
    const std::vector<std::string> clause_words = space_separated_words(canonicalize(clause, kFoldToWords));
    if (!clause_words.empty() && clause_words.back() == "here") calls_to_read = true;
  }
  for (const std::string& clause : nonempty_parts(sentence, ','))  // "Until the effective date, you can view ..."
    calls_to_read = calls_to_read ||
                    calls_to(space_separated_words(canonicalize(clause, kFoldToWords)), {"view", "see", "read", "consult", "access"});
  const bool points_to_a_version =
      calls_to_read && any_of_words(words, {"previous", "prior", "earlier", "old", "older", "archived", "current", "new", "last"});
  // "We have made some updates to our Developer Agreement, and the fully updated agreement is
  // below": the update and where to read it, without a date (replay: such a banner taken down).
  const bool shows_the_update = updates_document && any_of_words(words, {"below", "above"});
  // "Notice: Revisions to the privacy policy are currently under discussion." (a forge's
  // banner, taken down): an update in the making, said in a short sentence that ends there.
  // "Changes to these Terms are under review by a consumer panel before we publish them" says
  // how changes are made, and "Upcoming changes ... are announced by email" promises: terms.
  const bool update_in_the_making = revisions_under_discussion(sequence_words);
  // A pointer with a clause of its own is a term beside a link: "Under the current Terms of
  // Service published here, Lumenfield owns the prints ..." (the third review's find).
  return !clause_of_its_own && (points_to_a_version || dated_update || shows_the_update || update_in_the_making);
}

bool is_version_announcement(std::string_view block_text) {
  const std::vector<std::string> sentences = sentences_of(block_text);
  return !sentences.empty() && std::all_of(sentences.begin(), sentences.end(), speaks_of_the_version);
}

bool adds_update_notice(const Hunk& hunk) {
  return hunk.cosmetic && hunk.cosmetic_kinds == std::vector<std::string>{"update_notice"} &&
         notice_difference(hunk, sentence_difference(hunk), {}).adds;
}

std::size_t reread_update_notices(Change& change, const std::function<bool(const Hunk&)>& topical) {
  std::size_t news = 0;
  for (Hunk& hunk : change.hunks) {
    if (!hunk.cosmetic || hunk.cosmetic_kinds != std::vector<std::string>{"update_notice"} || !topical(hunk)) continue;
    hunk.cosmetic = false;
    hunk.cosmetic_kinds.clear();
    ++news;
  }
  if (news > 0) settle_lone_news(change);
  return news;
}

void mark_update_notices(std::vector<Hunk>& hunks, const Text& after) {
  // The new text's dates, to tell a date the page shows.
  std::set<std::string> after_dates;
  // Only the page's date lines ("Effective July 1, 2026. Last Revised May 26, 2026"): a date
  // in a clause (a plan closing on that day) dates no version (a review's find).
  for (const Block& block : after.blocks)
    if (std::any_of(block.text.begin(), block.text.end(), [](char c) { return is_ascii_digit(c); }) &&
        dates_the_page(block.text))
      after_dates.merge(dates_named(block.text));
  std::vector<std::size_t> put_up;  // hunks that add a notice: cosmetic only beside a change
  for (std::size_t i = 0; i < hunks.size(); ++i) {
    Hunk& hunk = hunks[i];
    if (hunk.cosmetic) continue;
    const SentenceDifference sentences = sentence_difference(hunk);
    const NoticeDifference d = notice_difference(hunk, sentences, after_dates);
    if (!d.only_notices) {
      if (notice_becomes_its_date(sentences)) mark_cosmetic(hunk, "update_notice");
      continue;
    }
    if (d.adds) {
      put_up.push_back(i);
      continue;
    }
    mark_cosmetic(hunk, "update_notice");
  }
  if (put_up.empty()) return;
  std::size_t substantive = 0;
  for (const Hunk& hunk : hunks) substantive += hunk.cosmetic ? 0 : 1;
  if (substantive == put_up.size()) return;  // nothing else changed: the announcement is the news
  for (std::size_t i : put_up) mark_cosmetic(hunks[i], "update_notice");
}

}  // namespace tosdiff
