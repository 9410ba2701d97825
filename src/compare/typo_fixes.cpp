#include "tosdiff/compare/typo_fixes.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/variants.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// The word of a word diff's run, lower case, without the punctuation and quotes around it;
// "" when the run is more than one word or holds anything but ASCII letters.
std::string bare_word(std::string_view run) {
  run = trim(run);
  std::size_t start = 0, end = run.size();
  while (start < end && !is_ascii_letter(run[start])) ++start;
  while (end > start && !is_ascii_letter(run[end - 1])) --end;
  const std::string_view word = run.substr(start, end - start);
  if (word.empty() || !std::all_of(word.begin(), word.end(), is_ascii_letter)) return "";
  return ascii_lower(word);
}

// How often each word (ASCII letters, lower case) is written in a text.
std::map<std::string, std::size_t> word_counts(const Text& text) {
  std::map<std::string, std::size_t> counts;
  for (const Block& block : text.blocks) {
    const std::string& s = block.text;
    for (std::size_t i = 0; i < s.size();) {
      if (!is_ascii_letter(s[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < s.size() && is_ascii_letter(s[j])) ++j;
      // A word glued to other letters (accented, another script) is part of a longer one.
      const bool glued = (i > 0 && static_cast<unsigned char>(s[i - 1]) >= 0x80) ||
                         (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80);
      if (!glued) ++counts[ascii_lower(std::string_view(s).substr(i, j - i))];
      i = j;
    }
  }
  return counts;
}

std::size_t count_of(const std::map<std::string, std::size_t>& counts, const std::string& word) {
  const auto it = counts.find(word);
  return it == counts.end() ? 0 : it->second;
}

}  // namespace

bool one_letter_inside(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (b.size() < kTypoMinLetters - 1 || a.size() < kTypoMinLetters || a.size() - b.size() > 1) return false;
  std::size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  if (i == 0 || i + 1 >= a.size()) return false;  // the first or the last letter
  if (a.size() == b.size() + 1) return a.substr(i + 1) == b.substr(i);  // one letter put in
  // Same length: two neighbours swapped, the second of them not the last letter.
  return i + 2 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

void mark_typo_fixes(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  std::map<std::string, std::size_t> before_words, after_words;  // counted once a hunk may need them
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    const std::vector<WordEdit> edits = word_edits(hunk);
    if (edits.empty()) continue;
    std::vector<std::pair<std::string, std::string>> words;
    for (const WordEdit& edit : edits) {
      std::string from = bare_word(edit.removed), to = bare_word(edit.added);
      if (from.empty() || to.empty() || !one_letter_inside(from, to)) break;
      words.emplace_back(std::move(from), std::move(to));
    }
    if (words.size() != edits.size()) continue;
    if (before_words.empty()) {
      before_words = word_counts(before);
      after_words = word_counts(after);
    }
    const bool all_typos = std::all_of(words.begin(), words.end(), [&](const auto& pair) {
      const auto& [from, to] = pair;
      // Corrected: the misspelling is gone and the right word was already in use. Misspelt:
      // the misspelling is new and the right word is still in use.
      const bool corrected = count_of(after_words, from) == 0 && count_of(before_words, to) > 0;
      const bool misspelt = count_of(before_words, to) == 0 && count_of(after_words, from) > 0;
      return corrected || misspelt;
    });
    if (all_typos) mark_cosmetic(hunk, "spelling");
  }
}

}  // namespace tosdiff
