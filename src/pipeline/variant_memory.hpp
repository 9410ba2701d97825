#pragma once
// What a document remembers of the variants it alternates between: the edits of its recent
// flapping changes (record_builder.cpp) and the named places its recent changes switched one
// way and back, read back from their change records. A new change
// whose every edit in a place is one of these, either way, only switches variants again
// (compare/variants.hpp).

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/compare/variants.hpp"

namespace tosdiff {

// How long a flapping change vouches for its edits. Long enough for a site that serves its
// two regional editions by turns for months (replay: the first flip back came five months
// after the last one); not forever: a clause withdrawn within hours and back a year later is
// news again.
inline constexpr std::chrono::hours kVariantMemory{24 * 180};
// How long the text being replaced may have stood for the page to be alternating now (a page
// serving two texts by turns shows each for hours or days): longer, only the switches of a
// name, a number or an address are remembered from its flapping records, and a flip the page
// made before is no longer flapping (record_builder.cpp).
inline constexpr std::chrono::hours kVariantStood{24 * 30};
// The newest flapping records read, at most: a page that flaps often has them all recent.
inline constexpr std::size_t kVariantRecords = 8;

struct VariantMemory {
  std::vector<WordEdit> edits;
  std::string seen_in;  // the newest version whose record gave edits
};

// From the versions index.versions[0, count) (the ones before the version being made),
// archived within kVariantMemory of `now`:
//   - those marked flapping or variant: the edits of their flapping hunks (every substantive
//     hunk of a flapping change, every variant hunk);
//   - substantive ones (kVariantRecords of them): an edit one of them made and a later one
//     undid, when it switches a name, a number or an address for another (both sides there,
//     each with a capital or a digit: a company and its address, a regional edition's). The
//     page was seen going both ways; the third switch is not news. An edit is one of the
//     word diff's, or a whole hunk's words switched (hunk_swap, at most 30 words a side: the
//     word diff cut a Dublin address into other pieces the third time). A clause put back, or
//     a wording in plain words switched again, is never such an edit.
// A record that cannot be read gives nothing: the change is then reported as usual.
VariantMemory variant_memory(const Archive& archive, const DocumentIndex& index, std::size_t count,
                             const std::string& now);

}  // namespace tosdiff
