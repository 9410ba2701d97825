#include "tosdiff/extract/line_labels.hpp"

#include <string>

#include <gtest/gtest.h>

namespace tosdiff {
namespace {

std::string describe(std::string_view text) {
  const ListMarker m = parse_list_marker(text);
  switch (m.kind) {
    case ListMarkerKind::none: return "none";
    case ListMarkerKind::bullet: return "bullet:" + std::string(text.substr(m.length));
    case ListMarkerKind::weak_bullet: return "weak:" + std::string(text.substr(m.length));
    case ListMarkerKind::number: return "number " + m.number + ":" + std::string(text.substr(m.length));
    case ListMarkerKind::label: return "label:" + std::string(text.substr(m.length));
  }
  return "?";
}

TEST(LineLabels, Bullets) {
  EXPECT_EQ(describe("\u2022 item"), "bullet:item");
  EXPECT_EQ(describe("\u2022item"), "bullet:item");  // glued to its text
  EXPECT_EQ(describe("\u25E6   nested"), "bullet:nested");
  EXPECT_EQ(describe("\u25AA x"), "bullet:x");
  EXPECT_EQ(describe("\u2022"), "none");  // nothing after it
  EXPECT_EQ(describe("- item"), "weak:item");
  EXPECT_EQ(describe("* item"), "weak:item");
  EXPECT_EQ(describe("\u2013 item"), "weak:item");
  EXPECT_EQ(describe("-item"), "none");  // a dash glued to a word is a hyphen or a minus
  EXPECT_EQ(describe("-5 degrees"), "none");
}

TEST(LineLabels, NumbersAndLabels) {
  EXPECT_EQ(describe("1. First"), "number 1:First");
  EXPECT_EQ(describe("12) Twelfth"), "number 12:Twelfth");
  EXPECT_EQ(describe("(3) Third"), "number 3:Third");
  EXPECT_EQ(describe("(a) lettered"), "label:lettered");
  EXPECT_EQ(describe("b) lettered"), "label:lettered");
  EXPECT_EQ(describe("c. lettered"), "label:lettered");
  EXPECT_EQ(describe("(iv) roman"), "label:roman");
  EXPECT_EQ(describe("IV. Roman"), "label:Roman");
  EXPECT_EQ(describe("1.2 Subsection"), "none");  // a section number, not a list marker
  EXPECT_EQ(describe("2024. A year"), "none");
  EXPECT_EQ(describe("e.g. this"), "none");
  EXPECT_EQ(describe("1."), "none");
  EXPECT_EQ(describe("Plain text"), "none");
}

TEST(LineLabels, MarkerOnly) {
  EXPECT_TRUE(is_marker_only("\u2022"));
  EXPECT_TRUE(is_marker_only("1."));
  EXPECT_TRUE(is_marker_only("(a)"));
  EXPECT_TRUE(is_marker_only("-"));
  EXPECT_FALSE(is_marker_only("1"));
  EXPECT_FALSE(is_marker_only("word"));
  EXPECT_FALSE(is_marker_only("\u2022 item"));
  EXPECT_FALSE(is_marker_only(""));
}

TEST(LineLabels, SectionDepth) {
  EXPECT_EQ(section_depth("1. Definitions"), 1);
  EXPECT_EQ(section_depth("1 Definitions"), 1);
  EXPECT_EQ(section_depth("2.3 Cookies"), 2);
  EXPECT_EQ(section_depth("2.3. Cookies"), 2);
  EXPECT_EQ(section_depth("1.2.3 Deep"), 3);
  EXPECT_EQ(section_depth("Article 3"), 1);
  EXPECT_EQ(section_depth("ARTICLE IV - Liability"), 1);
  EXPECT_EQ(section_depth("Section 4: Payment"), 1);
  EXPECT_EQ(section_depth("Schedule B"), 1);
  EXPECT_EQ(section_depth("\u00A7 5 Scope"), 1);
  EXPECT_EQ(section_depth("IV. Liability"), 1);
  EXPECT_EQ(section_depth("Article about cookies"), 0);
  EXPECT_EQ(section_depth("2024 was a year"), 0);
  EXPECT_EQ(section_depth("1..2 odd"), 0);
  EXPECT_EQ(section_depth(".5 odd"), 0);
  EXPECT_EQ(section_depth("3"), 0);  // a number alone has no title
  EXPECT_EQ(section_depth("Definitions"), 0);
}

TEST(LineLabels, PageNumbers) {
  for (const char* yes : {"3",
                          "- 3 -",
                          "\u2013 3 \u2013",
                          "\u2014 12 \u2014",
                          "(3)",
                          "[3]",
                          "Page 3",
                          "PAGE 3",
                          "page 3 of 12",
                          "Page 3 of 12",
                          "3 of 12",
                          "3 / 12",
                          "3/12",
                          "p. 3",
                          "Pg. 3",
                          "Seite 3 von 12",
                          "P\u00E1gina 3 de 12",
                          "i",
                          "iv",
                          "xii",
                          "xcix",
                          "| 7 |"})
    EXPECT_TRUE(is_page_number(yes)) << yes;
  for (const char* no : {"", "Page", "Page three", "3 apples", "of 12", "Page 3 of", "123456", "civil", "mix",
                         "Terms of Service", "3 / twelve", "2024-03-01"})
    EXPECT_FALSE(is_page_number(no)) << no;
}

}  // namespace
}  // namespace tosdiff
