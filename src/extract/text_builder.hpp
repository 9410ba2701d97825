#pragma once
// The normalizer's writer (internal to extract/): turns the walk of a document (elements
// entered and left, text appended) into Text blocks. Whitespace collapses to single spaces;
// headings, list items with their markers, table rows (cells joined by " | ") and
// preformatted lines become blocks; links become "[text](url)" when asked for.

#include <cstddef>
#include <cstdint>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// What an element is to the text.
enum class Role { none, heading, list, item, row, cell, pre, link, block };

// An open element, as the walker describes it to the builder.
struct Frame {
  std::uint32_t end = 0;  // pre-order position where the element's subtree ends
  Role role = Role::none;
  int level = 0;             // heading level
  bool ordered = false;      // list
  long counter = 1;          // list: next item number
  bool marker_used = false;  // item: its marker went to a block already
  std::string marker;        // item
  int depth = 0;             // item: list nesting depth
  int step = 1;              // list: +1, or -1 for <ol reversed>
  bool is_table = false;
  std::size_t link_start = 0;
  std::size_t link_flushes = 0;
  std::string href;
  std::vector<std::string> cells;  // row
};

class TextBuilder {
 public:
  TextBuilder(const NormalizeOptions& options) : options_(options) {}

  // Appends the text of a text node: whitespace runs become one space (a line break ends the
  // line inside <pre>), zero-width characters and control characters are dropped. A
  // truncated UTF-8 sequence at the end of `utf8` is dropped.
  void append(std::string_view utf8);

  // A block edge: ends the current line, except inside a table cell where it is a space.
  void boundary();

  // An element opens and closes, nested. `frame` must stay where it is until exit(frame):
  // the builder keeps a pointer to it (a list item's marker is used once, a row collects
  // its cells).
  void enter(Frame& frame);
  void exit(Frame& frame);

  // The line so far ends with a letter or a closing mark, no space after it: a word a
  // superscript's footnote number would be glued to.
  bool ends_a_word() const {
    if (pending_space_ || line_.empty()) return false;
    const unsigned char last = static_cast<unsigned char>(line_.back());
    return std::isalpha(last) || last >= 0x80 || last == '.' || last == ',' || last == ';' || last == ')' ||
           last == '"';
  }

  // Ends the last line and gives the text.
  Text finish();

 private:
  void put(std::string_view bytes);
  std::string take_line();
  Frame* innermost(Role role);
  void flush();
  void emit_row(Frame& row);
  void close_link(const Frame& link);

  const NormalizeOptions& options_;
  Text text_;
  std::string line_;
  bool pending_space_ = false;
  int cell_depth_ = 0;
  int pre_depth_ = 0;
  std::size_t flushes_ = 0;
  std::vector<Frame*> frames_;
};

}  // namespace tosdiff
