#include "tosdiff/compare/page_end.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "tosdiff/compare/calls_to_action.hpp"
#include "tosdiff/compare/page_controls.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/model/copyright_line.hpp"
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
  if (block.kind != BlockKind::paragraph || count_space_separated_words(block.text) > kTitleMaxWords ||
      block.text.find_first_of("0123456789.,;:!?@/()") != std::string::npos)
    return false;
  const std::string title = ascii_lower(trim(block.text));
  return names_a_site_section(block.text) ||
         is_one_of(title, {"company", "resources", "discover", "explore", "about", "legal", "more", "our apps", "apps",
                           "products", "solutions", "information", "services", "follow us", "connect", "social", "learn",
                           "our company", "useful links", "quick links", "get in touch", "entreprise", "ressources",
                           "unternehmen", "empresa", "recursos", "azienda", "risorse", "bedrijf"});
}

bool is_address_or_contact_line(std::string_view line) {
  constexpr std::size_t kLineMaxWords = 14, kPartMaxWords = 5;
  const std::string_view text = trim(line);
  if (text.empty() || count_space_separated_words(text) > kLineMaxWords) return false;
  // "Email: ...", "Phone: ...", "Tel.: ...": the label, then an address or a number alone.
  if (const std::size_t colon = text.find(':'); colon != std::string_view::npos) {
    const std::string label = ascii_lower(trim(text.substr(0, colon)));
    const std::string_view value = trim(text.substr(colon + 1));
    if (!is_one_of(label, {"email", "e-mail", "mail", "phone", "tel", "tel.", "telephone", "fax", "t\xC3\xA9l\xC3\xA9phone",
                           "telefon", "tel\xC3\xA9" "fono", "telefono"}))
      return false;
    return !value.empty() && count_space_separated_words(value) <= 5 && value.find_first_of(";!?") == std::string_view::npos;
  }
  // An address: two parts or more set apart by commas, each a few words, every word opening
  // with a capital or a figure.
  if (text.find(',') == std::string_view::npos || text.find_first_of(";:!?") != std::string_view::npos) return false;
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view part = trim(rest.substr(0, comma));
    const std::vector<std::string> words = space_separated_words(part);
    if (words.empty() || words.size() > kPartMaxWords) return false;
    for (const std::string& word : words)
      if (!(word[0] >= 'A' && word[0] <= 'Z') && !is_ascii_digit(word[0]) && static_cast<unsigned char>(word[0]) < 0x80)
        return false;
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return true;
}

std::size_t closing_controls_start(const Text& text) {
  constexpr std::size_t kMostControls = 3;
  std::size_t i = text.blocks.size();
  while (i > 0 && text.blocks.size() - i < kMostControls && is_closing_control(text.blocks[i - 1])) --i;
  return i;
}

bool covers_a_whole_footer(const Hunk& hunk, const FooterRange& old_footer, const FooterRange& new_footer) {
  const auto covers = [](std::size_t start, std::size_t lines, const FooterRange& range) {
    return lines > 0 && start - 1 <= range.start && start - 1 + lines >= range.end;
  };
  const bool whole = (hunk.old_lines == 0 && covers(hunk.new_start, hunk.new_lines, new_footer)) ||
                     (hunk.new_lines == 0 && covers(hunk.old_start, hunk.old_lines, old_footer));
  return whole && std::any_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) {
           return is_copyright_text(parse_block(line.text).text, kCopyrightLineMaxWords);
         });
}

}  // namespace tosdiff
