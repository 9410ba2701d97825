#include "tosdiff/extract/pdf_lines.hpp"

#include <poppler/cpp/poppler-global.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "tosdiff/extract/line_labels.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

// ---------------------------------------------------------------------------------------
// Characters.

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
  if (soft_hyphen_last) out += kPdfSoftHyphen;
  return out;
}

// ---------------------------------------------------------------------------------------
// Lines.

double round_half(double v) { return std::round(v * 2.0) / 2.0; }

bool is_bold_font(std::string_view name) {
  // Subset fonts carry a "ABCDEF+" prefix; weights appear as "-Bold", ",Bold", "SemiBold",
  // "-Bd", "Black", "Heavy", "Demi".
  const std::size_t plus = name.find('+');
  const std::string lower = ascii_lower(plus == std::string_view::npos ? name : name.substr(plus + 1));
  return lower.find("bold") != std::string::npos || lower.find("black") != std::string::npos ||
         lower.find("heavy") != std::string::npos || lower.find("demi") != std::string::npos ||
         lower.ends_with("-bd") || lower.ends_with(",bd");
}

double vertical_overlap(const PdfWord& a, const PdfWord& b) {
  const double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  const double smaller = std::min(a.y1 - a.y0, b.y1 - b.y0);
  return smaller <= 0 ? 0 : overlap / smaller;
}

// Where a contents entry's leader starts ("4. Payment ........ 12", "Fees · · · · 7"), and its
// page number; npos when the line does not end so.
std::size_t leader_at(const std::string& text, long& page) {
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t number = end;
  while (number > 0 && std::isdigit(static_cast<unsigned char>(text[number - 1]))) --number;
  if (number == end || end - number > 4) return std::string::npos;
  std::size_t at = number, dots = 0;
  while (at > 0) {
    if (text[at - 1] == '.' || text[at - 1] == '_') {
      ++dots;
      --at;
    } else if (text[at - 1] == ' ') {
      --at;
    } else if (at >= 3 && text.compare(at - 3, 3, "\u2026") == 0) {
      dots += 3;
      at -= 3;
    } else if (at >= 2 && text.compare(at - 2, 2, "\u00B7") == 0) {
      ++dots;
      at -= 2;
    } else {
      break;
    }
  }
  if (dots < 4 || at == 0) return std::string::npos;
  page = std::stol(text.substr(number, end - number));
  return at;
}

void finish_line(PdfLine& line) {
  std::map<double, std::size_t> chars_by_size;
  std::size_t bold_chars = 0, chars = 0;
  for (const PdfWord& w : line.words) {
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
    const PdfWord& w = line.words[i];
    line.x0 = std::min(line.x0, w.x0);
    line.x1 = std::max(line.x1, w.x1);
    if (round_half(w.size) == line.size) {
      line.top = first_main ? w.y0 : std::min(line.top, w.y0);
      line.bottom = first_main ? w.y1 : std::max(line.bottom, w.y1);
      first_main = false;
    }
    if (i > 0) {
      const PdfWord& prev = line.words[i - 1];
      if (prev.space_after || w.x0 - prev.x1 > 0.15 * std::max(prev.size, w.size)) line.text += ' ';
    }
    line.text += w.text;
  }
  line.text = fold_spaces(line.text);
}

// ---------------------------------------------------------------------------------------
// Pages.

struct Frame {
  int rotation = 0;  // poppler's: 0 left to right, 1 top to bottom, 2 right to left, 3 bottom to top
  double width = 0, height = 0;
};

// Coordinates of a word in the frame where its text runs left to right and lines go down.
void to_reading_frame(PdfWord& w, const poppler::rectf& box, const Frame& f) {
  const double l = box.left(), t = box.top(), r = box.right(), b = box.bottom();
  switch (f.rotation) {
    case 1: w.x0 = t, w.x1 = b, w.y0 = f.width - r, w.y1 = f.width - l; break;
    case 2: w.x0 = f.width - r, w.x1 = f.width - l, w.y0 = f.height - b, w.y1 = f.height - t; break;
    case 3: w.x0 = f.height - b, w.x1 = f.height - t, w.y0 = l, w.y1 = r; break;
    default: w.x0 = l, w.x1 = r, w.y0 = t, w.y1 = b; break;
  }
}

// Letters set at a slant: a diagonal watermark ("DRAFT" across each page) comes out of poppler
// a letter at a time, each on a baseline of its own and among the text's words, and the
// letters land in the text wherever the layout puts them ("# T", "DefinitionsD": a red team's
// find, an alert on every re-print). Three or more one-letter words of one size, larger than
// the text's, each a step down and across from the next in line, are such a watermark; a
// drop cap stands alone, and the text's own letters share their line's baseline.
void drop_slanted_letters(std::vector<PdfWord>& words, std::size_t& bytes) {
  auto one_letter = [](const PdfWord& w) {
    const auto starts_a_character = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
    return std::count_if(w.text.begin(), w.text.end(), starts_a_character) == 1;
  };
  std::map<double, std::size_t> chars_by_size;
  for (const PdfWord& w : words) chars_by_size[round_half(w.size)] += w.text.size();
  double body = 0;
  std::size_t most = 0;
  for (const auto& [size, count] : chars_by_size)
    if (count > most) most = count, body = size;
  std::map<double, std::vector<std::size_t>> large_letters;  // by size
  for (std::size_t i = 0; i < words.size(); ++i)
    if (one_letter(words[i]) && words[i].size >= 1.5 * body) large_letters[round_half(words[i].size)].push_back(i);
  std::vector<bool> drop(words.size(), false);
  for (auto& [size, letters] : large_letters) {
    if (letters.size() < 3) continue;
    std::sort(letters.begin(), letters.end(), [&](std::size_t a, std::size_t b) { return words[a].x0 < words[b].x0; });
    bool slanted = true;
    int direction = 0;
    for (std::size_t k = 1; k < letters.size() && slanted; ++k) {
      const double dx = words[letters[k]].x0 - words[letters[k - 1]].x0;
      const double dy = words[letters[k]].y0 - words[letters[k - 1]].y0;
      const int down = dy > 0 ? 1 : -1;
      slanted = dx >= 0.2 * size && std::abs(dy) >= 0.2 * size && dx <= 1.5 * size && std::abs(dy) <= 1.5 * size &&
                (direction == 0 || direction == down);
      direction = down;
    }
    if (slanted)
      for (std::size_t i : letters) drop[i] = true;
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (drop[i]) {
      bytes -= words[i].text.size() + 1;
      continue;
    }
    if (out != i) words[out] = std::move(words[i]);
    ++out;
  }
  words.resize(out);
}

// Words put in reading order, line after line, each line left to right: poppler's order is
// the content stream's for text at another angle than the page's (a table printed sideways
// came out last row first). A word is on a line when its baseline is within a third of its
// size of the line's first word's.
void in_lines_order(std::vector<PdfWord>& words) {
  std::stable_sort(words.begin(), words.end(), [](const PdfWord& a, const PdfWord& b) { return a.y1 < b.y1; });
  std::vector<std::vector<PdfWord>> lines;
  for (PdfWord& w : words) {
    if (lines.empty() || w.y1 - lines.back().front().y1 > std::max(1.0, w.size / 3)) lines.emplace_back();
    lines.back().push_back(std::move(w));
  }
  words.clear();
  for (auto& line : lines) {
    std::stable_sort(line.begin(), line.end(), [](const PdfWord& a, const PdfWord& b) { return a.x0 < b.x0; });
    for (PdfWord& w : line) words.push_back(std::move(w));
  }
}

}  // namespace

std::vector<PdfPageWords> read_page(const poppler::page& page) {
  const std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  // The page's directions by the characters that run in each; the main one is read first.
  std::array<std::size_t, 4> by_rotation{};
  for (const poppler::text_box& box : boxes)
    by_rotation[static_cast<std::size_t>(box.rotation() & 3)] += box.text().size();
  std::array<int, 4> order = {0, 1, 2, 3};
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return by_rotation[static_cast<std::size_t>(a)] > by_rotation[static_cast<std::size_t>(b)];
  });
  // text_list() works in the displayed page's space (the page's /Rotate applied).
  const poppler::rectf rect = page.page_rect(poppler::crop_box);
  const bool turned = page.orientation() == poppler::page::landscape || page.orientation() == poppler::page::seascape;

  std::vector<PdfPageWords> out;
  for (int rotation : order) {
    if (by_rotation[static_cast<std::size_t>(rotation)] == 0) break;
    Frame frame;
    frame.rotation = rotation;
    frame.width = turned ? rect.height() : rect.width();
    frame.height = turned ? rect.width() : rect.height();
    const bool across = frame.rotation == 1 || frame.rotation == 3;
    PdfPageWords words;
    words.frame.width = across ? frame.height : frame.width;
    words.frame.height = across ? frame.width : frame.height;
    std::set<long> baselines;
    for (const poppler::text_box& box : boxes) {
      if ((box.rotation() & 3) != frame.rotation) continue;
      PdfWord w;
      w.text = clean_utf8(box.text());
      if (trim(w.text).empty()) continue;
      to_reading_frame(w, box.bbox(), frame);
      w.size = box.has_font_info() ? box.get_font_size() : (w.y1 - w.y0);
      w.bold = box.has_font_info() && is_bold_font(box.get_font_name());
      w.space_after = box.has_space_after();
      words.bytes += w.text.size() + 1;
      baselines.insert(std::lround(w.y1 / std::max(1.0, 0.5 * w.size)));
      words.words.push_back(std::move(w));
    }
    drop_slanted_letters(words.words, words.bytes);
    if (!out.empty()) in_lines_order(words.words);
    // Text at another angle than the page's main one is read in its own frame, after the
    // page's, when it is a block of text: a table printed sideways on a page of upright text
    // (a red team's find: its rows were dropped, and an edit in them went unseen). A line or
    // two (a note up the margin, a stamp) is not.
    if (!out.empty() && (baselines.size() < kPdfTurnedBlockLines || words.bytes < kPdfTurnedBlockBytes)) continue;
    if (!words.words.empty() || out.empty()) out.push_back(std::move(words));
  }
  if (out.empty()) {
    out.emplace_back();
    out.back().frame.width = turned ? rect.height() : rect.width();
    out.back().frame.height = turned ? rect.width() : rect.height();
  }
  return out;
}

// Poppler gives words in reading order, one line after the other; a line ends where the next
// word does not sit on the same baseline to the right.
std::vector<PdfLine> build_lines(std::vector<PdfWord> words, std::size_t page) {
  std::vector<PdfLine> lines;
  PdfLine current;
  for (PdfWord& w : words) {
    if (!current.words.empty()) {
      const PdfWord& last = current.words.back();
      const bool same_line = vertical_overlap(last, w) >= 0.5 && w.x0 >= last.x1 - 0.5 * std::max(last.size, w.size);
      if (!same_line) {
        finish_line(current);
        lines.push_back(std::move(current));
        current = PdfLine{};
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
      const PdfLine& M = lines[m];
      const PdfLine& L = lines[l];
      const double overlap = std::min(M.bottom, L.bottom) - std::max(M.top, L.top);
      const double gap = L.x0 - M.x1;
      if (overlap < 0.5 * std::min(M.bottom - M.top, L.bottom - L.top) || gap < -1 || gap > 6 * L.size) continue;
      if (!best || L.x0 < lines[*best].x0) best = l;
    }
    if (!best) continue;
    PdfLine& target = lines[*best];
    target.text = lines[m].text + " " + target.text;
    target.x0 = std::min(target.x0, lines[m].x0);
    target.words.insert(target.words.begin(), lines[m].words.begin(), lines[m].words.end());
    lines[m].text.clear();
  }
  lines.erase(std::remove_if(lines.begin(), lines.end(), [](const PdfLine& l) { return l.text.empty(); }), lines.end());
  return lines;
}

namespace {

// A line's words in lower case, letters and figures only, its numbering ("4.", "2.1", "(b)")
// left out: "4. Payment" and "Payment" read alike.
std::string entry_title_key(std::string_view text) {
  std::string key, word;
  bool first = true;
  auto flush = [&] {
    if (word.empty()) return;
    const bool numbering = first && (std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
                                     word.size() == 1);
    if (!numbering) (key += key.empty() ? "" : " ") += word;
    first = false;
    word.clear();
  };
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else if (c != '.' || word.empty() || !std::isdigit(static_cast<unsigned char>(word.back()))) {
      flush();
    }
  }
  flush();
  return key;
}

// Whether at least half of `titles` come again as lines after line `after`: the headings a
// table of contents lists. A fee schedule's names are not the document's headings.
bool titles_come_again(const std::vector<PdfLine>& lines, const std::vector<std::string>& titles, std::size_t after) {
  std::set<std::string> later;
  for (std::size_t i = after + 1; i < lines.size(); ++i) later.insert(entry_title_key(lines[i].text));
  std::size_t found = 0;
  for (const std::string& title : titles) found += !title.empty() && later.count(title) ? 1 : 0;
  return found * 2 >= titles.size() && found > 0;
}

// A line that is one page number and nothing else: "45".
long lone_number(const std::string& text) {
  const std::string_view t = trim(text);
  if (t.empty() || t.size() > 4 || !std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return -1;
  return std::stol(std::string(t));
}

}  // namespace

void drop_contents_page_numbers(std::vector<PdfLine>& lines, std::size_t page_count) {
  constexpr std::size_t kMinEntries = 3;
  struct Entry {
    std::size_t line, leader;
    long page;
    bool dotted = true;  // a leader of dots; else a wide gap, which a table's row has too
  };
  std::vector<Entry> run;  // the entries of the current contents run
  std::size_t gap = 0;     // lines since the run's last entry (an entry's title may wrap)
  auto close = [&] {
    bool rising = run.size() >= kMinEntries;
    bool pages = true;
    for (std::size_t k = 0; k < run.size() && rising; ++k) {
      rising = run[k].page >= 1 && (k == 0 || run[k].page >= run[k - 1].page);
      // A row of a table ("Minimum age      13") has a gap too: only titles said again tell.
      pages = pages && run[k].dotted && static_cast<std::size_t>(run[k].page) <= page_count;
    }
    // Pages of the document, or titles its headings say again: a contents page numbered as a
    // larger book is (an excerpt: "5. Retention ...... 53" in a 3-page file, a red team's find).
    if (rising && !pages) {
      std::vector<std::string> titles;
      for (const Entry& entry : run) titles.push_back(entry_title_key(lines[entry.line].text.substr(0, entry.leader)));
      rising = titles_come_again(lines, titles, run.back().line);
    }
    if (rising)
      for (const Entry& entry : run) lines[entry.line].text = fold_spaces(lines[entry.line].text.substr(0, entry.leader));
    run.clear();
  };
  // An entry with a wide gap before its number and no dots ("1. Introduction        45").
  constexpr double kGapSizes = 4;
  const auto gap_leader = [&](const PdfLine& line, long& page) -> std::size_t {
    if (line.words.size() < 2) return std::string::npos;
    const PdfWord& number = line.words.back();
    const PdfWord& before = line.words[line.words.size() - 2];
    const long value = lone_number(number.text);
    if (value < 1 || number.x0 - before.x1 < kGapSizes * std::max(number.size, 1.0)) return std::string::npos;
    const std::size_t space = line.text.rfind(' ');
    if (space == std::string::npos) return std::string::npos;
    page = value;
    return space;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    long page = 0;
    std::size_t leader = leader_at(lines[i].text, page);
    const bool dotted = leader != std::string::npos;
    if (!dotted) leader = gap_leader(lines[i], page);
    if (leader != std::string::npos) {
      run.push_back({i, leader, page, dotted});
      gap = 0;
    } else if (!run.empty() && ++gap > 1) {
      close();
    }
  }
  close();
  // The page numbers of a contents page read as a column of their own, after the titles (a
  // layout with no dots between them): as many lone numbers, rising, as the lines before them,
  // whose titles the document's headings say again.
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t end = i;
    long last = 0;
    while (end < lines.size() && lines[end].page == lines[i].page) {
      const long number = lone_number(lines[end].text);
      if (number < 1 || number < last) break;
      last = number;
      ++end;
    }
    const std::size_t count = end - i;
    if (count >= kMinEntries && i >= count) {
      std::vector<std::string> titles;
      for (std::size_t k = i - count; k < i; ++k) titles.push_back(entry_title_key(lines[k].text));
      const bool entries = std::none_of(titles.begin(), titles.end(), [](const std::string& t) { return t.empty(); });
      if (entries && titles_come_again(lines, titles, end - 1))
        for (std::size_t k = i; k < end; ++k) lines[k].dropped = true;
    }
    i = std::max(end, i + 1);
  }
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

}  // namespace tosdiff
