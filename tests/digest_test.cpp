// The digest: grouping and order, the windows of --since/--until, and the renderers (text,
// Markdown, HTML, JSON), page text escaped everywhere.

#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/record_text.hpp"
#include "tosdiff/pipeline/digest_query.hpp"

#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/records.hpp"
#include "tosdiff/util/clock.hpp"

namespace tosdiff {
namespace {

using testing::changed_record;
using testing::cosmetic_change;
using testing::new_record;
using testing::small_change;

DigestEntry entry(ChangeRecord r) {
  DigestEntry e;
  e.captured_at = r.checked_at;
  e.record = std::move(r);
  return e;
}

ChangeRecord titled(ChangeRecord r, const std::string& platform_name) {
  r.title = platform_name + " \u2014 " + r.title.substr(r.title.find(" \u2014 ") + 5);
  return r;
}

Digest sample() {
  std::vector<DigestEntry> entries;
  entries.push_back(entry(cosmetic_change("acme", "privacy-policy")));
  entries.push_back(entry(titled(small_change("zeta", "terms"), "Zeta")));
  entries.push_back(entry(new_record("acme", "cookies")));
  entries.push_back(entry(small_change("acme", "faq")));
  entries.push_back(entry(changed_record("acme", "terms-of-service")));
  Digest d = make_digest(std::move(entries));
  d.title = "What changed";
  d.period = "2026-11-22 12:00 \u2013 2026-11-29 12:00 UTC";
  d.generated_at = "2026-11-29T12:00:00Z";
  return d;
}

TEST(Digest, GroupsByPlatformGravestFirst) {
  const Digest d = sample();
  EXPECT_EQ(d.substantive, 3u);
  EXPECT_EQ(d.cosmetic, 1u);
  EXPECT_EQ(d.created, 1u);
  EXPECT_EQ(d.max_severity, Severity::major);
  ASSERT_EQ(d.groups.size(), 2u);
  EXPECT_EQ(d.groups[0].platform, "acme");  // it has the major change
  EXPECT_EQ(d.groups[0].name, "Example Platform");
  EXPECT_EQ(d.groups[1].name, "Zeta");
  std::vector<std::string> order;
  for (const auto& e : d.groups[0].entries) order.push_back(e.record.document);
  EXPECT_EQ(order, (std::vector<std::string>{"terms-of-service", "faq", "cookies", "privacy-policy"}));
  EXPECT_EQ(substantive_headline(d), "3 substantive changes (max severity major)");
}

TEST(Digest, TextShowsSummariesTopicsAndTheChangedWords) {
  const std::string text = digest_to_text(sample(), false);
  EXPECT_NE(text.find("What changed\n2026-11-22 12:00"), std::string::npos) << text;
  EXPECT_NE(text.find("3 substantive changes (max severity major) \u00b7 1 cosmetic change \u00b7 1 new document"),
            std::string::npos);
  EXPECT_NE(text.find("MAJOR     Terms of Service  version 2 (was 1), 2026-11-29 12:00 UTC"), std::string::npos) << text;
  EXPECT_NE(text.find("topics: AI training"), std::string::npos);
  EXPECT_NE(text.find("regulations: "), std::string::npos);
  EXPECT_NE(text.find("{+service and to train our AI models.+}"), std::string::npos) << text;
  EXPECT_NE(text.find("\u00a7 Example Terms \u203a 3. Your content"), std::string::npos);
  EXPECT_NE(text.find("COSMETIC  Terms of Service"), std::string::npos);
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
  const std::string colored = digest_to_text(sample(), true);
  EXPECT_NE(colored.find("\x1b[32;1mservice and to train our AI models.\x1b[0m"), std::string::npos) << colored;
}

TEST(Digest, AnEmptyDigestSaysSo) {
  Digest d = make_digest({});
  d.title = "What changed";
  EXPECT_NE(digest_to_text(d, false).find("no substantive change\n\nNothing changed."), std::string::npos);
  EXPECT_NE(digest_to_html(d).find("Nothing changed."), std::string::npos);
  EXPECT_EQ(digest_to_json(d)["groups"].size(), 0u);
}

TEST(Digest, HtmlIsSelfContainedAndEscapesPageText) {
  std::vector<DigestEntry> entries;
  ChangeRecord evil = changed_record("acme", "terms", "# <Terms>\nWe keep data for a year.\n",
                                    "# <Terms>\nWe keep data <script>alert(1)</script> & \"forever\" <img src=x onerror=y>.\n");
  evil.urls = {"javascript:alert(1)"};
  entries.push_back(entry(evil));
  Digest d = make_digest(std::move(entries));
  d.title = "What <changed>";
  const std::string html = digest_to_html(d);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);  // not an http(s) URL: no link
  EXPECT_EQ(html.find(" src=\""), std::string::npos);  // the page's "src=x" is text
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;forever&quot;"), std::string::npos) << html;
  EXPECT_NE(html.find("What &lt;changed&gt;"), std::string::npos);
  EXPECT_NE(html.find("<ins style="), std::string::npos);
  EXPECT_NE(html.find("<del style="), std::string::npos);
  EXPECT_NE(html.find("max-width:720px"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
}

TEST(Digest, MarkdownEscapesAndMarksWords) {
  std::vector<DigestEntry> entries;
  entries.push_back(entry(changed_record("acme", "terms", "# T\nWe keep data for a year.\n",
                                         "# T\nWe keep *all* data for [ever](http://x) <b>.\n")));
  Digest d = make_digest(std::move(entries));
  d.title = "What changed";
  const std::string md = digest_to_markdown(d);
  EXPECT_NE(md.find("# What changed\n"), std::string::npos);
  EXPECT_NE(md.find("## Example Platform\n"), std::string::npos);
  EXPECT_NE(md.find("\\*all\\*"), std::string::npos) << md;
  EXPECT_NE(md.find("\\[ever\\]"), std::string::npos);
  EXPECT_NE(md.find("&lt;b&gt;"), std::string::npos);
  EXPECT_NE(md.find("~~"), std::string::npos);
  EXPECT_NE(md.find("[Read the document](<https://example.com/terms>)"), std::string::npos);
}

TEST(Digest, JsonHasGroupsAndPlaces) {
  const auto j = digest_to_json(sample());
  EXPECT_EQ(j["counts"]["substantive"], 3);
  EXPECT_EQ(j["max_severity"], "major");
  ASSERT_EQ(j["groups"].size(), 2u);
  const auto& first = j["groups"][0]["changes"][0];
  EXPECT_EQ(first["document"], "terms-of-service");
  EXPECT_EQ(first["severity"], "major");
  EXPECT_EQ(first["version"], "2");
  EXPECT_EQ(first["previous_version"], "1");
  EXPECT_FALSE(first["topics"].empty());
  EXPECT_FALSE(first["places"].empty());
  EXPECT_EQ(first["places"][0]["words"][0].count("op"), 1u);
  const auto& cosmetic = j["groups"][0]["changes"][3];
  EXPECT_EQ(cosmetic["significance"], "cosmetic");
  EXPECT_FALSE(cosmetic.contains("places"));
}

TEST(Digest, LongChangesShowTheirFirstPlaces) {
  std::string before = "# T\n", after = "# T\n";
  for (int i = 0; i < 8; ++i) {
    before += "## Part " + std::to_string(i) + "\nClause " + std::to_string(i) + " says one thing.\n";
    after += "## Part " + std::to_string(i) + "\nClause " + std::to_string(i) + " says another thing.\n";
  }
  std::vector<DigestEntry> entries;
  entries.push_back(entry(changed_record("acme", "terms", before, after)));
  Digest d = make_digest(std::move(entries));
  EXPECT_NE(digest_to_text(d, false).find("and 3 more places"), std::string::npos);
  EXPECT_EQ(digest_to_json(d)["groups"][0]["changes"][0]["more_places"], 3);
}

TEST(Digest, WindowsAcceptDurationsAndDates) {
  std::chrono::system_clock::time_point now, t;
  ASSERT_TRUE(parse_utc("2026-11-29T12:00:00Z", now));
  ASSERT_TRUE(parse_since("7d", now, t));
  EXPECT_EQ(format_utc(t), "2026-11-22T12:00:00Z");
  ASSERT_TRUE(parse_since("24h", now, t));
  EXPECT_EQ(format_utc(t), "2026-11-28T12:00:00Z");
  ASSERT_TRUE(parse_since("90m", now, t));
  EXPECT_EQ(format_utc(t), "2026-11-29T10:30:00Z");
  ASSERT_TRUE(parse_since("2w", now, t));
  EXPECT_EQ(format_utc(t), "2026-11-15T12:00:00Z");
  ASSERT_TRUE(parse_since("2026-11-01", now, t));
  EXPECT_EQ(format_utc(t), "2026-11-01T00:00:00Z");
  ASSERT_TRUE(parse_until("2026-11-01", now, t));
  EXPECT_EQ(format_utc(t), "2026-11-01T23:59:59Z");
  ASSERT_TRUE(parse_until("2026-11-01T06:00:00Z", now, t));
  EXPECT_EQ(format_utc(t), "2026-11-01T06:00:00Z");
  EXPECT_FALSE(parse_since("7", now, t));
  EXPECT_FALSE(parse_since("7y", now, t));
  EXPECT_FALSE(parse_since("yesterday", now, t));
  EXPECT_FALSE(parse_since("", now, t));
  // Beyond what a time_point holds (+-292 years of nanoseconds): refused, never an overflow.
  EXPECT_FALSE(parse_since("999999d", now, t));
  EXPECT_FALSE(parse_since("999999w", now, t));
  ASSERT_TRUE(parse_since("36500d", now, t));
  EXPECT_EQ(format_utc(t), "1926-12-24T12:00:00Z");
  EXPECT_FALSE(parse_utc("0000-01-01T00:00:00Z", t));
  EXPECT_FALSE(parse_utc("9999-12-31", t));
  EXPECT_FALSE(parse_utc("-999-01-01", t));
  EXPECT_FALSE(parse_utc("2026-11-29T-1:00:00Z", t));
  ASSERT_TRUE(parse_utc("2261-12-31", t));
  ASSERT_TRUE(parse_until("2261-12-31", now, t));
  EXPECT_EQ(format_utc(t), "2261-12-31T23:59:59Z");
}

TEST(Digest, ArchivedChangesReadsTheWindowFromTheArchive) {
  testing::TempDir dir;
  Archive archive(dir.path());
  // Two versions of one document, written through the archive like a check does.
  DocumentIndex index = archive.load("acme", "terms");
  const ChangeRecord first = new_record("acme", "terms");
  const ChangeRecord second = changed_record("acme", "terms");
  int n = 0;
  for (const ChangeRecord* r : {&first, &second}) {
    VersionEntry v;
    v.number = static_cast<std::uint64_t>(++n);
    v.captured_at = n == 1 ? "2026-10-01T00:00:00Z" : "2026-11-29T12:00:00Z";
    v.sha256 = std::string(64, static_cast<char>('0' + n));
    v.status = r->status;
    v.significance = r->significance;
    v.summary = summarize(*r);
    archive.put_version(index, v.number, "text\n");
    archive.put_record(index, v.number, record_to_json(*r).dump(2) + "\n");
    index.versions.push_back(v);
  }
  archive.commit(index);
  std::chrono::system_clock::time_point since, until;
  ASSERT_TRUE(parse_utc("2026-11-01", since));
  ASSERT_TRUE(parse_utc("2026-12-01", until));
  std::vector<std::string> warnings, unreadable;
  auto entries = archived_changes(archive, since, until, {}, warnings, unreadable);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].record.severity, Severity::major);
  EXPECT_EQ(entries[0].captured_at, "2026-11-29T12:00:00Z");
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(unreadable.empty());
  ASSERT_TRUE(parse_utc("2026-09-01", since));
  EXPECT_EQ(archived_changes(archive, since, until, {"acme/terms"}, warnings, unreadable).size(), 2u);
  EXPECT_TRUE(archived_changes(archive, since, until, {"other"}, warnings, unreadable).empty());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "nothing archived for other");
}

}  // namespace
}  // namespace tosdiff
