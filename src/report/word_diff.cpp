#include "tosdiff/report/word_diff.hpp"

#include "tosdiff/report/escape.hpp"

namespace tosdiff {

std::string render_words(const std::vector<WordOp>& words, const WordDiffStyle& style) {
  std::string out;
  for (const WordOp& w : words) {
    if (!out.empty()) out += ' ';
    const std::string text = style.escape ? style.escape(w.text) : w.text;
    if (w.op == '-') out += style.removed_open + text + style.removed_close;
    else if (w.op == '+') out += style.added_open + text + style.added_close;
    else out += text;
  }
  return out;
}

WordDiffStyle plain_words() { return {"[-", "-]", "{+", "+}", nullptr}; }

WordDiffStyle terminal_words() { return {"\x1b[31;9m", "\x1b[0m", "\x1b[32;1m", "\x1b[0m", nullptr}; }

WordDiffStyle markdown_words() { return {"~~", "~~", "**", "**", markdown_escape}; }

WordDiffStyle html_words() {
  return {"<del style=\"background:#fde2e2;color:#991b1b;text-decoration:line-through;\">", "</del>",
          "<ins style=\"background:#dcfce7;color:#166534;text-decoration:none;font-weight:600;\">", "</ins>", html_escape};
}

WordDiffStyle slack_words() { return {"~", "~", "*", "*", slack_escape}; }

}  // namespace tosdiff
