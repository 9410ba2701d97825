#include "tosdiff/classify/pattern.hpp"

#include <algorithm>
#include <set>

#include "tosdiff/classify/pattern_match.hpp"
#include "tosdiff/classify/token.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMaxGap = 10;           // largest ~N

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The word and its regular English inflections (and some that are not words: harmless).
std::vector<std::string> inflections(const std::string& w) {
  std::set<std::string> forms = {w, w + "s", w + "es", w + "'s", w + "s'", w + "ed", w + "d", w + "ing"};
  const char last = w.back();
  if (last == 'e' && w.size() > 2) forms.insert(w.substr(0, w.size() - 1) + "ing");
  if (last == 'y' && w.size() > 2 && !is_vowel(w[w.size() - 2])) {
    const std::string stem = w.substr(0, w.size() - 1);
    forms.insert(stem + "ies");
    forms.insert(stem + "ied");
  }
  if (w.size() >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(w[w.size() - 2]) &&
      !is_vowel(w[w.size() - 3])) {  // transfer -> transferred, ship -> shipping
    forms.insert(w + last + "ed");
    forms.insert(w + last + "ing");
  }
  return {forms.begin(), forms.end()};
}

bool pattern_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '\'';
}

PatternTerm::Alternative compile_alternative(std::string word, const std::string& source) {
  PatternTerm::Alternative alt;
  if (!word.empty() && (word.back() == '*' || word.back() == '+')) {
    alt.mode = word.back();
    word.pop_back();
  }
  if (word.empty()) throw RulesError("pattern '" + source + "': an empty word (check '|', '*', '+' and '?')");
  for (char c : word)
    if (!pattern_word_char(c))
      throw RulesError("pattern '" + source + "': '" + std::string(1, c) + "' in '" + word +
                       "' (a word is letters, digits and apostrophes; '*' and '+' only at its end)");
  if (alt.mode == '*' && word.size() < 3)
    throw RulesError("pattern '" + source + "': '" + word + "*' is too short a prefix (3 letters at least)");
  alt.word = word;
  if (alt.mode == '+') alt.forms = inflections(word);
  return alt;
}

}  // namespace

Pattern compile_pattern(std::string_view source) {
  Pattern pattern;
  pattern.source = std::string(source);
  // A hyphen or slash between letters splits a word, as it does in the text.
  std::string text;
  for (char c : source) text += (c == '-' || c == '/') ? ' ' : c == '\t' ? ' ' : c;
  const std::vector<std::string> parts = split_spaces(text);
  if (parts.empty()) throw RulesError("an empty pattern");
  std::size_t gap = 0;
  bool gap_pending = false;
  for (const std::string& raw : parts) {
    if (raw[0] == '~') {
      if (pattern.terms.empty()) throw RulesError("pattern '" + pattern.source + "': starts with '~'");
      if (gap_pending) throw RulesError("pattern '" + pattern.source + "': two '~' in a row");
      const std::string digits = raw.substr(1);
      if (digits.empty() || digits.size() > 2 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw RulesError("pattern '" + pattern.source + "': '" + raw + "' must be '~' and a number (~3)");
      gap = std::stoul(digits);
      if (gap < 1 || gap > kMaxGap)
        throw RulesError("pattern '" + pattern.source + "': '" + raw + "': the gap must be 1 to " + std::to_string(kMaxGap));
      gap_pending = true;
      continue;
    }
    std::string word = lowercase(raw);
    PatternTerm term;
    if (word.back() == '?') {
      term.optional = true;
      word.pop_back();
    }
    std::size_t start = 0;
    while (true) {
      const std::size_t bar = word.find('|', start);
      term.alternatives.push_back(compile_alternative(word.substr(start, bar == std::string::npos ? std::string::npos : bar - start), pattern.source));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    term.gap = gap;
    gap = 0;
    gap_pending = false;
    pattern.terms.push_back(std::move(term));
  }
  if (gap_pending) throw RulesError("pattern '" + pattern.source + "': ends with '~'");
  if (std::all_of(pattern.terms.begin(), pattern.terms.end(), [](const PatternTerm& t) { return t.optional; }))
    throw RulesError("pattern '" + pattern.source + "': every word is optional");
  return pattern;
}

std::vector<std::string> match_phrases(const Pattern& pattern, std::string_view text) {
  Tokens tokens;
  tokenize(text, nullptr, true, true, tokens);
  number_sentences(tokens);
  std::vector<std::string> out;
  for (Span s : find_matches(pattern, tokens)) out.push_back(phrase(tokens, s));
  return out;
}

}  // namespace tosdiff
