#include "tosdiff/util/shell_words.hpp"

namespace tosdiff {

std::vector<std::string> split_shell_words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;  // '' must make a word although it adds no character
  std::size_t i = 0;
  const std::size_t n = line.size();
  auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < n) {
    const char c = line[i];
    if (is_blank(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      ++i;
    } else if (c == '\'') {
      const std::size_t end = line.find('\'', i + 1);
      if (end == std::string_view::npos) throw ShellWordsError("unterminated single quote");
      word.append(line.substr(i + 1, end - i - 1));
      in_word = true;
      i = end + 1;
    } else if (c == '"') {
      ++i;
      for (;;) {
        if (i >= n) throw ShellWordsError("unterminated double quote");
        const char d = line[i];
        if (d == '"') break;
        if (d == '\\' && i + 1 < n) {
          const char next = line[i + 1];
          if (next == '\n') {  // line continuation: both go
            i += 2;
            continue;
          }
          if (next == '"' || next == '\\' || next == '$' || next == '`') {
            word += next;
            i += 2;
            continue;
          }
        }
        word += d;
        ++i;
      }
      in_word = true;
      ++i;
    } else if (c == '\\') {
      if (i + 1 >= n) throw ShellWordsError("trailing backslash");
      if (line[i + 1] != '\n') {
        word += line[i + 1];
        in_word = true;
      }
      i += 2;
    } else {
      word += c;
      in_word = true;
      ++i;
    }
  }
  if (in_word) words.push_back(std::move(word));
  if (words.empty()) throw ShellWordsError("no command");
  return words;
}

}  // namespace tosdiff
