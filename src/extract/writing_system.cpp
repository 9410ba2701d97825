#include "tosdiff/extract/writing_system.hpp"

#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

struct Range {
  char32_t first, last;
  WritingSystem system;
};

// Blocks of the Unicode code charts, in order; letters outside them are `other`.
constexpr Range kRanges[] = {
    {0x00C0, 0x024F, WritingSystem::latin},      {0x0370, 0x03FF, WritingSystem::greek},
    {0x0400, 0x052F, WritingSystem::cyrillic},   {0x0531, 0x058F, WritingSystem::armenian},
    {0x0590, 0x05FF, WritingSystem::hebrew},     {0x0600, 0x06FF, WritingSystem::arabic},
    {0x0750, 0x077F, WritingSystem::arabic},     {0x0900, 0x097F, WritingSystem::devanagari},
    {0x0980, 0x09FF, WritingSystem::bengali},    {0x0B80, 0x0BFF, WritingSystem::tamil},
    {0x0E00, 0x0E7F, WritingSystem::thai},       {0x0E80, 0x0EFF, WritingSystem::lao},
    {0x1000, 0x109F, WritingSystem::myanmar},    {0x10A0, 0x10FF, WritingSystem::georgian},
    {0x1100, 0x11FF, WritingSystem::hangul},     {0x1780, 0x17FF, WritingSystem::khmer},
    {0x1E00, 0x1EFF, WritingSystem::latin},      {0x1F00, 0x1FFF, WritingSystem::greek},
    {0x3040, 0x309F, WritingSystem::kana},       {0x30A0, 0x30FF, WritingSystem::kana},
    {0x3130, 0x318F, WritingSystem::hangul},     {0x3400, 0x4DBF, WritingSystem::han},
    {0x4E00, 0x9FFF, WritingSystem::han},        {0xAC00, 0xD7AF, WritingSystem::hangul},
    {0xF900, 0xFAFF, WritingSystem::han},        {0xFF66, 0xFF9F, WritingSystem::kana},
};

// Punctuation and symbols above ASCII that no script's words are made of: Latin-1's signs,
// general punctuation, CJK punctuation, full-width forms' punctuation.
bool is_sign(char32_t c) {
  return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFE30 && c <= 0xFE4F) || c == 0xFFFD;
}

}  // namespace

WritingSystem writing_system_of(char32_t c) {
  if (c < 0x80) return is_ascii_letter(static_cast<char>(c)) ? WritingSystem::latin : WritingSystem::none;
  if (is_sign(c)) return WritingSystem::none;
  for (const Range& range : kRanges) {
    if (c < range.first) break;
    if (c <= range.last) return range.system;
  }
  return WritingSystem::other;
}

bool ends_sentences_with_a_space(WritingSystem system) {
  return system == WritingSystem::thai || system == WritingSystem::lao || system == WritingSystem::khmer ||
         system == WritingSystem::myanmar;
}

std::size_t letters_per_word(WritingSystem system) {
  switch (system) {
    case WritingSystem::han:
    case WritingSystem::kana:
      return 2;
    default:
      return ends_sentences_with_a_space(system) ? 6 : 0;
  }
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  // Within a run of non-spaces: whether it counted as a word yet, and the letters written
  // without spaces it holds, weighted to a common unit (one word = 6 units).
  bool counted = false;
  std::size_t units = 0;
  auto close_run = [&] {
    const std::size_t unspaced = units / 6;
    words += unspaced > 0 ? unspaced : (counted ? 1 : 0);
    counted = false;
    units = 0;
  };
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] == ' ') {
      close_run();
      ++at;
      continue;
    }
    counted = true;
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    if (const std::size_t per_word = letters_per_word(writing_system_of(next_code_point(text, at))))
      units += 6 / per_word;
  }
  close_run();
  return words;
}

}  // namespace tosdiff
