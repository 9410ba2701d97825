#include "tosdiff/classify/side_match.hpp"

#include <algorithm>
#include <utility>

namespace tosdiff {
namespace {

constexpr std::size_t kContextWords = 12;     // a phrase this near a changed word (same sentence) counts

bool has_change(const Tokens& tokens, Span span) {
  for (std::size_t i = span.begin; i < span.end; ++i)
    if (tokens[i].changed) return true;
  return false;
}

bool near_change(const Tokens& tokens, Span span) {
  const std::size_t sentence = tokens[span.begin].sentence;
  const std::size_t from = span.begin > kContextWords ? span.begin - kContextWords : 0;
  const std::size_t to = std::min(tokens.size(), span.end + kContextWords);
  for (std::size_t i = from; i < to; ++i)
    if (tokens[i].changed && tokens[i].sentence == sentence) return true;
  return false;
}

// Sorts spans and merges those that overlap: several patterns of one rule matching around
// the same words make one piece of evidence ("We may sell", not "We may sell" and "may sell").
void merge(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin || (a.begin == b.begin && a.end < b.end); });
  std::vector<Span> out;
  for (Span s : spans) {
    if (!out.empty() && s.begin < out.back().end) out.back().end = std::max(out.back().end, s.end);
    else out.push_back(s);
  }
  spans = std::move(out);
}

}  // namespace

SideMatch match_rule(const std::vector<Pattern>& patterns, const std::vector<Pattern>& exclude, const Tokens& tokens,
                     const WordSet& words) {
  SideMatch out;
  if (tokens.empty()) return out;
  std::vector<Span> excluded;
  for (const Pattern& p : exclude) {
    if (!may_match(p, words)) continue;
    auto spans = find_matches(p, tokens);
    excluded.insert(excluded.end(), spans.begin(), spans.end());
  }
  for (const Pattern& p : patterns) {
    if (!may_match(p, words)) continue;
    for (Span span : find_matches(p, tokens)) {
      if (std::any_of(excluded.begin(), excluded.end(), [&](Span x) { return overlaps(span, x); })) continue;
      ++out.all;
      const bool direct = has_change(tokens, span);
      if (direct) out.direct.push_back(span);
      if (direct || near_change(tokens, span)) out.counted.push_back(span);
    }
  }
  merge(out.counted);
  merge(out.direct);
  return out;
}

}  // namespace tosdiff
