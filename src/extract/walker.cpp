#include "tosdiff/extract/walker.hpp"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include <gumbo.h>

#include "tosdiff/extract/email_protection.hpp"
#include "tosdiff/extract/selector.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/extract/text_builder.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

int heading_level(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: break;
  }
  const char* role = attribute(node, "role");
  if (role && std::string_view(role) == "heading") {
    const char* level = attribute(node, "aria-level");
    int parsed = level ? std::atoi(level) : 2;
    return std::clamp(parsed, 1, 6);
  }
  return 0;
}

// A table that lays out a page rather than holding data: cells with headings or nested
// tables, or a single column (each row one cell, typically of paragraphs). Its rows are
// not data rows.
bool is_layout_table(const FlatDocument& doc, std::uint32_t table) {
  int cells_in_row = 0, widest_row = 0;
  for (std::uint32_t i = table + 1; i < doc.end[table]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (!is_element(node)) continue;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_TABLE || heading_level(node) > 0) return true;
    if (tag == GUMBO_TAG_TR) cells_in_row = 0;
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) widest_row = std::max(widest_row, ++cells_in_row);
  }
  return widest_row <= 1;
}

long count_items(const FlatDocument& doc, std::uint32_t list) {
  long items = 0;
  const GumboNode* node = doc.nodes[list];
  const GumboVector& children = node->v.element.children;
  for (unsigned int c = 0; c < children.length; ++c) {
    const auto* child = static_cast<const GumboNode*>(children.data[c]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_LI) ++items;
  }
  return items;
}

class Walker {
 public:
  Walker(const FlatDocument& doc, const NormalizeOptions& options, const IntervalSet& included,
         const IntervalSet& removed, const std::vector<std::uint32_t>& roots, const BoilerplateRules& rules)
      : doc_(doc), options_(options), included_(included), removed_(removed), roots_(roots),
        rules_(rules), builder_(options) {}

  Text run() {
    const auto n = static_cast<std::uint32_t>(doc_.nodes.size());
    bool was_included = false;
    std::uint32_t i = 0;
    while (i < n) {
      while (!stack_.empty() && i >= stack_.back().end) close();
      const GumboNode* node = doc_.nodes[i];
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        bool inside = included_.contains(i) && !removed_.contains(i);
        if (inside != was_included) builder_.boundary();
        was_included = inside;
        if (inside) builder_.append(node->v.text.text);
        ++i;
        continue;
      }
      if (!is_element(node) || skip_subtree(i)) {
        // A control left out still stands between the words around it, as its box does on
        // the page ("Was this article helpful? [Yes] [No] 551 out of 1601 ..." is not
        // "helpful?551"; metamorphic bench: a help centre's vote widget).
        if (is_element(node) && was_included && is_form_control(node)) builder_.append(" ");
        i = is_element(node) ? doc_.end[i] : i + 1;
        continue;
      }
      // A footnote's number set as a superscript after a word ("conversation<sup>1</sup>") is
      // written as Markdown's footnote plugins write it, "conversation[1]": the comparison sets
      // it aside whatever its number (a red team's find: a renderer switched, or the notes
      // renumbered, was an alert).
      if (auto marker = footnote_mark(i); marker && builder_.ends_a_word() && included_.contains(i) && !removed_.contains(i)) {
        builder_.append("[" + *marker + "]");
        was_included = true;
        i = doc_.end[i];
        continue;
      }
      if (auto email = protected_email(node)) {  // read as the reader sees it, not the placeholder
        bool inside = included_.contains(i) && !removed_.contains(i);
        if (inside != was_included) builder_.boundary();
        was_included = inside;
        if (inside) builder_.append(*email);
        i = doc_.end[i];
        continue;
      }
      open(i);
      ++i;
    }
    while (!stack_.empty()) close();
    return builder_.finish();
  }

 private:
  // A deque: the builder keeps pointers to open frames, and a deque does not move its
  // elements when it grows at the end (pages nest thousands of elements deep).
  void open(std::uint32_t i) {
    stack_.push_back(frame_for(i));
    Frame& frame = stack_.back();
    if (frame.role == Role::cell) ++cells_open_;
    if (frame.role == Role::row) ++rows_open_;
    if (frame.role == Role::heading) ++headings_open_;
    if (frame.role == Role::list) lists_.push_back(&frame);
    builder_.enter(frame);
  }

  void close() {
    Frame& frame = stack_.back();
    builder_.exit(frame);
    if (frame.role == Role::cell) --cells_open_;
    if (frame.role == Role::row) --rows_open_;
    if (frame.role == Role::heading) --headings_open_;
    if (frame.role == Role::list) lists_.pop_back();
    if (frame.is_table) tables_.pop_back();
    stack_.pop_back();
  }

  static bool is_form_control(const GumboNode* node) {
    switch (node->v.element.tag) {
      case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: return true;
      default: return false;
    }
  }

  // The number of a footnote a <sup> holds: 1 to 3 figures, its own text alone (a link in it
  // too: "<sup><a href=\"#fn1\">1</a></sup>").
  std::optional<std::string> footnote_mark(std::uint32_t i) const {
    const GumboNode* node = doc_.nodes[i];
    if (node->v.element.tag != GUMBO_TAG_SUP) return std::nullopt;
    std::string text;
    for (std::uint32_t k = i + 1; k < doc_.end[i]; ++k) {
      const GumboNode* inner = doc_.nodes[k];
      if (inner->type == GUMBO_NODE_TEXT) text += inner->v.text.text;
      if (text.size() > 8) return std::nullopt;
    }
    std::string_view mark = trim(text);
    if (mark.size() >= 2 && mark.front() == '[' && mark.back() == ']') mark = mark.substr(1, mark.size() - 2);
    if (mark.empty() || mark.size() > 3 || !std::all_of(mark.begin(), mark.end(), is_ascii_digit)) return std::nullopt;
    return std::string(mark);
  }

  static std::optional<std::string> protected_email(const GumboNode* node) {
    const char* encoded = attribute(node, "data-cfemail");
    return encoded ? decode_cloudflare_email(encoded) : std::nullopt;
  }

  bool skip_subtree(std::uint32_t i) const {
    const std::uint32_t end = doc_.end[i];
    if (!included_.overlaps(i, end)) return true;
    if (removed_.covers(i, end)) return true;
    const GumboNode* node = doc_.nodes[i];
    if (is_never_text(node)) return true;  // hidden elements to drop are in removed_
    // What a declaration selected is never furniture itself, whatever it is named.
    if (std::binary_search(roots_.begin(), roots_.end(), i)) return false;
    return options_.strip_boilerplate && rules_.is_boilerplate(doc_, i);
  }

  Frame frame_for(std::uint32_t i) {
    const GumboNode* node = doc_.nodes[i];
    Frame frame;
    frame.end = doc_.end[i];
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BR && headings_open_ > 0) {
      // A heading is one title however its lines wrap: a break only some screens show
      // ("Last updated:<br class=\"hidden md:block\"> May 19, 2026") does not make two
      // headings of it (metamorphic bench: the date read apart from its label).
      builder_.append(" ");
      return frame;
    }
    if (int level = heading_level(node); level > 0) {
      frame.role = Role::heading;
      frame.level = level;
    } else if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_MENU ||
               tag == GUMBO_TAG_DIR) {
      frame.role = Role::list;
      frame.ordered = tag == GUMBO_TAG_OL;
      const bool reversed = frame.ordered && attribute(node, "reversed");
      frame.step = reversed ? -1 : 1;
      if (const char* start = attribute(node, "start")) frame.counter = std::atol(start);
      else if (reversed) frame.counter = count_items(doc_, i);
    } else if (tag == GUMBO_TAG_LI) {
      frame.role = Role::item;
      frame.depth = std::max(static_cast<int>(lists_.size()) - 1, 0);
      Frame* list = lists_.empty() ? nullptr : lists_.back();
      if (list && list->ordered) {
        if (const char* value = attribute(node, "value")) list->counter = std::atol(value);
        frame.marker = std::to_string(list->counter) + ".";
        list->counter += list->step;
      } else {
        frame.marker = '-';
      }
    } else if (tag == GUMBO_TAG_TABLE) {
      tables_.push_back(cells_open_ > 0 || is_layout_table(doc_, i));  // true: layout
      frame.is_table = true;
      frame.role = Role::block;
    } else if ((tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) &&
               !tables_.empty() && !tables_.back()) {
      frame.role = tag == GUMBO_TAG_TR ? Role::row : rows_open_ > 0 ? Role::cell : Role::block;
    } else if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP ||
               tag == GUMBO_TAG_PLAINTEXT) {
      frame.role = Role::pre;
    } else if (tag == GUMBO_TAG_A) {
      frame.role = Role::link;
      if (options_.include_links) frame.href = link_target(node);
    } else if (is_block_tag(tag)) {
      frame.role = Role::block;
    }
    return frame;
  }

  // The target as the page gives it, resolved; canonical_link() folds tracking noise at
  // comparison time, so the archive keeps the real URL.
  std::string link_target(const GumboNode* node) const {
    const char* href = attribute(node, "href");
    if (!href) return {};
    std::string_view target(href);
    while (!target.empty() && (target.front() == ' ' || target.front() == '\n')) target.remove_prefix(1);
    while (!target.empty() && (target.back() == ' ' || target.back() == '\n')) target.remove_suffix(1);
    if (target.empty() || target[0] == '#') return {};
    std::string scheme = url_scheme(target);
    if (scheme == "javascript" || scheme == "data") return {};
    std::string resolved = resolve_url(options_.base_url, target);
    // ')' and spaces would end the "[text](url)" syntax early, a line break would split the
    // block; browsers drop tabs and line breaks from URLs, and so does this.
    std::string escaped;
    for (char c : resolved) {
      if (c == '\t' || c == '\n' || c == '\r') continue;
      if (c == ')') escaped += "%29";
      else if (c == ' ') escaped += "%20";
      else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        escaped += '%';
        escaped += kHex[static_cast<unsigned char>(c) >> 4];
        escaped += kHex[static_cast<unsigned char>(c) & 0xF];
      } else {
        escaped += c;
      }
    }
    return escaped;
  }

  const FlatDocument& doc_;
  const NormalizeOptions& options_;
  const IntervalSet& included_;
  const IntervalSet& removed_;
  const std::vector<std::uint32_t>& roots_;
  const BoilerplateRules& rules_;
  TextBuilder builder_;
  std::deque<Frame> stack_;
  std::vector<Frame*> lists_;
  std::vector<bool> tables_;  // open tables, innermost last: true for a layout table
  int cells_open_ = 0, rows_open_ = 0, headings_open_ = 0;
};

}  // namespace

Text walk_text(const FlatDocument& doc, const NormalizeOptions& options, const IntervalSet& included,
               const IntervalSet& removed, const std::vector<std::uint32_t>& roots, const BoilerplateRules& rules) {
  Walker walker(doc, options, included, removed, roots, rules);
  return walker.run();
}

}  // namespace tosdiff
