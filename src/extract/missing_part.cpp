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
  std::size_t head = 0;
  while (head < now.size() && same_block(before[head], now[head])) ++head;
  std::size_t tail = 0;
  while (tail < now.size() - head && same_block(before[before.size() - 1 - tail], now[now.size() - 1 - tail])) ++tail;
  // What is left between the head and the tail on the current side: nothing, or the block
  // the page was cut off in.
  const std::size_t left = now.size() - head - tail;
  if (left > 1) return std::nullopt;
  if (left == 1 && !cut_short(before[head], now[head])) return std::nullopt;
  MissingPart part;
  part.first_block = head;
  part.blocks = before.size() - head - tail - (left == 1 ? 1 : 0);
  if (left == 1) part.first_block = head + 1;
  part.at_the_end = tail == 0;
  std::size_t all_words = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    const std::size_t words = count_space_separated_words(before[i].text);
    all_words += words;
    if (i >= part.first_block && i < part.first_block + part.blocks) part.words += words;
  }
  if (part.blocks == 0 || static_cast<double>(part.words) < kMissingPartShare * static_cast<double>(all_words))
    return std::nullopt;
  return part;
}

}  // namespace tosdiff
