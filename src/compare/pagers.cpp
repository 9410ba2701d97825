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

// Both sides must be named, each by the pager's own word: "Prev", or a word for "article" with
// "previous" or "next" in the languages tosdiff reads ("Previous article", "Article suivant");
// a bare "Previous" or "Précédent" opens clauses ("Previous agreements with Next Insurance remain
// in force": a review's find). No sentence inside ("." or "!" before its end), no figure.
bool is_two_sided_pager(std::string_view block_text) {
  const std::string_view text = trim(block_text);
  if (text.empty() || text.back() == '.' || text.back() == ';' || text.back() == ':' || text.back() == '!') return false;
  if (text.find_first_of("0123456789%$") != std::string_view::npos || text.find("\xE2\x82\xAC") != std::string_view::npos ||
      text.find(". ") != std::string_view::npos || text.find("! ") != std::string_view::npos)
    return false;
  const std::vector<std::string> words = space_separated_words(text);
  // The pager's word at `at` ("Prev", "Previous article", "Vorheriger Artikel"): how many words
  // it takes, 0 when none is there.
  const auto pager_word = [&](std::size_t at, bool next) -> std::size_t {
    if (at >= words.size()) return 0;
    if (!next && words[at] == "Prev") return 1;
    if (next && words[at] == "Next" && (at + 1 >= words.size() || !is_one_of(words[at + 1], {"article", "Article"})))
      return 1;
    if (at + 1 >= words.size()) return 0;
    const std::string pair = words[at] + " " + words[at + 1];
    const bool found = next ? is_one_of(pair, {"Next article", "Next Article", "Article suivant", "N\xC3\xA4" "chster Artikel",
                                               "Art\xC3\xAD" "culo siguiente", "Articolo successivo", "Volgend artikel",
                                               "Pr\xC3\xB3ximo artigo"})
                            : is_one_of(pair, {"Previous article", "Previous Article", "Article pr\xC3\xA9" "c\xC3\xA9" "dent",
                                               "Vorheriger Artikel", "Art\xC3\xAD" "culo anterior", "Articolo precedente",
                                               "Vorig artikel", "Artigo anterior"});
    return found ? 2 : 0;
  };
  const std::size_t first = pager_word(0, false);
  if (first == 0) return false;
  for (std::size_t at = first + 1; at < words.size(); ++at) {
    const std::size_t next = pager_word(at, true);
    if (next == 0) continue;
    const std::size_t before_words = at - first, after_words = words.size() - at - next;
    if (before_words >= 1 && before_words <= kPagerSideTitleWords && after_words >= 1 && after_words <= kPagerSideTitleWords)
      return true;
  }
  return false;
}

}  // namespace tosdiff
