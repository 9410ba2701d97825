#include "tosdiff/model/copyright_line.hpp"

#include <string>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool is_year_at(const std::string& text, std::size_t i) {
  return i + 4 <= text.size() && (text.compare(i, 2, "19") == 0 || text.compare(i, 2, "20") == 0) &&
         is_ascii_digit(text[i + 2]) && is_ascii_digit(text[i + 3]);
}

}  // namespace

bool is_copyright_text(std::string_view raw, std::size_t max_words) {
  const std::string text = ascii_lower(trim(raw));
  if (text.empty() || count_space_separated_words(text) > max_words) return false;
  bool has_year = false;
  for (std::size_t i = 0; i + 4 <= text.size() && !has_year; ++i)
    has_year = is_year_at(text, i) && (i == 0 || !is_ascii_digit(text[i - 1])) &&
               (i + 4 == text.size() || !is_ascii_digit(text[i + 4]));
  const bool c_year = text.rfind("(c)", 0) == 0 && [&] {
    std::size_t i = 3;
    while (i < text.size() && text[i] == ' ') ++i;
    return is_year_at(text, i);
  }();
  const bool marked = text.rfind("\xC2\xA9", 0) == 0 || c_year || text.rfind("copyright \xC2\xA9", 0) == 0 ||
                      (text.rfind("copyright ", 0) == 0 && has_year);
  const bool reserved = text.find("all rights reserved") != std::string::npos ||
                        text.find("tous droits r") != std::string::npos ||
                        text.find("alle rechte vorbehalten") != std::string::npos ||
                        text.find("todos los derechos reservados") != std::string::npos;
  return marked || (reserved && has_year);
}

}  // namespace tosdiff
