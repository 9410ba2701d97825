#pragma once
// The changed cells of table rows, named by their column's header and their row's first
// cell (model/change.hpp TableCell): what a reader needs to understand "2 years" became
// "1 year" in a 40-row table. A pure function of the two texts and a hunk's blocks.

#include <cstddef>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The cells that differ between the i-th removed and the i-th added block, when every one
// of them is a table row, the rows pair up with the same number of cells (at least two),
// and each added row has a header row above it (the first row of its run of table rows).
// Otherwise none: the hunk is then shown as its word diff alone. `removed` and `added` are
// block indices into `before` and `after`, in order.
std::vector<TableCell> changed_cells(const Text& before, const std::vector<std::size_t>& removed, const Text& after,
                                     const std::vector<std::size_t>& added);

// A table row's cells, as the normalizer joined them (" | ").
std::vector<std::string> row_cells(const std::string& row_text);

// Whether `new_rows` are `old_rows` with the table's columns put in another order: the first
// rows (the headers) hold the same cells, each once, in another order, and every row's cells
// read in that order are the old row's (comparison keys). A subprocessor table's "Country" and
// "Purpose" swapped says the same (a red team's find, read as every row changed); a cell
// changed on the way is news.
bool columns_reordered(const std::vector<std::string>& old_rows, const std::vector<std::string>& new_rows);

// Whether `items` (list items or paragraphs, one per row) are a table's rows written as their
// columns' labels and values: "Subprocessor | Country | Purpose" / "Cloudmere | Ireland |
// Hosting" as "- Subprocessor: Cloudmere. Country: Ireland. Purpose: Hosting." (or with the
// first column's value opening the item unlabelled: "- Cloudmere. Country: Ireland. ..."). A
// responsive redesign does this to a subprocessor table (a red team's find, read as every row
// changed). `header_and_rows`: the table's header row then its rows, in order; every word read
// as the comparison key's words, a label or a value changed on the way is news.
bool rows_written_as_labelled_items(const std::vector<std::string>& header_and_rows,
                                    const std::vector<std::string>& items);

// Whether the blocks `removed` of `before` are a table (from its first row on) laid out otherwise
// in the blocks `added` of `after`: its columns in another order (columns_reordered), or its rows
// written as labelled items (rows_written_as_labelled_items), either way round.
bool table_laid_out_otherwise(const Text& before, const std::vector<std::size_t>& removed, const Text& after,
                              const std::vector<std::size_t>& added);

}  // namespace tosdiff
