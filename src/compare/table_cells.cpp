#include "tosdiff/compare/table_cells.hpp"

#include <algorithm>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/diff.hpp"

namespace tosdiff {

std::vector<std::string> row_cells(const std::string& row_text) {
  static const std::string kSeparator = " | ";
  std::vector<std::string> cells;
  std::size_t from = 0;
  for (std::size_t at = row_text.find(kSeparator); at != std::string::npos; at = row_text.find(kSeparator, from)) {
    cells.push_back(row_text.substr(from, at - from));
    from = at + kSeparator.size();
  }
  cells.push_back(row_text.substr(from));
  // An empty cell is written "a |  | c": its cell is the one space between separators.
  for (std::string& cell : cells)
    if (cell == " ") cell.clear();
  return cells;
}

std::vector<TableCell> changed_cells(const Text& before, const std::vector<std::size_t>& removed, const Text& after,
                                     const std::vector<std::size_t>& added) {
  std::vector<TableCell> out;
  if (removed.empty() || removed.size() != added.size()) return {};
  for (std::size_t i = 0; i < added.size(); ++i) {
    const Block& old_row = before.blocks[removed[i]];
    const Block& new_row = after.blocks[added[i]];
    if (old_row.kind != BlockKind::table_row || new_row.kind != BlockKind::table_row) return {};
    // The header: the first row of the run of rows this one is in. A changed header row
    // itself has none above it: its change is shown as words.
    std::size_t first = added[i];
    while (first > 0 && after.blocks[first - 1].kind == BlockKind::table_row) --first;
    if (first == added[i]) return {};
    const std::vector<std::string> header = row_cells(after.blocks[first].text);
    const std::vector<std::string> old_cells = row_cells(old_row.text), new_cells = row_cells(new_row.text);
    if (old_cells.size() != new_cells.size() || new_cells.size() < 2) return {};
    for (std::size_t c = 0; c < new_cells.size(); ++c) {
      if (old_cells[c] == new_cells[c]) continue;
      TableCell cell;
      if (c > 0) cell.row = new_cells[0];
      if (c < header.size()) cell.column = header[c];
      cell.words = diff_words(old_cells[c], new_cells[c]);
      out.push_back(std::move(cell));
    }
  }
  return out;
}

bool columns_reordered(const std::vector<std::string>& old_rows, const std::vector<std::string>& new_rows) {
  if (old_rows.size() < 2 || old_rows.size() != new_rows.size()) return false;
  const auto keys_of = [](const std::string& row) {
    std::vector<std::string> keys;
    for (const std::string& cell : row_cells(row)) keys.push_back(comparison_key(cell));
    return keys;
  };
  const std::vector<std::string> old_header = keys_of(old_rows[0]), new_header = keys_of(new_rows[0]);
  if (old_header.size() < 2 || old_header.size() != new_header.size() || old_header == new_header) return false;
  // Where each new column was: its header's one place in the old header.
  std::vector<std::size_t> from(new_header.size());
  for (std::size_t j = 0; j < new_header.size(); ++j) {
    if (new_header[j].empty() || std::count(old_header.begin(), old_header.end(), new_header[j]) != 1) return false;
    from[j] = static_cast<std::size_t>(std::find(old_header.begin(), old_header.end(), new_header[j]) - old_header.begin());
  }
  for (std::size_t r = 1; r < old_rows.size(); ++r) {
    const std::vector<std::string> was = keys_of(old_rows[r]), is = keys_of(new_rows[r]);
    if (was.size() != old_header.size() || is.size() != new_header.size()) return false;
    for (std::size_t j = 0; j < is.size(); ++j)
      if (is[j] != was[from[j]]) return false;
  }
  return true;
}

}  // namespace tosdiff
