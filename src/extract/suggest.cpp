#include "tosdiff/extract/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "tosdiff/extract/boilerplate.hpp"
#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/interval_set.hpp"
#include "tosdiff/extract/main_content.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/extract/raw_text.hpp"
#include "tosdiff/extract/selector.hpp"

namespace tosdiff {
namespace {

// A CSS identifier written as is (no escape needed): what a person can read and type.
bool plain_ident(std::string_view s) {
  if (s.empty() || s.size() > 64 || std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

std::vector<std::string> classes_of(const GumboNode* element) {
  std::vector<std::string> out;
  const char* value = attribute(element, "class");
  if (!value) return out;
  std::string word;
  for (const char* p = value;; ++p) {
    if (*p == '\0' || std::isspace(static_cast<unsigned char>(*p))) {
      if (plain_ident(word) && std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
      word.clear();
      if (*p == '\0') break;
    } else {
      word += *p;
    }
  }
  return out;
}

class Page {
 public:
  explicit Page(const ParsedHtml& parsed) : parsed_(parsed), doc_(parsed.flat()) {
    for (std::uint32_t i = 0; i < doc_.nodes.size(); ++i) position_[doc_.nodes[i]] = i;
  }
  const FlatDocument& doc() const { return doc_; }

  // The elements `css` matches, as positions; nothing when it does not parse.
  std::vector<std::uint32_t> matches(const std::string& css) const {
    std::vector<std::uint32_t> out;
    auto selector = Selector::parse(css);
    if (!selector) return out;
    for (const GumboNode* node : select_all(parsed_.root(), *selector)) out.push_back(position_.at(node));
    return out;
  }
  bool unique(const std::string& css, std::uint32_t element) const {
    const auto found = matches(css);
    return found.size() == 1 && found.front() == element;
  }

  // A selector that names `element` alone, and what it names, readable first: its tag when
  // the page has one such, its id, role, a class; else a path of :nth-of-type steps from the
  // nearest ancestor that can be named so.
  std::pair<std::string, std::string> name(std::uint32_t element, int depth = 0) const {
    const GumboNode* node = doc_.nodes[element];
    const std::string tag = element_name(node);
    if ((tag == "main" || tag == "article" || tag == "body") && unique(tag, element)) return {tag, "the page's <" + tag + ">"};
    if (const char* id = attribute(node, "id"); id && plain_ident(id) && unique("#" + std::string(id), element))
      return {"#" + std::string(id), "the element with id \"" + std::string(id) + "\""};
    if (const char* role = attribute(node, "role"); role && std::string_view(role) == "main" && unique("[role=\"main\"]", element))
      return {"[role=\"main\"]", "the element of role main"};
    for (const std::string& cls : classes_of(node)) {
      if (unique(tag + "." + cls, element)) return {tag + "." + cls, "the <" + tag + "> of class \"" + cls + "\""};
    }
    const GumboNode* parent = node->parent;
    if (depth > 12 || !parent || !is_element(parent)) return {"body", "the page's <body>"};
    // The nth <tag> among its parent's children.
    std::size_t nth = 0;
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned int i = 0; i < siblings.length; ++i) {
      const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
      if (is_element(sibling) && element_name(sibling) == tag) ++nth;
      if (sibling == node) break;
    }
    auto [above, what] = name(position_.at(parent), depth + 1);
    const std::string css = above + " > " + tag + ":nth-of-type(" + std::to_string(nth) + ")";
    if (!unique(css, element)) return {"body", "the page's <body>"};
    return {css, "a <" + tag + "> inside " + what};
  }

  // The smallest element inside `root` that holds every piece of text not in `removed` (nor
  // in an element that is never text): what a narrower `select` can name.
  std::optional<std::uint32_t> text_holder(std::uint32_t root, const IntervalSet& removed) const {
    std::optional<std::uint32_t> first, last;
    for (std::uint32_t i = root + 1; i < doc_.end[root]; ++i) {
      const GumboNode* node = doc_.nodes[i];
      if (is_element(node)) {
        if (is_never_text(node) || is_hidden(node) || removed.covers(i, doc_.end[i])) i = doc_.end[i] - 1;
        continue;
      }
      if (node->type != GUMBO_NODE_TEXT) continue;
      const std::string_view text(node->v.text.text);
      if (text.find_first_not_of(" \t\r\n\f") == std::string_view::npos) continue;
      if (!first) first = i;
      last = i;
    }
    if (!first) return std::nullopt;
    for (const GumboNode* node = doc_.nodes[*first]; node; node = node->parent) {
      const auto it = position_.find(node);
      if (it == position_.end() || it->second <= root) break;
      if (is_element(node) && doc_.end[it->second] > *last) return it->second;
    }
    return root;
  }

  // Selectors for the furniture `removed` covers inside `root`: each outermost removed
  // element named by its id, a class, its role or (nav, header, footer, aside) its tag, when
  // that names nothing inside `root` but furniture; elements that cannot be named so are left out (the proposal then
  // may not agree, and says so).
  std::vector<std::string> removals(std::uint32_t root, const IntervalSet& removed) const {
    std::vector<std::string> out;
    auto furniture_only = [&](const std::string& css) {
      const auto found = matches(css);
      bool inside = false;
      for (std::uint32_t m : found) {
        if (m <= root || m >= doc_.end[root]) continue;
        inside = true;
        if (!removed.covers(m, doc_.end[m])) return false;
      }
      return inside;
    };
    for (std::uint32_t i = root + 1; i < doc_.end[root] && out.size() < kMaxRemoves; ++i) {
      const GumboNode* node = doc_.nodes[i];
      if (!is_element(node) || !removed.covers(i, doc_.end[i])) continue;
      std::vector<std::string> candidates;
      const std::string tag = element_name(node);
      if (const char* id = attribute(node, "id"); id && plain_ident(id)) candidates.push_back("#" + std::string(id));
      for (const std::string& cls : classes_of(node)) candidates.push_back("." + cls);
      if (const char* role = attribute(node, "role"); role && plain_ident(role))
        candidates.push_back("[role=\"" + std::string(role) + "\"]");
      // A tag alone only when it is furniture by nature: "a" or "div" would take the text's
      // own links and blocks the day the page has some.
      if (tag == "nav" || tag == "header" || tag == "footer" || tag == "aside") candidates.push_back(tag);
      for (const std::string& css : candidates) {
        if (!furniture_only(css)) continue;
        if (std::find(out.begin(), out.end(), css) == out.end()) out.push_back(css);
        break;
      }
      i = doc_.end[i] - 1;  // its subtree is furniture already
    }
    return out;
  }

 private:
  const ParsedHtml& parsed_;
  const FlatDocument& doc_;
  std::unordered_map<const GumboNode*, std::uint32_t> position_;
};

double word_agreement(const Text& a, const Text& b) {
  auto counts = [](const Text& text, std::size_t& total) {
    std::unordered_map<std::string, int> out;
    for (const Block& block : text.blocks) {
      std::string word;
      for (char c : block.text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
          word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
          ++out[word];
          ++total;
          word.clear();
        }
      }
    }
    return out;
  };
  std::size_t a_total = 0, b_total = 0, overlap = 0;
  const auto ca = counts(a, a_total), cb = counts(b, b_total);
  if (a_total == 0 || b_total == 0) return a_total == b_total ? 1 : 0;
  for (const auto& [word, n] : ca)
    if (auto it = cb.find(word); it != cb.end()) overlap += static_cast<std::size_t>(std::min(n, it->second));
  const double precision = static_cast<double>(overlap) / static_cast<double>(a_total);
  const double recall = static_cast<double>(overlap) / static_cast<double>(b_total);
  return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}

}  // namespace

Result<SelectorSuggestion> suggest_selectors(std::string_view html) {
  SelectorSuggestion out;
  // What tosdiff reads with no selector: the reference the proposal must reproduce.
  auto automatic = normalize(html, NormalizeOptions{});
  if (!automatic) return automatic.error();
  if (automatic->blocks.empty()) return Error{ErrorKind::empty, "the page has no text"};
  out.automatic = std::move(*automatic);

  // The same page, parsed as normalize() parses it, for the element it took.
  PruneStats stats;
  const std::string pruned = prune_raw_text(html, true, &stats);
  ParsedHtml parsed(pruned);
  parsed.set_positioned_classes(std::move(stats.positioned_classes));
  const Page page(parsed);
  const FlatDocument& doc = page.doc();
  const auto prefix = text_prefix_sums(doc);
  const std::uint32_t root = find_main_content(doc, prefix);
  std::tie(out.select.emplace_back(), out.why) = page.name(root);

  IntervalSet removed;
  // Hidden subtrees are not weighed here: the proposal is kept only when tosdiff's own reading
  // (which weighs them, hidden_elements.hpp) gives the same text.
  IntervalSet no_hidden;
  no_hidden.finish();
  remove_edge_furniture(doc, root, no_hidden, removed);
  const BoilerplateRules rules(true);
  for (std::uint32_t i = root + 1; i < doc.end[root]; ++i) {
    if (!is_element(doc.nodes[i]) || !rules.is_boilerplate(doc, i)) continue;
    removed.add(i, doc.end[i]);
    i = doc.end[i] - 1;
  }
  removed.finish();

  // The element tosdiff took, with its furniture removed; and, when it is larger than the
  // text (a whole <body> around a <div id="content">), the smallest element that holds all
  // the text left: a narrower select is easier to read and less affected by the rest of the
  // page. Whichever reproduces tosdiff's own text, the narrow one first.
  auto proposal = [&](std::uint32_t element) {
    SelectorSuggestion p;
    std::tie(p.select.emplace_back(), p.why) = page.name(element);
    p.remove = page.removals(element, removed);
    NormalizeOptions with;
    for (const std::string& css : p.select) with.select.emplace_back(css);
    for (const std::string& css : p.remove) with.remove.emplace_back(css);
    auto text = normalize(html, with);
    if (text) p.text = std::move(*text);
    p.agrees = text && render_text(p.text) == render_text(out.automatic);
    return p;
  };
  std::vector<std::uint32_t> candidates;
  // Only a narrower element with a name of its own (an id, a class...), not a path of
  // :nth-of-type steps, which any change of the page's layout breaks.
  if (auto narrow = page.text_holder(root, removed);
      narrow && *narrow != root && page.name(*narrow).first.find(" > ") == std::string::npos)
    candidates.push_back(*narrow);
  candidates.push_back(root);
  for (std::uint32_t element : candidates) {
    SelectorSuggestion p = proposal(element);
    const bool last = element == candidates.back();
    if (!p.agrees && !last) continue;
    p.automatic = std::move(out.automatic);
    p.agreement = p.agrees ? 1 : word_agreement(p.text, p.automatic);
    return p;
  }
  return out;
}

}  // namespace tosdiff
