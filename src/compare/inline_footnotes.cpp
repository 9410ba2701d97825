#include "tosdiff/compare/inline_footnotes.hpp"

#include <string>
#include <utility>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// The marker a note opens with ("[1] Days are calendar days." → "[1]"), or "".
std::string note_marker(const std::string& text) {
  if (text.size() < 4 || text[0] != '[') return "";
  std::size_t k = 1;
  while (k < text.size() && k <= 3 && is_ascii_digit(text[k])) ++k;
  if (k == 1 || k >= text.size() || text[k] != ']' || k + 1 >= text.size() || text[k + 1] != ' ') return "";
  return text.substr(0, k + 1);
}

}  // namespace

bool footnotes_made_inline(const Text& one, const std::vector<std::size_t>& noted, const Text& other,
                           const std::vector<std::size_t>& inline_blocks) {
  if (noted.size() < 2 || inline_blocks.empty()) return false;
  std::vector<std::pair<std::string, std::string>> notes;  // marker, the note's words
  std::vector<std::string> body;
  for (std::size_t i : noted) {
    const std::string& text = one.blocks[i].text;
    const std::string marker = note_marker(text);
    if (marker.empty())
      body.push_back(text);
    else
      notes.emplace_back(marker, text.substr(marker.size() + 1));
  }
  if (notes.empty() || body.empty()) return false;
  // Each note at its marker: glued to a word of the text, once.
  for (const auto& [marker, note] : notes) {
    std::size_t found = 0;
    for (std::string& text : body)
      for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
        if (at == 0 || text[at - 1] == ' ') continue;
        if (++found > 1) return false;
        text.replace(at, marker.size(), " " + note + " ");
        at += note.size();
      }
    if (found != 1) return false;
  }
  std::string read, written;
  for (const std::string& text : body) read += text + " ";
  for (std::size_t i : inline_blocks) written += other.blocks[i].text + " ";
  const std::string read_key = comparison_key(read);
  return !read_key.empty() && read_key == comparison_key(written);
}

}  // namespace tosdiff
