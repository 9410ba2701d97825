#include "tosdiff/extract/pdf_text.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "tosdiff/extract/line_labels.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// ---------------------------------------------------------------------------------------
// Poppler's diagnostics. By default poppler-cpp prints every syntax warning to stderr, which
// a run over many documents would fill. The hook is process-wide, so it is installed once;
// what it receives goes to the collector of the call running on the same thread (poppler
// reports synchronously, from inside the call that parses).

thread_local std::vector<std::string>* t_diagnostics = nullptr;

void collect_diagnostic(const std::string& message, void*) {
  if (t_diagnostics != nullptr && t_diagnostics->size() < 4) t_diagnostics->push_back(message);
}

class DiagnosticScope {
 public:
  DiagnosticScope() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(collect_diagnostic, nullptr); });
    previous_ = t_diagnostics;
    t_diagnostics = &messages_;
  }
  ~DiagnosticScope() { t_diagnostics = previous_; }
  DiagnosticScope(const DiagnosticScope&) = delete;
  DiagnosticScope& operator=(const DiagnosticScope&) = delete;
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
  std::vector<std::string>* previous_ = nullptr;
};

// ---------------------------------------------------------------------------------------
// Characters.

bool is_unicode_space(char32_t c) {
  return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool is_dropped(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

// Word processors write bullets in the Symbol and Wingdings fonts, whose glyphs map to the
// private use area; the shapes they stand for are what a reader sees.
std::optional<char32_t> private_use_bullet(char32_t c) {
  switch (c) {
    case 0xF0B7: return U'\u2022';  // Symbol bullet
    case 0xF0A7: return U'\u25AA';  // Wingdings small square
    case 0xF06E: return U'\u25A0';  // Wingdings black square
    case 0xF0D8: return U'\u27A2';  // Wingdings arrowhead
    case 0xF0FC: return U'\u2713';  // Wingdings check mark
    case 0xF076: return U'\u2756';  // Wingdings diamond
    case 0xF0A8: return U'\u25E6';  // Wingdings circle
    default: return std::nullopt;
  }
}

std::string_view ligature(char32_t c) {
  switch (c) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: return "st";
    case 0xFB06: return "st";
    default: return {};
  }
}

constexpr char kSoftHyphen[] = "\xC2\xAD";

// A word's text as clean UTF-8: surrogate pairs decoded (a lone surrogate becomes U+FFFD),
// controls and zero-width characters dropped, other spaces made ASCII, ligatures spelled
// out. A soft hyphen is kept only at the very end, where it marks a hyphenated line break.
std::string clean_utf8(const poppler::ustring& units) {
  std::string out;
  out.reserve(units.size());
  bool soft_hyphen_last = false;
  for (std::size_t i = 0; i < units.size(); ++i) {
    char32_t c = units[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (units[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    soft_hyphen_last = false;
    if (c == 0x00AD) {
      soft_hyphen_last = true;
      continue;
    }
    if (c == '\t' || is_unicode_space(c)) {
      out += ' ';
    } else if (is_dropped(c)) {
      continue;
    } else if (std::string_view lig = ligature(c); !lig.empty()) {
      out += lig;
    } else {
      append_utf8(out, private_use_bullet(c).value_or(c));
    }
  }
  if (soft_hyphen_last) out += kSoftHyphen;
  return out;
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

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string fold_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::size_t count_visible(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return c != ' '; }));
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

// Running header/footer identity: the text with every digit replaced, so "Page 3 of 12" and
// "Page 4 of 12", or a date that differs per page, compare equal.
std::string mask_digits(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= '0' && c <= '9') c = '#';
  return out;
}

// ---------------------------------------------------------------------------------------
// Layout.

struct Word {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // reading frame: x along the line, y down the page
  double size = 0;
  bool bold = false;
  bool space_after = false;
};

struct Line {
  std::vector<Word> words;
  std::string text;
  std::size_t page = 0;
  double x0 = 0, x1 = 0, top = 0, bottom = 0;  // bottom: of the main-size words, a baseline proxy
  double size = 0;                             // main font size (most characters), 0.5 pt steps
  bool bold = false;                           // (nearly) all characters bold
  bool dropped = false;                        // running header/footer or page number
  double column_right = 0;                     // measure_columns()
  double page_text_bottom = 0;                 // the lowest bottom of the page's kept lines
  double page_width = 0, page_height = 0;
};

struct PageFrame {
  double width = 0, height = 0;
};

double round_half(double v) { return std::round(v * 2.0) / 2.0; }

bool is_bold_font(std::string_view name) {
  // Subset fonts carry a "ABCDEF+" prefix; weights appear as "-Bold", ",Bold", "SemiBold",
  // "-Bd", "Black", "Heavy", "Demi".
  const std::size_t plus = name.find('+');
  const std::string lower = ascii_lower(plus == std::string_view::npos ? name : name.substr(plus + 1));
  return lower.find("bold") != std::string::npos || lower.find("black") != std::string::npos ||
         lower.find("heavy") != std::string::npos || lower.find("demi") != std::string::npos ||
         ends_with(lower, "-bd") || ends_with(lower, ",bd");
}

double vertical_overlap(const Word& a, const Word& b) {
  const double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  const double smaller = std::min(a.y1 - a.y0, b.y1 - b.y0);
  return smaller <= 0 ? 0 : overlap / smaller;
}

void finish_line(Line& line) {
  std::map<double, std::size_t> chars_by_size;
  std::size_t bold_chars = 0, chars = 0;
  for (const Word& w : line.words) {
    chars_by_size[round_half(w.size)] += w.text.size();
    chars += w.text.size();
    if (w.bold) bold_chars += w.text.size();
  }
  std::size_t best = 0;
  for (const auto& [size, count] : chars_by_size)
    if (count > best) best = count, line.size = size;  // ties: the smaller size
  line.bold = chars > 0 && bold_chars * 10 >= chars * 9;
  line.x0 = line.words.front().x0;
  line.x1 = line.words.front().x1;
  bool first_main = true;
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    const Word& w = line.words[i];
    line.x0 = std::min(line.x0, w.x0);
    line.x1 = std::max(line.x1, w.x1);
    if (round_half(w.size) == line.size) {
      line.top = first_main ? w.y0 : std::min(line.top, w.y0);
      line.bottom = first_main ? w.y1 : std::max(line.bottom, w.y1);
      first_main = false;
    }
    if (i > 0) {
      const Word& prev = line.words[i - 1];
      if (prev.space_after || w.x0 - prev.x1 > 0.15 * std::max(prev.size, w.size)) line.text += ' ';
    }
    line.text += w.text;
  }
  line.text = fold_spaces(line.text);
}

// Poppler gives words in reading order, one line after the other; a line ends where the next
// word does not sit on the same baseline to the right.
std::vector<Line> build_lines(std::vector<Word> words, std::size_t page) {
  std::vector<Line> lines;
  Line current;
  for (Word& w : words) {
    if (!current.words.empty()) {
      const Word& last = current.words.back();
      const bool same_line = vertical_overlap(last, w) >= 0.5 && w.x0 >= last.x1 - 0.5 * std::max(last.size, w.size);
      if (!same_line) {
        finish_line(current);
        lines.push_back(std::move(current));
        current = Line{};
      }
    }
    current.page = page;
    current.words.push_back(std::move(w));
  }
  if (!current.words.empty()) {
    finish_line(current);
    lines.push_back(std::move(current));
  }
  // A bullet poppler read as a block of its own (a column of bullets beside the items) goes
  // back in front of the line it stands beside.
  for (std::size_t m = 0; m < lines.size(); ++m) {
    if (!is_marker_only(lines[m].text)) continue;
    std::optional<std::size_t> best;
    for (std::size_t l = 0; l < lines.size(); ++l) {
      if (l == m || lines[l].text.empty() || is_marker_only(lines[l].text)) continue;
      const Line& M = lines[m];
      const Line& L = lines[l];
      const double overlap = std::min(M.bottom, L.bottom) - std::max(M.top, L.top);
      const double gap = L.x0 - M.x1;
      if (overlap < 0.5 * std::min(M.bottom - M.top, L.bottom - L.top) || gap < -1 || gap > 6 * L.size) continue;
      if (!best || L.x0 < lines[*best].x0) best = l;
    }
    if (!best) continue;
    Line& target = lines[*best];
    target.text = lines[m].text + " " + target.text;
    target.x0 = std::min(target.x0, lines[m].x0);
    target.words.insert(target.words.begin(), lines[m].words.begin(), lines[m].words.end());
    lines[m].text.clear();
  }
  lines.erase(std::remove_if(lines.begin(), lines.end(), [](const Line& l) { return l.text.empty(); }), lines.end());
  return lines;
}

// ---------------------------------------------------------------------------------------
// Running headers, footers and page numbers.

constexpr double kBand = 0.12;  // top and bottom bands: this fraction of the page's height

void drop_running_lines(std::vector<Line>& lines, const std::vector<PageFrame>& frames) {
  // Per page and side, the lines in the band from the page's edge inwards: a header is above
  // everything else, a footer below.
  struct Side {
    std::vector<std::size_t> band;    // edge first
    std::optional<std::size_t> body;  // the first line inward of the band
  };
  std::vector<Side> sides;
  std::size_t begin = 0;
  while (begin < lines.size()) {
    std::size_t end = begin;
    while (end < lines.size() && lines[end].page == lines[begin].page) ++end;
    const PageFrame& frame = frames[lines[begin].page];
    std::vector<std::size_t> order;
    for (std::size_t i = begin; i < end; ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return lines[a].top < lines[b].top; });
    Side top, bottom;
    std::size_t k = 0;
    for (; k < order.size() && lines[order[k]].bottom <= kBand * frame.height; ++k) top.band.push_back(order[k]);
    if (k < order.size()) top.body = order[k];
    k = order.size();
    for (; k > 0 && lines[order[k - 1]].top >= (1 - kBand) * frame.height; --k) bottom.band.push_back(order[k - 1]);
    if (k > 0) bottom.body = order[k - 1];
    sides.push_back(std::move(top));
    sides.push_back(std::move(bottom));
    begin = end;
  }

  // Repeated: the same text, digits aside, at the same height on enough pages.
  const std::size_t needed = std::max<std::size_t>(2, (frames.size() * 4 + 9) / 10);
  std::map<std::string, std::vector<std::size_t>> by_text;
  for (const Side& side : sides)
    for (std::size_t line : side.band) by_text[mask_digits(lines[line].text)].push_back(line);
  auto same_place = [&](std::size_t a, std::size_t b) {
    return std::abs(lines[a].top - lines[b].top) <= std::max(4.0, 0.5 * lines[a].size);
  };
  std::vector<bool> repeated(lines.size(), false);
  for (const auto& [text, group] : by_text) {
    for (std::size_t line : group) {
      std::vector<std::size_t> pages;
      for (std::size_t other : group)
        if (same_place(line, other)) pages.push_back(lines[other].page);
      std::sort(pages.begin(), pages.end());
      pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
      repeated[line] = pages.size() >= needed;
    }
  }

  // Furniture stands apart from the text: further from the next line inward than lines of
  // running text are from each other (or next to more furniture). A body line that happens to
  // repeat at the same place ("do not use the service." ending a paragraph at the top of two
  // pages) is followed closely by more body text, on most of the pages it is on.
  auto apart = [&](std::size_t line, const Line* neighbour) {
    return neighbour == nullptr ||
           std::abs(neighbour->bottom - lines[line].bottom) >= 2 * std::max(lines[line].size, neighbour->size);
  };
  std::vector<bool> detached(lines.size(), false);
  for (const Side& side : sides) {
    for (std::size_t k = 0; k < side.band.size(); ++k) {
      const std::optional<std::size_t> inward = k + 1 < side.band.size() ? std::optional(side.band[k + 1]) : side.body;
      detached[side.band[k]] = apart(side.band[k], inward ? &lines[*inward] : nullptr) || (inward && repeated[*inward]);
    }
  }
  std::vector<bool> furniture(lines.size(), false);
  for (const auto& [text, group] : by_text) {
    for (std::size_t line : group) {
      if (!repeated[line]) continue;
      std::size_t occurrences = 0, apart_ones = 0;
      for (std::size_t other : group) {
        if (!same_place(line, other)) continue;
        ++occurrences;
        if (detached[other]) ++apart_ones;
      }
      furniture[line] = apart_ones * 2 > occurrences;
    }
  }

  for (const Side& side : sides) {
    std::size_t marked = 0;
    while (marked < side.band.size() && (furniture[side.band[marked]] || is_page_number(lines[side.band[marked]].text)))
      ++marked;
    // The innermost line dropped must stand apart from the first line kept.
    while (marked > 0) {
      const std::optional<std::size_t> inward =
          marked < side.band.size() ? std::optional(side.band[marked]) : side.body;
      if (apart(side.band[marked - 1], inward ? &lines[*inward] : nullptr)) break;
      --marked;
    }
    for (std::size_t k = 0; k < marked; ++k) lines[side.band[k]].dropped = true;
  }
}

// ---------------------------------------------------------------------------------------
// Blocks.

struct DocumentStyle {
  double body_size = 0;
  bool body_bold = false;
  double pitch_ratio = 1.2;  // baseline-to-baseline distance within a paragraph / font size
  double text_bottom = 0;    // the lowest line's bottom on any page, headers/footers aside
};

DocumentStyle measure_style(const std::vector<Line>& lines) {
  DocumentStyle style;
  std::map<double, std::size_t> chars_by_size;
  for (const Line& l : lines) chars_by_size[l.size] += l.text.size();
  std::size_t best = 0;
  for (const auto& [size, count] : chars_by_size)
    if (count > best) best = count, style.body_size = size;
  std::size_t bold = 0, all = 0;
  for (const Line& l : lines) {
    style.text_bottom = std::max(style.text_bottom, l.bottom);
    if (l.size != style.body_size) continue;
    all += l.text.size();
    if (l.bold) bold += l.text.size();
  }
  style.body_bold = all > 0 && bold * 2 > all;
  // The baseline distance between body lines inside paragraphs.
  std::map<double, std::size_t> pitches;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const Line& a = lines[i - 1];
    const Line& b = lines[i];
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
void measure_columns(std::vector<Line>& lines, const DocumentStyle& style) {
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
      Line& l = lines[i];
      l.page_text_bottom = page_bottom;
      auto overlaps = [&](const Line& m) { return m.x0 < l.x1 && m.x1 > l.x0; };
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

bool ends_with_hyphen(std::string_view text) {
  if (ends_with(text, kSoftHyphen)) return true;
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

bool breaks_between(const Line& a, const Line& b, const BlockLines& block, const DocumentStyle& style) {
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
  } else if (a.bottom + 3 * style.pitch_ratio * a.size < std::max(style.text_bottom, (1 - 2 * kBand) * a.page_height)) {
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

// Lines joined into one text: a space between lines; after a letter and a hyphen, no space,
// and the hyphen removed when a lowercase letter follows (a word broken across the lines);
// a soft hyphen at a line end always removed.
std::string join_lines(const std::vector<std::size_t>& indices, const std::vector<Line>& lines) {
  std::string text;
  for (std::size_t i : indices) {
    const std::string& next = lines[i].text;
    if (text.empty()) {
      text = next;
      continue;
    }
    if (ends_with(text, kSoftHyphen)) {
      text.resize(text.size() - 2);
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
  for (std::size_t at = text.find(kSoftHyphen); at != std::string::npos; at = text.find(kSoftHyphen)) text.erase(at, 2);
  return fold_spaces(text);
}

struct Candidate {
  std::string text;
  std::size_t line_count = 0;
  double size = 0;
  bool bold = false;
  double x0 = 0;
  ListMarker marker;
  int section = 0;  // section_depth of a single short line, else 0
};

bool short_standalone(const Candidate& c) {
  return c.line_count == 1 && count_words(c.text) <= 12 && c.text.size() <= 120;
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

Text classify(std::vector<Candidate> blocks, const DocumentStyle& style) {
  const double heading_size = style.body_size * 1.08;
  std::vector<double> sizes;
  for (const Candidate& c : blocks)
    if (c.size >= heading_size && c.line_count <= 3 && c.text.size() <= 200 && c.marker.kind != ListMarkerKind::bullet)
      sizes.push_back(c.size);
  std::sort(sizes.begin(), sizes.end(), std::greater<>());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  const int base = static_cast<int>(sizes.size()) + 1;

  Text text;
  std::vector<double> list_indents;  // marker positions of the open list levels, shallowest first
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Candidate& c = blocks[i];
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

std::vector<Candidate> build_blocks(const std::vector<Line>& lines, const DocumentStyle& style) {
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
  std::vector<Candidate> blocks;
  for (const BlockLines& g : groups) {
    Candidate c;
    c.text = join_lines(g.lines, lines);
    if (c.text.empty()) continue;
    const Line& first = lines[g.lines.front()];
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

// ---------------------------------------------------------------------------------------
// Reading the pages.

struct Frame {
  int rotation = 0;  // poppler's: 0 left to right, 1 top to bottom, 2 right to left, 3 bottom to top
  double width = 0, height = 0;
};

// Coordinates of a word in the frame where its text runs left to right and lines go down.
void to_reading_frame(Word& w, const poppler::rectf& box, const Frame& f) {
  const double l = box.left(), t = box.top(), r = box.right(), b = box.bottom();
  switch (f.rotation) {
    case 1: w.x0 = t, w.x1 = b, w.y0 = f.width - r, w.y1 = f.width - l; break;
    case 2: w.x0 = f.width - r, w.x1 = f.width - l, w.y0 = f.height - b, w.y1 = f.height - t; break;
    case 3: w.x0 = f.height - b, w.x1 = f.height - t, w.y0 = l, w.y1 = r; break;
    default: w.x0 = l, w.x1 = r, w.y0 = t, w.y1 = b; break;
  }
}

struct PageWords {
  std::vector<Word> words;
  PageFrame frame;
  std::size_t bytes = 0;
};

PageWords read_page(const poppler::page& page) {
  PageWords out;
  const std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  // The page's main direction: the rotation most characters have. Words at another angle
  // (a vertical note in the margin, a watermark) are not part of the running text.
  std::array<std::size_t, 4> by_rotation{};
  for (const poppler::text_box& box : boxes)
    by_rotation[static_cast<std::size_t>(box.rotation() & 3)] += box.text().size();
  Frame frame;
  frame.rotation = static_cast<int>(std::max_element(by_rotation.begin(), by_rotation.end()) - by_rotation.begin());
  // text_list() works in the displayed page's space (the page's /Rotate applied).
  const poppler::rectf rect = page.page_rect(poppler::crop_box);
  const bool turned = page.orientation() == poppler::page::landscape || page.orientation() == poppler::page::seascape;
  frame.width = turned ? rect.height() : rect.width();
  frame.height = turned ? rect.width() : rect.height();
  const bool across = frame.rotation == 1 || frame.rotation == 3;
  out.frame.width = across ? frame.height : frame.width;
  out.frame.height = across ? frame.width : frame.height;

  for (const poppler::text_box& box : boxes) {
    if ((box.rotation() & 3) != frame.rotation) continue;
    Word w;
    w.text = clean_utf8(box.text());
    if (trim(w.text).empty()) continue;
    to_reading_frame(w, box.bbox(), frame);
    w.size = box.has_font_info() ? box.get_font_size() : (w.y1 - w.y0);
    w.bold = box.has_font_info() && is_bold_font(box.get_font_name());
    w.space_after = box.has_space_after();
    out.bytes += w.text.size() + 1;
    out.words.push_back(std::move(w));
  }
  return out;
}

}  // namespace

Result<Text> pdf_to_text(std::string_view pdf_bytes, const PdfOptions& options) {
  if (pdf_bytes.size() > static_cast<std::size_t>(INT_MAX)) return Error{ErrorKind::too_large, "the PDF is over 2 GiB"};
  if (pdf_bytes.empty()) return Error{ErrorKind::pdf_broken, "the PDF is empty (0 bytes)"};

  DiagnosticScope diagnostics;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf_bytes.data(), static_cast<int>(pdf_bytes.size())));
  if (!doc) {
    std::string message = "poppler cannot load the PDF";
    if (!diagnostics.messages().empty()) message += " (" + std::string(trim(diagnostics.messages().front())) + ")";
    return Error{ErrorKind::pdf_broken, message};
  }
  if (doc->is_locked()) return Error{ErrorKind::pdf_encrypted, "the PDF is encrypted and needs a password to open"};
  if (!doc->has_permission(poppler::perm_copy))
    return Error{ErrorKind::pdf_encrypted,
                 "the PDF's permissions forbid text extraction (copying is disabled by its owner password)"};

  const int page_count = doc->pages();
  if (page_count <= 0) return Error{ErrorKind::pdf_broken, "the PDF has no pages"};
  if (static_cast<std::size_t>(page_count) > options.max_pages)
    return Error{ErrorKind::too_large, "the PDF has " + std::to_string(page_count) + " pages, more than the limit of " +
                                  std::to_string(options.max_pages)};

  std::vector<Line> lines;
  std::vector<PageFrame> frames;
  std::size_t text_bytes = 0;
  for (int p = 0; p < page_count; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) {
      frames.push_back({});
      continue;
    }
    PageWords words = read_page(*page);
    text_bytes += words.bytes;
    if (text_bytes > options.max_text_bytes)
      return Error{ErrorKind::too_large,
                   "the PDF's text is over the limit of " + std::to_string(options.max_text_bytes) + " bytes"};
    frames.push_back(words.frame);
    for (Line& line : build_lines(std::move(words.words), static_cast<std::size_t>(p))) {
      line.page_width = words.frame.width;
      line.page_height = words.frame.height;
      lines.push_back(std::move(line));
    }
  }

  drop_running_lines(lines, frames);
  std::vector<Line> kept;
  for (Line& l : lines)
    if (!l.dropped) kept.push_back(std::move(l));
  const DocumentStyle style = measure_style(kept);
  measure_columns(kept, style);
  Text text = classify(build_blocks(kept, style), style);

  std::size_t visible = 0;
  for (const Block& b : text.blocks) visible += count_visible(b.text);
  if (visible < std::max<std::size_t>(16, 10 * static_cast<std::size_t>(page_count)))
    return Error{ErrorKind::pdf_no_text, "scanned or image-only PDF: no text layer; tosdiff does not OCR (" +
                                    std::to_string(page_count) + (page_count == 1 ? " page, " : " pages, ") +
                                    std::to_string(visible) + " characters of text)"};
  return text;
}

}  // namespace tosdiff
