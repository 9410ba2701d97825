#pragma once
// A cross-reference corrected: "subject to Sections 4.2 (Restrictions on Processing) and 9.2
// (Processor Terms)" becoming "... and 9.4 (No Effect on Processor Terms)", where the text's 9.2
// is "Additional Commercial Clauses" and its 9.4 is "No Effect on Processor Terms"; "see Section
// 2 “How We Share the Information We Collect”" becoming "Section 3 ...", as the text says
// elsewhere (replays: an ad network's controller terms, a social network's privacy policy). The
// provision always meant the section it now names; a reader told "terms changed" finds a digit.
// A reference that pointed to a section of the right number and title, or that now points to
// one the text does not have under that title, is news. A pure transform.

#include <string>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A section reference in a block: its number ("9.4", "14.12(a)") and the title written after
// it in parentheses or quotes ("No Effect on Processor Terms"; "" when none).
struct SectionReference {
  std::string number;
  std::string title;
  bool operator==(const SectionReference&) const = default;
};

// The references a block makes, in order: a number after "Section", "Sections", "Article",
// "Clause", "Paragraph", "§" (and the languages tosdiff reads), or after "and", "or" or a comma
// continuing such a list, with its title. `rest` receives the block's words with each reference
// replaced by a placeholder.
std::vector<SectionReference> section_references(const std::string& block_text, std::string* rest);

// Marks cosmetic, kind "cross_reference", every substantive hunk that changes as many blocks
// as it adds, each pair the same words but for references, every changed reference either
// renumbered with its section (the old number's section in the old text has the title of the
// new number's in the new text) or wrong in the old text (no section opens with its number
// under its title, and no other place of the text names that number with that title) and
// right in the new one (a section opens with its number and title, or another place of the
// text names both).
void mark_corrected_cross_references(std::vector<Hunk>& hunks, const Text& before, const Text& after);

// Marks cosmetic, kind "cross_reference", every substantive hunk that changes as many blocks as
// it adds, each pair the same but for the words naming what a number is put before it or taken
// away ("Concernant le point 5.4 :" / "Concernant 5.4 :", "see Section 9.2" / "see 9.2"; france
// replay, a coach operator's terms): the same number names the same provision. Another number
// is news.
void mark_reference_words(std::vector<Hunk>& hunks);

// A reference left behind by a reordering: a block the change did not touch names section N
// ("as described in Section 7"), and section N is another section now (the old text's 7 "Your
// choices and consent" is 6, and 7 is "Retention"): the provision now incorporates another
// clause, which lawyers want told even when it is a drafting slip (a red team's find). The
// cosmetic hunk that moved or renumbered a section of that number becomes news. A heading
// merely reworded under its number, or sections no reference names reordered, stay cosmetic.
void mark_references_left_behind(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
