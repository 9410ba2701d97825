// A typo corrected or made, told from another word by the document itself (compare/
// typo_fixes.hpp), and the twins that stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/typo_fixes.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

const std::string kTypoHead =
    "# Terms\nLumenfield and its affiliates provide the services.\nOur affiliates may process your content.\n";

Change typo_change_of(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(kTypoHead + before), parse_text(kTypoHead + after));
}

TEST(TypoFixes, OneLetterInsideAWord) {
  EXPECT_TRUE(one_letter_inside("affilitates", "affiliates"));
  EXPECT_TRUE(one_letter_inside("occurence", "occurrence"));
  EXPECT_TRUE(one_letter_inside("recieve", "receive"));  // swapped neighbours
  EXPECT_FALSE(one_letter_inside("partner", "partners"));  // the last letter
  EXPECT_FALSE(one_letter_inside("licensor", "licensee"));
  EXPECT_FALSE(one_letter_inside("consent", "content"));  // one letter for another
  EXPECT_FALSE(one_letter_inside("from", "form"));         // too short
  EXPECT_FALSE(one_letter_inside("unlawful", "lawful"));
}

TEST(TypoFixes, AMisspeltWordCorrectedToOneTheDocumentUsesIsSpelling) {
  const Change change = typo_change_of("Services of our corporate affilitates are included.\n",
                                  "Services of our corporate affiliates are included.\n");
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"spelling"}));
}

TEST(TypoFixes, AWordMisspeltWhereTheDocumentSpellsItRightElsewhereIsSpelling) {
  const Change change = typo_change_of("Services of our corporate affiliates are included.\n",
                                  "Services of our corporate affilaites are included.\n");
  EXPECT_FALSE(change.substantive);
}

TEST(TypoFixes, AnotherWordTheDocumentNeverUsedStaysSubstantive) {
  EXPECT_TRUE(typo_change_of("A casual link to the outage is enough.\n", "A causal link to the outage is enough.\n")
                  .substantive);
}

TEST(TypoFixes, ATypoFixedBesideANewWordStaysSubstantive) {
  EXPECT_TRUE(typo_change_of("Services of our corporate affilitates are included.\n",
                        "Services of our corporate affiliates are excluded.\n")
                  .substantive);
}

TEST(TypoFixes, AWordStillWrittenElsewhereIsNotATypoFix) {
  // "compliant" stays in the text: the sentence says something else now, not a word fixed.
  EXPECT_TRUE(typo_change_of("Our process is compliant.\nEach complaint is compliant with the rules.\n",
                        "Our process is complaint.\nEach complaint is compliant with the rules.\n")
                  .substantive);
}

}  // namespace
}  // namespace tosdiff
