// A site's breadcrumb trail above the document's title (compare/breadcrumbs.hpp): put on, taken
// off or re-routed, it is cosmetic; lines above a title that do not end with it, and a title
// changed, stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/breadcrumbs.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

const std::string kTitle = "# General Terms for Drivers (effective until 30.04.2024)\n";
const std::string kTerms =
    "Effective from: 1 January 2023\n"
    "These terms set out the conditions under which drivers use the Lumenride platform to offer rides to passengers.\n"
    "## 1. Fees\n"
    "Lumenride keeps a commission of 20% of every fare, and pays the rest to the driver every week.\n"
    "## 2. Ending the agreement\n"
    "Either party may end this agreement at any time with seven days' notice in writing.\n";
const std::string kTrail = "1. Categories\n2. Rides\n3. General Terms for Drivers (effective until 30.04.2024)\n";

Change crumb_change_of(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

TEST(Breadcrumbs, TheTrailEndsWithTheTitle) {
  const Breadcrumbs trail = breadcrumbs_of(parse_text(kTrail + kTitle + kTerms));
  ASSERT_TRUE(trail.found());
  EXPECT_EQ(trail.begin, 0u);
  EXPECT_EQ(trail.title, 3u);
  const Breadcrumbs line = breadcrumbs_of(parse_text("Home > Legal > General Terms for Drivers (effective until 30.04.2024)\n" + kTitle + kTerms));
  EXPECT_EQ(line.begin, 0u);
  EXPECT_EQ(line.title, 1u);
  const Breadcrumbs none = breadcrumbs_of(parse_text(kTitle + kTerms));
  EXPECT_EQ(none.begin, none.title);
}

TEST(Breadcrumbs, ATrailTakenOffPutOnOrReroutedIsCosmetic) {
  for (const auto& [before, after] : std::vector<std::pair<std::string, std::string>>{
           {kTrail + kTitle + kTerms, kTitle + kTerms},
           {kTitle + kTerms, "Home \xE2\x80\xBA Legal \xE2\x80\xBA General Terms for Drivers (effective until 30.04.2024)\n" + kTitle + kTerms},
           {kTrail + kTitle + kTerms, "1. Categories\n2. Drivers\n3. General Terms for Drivers (effective until 30.04.2024)\n" + kTitle + kTerms}}) {
    const Change change = crumb_change_of(before, after);
    ASSERT_EQ(change.hunks.size(), 1u) << after;
    EXPECT_FALSE(change.substantive) << after;
    EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_header"}));
  }
}

TEST(Breadcrumbs, LinesThatDoNotEndWithTheTitleOrATitleChangedStayNews) {
  // A scope above the title: it does not repeat the title.
  EXPECT_TRUE(crumb_change_of("- Applies to: EU drivers\n- Only for fleet partners\n" + kTitle + kTerms, kTitle + kTerms).substantive);
  // The title itself changed with its trail: a new edition's date.
  const std::string next = "# General Terms for Drivers (effective until 30.06.2024)\n";
  EXPECT_TRUE(crumb_change_of(kTrail + kTitle + kTerms, next + kTerms).substantive);
  // A sentence among the lines above the title is no crumb.
  EXPECT_TRUE(crumb_change_of("1. Drivers must hold a licence. Rides are insured.\n2. General Terms for Drivers (effective until 30.04.2024)\n" +
                                  kTitle + kTerms,
                              kTitle + kTerms)
                  .substantive);
  // The terms below the trail changed: news.
  std::string changed = kTerms;
  changed.replace(changed.find("20%"), 3, "25%");
  EXPECT_TRUE(crumb_change_of(kTrail + kTitle + kTerms, kTitle + changed).substantive);
}

// A review's finds: lines above a title that end with its words but are no trail: a date above
// the title's label, key facts, the documents that make the agreement (announced or not), the
// operator named by its legal form.
TEST(Breadcrumbs, KeyFactsADateDocumentsOrACompanyAboveTheTitleAreNoTrail) {
  const std::string label = "Terms of Service\n";
  const std::string title = "# Terms of Service\n";
  const std::string terms =
      "These terms set out the conditions under which you use the Lumenride app to book rides with drivers.\n"
      "You may cancel a ride free of charge within two minutes of booking it.\n";
  EXPECT_FALSE(breadcrumbs_of(parse_text("Effective July 1, 2026\n" + label + title + terms)).begin == 0);
  EXPECT_TRUE(crumb_change_of("Effective July 1, 2026\n" + label + title + terms,
                              "Effective September 1, 2026\n" + label + title + terms)
                  .substantive);
  EXPECT_TRUE(crumb_change_of("- Minimum age 16\n- Terms of Service\n" + title + terms,
                              "- Minimum age 13\n- Terms of Service\n" + title + terms)
                  .substantive);
  for (const std::string& intro : {std::string(), std::string("This agreement is made of these documents:\n")}) {
    const std::string documents = intro + "- Acceptable Use Policy\n- Data Processing Addendum\n- Terms of Service\n";
    const std::string more = intro + "- Acceptable Use Policy\n- Data Processing Addendum\n- Arbitration Agreement\n- Terms of Service\n";
    EXPECT_TRUE(crumb_change_of(documents + title + terms, more + title + terms).substantive) << intro;
  }
  EXPECT_EQ(breadcrumbs_of(parse_text("Lumenride Inc / Riders / Terms of Service\n" + title + terms)).begin, 1u);
  // An edition's place or a company by a legal form among the crumbs: no trail (the second
  // review's finds).
  EXPECT_EQ(breadcrumbs_of(parse_text("Home / Archive / Terms of Service\n" + title + terms)).begin, 1u);
  EXPECT_EQ(breadcrumbs_of(parse_text("- Home\n- Superseded versions\n- Terms of Service\n" + title + terms)).begin, 3u);
  EXPECT_EQ(breadcrumbs_of(parse_text("Lumenride Europe SE / Riders / Terms of Service\n" + title + terms)).begin, 1u);
  // So in the other languages tosdiff reads, and for a version not yet in force (the third
  // review's finds).
  const std::string titel = "# Nutzungsbedingungen\n";
  EXPECT_EQ(breadcrumbs_of(parse_text("Startseite \xE2\x80\xBA Archiv \xE2\x80\xBA Nutzungsbedingungen\n" + titel + terms)).begin, 1u);
  EXPECT_EQ(breadcrumbs_of(parse_text("Startseite \xE2\x80\xBA F\xC3\xBCr Gesch\xC3\xA4" "ftskunden \xE2\x80\xBA Nutzungsbedingungen\n" + titel + terms)).begin, 1u);
  EXPECT_EQ(breadcrumbs_of(parse_text("Home \xE2\x80\xBA Upcoming changes \xE2\x80\xBA Terms of Service\n" + title + terms)).begin, 1u);
  EXPECT_EQ(breadcrumbs_of(parse_text("Startseite \xE2\x80\xBA Rechtliches \xE2\x80\xBA Nutzungsbedingungen\n" + titel + terms)).begin, 0u);
  // The fourth review's finds: a list of the agreement's documents, unnumbered or naming no place
  // of the site, and an edition's place in other words: no trail.
  EXPECT_EQ(breadcrumbs_of(parse_text("- Community Rules\n- Code of Conduct\n- Terms of Service\n" + title + terms)).begin, 3u);
  EXPECT_EQ(breadcrumbs_of(parse_text("1. Community Rules\n2. Code of Conduct\n3. Terms of Service\n" + title + terms)).begin, 3u);
  EXPECT_EQ(breadcrumbs_of(parse_text("- Categories\n- Rides\n- Terms of Service\n" + title + terms)).begin, 3u);
  EXPECT_EQ(breadcrumbs_of(parse_text("Home \xE2\x80\xBA Legacy \xE2\x80\xBA Terms of Service\n" + title + terms)).begin, 1u);
  // A trail of the site's sections stays one.
  EXPECT_EQ(breadcrumbs_of(parse_text("Home / Help Center / Terms of Service\n" + title + terms)).begin, 0u);
}

}  // namespace
}  // namespace tosdiff
