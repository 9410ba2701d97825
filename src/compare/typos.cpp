#include "tosdiff/compare/typos.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/language_forms.hpp"
#include "tosdiff/compare/spelling.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kShortestWord = 5;          // "form"/"from", "must"/"mist" are too close to judge
constexpr std::size_t kUnchangedAround = 2;       // "lawful"/"unlawful", "licensor"/"licensee"
constexpr std::size_t kRareWord = 2;              // a slip the document makes once or twice

// `word` when it is a word of letters; "" for a number, a URL, an e-mail address, two words.
std::string letters_only(std::string word) {
  for (char c : word) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalpha(u)) return "";
  }
  return word;
}

// A word as the comparison reads it: canonical.hpp's word fold (lower case, without the quotes,
// brackets and punctuation around it), letters only.
std::string bare_word(std::string_view token) {
  return letters_only(drop_inner_apostrophes(canonicalize(token, kFoldToWords)));  // "d'une" reads "dune"
}

// The word after an elision ("d'indisponibilité" -> "indisponibilité", "qu'il" -> "il"): a
// French or Italian article or pronoun of one to three letters cut before a vowel. "" when the
// token (already folded to words) is no elided word. A slip inside the elided word is judged on the word itself: the
// document writes it with other articles elsewhere ("l'indisponibilité", "indisponibilité").
std::string elided_word_of_folded(std::string_view folded) {
  const std::size_t apostrophe = folded.find('\'');
  if (apostrophe == std::string_view::npos || apostrophe == 0 || apostrophe > 3) return "";
  for (std::size_t i = 0; i < apostrophe; ++i)
    if (!std::isalpha(static_cast<unsigned char>(folded[i]))) return "";
  return letters_only(drop_inner_apostrophes(folded.substr(apostrophe + 1)));
}

std::string elided_word(std::string_view token) { return elided_word_of_folded(canonicalize(token, kFoldToWords)); }

std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

std::size_t common_suffix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
  return n;
}

constexpr std::size_t kShortestWordForTwoLetters = 8;
constexpr std::size_t kLongWord = 10;

// Whether `a` and `b` differ by one slip of the keyboard inside the word: a letter put in or
// left out (two neighbouring letters in a word of kShortestWordForTwoLetters or more), or two
// neighbours swapped. Not a letter replaced: that makes real words of real
// words too often, even long ones ("attached"/"attacked", "assuming"/"assuring").
bool one_slip_apart(std::string_view a, std::string_view b) {
  if (a == b || std::min(a.size(), b.size()) < kShortestWord) return false;
  // Words a slip apart that are both words, and read otherwise in a clause ("the later document
  // prevails" / "the latter": a red team's find, which document prevails changed).
  static constexpr std::pair<std::string_view, std::string_view> kWordsASlipApart[] = {
      {"later", "latter"}, {"former", "formed"}, {"causal", "casual"}, {"trail", "trial"}, {"form", "from"},
      {"unless", "useless"}, {"expect", "except"}, {"expert", "expect"}, {"lose", "loose"}, {"excepted", "expected"},
      {"tanks", "thanks"}, {"public", "pubic"}};
  for (const auto& [x, y] : kWordsASlipApart)
    if ((equals_ignoring_case(a, x) && equals_ignoring_case(b, y)) ||
        (equals_ignoring_case(a, y) && equals_ignoring_case(b, x)))
      return false;
  const std::size_t prefix = common_prefix(a, b), suffix = common_suffix(a, b);
  // In a long word a slip may follow its first letter ("Idemnification" for "Indemnification":
  // a browser's terms, a heading corrected); no real word of ten letters or more is another's
  // with a letter put in there.
  const std::size_t before = std::min(a.size(), b.size()) >= kLongWord ? 1 : kUnchangedAround;
  if (prefix < before || suffix < kUnchangedAround) return false;
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() == b.size() + 1) {  // one letter more in `a`: the rest must match around it
    return prefix + suffix >= b.size();
  }
  // Two neighbours put in or left out, in a longer word ("d'insponibilité", "formulataire":
  // replay, a retailer's terms).
  if (a.size() == b.size() + 2 && b.size() >= kShortestWordForTwoLetters) return prefix + suffix >= b.size();
  if (a.size() != b.size()) return false;
  const std::size_t first = prefix, last = a.size() - 1 - suffix;  // the differing stretch
  return last == first + 1 && a[first] == b[last] && a[last] == b[first];
}

// Whether two words differ only by their accents ("retractation" / "rétractation").
bool accents_apart(std::string_view a, std::string_view b) {
  return a != b && std::min(a.size(), b.size()) >= kShortestWord && without_accents(a) == without_accents(b);
}

using WordCounts = std::unordered_map<std::string, std::size_t>;

WordCounts count_words(const Text& text) {
  WordCounts counts;
  for (const Block& block : text.blocks)  // folded a block at a time, split after
    for (const std::string& token : space_separated_words(canonicalize(block.text, kFoldToWords))) {
      std::string word = letters_only(drop_inner_apostrophes(token));
      if (!word.empty()) ++counts[word];
      std::string elided = elided_word_of_folded(token);  // "d'une" counts "dune" and "une"
      if (!elided.empty()) ++counts[elided];
    }
  return counts;
}

// English's indefinite article made to agree with the next word ("a eharmony member" / "an
// eharmony member"): grammar, never another meaning.
bool articles_apart(const std::string& was, const std::string& is) {
  return (was == "a" && is == "an") || (was == "an" && is == "a");
}

std::size_t count_of(const WordCounts& counts, const std::string& word) {
  auto it = counts.find(word);
  return it == counts.end() ? 0 : it->second;
}

// Whether the document uses another form of a word's stem, for a word of 7 letters or more with
// an English ending ("dispute" and "disputes" for "disputing").
bool uses_another_form(const WordCounts& counts, const std::string& word) {
  constexpr std::size_t kStemmedMinLetters = 7;
  if (word.size() < kStemmedMinLetters) return false;
  for (std::string_view ending : {"ing", "ed", "es", "s"}) {
    if (word.size() <= ending.size() || word.compare(word.size() - ending.size(), ending.size(), ending) != 0) continue;
    const std::string stem = word.substr(0, word.size() - ending.size());
    for (std::string_view other : {"", "e", "es", "s", "ed", "ing"})
      if (std::string form = stem + std::string(other); form != word && count_of(counts, form) > 0) return true;
  }
  return false;
}

// The right word is the document's own: used in it, or a form of a stem it uses when the slip's
// own stem is not (contrib q2: a cable operator's terms correcting "DISPUTNG" in the one place
// "disputing" stands, beside "dispute" and "disputes"; "contacting" for "contracting" is two
// words of a document that says "contact" and "contract").
bool document_word(const WordCounts& counts, const std::string& right, const std::string& slip) {
  return count_of(counts, right) > 0 || (uses_another_form(counts, right) && !uses_another_form(counts, slip));
}

// The pairs of words a hunk replaces one for one, or nullopt when it adds or removes words.
std::optional<std::vector<std::pair<std::string, std::string>>> replaced_words(const Hunk& hunk) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (std::size_t i = 0; i < hunk.words.size(); ++i) {
    const WordOp& op = hunk.words[i];
    if (op.op == '=') continue;
    if (op.op != '-' || i + 1 >= hunk.words.size() || hunk.words[i + 1].op != '+') return std::nullopt;
    const auto old_words = space_separated_words(op.text), new_words = space_separated_words(hunk.words[i + 1].text);
    if (old_words.size() != new_words.size()) return std::nullopt;
    for (std::size_t w = 0; w < old_words.size(); ++w) pairs.emplace_back(old_words[w], new_words[w]);
    ++i;
  }
  if (pairs.empty()) return std::nullopt;
  return pairs;
}

// The last `count` words of a run, or its first ones, folded to words; "" when it has fewer.
std::string folded_words_at(std::string_view run, std::size_t count, bool at_end) {
  const std::vector<std::string> words = space_separated_words(run);
  if (words.size() < count) return "";
  std::vector<std::string> part(at_end ? words.end() - static_cast<std::ptrdiff_t>(count) : words.begin(),
                                at_end ? words.end() : words.begin() + static_cast<std::ptrdiff_t>(count));
  return canonicalize(join(part, " "), kFoldToWords);
}

// Every edit of the hunk takes away (or puts in) a run of at most kStutterWords words that
// the text writes again right before or right after it: "the the", "to delete to delete"
// written once. A stutter says nothing twice over; a word that is not a repeat of its
// neighbour ("to review and delete"), a negation said twice, or digits ("50 000 000", a
// number grown by its repeat) are news.
bool only_stutters(const Hunk& hunk) {
  constexpr std::size_t kStutterWords = 4;
  bool any = false;
  for (std::size_t i = 0; i < hunk.words.size(); ++i) {
    const WordOp& op = hunk.words[i];
    if (op.op == '=') continue;
    const bool next_is_edit = i + 1 < hunk.words.size() && hunk.words[i + 1].op != '=';
    if (next_is_edit) return false;  // a word replaced, not only taken away or put in
    const std::size_t count = count_space_separated_words(op.text);
    if (count == 0 || count > kStutterWords) return false;
    const std::string run = canonicalize(op.text, kFoldToWords);
    const bool after_itself = i > 0 && folded_words_at(hunk.words[i - 1].text, count, true) == run;
    const bool before_itself = i + 1 < hunk.words.size() && folded_words_at(hunk.words[i + 1].text, count, false) == run;
    if (run.empty() || (!after_itself && !before_itself) || any_of_words(space_separated_words(run), kNegationWords) ||
        std::any_of(run.begin(), run.end(), is_ascii_digit))
      return false;
    any = true;
  }
  return any;
}

bool starts_with_subject(const std::string& words) {
  for (std::string_view subject : {"you ", "we ", "they ", "i ", "he ", "she ", "it ", "your ", "our ", "their "})
    if (words.rfind(subject, 0) == 0) return true;
  return false;
}

// Words beside which "the" is more than grammar: "at cost" is a price, "the few" a number,
// "Annex A" a name; after a number or a reference, a letter is a label ("Section 12 (a)").
bool article_means_something_beside(const std::string& previous, const std::string& next) {
  static constexpr std::string_view kNext[] = {"few", "little", "cost", "most", "least", "same", "whole", "only", "first", "last"};
  static constexpr std::string_view kPrevious[] = {"section", "annex", "schedule", "exhibit", "appendix", "article", "clause",
                                                   "part", "chapter", "paragraph", "class", "plan", "tier", "item", "table"};
  if (std::find(std::begin(kNext), std::end(kNext), next) != std::end(kNext)) return true;
  if (std::find(std::begin(kPrevious), std::end(kPrevious), previous) != std::end(kPrevious)) return true;
  return (!previous.empty() && is_ascii_digit(previous.back())) || (!next.empty() && is_ascii_digit(next.front()));
}

// Every edit of the hunk puts in or takes away "the" alone, written so: "Data at user level is
// stored" / "Data at the user level is stored" (contrib replay: a startup's policy, its grammar
// fixed). The definite article missing is a slip of the pen, never another provision, but for
// the words that make it mean something (article_means_something_beside). "a" and "an" are not
// here: "a few" is not "few", and French's "a" is "has". Or "that" before a clause's subject:
// English's optional conjunction or relative pronoun, "Files that you create" / "Files you
// create" (contrib replay: a storage service's terms re-edited); before anything else it
// points at something ("that data").
bool only_grammar_words(const Hunk& hunk) {
  bool any = false;
  for (std::size_t i = 0; i < hunk.words.size(); ++i) {
    const WordOp& op = hunk.words[i];
    if (op.op == '=') continue;
    // Words rewritten the same but for their punctuation beside the grammar word's edit ("burned,"
    // / "burned": a serial comma dropped in the same pass; contrib replay, a blog host's privacy
    // policy).
    if (op.op == '-' && i + 1 < hunk.words.size() && hunk.words[i + 1].op == '+' &&
        comparison_key(op.text) == comparison_key(hunk.words[i + 1].text)) {
      ++i;
      continue;
    }
    const bool beside_edit = (i + 1 < hunk.words.size() && hunk.words[i + 1].op != '=') ||
                             (i > 0 && hunk.words[i - 1].op != '=');
    if (beside_edit) return false;
    const std::string written(trim(op.text));  // as written: "(a)" and "A" are labels
    const std::string previous = i > 0 ? folded_words_at(hunk.words[i - 1].text, 1, true) : "";
    const std::string next = i + 1 < hunk.words.size() ? folded_words_at(hunk.words[i + 1].text, 1, false) : "";
    const bool article = written == "the" && !article_means_something_beside(previous, next);
    const bool optional_that = written == "that" && i + 1 < hunk.words.size() &&
                               starts_with_subject(canonicalize(hunk.words[i + 1].text, kFoldToWords));
    if (!article && !optional_that) return false;
    any = true;
  }
  return any;
}

class TypoJudge {
 public:
  TypoJudge(const Text& before, const Text& after) : before_(before), after_(after) {}

  bool only_typos(const Hunk& hunk) {
    const auto pairs = replaced_words(hunk);
    if (!pairs) return false;
    bool slip = false;
    for (const auto& [old_token, new_token] : *pairs) {
      const std::string was = bare_word(old_token), is = bare_word(new_token);
      if (was.empty() || is.empty()) return false;
      if (was == is) continue;  // the same word, other quotes or punctuation around it
      if (articles_apart(was, is)) {
        slip = true;
        continue;
      }
      if (!slip_of_the_document(was, is) &&
          !slip_of_the_document(elided_word(old_token), elided_word(new_token)) && !name_slip(old_token, new_token, was, is))
        return false;
      slip = true;
    }
    return slip;
  }

 private:
  // A name's letter replaced, the name written right everywhere else: "notre partenaire INGERICO"
  // / "INGENICO", the payment partner named so elsewhere in the terms (france replay: a children's
  // clothing retailer's terms). A letter replaced makes real words of real words (one_slip_apart
  // refuses it), but a capitalised name the document uses kNameMinUses times and more, its
  // other spelling written nowhere else, is a slip. Lower-case words stay news
  // ("attached"/"attacked"), and so does a name the document writes both ways.
  bool name_slip(std::string_view old_token, std::string_view new_token, const std::string& was, const std::string& is) {
    constexpr std::size_t kShortestName = 4, kNameMinUses = 3;
    auto capitalised = [](std::string_view token) {
      const std::size_t first = token.find_first_not_of("\"'(\xC2\xAB ");
      return first != std::string_view::npos && token[first] >= 'A' && token[first] <= 'Z';
    };
    if (!capitalised(old_token) || !capitalised(new_token) || was.size() != is.size() || was.size() < kShortestName)
      return false;
    // An acronym a letter apart is another name ("CCPA" / "CPPA", "PIPA" / "PIPL": a law, an
    // authority), whatever the document's other uses.
    constexpr std::size_t kLongestAcronym = 5;
    const auto acronym = [](std::string_view token) {
      std::size_t letters = 0;
      for (char c : token) {
        if (c >= 'a' && c <= 'z') return false;
        letters += c >= 'A' && c <= 'Z' ? 1 : 0;
      }
      return letters <= kLongestAcronym;
    };
    if (acronym(old_token) || acronym(new_token)) return false;
    std::size_t differing = 0;
    for (std::size_t i = 0; i < was.size(); ++i) differing += was[i] != is[i] ? 1 : 0;
    if (differing != 1) return false;
    counts();
    const bool corrected = count_of(after_counts_, was) == 0 && count_of(before_counts_, was) == 1 &&
                           count_of(before_counts_, is) >= kNameMinUses;
    const bool mistyped = count_of(before_counts_, is) == 0 && count_of(after_counts_, is) == 1 &&
                          count_of(after_counts_, was) >= kNameMinUses;
    return corrected || mistyped;
  }

  bool slip_of_the_document(const std::string& was, const std::string& is) {
    if (was.empty() || is.empty()) return false;
    return (one_slip_apart(was, is) || accents_apart(was, is)) && document_agrees(was, is);
  }

  // The slip is rare and gone from the other text; the right word is the document's own.
  bool document_agrees(const std::string& was, const std::string& is) {
    counts();
    const bool corrected = count_of(after_counts_, was) == 0 && count_of(before_counts_, was) <= kRareWord &&
                           document_word(before_counts_, is, was);
    const bool mistyped = count_of(before_counts_, is) == 0 && count_of(after_counts_, is) <= kRareWord &&
                          document_word(after_counts_, was, is);
    return corrected || mistyped;
  }

  void counts() {
    if (counted_) return;
    before_counts_ = count_words(before_);
    after_counts_ = count_words(after_);
    counted_ = true;
  }

  const Text& before_;
  const Text& after_;
  bool counted_ = false;
  WordCounts before_counts_, after_counts_;
};

}  // namespace

void mark_typos(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  TypoJudge judge(before, after);  // counts the texts' words only when a hunk gets that far
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || (!only_stutters(hunk) && !only_grammar_words(hunk) && !judge.only_typos(hunk))) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"spelling"};
  }
}

}  // namespace tosdiff
