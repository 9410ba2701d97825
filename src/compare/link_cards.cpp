#include "tosdiff/compare/link_cards.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kBrandMaxWords = 2;
constexpr std::size_t kMinNames = 2;

std::string without_spaces(std::string_view s) { return join(space_separated_words(s), ""); }

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

// A help site's name written without its spaces: "FacebookHelpCenter", "PrivacyCenter".
bool is_help_site_name(std::string_view name) {
  // Help and privacy centres only: "Lumenfield Family Center" or "Business Center" name products.
  std::string_view brand;
  bool site = false;
  for (std::string_view ending : {"HelpCenter", "HelpCentre", "PrivacyCenter", "PrivacyCentre"})
    if (name.ends_with(ending)) {
      brand = name.substr(0, name.size() - ending.size());
      site = true;
    }
  // The brand before it: capitalised words of letters only.
  return site && (brand.empty() || is_capital(brand.front())) &&
         std::all_of(brand.begin(), brand.end(), is_ascii_letter) &&
         static_cast<std::size_t>(std::count_if(brand.begin(), brand.end(), is_capital)) <= kBrandMaxWords;
}

// The last word of a run of words.
std::string_view last_word(std::string_view text) {
  text = trim(text);
  const std::size_t space = text.rfind(' ');
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

// One edit (`longer` has the name, `shorter` not, either may be glued to the words around it),
// with the words before and after the edit: the name is what `longer` has more, as one run of
// letters, and the next card's title follows it (glued or not) or nothing does. "with
// Lumenfield Privacy Center partners only" is a sentence.
bool only_a_help_site_name(std::string_view longer, std::string_view shorter, std::string_view word_before,
                           std::string_view word_after) {
  const std::string a = without_spaces(longer), b = without_spaces(shorter);
  if (a.size() <= b.size()) return false;
  std::size_t prefix = 0;
  while (prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
  if (prefix + suffix != b.size()) return false;
  // The name starts at a capital: the common prefix may have eaten a letter the two share.
  std::size_t start = prefix;
  while (start > 0 && !is_capital(a[start])) --start;
  const std::string name = a.substr(start, a.size() - suffix - start);
  if (!is_help_site_name(name)) return false;
  const std::string_view after = suffix > 0 ? std::string_view(a).substr(a.size() - suffix) : word_after;
  if (!after.empty() && !is_capital(after.front())) return false;
  // "visit the Privacy Center", "contact our Help Centre": the name in a sentence. The word
  // before it: in `longer`, the one ending where the name starts, else the edit's context.
  std::string_view before = word_before;
  std::size_t letters = 0;
  std::size_t word_start = 0;
  for (std::size_t i = 0; i < longer.size() && letters < start; ++i) {
    if (longer[i] == ' ') {
      word_start = i + 1;
      continue;
    }
    if (++letters == start) before = longer.substr(word_start, i + 1 - word_start);
  }
  // After a comma or a colon: an item of a list, a label's value ("- Web form, Lumenfield
  // Privacy Center", "- Access: Lumenfield Privacy Center").
  if (!before.empty() && (before.back() == ',' || before.back() == ':')) return false;
  const std::string lower = ascii_lower(before);
  return !is_one_of(lower, {"the", "our", "your", "to", "visit", "via", "contact", "in", "at", "from", "through", "a"});
}

// The first word of a run of words.
std::string_view first_word(std::string_view text) {
  text = trim(text);
  const std::size_t space = text.find(' ');
  return space == std::string_view::npos ? text : text.substr(0, space);
}

// How many help sites' names the hunk takes away or puts in, its only edits; 0 when it has
// other edits, or a block that is the name alone (a list item naming a product or a channel
// for one's rights: "- Lumenfield Privacy Center").
std::size_t help_site_names(const Hunk& hunk) {
  for (const LineOp& line : hunk.lines) {
    const Block block = parse_block(line.text);
    const std::string& text = block.text;
    const std::vector<std::string> words = space_separated_words(text);
    const bool capitalised = std::all_of(words.begin(), words.end(), [](const std::string& w) { return is_capital(w.front()); });
    if (words.size() <= kBrandMaxWords + 2 && capitalised && is_help_site_name(without_spaces(text))) return 0;
  }
  std::size_t names = 0;
  std::string_view context;
  for (std::size_t i = 0; i < hunk.words.size(); ++i) {
    const WordOp& op = hunk.words[i];
    if (op.op == '=') {
      context = last_word(op.text);
      continue;
    }
    std::string_view removed, added;
    if (op.op == '-') {
      removed = op.text;
      if (i + 1 < hunk.words.size() && hunk.words[i + 1].op == '+') added = hunk.words[++i].text;
    } else {
      added = op.text;
    }
    const std::string_view next = i + 1 < hunk.words.size() ? first_word(hunk.words[i + 1].text) : std::string_view();
    const bool ok = removed.size() > added.size() ? only_a_help_site_name(removed, added, context, next)
                                                  : only_a_help_site_name(added, removed, context, next);
    if (!ok) return 0;
    ++names;
  }
  return names;
}

}  // namespace

void mark_link_card_sources(std::vector<Hunk>& hunks) {
  // A redesign takes the label off every card: two names at least in the change.
  std::vector<std::size_t> names(hunks.size(), 0);
  std::size_t total = 0;
  for (std::size_t i = 0; i < hunks.size(); ++i)
    if (!hunks[i].cosmetic) total += names[i] = help_site_names(hunks[i]);
  if (total < kMinNames) return;
  for (std::size_t i = 0; i < hunks.size(); ++i)
    if (names[i] > 0) mark_cosmetic(hunks[i], "page_control");
}

}  // namespace tosdiff
