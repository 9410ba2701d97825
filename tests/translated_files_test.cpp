// The document's translations offered as files beside it (issue 11: a replay of the unseen
// contrib collection alerted three times on a game platform's terms whose English text had not
// changed: its list of translated PDFs gained four languages, and its files were re-dated and
// resized). Such a list's entries put in, re-dated or resized are cosmetic; a file named without
// its language, a list of two, and a clause beside the entries stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/translated_files.hpp"
#include "tosdiff/model/language_names.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

const std::string kPlatformTerms =
    "# Lumenfield Terms of Use\n"
    "These terms govern your use of the Lumenfield platform, its games, its creator tools and its virtual currency.\n"
    "## Accounts\n"
    "You are responsible for keeping your password secret and for everything that happens under your account.\n"
    "We may suspend your account if we believe you broke these terms, after telling you why whenever we can.\n"
    "## Virtual currency\n"
    "Lumens have no value outside the platform and cannot be exchanged for money, except where the law requires it.\n"
    "We may change the price of Lumens at any time; purchases already made keep the price paid for them.\n"
    "## Disputes\n"
    "Any dispute about these terms will be settled by binding arbitration in San Mateo, California, on an individual basis.\n"
    "You may opt out of arbitration within thirty days of accepting these terms by writing to our legal department.\n"
    "## Translations\n"
    "These terms are written in English. Translations are provided for convenience; the English text prevails.\n";

std::string entry(const std::string& tag, const std::string& title, const std::string& date, const std::string& size) {
  return "- " + tag + " - " + title + " " + date + ".pdf\n" + size + " Download\n";
}

std::string files(const std::string& date, const std::string& size, bool with_thai) {
  std::string list = entry("DE", "Nutzungsbedingungen von Lumenfield", date, size) +
                     entry("FR", "Conditions g\xC3\xA9n\xC3\xA9rales d'utilisation de Lumenfield", date, size) +
                     entry("PT-BR", "Termos de Uso da Lumenfield", date, size) +
                     entry("ZH-TW", "Lumenfield \xE4\xBD\xBF\xE7\x94\xA8\xE6\xA2\x9D\xE6\xAC\xBE", date, size);
  if (with_thai) list += entry("TH", "\xE0\xB8\x82\xE0\xB9\x89\xE0\xB8\xAD\xE0\xB8\x81\xE0\xB8\xB3\xE0\xB8\xAB\xE0\xB8\x99\xE0\xB8\x94 Lumenfield", date, size);
  return list;
}

Change files_change_of(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

TEST(TranslatedFiles, EntriesAreKnown) {
  EXPECT_TRUE(is_translated_file_entry("PL - Warunki korzystania z Lumenfield 20260519.pdf"));
  EXPECT_TRUE(is_translated_file_entry("zh-TW - Lumenfield terms 20260519.pdf 2 MB Download"));
  EXPECT_TRUE(is_translated_file_entry("Deutsch: Nutzungsbedingungen.pdf"));
  EXPECT_TRUE(is_file_size_line("900 KB Download"));
  EXPECT_TRUE(is_file_size_line("1,2 Mo"));
  EXPECT_FALSE(is_translated_file_entry("US - Terms of Use 20260519.pdf"));  // a country, not a language
  EXPECT_FALSE(is_translated_file_entry("Lumenfield Terms of Use 20260519.pdf"));
  EXPECT_FALSE(is_translated_file_entry("DE - Nutzungsbedingungen"));  // no file
  EXPECT_FALSE(is_file_size_line("900 users"));
  EXPECT_TRUE(is_language_code("PT-BR"));
  EXPECT_TRUE(is_language_code("es-419"));
  EXPECT_FALSE(is_language_code("Pl"));
  EXPECT_FALSE(is_language_code("XX"));
}

TEST(TranslatedFiles, FilesReDatedAndResizedAreCosmetic) {
  const Change change = files_change_of(kPlatformTerms + files("20260330", "500 KB", false), kPlatformTerms + files("20260519", "2 MB", false));
  ASSERT_FALSE(change.hunks.empty());
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"translations"}));
}

TEST(TranslatedFiles, ALanguageAddedIsCosmetic) {
  const Change change = files_change_of(kPlatformTerms + files("20260330", "1 MB", false), kPlatformTerms + files("20260330", "1 MB", true));
  EXPECT_FALSE(change.substantive);
}

// Negative twins: the document's own copy revised, two files only, a clause among the files, and
// the terms changed beside the files.
TEST(TranslatedFiles, TheDocumentsOwnFileOrAClauseBesideIsNews) {
  const std::string own = "- Lumenfield Terms of Use 20260330.pdf\n1 MB Download\n";
  EXPECT_TRUE(files_change_of(kPlatformTerms + own, kPlatformTerms + "- Lumenfield Terms of Use 20260519.pdf\n1 MB Download\n").substantive);
  const std::string two_before = entry("DE", "Nutzungsbedingungen", "20260330", "1 MB") + entry("FR", "Conditions", "20260330", "1 MB");
  const std::string two_after = entry("DE", "Nutzungsbedingungen", "20260519", "1 MB") + entry("FR", "Conditions", "20260519", "1 MB");
  EXPECT_TRUE(files_change_of(kPlatformTerms + two_before, kPlatformTerms + two_after).substantive);
  const std::string list = files("20260330", "1 MB", false);
  EXPECT_TRUE(files_change_of(kPlatformTerms + list, kPlatformTerms + list + "The English text no longer prevails over translations.\n").substantive);
  // A review's finds: a new document in English put in the list; a list of country addenda in
  // English (their codes are languages' codes too); a sentence naming a file among the entries.
  EXPECT_TRUE(files_change_of(kPlatformTerms + list,
                              kPlatformTerms + list + entry("EN", "Lumenfield Arbitration Agreement", "20260519", "310 KB"))
                  .substantive);
  const std::string addenda = entry("UK", "United Kingdom Consumer Addendum", "20260330", "1 MB") +
                              entry("CA", "Canada Privacy Addendum", "20260330", "1 MB") +
                              entry("IE", "Ireland Consumer Addendum", "20260330", "1 MB");
  EXPECT_TRUE(files_change_of(kPlatformTerms + addenda,
                              kPlatformTerms + addenda + entry("BR", "Brazil Data Processing Addendum", "20260519", "150 KB"))
                  .substantive);
  std::string with_sentence = files("20260519", "1 MB", false);
  with_sentence.insert(with_sentence.find("- FR"), "Only the English file Lumenfield_Terms_20260519.pdf binds you; translations are a courtesy\n");
  EXPECT_TRUE(files_change_of(kPlatformTerms + files("20260330", "1 MB", false), kPlatformTerms + with_sentence).substantive);
  std::string revised = kPlatformTerms;
  revised.replace(revised.find("thirty days"), 11, "ten days");
  EXPECT_TRUE(files_change_of(kPlatformTerms + list, revised + files("20260519", "1 MB", false)).substantive);
}

}  // namespace
}  // namespace tosdiff
