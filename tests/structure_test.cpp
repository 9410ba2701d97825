// A document's structure changed, as the thirtieth session's second red team wrote it
// (synthetic pages): each a restructuring judged wrong, with its twin that must keep its
// verdict. A clause moved to another category's section, a row to another table, an item to
// another section's list are news; the same blocks re-sorted where they were are not.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/page_reading.hpp"

namespace tosdiff {
namespace {

using testing::change_between;

// A cookie policy whose sections are categories of cookies.
std::string cookie_policy(const std::string& necessary, const std::string& optional) {
  return "# Cookie Policy\n## 1. What cookies are\nCookies are small text files a website stores in your browser.\n"
         "## 2. Strictly necessary cookies\nThese cookies are always active; you cannot switch them off.\n" +
         necessary + "## 3. Optional cookies\nThese cookies are set only if you accept them.\n" + optional +
         "## 4. Managing cookies\nMost browsers let you block or delete cookies.\n";
}

const std::string kAnalytics = "Analytics cookies from Quillstack record which pages you visit and for how long.\n";
const std::string kAds = "Advertising cookies from Brightpath measure which of our ads brought you here.\n";
const std::string kSession = "The session cookie keeps you signed in while you move between pages.\n";

TEST(Structure, AParagraphMovedToAnotherCategorysSectionIsNews) {
  const Change moved = change_between(cookie_policy(kSession, kAnalytics + kAds), cookie_policy(kSession + kAnalytics, kAds));
  EXPECT_TRUE(moved.substantive);
  // Twin: the optional cookies' paragraphs swapped in their own section.
  EXPECT_FALSE(change_between(cookie_policy(kSession, kAnalytics + kAds), cookie_policy(kSession, kAds + kAnalytics))
                   .substantive);
  // Twin: a paragraph moved between sections that are no categories of one thing (a policy's
  // own editing, as real histories showed it) stays a move.
  const auto policy = [](const std::string& rights, const std::string& contact) {
    return "# Privacy Policy\n## Your rights\nYou may ask us for a copy of your data.\n" + rights +
           "## Contact us\nWrite to privacy@lumenfield.example.\n" + contact;
  };
  const std::string line = "We answer every message within one month of receiving it.\n";
  EXPECT_FALSE(change_between(policy(line, ""), policy("", line)).substantive);
}

TEST(Structure, ARowMovedToAnotherTableIsNews) {
  const auto tables = [](const std::string& necessary, const std::string& optional) {
    return "# Cookie Policy\n## Strictly necessary cookies\nName | Provider | Expiry\nsession_id | Lumenfield | Session\n" +
           necessary + "## Optional cookies\nName | Provider | Expiry\n" + optional + "## Managing cookies\nUse your browser.\n";
  };
  const std::string qs = "qs_id | Quillstack | 13 months\n", bp = "bp_ad | Brightpath | 6 months\n";
  EXPECT_TRUE(change_between(tables("", qs + bp), tables(qs, bp)).substantive);
  // Twin: the optional table's rows sorted otherwise.
  EXPECT_FALSE(change_between(tables("", qs + bp), tables("", bp + qs)).substantive);
}

TEST(Structure, AParagraphItemMovedToAnotherSectionsLeadInIsNews) {
  const auto plans = [](const std::string& free, const std::string& paid) {
    return "# Privacy Policy\n## Free accounts\nWe share the following with advertising partners:\n" + free +
           "## Paid accounts\nWe share the following with advertising partners:\n" + paid + "## Contact\nWrite to us.\n";
  };
  const std::string id = "Your device advertising identifier.\n", city = "The city you browse from.\n";
  const std::string age = "Your age range.\n";
  EXPECT_TRUE(change_between(plans(id + city, age), plans(city, age + id)).substantive);
  // Twin: the free accounts' items swapped.
  EXPECT_FALSE(change_between(plans(id + city, age), plans(city + id, age)).substantive);
}

TEST(Structure, AnItemIndentedUnderAnotherIsNews) {
  const std::string lead = "# Terms of Use\n## Your account\nYou must not:\n";
  const std::string share = "- share your account credentials with anyone, except:\n  - members of your own household;\n";
  const std::string before = lead + share + "- let another person use your account for commercial purposes;\n- resell access.\n";
  // A prohibition indented into the exceptions.
  EXPECT_TRUE(change_between(before, lead + share + "  - let another person use your account for commercial purposes;\n"
                                                    "- resell access.\n")
                  .substantive);
  // Twins: a whole sublist nested under the item that introduces it, or flattened; bullets
  // made numbers.
  const std::string examples = "# Guidelines\n## Sales\nExamples:\n- Links to sell illegal goods, such as\n";
  const std::string flat = examples + "- Weapons\n- Recreational drugs\n- Counterfeit items\n";
  const std::string nested = examples + "  - Weapons\n  - Recreational drugs\n  - Counterfeit items\n";
  EXPECT_FALSE(change_between(flat, nested).substantive);
  EXPECT_FALSE(change_between(nested, flat).substantive);
  EXPECT_FALSE(change_between(before, lead + "1. share your account credentials with anyone, except:\n"
                                             "  1. members of your own household;\n"
                                             "2. let another person use your account for commercial purposes;\n"
                                             "3. resell access.\n")
                   .substantive);
}

TEST(Structure, AHeadingMovedUnderAnotherSectionIsNews) {
  const auto policy = [](const std::string& california, const std::string& rights) {
    return "# Privacy Policy\n## How we use data\nWe use data to run the service.\n" + california +
           "Californians may opt out of sharing.\n" + rights + "You may access and delete your data.\n";
  };
  const std::string before = policy("## Additional information for California residents\n", "## Your rights\n");
  EXPECT_TRUE(change_between(before, policy("## Additional information for California residents\n", "### Your rights\n"))
                  .substantive);
  // Twins: every heading one level deeper; a title put above sections demoted.
  EXPECT_FALSE(change_between(before, "## Privacy Policy\n### How we use data\nWe use data to run the service.\n"
                                      "### Additional information for California residents\n"
                                      "Californians may opt out of sharing.\n### Your rights\n"
                                      "You may access and delete your data.\n")
                   .substantive);
  const std::string flat = "# How we use data\nWe use data to run the service.\n# Your rights\nYou may access your data.\n";
  EXPECT_FALSE(change_between(flat, "# Lumenfield Privacy Policy\n## How we use data\nWe use data to run the service.\n"
                                    "## Your rights\nYou may access your data.\n")
                   .substantive);
}

TEST(Structure, RegionsHeadingsDroppedAtOnceAreNews) {
  const auto policy = [](const std::string& a, const std::string& b, const std::string& c) {
    return "# Privacy Policy\n## Regional rights\n" + a + "You may opt out of the sharing of your data for advertising.\n" +
           b + "You may ask the authority to review a decision made about you.\n" + c +
           "We process your data only on the legal bases the GDPR sets.\n## Contact\nWrite to us.\n";
  };
  const std::string before =
      policy("### If you are in California\n", "### If you are in Brazil\n", "### If you are in the EU\n");
  EXPECT_TRUE(change_between(before, policy("", "", "")).substantive);
  // Twin: topic labels dropped at once (a redesign) stay layout.
  EXPECT_FALSE(change_between(policy("### Advertising\n", "### Reviews\n", "### Legal bases\n"), policy("", "", ""))
                   .substantive);
}

TEST(Structure, AReferenceRenumberedWithItsSectionIsNoChange) {
  const auto terms = [](const std::string& reference, const std::string& six, const std::string& seven) {
    return "# Terms\n## 4. Use of data\nWhere we rely on your consent, as described in Section " + reference +
           ", you may withdraw it.\n## 5. Security\nWe protect your data.\n" + six + seven +
           "## 8. Your rights\nYou may access your data.\n";
  };
  const std::string retention = "Retention\nWe keep your content while your account is active.\n";
  const std::string choices = "Your choices and consent\nYou may withdraw your consent in your settings.\n";
  const std::string before = terms("7", "## 6. " + retention, "## 7. " + choices);
  EXPECT_FALSE(change_between(before, terms("6", "## 6. " + choices, "## 7. " + retention)).substantive);
  // Twin: the reference set to a section that did not move.
  EXPECT_TRUE(change_between(before, terms("8", "## 6. " + choices, "## 7. " + retention)).substantive);
}

// The same swap with the reference left as it was: "Section 7" now names Retention, the clause
// incorporates another (a red team's find: it was a cosmetic reorder, and the reference's block
// is in no hunk).
TEST(Structure, AReferenceLeftBehindByAReorderingIsNews) {
  const auto terms = [](const std::string& six, const std::string& seven, const std::string& nine,
                        const std::string& ten) {
    return "# Terms\n## 4. Use of data\nWhere we rely on your consent, as described in Section 7, you may withdraw "
           "it.\n## 5. Security\nWe protect your data.\n" +
           six + seven + "## 8. Your rights\nYou may access your data.\n" + nine + ten;
  };
  const std::string retention = "Retention\nWe keep your content while your account is active.\n";
  const std::string choices = "Your choices and consent\nYou may withdraw your consent in your settings.\n";
  const std::string transfers = "Transfers\nWe keep your data in the European Union.\n";
  const std::string changes = "Changes\nWe tell you of changes by email.\n";
  const std::string before = terms("## 6. " + retention, "## 7. " + choices, "## 9. " + transfers, "## 10. " + changes);
  EXPECT_TRUE(change_between(before, terms("## 6. " + choices, "## 7. " + retention, "## 9. " + transfers,
                                           "## 10. " + changes))
                  .substantive);
  // Twin: sections no reference names swapped.
  EXPECT_FALSE(change_between(before, terms("## 6. " + retention, "## 7. " + choices, "## 9. " + changes,
                                            "## 10. " + transfers))
                   .substantive);
}

TEST(Structure, HeadingsNumbersRestyledAreNumbering) {
  const auto terms = [](const std::string& six, const std::string& seven) {
    return "# Terms\n## " + six + "Retention\nWe keep your content while your account is active.\n## " + seven +
           "Your rights\nYou may access your data.\n";
  };
  const std::string before = terms("6. ", "7. ");
  for (const auto& [six, seven] : std::vector<std::pair<std::string, std::string>>{
           {"Section 6: ", "Section 7: "}, {"Article 6: ", "Article 7: "}, {"Section 6 \xE2\x80\x93 ", "Section 7 \xE2\x80\x93 "},
           {"Clause 6. ", "Clause 7. "}, {"Part 6. ", "Part 7. "}})
    EXPECT_FALSE(change_between(before, terms(six, seven)).substantive) << six;
  // Twin: restyled, one heading narrowed to some users.
  EXPECT_TRUE(change_between(before, "# Terms\n## Section 6: Retention\nWe keep your content while your account is "
                                     "active.\n## Section 7: Your rights (EU users only)\nYou may access your data.\n")
                  .substantive);
}

TEST(Structure, ATablesColumnsInAnotherOrderAreLayout) {
  const std::string head = "# Subprocessors\n## Who processes your data\n";
  const std::string before = head + "Subprocessor | Country | Purpose\nCloudmere | Ireland | Hosting\nQuillstack | "
                                    "United States | Analytics\n## Contact\nWrite to us.\n";
  EXPECT_FALSE(change_between(before, head + "Subprocessor | Purpose | Country\nCloudmere | Hosting | Ireland\nQuillstack | "
                                             "Analytics | United States\n## Contact\nWrite to us.\n")
                   .substantive);
  // Twin: swapped, and a country changed.
  EXPECT_TRUE(change_between(before, head + "Subprocessor | Purpose | Country\nCloudmere | Hosting | Ireland\nQuillstack | "
                                            "Analytics | India\n## Contact\nWrite to us.\n")
                  .substantive);
}

// A table's rows written as their columns' labels and values, one item per row (a responsive
// redesign; a red team's find), and back: layout.
TEST(Structure, ATablesRowsWrittenAsLabelledItemsAreLayout) {
  const std::string head = "# Subprocessors\n## Who processes your data\n", tail = "## Contact\nWrite to us.\n";
  const std::string table = head + "Subprocessor | Country | Purpose\nCloudmere | Ireland | Hosting\nQuillstack | "
                                   "United States | Analytics\n" + tail;
  const auto items = [&](const std::string& country) {
    return head + "- Subprocessor: Cloudmere. Country: Ireland. Purpose: Hosting.\n- Subprocessor: Quillstack. Country: " +
           country + ". Purpose: Analytics.\n" + tail;
  };
  EXPECT_FALSE(change_between(table, items("United States")).substantive);
  EXPECT_FALSE(change_between(items("United States"), table).substantive);
  EXPECT_FALSE(change_between(table, head + "- Cloudmere. Country: Ireland. Purpose: Hosting.\n- Quillstack. Country: "
                                            "United States. Purpose: Analytics.\n" + tail)
                   .substantive);
  // Twins: a country changed on the way; a label put on another value.
  EXPECT_TRUE(change_between(table, items("India")).substantive);
  EXPECT_TRUE(change_between(table, head + "- Subprocessor: Cloudmere. Country: Hosting. Purpose: Ireland.\n- Subprocessor: "
                                           "Quillstack. Country: United States. Purpose: Analytics.\n" + tail)
                  .substantive);
}

TEST(Structure, AGlossarysDefinitionGivenToAnotherTermIsNews) {
  const auto glossary = [](const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string text = "# Privacy Policy\n## Definitions\nIn this Policy, the following words have the meanings below:\n";
    for (const auto& [term, definition] : pairs) text += term + "\n" + definition + "\n";
    return text + "## Contact\nWrite to us.\n";
  };
  const std::pair<std::string, std::string> personal = {"Personal Data", "Any information about a person we can identify."},
                                            sensitive = {"Sensitive Data", "Data about health or beliefs, which we never use for ads."},
                                            usage = {"Usage Data", "Data about how you use the Services, which we may use for ads."};
  const auto before = glossary({personal, sensitive, usage});
  EXPECT_TRUE(change_between(before, glossary({personal, {sensitive.first, usage.second}, {usage.first, sensitive.second}}))
                  .substantive);
  // Twins: the glossary sorted, each term with its own definition; one-word terms too.
  EXPECT_FALSE(change_between(before, glossary({usage, personal, sensitive})).substantive);
  const std::pair<std::string, std::string> services = {"Services", "Our apps and website."},
                                            account = {"Account", "What you sign in with."},
                                            content = {"Content", "What you post."};
  EXPECT_FALSE(change_between(glossary({services, account, content}), glossary({account, content, services})).substantive);
}

// A sentence laid out as a lead-in and its items, the lead-in's last word said once instead of
// before each item (a red team's find), and the items run back into one sentence: layout.
TEST(Structure, ASentenceLaidOutAsALeadInAndItsItemsIsLayout) {
  const std::string sentence =
      "# Privacy\n## Use\nWe use your data to provide the service, to answer support requests, and to improve "
      "features. Where we rely on consent, you may withdraw it.\n## Contact\nWrite to us.\n";
  const auto listed = [](const std::string& items) {
    return "# Privacy\n## Use\nWe use your data to:\n" + items +
           "Where we rely on consent, you may withdraw it.\n## Contact\nWrite to us.\n";
  };
  const std::string items = "- provide the service;\n- answer support requests; and\n- improve features.\n";
  const Change laid_out = change_between(sentence, listed(items));
  EXPECT_FALSE(laid_out.substantive);
  EXPECT_EQ(laid_out.cosmetic_kinds, std::vector<std::string>{"layout"});
  EXPECT_FALSE(change_between(listed(items), sentence).substantive);
  // Twins: a purpose added; "and" made "or"; another word than the lead-in's dropped.
  EXPECT_TRUE(change_between(sentence, listed("- provide the service;\n- answer support requests;\n- personalise "
                                              "advertising; and\n- improve features.\n"))
                  .substantive);
  EXPECT_TRUE(
      change_between(sentence, listed("- provide the service;\n- answer support requests; or\n- improve features.\n"))
          .substantive);
  EXPECT_TRUE(change_between("# Privacy\n## Use\nWe use your data to provide the service, to answer support requests, "
                             "and never to improve features. Where we rely on consent, you may withdraw it.\n## "
                             "Contact\nWrite to us.\n",
                             listed(items))
                  .substantive);
}

// Two sections merged under a joined heading, their bodies as they were, and the reverse (a red
// team's find: both headings read as news): layout.
TEST(Structure, SectionsMergedUnderAJoinedHeadingAreLayout) {
  const std::string legal = "We keep data where the law requires it.\n", transfers = "We transfer data under the SCCs.\n";
  const std::string before = "# Policy\n## 9. Legal obligations\n" + legal + "## 10. International transfers\n" +
                             transfers + "## 11. Contact\nWrite to us.\n";
  const std::string merged = "# Policy\n## 9. Legal obligations and international transfers\n" + legal + transfers +
                             "## 10. Contact\nWrite to us.\n";
  EXPECT_FALSE(change_between(before, merged).substantive);
  EXPECT_FALSE(change_between(merged, before).substantive);
  // Twins: merged with the transfers' safeguard changed; the heading joined with a section that
  // was not the next one; a heading put in that is no part of the old one (a scope).
  EXPECT_TRUE(change_between(before, "# Policy\n## 9. Legal obligations and international transfers\n" + legal +
                                         "We transfer data under our own terms.\n## 10. Contact\nWrite to us.\n")
                  .substantive);
  EXPECT_TRUE(change_between(before, "# Policy\n## 9. Legal obligations and contact\n" + legal +
                                         "## 10. International transfers\n" + transfers + "Write to us.\n")
                  .substantive);
  EXPECT_TRUE(change_between(before, "# Policy\n## 9. Legal obligations\n" + legal + "## 10. International transfers\n" +
                                         "## 11. For users in the EEA\n" + transfers + "## 12. Contact\nWrite to us.\n")
                  .substantive);
}

// Footnotes made inline parentheticals, each note at its marker, and put back below (a red
// team's find: read as news, severity major): layout.
TEST(Structure, FootnotesMadeInlineAreLayout) {
  const std::string noted = "# Retention\nWe keep your content while your account is active.[1] We delete it within "
                            "30 days[2] of a request.\n[1] An account is active until it is inactive for 24 months.\n"
                            "[2] Days are calendar days.\n## Contact\nWrite to us.\n";
  const auto written = [](const std::string& months) {
    return "# Retention\nWe keep your content while your account is active (an account is active until it is inactive "
           "for " + months + " months). We delete it within 30 days (days are calendar days) of a request.\n## Contact\n"
           "Write to us.\n";
  };
  EXPECT_FALSE(change_between(noted, written("24")).substantive);
  EXPECT_FALSE(change_between(written("24"), noted).substantive);
  // Twins: a note changed on the way; a note put at another marker.
  EXPECT_TRUE(change_between(noted, written("12")).substantive);
  EXPECT_TRUE(change_between(noted, "# Retention\nWe keep your content while your account is active (days are calendar "
                                    "days). We delete it within 30 days (an account is active until it is inactive for "
                                    "24 months) of a request.\n## Contact\nWrite to us.\n")
                  .substantive);
}

// An article put before a title, a heading's or a numbered list's ("1. Service Netflix" / "1. Le
// Service Netflix", france replay): spelling. In a sentence an article may say which thing.
TEST(Structure, ATitlesArticleIsItsStyle) {
  const auto terms = [](const std::string& first, const std::string& second) {
    return "# Terms\n1. " + first + "\n2. " + second + "\nYou may cancel at any time.\n";
  };
  EXPECT_FALSE(change_between(terms("Service Lumenfield", "Abonnement"), terms("Le Service Lumenfield", "Abonnement")).substantive);
  EXPECT_FALSE(change_between("# Terms\n## App Store\nYou may cancel.\n", "# Terms\n## The App Store\nYou may cancel.\n")
                   .substantive);
  // A numbered title written as a paragraph (the number escaped so that it is no list item).
  EXPECT_FALSE(change_between("# Terms\n\\1. Service Lumenfield\nYou may cancel.\n",
                              "# Terms\n\\1. Le Service Lumenfield\nYou may cancel.\n")
                   .substantive);
  // Twins: a sentence's article; a longer item; a date's placeholder brackets taken off in a
  // short line (no article differs: news, as its own rule reads it).
  EXPECT_TRUE(change_between("# Policy\nOur new Privacy Policy comes into effect on [19 November 2023].\nEffective "
                             "Date: [19 November 2023]\nWe keep your data.\n",
                             "# Policy\nOur new Privacy Policy comes into effect on 19 November 2023.\nEffective Date: "
                             "19 November 2023\nWe keep your data.\n")
                  .substantive);
  EXPECT_TRUE(change_between(terms("Service Lumenfield", "Un compte est ferm\xC3\xA9."),
                             terms("Service Lumenfield", "Le compte est ferm\xC3\xA9."))
                  .substantive);
  EXPECT_TRUE(change_between(terms("Service Lumenfield", "Abonnement pour les clients des offres payantes du service"),
                             terms("Service Lumenfield", "L'abonnement pour les clients des offres payantes du service"))
                  .substantive);
}

}  // namespace
}  // namespace tosdiff
