#pragma once
// Which writing system a letter belongs to: what tells a page in Thai, Chinese or Russian
// from one in a Latin-script language before any word list can (replay: a video platform's
// terms served in Thai for three months, each check an error, "the new text shares almost no
// vocabulary"), and what a word is in scripts that put no spaces between words. Pure
// functions over valid UTF-8 (texts are repaired on the way in).

#include <cstddef>
#include <string_view>

namespace tosdiff {

enum class WritingSystem {
  none,  // not a letter: digits, punctuation, symbols, spaces
  latin,
  han,
  kana,
  hangul,
  thai,
  lao,
  khmer,
  myanmar,
  cyrillic,
  greek,
  hebrew,
  arabic,
  devanagari,
  bengali,
  tamil,
  georgian,
  armenian,
  other,  // a letter of a script this list does not name
};

WritingSystem writing_system_of(char32_t code_point);

// Whether the script ends its sentences with a space, not a mark (Thai, Lao, Khmer, Burmese).
bool ends_sentences_with_a_space(WritingSystem system);

// How many letters of the script make a word on average, for the scripts that write words
// without spaces between them (Chinese and Japanese about 2, Thai, Lao, Khmer and Burmese about
// 6); 0 for the others, whose words the spaces count.
std::size_t letters_per_word(WritingSystem system);

// The words in `text`: its runs of non-spaces, a run of letters written without spaces counted
// as the words it holds by letters_per_word() (a Chinese paragraph is one run of 200 letters:
// some 100 words, not 1).
std::size_t count_words(std::string_view text);

}  // namespace tosdiff
