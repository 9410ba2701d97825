#pragma once
// What a line of laid-out text (a PDF's, after extract/pdf_text rebuilt its lines) starts
// with, or is: list markers, section numbers, page numbers. Pure functions on UTF-8 text
// whose spaces are already folded (single ASCII spaces, none at the ends).

#include <cstddef>
#include <string>
#include <string_view>

namespace tosdiff {

// bullet: •, ◦, ▪, ▫, ●, ○, ■, □, ‣, ⁃, ∙, ·, ➢, ➤, ►, ▶, ✓, ✔, ❖ (a space after is optional)
enum class ListMarkerKind {
  none,
  bullet,
  weak_bullet,  // "-", "*", "–", "—" followed by a space: also how a wrapped line may start
  number,       // "1.", "1)", "(1)" (up to three digits)
  label,        // "a.", "a)", "(a)", "A.", "(iv)", "IV." (one letter, or roman up to five)
};

struct ListMarker {
  ListMarkerKind kind = ListMarkerKind::none;
  std::size_t length = 0;  // bytes of the marker and of the spaces after it
  std::string number;      // ListMarkerKind::number: the digits, as written
};

// The marker `text` starts with. A number or label needs a space and more text after it.
ListMarker parse_list_marker(std::string_view text);

// `text` is a marker and nothing else ("•", "1.", "(a)", "-"): poppler sometimes puts a
// bullet in a line of its own.
bool is_marker_only(std::string_view text);

// The depth of the section number `text` starts with, 0 when none: "1. Definitions" -> 1,
// "2.3 Cookies" -> 2, "1.2.3 x" -> 3, "Article 3", "Section IV", "§ 5", "IV. Liability" -> 1.
// Parts have at most three digits ("2024 saw" is not a section).
int section_depth(std::string_view text);

// `text` is a whole page number as running headers and footers write them: "3", "- 3 -",
// "– 3 –", "(3)", "[3]", "Page 3", "page 3 of 12", "3 of 12", "3 / 12", "3/12", "p. 3",
// "Seite 3 von 12", "Página 3 de 12", and lowercase roman numerals "i" to "cc". Case-blind.
bool is_page_number(std::string_view text);

}  // namespace tosdiff
