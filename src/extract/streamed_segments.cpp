#include "tosdiff/extract/streamed_segments.hpp"

#include <cstddef>

namespace tosdiff {
namespace {

constexpr std::size_t kMaxSegments = 64;  // a page streams a few; a bound on the work

bool ascii_equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Where the element opening at `open` (its "<div") ends, after its "</div>", counting the divs
// nested in it; npos when it does not close.
std::size_t end_of_div(std::string_view html, std::size_t open) {
  std::size_t depth = 0;
  for (std::size_t at = open; at < html.size();) {
    const std::size_t tag = html.find('<', at);
    if (tag == std::string_view::npos) return std::string_view::npos;
    if (ascii_equal_ignoring_case(html.substr(tag, 4), "<div") &&
        (tag + 4 >= html.size() || html[tag + 4] == ' ' || html[tag + 4] == '>' || html[tag + 4] == '\n')) {
      ++depth;
    } else if (ascii_equal_ignoring_case(html.substr(tag, 6), "</div>")) {
      if (--depth == 0) return tag + 6;
    }
    at = tag + 1;
  }
  return std::string_view::npos;
}

struct Segment {
  std::size_t begin, end;          // the whole <div hidden id="S:n">...</div>
  std::size_t inner_begin, inner_end;
  std::string id;                  // "n"
};

// The next streamed segment from `from`: a div with the `hidden` attribute and an id "S:<n>".
std::optional<Segment> next_segment(std::string_view html, std::size_t from) {
  for (std::size_t at = from;;) {
    const std::size_t id = html.find("id=\"S:", at);
    if (id == std::string_view::npos) return std::nullopt;
    at = id + 6;
    const std::size_t open = html.rfind('<', id);
    const std::size_t close = html.find('>', id);
    if (open == std::string_view::npos || close == std::string_view::npos) continue;
    const std::string_view tag = html.substr(open, close - open);
    if (!ascii_equal_ignoring_case(tag.substr(0, 4), "<div") || tag.find(" hidden") == std::string_view::npos) continue;
    const std::size_t quote = html.find('"', id + 6);
    if (quote == std::string_view::npos || quote > close) continue;
    const std::size_t end = end_of_div(html, open);
    if (end == std::string_view::npos) continue;
    return Segment{open, end, close + 1, end - 6, std::string(html.substr(id + 6, quote - id - 6))};
  }
}

}  // namespace

std::optional<std::string> splice_streamed_segments(std::string_view html) {
  if (html.find("<template id=\"B:") == std::string_view::npos || html.find("id=\"S:") == std::string_view::npos)
    return std::nullopt;
  std::string out(html);
  bool spliced = false;
  std::size_t from = 0;
  for (std::size_t n = 0; n < kMaxSegments; ++n) {
    const std::optional<Segment> segment = next_segment(out, from);
    if (!segment) break;
    from = segment->begin + 1;
    const std::string marker = "<template id=\"B:" + segment->id + "\"";
    const std::size_t place = out.find(marker);
    if (place == std::string::npos || place > segment->begin) continue;  // its boundary comes first
    const std::size_t template_end = out.find("</template>", place);
    if (template_end == std::string::npos || template_end > segment->begin) continue;
    // The fallback after the template runs to the boundary's end marker, when there is one
    // before the next boundary opens.
    std::size_t fallback_end = template_end + 11;
    const std::size_t boundary_end = out.find("<!--/$-->", fallback_end);
    const std::size_t next_boundary = out.find("<!--$", fallback_end);
    if (boundary_end != std::string::npos && boundary_end < segment->begin &&
        (next_boundary == std::string::npos || next_boundary >= boundary_end))
      fallback_end = boundary_end;
    const std::string content = out.substr(segment->inner_begin, segment->inner_end - segment->inner_begin);
    out.erase(segment->begin, segment->end - segment->begin);  // after the place: positions before it hold
    out.replace(place, fallback_end - place, content);
    spliced = true;
    from = place + content.size();
  }
  if (!spliced) return std::nullopt;
  return out;
}

}  // namespace tosdiff
