#include "tosdiff/compare/literal_markup.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "tosdiff/compare/hunk_blocks.hpp"
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

bool listed_in(std::string_view name, const auto& names) {
  for (std::string_view element : names)
    if (name == element) return true;
  return false;
}

// A tag written in the text: its length, and whether its element sits inside a run of text.
struct LiteralTag {
  std::size_t length = 0;
  bool inline_element = false;
};

// The tag at i (s[i] == '<'); length 0 when none.
LiteralTag tag_at(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') ++j;
  const std::size_t name_start = j;
  while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || is_ascii_digit(s[j]))) ++j;
  const std::string_view name = s.substr(name_start, j - name_start);
  if (name.empty() || !listed_in(name, kElements) || j >= s.size()) return {};
  const bool inline_element = listed_in(name, kInlineElements);
  if (s[j] == '>') return {j + 1 - i, inline_element};
  if (s[j] == '/' && j + 1 < s.size() && s[j + 1] == '>') return {j + 2 - i, inline_element};
  if (!is_html_space(s[j])) return {};  // "<ab" is no "<a" tag
  for (std::size_t k = j; k < s.size() && k - i <= kTagMaxBytes; ++k) {
    if (s[k] == '>') return {k + 1 - i, inline_element};
    if (s[k] == '<' || s[k] == '\n') return {};
  }
  return {};
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
      if (const LiteralTag tag = tag_at(s, i); tag.length > 0) {
        bool spaced = !tag.inline_element;
        while (!out.empty() && is_html_space(out.back())) {
          out.pop_back();
          spaced = true;
        }
        parted = parted || spaced;
        dropped = true;
        i += tag.length - 1;
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

namespace {

struct NamedReference {
  std::string_view name, text;
};

// The references pages write out by mistake; the quotes and dashes are read as the quotes
// step reads their characters.
constexpr NamedReference kNamedReferences[] = {
    {"quot", "\""},          {"amp", "&"},             {"apos", "'"},            {"nbsp", " "},
    {"lt", "<"},              {"gt", ">"},              {"rsquo", "\xE2\x80\x99"}, {"lsquo", "\xE2\x80\x98"},
    {"rdquo", "\xE2\x80\x9D"}, {"ldquo", "\xE2\x80\x9C"}, {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"},
    {"hellip", "\xE2\x80\xA6"}, {"laquo", "\xC2\xAB"},   {"raquo", "\xC2\xBB"},   {"copy", "\xC2\xA9"},
    {"reg", "\xC2\xAE"},       {"trade", "\xE2\x84\xA2"}, {"eacute", "\xC3\xA9"}, {"egrave", "\xC3\xA8"},
    {"agrave", "\xC3\xA0"},    {"ccedil", "\xC3\xA7"}};

// A numeric reference at i ("&#39;", "&#x2019;"): its length, and the code point; 0 if none.
std::size_t numeric_reference_at(std::string_view s, std::size_t i, std::uint32_t& code) {
  std::size_t j = i + 2;
  const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
  if (hex) ++j;
  code = 0;
  const std::size_t digits = j;
  while (j < s.size() && j - digits < 7) {
    const char c = s[j];
    int value = -1;
    if (is_ascii_digit(c)) value = c - '0';
    else if (hex && c >= 'a' && c <= 'f') value = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F') value = c - 'A' + 10;
    if (value < 0) break;
    code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(value);
    ++j;
  }
  if (j == digits || j >= s.size() || s[j] != ';' || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
    return 0;
  return j + 1 - i;
}

}  // namespace

std::string decode_literal_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::uint32_t code = 0;
    if (i + 2 < s.size() && s[i + 1] == '#')
      if (const std::size_t n = numeric_reference_at(s, i, code)) {
        append_utf8(out, code);
        i += n - 1;
        continue;
      }
    bool named = false;
    for (const NamedReference& reference : kNamedReferences) {
      if (s.compare(i + 1, reference.name.size(), reference.name) != 0) continue;
      const std::size_t end = i + 1 + reference.name.size();
      const bool closed = end < s.size() && s[end] == ';';
      // Without its semicolon only "&amp" (a page's doubled escaping), followed by no letter.
      if (!closed && (reference.name != "amp" || (end < s.size() && is_ascii_letter(s[end])))) continue;
      out += reference.text;
      i = closed ? end : end - 1;
      named = true;
      break;
    }
    if (!named) out += '&';
  }
  return out;
}

void mark_markup_only_blocks(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    const bool markup_only = std::all_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) {
      if (line.text.find('<') == std::string::npos) return false;
      const std::string words = decode_literal_entities(drop_literal_tags(line.text));
      return std::none_of(words.begin(), words.end(), [](char c) {
        return is_ascii_letter(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80;
      });
    });
    if (markup_only) mark_cosmetic(hunk, "markup");
  }
}

std::string drop_written_heading_marks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '#') {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && text[end] == '#') ++end;
    const std::size_t run = end - i;
    const bool word_ends = end == text.size() || text[end] == ' ';
    const char before = i == 0 ? ' ' : text[i - 1];
    const bool after_sentence = before == ' ' || before == '.' || before == ':' || before == ';' || before == '!' || before == '?';
    if (run >= 2 && run <= 6 && word_ends && after_sentence) {
      // The marks go; a word of their own takes its space with it ("## ### Title" is "Title"),
      // marks glued after a sentence leave the space that parts it from the heading.
      i = end;
      if (before == ' ' && i < text.size()) ++i;
      continue;
    }
    out.append(text.substr(i, run));
    i = end;
  }
  return out;
}

std::string drop_written_underlines(std::string_view text) {
  constexpr std::size_t kUnderlineMinRun = 3;
  // A table's cells ("Location | --- | Yes") are the table's: a dash there is a value.
  if (text.find('|') != std::string_view::npos) return std::string(text);
  std::string_view kept = text;
  while (!kept.empty() && kept.back() == ' ') kept.remove_suffix(1);
  const std::size_t space = kept.rfind(' ');
  if (space == std::string_view::npos) return std::string(text);  // a line that is only a rule: layout
  const std::string_view last = kept.substr(space + 1);
  const bool underline = last.size() >= kUnderlineMinRun && (last.find_first_not_of('=') == std::string_view::npos ||
                                                              last.find_first_not_of('-') == std::string_view::npos);
  if (!underline) return std::string(text);
  kept = kept.substr(0, space);
  while (!kept.empty() && kept.back() == ' ') kept.remove_suffix(1);
  return std::string(kept);
}

}  // namespace tosdiff
