#include "tosdiff/compare/link_cards.hpp"

#include <string>
#include <string_view>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kBrandMaxWords = 2;

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

// A help site's name written without its spaces: "FacebookHelpCenter", "PrivacyCenter".
bool is_help_site_name(std::string_view name) {
  static constexpr std::string_view kKinds[] = {"Help", "Privacy", "Safety", "Transparency", "Accounts",
                                                "Family", "Business", "Support"};
  std::string_view rest;
  for (std::string_view ending : {"Center", "Centre"}) {
    if (name.size() <= ending.size() || name.substr(name.size() - ending.size()) != ending) continue;
    const std::string_view before = name.substr(0, name.size() - ending.size());
    for (std::string_view kind : kKinds)
      if (before.size() >= kind.size() && before.substr(before.size() - kind.size()) == kind)
        rest = before.substr(0, before.size() - kind.size()), name = "";
    if (name.empty()) break;
  }
  if (!name.empty()) return false;
  // The brand before it: capitalised words of letters only.
  std::size_t words = 0;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (is_capital(rest[i])) ++words;
    else if (!is_ascii_letter(rest[i]) || i == 0) return false;
  }
  return words <= kBrandMaxWords;
}

// The last word of a run of words.
std::string_view last_word(std::string_view text) {
  text = trim(text);
  const std::size_t space = text.rfind(' ');
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

// One edit (`longer` has the name, `shorter` not, either may be glued to the words around it),
// with the word before the edit: the name is what `longer` has more, as one run of letters.
bool only_a_help_site_name(std::string_view longer, std::string_view shorter, std::string_view word_before) {
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
  const std::string lower = ascii_lower(before);
  return !is_one_of(lower, {"the", "our", "your", "to", "visit", "via", "contact", "in", "at", "from", "through", "a"});
}

bool only_help_site_names(const Hunk& hunk) {
  bool any = false;
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
    const bool ok = removed.size() > added.size() ? only_a_help_site_name(removed, added, context)
                                                  : only_a_help_site_name(added, removed, context);
    if (!ok) return false;
    any = true;
  }
  return any;
}

}  // namespace

void mark_link_card_sources(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks)
    if (!hunk.cosmetic && only_help_site_names(hunk)) mark_cosmetic(hunk, "page_control");
}

}  // namespace tosdiff
