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
  if (text.find_first_of(".,;:!?") != std::string_view::npos) return std::string_view::npos;
  return glued_labels(text).size() - 1;
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
