#include "tosdiff/extract/text_builder.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "tosdiff/util/pictographs.hpp"
#include "tosdiff/util/unicode_compose.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

// A heading's icons before its words ("📌 Data we collect", "✅ Types of cookies"): a design's,
// put in and taken out with a redesign (metamorphic bench: an alert on 41 of 64 pages). Where
// the words start: past the pictographs and the spaces between them (the text's size when it
// is only pictures).
std::size_t end_of_leading_pictographs(const std::string& text) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t next = at;
    const bool space = text[at] == ' ';
    if (!space && (static_cast<unsigned char>(text[at]) < 0xE2 || glyph_of(next_code_point(text, next)) == Glyph::other))
      break;
    at = space ? at + 1 : next;
  }
  return at;
}

// A heading without its icons; a heading that is only pictures keeps them.
std::string without_leading_pictographs(std::string text) {
  const std::size_t words = end_of_leading_pictographs(text);
  return words > 0 && words < text.size() ? text.substr(words) : text;
}

char32_t decode(std::string_view s) {
  auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[k]) & 0x3F); };
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (s.size() == 2) return (static_cast<char32_t>(c & 0x1F) << 6) | b(1);
  if (s.size() == 3) return (static_cast<char32_t>(c & 0x0F) << 12) | (b(1) << 6) | b(2);
  return (static_cast<char32_t>(c & 0x07) << 18) | (b(1) << 12) | (b(2) << 6) | b(3);
}

}  // namespace

void TextBuilder::append(std::string_view utf8) {
  const bool preserve_newlines = pre_depth_ > 0;
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      ++i;
      if (c == '\n' && preserve_newlines) {
        boundary();
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        pending_space_ = true;
      } else if (c >= 0x20 && c != 0x7F) {
        put(utf8.substr(i - 1, 1));
      }
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (i + len > utf8.size()) break;
    char32_t cp = decode(utf8.substr(i, len));
    if (is_unicode_space(cp)) {
      pending_space_ = true;
    } else if (!is_zero_width(cp) && !(cp >= 0x80 && cp < 0xA0)) {
      put(utf8.substr(i, len));
    }
    i += len;
  }
}

void TextBuilder::boundary() {
  if (cell_depth_ > 0) {
    pending_space_ = true;
    return;
  }
  flush();
}

void TextBuilder::enter(Frame& frame) {
  switch (frame.role) {
    case Role::heading:
    case Role::item:
    case Role::block:
    case Role::row:
      boundary();
      break;
    case Role::cell:
      ++cell_depth_;
      line_.clear();
      pending_space_ = false;
      break;
    case Role::pre:
      boundary();
      ++pre_depth_;
      break;
    case Role::link:
      // An empty link before this one may have written the space already.
      if (pending_space_ && !line_.empty() && line_.back() != ' ') line_ += ' ';
      pending_space_ = false;
      frame.link_start = line_.size();
      frame.link_flushes = flushes_;
      break;
    default:
      break;
  }
  frames_.push_back(&frame);
}

void TextBuilder::exit(Frame& frame) {
  switch (frame.role) {
    case Role::cell:
      --cell_depth_;
      if (Frame* row = innermost(Role::row)) row->cells.push_back(take_line());
      break;
    case Role::row:
      emit_row(frame);
      break;
    case Role::pre:
      boundary();
      --pre_depth_;
      break;
    case Role::link:
      close_link(frame);
      break;
    case Role::heading:
    case Role::item:
    case Role::block:
      boundary();
      break;
    default:
      break;
  }
  frames_.pop_back();
}

Text TextBuilder::finish() {
  flush();
  // A heading's icon in an element of its own reads as a heading line of pictures before the
  // heading's words (metamorphic bench: "✅" alone above "Types of cookies"): the icon goes
  // with the words' line, as it would inside it.
  auto& blocks = text_.blocks;
  for (std::size_t i = 0; i + 1 < blocks.size(); ++i) {
    const Block& icon = blocks[i];
    const Block& words = blocks[i + 1];
    if (icon.kind == BlockKind::heading && words.kind == BlockKind::heading && icon.level == words.level &&
        end_of_leading_pictographs(icon.text) == icon.text.size())
      blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return std::move(text_);
}

void TextBuilder::put(std::string_view bytes) {
  // A link's start may have written the space already (enter(Role::link)).
  if (pending_space_ && !line_.empty() && line_.back() != ' ') line_ += ' ';
  pending_space_ = false;
  line_ += bytes;
}

std::string TextBuilder::take_line() {
  std::string out = compose_canonical(std::move(line_));
  line_.clear();
  pending_space_ = false;
  return out;
}

Frame* TextBuilder::innermost(Role role) {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
    if ((*it)->role == role) return *it;
  return nullptr;
}

void TextBuilder::flush() {
  pending_space_ = false;
  if (line_.empty()) return;
  while (!line_.empty() && line_.back() == ' ') line_.pop_back();
  Block block;
  block.text = take_line();
  ++flushes_;
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    Frame& frame = **it;
    if (frame.role == Role::heading) {
      block.kind = BlockKind::heading;
      block.level = frame.level;
      block.text = without_leading_pictographs(std::move(block.text));
      break;
    }
    if (frame.role == Role::item) {
      if (!frame.marker_used) {
        block.kind = BlockKind::list_item;
        block.marker = frame.marker;
        block.level = frame.depth;
        frame.marker_used = true;
      }
      break;
    }
  }
  text_.blocks.push_back(std::move(block));
}

void TextBuilder::emit_row(Frame& row) {
  bool any = std::any_of(row.cells.begin(), row.cells.end(),
                         [](const std::string& cell) { return !cell.empty(); });
  if (!any) return;
  Block block;
  block.kind = BlockKind::table_row;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (i) block.text += " | ";
    block.text += row.cells[i];
  }
  ++flushes_;
  text_.blocks.push_back(std::move(block));
}

void TextBuilder::close_link(const Frame& link) {
  if (!options_.include_links || link.href.empty() || flushes_ != link.link_flushes ||
      line_.size() <= link.link_start)
    return;
  line_.insert(link.link_start, 1, '[');
  line_ += "](" + link.href + ")";
}

}  // namespace tosdiff
