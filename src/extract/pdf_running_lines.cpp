#include "tosdiff/extract/pdf_running_lines.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "tosdiff/extract/line_labels.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Per page and side, the lines in the band from the page's edge inwards: a header is above
// everything else, a footer below.
struct Side {
  std::vector<std::size_t> band;    // edge first
  std::optional<std::size_t> body;  // the first line inward of the band
};

// Band lines by their text with the digits masked (mask_digits()).
using TextGroups = std::map<std::string, std::vector<std::size_t>>;

// Running header/footer identity: the text with every digit replaced, so "Page 3 of 12" and
// "Page 4 of 12", or a date that differs per page, compare equal.
std::string mask_digits(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= '0' && c <= '9') c = '#';
  return out;
}

// Two sides per page, top then bottom, in page order.
std::vector<Side> band_sides(const std::vector<PdfLine>& lines, const std::vector<PdfPageFrame>& frames) {
  std::vector<Side> sides;
  std::size_t begin = 0;
  while (begin < lines.size()) {
    std::size_t end = begin;
    while (end < lines.size() && lines[end].page == lines[begin].page) ++end;
    const PdfPageFrame& frame = frames[lines[begin].page];
    std::vector<std::size_t> order;
    for (std::size_t i = begin; i < end; ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return lines[a].top < lines[b].top; });
    Side top, bottom;
    std::size_t k = 0;
    for (; k < order.size() && lines[order[k]].bottom <= kPdfRunningBand * frame.height; ++k)
      top.band.push_back(order[k]);
    if (k < order.size()) top.body = order[k];
    k = order.size();
    for (; k > 0 && lines[order[k - 1]].top >= (1 - kPdfRunningBand) * frame.height; --k)
      bottom.band.push_back(order[k - 1]);
    if (k > 0) bottom.body = order[k - 1];
    sides.push_back(std::move(top));
    sides.push_back(std::move(bottom));
    begin = end;
  }
  return sides;
}

bool same_place(const PdfLine& a, const PdfLine& b) {
  return std::abs(a.top - b.top) <= std::max(4.0, 0.5 * a.size);
}

// Furniture stands apart from the text: further from the next line inward (`inward`; none
// when no line is further in) than lines of running text are from each other.
bool apart(const std::vector<PdfLine>& lines, std::size_t line, std::optional<std::size_t> inward) {
  if (!inward) return true;
  const PdfLine& a = lines[line];
  const PdfLine& b = lines[*inward];
  return std::abs(b.bottom - a.bottom) >= 2 * std::max(a.size, b.size);
}

// The line inward of a side's band line k: the next one in the band, or the first body line.
std::optional<std::size_t> inward_of(const Side& side, std::size_t k) {
  return k + 1 < side.band.size() ? std::optional(side.band[k + 1]) : side.body;
}

// Repeated: the same text, digits aside, at the same height on enough pages.
std::vector<bool> repeated_lines(const std::vector<PdfLine>& lines, const TextGroups& by_text, std::size_t needed) {
  std::vector<bool> repeated(lines.size(), false);
  for (const auto& [text, group] : by_text) {
    for (std::size_t line : group) {
      std::vector<std::size_t> pages;
      for (std::size_t other : group)
        if (same_place(lines[line], lines[other])) pages.push_back(lines[other].page);
      std::sort(pages.begin(), pages.end());
      pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
      repeated[line] = pages.size() >= needed;
    }
  }
  return repeated;
}

// Repeated lines that stand apart from the text (or next to more repeated lines) at most of
// their places. A body line that happens to repeat at the same place ("do not use the
// service." ending a paragraph at the top of two pages) is followed closely by more body
// text, on most of the pages it is on.
std::vector<bool> furniture_lines(const std::vector<PdfLine>& lines, const std::vector<Side>& sides,
                                  const TextGroups& by_text, const std::vector<bool>& repeated) {
  std::vector<bool> detached(lines.size(), false);
  for (const Side& side : sides) {
    for (std::size_t k = 0; k < side.band.size(); ++k) {
      const std::optional<std::size_t> inward = inward_of(side, k);
      detached[side.band[k]] = apart(lines, side.band[k], inward) || (inward && repeated[*inward]);
    }
  }
  std::vector<bool> furniture(lines.size(), false);
  for (const auto& [text, group] : by_text) {
    for (std::size_t line : group) {
      if (!repeated[line]) continue;
      std::size_t occurrences = 0, apart_ones = 0;
      for (std::size_t other : group) {
        if (!same_place(lines[line], lines[other])) continue;
        ++occurrences;
        if (detached[other]) ++apart_ones;
      }
      furniture[line] = apart_ones * 2 > occurrences;
    }
  }
  return furniture;
}

// Words a running line says beyond a moment and a place in the pages: a word of three letters
// or more that is no month, weekday, "page" or "am"/"pm" (bytes past ASCII are letters).
bool says_words(std::string_view text) {
  static const std::set<std::string, std::less<>> kMoments = {
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
      "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "mon",
      "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
      "sat", "saturday", "sun", "sunday", "page", "pages", "of"};
  std::string word;
  auto ends = [&] {
    const bool counts = word.size() >= 3 && kMoments.find(word) == kMoments.end();
    word.clear();
    return counts;
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || u >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else if (ends()) {
      return true;
    }
  }
  return ends();
}

// A copy's id in a running line ("DocuSign Envelope ID: 5A1B2C3D-0E4F-..."): a run of 16 or
// more hexadecimal digits and dashes. New with every copy signed or generated, not a word of
// the document's.
bool carries_an_id(std::string_view text) {
  std::size_t run = 0;
  bool digit = false;
  for (char c : text) {
    if (std::isxdigit(static_cast<unsigned char>(c)) || c == '-') {
      ++run;
      digit = digit || std::isdigit(static_cast<unsigned char>(c));
      if (run >= 16 && digit) return true;
    } else {
      run = 0;
      digit = false;
    }
  }
  return false;
}

// A band line's parts, where a wide gap parts its words: a book's running head, the current
// section's title on the left and the document's on the right.
std::vector<std::string> parts_of(const PdfLine& line) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    const PdfWord& word = line.words[i];
    if (i > 0 && word.x0 - line.words[i - 1].x1 > 3 * std::max(1.0, word.size)) parts.emplace_back();
    parts.back() += (parts.back().empty() ? "" : " ") + word.text;
  }
  for (std::string& part : parts) part = fold_spaces(part);
  return parts;
}

// Band lines of several parts that are furniture part by part: each part repeats on enough
// pages (digits aside), numbers the page, or says a line of the text again (the title of the
// section the page is in), one part at least repeats, and the line stands apart from the text.
// A red team's find: "2. Definitions   Northwind Terms of Service" read at the top of each page,
// moved by every re-flow. Each such line with its repeated parts (what it says of the
// document; the section's title is in the text).
std::map<std::size_t, std::vector<std::string>> composite_furniture(const std::vector<PdfLine>& lines,
                                                                    const std::vector<Side>& sides, std::size_t needed) {
  std::map<std::size_t, std::vector<std::string>> out;
  std::vector<bool> in_band(lines.size(), false);
  std::map<std::size_t, std::vector<std::string>> parts;  // band line -> its parts, when several
  std::map<std::string, std::set<std::size_t>> pages_of;  // masked part -> pages
  for (const Side& side : sides)
    for (std::size_t line : side.band) {
      in_band[line] = true;
      std::vector<std::string> split = parts_of(lines[line]);
      if (split.size() < 2) continue;
      for (const std::string& part : split) pages_of[mask_digits(part)].insert(lines[line].page);
      parts[line] = std::move(split);
    }
  if (parts.empty()) return out;
  std::set<std::string, std::less<>> text_lines;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (!in_band[i]) text_lines.insert(ascii_lower(lines[i].text));
  for (const Side& side : sides)
    for (std::size_t k = 0; k < side.band.size(); ++k) {
      const std::size_t line = side.band[k];
      const auto it = parts.find(line);
      if (it == parts.end() || !apart(lines, line, inward_of(side, k))) continue;
      bool all = true, one_repeats = false;
      for (const std::string& part : it->second) {
        const bool repeats = pages_of[mask_digits(part)].size() >= needed;
        one_repeats = one_repeats || repeats;
        all = all && (repeats || is_page_number(part) || text_lines.count(ascii_lower(part)) > 0);
      }
      if (!all || !one_repeats) continue;
      std::vector<std::string>& repeated = out[line];
      for (const std::string& part : it->second)
        if (pages_of[mask_digits(part)].size() >= needed && !is_page_number(part)) repeated.push_back(part);
    }
  return out;
}

}  // namespace

RunningLines drop_running_lines(std::vector<PdfLine>& lines, const std::vector<PdfPageFrame>& frames) {
  const std::vector<Side> sides = band_sides(lines, frames);
  const std::size_t needed = std::max<std::size_t>(2, (frames.size() * 4 + 9) / 10);
  TextGroups by_text;
  for (const Side& side : sides)
    for (std::size_t line : side.band) by_text[mask_digits(lines[line].text)].push_back(line);
  const std::vector<bool> repeated = repeated_lines(lines, by_text, needed);
  const std::vector<bool> furniture = furniture_lines(lines, sides, by_text, repeated);
  const std::map<std::size_t, std::vector<std::string>> composite = composite_furniture(lines, sides, needed);

  // Lines dropped as furniture, by their text as written, with where they were (head or foot).
  std::map<std::string, std::pair<std::size_t, bool>> dropped;  // text -> (times, in a head)
  std::map<std::string, std::size_t> first_seen;                  // text -> first line index
  for (std::size_t s = 0; s < sides.size(); ++s) {
    const Side& side = sides[s];
    std::size_t marked = 0;
    while (marked < side.band.size() && (furniture[side.band[marked]] || composite.count(side.band[marked]) ||
                                         is_page_number(lines[side.band[marked]].text)))
      ++marked;
    // The innermost line dropped must stand apart from the first line kept.
    while (marked > 0 && !apart(lines, side.band[marked - 1], inward_of(side, marked - 1))) --marked;
    for (std::size_t k = 0; k < marked; ++k) {
      PdfLine& line = lines[side.band[k]];
      line.dropped = true;
      if (is_page_number(line.text)) continue;
      const auto parts = composite.find(side.band[k]);
      for (const std::string& said : parts != composite.end() ? parts->second : std::vector<std::string>{line.text}) {
        auto& [times, head] = dropped[said];
        ++times;
        head = s % 2 == 0;
        first_seen.emplace(said, side.band[k]);
      }
    }
  }
  // What a running line says, once: its words are the document's (the date of effect a
  // header carries, a red team's find: a new date there went unseen), its repeats and its
  // place in the pages are not. Only a line written the same on every page it is on: one whose
  // numbers vary ("Page 3 of 12", a per-page stamp) is numbering, and stays out.
  RunningLines out;
  std::vector<std::pair<std::size_t, std::string>> kept;
  for (const auto& [text, where] : dropped) {
    // A composite line's part has no group of its own: its repeats were counted as parts.
    const auto group = by_text.find(mask_digits(text));
    const bool same_everywhere =
        group == by_text.end() || std::all_of(group->second.begin(), group->second.end(), [&](std::size_t line) {
          return !lines[line].dropped || lines[line].text == text;
        });
    if (where.first >= 2 && same_everywhere && says_words(text) && !carries_an_id(text)) kept.emplace_back(first_seen[text], text);
  }
  std::sort(kept.begin(), kept.end());
  for (auto& [line, text] : kept) (dropped[text].second ? out.heads : out.feet).push_back(std::move(text));
  return out;
}

}  // namespace tosdiff
