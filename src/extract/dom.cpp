#include "tosdiff/extract/dom.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>

#include "tosdiff/extract/element_reading.hpp"
#include "tosdiff/extract/selector.hpp"
#include "tosdiff/extract/streamed_segments.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
std::string squeeze_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

namespace {

// The text of an element's subtree, its text nodes one after the other.
void append_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT) {
    (out += node->v.text.text) += ' ';
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned int c = 0; c < children.length; ++c) append_text(static_cast<const GumboNode*>(children.data[c]), out);
}

// Whether a heading has text outside `control` (its own words beside a button).
bool has_text_beside(const GumboNode* node, const GumboNode* control) {
  if (node == control) return false;
  if (node->type == GUMBO_NODE_TEXT) return true;  // whitespace alone is GUMBO_NODE_WHITESPACE
  if (node->type != GUMBO_NODE_ELEMENT || is_never_text(node)) return false;
  const GumboVector& children = node->v.element.children;
  for (unsigned int c = 0; c < children.length; ++c)
    if (has_text_beside(static_cast<const GumboNode*>(children.data[c]), control)) return true;
  return false;
}

const GumboNode* enclosing_heading(const GumboNode* element) {
  for (const GumboNode* p = element->parent; p && p->type == GUMBO_NODE_ELEMENT; p = p->parent)
    if (p->v.element.tag >= GUMBO_TAG_H1 && p->v.element.tag <= GUMBO_TAG_H6) return p;
  return nullptr;
}

// A button in a heading beside the heading's own words whose label is a control's ("Services
// [Copy link]", "[+] Fees"): marks without a letter ("+", "#", "↗") or a link's or a share's
// verb (metamorphic bench: "ServicesCopy link" in every heading). An accordion's button, with
// its state (aria-expanded, aria-controls), holds the title ("4. [Limitation of Liability]").
bool is_control_beside_title(const GumboNode* element, const GumboNode* heading) {
  if (attribute(element, "aria-expanded") || attribute(element, "aria-controls")) return false;
  if (!has_text_beside(heading, element)) return false;
  std::string label;
  append_text(element, label);
  static constexpr std::string_view kControlLabels[] = {
      "copy link", "copy", "link", "share", "permalink", "copy url", "copy section link", "link to this section",
      "copier le lien", "partager", "link kopieren", "teilen", "copiar enlace", "compartir", "copia link",
      "condividi", "copiar link", "partilhar", "link kopi\xC3\xABren", "delen"};
  const std::string lower = ascii_lower(std::string(trim(label)));
  // Letters: ASCII ones, and the lead bytes of Latin, Greek, Cyrillic... (U+00C0..U+07FF) and
  // of CJK, kana and Hangul (U+3000..U+DFFF); symbols, arrows and emoji are no letters.
  const bool letters = std::any_of(lower.begin(), lower.end(), [](char c) {
    const unsigned char byte = static_cast<unsigned char>(c);
    return is_ascii_letter(c) || (byte >= 0xC3 && byte <= 0xDF) || (byte >= 0xE3 && byte <= 0xED);
  });
  return !letters || std::find(std::begin(kControlLabels), std::end(kControlLabels), lower) != std::end(kControlLabels);
}

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (is_element(node)) return &node->v.element.children;
  return nullptr;
}

void flatten(const GumboNode* root, FlatDocument& doc) {
  struct Open {
    std::uint32_t position;
    const GumboVector* children;
    unsigned int next;
  };
  std::vector<Open> stack;
  auto visit = [&](const GumboNode* node) {
    auto position = static_cast<std::uint32_t>(doc.nodes.size());
    doc.nodes.push_back(node);
    doc.end.push_back(position + 1);
    if (!doc.body && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY)
      doc.body = position;
    if (const GumboVector* children = children_of(node); children && children->length > 0)
      stack.push_back({position, children, 0});
  };
  visit(root);
  while (!stack.empty()) {
    Open& top = stack.back();
    if (top.next == top.children->length) {
      doc.end[top.position] = static_cast<std::uint32_t>(doc.nodes.size());
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(top.children->data[top.next++]);
    visit(child);  // may invalidate `top`
  }
}

}  // namespace

namespace {

// Under AddressSanitizer gumbo's allocations stay with malloc, where ASan sees their
// bounds: a read past a node by the code walking the tree is then reported.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// Chunks of finished parses, kept for the thread's next one (at most 8 MiB a thread).
struct ChunkCache {
  static constexpr std::size_t kMaxChunks = 32;
  std::vector<char*> chunks;
  ~ChunkCache() {
    for (char* chunk : chunks) std::free(chunk);
  }
};
thread_local ChunkCache chunk_cache;

}  // namespace

ParsedHtml::Arena::~Arena() {
  for (char* block : large_) std::free(block);
  for (char* chunk : chunks_) {
    if (chunk_cache.chunks.size() < ChunkCache::kMaxChunks) chunk_cache.chunks.push_back(chunk);
    else std::free(chunk);
  }
}

void* ParsedHtml::Arena::allocate(std::size_t size) {
  constexpr std::size_t kAlign = alignof(std::max_align_t);
  size = (size + kAlign - 1) & ~(kAlign - 1);
  if (size > kChunk / 4) {
    auto* block = static_cast<char*>(std::malloc(size));
    if (!block) throw std::bad_alloc();
    large_.push_back(block);
    return block;
  }
  if (size > left_) {
    char* chunk = nullptr;
    if (!chunk_cache.chunks.empty()) {
      chunk = chunk_cache.chunks.back();
      chunk_cache.chunks.pop_back();
    } else if (!(chunk = static_cast<char*>(std::malloc(kChunk)))) {
      throw std::bad_alloc();
    }
    chunks_.push_back(chunk);
    next_ = chunk;
    left_ = kChunk;
  }
  void* out = next_;
  next_ += size;
  left_ -= size;
  return out;
}

ParsedHtml::ParsedHtml(std::string_view html) {
  if (html.substr(0, 3) == "\xEF\xBB\xBF") html.remove_prefix(3);
  if (auto spliced = splice_streamed_segments(html)) {
    spliced_ = std::move(*spliced);
    html = spliced_;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  if (!kAddressSanitizer && html.size() <= kArenaMaxInput) {
    arena_.emplace();
    options.userdata = &*arena_;
    options.allocator = [](void* arena, std::size_t size) { return static_cast<Arena*>(arena)->allocate(size); };
    options.deallocator = [](void*, void*) {};  // all at once, with the arena
  }
  output_ = gumbo_parse_with_options(&options, html.data(), html.size());
  flatten(output_->document, flat_);
}

// With an arena, dropping it frees the whole tree: no walk over every node.
ParsedHtml::~ParsedHtml() {
  if (!arena_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* ParsedHtml::root() const { return output_->document; }

bool is_element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

// A shadow root written out (declarative shadow DOM, and how tosdiff serializes a rendered
// page's shadow roots): what the browser shows inside its host.
bool is_shadow_root(const GumboNode* element) {
  return attribute(element, "shadowrootmode") != nullptr || attribute(element, "shadowroot") != nullptr;
}

// A shadow root's tree holds a <slot>: the host's own children are shown there.
bool has_slot(const GumboNode* root) {
  std::vector<const GumboNode*> to_visit = {root};  // a walk, not a recursion: trees run deep
  while (!to_visit.empty()) {
    const GumboNode* node = to_visit.back();
    to_visit.pop_back();
    if (!is_element(node)) continue;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_UNKNOWN && element_name(node) == "slot")
      return true;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) to_visit.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
  return false;
}

// A child of a host whose shadow root (written first, as declarative shadow DOM and tosdiff's
// serialization put it) holds no <slot>: the browser does not show it (a review's find: a
// component's fallback copy in its light DOM read beside the shadow tree's text).
bool is_unslotted_light_child(const GumboNode* element) {
  const GumboNode* host = element->parent;
  if (!host || host->type != GUMBO_NODE_ELEMENT) return false;
  const GumboVector& children = host->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_COMMENT) continue;
    return child != element && is_element(child) && is_shadow_root(child) && !has_slot(child);
  }
  return false;
}

bool is_never_text(const GumboNode* element) {
  if (element->type == GUMBO_NODE_TEMPLATE) return !is_shadow_root(element);
  if (is_unslotted_light_child(element)) return true;
  if (element->type != GUMBO_NODE_ELEMENT) return false;
  switch (element->v.element.tag) {
    case GUMBO_TAG_TEMPLATE:
      return !is_shadow_root(element);
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST: case GUMBO_TAG_IMG: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BASE: case GUMBO_TAG_PARAM: case GUMBO_TAG_MAP: case GUMBO_TAG_AREA:
    case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET:
      return true;
    case GUMBO_TAG_BUTTON: {
      // Accordions put section titles in buttons, and so do headings; other buttons are
      // controls, and so is a heading's control beside its words.
      if (attribute(element, "aria-expanded") || attribute(element, "aria-controls")) return false;
      for (const GumboNode* p = element->parent; p && p->type == GUMBO_NODE_ELEMENT; p = p->parent) {
        GumboTag tag = p->v.element.tag;
        if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) return is_control_beside_title(element, p);
        if (tag == GUMBO_TAG_SUMMARY) return false;
      }
      return true;
    }
    case GUMBO_TAG_UNKNOWN:
      return element_name(element) == "dialog" && !attribute(element, "open");
    default: {
      // An element playing a button in a heading ("<span role=button>+</span> Fees").
      const char* role = attribute(element, "role");
      if (!role || std::string_view(role) != "button") return false;
      const GumboNode* heading = enclosing_heading(element);
      return heading && is_control_beside_title(element, heading);
    }
  }
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

bool is_navigation(const GumboNode* element) {
  if (element->type != GUMBO_NODE_ELEMENT) return false;
  if (element->v.element.tag == GUMBO_TAG_NAV) return true;
  const char* role = attribute(element, "role");
  return role && std::string_view(role) == "navigation";
}

bool is_hidden(const GumboNode* element) {
  if (element->type != GUMBO_NODE_ELEMENT) return false;
  if (const char* hidden = attribute(element, "hidden");
      hidden && squeeze_lower(hidden) != "until-found")
    return true;
  if (const char* aria = attribute(element, "aria-hidden"); aria && squeeze_lower(aria) == "true")
    return true;
  if (const char* style = attribute(element, "style")) {
    std::string s = squeeze_lower(style);
    // "content-visibility:hidden" contains "visibility:hidden".
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos ||
        s.find("visibility:collapse") != std::string::npos)
      return true;
  }
  return is_hidden_by_class(element);
}

bool is_hidden_by_class(const GumboNode* element) {
  return any_class(element, [](std::string_view name) { return name == "w-condition-invisible"; });
}

}  // namespace tosdiff
