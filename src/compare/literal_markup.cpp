#include "tosdiff/compare/literal_markup.hpp"

#include <array>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// A tag's attributes run to its `>` within this many bytes (a pixel's URL with its query).
constexpr std::size_t kTagMaxBytes = 1000;

// Elements a page's markup uses around and inside text; a word in angle brackets that is
// none of them (`<Summary>` as a policy labels its summaries, `<name>` in an example) is text.
constexpr std::array<std::string_view, 44> kElements = {
    "a",     "abbr",  "article", "b",      "blockquote", "br",     "button", "center", "code",
    "div",   "em",    "font",    "footer", "form",       "h1",     "h2",     "h3",     "h4",
    "h5",    "h6",    "header",  "hr",     "i",          "iframe", "img",    "input",  "li",
    "link",  "meta",  "nav",     "noscript", "ol",       "p",      "script", "section", "small",
    "span",  "strong", "style",  "sup",    "table",      "td",     "tr",     "ul"};

// Elements that sit inside a word's run of text: dropping them parts nothing ("pri<b>vacy</b>").
constexpr std::array<std::string_view, 11> kInlineElements = {"a",    "abbr", "b",     "code",   "em", "font",
                                                              "i",    "small", "span", "strong", "sup"};

bool is_inline(std::string_view tag) {
  std::size_t start = tag.size() > 1 && tag[1] == '/' ? 2 : 1, end = start;
  while (end < tag.size() && ((tag[end] >= 'a' && tag[end] <= 'z') || is_ascii_digit(tag[end]))) ++end;
  for (std::string_view element : kInlineElements)
    if (tag.substr(start, end - start) == element) return true;
  return false;
}

bool is_element(std::string_view name) {
  for (std::string_view element : kElements)
    if (name == element) return true;
  return false;
}

// The length of the tag at i (s[i] == '<'), or 0.
std::size_t tag_at(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') ++j;
  const std::size_t name_start = j;
  while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || is_ascii_digit(s[j]))) ++j;
  if (j == name_start || !is_element(s.substr(name_start, j - name_start))) return 0;
  if (j >= s.size()) return 0;
  if (s[j] == '>') return j + 1 - i;
  if (s[j] == '/' && j + 1 < s.size() && s[j + 1] == '>') return j + 2 - i;
  if (!is_html_space(s[j])) return 0;  // "<ab" is no "<a" tag
  for (std::size_t k = j; k < s.size() && k - i <= kTagMaxBytes; ++k) {
    if (s[k] == '>') return k + 1 - i;
    if (s[k] == '<' || s[k] == '\n') return 0;
  }
  return 0;
}

}  // namespace

std::string drop_literal_tags(std::string_view s) {
  if (s.find('<') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  // Where a tag went, the spaces around it make one, or none at the text's ends; a block's tag
  // between two words parts them ("policy.<br>Your data"), an inline one does not.
  bool parted = false, dropped = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<')
      if (const std::size_t tag = tag_at(s, i)) {
        bool spaced = !is_inline(s.substr(i, tag));
        while (!out.empty() && is_html_space(out.back())) {
          out.pop_back();
          spaced = true;
        }
        parted = parted || spaced;
        dropped = true;
        i += tag - 1;
        continue;
      }
    if (dropped && is_html_space(s[i])) {
      parted = true;
      continue;
    }
    if (parted && !out.empty()) out += ' ';
    parted = dropped = false;
    out += s[i];
  }
  return out;
}

}  // namespace tosdiff
