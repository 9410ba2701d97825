#pragma once
// A page served or rendered in part: the document's text with stretches of it missing and
// nothing else changed (replay: the last two thirds of a dating site's terms, 11,079 words,
// missing for 12 hours and back at the next check; a platform's policy with sections missing
// for a few hours). A site that takes a whole part of its terms away usually also changes
// what stays: a date, a reference, a sentence that announced the part.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The smallest share of the previous text's words the missing stretches hold for the page to
// be taken as served in part: 15%, and kMissingPartMinWords words (replays: two sections of a
// platform's privacy policy, 751 words, missing for six hours; the end of a dating site's
// terms, two thirds). A paragraph or a short section removed is an ordinary change.
inline constexpr double kMissingPartShare = 0.15;
inline constexpr std::size_t kMissingPartMinWords = 200;
// A short document served in part: a third of its words or so missing, however few they are
// (a red team's find: a 490-word policy missing 184 words for a few hours was two alerts, the
// words taken away and put back). A paragraph of it removed stays an ordinary change.
inline constexpr double kMissingPartShortShare = 0.3;
inline constexpr std::size_t kMissingPartShortMinWords = 100;

// Or whole numbered sections missing from a numbering that ran without a gap (not its last),
// two or more, however few their words (kMissingPartShortMinWords at least): the sections after
// them keep their numbers, so the text now skips numbers (france replay: a social network's terms
// without three of its sections, 8% of its words, for six hours). One section may be removed
// without renumbering; two at once, and nothing else changed, is a page served in part.
inline constexpr std::size_t kMissingNumberedSectionsMin = 2;

struct MissingPart {
  std::size_t first_block = 0;  // in the previous text, the first missing block
  std::size_t blocks = 0;       // missing blocks, in all stretches
  std::size_t stretches = 0;
  std::size_t words = 0;
  bool at_the_end = false;      // the last stretch runs to the previous text's end
  std::size_t placeholders = 0;  // loading placeholders in the current text where parts were
  bool by_numbering_only = false;  // a part only by its numbered sections (kMissingNumberedSectionsMin)
};

// A block that only says the page is still loading: "Loading…", "Please wait", "Chargement…",
// "Wird geladen…", "Cargando…" (seven languages; a spinner's dots or ellipsis after it).
bool is_loading_placeholder(std::string_view text);

// What `current` lacks when it is `previous` with stretches of blocks missing and nothing
// else changed: every block of `current`, in order, is one of `previous` (one of them may end
// early, as a page cut off mid-paragraph does), and the missing blocks hold kMissingPartShare
// of previous's words, or the text now stops mid-sentence (its last block a start of the old
// one, without the end of a sentence) with the rest gone (at least kMissingPartMinWords
// words: a page cut off, however long the document), or the missing blocks are two or more
// numbered sections whose numbers the text now skips (kMissingNumberedSectionsMin); nothing
// otherwise. A loading placeholder
// put where blocks went (is_loading_placeholder, not in the previous text) is no change of
// the text: with one, any stretch missing is a part (metamorphic bench: a section of a real
// policy replaced by a skeleton and "Loading…" was an alert on 36 of 36 pages; a quarter of
// Open Terms Archive's documents are rendered by a browser, which can be caught mid-load).
std::optional<MissingPart> missing_part(const Text& previous, const Text& current);

// What a check says of it: "the page ends early: 189 blocks in 1 stretch, 4970 of 9960 words,
// gone and nothing else changed (a page served in part?)".
std::string describe_missing_part(const MissingPart& part, std::size_t previous_words);

}  // namespace tosdiff
