#include "tosdiff/extract/pdf_blocks.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "tosdiff/extract/pdf_running_lines.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// ---------------------------------------------------------------------------------------
// Characters.

// Not std::string::ends_with: with it, GCC 12 inlines join_lines() into build_blocks() and
// warns of a resize to a huge size (-Wstringop-overflow), which ends_with_hyphen() rules out.
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c;
  const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (s.size() < len) return 0xFFFD;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

// Lowercase letters of the scripts policies are written in; a locale would make the result
// depend on the machine.
bool is_lowercase_letter(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 1 ? c != 0x130 && c != 0x149 : c == 0x138;
  if (c >= 0x3AC && c <= 0x3CE) return true;  // Greek
  if (c >= 0x430 && c <= 0x45F) return true;  // Cyrillic
  return false;
}

bool is_letter_byte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return std::isalpha(u) != 0 || u >= 0x80;  // any non-ASCII byte: part of a letter, in practice
}


// ---------------------------------------------------------------------------------------
// Paragraph breaks.

bool ends_with_hyphen(std::string_view text) {
  if (ends_with(text, kPdfSoftHyphen)) return true;
  for (std::string_view h : {"-", "\u2010"}) {
    if (ends_with(text, h) && text.size() > h.size() && is_letter_byte(text[text.size() - h.size() - 1])) return true;
  }
  return false;
}

struct BlockLines {
  std::vector<std::size_t> lines;
  ListMarker marker;
  double x0 = 0;  // of its first line
};

bool breaks_between(const PdfLine& a, const PdfLine& b, const BlockLines& block, const PdfStyle& style) {
  const ListMarker b_marker = parse_list_marker(b.text);
  if (b_marker.kind == ListMarkerKind::bullet) return true;
  const double size = std::max(a.size, b.size);
  if (std::abs(a.size - b.size) > 0.1 * size) return true;
  if (a.bold != b.bold) return true;
  const bool next_column = a.page == b.page && b.bottom - a.bottom < 0.3 * size && b.x0 >= a.x1 - 1;
  if (next_column) {
    // Up the page and to the right: the next column. A paragraph runs on into it unless the
    // column ended early (balanced columns end together, near the page's last line).
    if (a.bottom + 3 * style.pitch_ratio * a.size < a.page_text_bottom) return true;
  } else if (a.page == b.page) {
    const double gap = b.bottom - a.bottom;
    if (gap < 0.3 * size) return true;  // back up the page, not to a column on the right
    if (gap > 1.3 * style.pitch_ratio * size) return true;
  } else if (a.bottom + 3 * style.pitch_ratio * a.size <
             std::max(style.text_bottom, (1 - 2 * kPdfRunningBand) * a.page_height)) {
    // The page ended early, by more than the line or two that widow and orphan control move:
    // a page break, not a paragraph running on. (A document too short to show where its
    // pages end is taken to fill at least three quarters of them.)
    return true;
  }
  const double tolerance = 0.5 * size;
  const bool a_is_first = block.lines.size() == 1;
  const double dx = next_column ? 0 : b.x0 - a.x0;
  if (dx > tolerance) {
    // A hanging list item continues further right; anything else indented starts anew, and
    // so does a marked line there (a nested item: its marker sits where the parent's text
    // starts, exactly as a continuation line would).
    if (!(a_is_first && block.marker.kind != ListMarkerKind::none) || b_marker.kind != ListMarkerKind::none)
      return true;
  } else if (dx < -tolerance) {
    // A paragraph's first-line indent, then its body at the margin.
    if (!(a_is_first && block.marker.kind == ListMarkerKind::none)) return true;
  } else if (block.marker.kind != ListMarkerKind::none && b_marker.kind == block.marker.kind &&
             std::abs(b.x0 - block.x0) <= tolerance) {
    return true;  // the next item of the same list
  }
  // The line ended early: the next line's first word would have fitted on it.
  if (!ends_with_hyphen(a.text) && !b.words.empty()) {
    const double first_word = b.words.front().x1 - b.words.front().x0;
    const double room = a.column_right - a.x1;
    if (room > first_word + 0.6 * size) return true;
  }
  return false;
}

// Whether a line opens with a conjunction or "to": after a line ending "first-", the hyphen
// is suspended ("first- and third-party", "short- to long-term", "Kurz- und Langzeit"), not a
// word broken in two (a red team's find: "firstand third-party" on a re-print).
bool opens_with_conjunction(std::string_view line) {
  for (std::string_view word :
       {"and", "or", "nor", "to", "und", "oder", "bzw.", "et", "ou", "y", "o", "e", "en", "of"}) {
    if (line.size() > word.size() && line.substr(0, word.size()) == word && line[word.size()] == ' ') return true;
    if (line == word) return true;
  }
  return false;
}

// Lines joined into one text: a space between lines; after a letter and a hyphen, no space,
// and the hyphen removed when a lowercase letter follows (a word broken across the lines),
// kept with a space before a conjunction (a suspended hyphen); a soft hyphen at a line end
// always removed.
std::string join_lines(const std::vector<std::size_t>& indices, const std::vector<PdfLine>& lines) {
  std::string text;
  for (std::size_t i : indices) {
    const std::string& next = lines[i].text;
    if (text.empty()) {
      text = next;
      continue;
    }
    if (ends_with(text, kPdfSoftHyphen)) {
      text.resize(text.size() - 2);
    } else if (ends_with_hyphen(text) && opens_with_conjunction(next)) {
      text += ' ';
    } else if (ends_with_hyphen(text) && is_lowercase_letter(first_code_point(next))) {
      text.resize(text.size() - (ends_with(text, "-") ? 1 : 3));
    } else if (!ends_with_hyphen(text)) {
      text += ' ';
    }
    // After a hyphen followed by a capital or a digit ("Franco-" + "German", "COVID-" +
    // "19"), the hyphen is part of the compound: kept, and no space added.
    text += next;
  }
  // A soft hyphen that ended up inside the text (the next line was empty of letters).
  for (std::size_t at = text.find(kPdfSoftHyphen); at != std::string::npos; at = text.find(kPdfSoftHyphen))
    text.erase(at, 2);
  return fold_spaces(text);
}

// ---------------------------------------------------------------------------------------
// Kinds.

bool short_standalone(const PdfBlock& c) {
  return c.line_count == 1 && count_space_separated_words(c.text) <= 12 && c.text.size() <= 120;
}

bool ends_like_sentence(std::string_view text, std::string_view marks) {
  return !text.empty() && marks.find(text.back()) != std::string_view::npos;
}

bool all_caps(std::string_view text) {
  std::size_t letters = 0;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) return false;  // can't tell case cheaply: not a caps line
    if (std::islower(u)) return false;
    if (std::isupper(u)) ++letters;
  }
  return letters >= 4;
}

}  // namespace

PdfStyle measure_style(const std::vector<PdfLine>& lines) {
  PdfStyle style;
  std::map<double, std::size_t> chars_by_size;
  for (const PdfLine& l : lines) chars_by_size[l.size] += l.text.size();
  std::size_t best = 0;
  for (const auto& [size, count] : chars_by_size)
    if (count > best) best = count, style.body_size = size;
  std::size_t bold = 0, all = 0;
  for (const PdfLine& l : lines) {
    style.text_bottom = std::max(style.text_bottom, l.bottom);
    if (l.size != style.body_size) continue;
    all += l.text.size();
    if (l.bold) bold += l.text.size();
  }
  style.body_bold = all > 0 && bold * 2 > all;
  // The baseline distance between body lines inside paragraphs.
  std::map<double, std::size_t> pitches;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const PdfLine& a = lines[i - 1];
    const PdfLine& b = lines[i];
    if (a.page != b.page || a.size != style.body_size || b.size != style.body_size) continue;
    const double gap = b.bottom - a.bottom;
    if (gap > 0.8 * style.body_size && gap < 3 * style.body_size) ++pitches[std::round(gap * 4) / 4];
  }
  // The smallest distance that is common (a quarter as common as the most common one): in a
  // text of many one-line paragraphs the paragraph spacing is the most common distance.
  best = 0;
  for (const auto& [pitch, count] : pitches) best = std::max(best, count);
  for (const auto& [pitch, count] : pitches) {
    if (count * 4 >= best && count >= std::min<std::size_t>(2, best)) {
      style.pitch_ratio = pitch / style.body_size;
      break;
    }
  }
  return style;
}

// Where a line could have reached: the right edge of the text around it. That is the furthest
// right of its neighbours in reading order (two either side, on the same page, horizontally
// overlapping it, within a few line spacings): local, so that a narrow box or an indented
// block has its own edge, not the page's. A line with no such neighbour gets the page's edge
// over the lines overlapping it, and in the rightmost column at least the left margin's
// mirror: a page of short lines does not show its right margin.
void measure_columns(std::vector<PdfLine>& lines, const PdfStyle& style) {
  std::size_t begin = 0;
  while (begin < lines.size()) {
    std::size_t end = begin;
    while (end < lines.size() && lines[end].page == lines[begin].page) ++end;
    double page_left = lines[begin].x0, page_bottom = 0;
    for (std::size_t i = begin; i < end; ++i) {
      page_left = std::min(page_left, lines[i].x0);
      page_bottom = std::max(page_bottom, lines[i].bottom);
    }
    const double symmetric_right = lines[begin].page_width - page_left;
    const bool many = end - begin > 2000;  // the page-wide search below is quadratic
    for (std::size_t i = begin; i < end; ++i) {
      PdfLine& l = lines[i];
      l.page_text_bottom = page_bottom;
      auto overlaps = [&](const PdfLine& m) { return m.x0 < l.x1 && m.x1 > l.x0; };
      l.column_right = l.x1;
      bool neighbours = false;
      const double reach = 2.5 * style.pitch_ratio * l.size;
      for (std::size_t j = i > begin + 2 ? i - 2 : begin; j < std::min(end, i + 3); ++j) {
        if (j == i || !overlaps(lines[j]) || std::abs(lines[j].bottom - l.bottom) > reach) continue;
        neighbours = true;
        l.column_right = std::max(l.column_right, lines[j].x1);
      }
      if (neighbours || many) continue;
      bool rightmost = true;
      for (std::size_t j = begin; j < end; ++j) {
        if (overlaps(lines[j])) l.column_right = std::max(l.column_right, lines[j].x1);
        if (lines[j].x0 >= l.x1) rightmost = false;
      }
      if (rightmost) l.column_right = std::max(l.column_right, symmetric_right);
    }
    begin = end;
  }
}

std::vector<PdfBlock> build_blocks(const std::vector<PdfLine>& lines, const PdfStyle& style) {
  std::vector<BlockLines> groups;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].dropped) continue;
    if (!groups.empty() && !breaks_between(lines[groups.back().lines.back()], lines[i], groups.back(), style)) {
      groups.back().lines.push_back(i);
      continue;
    }
    BlockLines group;
    group.lines.push_back(i);
    group.marker = parse_list_marker(lines[i].text);
    group.x0 = lines[i].x0;
    groups.push_back(std::move(group));
  }
  std::vector<PdfBlock> blocks;
  for (const BlockLines& g : groups) {
    PdfBlock c;
    c.text = join_lines(g.lines, lines);
    if (c.text.empty()) continue;
    const PdfLine& first = lines[g.lines.front()];
    c.line_count = g.lines.size();
    c.size = first.size;
    c.bold = first.bold;
    c.x0 = first.x0;
    c.marker = parse_list_marker(c.text);
    c.section = short_standalone(c) ? section_depth(c.text) : 0;
    blocks.push_back(std::move(c));
  }
  return blocks;
}

Text classify_blocks(std::vector<PdfBlock> blocks, const PdfStyle& style) {
  const double heading_size = style.body_size * 1.08;
  std::vector<double> sizes;
  for (const PdfBlock& c : blocks)
    if (c.size >= heading_size && c.line_count <= 3 && c.text.size() <= 200 && c.marker.kind != ListMarkerKind::bullet)
      sizes.push_back(c.size);
  std::sort(sizes.begin(), sizes.end(), std::greater<>());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  const int base = static_cast<int>(sizes.size()) + 1;

  Text text;
  std::vector<double> list_indents;  // marker positions of the open list levels, shallowest first
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const PdfBlock& c = blocks[i];
    Block block;
    block.text = c.text;
    int level = 0;
    if (c.size >= heading_size && c.line_count <= 3 && c.text.size() <= 200 &&
        c.marker.kind != ListMarkerKind::bullet) {
      level = static_cast<int>(std::find(sizes.begin(), sizes.end(), c.size) - sizes.begin()) + 1;
    } else if (short_standalone(c) && c.marker.kind != ListMarkerKind::bullet && !ends_like_sentence(c.text, ",;")) {
      // Numbered lines in a row are a list (a table of contents, "1. Name", "2. Email");
      // a numbered line between paragraphs is a section title.
      const bool in_a_row = c.section > 0 && ((i > 0 && blocks[i - 1].section == c.section) ||
                                              (i + 1 < blocks.size() && blocks[i + 1].section == c.section));
      if (c.section > 0 && !in_a_row && (!ends_like_sentence(c.text, ".") || c.bold)) {
        level = base + c.section - 1;
      } else if (c.bold && !style.body_bold && c.marker.kind == ListMarkerKind::none) {
        level = base;
      } else if (c.marker.kind == ListMarkerKind::none && all_caps(c.text) && !ends_like_sentence(c.text, ".")) {
        level = base;
      }
    }
    if (level > 0) {
      block.kind = BlockKind::heading;
      block.level = std::clamp(level, 1, 6);
      list_indents.clear();
      text.blocks.push_back(std::move(block));
      continue;
    }
    const double tolerance = 0.5 * std::max(c.size, 1.0);
    if (c.marker.kind != ListMarkerKind::none) {
      while (!list_indents.empty() && list_indents.back() > c.x0 + tolerance) list_indents.pop_back();
      if (list_indents.empty() || std::abs(list_indents.back() - c.x0) > tolerance) list_indents.push_back(c.x0);
      block.kind = BlockKind::list_item;
      block.level = static_cast<int>(list_indents.size()) - 1;
      if (c.marker.kind == ListMarkerKind::number) {
        block.marker = c.marker.number + ".";
        block.text = fold_spaces(std::string_view(c.text).substr(c.marker.length));
      } else if (c.marker.kind == ListMarkerKind::label) {
        block.marker = "-";  // "(a)" has no form in the text model: it stays in the text
      } else {
        block.marker = "-";
        block.text = fold_spaces(std::string_view(c.text).substr(c.marker.length));
      }
    } else if (!list_indents.empty() && c.x0 <= list_indents.front() + tolerance) {
      list_indents.clear();  // back at the list's margin: the list is over
    }
    text.blocks.push_back(std::move(block));
  }
  return text;
}

}  // namespace tosdiff
