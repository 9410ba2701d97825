#include "tosdiff/extract/selector_match.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "tosdiff/extract/css_chars.hpp"
#include "tosdiff/extract/selector.hpp"

// Besides the matcher, this file defines selector.hpp's tree queries (select_all,
// element_name, attribute): they share its tree helpers.

namespace tosdiff {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// Compares a NUL-terminated gumbo string with an already-lowercased needle without
// measuring or copying it first.
bool cstr_iequals_lower(const char* s, std::string_view lower) {
  if (s == nullptr) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (s[i] == '\0' || ascii_lower(s[i]) != lower[i]) return false;
  }
  return s[lower.size()] == '\0';
}

// ---------------------------------------------------------------------------------------
// Tree helpers.

bool is_element_node(const GumboNode* node) {
  return node != nullptr &&
         (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

const GumboVector* children_of(const GumboNode* node) {
  if (node == nullptr) return nullptr;
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT: return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: return &node->v.element.children;
    default: return nullptr;
  }
}

const GumboNode* child_at(const GumboVector& children, unsigned int i) {
  return static_cast<const GumboNode*>(children.data[i]);
}

// The tag name exactly as written in the source ("<My-Widget x=1>" gives "My-Widget"),
// viewed in place so matching an unknown tag allocates nothing.
std::string_view raw_tag_name(const GumboElement& element) {
  const char* data = element.original_tag.data;
  std::size_t length = element.original_tag.length;
  if (data == nullptr || length == 0) return {};
  std::size_t begin = 0;
  while (begin < length && (data[begin] == '<' || data[begin] == '/')) ++begin;
  std::size_t end = begin;
  while (end < length && !is_css_whitespace(static_cast<unsigned char>(data[end])) &&
         data[end] != '/' && data[end] != '>') {
    ++end;
  }
  return std::string_view(data + begin, end - begin);
}

bool same_type(const GumboNode* a, const GumboNode* b) {
  const GumboElement& ea = a->v.element;
  const GumboElement& eb = b->v.element;
  if (ea.tag != eb.tag || ea.tag_namespace != eb.tag_namespace) return false;
  return ea.tag != GUMBO_TAG_UNKNOWN || iequals(raw_tag_name(ea), raw_tag_name(eb));
}

// Index of `node` in its parent's children. gumbo maintains index_within_parent, but a
// caller-built or edited tree might not, so it is verified before being trusted.
bool locate(const GumboNode* node, const GumboVector*& siblings, unsigned int& index) {
  siblings = children_of(node->parent);
  if (siblings == nullptr) return false;
  index = static_cast<unsigned int>(node->index_within_parent);
  if (index < siblings->length && child_at(*siblings, index) == node) return true;
  for (index = 0; index < siblings->length; ++index) {
    if (child_at(*siblings, index) == node) return true;
  }
  return false;
}

const GumboNode* previous_element_sibling(const GumboNode* node) {
  const GumboVector* siblings = nullptr;
  unsigned int index = 0;
  if (!locate(node, siblings, index)) return nullptr;
  while (index > 0) {
    const GumboNode* candidate = child_at(*siblings, --index);
    if (is_element_node(candidate)) return candidate;
  }
  return nullptr;
}

const GumboNode* parent_element(const GumboNode* node) {
  return is_element_node(node->parent) ? node->parent : nullptr;
}

const GumboAttribute* find_attribute(const GumboElement& element, std::string_view lower_name) {
  const GumboVector& attributes = element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
    if (cstr_iequals_lower(attr->name, lower_name)) return attr;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------
// Matching.

bool chars_equal(char a, char b, bool ignore_case) {
  return ignore_case ? ascii_lower(a) == ascii_lower(b) : a == b;
}

bool text_equal(std::string_view a, std::string_view b, bool ignore_case) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!chars_equal(a[i], b[i], ignore_case)) return false;
  }
  return true;
}

bool text_contains(std::string_view haystack, std::string_view needle, bool ignore_case) {
  if (!ignore_case) return haystack.find(needle) != std::string_view::npos;
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (text_equal(haystack.substr(i, needle.size()), needle, true)) return true;
  }
  return false;
}

// Whitespace-separated token lists, as used by class and [a~=v]: whether one token passes.
template <typename Test>
bool any_token(std::string_view list, Test test) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_css_whitespace(static_cast<unsigned char>(list[i]))) ++i;
    std::size_t start = i;
    while (i < list.size() && !is_css_whitespace(static_cast<unsigned char>(list[i]))) ++i;
    if (i > start && test(list.substr(start, i - start))) return true;
  }
  return false;
}

bool has_token(std::string_view list, std::string_view token, bool ignore_case) {
  return any_token(list, [&](std::string_view t) { return text_equal(t, token, ignore_case); });
}

bool has_stem_token(std::string_view list, const ClassStem& stem) {
  return any_token(list, [&](std::string_view t) { return matches_stem(t, stem); });
}

bool attribute_matches(const GumboElement& element, const AttrTest& test) {
  const GumboAttribute* attr = find_attribute(element, test.name);
  if (attr == nullptr) return false;
  const std::string_view value = attr->value != nullptr ? attr->value : "";
  const std::string_view wanted = test.value;
  const bool icase = test.ignore_case;
  switch (test.op) {
    case AttrOp::kExists:
      return true;
    case AttrOp::kEquals:
      return text_equal(value, wanted, icase);
    case AttrOp::kIncludes:
      // A token can neither be empty nor contain whitespace, so such a value matches nothing.
      if (wanted.empty() || wanted.find_first_of(" \t\n\r\f") != std::string_view::npos) {
        return false;
      }
      return has_token(value, wanted, icase);
    case AttrOp::kDashMatch:
      if (value.size() == wanted.size()) return text_equal(value, wanted, icase);
      return value.size() > wanted.size() && value[wanted.size()] == '-' &&
             text_equal(value.substr(0, wanted.size()), wanted, icase);
    case AttrOp::kPrefix:
      return !wanted.empty() && value.size() >= wanted.size() &&
             text_equal(value.substr(0, wanted.size()), wanted, icase);
    case AttrOp::kSuffix:
      return !wanted.empty() && value.size() >= wanted.size() &&
             text_equal(value.substr(value.size() - wanted.size()), wanted, icase);
    case AttrOp::kSubstring:
      return !wanted.empty() && text_contains(value, wanted, icase);
  }
  return false;
}

bool type_matches(const Compound& compound, const GumboElement& element) {
  if (compound.tag == GUMBO_TAG_LAST) return true;
  if (element.tag != GUMBO_TAG_UNKNOWN) return element.tag == compound.tag;
  return iequals(raw_tag_name(element), compound.type_name);
}

bool nth_position_matches(std::int64_t a, std::int64_t b, std::int64_t position) {
  if (a == 0) return position == b;
  const std::int64_t diff = position - b;
  return diff % a == 0 && diff / a >= 0;
}

bool nth_matches(const NthTest& nth, const GumboNode* node) {
  // With a <= 0 no position above b can match, so counting siblings may stop there: this
  // keeps :first-child and friends cheap on long lists.
  const std::int64_t limit = nth.a > 0 ? kMaxNth * 2 : nth.b;
  if (limit < 1) return false;
  std::int64_t position = 1;
  const GumboVector* siblings = nullptr;
  unsigned int index = 0;
  if (locate(node, siblings, index)) {
    const unsigned int length = siblings->length;
    for (unsigned int i = index; position <= limit;) {
      if (nth.from_end) {
        if (++i >= length) break;
      } else {
        if (i == 0) break;
        --i;
      }
      const GumboNode* sibling = child_at(*siblings, i);
      if (is_element_node(sibling) && (!nth.of_type || same_type(sibling, node))) ++position;
    }
  }
  return position <= limit && nth_position_matches(nth.a, nth.b, position);
}

bool is_empty(const GumboNode* node) {
  const GumboVector& children = node->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    // Comments do not count as content; whitespace text does (Selectors 3, as browsers do).
    if (child_at(children, i)->type != GUMBO_NODE_COMMENT) return false;
  }
  return true;
}

bool compound_matches(const Compound& compound, const GumboNode* node) {
  const GumboElement& element = node->v.element;
  if (!type_matches(compound, element)) return false;
  if (!compound.ids.empty()) {
    const GumboAttribute* id = find_attribute(element, "id");
    if (id == nullptr || id->value == nullptr) return false;
    for (const std::string& wanted : compound.ids) {
      if (wanted != id->value) return false;
    }
  }
  if (!compound.classes.empty()) {
    const GumboAttribute* cls = find_attribute(element, "class");
    if (cls == nullptr || cls->value == nullptr) return false;
    for (const std::string& wanted : compound.classes) {
      if (!has_token(cls->value, wanted, false)) return false;
    }
  }
  if (!compound.class_stems.empty()) {
    const GumboAttribute* cls = find_attribute(element, "class");
    if (cls == nullptr || cls->value == nullptr) return false;
    for (const ClassStem& stem : compound.class_stems) {
      if (!has_stem_token(cls->value, stem)) return false;
    }
  }
  for (const AttrTest& test : compound.attrs) {
    if (!attribute_matches(element, test)) return false;
  }
  if (compound.empty && !is_empty(node)) return false;
  for (const NthTest& nth : compound.nths) {
    if (!nth_matches(nth, node)) return false;
  }
  for (const std::vector<Compound>& alternatives : compound.negations) {
    for (const Compound& alternative : alternatives) {
      if (compound_matches(alternative, node)) return false;
    }
  }
  return true;
}

// Outcomes of right-to-left matching, after Servo's selector matcher: a failure tells the
// callers which further candidates cannot help, so descendant chains on deep trees stay
// linear instead of retrying every ancestor combination.
enum class Match : std::uint8_t {
  kMatched,
  kRetryEarlierSibling,  // keep trying candidates of the nearest sibling/descendant combinator
  kRetryAncestor,        // only a descendant combinator further left can still help
  kNever,                // no candidate anywhere can help
};

const GumboNode* next_candidate(const GumboNode* node, Combinator combinator) {
  if (combinator == Combinator::kDescendant || combinator == Combinator::kChild) {
    return parent_element(node);
  }
  return previous_element_sibling(node);
}

Match match_from(const Complex& complex, std::size_t index, const GumboNode* node) {
  if (!compound_matches(complex.compounds[index], node)) return Match::kRetryEarlierSibling;
  if (index == 0) return Match::kMatched;
  const Combinator combinator = complex.combinators[index - 1];
  const bool sibling_combinator =
      combinator == Combinator::kAdjacent || combinator == Combinator::kSibling;
  const Match exhausted = sibling_combinator ? Match::kRetryAncestor : Match::kNever;
  for (const GumboNode* candidate = next_candidate(node, combinator); candidate != nullptr;
       candidate = next_candidate(candidate, combinator)) {
    const Match result = match_from(complex, index - 1, candidate);
    if (result == Match::kMatched || result == Match::kNever ||
        combinator == Combinator::kAdjacent) {
      return result;
    }
    if (combinator == Combinator::kChild) return Match::kRetryAncestor;
    if (combinator == Combinator::kSibling && result == Match::kRetryAncestor) return result;
  }
  return exhausted;
}

}  // namespace

bool matches_any(const std::vector<Complex>& list, const GumboNode* node) {
  if (!is_element_node(node)) return false;
  for (const Complex& complex : list) {
    if (match_from(complex, complex.compounds.size() - 1, node) == Match::kMatched) {
      return true;
    }
  }
  return false;
}

std::vector<const GumboNode*> select_all(const GumboNode* root, const Selector& selector) {
  std::vector<const GumboNode*> found;
  if (root == nullptr) return found;
  // Explicit stack of (parent, next child index): pages can nest thousands of levels deep.
  std::vector<std::pair<const GumboNode*, unsigned int>> stack;
  if (selector.matches(root)) found.push_back(root);
  if (children_of(root) != nullptr) stack.emplace_back(root, 0);
  while (!stack.empty()) {
    auto& [parent, next] = stack.back();
    const GumboVector& children = *children_of(parent);
    if (next >= children.length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* child = child_at(children, next++);
    if (!is_element_node(child)) continue;
    if (selector.matches(child)) found.push_back(child);
    stack.emplace_back(child, 0);  // invalidates parent/next; they are not used again
  }
  return found;
}

std::string element_name(const GumboNode* element) {
  if (!is_element_node(element)) return {};
  const GumboElement& e = element->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return ascii_lowered(gumbo_normalized_tagname(e.tag));
  return ascii_lowered(raw_tag_name(e));
}

const char* attribute(const GumboNode* element, const char* name) {
  if (!is_element_node(element) || name == nullptr) return nullptr;
  const GumboVector& attributes = element->v.element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
    if (attr->name != nullptr && iequals(attr->name, name)) return attr->value;
  }
  return nullptr;
}

}  // namespace tosdiff
