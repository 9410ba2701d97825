#include "tosdiff/model/text.hpp"

#include <algorithm>

namespace tosdiff {
namespace {

bool looks_like_heading(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  return hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ';
}

bool is_ordered_marker(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  return std::all_of(word.begin(), word.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

Block parse_line(std::string_view line) {
  Block block;
  if (looks_like_heading(line)) {
    std::size_t hashes = line.find(' ');
    block.kind = BlockKind::heading;
    block.level = static_cast<int>(hashes);
    block.text = line.substr(hashes + 1);
    return block;
  }
  if (!line.empty() && line[0] == '\\') {  // escaped: neither a heading nor a list item
    block.text = line.substr(1);
    if (block.text.find(" | ") != std::string::npos) block.kind = BlockKind::table_row;
    return block;
  }
  std::size_t indent = line.find_first_not_of(' ');
  std::string_view rest = indent == std::string_view::npos ? line : line.substr(indent);
  std::size_t space = rest.find(' ');
  std::string_view first_word = rest.substr(0, space);
  if (space != std::string_view::npos && indent % 2 == 0 &&
      (first_word == "-" || is_ordered_marker(first_word))) {
    block.kind = BlockKind::list_item;
    block.level = static_cast<int>(indent / 2);
    block.marker = first_word;
    block.text = rest.substr(space + 1);
  } else if (line.find(" | ") != std::string_view::npos) {
    block.kind = BlockKind::table_row;
    block.text = line;
  } else {
    block.text = line;
  }
  return block;
}

}  // namespace

std::string render_block(const Block& block) {
  switch (block.kind) {
    case BlockKind::heading:
      return std::string(static_cast<std::size_t>(std::clamp(block.level, 1, 6)), '#') + " " +
             block.text;
    case BlockKind::list_item:
      return std::string(2 * static_cast<std::size_t>(std::max(block.level, 0)), ' ') +
             block.marker + " " + block.text;
    case BlockKind::table_row: {
      BlockKind read_back = parse_line(block.text).kind;
      if (read_back == BlockKind::heading || read_back == BlockKind::list_item ||
          (!block.text.empty() && block.text[0] == '\\'))
        return "\\" + block.text;
      return block.text;
    }
    case BlockKind::paragraph:
      // A paragraph that would read back as something else is escaped, so that
      // parse_text(render_text(t)) gives t back.
      if (BlockKind read_back = parse_line(block.text).kind;
          read_back == BlockKind::heading || read_back == BlockKind::list_item ||
          (!block.text.empty() && block.text[0] == '\\'))
        return "\\" + block.text;
      return block.text;
  }
  return block.text;
}

std::string render_text(const Text& text) {
  std::string out;
  for (const Block& block : text.blocks) {
    out += render_block(block);
    out += '\n';
  }
  return out;
}

Block parse_block(std::string_view rendered_line) { return parse_line(rendered_line); }

Text parse_text(std::string_view rendered) {
  Text text;
  while (!rendered.empty()) {
    std::size_t eol = rendered.find('\n');
    text.blocks.push_back(parse_line(rendered.substr(0, eol)));
    rendered.remove_prefix(eol == std::string_view::npos ? rendered.size() : eol + 1);
  }
  return text;
}

std::vector<std::vector<std::size_t>> heading_paths(const Text& text) {
  std::vector<std::vector<std::size_t>> paths(text.blocks.size());
  std::vector<std::size_t> open;  // indices of open headings, shallowest first
  for (std::size_t i = 0; i < text.blocks.size(); ++i) {
    const Block& block = text.blocks[i];
    if (block.kind == BlockKind::heading) {
      while (!open.empty() && text.blocks[open.back()].level >= block.level) open.pop_back();
      open.push_back(i);
    }
    paths[i] = open;
  }
  return paths;
}

}  // namespace tosdiff
