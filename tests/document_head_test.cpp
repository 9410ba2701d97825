// The document's title losing or gaining its site's name or a badge after a separator
// (compare/document_head.hpp, mark_title_segment), and its negative twins: a region's code,
// a word the document never uses, a title reworded, a clause's heading. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

const std::string kBody =
    "Lumenfield collects the posts you pin and the boards you follow.\n"
    "## Sharing\nLumenfield shares your data with processors under this Privacy Policy only.\n"
    "Contact the Lumenfield Policy team for questions.\n";

Change title_change(const std::string& old_title, const std::string& new_title) {
  return diff_texts(parse_text("# " + old_title + "\n" + kBody), parse_text("# " + new_title + "\n" + kBody));
}

TEST(TitleSegment, TheSiteNameDroppedFromTheTitleIsCosmetic) {
  const Change dropped = title_change("Privacy Policy | Lumenfield Policy", "Privacy Policy");
  EXPECT_FALSE(dropped.substantive);
  ASSERT_EQ(dropped.hunks.size(), 1u);
  EXPECT_EQ(dropped.hunks[0].cosmetic_kinds, (Kinds{"document_head"}));
  EXPECT_FALSE(title_change("Privacy Policy", "Lumenfield \xE2\x80\x93 Privacy Policy").substantive);  // put before
  EXPECT_FALSE(title_change("Business Services Terms - New", "Business Services Terms").substantive);  // a badge
}

TEST(TitleSegment, ARegionAWordTheDocumentNeverUsesOrARewordedTitleIsNews) {
  EXPECT_TRUE(title_change("Privacy Policy - EU", "Privacy Policy").substantive);  // whom it is for
  EXPECT_TRUE(title_change("Privacy Policy | Archived", "Privacy Policy").substantive);  // never used in the text
  EXPECT_TRUE(title_change("Privacy Policy", "Privacy Policy for Creators").substantive);  // no separator
  EXPECT_TRUE(title_change("Privacy Policy | Lumenfield", "Cookie Policy | Lumenfield").substantive);
  // A section's heading below the title is the document's, not its title.
  const std::string head = "# Privacy Policy\n";
  EXPECT_TRUE(diff_texts(parse_text(head + kBody), parse_text(head + "Lumenfield collects the posts you pin and the "
                                                                     "boards you follow.\n## Sharing - Lumenfield\n"
                                                                     "Lumenfield shares your data with processors "
                                                                     "under this Privacy Policy only.\nContact the "
                                                                     "Lumenfield Policy team for questions.\n"))
                  .substantive);
}

}  // namespace
}  // namespace tosdiff
