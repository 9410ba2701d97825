#pragma once
// Hunks judged by the blocks they are made of: the hunk-level kinds that mark page furniture
// (page_controls, navigation, document_head) read each line of a hunk back as its block and
// ask what it is.

#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {

// A hunk line whose block is not a heading and whose text `is` accepts.
template <class TextTest>
bool is_text_block(std::string_view rendered_line, TextTest is) {
  const Block block = parse_block(rendered_line);
  return block.kind != BlockKind::heading && is(block.text);
}

// A block's text as a label to look up: lower case (ASCII), trimmed, without a closing colon
// ("Related articles:", "Contact us").
inline std::string block_label(std::string_view text) {
  std::string label = ascii_lower(trim(text));
  while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
  return label;
}

inline void mark_cosmetic(Hunk& hunk, const char* kind) {
  hunk.cosmetic = true;
  hunk.cosmetic_kinds = {kind};
}

// Whether one side of a hunk (GNU style: 1-based start, or the line after which lines go in)
// lies within blocks [begin, end), 0-based.
inline bool side_within_blocks(std::size_t start, std::size_t lines, std::size_t begin, std::size_t end) {
  if (lines == 0) return start >= begin && start <= end;
  return start > begin && start + lines - 1 <= end;
}

// A block that announces what follows it: "We use these sub-processors:", "Annex:".
inline bool ends_with_colon(std::string_view text) {
  const std::string_view trimmed = trim(text);
  return !trimmed.empty() && trimmed.back() == ':';
}

// A label or a teaser cut short by the page, ending with "..." or "…": no sentence, however
// long ("Portefeuille rectangulaire...", "... penalties applied for Host cancella…").
inline bool ends_cut_short(std::string_view text) {
  const std::string_view end = trim(text);
  auto ends_with = [&](std::string_view tail) {
    return end.size() >= tail.size() && end.substr(end.size() - tail.size()) == tail;
  };
  return ends_with("...") || ends_with("\xE2\x80\xA6");
}

// A line of link labels the page's markup glued together, cut where a lower-case letter runs
// into a capital: "Contact UsHelp CenterSitemap" is "Contact Us", "Help Center", "Sitemap";
// "AboutCareersPress" is three labels. A line without such a place is one label.
inline std::vector<std::string_view> glued_labels(std::string_view text) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] >= 'A' && text[i] <= 'Z' && text[i - 1] >= 'a' && text[i - 1] <= 'z') {
      labels.push_back(text.substr(start, i - start));
      start = i;
    }
  }
  labels.push_back(text.substr(start));
  return labels;
}

}  // namespace tosdiff
