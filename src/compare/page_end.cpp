#include "tosdiff/compare/page_end.hpp"

#include <string>

#include "tosdiff/compare/calls_to_action.hpp"
#include "tosdiff/compare/page_controls.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool is_closing_control(const Block& block) {
  return block.kind != BlockKind::heading &&
         (is_icon(block.text) || is_page_control_label(block.text) || is_call_to_action(block.text));
}

}  // namespace

bool is_column_title_line(const Block& block) {
  constexpr std::size_t kTitleMaxWords = 3;
  return block.kind == BlockKind::paragraph && count_space_separated_words(block.text) <= kTitleMaxWords &&
         block.text.find_first_of("0123456789.,;:!?@/()") == std::string::npos && !names_a_company_by_form(block.text);
}

std::size_t closing_controls_start(const Text& text) {
  constexpr std::size_t kMostControls = 3;
  std::size_t i = text.blocks.size();
  while (i > 0 && text.blocks.size() - i < kMostControls && is_closing_control(text.blocks[i - 1])) --i;
  return i;
}

}  // namespace tosdiff
