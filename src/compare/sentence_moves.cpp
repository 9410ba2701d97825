#include "tosdiff/compare/sentence_moves.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/util/case_fold.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool opens_a_sentence(std::string_view word) {
  while (!word.empty() && std::string_view("(\"'").find(word.front()) != std::string_view::npos) word.remove_prefix(1);
  for (std::string_view mark : {"\xC2\xBF", "\xC2\xA1", "\xC2\xAB", "\xE2\x80\x9C", "\xE2\x80\x98"})  // ¿ ¡ « “ ‘
    while (word.substr(0, mark.size()) == mark) word.remove_prefix(mark.size());
  if (word.empty()) return false;
  const unsigned char first = static_cast<unsigned char>(word.front());
  if ((first >= 'A' && first <= 'Z') || is_ascii_digit(word.front())) return true;
  if (first < 0x80) return false;
  // Any other capital letter: its lower case differs ("À", "Ü", Polish "Ś", "Ż", "Ł", Greek,
  // Cyrillic; a red team's finds).
  const std::size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
  if (word.size() < length) return false;
  const std::string_view letter = word.substr(0, length);
  return fold_letter_case(letter) != letter;
}

// A French page's space before ";", "!", "?" (a no-break space, read as a space): the mark
// closes the word before it, as it does glued (a red team's find: a clause's boundary moved
// across "données ; à des fins" unseen).
std::vector<std::string> words_with_their_marks(std::string_view text) {
  std::vector<std::string> words = space_separated_words(text);
  std::vector<std::string> out;
  out.reserve(words.size());
  for (std::string& word : words) {
    const bool lone_mark = !word.empty() && word.find_first_not_of(";!?") == std::string::npos;
    if (lone_mark && !out.empty())
      out.back() += word;
    else
      out.push_back(std::move(word));
  }
  return out;
}

}  // namespace

bool moves_a_sentence_end(std::string_view a, std::string_view b) {
  const std::vector<std::string> x = words_with_their_marks(a), y = words_with_their_marks(b);
  if (x.size() < 3 || y.size() < 3) return false;
  auto ends = [](const std::vector<std::string>& words, std::size_t i) {
    std::string_view w = words[i];
    while (!w.empty() && std::string_view(")]\"'\u2019\u201d").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
    if (w.size() < 2) return false;
    if (w.back() == ';') return true;
    if (w.back() != '.' && w.back() != '?' && w.back() != '!') return false;
    if (w.substr(0, w.size() - 1).find('.') != std::string_view::npos) return false;  // "e.g.", "U.S."
    return opens_a_sentence(words[i + 1]);
  };
  // Each side's words as the comparison key reads them, run together, and where its ends fall.
  auto read = [&](const std::vector<std::string>& words, std::string& keys, std::vector<std::size_t>& at) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      for (char c : comparison_key(words[i]))
        if (c != ' ') keys += c;
      if (i + 1 < words.size() && ends(words, i)) at.push_back(keys.size());
    }
  };
  std::string x_keys, y_keys;
  std::vector<std::size_t> x_ends, y_ends;
  read(x, x_keys, x_ends);
  read(y, y_keys, y_ends);
  if (x_keys != y_keys) return false;  // other words: not this question
  std::vector<std::size_t> gone, come;
  std::set_difference(x_ends.begin(), x_ends.end(), y_ends.begin(), y_ends.end(), std::back_inserter(gone));
  std::set_difference(y_ends.begin(), y_ends.end(), x_ends.begin(), x_ends.end(), std::back_inserter(come));
  return !gone.empty() && !come.empty();
}

bool changes_whom_it_addresses(std::string_view a, std::string_view b) {
  const std::vector<std::string> x = space_separated_words(a), y = space_separated_words(b);
  if (x.size() != y.size()) return false;
  const auto bare = [](std::string_view word) {
    while (!word.empty() && std::string_view(",;:.!?)\"'").find(word.back()) != std::string_view::npos) word.remove_suffix(1);
    return word;
  };
  const auto is_pronoun = [](std::string_view lower) {
    return lower == "sie" || lower == "ihnen";
  };
  const auto courteous = [](std::string_view w) {
    return w[0] >= 'A' && w[0] <= 'Z' && std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  const auto plain = [](std::string_view w) { return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }); };
  for (std::size_t i = 1; i < x.size(); ++i) {
    const std::string_view was = bare(x[i]), is = bare(y[i]);
    if (was.empty() || was == is || fold_letter_case(was) != fold_letter_case(is) || !is_pronoun(fold_letter_case(was))) continue;
    const char before_x = x[i - 1].back(), before_y = y[i - 1].back();
    if (std::string_view(".!?:").find(before_x) != std::string_view::npos ||
        std::string_view(".!?:").find(before_y) != std::string_view::npos)
      continue;  // opening a sentence
    if ((courteous(was) && plain(is)) || (plain(was) && courteous(is))) return true;
  }
  return false;
}


}  // namespace tosdiff
