#include "tosdiff/classify/hunk_sides.hpp"

#include <algorithm>
#include <utility>

#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

// The words a word-diff run stands for: its words, less the elision marker, plus those elided.
std::size_t run_length(const WordOp& op) {
  const std::size_t shown = split_spaces(op.text).size();
  return op.elided_words > 0 ? shown - 1 + op.elided_words : shown;
}

// The block texts of a hunk's lines (their markers dropped), as the word diff saw them.
std::vector<std::string> block_texts(const Hunk& hunk, char op) {
  std::vector<std::string> out;
  for (const LineOp& line : hunk.lines) {
    if (line.op != op) continue;
    Text parsed = parse_text(line.text);
    out.push_back(parsed.blocks.empty() ? std::string() : parsed.blocks.front().text);
  }
  return out;
}

// A removed run of words and the added run that replaced it, as word ranges of each side.
struct Replacement {
  std::size_t old_begin, old_end, new_begin, new_end;
};

// Marks, on the full block texts, the words the word diff says changed. False when the word
// diff does not add up to the texts (a record from elsewhere): the caller falls back.
bool mark_changes(const Hunk& hunk, const std::vector<std::string>& old_blocks,
                  const std::vector<std::string>& new_blocks, std::vector<bool>& old_changed,
                  std::vector<bool>& new_changed, std::vector<Replacement>& replacements) {
  std::vector<std::string> old_words, new_words;
  for (const auto& b : old_blocks)
    for (auto& w : split_spaces(b)) old_words.push_back(std::move(w));
  for (const auto& b : new_blocks)
    for (auto& w : split_spaces(b)) new_words.push_back(std::move(w));
  old_changed.assign(old_words.size(), false);
  new_changed.assign(new_words.size(), false);
  std::size_t o = 0, n = 0;
  char previous = '=';
  for (const WordOp& op : hunk.words) {
    const std::size_t count = run_length(op);
    if (op.op == '=') {
      o += count;
      n += count;
    } else if (op.op == '-') {
      replacements.push_back({o, std::min(o + count, old_words.size()), n, n});
      for (std::size_t k = 0; k < count && o < old_words.size(); ++k, ++o) old_changed[o] = !enumerator_word(old_words[o]);
    } else {
      if (previous == '-') replacements.back().new_end = std::min(n + count, new_words.size());
      for (std::size_t k = 0; k < count && n < new_words.size(); ++k, ++n) new_changed[n] = !enumerator_word(new_words[n]);
    }
    previous = op.op;
  }
  return o == old_words.size() && n == new_words.size();
}

// Inside a replaced run, the words that only changed their punctuation or spacing
// ("support; (b)" -> "support;(b)") keep their letters: those tokens are not changed.
void unmark_kept_tokens(Tokens& removed, Tokens& added, const std::vector<Replacement>& replacements) {
  constexpr std::size_t kMaxCells = 250000;  // a longer rewrite keeps every token changed
  auto range = [](const Tokens& tokens, std::size_t begin, std::size_t end) {
    auto by_word = [](const Token& t, std::size_t w) { return t.word < w; };
    auto first = std::lower_bound(tokens.begin(), tokens.end(), begin, by_word);
    auto last = std::lower_bound(first, tokens.end(), end, by_word);
    return std::pair<std::size_t, std::size_t>(static_cast<std::size_t>(first - tokens.begin()),
                                               static_cast<std::size_t>(last - tokens.begin()));
  };
  for (const Replacement& r : replacements) {
    if (r.new_end == r.new_begin) continue;
    const auto [a0, a1] = range(removed, r.old_begin, r.old_end);
    const auto [b0, b1] = range(added, r.new_begin, r.new_end);
    const std::size_t n = a1 - a0, m = b1 - b0;
    if (n == 0 || m == 0 || n * m > kMaxCells) continue;
    std::vector<std::vector<unsigned short>> lcs(n + 1, std::vector<unsigned short>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = removed[a0 + i].norm == added[b0 + j].norm
                        ? static_cast<unsigned short>(lcs[i + 1][j + 1] + 1)
                        : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
      if (removed[a0 + i].norm == added[b0 + j].norm) {
        removed[a0 + i].changed = added[b0 + j].changed = false;
        ++i;
        ++j;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        ++i;
      } else {
        ++j;
      }
    }
  }
}

void tokenize_blocks(const std::vector<std::string>& blocks, const std::vector<bool>* changed, bool all_changed,
                     Tokens& tokens) {
  std::size_t offset = 0;
  for (const std::string& block : blocks) {
    const std::size_t count = split_spaces(block).size();
    std::vector<bool> slice;
    if (changed)
      slice.assign(changed->begin() + static_cast<long>(offset), changed->begin() + static_cast<long>(offset + count));
    tokenize(block, changed ? &slice : nullptr, all_changed, true, tokens, offset);
    offset += count;
  }
}

}  // namespace

HunkSides sides_of(const Hunk& hunk) {
  HunkSides sides;
  const auto old_blocks = block_texts(hunk, '-'), new_blocks = block_texts(hunk, '+');
  if (hunk.words.empty()) {  // no word diff: every line is changed
    tokenize_blocks(old_blocks, nullptr, true, sides.removed);
    tokenize_blocks(new_blocks, nullptr, true, sides.added);
  } else {
    std::vector<bool> old_changed, new_changed;
    std::vector<Replacement> replacements;
    if (mark_changes(hunk, old_blocks, new_blocks, old_changed, new_changed, replacements)) {
      tokenize_blocks(old_blocks, &old_changed, false, sides.removed);
      tokenize_blocks(new_blocks, &new_changed, false, sides.added);
      unmark_kept_tokens(sides.removed, sides.added, replacements);
    } else {
      // The word runs themselves; an elided stretch ends a sentence (its words are unknown).
      for (const WordOp& op : hunk.words) {
        auto add = [&](Tokens& side) {
          if (op.elided_words == 0) {
            tokenize(op.text, nullptr, op.op != '=', false, side);
            return;
          }
          const std::size_t mark = op.text.find("\xE2\x80\xA6");
          tokenize(op.text.substr(0, mark), nullptr, false, true, side);
          tokenize(op.text.substr(mark + 3), nullptr, false, false, side);
        };
        if (op.op != '+') add(sides.removed);
        if (op.op != '-') add(sides.added);
      }
    }
  }
  number_sentences(sides.removed);
  number_sentences(sides.added);
  sides.removed_words = word_set(sides.removed);
  sides.added_words = word_set(sides.added);
  return sides;
}

Tokens heading_tokens(const std::vector<std::string>& section) {
  Tokens tokens;
  for (const std::string& heading : section) tokenize(heading, nullptr, true, true, tokens);
  number_sentences(tokens);
  return tokens;
}

}  // namespace tosdiff
