#include "tosdiff/classify/pattern_match.hpp"

#include <algorithm>

namespace tosdiff {
namespace {

bool term_matches(const PatternTerm& term, const std::string& norm) {
  for (const auto& alt : term.alternatives) {
    if (alt.mode == '=' && norm == alt.word) return true;
    if (alt.mode == '*' && norm.compare(0, alt.word.size(), alt.word) == 0) return true;
    if (alt.mode == '+' && std::find(alt.forms.begin(), alt.forms.end(), norm) != alt.forms.end()) return true;
  }
  return false;
}

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// The end of a match of terms[t...] whose term t may start at pos .. pos + gap (exactly at
// pos while nothing has matched yet), or npos.
std::size_t match_from(const Pattern& p, std::size_t t, std::size_t pos, std::size_t extra_gap, bool started,
                       const Tokens& tokens) {
  if (t == p.terms.size()) return pos;
  const PatternTerm& term = p.terms[t];
  const std::size_t gap = started ? term.gap + extra_gap : 0;
  for (std::size_t k = 0; k <= gap; ++k) {
    const std::size_t q = pos + k;
    if (q >= tokens.size()) break;
    if (k > 0 && tokens[q - 1].sentence_end) break;  // skipping words never crosses a sentence end
    if (tokens[q].link || !term_matches(term, tokens[q].norm)) continue;
    bool rest_optional = true;
    for (std::size_t u = t + 1; u < p.terms.size(); ++u) rest_optional = rest_optional && p.terms[u].optional;
    if (tokens[q].sentence_end) {
      if (rest_optional) return q + 1;
      continue;
    }
    const std::size_t end = match_from(p, t + 1, q + 1, 0, true, tokens);
    if (end != npos) return end;
  }
  if (term.optional) return match_from(p, t + 1, pos, started ? gap : 0, started, tokens);
  return npos;
}

}  // namespace

std::vector<Span> find_matches(const Pattern& p, const Tokens& tokens) {
  std::vector<Span> spans;
  for (std::size_t s = 0; s < tokens.size();) {
    // The first term may be optional: a match then starts at a later term.
    const std::size_t end = match_from(p, 0, s, 0, false, tokens);
    if (end != npos && end > s) {
      spans.push_back({s, end});
      s = end;
    } else {
      ++s;
    }
  }
  return spans;
}

WordSet word_set(const Tokens& tokens) {
  WordSet set;
  set.words.reserve(tokens.size());
  for (const Token& t : tokens)
    if (!t.link) set.words.push_back(t.norm);
  std::sort(set.words.begin(), set.words.end());
  set.words.erase(std::unique(set.words.begin(), set.words.end()), set.words.end());
  return set;
}

namespace {

bool has_word(const WordSet& set, const std::string& word) {
  return std::binary_search(set.words.begin(), set.words.end(), word);
}

bool has_word_starting(const WordSet& set, const std::string& prefix) {
  const auto it = std::lower_bound(set.words.begin(), set.words.end(), prefix);
  return it != set.words.end() && it->compare(0, prefix.size(), prefix) == 0;
}

bool may_match_term(const PatternTerm& term, const WordSet& set) {
  for (const auto& alt : term.alternatives) {
    if (alt.mode == '=' && has_word(set, alt.word)) return true;
    if (alt.mode == '*' && has_word_starting(set, alt.word)) return true;
    if (alt.mode == '+')
      for (const std::string& form : alt.forms)
        if (has_word(set, form)) return true;
  }
  return false;
}

}  // namespace

bool may_match(const Pattern& p, const WordSet& words) {
  for (const PatternTerm& term : p.terms)
    if (!term.optional && !may_match_term(term, words)) return false;
  return true;
}

std::string phrase(const Tokens& tokens, Span span) {
  std::string out;
  for (std::size_t i = span.begin; i < span.end; ++i) {
    out += tokens[i].surface;
    if (i + 1 < span.end) out += tokens[i].joiner;
  }
  return out;
}

}  // namespace tosdiff
