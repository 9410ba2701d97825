#include "tosdiff/compare/pagers.hpp"

#include <string>
#include <vector>

#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// A documentation site's pager names one page: a title of a few words, no sentence.
constexpr std::size_t kPagerTitleWords = 6;
// A help centre's names an article on each side; its titles run longer ("Do not share
// content depicting or promoting neglect, physical, or emotional abuse against minors").
constexpr std::size_t kPagerSideTitleWords = 20;

}  // namespace

bool is_pager(std::string_view block_text) {
  const std::string lower = ascii_lower(trim(block_text));
  static constexpr std::string_view kPagers[] = {
      "next:", "previous:", "next page:", "previous page:", "next article:", "previous article:", "suivant :",
      "suivant:", "pr\xC3\xA9" "c\xC3\xA9" "dent :", "pr\xC3\xA9" "c\xC3\xA9" "dent:", "weiter:", "zur\xC3\xBC" "ck:",
      "siguiente:", "anterior:", "successivo:", "precedente:", "volgende:", "vorige:", "pr\xC3\xB3ximo:"};
  for (std::string_view pager : kPagers) {
    if (lower.rfind(pager, 0) != 0) continue;
    const std::string_view title = trim(std::string_view(lower).substr(pager.size()));
    return !title.empty() && count_space_separated_words(title) <= kPagerTitleWords && title.back() != '.' &&
           title.back() != ';';
  }
  return false;
}

// Both sides must be named, or it is a clause opening with "Previous"; and no sentence ends
// it (".", ";", ":").
bool is_two_sided_pager(std::string_view block_text) {
  const std::string_view text = trim(block_text);
  if (text.empty() || text.back() == '.' || text.back() == ';' || text.back() == ':') return false;
  const std::vector<std::string> words = space_separated_words(text);
  if (words.size() < 4) return false;
  if (!is_one_of(words[0], {"Prev", "Previous", "Pr\xC3\xA9" "c\xC3\xA9" "dent", "Zur\xC3\xBC" "ck", "Anterior",
                            "Precedente", "Vorige"}))
    return false;
  const std::size_t first = is_one_of(words[1], {"article", "Article"}) ? 2 : 1;  // "Previous article ..."
  for (std::size_t at = first + 1; at + 1 < words.size(); ++at) {
    if (!is_one_of(words[at], {"Next", "Suivant", "Weiter", "Siguiente", "Successivo", "Pr\xC3\xB3ximo", "Volgende"}))
      continue;
    const std::size_t after = is_one_of(words[at + 1], {"article", "Article"}) ? at + 2 : at + 1;
    const std::size_t before_words = at - first, after_words = words.size() - after;
    if (before_words >= 1 && before_words <= kPagerSideTitleWords && after_words >= 1 &&
        after_words <= kPagerSideTitleWords)
      return true;
  }
  return false;
}

}  // namespace tosdiff
