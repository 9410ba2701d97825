#include "tosdiff/compare/navigation.hpp"

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinGlued = 5;
constexpr std::size_t kMinGluedOtherSide = 3;
constexpr std::size_t kNavigationMaxWords = 80;

// How many times a lower-case letter runs straight into a capital; npos when the text has
// sentence punctuation or is too long to be a line of links.
std::size_t glued_links(std::string_view text) {
  if (count_space_separated_words(text) > kNavigationMaxWords) return std::string_view::npos;
  std::size_t glued = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') return std::string_view::npos;
    if (i > 0 && c >= 'A' && c <= 'Z' && text[i - 1] >= 'a' && text[i - 1] <= 'z') ++glued;
  }
  return glued;
}

}  // namespace

bool is_glued_navigation(std::string_view text) {
  const std::size_t glued = glued_links(text);
  return glued != std::string_view::npos && glued >= kMinGlued;
}

void mark_navigation(std::vector<Hunk>& hunks) {
  // Every line a glued line of links, one of them plainly so: a link dropped from the line can
  // leave fewer than 5 glued places on the other side ("ParlerPlayTVBurstsParlerPay..." losing
  // "Pay").
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    bool all = true, plain = false;
    for (const LineOp& line : hunk.lines) {
      const Block block = parse_block(line.text);
      const std::size_t glued = block.kind == BlockKind::heading ? std::string_view::npos : glued_links(block.text);
      all = all && glued != std::string_view::npos && glued >= kMinGluedOtherSide;
      plain = plain || (glued != std::string_view::npos && glued >= kMinGlued);
    }
    if (all && plain) mark_cosmetic(hunk, "navigation");
  }
}

}  // namespace tosdiff
