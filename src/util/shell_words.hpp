#pragma once
// Splits a command line the user wrote (an alert's "command", `check --notify-exec`) into
// arguments the way a POSIX shell splits words, without any of a shell's expansions: no
// variables, no globbing, no command substitution, no redirections. The result is handed to
// execvp directly, so nothing from a page can ever become part of a command line.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

class ShellWordsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Blanks (space, tab, newline) separate words. 'single quotes' keep everything literally;
// "double quotes" keep everything but \" \\ \$ \` and backslash-newline, which lose their
// backslash; outside quotes a backslash keeps the next character literally (backslash-newline
// joins lines). Quotes may be glued to other text ('a'"b"c is one word, abc); '' is an empty
// word. `$`, `*`, `~`, `;`, `|`, `>` are ordinary characters. Throws ShellWordsError for an
// unterminated quote, a trailing backslash, or a line with no word.
std::vector<std::string> split_shell_words(std::string_view line);

}  // namespace tosdiff
