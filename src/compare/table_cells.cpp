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

bool rows_written_as_labelled_items(const std::vector<std::string>& header_and_rows,
                                    const std::vector<std::string>& items) {
  if (header_and_rows.size() < 2 || items.size() + 1 != header_and_rows.size()) return false;
  const std::vector<std::string> header = row_cells(header_and_rows.front());
  if (header.size() < 2) return false;
  const auto words = [](const std::string& text) { return canonicalize(text, kFoldToWords); };
  for (std::size_t r = 0; r < items.size(); ++r) {
    const std::vector<std::string> cells = row_cells(header_and_rows[r + 1]);
    if (cells.size() != header.size()) return false;
    std::string labelled, first_unlabelled;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string value = words(cells[c]);
      if (value.empty()) continue;  // an empty cell's label goes with it
      const std::string label = words(header[c]);
      labelled += (labelled.empty() ? "" : " ") + label + " " + value;
      first_unlabelled += (first_unlabelled.empty() ? "" : " ") + (c == 0 ? value : label + " " + value);
    }
    const std::string item = words(items[r]);
    if (item.empty() || (item != labelled && item != first_unlabelled)) return false;
  }
  return true;
}

namespace {

bool opens_table(const Text& text, std::size_t i) { return i == 0 || text.blocks[i - 1].kind != BlockKind::table_row; }

// The blocks' texts when they are all table rows from a table's first row on; else none.
std::vector<std::string> whole_table(const Text& text, const std::vector<std::size_t>& blocks) {
  std::vector<std::string> rows;
  if (blocks.empty() || !opens_table(text, blocks.front())) return rows;
  for (std::size_t i : blocks) {
    if (text.blocks[i].kind != BlockKind::table_row) return {};
    rows.push_back(text.blocks[i].text);
  }
  return rows;
}

// The blocks' texts when they are all list items or paragraphs; else none.
std::vector<std::string> item_texts(const Text& text, const std::vector<std::size_t>& blocks) {
  std::vector<std::string> items;
  for (std::size_t i : blocks) {
    const BlockKind kind = text.blocks[i].kind;
    if (kind != BlockKind::list_item && kind != BlockKind::paragraph) return {};
    items.push_back(text.blocks[i].text);
  }
  return items;
}

}  // namespace

bool table_laid_out_otherwise(const Text& before, const std::vector<std::size_t>& removed, const Text& after,
                              const std::vector<std::size_t>& added) {
  const std::vector<std::string> old_rows = whole_table(before, removed), new_rows = whole_table(after, added);
  if (!old_rows.empty() && !new_rows.empty())
    return old_rows.size() == new_rows.size() && columns_reordered(old_rows, new_rows);
  if (!old_rows.empty()) {
    const std::vector<std::string> items = item_texts(after, added);
    return !items.empty() && rows_written_as_labelled_items(old_rows, items);
  }
  if (!new_rows.empty()) {
    const std::vector<std::string> items = item_texts(before, removed);
    return !items.empty() && rows_written_as_labelled_items(new_rows, items);
  }
  return false;
}

}  // namespace tosdiff
