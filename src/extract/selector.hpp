#pragma once
// A CSS selector engine over gumbo's tree. No Debian library does this, so tosdiff carries
// its own. Supported (Selectors Level 3 subset, enough for Open Terms Archive declarations):
//   type, *, #id, .class, [a], [a=v], [a~=v], [a|=v], [a^=v], [a$=v], [a*=v]
//   (value quoted or bare, optional " i" flag for ASCII case-insensitive values),
//   descendant ( ), child (>), adjacent sibling (+), general sibling (~), selector lists (,),
//   :not(compound-or-list), :first-child, :last-child, :only-child, :nth-child(an+b|odd|even),
//   :nth-last-child(...), :first-of-type, :last-of-type, :empty,
//   and also :only-of-type, :nth-of-type(...), :nth-last-of-type(...).
// Identifiers may use CSS escapes, e.g. Tailwind's ".md\:flex" or ".w-1\/2". The end of the
// text closes an open string, '[' or '(' (CSS Syntax 3, as browsers and nwsapi do):
// "a[href^='https://example" is "a[href^='https://example']".
// Anything else (pseudo-elements, :hover, :has(), namespaces, ...) is a parse error that
// names the unsupported part: a declaration must never silently match nothing.
// Type selectors and attribute names match ASCII case-insensitively (HTML documents);
// class and id match case-sensitively. Tags gumbo does not know (GUMBO_TAG_UNKNOWN, e.g.
// <dialog>, <picture>, custom elements) are matched by their original tag name.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

#include "tosdiff/model/result.hpp"

namespace tosdiff {

class Selector {
 public:
  // Parses a selector list. On failure the Error has kind "selector" and a message such as
  // "unsupported pseudo-class ':hover' in 'a:hover'" or "unexpected ')' at offset 4 in '...'".
  static Result<Selector> parse(std::string_view text);

  // True when `element` (a GUMBO_NODE_ELEMENT or GUMBO_NODE_TEMPLATE) matches any selector of
  // the list. Non-element nodes never match.
  bool matches(const GumboNode* element) const;

  // The same selector with every class written with a build's hash (class_hashes.hpp:
  // ".footer--JPmRP55e") read by its stable part ("footer--" and any hash of that shape), or
  // nothing when it names no such class. For a declaration's selector that matched nothing
  // as written: the site rebuilt its styles. Classes inside :not() stay as written.
  std::optional<Selector> with_stable_class_names() const;

  // The source text, as given to parse().
  const std::string& text() const { return text_; }

  // Opaque compiled form; public only so the .cpp can define it without friends.
  struct Compiled;

  Selector(const Selector&);
  Selector& operator=(const Selector&);
  Selector(Selector&&) noexcept;
  Selector& operator=(Selector&&) noexcept;
  ~Selector();

 private:
  Selector() = default;
  std::string text_;
  std::unique_ptr<Compiled> compiled_;
};

// Every element in the subtree of `root` (root itself included) that matches, in document
// order. Descends into <template> contents as gumbo stores them (as children).
std::vector<const GumboNode*> select_all(const GumboNode* root, const Selector& selector);

// The tag name of an element, lowercase: gumbo's normalized name, or for GUMBO_TAG_UNKNOWN
// the name recovered from original_tag. Empty for non-elements.
std::string element_name(const GumboNode* element);

// The value of attribute `name` (lowercase) or nullptr.
const char* attribute(const GumboNode* element, const char* name);

}  // namespace tosdiff
