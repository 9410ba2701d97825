#pragma once
// The document's translations offered as files beside it: a list of one file per language,
// "PL - Warunki korzystania z Lumen 20260519.pdf" then "900 KB Download" (contrib replay: a game
// platform's terms listing two dozen translated PDFs, alerted whenever files were re-dated,
// resized or added, the English terms on the page unchanged). The page's own text is the
// document; a translation's file put in, re-dated or resized changes none of its words. A pure
// transform.

#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A list entry naming one language's file: a language's code ("PL", "PT-BR", "zh-TW") or name
// ("Deutsch") first, then a separator ("-", ":", "|"), then a file's name ending with .pdf,
// .doc, .docx, .odt or .rtf, its size and "Download" maybe; 20 words at most.
bool is_translated_file_entry(std::string_view block_text);

// A file's size and its button: "900 KB Download", "2 MB", "1,2 Mo Télécharger".
bool is_file_size_line(std::string_view block_text);

// Marks cosmetic, kind "translations", every substantive hunk whose blocks, removed and added,
// are all such entries and sizes, at least one an entry, when both texts list 3 entries or
// more and have 150 words or more besides. A file named without its language ("Lumen Terms
// 20260519.pdf") may be the document's own copy, revised: it stays news.
void mark_translated_files(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
