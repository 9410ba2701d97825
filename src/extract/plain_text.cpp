#include "tosdiff/extract/plain_text.hpp"

#include <string>

#include "tosdiff/util/unicode_compose.hpp"

namespace tosdiff {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string fold(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_blank(c) || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// "# Title" .. "###### Title": a heading of that level; 0 when the line is not one.
int heading_level(std::string_view line) {
  int level = 0;
  while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
  return level >= 1 && level <= 6 && static_cast<std::size_t>(level) < line.size() && line[level] == ' ' ? level : 0;
}

// "- x", "* x", "+ x", "1. x", "1) x": a list item's marker length (with its space); 0 when not.
std::size_t list_marker(std::string_view line) {
  if (line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') return 2;
  std::size_t digits = 0;
  while (digits < line.size() && digits < 4 && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
    return digits + 2;
  return 0;
}

}  // namespace

Text plain_text_to_text(std::string_view utf8) {
  Text text;
  std::string paragraph;
  auto flush = [&] {
    std::string folded = compose_canonical(fold(paragraph));
    if (!folded.empty()) text.blocks.push_back(Block{BlockKind::paragraph, 0, "", std::move(folded)});
    paragraph.clear();
  };
  std::size_t start = 0;
  while (start <= utf8.size()) {
    std::size_t end = utf8.find('\n', start);
    if (end == std::string_view::npos) end = utf8.size();
    std::string_view line = utf8.substr(start, end - start);
    while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
    if (line.empty()) {
      flush();
    } else if (const int level = heading_level(line)) {
      flush();
      text.blocks.push_back(
          Block{BlockKind::heading, level, "", compose_canonical(fold(line.substr(static_cast<std::size_t>(level) + 1)))});
    } else if (const std::size_t marker = list_marker(line)) {
      flush();
      const bool numbered = line[0] >= '0' && line[0] <= '9';
      std::string mark = numbered ? std::string(line.substr(0, marker - 2)) + "." : "-";
      text.blocks.push_back(Block{BlockKind::list_item, 0, std::move(mark), compose_canonical(fold(line.substr(marker)))});
    } else {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
    start = end + 1;
  }
  flush();
  return text;
}

}  // namespace tosdiff
