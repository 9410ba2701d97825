#include "tosdiff/compare/navigation.hpp"

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinGlued = 5;
constexpr std::size_t kNavigationMaxWords = 80;

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
  mark_hunks_of_text_blocks(hunks, is_glued_navigation, "navigation");
}

}  // namespace tosdiff
