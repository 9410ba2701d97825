#include "tosdiff/extract/missing_part.hpp"

#include <cstddef>
#include <string_view>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool same_block(const Block& a, const Block& b) {
  return a.kind == b.kind && a.level == b.level && a.marker == b.marker && a.text == b.text;
}

// `cut` is `whole` ended early: the same kind of block, its text a shorter start of whole's.
bool cut_short(const Block& whole, const Block& cut) {
  return whole.kind == cut.kind && cut.text.size() < whole.text.size() &&
         std::string_view(whole.text).substr(0, cut.text.size()) == cut.text;
}

}  // namespace

std::optional<MissingPart> missing_part(const Text& previous, const Text& current) {
  const auto& before = previous.blocks;
  const auto& now = current.blocks;
  if (now.size() >= before.size()) return std::nullopt;
  MissingPart part;
  bool cut_seen = false;
  auto missing = [&](std::size_t from, std::size_t to) {  // before[from, to) is not in current
    if (from == to) return;
    if (part.stretches == 0) part.first_block = from;
    ++part.stretches;
    part.blocks += to - from;
    for (std::size_t k = from; k < to; ++k) part.words += count_space_separated_words(before[k].text);
  };
  // Every block of the current text, in order, is a block of the previous one; at most one
  // of them ended early (the page cut off mid-paragraph).
  std::size_t i = 0;
  for (const Block& block : now) {
    const std::size_t from = i;
    while (i < before.size() && !same_block(before[i], block)) ++i;
    if (i == before.size()) {
      if (cut_seen || from >= before.size() || !cut_short(before[from], block)) return std::nullopt;
      cut_seen = true;
      i = from;
    } else {
      missing(from, i);
    }
    ++i;
  }
  part.at_the_end = i < before.size();
  missing(i, before.size());
  std::size_t all_words = 0;
  for (const Block& block : before) all_words += count_space_separated_words(block.text);
  if (part.blocks == 0 || part.words < kMissingPartMinWords ||
      static_cast<double>(part.words) < kMissingPartShare * static_cast<double>(all_words))
    return std::nullopt;
  return part;
}

}  // namespace tosdiff
