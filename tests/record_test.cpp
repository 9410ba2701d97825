#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/record_text.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/record_schema.hpp"
#include "tosdiff/util/json_fields.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;
using Strings = std::vector<std::string>;

const std::string kMinus = "\xE2\x88\x92";  // U+2212, as summarize() writes it

Strings keys_of(const ordered_json& j) {
  Strings keys;
  for (const auto& [key, value] : j.items()) {
    (void)value;
    keys.push_back(key);
  }
  return keys;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    if (len == 2 && c < 0xC2) return false;  // overlong
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

VersionRef version(const std::string& id, const std::string& sha_digit) {
  VersionRef v;
  v.version = id;
  v.captured_at = "2026-01-0" + id + "T10:00:00Z";
  v.sha256 = std::string(64, sha_digit[0]);
  v.snapshot_sha256 = std::string(64, 'e');
  v.snapshots = {std::string(64, 'e')};
  return v;
}

ChangeRecord base(Status status) {
  ChangeRecord r;
  r.platform = "ai21";
  r.document = "terms-of-use";
  r.title = "AI21 Labs \xE2\x80\x94 Terms of Use";
  r.urls = {"https://example.com/terms"};
  r.status = status;
  r.checked_at = "2026-01-02T10:00:00Z";
  return r;
}

Hunk substantive_hunk() {
  Hunk h;
  h.old_start = 4;
  h.old_lines = 1;
  h.new_start = 4;
  h.new_lines = 1;
  h.section = {"Terms of Use", "Payments"};
  h.lines = {{'-', "We keep data for two (2) years."}, {'+', "We keep data for one (1) year."}};
  h.words = {{'=', "We keep data for", 0}, {'-', "two (2) years.", 0}, {'+', "one (1) year.", 0}};
  return h;
}

Hunk cosmetic_hunk(std::size_t line) {
  Hunk h;
  h.old_start = line;
  h.old_lines = 1;
  h.new_start = line;
  h.new_lines = 1;
  h.section = {"Terms of Use"};
  h.lines = {{'-', "Effective December 17, 2025"}, {'+', "Effective 17 December 2025"}};
  h.words = {{'=', "Effective", 0}, {'-', "December 17, 2025", 0}, {'+', "17 December 2025", 0}};
  h.cosmetic = true;
  h.cosmetic_kinds = {"date_format"};
  return h;
}

ChangeRecord changed_substantive() {
  ChangeRecord r = base(Status::changed);
  r.previous = version("1", "a");
  r.current = version("2", "b");
  Change c;
  c.hunks = {cosmetic_hunk(2), substantive_hunk(), cosmetic_hunk(9)};
  c.stats = {0, 0, 3, 5, 5};
  c.substantive_stats = {0, 0, 1, 3, 3};
  c.substantive = true;
  c.cosmetic_kinds = {"date_format"};
  r.change = c;
  r.significance = Significance::substantive;
  r.cosmetic_kinds = {"date_format"};
  return r;
}

ChangeRecord changed_cosmetic() {
  ChangeRecord r = base(Status::changed);
  r.previous = version("1", "a");
  r.current = version("2", "b");
  Change c;
  c.hunks = {cosmetic_hunk(2)};
  c.stats = {0, 0, 1, 3, 3};
  c.substantive = false;
  c.cosmetic_kinds = {"date_format"};
  r.change = c;
  r.significance = Significance::cosmetic;
  r.cosmetic_kinds = {"date_format"};
  return r;
}

ChangeRecord new_result() {
  ChangeRecord r = base(Status::new_document);
  r.current = version("1", "a");
  r.blocks = 12;
  r.words = 345;
  return r;
}

ChangeRecord error_result() {
  ChangeRecord r = base(Status::error);
  r.error = Error{ErrorKind::http_status, "HTTP 503 from https://example.com/terms"};
  return r;
}

ChangeRecord unchanged_result() {
  ChangeRecord r = base(Status::unchanged);
  r.current = version("2", "b");
  return r;
}

// ---- record_to_json -------------------------------------------------------------------------

TEST(RecordToJson, ChangedKeyOrder) {
  ChangeRecord r = changed_substantive();
  r.reverts_to = "1";
  r.warnings = {"something odd"};
  ordered_json j = record_to_json(r);
  EXPECT_EQ(keys_of(j), (Strings{"schema_version", "platform", "document", "title", "url", "status", "checked_at",
                                 "significance", "cosmetic_kinds", "reverts_to", "summary", "previous", "current",
                                 "stats", "hunks", "warnings", "fetcher"}));
  EXPECT_EQ(j["schema_version"], kRecordSchemaVersion);
  EXPECT_EQ(j["status"], "changed");
  EXPECT_EQ(j["significance"], "substantive");
  EXPECT_EQ(keys_of(j["stats"]),
            (Strings{"blocks_added", "blocks_removed", "blocks_changed", "words_added", "words_removed"}));
  EXPECT_EQ(keys_of(j["previous"]), (Strings{"version", "captured_at", "sha256", "snapshot_sha256"}));
  ASSERT_EQ(j["hunks"].size(), 3u);
  EXPECT_EQ(keys_of(j["hunks"][0]), (Strings{"old_start", "old_lines", "new_start", "new_lines", "section",
                                              "significance", "cosmetic_kinds", "lines", "words"}));
  EXPECT_EQ(keys_of(j["hunks"][1]), (Strings{"old_start", "old_lines", "new_start", "new_lines", "section",
                                              "significance", "lines", "words"}));
  EXPECT_EQ(j["hunks"][1]["significance"], "substantive");
  EXPECT_EQ(j["hunks"][0]["significance"], "cosmetic");
  EXPECT_EQ(keys_of(j["hunks"][1]["lines"][0]), (Strings{"op", "text"}));
  EXPECT_EQ(j["hunks"][1]["lines"][0]["op"], "-");
  EXPECT_EQ(keys_of(j["hunks"][1]["words"][0]), (Strings{"op", "text"}));
}

TEST(RecordToJson, ElidedWordsOnlyWhenNonZero) {
  ChangeRecord r = changed_substantive();
  r.change->hunks[1].words[0].elided_words = 42;
  ordered_json j = record_to_json(r);
  EXPECT_EQ(keys_of(j["hunks"][1]["words"][0]), (Strings{"op", "text", "elided_words"}));
  EXPECT_EQ(j["hunks"][1]["words"][0]["elided_words"], 42);
  EXPECT_FALSE(j["hunks"][1]["words"][1].contains("elided_words"));
}

TEST(RecordToJson, NewHasNoPreviousHunksOrStats) {
  ordered_json j = record_to_json(new_result());
  EXPECT_EQ(keys_of(j), (Strings{"schema_version", "platform", "document", "title", "url", "status", "checked_at",
                                 "summary", "current", "size", "fetcher"}));
  EXPECT_EQ(j["size"]["blocks"], 12);
  EXPECT_EQ(j["size"]["words"], 345);
  EXPECT_FALSE(j.contains("previous"));
  EXPECT_FALSE(j.contains("hunks"));
  EXPECT_FALSE(j.contains("stats"));
  EXPECT_FALSE(j.contains("significance"));
}

TEST(RecordToJson, ErrorHasNoPreviousHunksOrStats) {
  ordered_json j = record_to_json(error_result());
  EXPECT_EQ(keys_of(j), (Strings{"schema_version", "platform", "document", "title", "url", "status", "checked_at",
                                 "error", "fetcher"}));
  EXPECT_EQ(keys_of(j["error"]), (Strings{"kind", "message"}));
  EXPECT_EQ(j["error"]["kind"], "http_status");
  EXPECT_FALSE(j.contains("previous"));
  EXPECT_FALSE(j.contains("hunks"));
  EXPECT_FALSE(j.contains("stats"));
  EXPECT_FALSE(j.contains("summary"));
}

TEST(RecordToJson, UnchangedHasCurrentOnly) {
  ordered_json j = record_to_json(unchanged_result());
  EXPECT_EQ(keys_of(j), (Strings{"schema_version", "platform", "document", "title", "url", "status", "checked_at",
                                 "current", "fetcher"}));
}

TEST(RecordToJson, SeveralUrlsAndSnapshots) {
  ChangeRecord r = new_result();
  r.urls = {"https://example.com/a", "https://example.com/b"};
  r.current->snapshots = {std::string(64, '1'), std::string(64, '2')};
  ordered_json j = record_to_json(r);
  EXPECT_EQ(j["url"], "https://example.com/a");
  EXPECT_EQ(j["urls"].size(), 2u);
  EXPECT_EQ(keys_of(j["current"]), (Strings{"version", "captured_at", "sha256", "snapshot_sha256", "snapshots"}));
}

TEST(RecordToJson, InvalidUtf8InHunkTextDoesNotThrowAndGivesValidUtf8) {
  ChangeRecord r = changed_substantive();
  r.change->hunks[1].lines[0].text = "caf\xE9 \xFF\xFE broken \xC3";
  r.change->hunks[1].words[1].text = "\x80\x81";
  r.change->hunks[1].section = {"Sec\xE9tion"};
  std::string line;
  ASSERT_NO_THROW(line = record_to_json_line(r));
  EXPECT_TRUE(valid_utf8(line));
  EXPECT_EQ(line.find('\n'), std::string::npos);
  // It still parses as JSON.
  ordered_json parsed;
  EXPECT_NO_THROW(parsed = ordered_json::parse(line));
  EXPECT_EQ(parsed.value("status", ""), "changed");
}

TEST(RecordToText, InvalidUtf8InHunkTextGivesValidUtf8) {
  ChangeRecord r = changed_substantive();
  r.change->hunks[1].lines[0].text = "caf\xE9 \xFF\xFE broken";
  r.change->hunks[1].words[1].text = "caf\xE9";
  std::string text;
  ASSERT_NO_THROW(text = record_to_text(r, TextStyle{false, true}));
  EXPECT_TRUE(valid_utf8(text)) << text;
}

TEST(RecordToJsonLine, IsOneLine) {
  std::string line = record_to_json_line(changed_substantive());
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.rfind("{\"schema_version\":", 0), 0u) << line;
}

// ---- record_from_json -----------------------------------------------------------------------

void expect_versions_equal(const std::optional<VersionRef>& a, const std::optional<VersionRef>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (!a) return;
  EXPECT_EQ(a->version, b->version);
  EXPECT_EQ(a->captured_at, b->captured_at);
  EXPECT_EQ(a->sha256, b->sha256);
  EXPECT_EQ(a->snapshot_sha256, b->snapshot_sha256);
  // A single snapshot is written as snapshot_sha256 only.
  if (a->snapshots.size() > 1) {
    EXPECT_EQ(a->snapshots, b->snapshots);
  }
}

void expect_results_equal(const ChangeRecord& a, const ChangeRecord& b) {
  EXPECT_EQ(a.platform, b.platform);
  EXPECT_EQ(a.document, b.document);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.urls, b.urls);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.checked_at, b.checked_at);
  EXPECT_EQ(a.significance, b.significance);
  EXPECT_EQ(a.cosmetic_kinds, b.cosmetic_kinds);
  EXPECT_EQ(a.reverts_to, b.reverts_to);
  EXPECT_EQ(a.blocks, b.blocks);
  EXPECT_EQ(a.words, b.words);
  EXPECT_EQ(a.warnings, b.warnings);
  expect_versions_equal(a.previous, b.previous);
  expect_versions_equal(a.current, b.current);
  ASSERT_EQ(a.error.has_value(), b.error.has_value());
  if (a.error) {
    EXPECT_EQ(a.error->kind, b.error->kind);
    EXPECT_EQ(a.error->message, b.error->message);
  }
  ASSERT_EQ(a.change.has_value(), b.change.has_value());
  if (!a.change) return;
  const Change& ca = *a.change;
  const Change& cb = *b.change;
  EXPECT_EQ(ca.substantive, cb.substantive);
  EXPECT_EQ(ca.cosmetic_kinds, cb.cosmetic_kinds);
  EXPECT_EQ(ca.stats.blocks_added, cb.stats.blocks_added);
  EXPECT_EQ(ca.stats.blocks_removed, cb.stats.blocks_removed);
  EXPECT_EQ(ca.stats.blocks_changed, cb.stats.blocks_changed);
  EXPECT_EQ(ca.stats.words_added, cb.stats.words_added);
  EXPECT_EQ(ca.stats.words_removed, cb.stats.words_removed);
  ASSERT_EQ(ca.hunks.size(), cb.hunks.size());
  for (std::size_t i = 0; i < ca.hunks.size(); ++i) {
    const Hunk& x = ca.hunks[i];
    const Hunk& y = cb.hunks[i];
    SCOPED_TRACE("hunk " + std::to_string(i));
    EXPECT_EQ(x.old_start, y.old_start);
    EXPECT_EQ(x.old_lines, y.old_lines);
    EXPECT_EQ(x.new_start, y.new_start);
    EXPECT_EQ(x.new_lines, y.new_lines);
    EXPECT_EQ(x.section, y.section);
    EXPECT_EQ(x.cosmetic, y.cosmetic);
    EXPECT_EQ(x.cosmetic_kinds, y.cosmetic_kinds);
    ASSERT_EQ(x.lines.size(), y.lines.size());
    for (std::size_t k = 0; k < x.lines.size(); ++k) {
      EXPECT_EQ(x.lines[k].op, y.lines[k].op);
      EXPECT_EQ(x.lines[k].text, y.lines[k].text);
    }
    ASSERT_EQ(x.words.size(), y.words.size());
    for (std::size_t k = 0; k < x.words.size(); ++k) {
      EXPECT_EQ(x.words[k].op, y.words[k].op);
      EXPECT_EQ(x.words[k].text, y.words[k].text);
      EXPECT_EQ(x.words[k].elided_words, y.words[k].elided_words);
    }
  }
}

TEST(RecordFromJson, RoundTripChanged) {
  ChangeRecord r = changed_substantive();
  r.reverts_to = "1";
  r.warnings = {"w1", "w2"};
  r.change->hunks[1].words[0].elided_words = 17;
  expect_results_equal(r, record_from_json(record_to_json(r)));
}

TEST(RecordFromJson, RoundTripCosmetic) {
  ChangeRecord r = changed_cosmetic();
  expect_results_equal(r, record_from_json(record_to_json(r)));
}

TEST(RecordFromJson, RoundTripNewErrorUnchanged) {
  for (const ChangeRecord& r : {new_result(), error_result(), unchanged_result()}) {
    SCOPED_TRACE(std::string(to_string(r.status)));
    expect_results_equal(r, record_from_json(record_to_json(r)));
  }
}

// A text held back whose own edits are told (model/record.hpp HeldChange): written, read back,
// valid, and printed under the error.
ChangeRecord held_change_result() {
  ChangeRecord r = base(Status::error);
  r.error = Error{ErrorKind::suspicious_shrink, "the text fell from 6318 to 742 words"};
  HeldChange held;
  held.since = "2026-01-01T10:00:00Z";
  held.last_seen = "2026-01-02T04:00:00Z";
  held.summary = "AI21 Labs \xE2\x80\x94 Terms of Use changed: +5/" + kMinus + "0 words in 1 place";
  held.severity = Severity::moderate;
  held.section = {"Privacy"};
  held.change = *changed_substantive().change;
  r.held_change = held;
  r.warnings = {"the text held back since 2026-01-01T10:00:00Z changed since it was last seen"};
  return r;
}

TEST(RecordFromJson, RoundTripAHeldTextsChange) {
  const ChangeRecord r = held_change_result();
  const ordered_json j = record_to_json(r);
  testing::expect_valid_record(j, "an error with a held change");
  ASSERT_TRUE(j.contains("held_change"));
  EXPECT_EQ(keys_of(j["held_change"]), (Strings{"since", "last_seen", "summary", "severity", "section", "stats", "hunks"}));
  const ChangeRecord back = record_from_json(j);
  expect_results_equal(r, back);
  ASSERT_TRUE(back.held_change);
  EXPECT_EQ(back.held_change->since, r.held_change->since);
  EXPECT_EQ(back.held_change->last_seen, r.held_change->last_seen);
  EXPECT_EQ(back.held_change->summary, r.held_change->summary);
  EXPECT_EQ(back.held_change->severity, Severity::moderate);
  EXPECT_EQ(back.held_change->section, r.held_change->section);
  EXPECT_EQ(back.held_change->change.hunks.size(), r.held_change->change.hunks.size());
  const std::string text = record_to_text(r, TextStyle{});
  EXPECT_NE(text.find("held text changed: " + r.held_change->summary), std::string::npos) << text;
  EXPECT_NE(text.find("the baseline is unconfirmed"), std::string::npos) << text;
  // Read back strictly: a held change without its hunks is a damaged record.
  ordered_json damaged = j;
  damaged["held_change"].erase("hunks");
  EXPECT_THROW(record_from_json(damaged), JsonFieldError);
  // Twin: no held change, no such key and no such line.
  EXPECT_FALSE(record_to_json(error_result()).contains("held_change"));
  EXPECT_EQ(record_to_text(error_result(), TextStyle{}).find("held text changed"), std::string::npos);
}

TEST(RecordFromJson, RoundTripThroughTextLine) {
  ChangeRecord r = changed_substantive();
  expect_results_equal(r, record_from_json(ordered_json::parse(record_to_json_line(r))));
}

TEST(RecordFromJson, RoundTripSeveralUrlsAndSnapshots) {
  ChangeRecord r = new_result();
  r.urls = {"https://example.com/a", "https://example.com/b"};
  r.current->snapshots = {std::string(64, '1'), std::string(64, '2')};
  ChangeRecord back = record_from_json(record_to_json(r));
  EXPECT_EQ(back.urls, r.urls);
  ASSERT_TRUE(back.current);
  EXPECT_EQ(back.current->snapshots, r.current->snapshots);
}

// `tosdiff diff` reads the stored record back and prints it: its summary must say what the
// original said.
TEST(RecordFromJson, SummaryOfAReadBackRecordIsUnchanged) {
  ChangeRecord r = changed_substantive();
  ChangeRecord back = record_from_json(record_to_json(r));
  EXPECT_EQ(summarize(back), summarize(r));
  EXPECT_EQ(record_to_json(back)["summary"], record_to_json(r)["summary"]);
}

TEST(RecordFromJson, MissingFieldsGetDefaults) {
  ChangeRecord r = record_from_json(ordered_json::parse(R"({"status":"unchanged"})"));
  EXPECT_EQ(r.status, Status::unchanged);
  EXPECT_TRUE(r.urls.empty());
  EXPECT_FALSE(r.change);
  EXPECT_FALSE(r.previous);
  EXPECT_FALSE(r.error);
}

// ---- summarize ------------------------------------------------------------------------------

TEST(Summarize, New) {
  EXPECT_EQ(summarize(new_result()), "AI21 Labs \xE2\x80\x94 Terms of Use: first version archived (12 blocks, 345 words)");
}

TEST(Summarize, UsesPlatformAndDocumentWithoutTitle) {
  ChangeRecord r = new_result();
  r.title.clear();
  EXPECT_EQ(summarize(r), "ai21/terms-of-use: first version archived (12 blocks, 345 words)");
}

TEST(Summarize, Error) {
  EXPECT_EQ(summarize(error_result()),
            "AI21 Labs \xE2\x80\x94 Terms of Use: http_status: HTTP 503 from https://example.com/terms");
}

TEST(Summarize, Unchanged) {
  EXPECT_EQ(summarize(unchanged_result()), "AI21 Labs \xE2\x80\x94 Terms of Use: unchanged");
}

TEST(Summarize, SubstantiveNamesTheSectionOfTheSubstantiveHunk) {
  ChangeRecord r = changed_substantive();
  const std::string s = summarize(r);
  EXPECT_NE(s.find("\xC2\xA7 'Payments'"), std::string::npos) << s;
  EXPECT_NE(s.find("changed: +3/" + kMinus + "3 words"), std::string::npos) << s;
  EXPECT_EQ(s.find("cosmetic"), std::string::npos) << s;
}

// Three hunks, of which one is substantive: the words are counted over the substantive hunk,
// and so must the places be.
TEST(Summarize, SubstantiveCountsSubstantivePlacesOnly) {
  EXPECT_EQ(summarize(changed_substantive()),
            "AI21 Labs \xE2\x80\x94 Terms of Use \xC2\xA7 'Payments' changed: +3/" + kMinus + "3 words in 1 place");
}

TEST(Summarize, Cosmetic) {
  EXPECT_EQ(summarize(changed_cosmetic()), "AI21 Labs \xE2\x80\x94 Terms of Use \xC2\xA7 'Terms of Use' changed: +3/" +
                                               kMinus + "3 words in 1 place (cosmetic: date_format)");
}

TEST(Summarize, RevertsTo) {
  ChangeRecord r = changed_cosmetic();
  r.reverts_to = "1";
  const std::string s = summarize(r);
  EXPECT_NE(s.find("; same text as version 1"), std::string::npos) << s;
}

TEST(Summarize, SeveralPlacesArePlural) {
  ChangeRecord r = changed_cosmetic();
  r.change->hunks.push_back(cosmetic_hunk(20));
  const std::string s = summarize(r);
  EXPECT_NE(s.find("in 2 places"), std::string::npos) << s;
}

TEST(Summarize, NoSectionWhenTheHunkHasNone) {
  ChangeRecord r = changed_cosmetic();
  r.change->hunks[0].section.clear();
  const std::string s = summarize(r);
  EXPECT_EQ(s.find("\xC2\xA7"), std::string::npos) << s;
}

// ---- record_to_text -------------------------------------------------------------------------

TEST(RecordToText, New) {
  std::string text = record_to_text(new_result(), TextStyle{});
  EXPECT_EQ(text, "NEW      ai21/terms-of-use  " + summarize(new_result()) + "\n");
  EXPECT_EQ(record_to_text(new_result(), TextStyle{false, true}), text);
}

TEST(RecordToText, Error) {
  std::string text = record_to_text(error_result(), TextStyle{});
  EXPECT_EQ(text,
            "ERROR    ai21/terms-of-use  AI21 Labs \xE2\x80\x94 Terms of Use\n"
            "  http_status: HTTP 503 from https://example.com/terms\n");
}

TEST(RecordToText, UnchangedPrintsNothingUnlessVerbose) {
  EXPECT_EQ(record_to_text(unchanged_result(), TextStyle{}), "");
  EXPECT_EQ(record_to_text(unchanged_result(), TextStyle{false, true}), "unchanged  ai21/terms-of-use\n");
}

TEST(RecordToText, CosmeticChangePrintsNothingUnlessVerbose) {
  EXPECT_EQ(record_to_text(changed_cosmetic(), TextStyle{}), "");
  std::string verbose = record_to_text(changed_cosmetic(), TextStyle{false, true});
  EXPECT_EQ(verbose.rfind("CHANGED  ai21/terms-of-use  cosmetic\n", 0), 0u) << verbose;
  EXPECT_NE(verbose.find("(cosmetic: date_format)"), std::string::npos) << verbose;
  EXPECT_NE(verbose.find("@@ -2 +2 @@ Terms of Use"), std::string::npos) << verbose;
}

TEST(RecordToText, SubstantiveChangeHidesCosmeticHunksUnlessVerbose) {
  const ChangeRecord r = changed_substantive();
  std::string text = record_to_text(r, TextStyle{});
  EXPECT_EQ(text,
            "CHANGED  ai21/terms-of-use  substantive\n"
            "  " + summarize(r) + "\n"
            "  version 2 (was 1), 2026-01-02T10:00:00Z\n"
            "@@ -4 +4 @@ Terms of Use \xE2\x80\xBA Payments\n"
            "  We keep data for [-two (2) years.-] {+one (1) year.+}\n");
  std::string verbose = record_to_text(r, TextStyle{false, true});
  EXPECT_NE(verbose.find("@@ -2 +2 @@ Terms of Use  (cosmetic: date_format)"), std::string::npos) << verbose;
  EXPECT_NE(verbose.find("@@ -9 +9 @@"), std::string::npos) << verbose;
  EXPECT_NE(verbose.find("@@ -4 +4 @@"), std::string::npos) << verbose;
}

TEST(RecordToText, ShortInsertionShowsWholeLines) {
  ChangeRecord r = changed_substantive();
  Hunk h;
  h.old_start = 3;
  h.old_lines = 0;
  h.new_start = 4;
  h.new_lines = 2;
  h.lines = {{'+', "First new line."}, {'+', "Second new line."}};
  h.words = {{'+', "First new line. Second new line.", 0}};
  r.change->hunks = {h};
  std::string text = record_to_text(r, TextStyle{});
  EXPECT_NE(text.find("@@ -3,0 +4,2 @@\n+ First new line.\n+ Second new line.\n"), std::string::npos) << text;
}

TEST(RecordToText, NoColorCodesUnlessAsked) {
  const ChangeRecord r = changed_substantive();
  EXPECT_EQ(record_to_text(r, TextStyle{false, true}).find('\x1b'), std::string::npos);
  EXPECT_NE(record_to_text(r, TextStyle{true, true}).find("\x1b["), std::string::npos);
  EXPECT_NE(record_to_text(new_result(), TextStyle{true, false}).find("\x1b["), std::string::npos);
}

TEST(IsSubstantiveChange, ChangedAndSubstantiveOnly) {
  EXPECT_FALSE(is_substantive_change(new_result()));
  EXPECT_TRUE(is_substantive_change(changed_substantive()));
  EXPECT_FALSE(is_substantive_change(changed_cosmetic()));
  EXPECT_FALSE(is_substantive_change(unchanged_result()));
  EXPECT_FALSE(is_substantive_change(error_result()));
}

}  // namespace
}  // namespace tosdiff
