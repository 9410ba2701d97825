#include "tosdiff/compare/ad_slots.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kSlotBlocks = 4;
constexpr std::size_t kSlotBlockMaxWords = 15;

// The labels pages put above an ad, in the languages tosdiff reads, lower case.
constexpr std::string_view kAdLabels[] = {
    "advertisement", "advertisements", "sponsored", "sponsored content", "paid content", "ad", "ads", "publicit\xC3\xA9",
    "annonce", "anzeige", "werbung", "publicidad", "anuncio", "pubblicit\xC3\xA0", "publicidade", "advertentie"};

// Labels that also name a topic: a policy labels its purposes with them ("Ads" in bold above
// "We never share your email address with advertisers").
constexpr std::string_view kTopicLabels[] = {"ad", "ads", "publicit\xC3\xA9", "annonce", "werbung", "publicidad",
                                             "anuncio", "pubblicit\xC3\xA0", "publicidade", "advertentie"};

// Not a heading: a policy's section "## Ads" opens clauses about advertising, not an ad.
bool is_ad_label(const Block& block) {
  if (block.kind == BlockKind::heading) return false;
  const std::string label = block_label(block.text);
  return std::find(std::begin(kAdLabels), std::end(kAdLabels), label) != std::end(kAdLabels);
}

bool is_topic_label(const Block& block) {
  const std::string label = block_label(block.text);
  return std::find(std::begin(kTopicLabels), std::end(kTopicLabels), label) != std::end(kTopicLabels);
}

// The policy speaking of itself ("we", "our", "nous", "wir"...): a clause, not an ad's copy.
bool speaks_as_the_policy(std::string_view text) {
  static constexpr std::string_view kWe[] = {" we ",  " our ",   " us ",   " nous ", " notre ", " nos ",
                                             " wir ", " unsere ", " uns ", " nosotros ", " nuestra ",
                                             " nuestro ", " noi ", " nostri ", " n\xC3\xB3s ", " wij ", " onze "};
  const std::string lowered = " " + ascii_lower(text) + " ";
  std::string words;
  for (char c : lowered) words += (c == ',' || c == '.' || c == ';' || c == ':') ? ' ' : c;
  return std::any_of(std::begin(kWe), std::end(kWe), [&](std::string_view we) { return words.find(we) != std::string::npos; });
}

bool fits_a_slot(const Block& block) {
  return block.kind != BlockKind::heading && count_space_separated_words(block.text) <= kSlotBlockMaxWords;
}

// Whether the blocks a hunk takes from one side (GNU start, 1-based, and count) all lie in ad slots.
bool side_in_ad_slots(const Text& text, std::size_t start, std::size_t lines) {
  for (std::size_t i = start - 1; i < start - 1 + lines; ++i)
    if (!in_ad_slot(text, i)) return false;
  return true;
}

}  // namespace

bool in_ad_slot(const Text& text, std::size_t i) {
  if (i >= text.blocks.size() || !fits_a_slot(text.blocks[i]) || is_ad_label(text.blocks[i])) return false;
  for (std::size_t back = 1; back <= kSlotBlocks && back <= i; ++back) {
    const Block& above = text.blocks[i - back];
    // Under a label that also names a topic, a clause of the policy is the policy's (a red
    // team's find: "We never share..." → "We share..." under "Ads", read as an ad's copy).
    if (is_ad_label(above)) return !is_topic_label(above) || !speaks_as_the_policy(text.blocks[i].text);
    if (!fits_a_slot(above)) return false;
  }
  return false;
}

void mark_ad_slots(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    const bool removed_in_slots = hunk.old_lines == 0 || side_in_ad_slots(before, hunk.old_start, hunk.old_lines);
    const bool added_in_slots = hunk.new_lines == 0 || side_in_ad_slots(after, hunk.new_start, hunk.new_lines);
    // An empty slot's label alone put in or taken off ("Advertisement" above the text, the ad
    // itself not loaded; metamorphic bench): the slot is the site's (is_ad_label: never a heading).
    const bool lone_label = hunk.lines.size() == 1 && is_ad_label(parse_block(hunk.lines[0].text));
    if ((removed_in_slots && added_in_slots) || lone_label) mark_cosmetic(hunk, "advertisement");
  }
}

}  // namespace tosdiff
