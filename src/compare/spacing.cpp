#include "tosdiff/compare/spacing.hpp"

#include <cctype>
#include <string>
#include <string_view>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool is_spacing_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string without_spacing(std::string_view text) {
  const std::string folded = canonicalize(text, kFoldQuotes | kFoldCase);
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (!is_spacing_byte(folded[i])) {
      out += folded[i];
      continue;
    }
    std::size_t next = i;
    while (next < folded.size() && is_spacing_byte(folded[next])) ++next;
    // Between two numbers the space says where one ends: "10 20" is not "1020", "1. 5" not "1.5".
    const std::size_t n = out.size();
    const bool after_a_number =
        n > 0 && (is_ascii_digit(out[n - 1]) || (n > 1 && std::ispunct(static_cast<unsigned char>(out[n - 1])) &&
                                                  is_ascii_digit(out[n - 2])));
    if (after_a_number && next < folded.size() && is_ascii_digit(folded[next])) out += ' ';
    i = next - 1;
  }
  return out;
}

}  // namespace

bool differ_only_in_spacing(std::string_view a, std::string_view b) { return without_spacing(a) == without_spacing(b); }

}  // namespace tosdiff
