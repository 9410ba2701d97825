#pragma once
// The classifier's words (internal to classify/): text cut into tokens that patterns match,
// each marked changed or not, with the sentence it belongs to and the separator that joins
// it to the next token when a matched phrase is quoted as evidence.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

struct Token {
  std::string norm;     // lowercase, apostrophes as '
  std::string surface;  // as written
  std::string joiner;   // what separates it from the next token in evidence: " ", "-", ", "...
  bool changed = false;
  bool sentence_end = false;  // a match never continues past this token
  bool link = false;          // part of a URL, domain or e-mail address: never matched
  std::size_t sentence = 0;
  std::size_t word = 0;       // index of its space-separated word on its side of the hunk
};

using Tokens = std::vector<Token>;

// The space-separated words of `text` (runs of ' '; empty words dropped).
std::vector<std::string> split_spaces(std::string_view text);

// True for a list enumerator written inline ("(a)", "1.1", "2.", "(iv)") or a cross-reference
// to a numbered provision ("9.1(i)"), a trailing ',', ';' or ':' ignored.
bool enumerator_word(std::string_view w);

// `s` with ASCII capitals lowercased; other bytes unchanged.
std::string lowercase(std::string s);

// Appends the words of `text` to `tokens`. `changed_words` (one flag per space-separated word
// of `text`) marks changed words; null: every word is `all_changed`. The last token ends a
// sentence when `block_end` (a block ends there). `word_offset` is added to each token's
// `word` (the index of `text`'s first word on its side).
void tokenize(std::string_view text, const std::vector<bool>* changed_words, bool all_changed, bool block_end,
              Tokens& tokens, std::size_t word_offset = 0);

// Numbers the sentences of `tokens` from 0 (Token::sentence), a new one after each
// sentence_end.
void number_sentences(Tokens& tokens);

}  // namespace tosdiff
