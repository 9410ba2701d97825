#include "tosdiff/extract/normalize.hpp"

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <deque>
#include <unordered_map>
#include <optional>

#include <gumbo.h>

#include "tosdiff/extract/boilerplate.hpp"
#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/raw_text.hpp"
#include "tosdiff/extract/selector.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

// ---------------------------------------------------------------------------------------
// Selections as intervals of document positions. A CSS match covers its element's whole
// subtree; a range covers what lies between its two boundary elements. Taking the union of
// intervals keeps each piece of text once and in document order, however the matches nest.

struct Interval {
  std::uint32_t begin, end;  // [begin, end) in pre-order positions
};

class IntervalSet {
 public:
  void add(std::uint32_t begin, std::uint32_t end) {
    if (begin < end) intervals_.push_back({begin, end});
  }
  void finish() {
    std::sort(intervals_.begin(), intervals_.end(),
              [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
    std::vector<Interval> merged;
    for (const Interval& iv : intervals_) {
      if (!merged.empty() && iv.begin <= merged.back().end)
        merged.back().end = std::max(merged.back().end, iv.end);
      else
        merged.push_back(iv);
    }
    intervals_ = std::move(merged);
  }
  bool empty() const { return intervals_.empty(); }
  bool contains(std::uint32_t pos) const { return find(pos) != nullptr; }
  // True when [begin, end) lies wholly inside one interval.
  bool covers(std::uint32_t begin, std::uint32_t end) const {
    const Interval* iv = find(begin);
    return iv && end <= iv->end;
  }
  bool overlaps(std::uint32_t begin, std::uint32_t end) const {
    auto it = std::upper_bound(intervals_.begin(), intervals_.end(), begin,
                               [](std::uint32_t pos, const Interval& iv) { return pos < iv.begin; });
    if (it != intervals_.begin() && std::prev(it)->end > begin) return true;
    return it != intervals_.end() && it->begin < end;
  }

 private:
  const Interval* find(std::uint32_t pos) const {
    auto it = std::upper_bound(intervals_.begin(), intervals_.end(), pos,
                               [](std::uint32_t p, const Interval& iv) { return p < iv.begin; });
    if (it == intervals_.begin()) return nullptr;
    --it;
    return pos < it->end ? &*it : nullptr;
  }
  std::vector<Interval> intervals_;
};

struct CompiledSpec {
  std::optional<Selector> css;
  std::optional<Selector> start, end;
  bool start_after = false, end_after = false;
  std::string description;
};

Result<Selector> parse_selector(const std::string& text) {
  auto parsed = Selector::parse(text);
  if (!parsed) return Error{ErrorKind::selector, parsed.error().message};
  return std::move(parsed).value();
}

Result<CompiledSpec> compile(const SelectorSpec& spec) {
  CompiledSpec compiled;
  compiled.description = describe(spec);
  if (const auto* css = std::get_if<std::string>(&spec)) {
    auto selector = parse_selector(*css);
    if (!selector) return selector.error();
    compiled.css = std::move(selector).value();
    return compiled;
  }
  const auto& range = std::get<RangeSelector>(spec);
  bool one_start = range.start_before.empty() != range.start_after.empty();
  bool one_end = range.end_before.empty() != range.end_after.empty();
  if (!one_start || !one_end)
    return Error{ErrorKind::selector, "range selector " + compiled.description +
                                 " needs exactly one of startBefore/startAfter and one of "
                                 "endBefore/endAfter"};
  compiled.start_after = !range.start_after.empty();
  compiled.end_after = !range.end_after.empty();
  auto start = parse_selector(compiled.start_after ? range.start_after : range.start_before);
  if (!start) return start.error();
  auto end = parse_selector(compiled.end_after ? range.end_after : range.end_before);
  if (!end) return end.error();
  compiled.start = std::move(start).value();
  compiled.end = std::move(end).value();
  return compiled;
}

Result<std::vector<CompiledSpec>> compile_all(const std::vector<SelectorSpec>& specs) {
  std::vector<CompiledSpec> out;
  for (const SelectorSpec& spec : specs) {
    auto compiled = compile(spec);
    if (!compiled) return compiled.error();
    out.push_back(std::move(compiled).value());
  }
  return out;
}

// Adds the intervals a spec selects; returns whether it matched anything.
bool add_matches(const FlatDocument& doc, const CompiledSpec& spec, IntervalSet& set,
                 std::vector<std::uint32_t>* roots) {
  bool matched = false;
  const auto n = static_cast<std::uint32_t>(doc.nodes.size());
  if (spec.css) {
    for (std::uint32_t i = 0; i < n; ++i) {
      if (is_element(doc.nodes[i]) && spec.css->matches(doc.nodes[i])) {
        set.add(i, doc.end[i]);
        if (roots) roots->push_back(i);
        matched = true;
        i = doc.end[i] - 1;  // nested matches add nothing the union does not have
      }
    }
    return matched;
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!is_element(doc.nodes[i]) || !spec.start->matches(doc.nodes[i])) continue;
    std::uint32_t begin = spec.start_after ? doc.end[i] : i;
    for (std::uint32_t j = begin; j < n; ++j) {
      if (is_element(doc.nodes[j]) && spec.end->matches(doc.nodes[j])) {
        set.add(begin, spec.end_after ? doc.end[j] : j);
        return true;
      }
    }
    return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Text assembly.

bool is_zero_width(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

bool is_unicode_space(char32_t c) {
  return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x0085;
}

enum class Role { none, heading, list, item, row, cell, pre, link, block };

struct Frame {
  std::uint32_t end = 0;  // pre-order position where the element's subtree ends
  Role role = Role::none;
  int level = 0;             // heading level
  bool ordered = false;      // list
  long counter = 1;          // list: next item number
  bool marker_used = false;  // item: its marker went to a block already
  std::string marker;        // item
  int depth = 0;             // item: list nesting depth
  int step = 1;              // list: +1, or -1 for <ol reversed>
  bool is_table = false;
  std::size_t link_start = 0;
  std::size_t link_flushes = 0;
  std::string href;
  std::vector<std::string> cells;  // row
};

class TextBuilder {
 public:
  TextBuilder(const NormalizeOptions& options) : options_(options) {}

  void append(std::string_view utf8) {
    const bool preserve_newlines = pre_depth_ > 0;
    for (std::size_t i = 0; i < utf8.size();) {
      unsigned char c = static_cast<unsigned char>(utf8[i]);
      if (c < 0x80) {
        ++i;
        if (c == '\n' && preserve_newlines) {
          boundary();
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
          pending_space_ = true;
        } else if (c >= 0x20 && c != 0x7F) {
          put(utf8.substr(i - 1, 1));
        }
        continue;
      }
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if (i + len > utf8.size()) break;
      char32_t cp = decode(utf8.substr(i, len));
      if (is_unicode_space(cp)) {
        pending_space_ = true;
      } else if (!is_zero_width(cp) && !(cp >= 0x80 && cp < 0xA0)) {
        put(utf8.substr(i, len));
      }
      i += len;
    }
  }

  // A block edge: ends the current line, except inside a table cell where it is a space.
  void boundary() {
    if (cell_depth_ > 0) {
      pending_space_ = true;
      return;
    }
    flush();
  }

  void enter(Frame& frame) {
    switch (frame.role) {
      case Role::heading:
      case Role::item:
      case Role::block:
      case Role::row:
        boundary();
        break;
      case Role::cell:
        ++cell_depth_;
        line_.clear();
        pending_space_ = false;
        break;
      case Role::pre:
        boundary();
        ++pre_depth_;
        break;
      case Role::link:
        // An empty link before this one may have written the space already.
        if (pending_space_ && !line_.empty() && line_.back() != ' ') line_ += ' ';
        pending_space_ = false;
        frame.link_start = line_.size();
        frame.link_flushes = flushes_;
        break;
      default:
        break;
    }
    frames_.push_back(&frame);
  }

  void exit(Frame& frame) {
    switch (frame.role) {
      case Role::cell:
        --cell_depth_;
        if (Frame* row = innermost(Role::row)) row->cells.push_back(take_line());
        break;
      case Role::row:
        emit_row(frame);
        break;
      case Role::pre:
        boundary();
        --pre_depth_;
        break;
      case Role::link:
        close_link(frame);
        break;
      case Role::heading:
      case Role::item:
      case Role::block:
        boundary();
        break;
      default:
        break;
    }
    frames_.pop_back();
  }

  Text finish() {
    flush();
    return std::move(text_);
  }

 private:
  static char32_t decode(std::string_view s) {
    auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[k]) & 0x3F); };
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (s.size() == 2) return (static_cast<char32_t>(c & 0x1F) << 6) | b(1);
    if (s.size() == 3) return (static_cast<char32_t>(c & 0x0F) << 12) | (b(1) << 6) | b(2);
    return (static_cast<char32_t>(c & 0x07) << 18) | (b(1) << 12) | (b(2) << 6) | b(3);
  }

  void put(std::string_view bytes) {
    // A link's start may have written the space already (enter(Role::link)).
    if (pending_space_ && !line_.empty() && line_.back() != ' ') line_ += ' ';
    pending_space_ = false;
    line_ += bytes;
  }

  std::string take_line() {
    std::string out = std::move(line_);
    line_.clear();
    pending_space_ = false;
    return out;
  }

  Frame* innermost(Role role) {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
      if ((*it)->role == role) return *it;
    return nullptr;
  }

  void flush() {
    pending_space_ = false;
    if (line_.empty()) return;
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
    Block block;
    block.text = take_line();
    ++flushes_;
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
      Frame& frame = **it;
      if (frame.role == Role::heading) {
        block.kind = BlockKind::heading;
        block.level = frame.level;
        break;
      }
      if (frame.role == Role::item) {
        if (!frame.marker_used) {
          block.kind = BlockKind::list_item;
          block.marker = frame.marker;
          block.level = frame.depth;
          frame.marker_used = true;
        }
        break;
      }
    }
    text_.blocks.push_back(std::move(block));
  }

  void emit_row(Frame& row) {
    bool any = std::any_of(row.cells.begin(), row.cells.end(),
                           [](const std::string& cell) { return !cell.empty(); });
    if (!any) return;
    Block block;
    block.kind = BlockKind::table_row;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      if (i) block.text += " | ";
      block.text += row.cells[i];
    }
    ++flushes_;
    text_.blocks.push_back(std::move(block));
  }

  void close_link(const Frame& link) {
    if (!options_.include_links || link.href.empty() || flushes_ != link.link_flushes ||
        line_.size() <= link.link_start)
      return;
    line_.insert(link.link_start, "[");
    line_ += "](" + link.href + ")";
  }

  const NormalizeOptions& options_;
  Text text_;
  std::string line_;
  bool pending_space_ = false;
  int cell_depth_ = 0;
  int pre_depth_ = 0;
  std::size_t flushes_ = 0;
  std::vector<Frame*> frames_;
};

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

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_UL: case GUMBO_TAG_HTML: case GUMBO_TAG_LI: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_BR:
      return true;
    default:
      return false;
  }
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
        i = is_element(node) ? doc_.end[i] : i + 1;
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
    if (frame.role == Role::list) lists_.push_back(&frame);
    builder_.enter(frame);
  }

  void close() {
    Frame& frame = stack_.back();
    builder_.exit(frame);
    if (frame.role == Role::cell) --cells_open_;
    if (frame.role == Role::row) --rows_open_;
    if (frame.role == Role::list) lists_.pop_back();
    if (frame.is_table) tables_.pop_back();
    stack_.pop_back();
  }

  bool skip_subtree(std::uint32_t i) const {
    const std::uint32_t end = doc_.end[i];
    if (!included_.overlaps(i, end)) return true;
    if (removed_.covers(i, end)) return true;
    const GumboNode* node = doc_.nodes[i];
    if (is_never_text(node) || is_hidden(node)) return true;
    // What a declaration selected is never furniture itself, whatever it is named.
    if (std::binary_search(roots_.begin(), roots_.end(), i)) return false;
    return options_.strip_boilerplate && rules_.is_boilerplate(doc_, i);
  }

  Frame frame_for(std::uint32_t i) {
    const GumboNode* node = doc_.nodes[i];
    Frame frame;
    frame.end = doc_.end[i];
    const GumboTag tag = node->v.element.tag;
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
        frame.marker = "-";
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
  int cells_open_ = 0, rows_open_ = 0;
};

// Text length per subtree, without script/style text, for choosing the main content.
std::vector<std::uint64_t> text_prefix_sums(const FlatDocument& doc) {
  std::vector<std::uint64_t> prefix(doc.nodes.size() + 1, 0);
  for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
    const GumboNode* node = doc.nodes[i];
    std::uint64_t len = 0;
    if (node->type == GUMBO_NODE_TEXT && node->parent && !is_never_text(node->parent))
      len = node->v.text.original_text.length;
    prefix[i + 1] = prefix[i] + len;
  }
  return prefix;
}

// ---- fallback when a selector matches nothing -------------------------------------------

using WordCounts = std::unordered_map<std::string, int>;

void count_words(std::string_view text, WordCounts& counts, std::size_t& total) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) {
      ++counts[word];
      ++total;
      word.clear();
    }
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) word += static_cast<char>(std::tolower(u));
    else flush();
  }
  flush();
}

double word_f1(const WordCounts& a, std::size_t a_total, const WordCounts& b, std::size_t b_total) {
  if (a_total == 0 || b_total == 0) return 0;
  std::size_t overlap = 0;
  for (const auto& [word, n] : a) {
    auto it = b.find(word);
    if (it != b.end()) overlap += static_cast<std::size_t>(std::min(n, it->second));
  }
  if (overlap == 0) return 0;
  double precision = static_cast<double>(overlap) / static_cast<double>(a_total);
  double recall = static_cast<double>(overlap) / static_cast<double>(b_total);
  return 2 * precision * recall / (precision + recall);
}

// The element whose visible text best matches the anchor's words, if the match is close.
std::optional<std::uint32_t> find_anchored_content(const FlatDocument& doc, std::string_view anchor,
                                                   const std::vector<std::uint64_t>& prefix) {
  WordCounts anchor_words;
  std::size_t anchor_total = 0;
  count_words(anchor, anchor_words, anchor_total);
  const auto anchor_bytes = static_cast<std::uint64_t>(anchor.size());
  std::optional<std::uint32_t> best;
  double best_score = 0.5;  // below this, nothing on the page is the document
  for (std::uint32_t i = 0; i < doc.nodes.size(); ++i) {
    const GumboNode* node = doc.nodes[i];
    if (!is_element(node) || is_never_text(node)) continue;
    const std::uint64_t bytes = prefix[doc.end[i]] - prefix[i];
    if (bytes * 2 < anchor_bytes || bytes > anchor_bytes * 3) continue;  // far too small or big
    WordCounts words;
    std::size_t total = 0;
    for (std::uint32_t k = i; k < doc.end[i]; ++k) {
      const GumboNode* n = doc.nodes[k];
      if (is_element(n) && is_never_text(n)) {
        k = doc.end[k] - 1;
        continue;
      }
      if (n->type == GUMBO_NODE_TEXT) count_words(n->v.text.text, words, total);
    }
    double score = word_f1(words, total, anchor_words, anchor_total);
    if (score > best_score + 1e-9) {  // ties keep the outer element: it loses nothing
      best_score = score;
      best = i;
    }
  }
  return best;
}

bool is_copyright_line(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  if (text.substr(0, 2) == "\xC2\xA9") return true;  // ©
  if (text.size() < 9) return false;
  std::string head(text.substr(0, 9));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head == "copyright";
}

std::size_t trimmed_length(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  return e - b;
}

// Around the text of a page found automatically (no selector), sites put grids of links
// built of plain divs (footers, menus) and a copyright line. Before the first and after the
// last sentence-length text of the content, boxes that are mostly links (3 or more) and
// copyright lines are furniture. In the middle of the text, nothing is removed this way: a
// list of links there can be part of the policy.
void remove_edge_furniture(const FlatDocument& doc, std::uint32_t root, IntervalSet& removed) {
  const std::uint32_t begin = root, end = doc.end[root];
  const std::size_t n = end - begin;
  std::vector<std::uint64_t> text(n + 1, 0), link(n + 1, 0), links(n + 1, 0);
  std::vector<std::uint32_t> open_links;
  std::uint32_t skip_until = 0;
  std::optional<std::uint32_t> first_prose, last_prose;
  for (std::uint32_t i = begin; i < end; ++i) {
    const std::size_t k = i - begin;
    text[k + 1] = text[k];
    link[k + 1] = link[k];
    links[k + 1] = links[k];
    while (!open_links.empty() && i >= open_links.back()) open_links.pop_back();
    if (i < skip_until) continue;
    const GumboNode* node = doc.nodes[i];
    if (is_element(node)) {
      if (is_never_text(node) || is_hidden(node)) {
        skip_until = doc.end[i];
      } else if (node->v.element.tag == GUMBO_TAG_A) {
        open_links.push_back(doc.end[i]);
        ++links[k + 1];
      }
      continue;
    }
    if (node->type != GUMBO_NODE_TEXT) continue;
    const std::string_view value(node->v.text.text);
    const std::size_t length = trimmed_length(value);
    text[k + 1] += length;
    if (!open_links.empty()) {
      link[k + 1] += length;
    } else if (length >= 40 && !is_copyright_line(value)) {
      if (!first_prose) first_prose = i;
      last_prose = i;
    }
  }
  if (!first_prose) return;  // no sentence at all: nothing to measure against
  for (std::uint32_t i = begin + 1; i < end; ++i) {
    const GumboNode* node = doc.nodes[i];
    const bool edge = i > *last_prose || doc.end[i] <= *first_prose;
    if (!edge) continue;
    if (node->type == GUMBO_NODE_TEXT) {
      if (i > *last_prose && is_copyright_line(node->v.text.text) && trimmed_length(node->v.text.text) < 200)
        removed.add(i, i + 1);
      continue;
    }
    if (!is_element(node)) continue;
    const std::size_t a = i - begin, b = doc.end[i] - begin;
    const std::uint64_t t = text[b] - text[a], l = link[b] - link[a], count = links[b] - links[a];
    if (count >= 3 && l * 10 >= t * 6) {
      removed.add(i, doc.end[i]);
      i = doc.end[i] - 1;
    }
  }
}

std::size_t word_count(const Text& text) {
  std::size_t total = 0;
  WordCounts ignored;
  for (const Block& block : text.blocks) count_words(block.text, ignored, total);
  return total;
}

// The main content when no selector is given: the largest <main>/[role=main], else the
// largest <article> when it holds most of the page's text, else <body>.
std::uint32_t find_main_content(const FlatDocument& doc, const std::vector<std::uint64_t>& prefix) {
  auto text_of = [&](std::uint32_t i) { return prefix[doc.end[i]] - prefix[i]; };
  std::optional<std::uint32_t> best_main, best_article, body;
  for (std::uint32_t i = 0; i < doc.nodes.size(); ++i) {
    const GumboNode* node = doc.nodes[i];
    if (!is_element(node)) continue;
    GumboTag tag = node->v.element.tag;
    const char* role = attribute(node, "role");
    if (tag == GUMBO_TAG_BODY && !body) body = i;
    if (tag == GUMBO_TAG_MAIN || (role && std::string_view(role) == "main")) {
      if (!best_main || text_of(i) > text_of(*best_main)) best_main = i;
    } else if (tag == GUMBO_TAG_ARTICLE) {
      if (!best_article || text_of(i) > text_of(*best_article)) best_article = i;
    }
  }
  std::uint32_t page = body.value_or(0);
  if (best_main && text_of(*best_main) > 0) return *best_main;
  if (best_article && text_of(*best_article) * 10 >= text_of(page) * 4) return *best_article;
  return page;
}

}  // namespace


Result<bool> check_selectors(const std::vector<SelectorSpec>& specs) {
  auto compiled = compile_all(specs);
  if (!compiled) return compiled.error();
  return true;
}

Result<Text> normalize(std::string_view html, const NormalizeOptions& options) {
  if (html.size() > options.max_html_bytes)
    return Error{ErrorKind::too_large, "page of " + std::to_string(html.size()) +
                                  " bytes exceeds the normalizer's limit of " +
                                  std::to_string(options.max_html_bytes)};
  auto select = compile_all(options.select);
  if (!select) return select.error();
  auto remove = compile_all(options.remove);
  if (!remove) return remove.error();

  // Bounded before gumbo sees it (raw_text.hpp): parse time linear in the page's size.
  PruneStats stats;
  const std::string pruned = prune_raw_text(html, options.prune_raw_text, &stats);
  if (stats.elements > kMaxElements)
    return Error{ErrorKind::too_complex, "the page has over " + std::to_string(kMaxElements) +
                                    " elements; tosdiff does not parse pages that large"};
  ParsedHtml parsed(pruned);
  const FlatDocument& doc = parsed.flat();

  IntervalSet included, removed;
  std::vector<std::uint32_t> roots;  // the elements selected (or found) as the content
  bool whole_page = options.select.empty();
  bool fell_back = false;
  std::string unmatched_names;
  if (!whole_page) {
    std::vector<std::string> unmatched;
    for (const CompiledSpec& spec : *select) {
      if (!add_matches(doc, spec, included, &roots)) unmatched.push_back(spec.description);
    }
    if (included.empty()) {
      for (const auto& name : unmatched) unmatched_names += (unmatched_names.empty() ? "" : ", ") + name;
      if (!options.fallback_on_no_match)
        return Error{ErrorKind::no_match, "the select selectors matched nothing: " + unmatched_names};
      fell_back = true;
    }
  }
  if (whole_page || fell_back) {
    const auto prefix = text_prefix_sums(doc);
    std::optional<std::uint32_t> root;
    if (fell_back && !options.anchor_text.empty()) {
      root = find_anchored_content(doc, options.anchor_text, prefix);
      if (!root)
        return Error{ErrorKind::no_match, "the select selectors matched nothing (" + unmatched_names +
                                     "), and no part of the page resembles the archived text"};
    } else {
      root = find_main_content(doc, prefix);
    }
    included.add(*root, doc.end[*root]);
    roots.push_back(*root);
    whole_page = true;  // found, not selected: page furniture rules apply as without select
    if (options.strip_boilerplate) remove_edge_furniture(doc, *root, removed);
  }
  for (const CompiledSpec& spec : *remove) add_matches(doc, spec, removed, nullptr);
  std::sort(roots.begin(), roots.end());
  included.finish();
  removed.finish();
  // Selecting the whole body is no selection at all: treat the page like one without.
  if (std::optional<std::uint32_t> body = doc.body; body && included.covers(*body, doc.end[*body]))
    whole_page = true;

  BoilerplateRules rules(whole_page);
  Walker walker(doc, options, included, removed, roots, rules);
  Text text = walker.run();
  if (fell_back) {
    if (options.anchor_text.empty() && word_count(text) < options.min_fallback_words)
      return Error{ErrorKind::no_match, "the select selectors matched nothing: " + unmatched_names};
    if (options.report) {
      options.report->fell_back = true;
      options.report->note = "the declaration's select (" + unmatched_names +
                             ") matched nothing; tosdiff found the text itself. Update the declaration";
    }
  }
  return text;
}

}  // namespace tosdiff
