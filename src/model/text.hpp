#pragma once
// The normalized text of a document: a list of blocks, one per line when rendered.
// Rendering is the archived form; parse_text() reads it back, so the line syntax is
// unambiguous about headings (the only structure the diff needs back):
//   "# Title" .. "###### Sub"   heading of level 1..6
//   "- item", "1. item"          list item, two spaces of indent per nesting level
//   "a | b | c"                  table row
//   anything else                paragraph; one that would read as a heading or a list item
//                                starts with "\" (so does a table row that would)
// A paragraph containing " | " reads back as a table row: both render the same line, and
// only headings (section paths) depend on the kind read back.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

enum class BlockKind { heading, paragraph, list_item, table_row };

struct Block {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;        // heading: 1..6; list item: nesting depth from 0; else 0
  std::string marker;   // list item: "-" or "<n>." ; else empty
  std::string text;     // inline text, whitespace folded, never contains '\n'
};

struct Text {
  std::vector<Block> blocks;
};

// One line, without '\n'.
std::string render_block(const Block& block);
// Every block on its own line, each ending with '\n'. Empty text renders as "".
std::string render_text(const Text& text);
// Inverse of render_text for what the diff needs: headings get kind and level back,
// list items and table rows are recognized by their syntax; other lines are paragraphs.
Text parse_text(std::string_view rendered);
// One rendered line (a hunk's LineOp) read back as its block.
Block parse_block(std::string_view rendered_line);

// For each block, the indices of the headings above it that are still open (a heading
// closes every open heading of the same or deeper level). A heading's own path ends with
// itself.
std::vector<std::vector<std::size_t>> heading_paths(const Text& text);

}  // namespace tosdiff
