#include "tosdiff/extract/hidden_elements.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <gumbo.h>

#include "tosdiff/extract/selector.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Paragraph-length text: a tooltip or a label is shorter.
constexpr std::size_t kSentenceBytes = 150;

enum class Judgement { keep, drop, by_share };

std::string lower_attribute(const GumboNode* element, const char* name) {
  const char* value = attribute(element, name);
  return value ? ascii_lower(value) : std::string();
}

// The words of id and class, split at anything that is not a letter: "c-modal__body" is
// "c", "modal", "body".
std::vector<std::string> name_words(const GumboNode* element) {
  std::vector<std::string> words;
  for (const char* name : {"id", "class"}) {
    std::string word;
    for (char c : lower_attribute(element, name) + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word += c;
      } else if (!word.empty()) {
        words.push_back(word);
        word.clear();
      }
    }
  }
  return words;
}

// Page furniture that hides itself when not in use: dialogs, menus, tooltips, listboxes,
// navigation, alerts, consent boxes. `by_name` says how it was told: only by a word of its id
// or class (its tag, role and aria-modal say nothing).
bool is_furniture(const GumboNode* element, bool* by_name = nullptr) {
  if (by_name) *by_name = false;
  switch (element->v.element.tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_MENU: case GUMBO_TAG_FORM: return true;
    case GUMBO_TAG_UNKNOWN:
      if (element_name(element) == "dialog") return true;
      break;
    default: break;
  }
  const std::string role = lower_attribute(element, "role");
  for (std::string_view r : {"dialog", "alertdialog", "menu", "menubar", "menuitem", "tooltip", "listbox",
                             "navigation", "search", "status", "alert", "banner"})
    if (role == r) return true;
  if (attribute(element, "aria-modal")) return true;
  for (const std::string& word : name_words(element)) {
    if (word.rfind("nav", 0) == 0 ||
        contains_any(word, {"menu", "modal", "dialog", "tooltip", "popover", "popup", "dropdown", "drawer",
                            "offcanvas", "toast", "flyout", "overlay", "lightbox", "snackbar", "cookie",
                            "consent"})) {
      if (by_name) *by_name = true;
      return true;
    }
  }
  return false;
}

// A name word that means an unfolding box as much as a widget: accordions call their panels
// "dropdown", "drawer", "flyout"... ("accordion-dropdown__content"). Against a toggle that
// names the element as the panel it opens, such a word does not make it furniture. Nor does
// "cookie" or "consent" on a panel holding a table: a cookie policy's categories fold their
// tables of cookies so (a red team's find: 0 of 20 cookies archived, an advertising cookie
// added unseen); a consent manager's own lists are in its dialog, dropped by its role.
bool named_like_a_fold(const FlatDocument& doc, std::uint32_t position) {
  bool holds_table = false;
  for (std::uint32_t i = position + 1; i < doc.end[position] && !holds_table; ++i)
    holds_table = doc.nodes[i]->type == GUMBO_NODE_ELEMENT && doc.nodes[i]->v.element.tag == GUMBO_TAG_TABLE;
  for (const std::string& word : name_words(doc.nodes[position])) {
    if (holds_table && contains_any(word, {"cookie", "consent"})) continue;
    if (contains_any(word, {"menu", "modal", "dialog", "tooltip", "cookie", "consent"}) || word.rfind("nav", 0) == 0)
      return false;
  }
  return true;
}

std::size_t trimmed_size(std::string_view text) { return trim(text).size(); }

// Bytes of text inside links in a subtree, and how many links.
std::pair<std::uint64_t, int> link_text(const FlatDocument& doc, const std::vector<std::uint64_t>& prefix,
                                        std::uint32_t position) {
  std::uint64_t bytes = 0;
  int links = 0;
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_A) {
      ++links;
      bytes += prefix[doc.end[i]] - prefix[i];
      i = doc.end[i] - 1;
    }
  }
  return {bytes, links};
}

// A box of links (3 or more, most of its text): a menu, whatever it is named.
bool is_link_box(const FlatDocument& doc, const std::vector<std::uint64_t>& prefix, std::uint32_t position) {
  auto [bytes, links] = link_text(doc, prefix, position);
  return links >= 3 && bytes * 10 >= (prefix[doc.end[position]] - prefix[position]) * 6;
}

bool is_collapsed_toggle(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  const char* expanded = attribute(node, "aria-expanded");
  return expanded && ascii_lower(trim(expanded)) == "false";
}

// The ids a disclosure toggle (aria-expanded, aria-controls) shows and hides.
std::vector<std::string> disclosed_ids(const FlatDocument& doc) {
  std::vector<std::string> ids;
  for (const GumboNode* node : doc.nodes) {
    if (node->type != GUMBO_NODE_ELEMENT || !attribute(node, "aria-expanded")) continue;
    const char* controls = attribute(node, "aria-controls");
    if (!controls) continue;
    std::string id;
    for (char c : std::string(controls) + " ") {
      if (!std::isspace(static_cast<unsigned char>(c))) {
        id += c;
      } else if (!id.empty()) {
        ids.push_back(id);
        id.clear();
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Two or more paragraphs of sentence length: the hidden part of a policy (a collapsed
// section), not a widget.
bool reads_as_prose(const FlatDocument& doc, std::uint32_t position) {
  int paragraphs = 0;
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (is_element(node) && is_never_text(node)) {
      i = doc.end[i] - 1;
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT && trimmed_size(node->v.text.text) >= kSentenceBytes && ++paragraphs >= 2)
      return true;
  }
  return false;
}

// Whether the page's tabs are links (`a[role=tab][href]`): each tab then opens a document of
// its own (a legal hub's Terms, Privacy, DPA), and a hidden panel is another document. Tabs
// that are buttons or items switch between parts of the same document (a docs page's "United
// States" and "European Union" clauses).
bool tabs_are_links(const FlatDocument& doc) {
  // And one panel is shown: with every panel hidden (a page caught before its script chose
  // one), the bulk of the page is kept as any hidden bulk is.
  const bool one_shown = std::any_of(doc.nodes.begin(), doc.nodes.end(), [](const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT && lower_attribute(node, "role") == "tabpanel" && !is_hidden(node);
  });
  if (!one_shown) return false;
  for (const GumboNode* node : doc.nodes) {
    if (node->type != GUMBO_NODE_ELEMENT || lower_attribute(node, "role") != "tab") continue;
    // "#eu": an anchor naming a panel of this page, a button in all but its tag (a review's
    // find: Bootstrap's tabs, whose hidden EU panel was dropped).
    const char* href = attribute(node, "href");
    const std::string_view target = href ? trim(href) : std::string_view();
    if (!target.empty() && target.front() != '#') return true;
  }
  return false;
}

// A box's toggle, told without ARIA: a button, or an element named as a fold's head ("zippy-title",
// "accordion-header", "faq-question", "toggle"). Scripts that fold a panel with display:none
// often mark nothing else (a red team's find: a search engine's policy folding one detail so).
bool looks_like_a_toggle(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag == GUMBO_TAG_HEADER) return false;  // the site's
  if (node->v.element.tag == GUMBO_TAG_BUTTON || lower_attribute(node, "role") == "button") {
    // One of two buttons or more is a choice (a vote's Yes and No, Share and Copy), and the box
    // after it the choice's answer (a review's find: a help centre's "Sorry about that!").
    const GumboNode* parent = node->parent;
    if (!parent || parent->type != GUMBO_NODE_ELEMENT) return true;
    int buttons = 0;
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned int k = 0; k < siblings.length; ++k) {
      const auto* sibling = static_cast<const GumboNode*>(siblings.data[k]);
      if (sibling->type == GUMBO_NODE_ELEMENT &&
          (sibling->v.element.tag == GUMBO_TAG_BUTTON || lower_attribute(sibling, "role") == "button"))
        ++buttons;
    }
    return buttons == 1;
  }
  for (const std::string& word : name_words(node))
    if (word == "title" || word == "toggle" || word == "trigger" || word == "question" || word == "header" ||
        word == "summary" || word == "toggler" || word == "expander")
      return true;
  return false;
}

// A sentence of a dozen words or so: a folded detail's text, not a button's label or a
// widget's message ("Link copied to clipboard").
constexpr std::size_t kDetailBytes = 60;

bool holds_a_sentence(const FlatDocument& doc, std::uint32_t position) {
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (is_element(node) && is_never_text(node)) {
      i = doc.end[i] - 1;
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT && trimmed_size(node->v.text.text) >= kDetailBytes) return true;
  }
  return false;
}

// The class without the words a script toggles to show one panel of a set ("active",
// "is-active", "show", "selected", "hidden"...).
std::string class_without_state(const GumboNode* element) {
  std::string out;
  const std::string classes = lower_attribute(element, "class");
  for (std::size_t start = 0; start < classes.size();) {
    std::size_t stop = classes.find(' ', start);
    if (stop == std::string::npos) stop = classes.size();
    const std::string_view token = std::string_view(classes).substr(start, stop - start);
    static constexpr std::string_view kStates[] = {"active", "is-active", "show", "shown", "selected", "is-selected",
                                                   "current", "open", "is-open", "visible", "hidden", "is-hidden",
                                                   "d-none", "d-block", "in", "collapse"};
    if (!token.empty() && std::find(std::begin(kStates), std::end(kStates), token) == std::end(kStates))
      (out += out.empty() ? "" : " ") += token;
    start = stop + 1;
  }
  return out;
}

// A panel of a set that a picker switches, one shown and the others hidden: a <select> a little
// before it, and a sibling of the same tag and class shown. Each panel
// binds some readers (a policy's clauses per region: a red team's find, an edit of the EU
// clauses unseen, and the server showing another region read as one removed and one added).
bool is_picked_panel(const FlatDocument& doc, std::uint32_t position) {
  const GumboNode* node = doc.nodes[position];
  const GumboNode* parent = node->parent;
  if (!parent || parent->type != GUMBO_NODE_ELEMENT) return false;
  const std::string kind = class_without_state(node);
  bool shown_twin = false;
  const GumboVector& siblings = parent->v.element.children;
  for (unsigned int k = 0; k < siblings.length && !shown_twin; ++k) {
    const auto* sibling = static_cast<const GumboNode*>(siblings.data[k]);
    shown_twin = sibling != node && sibling->type == GUMBO_NODE_ELEMENT &&
                 sibling->v.element.tag == node->v.element.tag && !is_hidden(sibling) &&
                 class_without_state(sibling) == kind;
  }
  if (!shown_twin) return false;
  constexpr std::uint32_t kPickerReach = 300;  // positions looked back for the picker
  for (std::uint32_t j = position; j-- > 0 && position - j <= kPickerReach;) {
    const GumboNode* before = doc.nodes[j];
    if (before->type != GUMBO_NODE_ELEMENT || doc.end[j] > position) continue;
    // A <select> only: radio buttons also rate an article, each answer's message hidden after
    // them (a review's find).
    if (before->v.element.tag == GUMBO_TAG_SELECT) return true;
  }
  return false;
}

class HiddenJudge {
 public:
  HiddenJudge(const FlatDocument& doc, const IntervalSet& scope, const std::vector<std::uint64_t>& prefix)
      : doc_(doc), scope_(scope), prefix_(prefix), disclosed_(disclosed_ids(doc)) {
    for (const Interval& iv : scope.intervals()) content_ += prefix[iv.end] - prefix[iv.begin];
  }

  std::vector<Interval> run() {
    // First the hidden elements that are not judged by their share alone; those that are
    // (by_share) are weighed together afterwards: many of them are content hidden by design.
    std::vector<std::uint32_t> by_share;
    scan(0, static_cast<std::uint32_t>(doc_.nodes.size()), &by_share);
    std::uint64_t shared = 0;
    for (std::uint32_t i : by_share) shared += text_of(i);
    hides_content_ = shared * 4 >= content_;
    for (std::uint32_t i : by_share) {
      if (keep_by_share(i)) scan(i + 1, doc_.end[i], nullptr);
      else dropped_.push_back({i, doc_.end[i]});
    }
    std::sort(dropped_.begin(), dropped_.end(), [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
    return std::move(dropped_);
  }

 private:
  std::uint64_t text_of(std::uint32_t i) const { return prefix_[doc_.end[i]] - prefix_[i]; }

  // The element is, or holds the start of, something selected (or found) as the content.
  bool holds_selection(std::uint32_t i) const {
    const auto& intervals = scope_.intervals();
    auto it = std::lower_bound(intervals.begin(), intervals.end(), i,
                               [](const Interval& iv, std::uint32_t pos) { return iv.begin < pos; });
    return it != intervals.end() && it->begin < doc_.end[i];
  }

  // A collapsed section: the panel a toggle with aria-expanded="false" opens, named by its
  // aria-controls or placed right after it (the toggle itself, or inside a heading there).
  bool is_collapsed_panel(std::uint32_t i) const {
    const GumboNode* node = doc_.nodes[i];
    if (const char* id = attribute(node, "id"); id && std::binary_search(disclosed_.begin(), disclosed_.end(), id))
      return true;
    const GumboNode* parent = node->parent;
    if (!parent || !is_element(parent)) return false;
    const GumboVector& siblings = parent->v.element.children;
    const GumboNode* previous = nullptr;
    for (unsigned int k = 0; k < siblings.length; ++k) {
      const auto* sibling = static_cast<const GumboNode*>(siblings.data[k]);
      if (sibling == node) break;
      if (sibling->type == GUMBO_NODE_ELEMENT) previous = sibling;
    }
    if (!previous) return false;
    if (is_collapsed_toggle(previous)) return true;
    // A toggle told without ARIA opens a panel of sentences, not a label or a menu.
    if (looks_like_a_toggle(previous) && holds_a_sentence(doc_, i)) return true;
    const GumboVector& inner = previous->v.element.children;
    for (unsigned int k = 0; k < inner.length; ++k)
      if (is_collapsed_toggle(static_cast<const GumboNode*>(inner.data[k]))) return true;
    return false;
  }

  Judgement judge(std::uint32_t i) const {
    if (holds_selection(i)) return Judgement::keep;
    // A tab's panel not shown: another document when the tabs are links to documents and
    // another panel is shown (a red team's find: a legal hub rendering every document, a whole
    // Terms added to the Privacy Policy, larger than it), else the same document's other part
    // (its clauses for another region), whatever its size.
    if (lower_attribute(doc_.nodes[i], "role") == "tabpanel") {
      // Read on the first hidden panel only: most pages have none, and every check reads a page
      // more than once.
      if (!tabs_are_links_) tabs_are_links_ = tabs_are_links(doc_);
      return *tabs_are_links_ ? Judgement::drop : Judgement::keep;
    }
    const std::uint64_t text = text_of(i);
    if (text * 2 > content_) return Judgement::keep;  // the bulk of the page
    bool by_name = false;
    const bool furniture = is_furniture(doc_.nodes[i], &by_name);
    // Part of the text, folded away: an accordion's panel, whatever hides it (hidden,
    // aria-hidden, visibility:hidden with height 0). Not a box of links, nor a dialog or menu by
    // its tag or role or name: a closed menu is named by its toggle's aria-controls too.
    if (holds_a_sentence(doc_, i) && is_picked_panel(doc_, i) && !is_link_box(doc_, prefix_, i)) return Judgement::keep;
    if (is_collapsed_panel(i) && !is_link_box(doc_, prefix_, i) &&
        (!furniture || (by_name && named_like_a_fold(doc_, i))))
      return Judgement::keep;
    if (furniture || is_link_box(doc_, prefix_, i)) return Judgement::drop;
    if (text < kTinyHiddenBytes) return Judgement::drop;
    return Judgement::by_share;
  }

  bool keep_by_share(std::uint32_t i) const {
    return hides_content_ || text_of(i) * 10 > content_ || reads_as_prose(doc_, i);
  }

  // Judges the hidden elements of [begin, end) inside the scope, outermost first; those to
  // weigh by share go to `by_share` when given, else are decided at once.
  void scan(std::uint32_t begin, std::uint32_t end, std::vector<std::uint32_t>* by_share) {
    for (std::uint32_t i = begin; i < end; ++i) {
      const GumboNode* node = doc_.nodes[i];
      if (!is_element(node)) continue;
      if (!scope_.overlaps(i, doc_.end[i]) || is_never_text(node)) {
        i = doc_.end[i] - 1;
        continue;
      }
      if (!is_hidden(node)) continue;
      Judgement j = judge(i);
      if (j == Judgement::keep) continue;  // its own hidden descendants are judged in turn
      if (j == Judgement::by_share && by_share) by_share->push_back(i);
      else if (j == Judgement::drop || !keep_by_share(i)) dropped_.push_back({i, doc_.end[i]});
      else scan(i + 1, doc_.end[i], nullptr);
      i = doc_.end[i] - 1;
    }
  }

  const FlatDocument& doc_;
  const IntervalSet& scope_;
  const std::vector<std::uint64_t>& prefix_;
  std::uint64_t content_ = 0;
  bool hides_content_ = false;
  std::vector<std::string> disclosed_;  // sorted
  mutable std::optional<bool> tabs_are_links_;
  std::vector<Interval> dropped_;
};

}  // namespace

std::vector<Interval> hidden_to_drop(const FlatDocument& doc, const IntervalSet& scope,
                                     const std::vector<std::uint64_t>& prefix) {
  return HiddenJudge(doc, scope, prefix).run();
}

}  // namespace tosdiff
