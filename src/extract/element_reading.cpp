#include "tosdiff/extract/element_reading.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "tosdiff/extract/selector.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {

// id, class, aria-label and data-*name*/data-testid/data-component attributes (site
// builders name their blocks there), lowercased, space-separated: what authors name
// furniture by.
std::string naming(const GumboNode* element) {
  std::string out;
  const GumboVector& attributes = element->v.element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
    std::string_view name(attr->name);
    bool naming_attribute = name == "id" || name == "class" || name == "aria-label" ||
                            (name.substr(0, 5) == "data-" &&
                             (name.find("name") != std::string_view::npos || name == "data-testid" ||
                              name == "data-component" || name == "data-section"));
    if (!naming_attribute) continue;
    out += ascii_lower(attr->value);
    out += ' ';
  }
  return out;
}

// Visible text length of a subtree (bytes), stopping early past `limit`.
std::size_t text_length(const FlatDocument& doc, std::uint32_t position, std::size_t limit) {
  std::size_t total = 0;
  for (std::uint32_t i = position + 1; i < doc.end[position] && total <= limit; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (is_element(node) && is_never_text(node)) {
      i = doc.end[i] - 1;
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT) total += node->v.text.original_text.length;
  }
  return total;
}

// The visible text of a small subtree, lowercased and whitespace-folded.
std::string small_text(const FlatDocument& doc, std::uint32_t position, std::size_t limit) {
  std::string out;
  for (std::uint32_t i = position + 1; i < doc.end[position] && out.size() <= limit; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type != GUMBO_NODE_TEXT) continue;
    for (const char* c = node->v.text.text; *c; ++c) {
      unsigned char u = static_cast<unsigned char>(*c);
      if (std::isspace(u)) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += static_cast<char>(std::tolower(u));
      }
    }
    if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool has_ancestor(const GumboNode* node, std::initializer_list<GumboTag> tags) {
  for (const GumboNode* p = node->parent; p && p->type == GUMBO_NODE_ELEMENT; p = p->parent)
    if (std::find(tags.begin(), tags.end(), p->v.element.tag) != tags.end()) return true;
  return false;
}

bool heading_level_of(const GumboNode* element) {
  GumboTag tag = element->v.element.tag;
  return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

std::string_view role_of(const GumboNode* element) {
  const char* role = attribute(element, "role");
  return role ? std::string_view(role) : std::string_view{};
}

bool has_word(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    bool start = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
    std::size_t after = at + word.size();
    bool end = after >= text.size() || !std::isalpha(static_cast<unsigned char>(text[after]));
    if (start && end) return true;
  }
  return false;
}

bool is_part_of_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_TBODY: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

bool is_screen_reader_text(std::string_view names) {
  static constexpr std::array<std::string_view, 12> words = {
      "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only",
      "screenreader", "a11y-hidden", "assistive-text", "hidden-visually", "element-invisible",
      "show-for-sr", "offscreen"};
  // Class tokens, so "sr-only" matches but "focus:not-sr-only" (shown on focus) matches too;
  // both are helper text.
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return names.find(w) != std::string_view::npos; });
}

}  // namespace tosdiff
