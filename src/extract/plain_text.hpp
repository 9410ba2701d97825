#pragma once
// A document served as plain text (text/plain, text/markdown, text/csv): its paragraphs as
// blocks. Lines are joined into paragraphs at blank lines; whitespace folded as the HTML
// normalizer folds it; Markdown-style headings ("# Title") and list items ("- item",
// "1. item") keep their kind. A pure function.

#include <string_view>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

Text plain_text_to_text(std::string_view utf8);

}  // namespace tosdiff
