#include "tosdiff/compare/navigation.hpp"

#include "tosdiff/model/text.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinGlued = 5;
constexpr std::size_t kNavigationMaxWords = 80;

bool is_navigation_line(const std::string& rendered) {
  const Text parsed = parse_text(rendered);
  return parsed.blocks.size() == 1 && parsed.blocks[0].kind != BlockKind::heading &&
         is_glued_navigation(parsed.blocks[0].text);
}

}  // namespace

bool is_glued_navigation(std::string_view text) {
  if (count_space_separated_words(text) > kNavigationMaxWords) return false;
  std::size_t glued = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') return false;
    if (i > 0 && c >= 'A' && c <= 'Z' && text[i - 1] >= 'a' && text[i - 1] <= 'z') ++glued;
  }
  return glued >= kMinGlued;
}

void mark_navigation(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    bool all = true;
    for (const LineOp& line : hunk.lines) all = all && is_navigation_line(line.text);
    if (!all) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"navigation"};
  }
}

}  // namespace tosdiff
