#include "tosdiff/compare/lost_labels.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kLostLabelMaxWords = 12;

// Words after which a sentence cannot end: a determiner, a possessive, a preposition, a verb
// that sends the reader somewhere.
constexpr std::string_view kDanglingWords[] = {
    "our", "the", "your", "their", "its", "this", "these", "a", "an", "see", "visit", "under", "in", "at", "to", "of",
    "per", "notre", "nos", "votre", "vos", "la", "le", "les", "du", "des", "unser", "unsere", "unseren", "der", "die",
    "das", "den", "dem", "nuestra", "nuestro", "nuestros", "el", "los", "las", "nostra", "nostro", "il", "lo", "gli",
    "nossa", "nosso", "o", "os", "as", "onze", "het", "de"};

bool is_sentence_mark(std::string_view text) {
  const std::string_view t = trim(text);
  return t == "." || t == "," || t == ";" || t == ":";
}

// A word opening with a capital, or with a letter beyond ASCII ("Élysée").
bool is_capitalised(const std::string& word) {
  return !word.empty() && ((word[0] >= 'A' && word[0] <= 'Z') || static_cast<unsigned char>(word[0]) >= 0xC3);
}

// A link's label ending with `mark`: at most 12 words, two thirds of them capitalised.
bool is_label_ending_with(std::string_view text, char mark) {
  const std::string_view t = trim(text);
  if (t.size() < 2 || t.back() != mark) return false;
  const std::vector<std::string> words = space_separated_words(t.substr(0, t.size() - 1));
  if (words.empty() || words.size() > kLostLabelMaxWords) return false;
  const std::size_t capitalised = static_cast<std::size_t>(std::count_if(words.begin(), words.end(), is_capitalised));
  return capitalised * 3 >= words.size() * 2;
}

bool ends_dangling(std::string_view text) {
  const std::vector<std::string> words = space_separated_words(text);
  if (words.empty()) return false;
  const std::string last = ascii_lower(words.back());
  return std::find(std::begin(kDanglingWords), std::end(kDanglingWords), last) != std::end(kDanglingWords);
}

// The hunk's one edit (a run of words taken away and put in, next to each other): after a word
// no sentence ends on, a sentence's mark alone on one side and a label ending with it on the other.
bool lost_or_found_label(const Hunk& hunk) {
  std::string before, removed, added;
  std::size_t runs = 0;
  for (std::size_t i = 0; i < hunk.words.size(); ++i) {
    const WordOp& word = hunk.words[i];
    if (word.op == '=') {
      if (runs == 0) before = word.text;  // what follows the edit is free
      continue;
    }
    if (i == 0 || hunk.words[i - 1].op == '=') ++runs;
    std::string& side = word.op == '-' ? removed : added;
    side += side.empty() ? word.text : " " + word.text;
  }
  if (runs != 1 || !ends_dangling(before)) return false;
  if (is_sentence_mark(removed)) return is_label_ending_with(added, trim(removed).front());
  if (is_sentence_mark(added)) return is_label_ending_with(removed, trim(added).front());
  return false;
}

// A sentence's opening words that were a link's label, lost or found: "Visit Your Payments to
// manage your payment options." read as "to manage your payment options." (contrib replay: a
// retailer's conditions of use, its link labels dropped by a capture). No one writes a
// sentence opening in lower case: the words before it were on the page. The hunk's one edit
// takes away (or puts in) at most 6 words, two thirds of them capitalised, no digit, no
// sentence's mark, no negation, right after a sentence's end (or at the block's start), and
// the word after it opens in lower case.
bool lost_or_found_opening(const Hunk& hunk) {
  constexpr std::size_t kOpeningMaxWords = 6;
  std::string before, after, edit;
  char side = 0;
  for (std::size_t i = 0; i < hunk.words.size(); ++i) {
    const WordOp& word = hunk.words[i];
    if (word.op == '=') {
      (side == 0 ? before : after) = word.text;
      if (side != 0) break;  // only the words right after the edit matter
      continue;
    }
    if (side != 0 && (word.op != side || !after.empty())) return false;  // one run, one side
    side = word.op;
    edit += edit.empty() ? word.text : " " + word.text;
  }
  const std::string_view opened = trim(before);
  if (side == 0 || (!opened.empty() && opened.back() != '.' && opened.back() != '!' && opened.back() != '?')) return false;
  // An abbreviation's dot ends no sentence: "e.g. TikTok Ireland and ...", "U.S.", "z.B.", "p. ex."
  // (a review's finds). Its last word: a dot inside it, or a word of at most 3 letters.
  if (!opened.empty()) {
    const std::vector<std::string> words_before = space_separated_words(opened);
    const std::string& last = words_before.back();
    constexpr std::size_t kAbbreviationMaxLetters = 3;
    const std::size_t dot = last.find('.');
    if ((dot != std::string::npos && dot + 1 < last.size()) || last.size() <= kAbbreviationMaxLetters + 1) return false;
  }
  // At a block's start, a list item: items often open in lower case under the line announcing
  // them, and a name put before one ("Lumen Pro subscribers who cancel ...") is news.
  if (opened.empty() && std::any_of(hunk.lines.begin(), hunk.lines.end(),
                                    [](const LineOp& line) { return parse_block(line.text).kind == BlockKind::list_item; }))
    return false;
  // The next word in lower case, letters only: an address ("https://...") is no sentence's word.
  const std::vector<std::string> following = space_separated_words(after);
  if (following.empty() || !std::all_of(following.front().begin(), following.front().end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '.' || c == ',';
      }) || following.front().front() < 'a')
    return false;
  // No mark, no dash: "Supersonic Studios Apps – https://..." labels an address.
  if (edit.find_first_of("0123456789.,;:!?-") != std::string::npos || edit.find("\xE2\x80") != std::string::npos) return false;
  const std::vector<std::string> words = space_separated_words(edit);
  if (words.empty() || words.size() > kOpeningMaxWords) return false;
  for (const std::string& word : words) {
    const std::string lower = ascii_lower(word);
    if (is_one_of(lower, kNegationWords)) return false;  // "Do Not sell": a rule's words
    // A party joined ("Meta Platforms Ireland and ..."), a time or a place ("From March onward"):
    // a label names a page, with none of these words.
    if (is_one_of(lower, {"and", "or", "y", "o", "et", "ou", "und", "oder", "e", "en", "of", "from", "in",
                                      "on", "at", "for", "to", "with", "by", "since", "until", "after", "before",
                                      "onward", "onwards", "de", "du", "des", "von", "ab", "seit", "bis", "par",
                                      "pour", "para", "por", "desde", "con", "mit", "dal", "da", "per"}))
      return false;
  }
  const std::size_t capitalised = static_cast<std::size_t>(std::count_if(words.begin(), words.end(), is_capitalised));
  return capitalised * 3 >= words.size() * 2;
}

}  // namespace

void mark_lost_link_labels(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks)
    if (!hunk.cosmetic && !hunk.words.empty() && (lost_or_found_label(hunk) || lost_or_found_opening(hunk)))
      mark_cosmetic(hunk, "markup");
}

}  // namespace tosdiff
