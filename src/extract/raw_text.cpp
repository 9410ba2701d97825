#include "tosdiff/extract/raw_text.hpp"

#include <algorithm>
#include <cstring>

#include "tosdiff/extract/positioned_classes.hpp"

namespace tosdiff {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool equals_lower(std::string_view text, std::string_view lowercase) {
  if (text.size() != lowercase.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (lower(text[i]) != lowercase[i]) return false;
  return true;
}

// Position of the end tag "</name" (any case) followed by a space, '/' or '>', from `from`;
// npos when there is none (the element runs to the end of the input).
std::size_t find_end_tag(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t at = from; (at = html.find("</", at)) != std::string_view::npos; at += 2) {
    std::size_t after = at + 2 + name.size();
    if (after > html.size()) return std::string_view::npos;
    if (!equals_lower(html.substr(at + 2, name.size()), name)) continue;
    if (after == html.size() || is_space(html[after]) || html[after] == '/' || html[after] == '>') return at;
  }
  return std::string_view::npos;
}

// End of a tag starting at `at` ('<'): one past its '>' (quoted attribute values may hold
// '>'), or the input's end.
std::size_t tag_end(std::string_view html, std::size_t at) {
  std::size_t i = at + 1;
  while (i < html.size()) {
    char c = html[i];
    if (c == '>') return i + 1;
    if (c == '=') {
      ++i;
      while (i < html.size() && is_space(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        std::size_t close = html.find(html[i], i + 1);
        if (close == std::string_view::npos) return html.size();
        i = close + 1;
        continue;
      }
      continue;
    }
    ++i;
  }
  return html.size();
}

enum class Content { normal, prune, verbatim_to_end_tag, verbatim_to_eof };

// Elements the tree builder closes only with their end tag (never implicitly), so a count of
// start minus end tags bounds their nesting.
bool is_container(std::string_view name) {
  static constexpr std::string_view kContainers[] = {
      "div", "span", "section", "article", "aside", "nav", "header", "footer", "main", "blockquote",
      "font", "center", "em", "strong", "b", "i", "u", "small", "big", "a", "form", "fieldset",
      "figure", "details", "label", "abbr", "cite", "code", "mark", "q", "s", "sub", "sup", "time"};
  for (std::string_view c : kContainers)
    if (c == name) return true;
  return false;
}

Content content_of(std::string_view name) {
  if (name == "script" || name == "style") return Content::prune;
  if (name == "textarea" || name == "title" || name == "xmp" || name == "iframe" || name == "noembed" ||
      name == "noframes")
    return Content::verbatim_to_end_tag;
  if (name == "plaintext") return Content::verbatim_to_eof;
  return Content::normal;
}

// Reads the tag name after '<' (or "</") at `at`, lowercased; "" when it is not a tag.
std::string tag_name_at(std::string_view html, std::size_t at) {
  std::size_t start = at + 1;
  if (start < html.size() && html[start] == '/') ++start;
  if (start >= html.size() || !is_alpha(html[start])) return {};
  std::size_t end = start;
  while (end < html.size() && !is_space(html[end]) && html[end] != '/' && html[end] != '>') ++end;
  std::string name(html.substr(start, end - start));
  for (char& c : name) c = lower(c);
  return name;
}

// Where the <svg> whose content starts at `from` ends ("</svg" position), counting nested
// <svg> elements; npos when it does not.
std::size_t matching_svg_end(std::string_view html, std::size_t from) {
  int depth = 1;
  for (std::size_t at = html.find('<', from); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (tag_name_at(html, at) != "svg") continue;
    if (html[at + 1] == '/') {
      if (--depth == 0) return at;
    } else {
      std::size_t end = tag_end(html, at);
      if (!(end >= 2 && html[end - 2] == '/')) ++depth;
    }
  }
  return std::string_view::npos;
}

// Whether foreign content holds a tag that makes the tree builder leave it (HTML's list of
// "breakout" elements), or an HTML integration point: then its content is not only
// drawing, and it is left for gumbo to parse.
bool may_leave_foreign_content(std::string_view content) {
  static constexpr std::string_view kBreakout[] = {
      "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed",
      "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta",
      "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table",
      "tt", "u", "ul", "var", "font", "foreignobject", "desc", "title", "math", "annotation-xml"};
  for (std::size_t at = content.find('<'); at != std::string_view::npos; at = content.find('<', at + 1)) {
    std::string name = tag_name_at(content, at);
    if (name.empty()) continue;
    for (std::string_view b : kBreakout)
      if (name == b) return true;
  }
  return false;
}

// Where the start tag whose name ends at `from` has had `max` attributes (the position just
// past the last one kept); npos when it has no more than that. `count` is set to the number
// of attributes scanned. Follows the tokenizer: names end at a blank, '/', '>' or '=';
// values are quoted or run to a blank or '>'.
std::size_t attributes_cut(std::string_view html, std::size_t from, std::size_t end, std::size_t max,
                           std::size_t& count) {
  count = 0;
  std::size_t i = from, after_kept = from;
  const std::size_t stop = end > 0 ? end - 1 : end;  // the '>' (or the input's end)
  while (i < stop) {
    while (i < stop && (is_space(html[i]) || html[i] == '/')) ++i;
    if (i >= stop) break;
    ++i;  // an attribute name's first character may be anything but a blank, '/' or '>'
    while (i < stop && !is_space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
    std::size_t j = i;
    while (j < stop && is_space(html[j])) ++j;
    if (j < stop && html[j] == '=') {
      ++j;
      while (j < stop && is_space(html[j])) ++j;
      if (j < stop && (html[j] == '"' || html[j] == '\'')) {
        const std::size_t close = html.find(html[j], j + 1);
        j = close == std::string_view::npos || close >= stop ? stop : close + 1;
      } else {
        while (j < stop && !is_space(html[j]) && html[j] != '>') ++j;
      }
      i = j;
    }
    if (++count == max) after_kept = i;
  }
  return count > max ? after_kept : std::string_view::npos;
}

}  // namespace

std::string prune_raw_text(std::string_view html, bool drop_contents, PruneStats* stats) {
  PruneStats local;
  PruneStats& counts = stats ? *stats : local;
  std::string out;
  out.reserve(html.size() / 2);
  int foreign_depth = 0;  // inside <svg> or <math>, <script> and <style> are ordinary elements
  int container_depth = 0;
  std::size_t copied = 0, i = 0;
  while (true) {
    const void* lt = std::memchr(html.data() + i, '<', html.size() - i);
    if (!lt) break;
    i = static_cast<std::size_t>(static_cast<const char*>(lt) - html.data());
    std::string_view rest = html.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      // "<!-->" and "<!--->" end at once; otherwise at "-->" or "--!>".
      if (rest.substr(4, 1) == ">") { i += 5; continue; }
      if (rest.substr(4, 2) == "->") { i += 6; continue; }
      std::size_t end = html.find("--", i + 4);
      while (end != std::string_view::npos && html.substr(end, 3) != "-->" && html.substr(end, 4) != "--!>")
        end = html.find("--", end + 1);
      if (end == std::string_view::npos) break;
      i = end + (html.substr(end, 3) == "-->" ? 3 : 4);
      continue;
    }
    if (rest.size() < 2) break;
    if (rest[1] == '!' || rest[1] == '?') {  // doctype, CDATA-like, processing instruction
      std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    const bool closing = rest[1] == '/';
    const std::size_t name_start = i + (closing ? 2 : 1);
    if (name_start >= html.size() || !is_alpha(html[name_start])) {
      ++i;  // a literal '<'
      continue;
    }
    std::size_t name_end = name_start;
    while (name_end < html.size() && !is_space(html[name_end]) && html[name_end] != '/' && html[name_end] != '>')
      ++name_end;
    std::string name(html.substr(name_start, name_end - name_start));
    for (char& c : name) c = lower(c);
    const std::size_t end = tag_end(html, i);
    if (closing) {
      if ((name == "svg" || name == "math") && foreign_depth > 0) --foreign_depth;
      if (is_container(name) && container_depth > 0) --container_depth;
      i = end;
      continue;
    }
    const bool self_closing = end >= 2 && html[end - 2] == '/';
    if (++counts.elements > kMaxElements) break;  // normalize refuses the page
    if (is_container(name) && !self_closing && ++container_depth > kMaxContainerDepth) {
      // Too deep: drop the start tag. Its end tag, unmatched, is ignored by the parser.
      out.append(html.substr(copied, i - copied));
      copied = end;
      i = end;
      continue;
    }
    std::size_t attribute_count = 0;
    if (const std::size_t cut = attributes_cut(html, name_end, end, kMaxAttributesPerElement, attribute_count);
        cut != std::string_view::npos) {
      out.append(html.substr(copied, cut - copied));
      out += self_closing ? "/>" : ">";
      copied = end;
      counts.attributes_dropped += attribute_count - kMaxAttributesPerElement;
    }
    if (name == "svg" && !self_closing && foreign_depth == 0 && drop_contents) {
      // Inline SVG (icons, logos) is drawing, never text: its content is dropped too, unless
      // it holds something that could take the parser back to HTML.
      const std::size_t close = matching_svg_end(html, end);
      if (close != std::string_view::npos && !may_leave_foreign_content(html.substr(end, close - end))) {
        out.append(html.substr(copied, end - copied));
        copied = close;
        i = close + 1;  // past '<': the "</svg>" end tag is copied with what follows
        continue;
      }
    }
    if (name == "svg" || name == "math") {
      if (!self_closing) ++foreign_depth;
      i = end;
      continue;
    }
    const Content content = foreign_depth > 0 ? Content::normal : content_of(name);
    if (content == Content::normal) {
      i = end;
      continue;
    }
    if (content == Content::verbatim_to_eof) break;
    const std::size_t close = find_end_tag(html, end, name);
    if (close == std::string_view::npos) break;  // unclosed: leave the rest as it is
    if (name == "style") add_positioned_classes(html.substr(end, close - end), counts.positioned_classes);
    if (content == Content::prune && drop_contents) {
      std::string_view inner = html.substr(end, close - end);
      if (!(name == "script" && inner.find("<!--") != std::string_view::npos)) {
        out.append(html.substr(copied, end - copied));
        copied = close;
      }
    }
    i = close;
  }
  out.append(html.substr(copied));
  std::vector<std::string>& classes = counts.positioned_classes;
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  return out;
}

}  // namespace tosdiff
