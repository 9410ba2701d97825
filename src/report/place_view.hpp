#pragma once
// How the views (the digest in every format, the diff page, check's report) lay out one
// hunk's changed place: as lines, each a word diff with what names it.
//   - a table's changed cells, one a line, named "<row> › <column>" (the row's first cell,
//     the column's header: model/change.hpp TableCell);
//   - a hunk that only adds blocks (or only removes them), block by block: an added heading
//     stays apart from its paragraph instead of running into it;
//   - any other hunk, its word diff as one line.

#include <string>
#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

struct PlaceLine {
  enum class Role { words, heading, cell };
  Role role = Role::words;
  std::string label;  // cell: "Pro › Retention", "Retention", or "Pro"
  std::vector<WordOp> words;
};

std::vector<PlaceLine> place_lines(const Hunk& hunk);

struct WordDiffStyle;
// "<label>: <word diff>" (the label escaped as the style escapes text), or the word diff.
std::string render_place_line(const PlaceLine& line, const WordDiffStyle& style);

}  // namespace tosdiff
