// docs/change-record.schema.json against what tosdiff writes: records of every status,
// significance and error kind, made by the real record builder and written by the real
// record_to_json, validate; and records broken on purpose do not (so the validator is known
// to be checking something).

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/record_schema.hpp"
#include "support/records.hpp"
#include "tosdiff/model/result.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/record_text.hpp"
#include "tosdiff/util/sha256.hpp"

namespace tosdiff {
namespace {

using nlohmann::json;
using testing::expect_valid_record;
using testing::record_schema_errors;

json to_json(const ChangeRecord& r) { return json::parse(record_to_json_line(r)); }

// ---- records made the way check, accept and diff make them --------------------------------

const char* kA =
    "# Example Terms\nLast updated: March 3, 2026\n## 3. Privacy\n"
    "We do not sell your personal information, and you can opt out of marketing emails at any time.\n"
    "## 8. Disputes\nYou may bring any dispute before the courts of your place of residence.\n";
const char* kB =
    "# Example Terms\nLast updated: March 3, 2026\n## 3. Privacy\n"
    "We may sell your personal information to advertising partners.\n"
    "## 8. Disputes\nAny dispute will be resolved by binding individual arbitration; you waive any right to a jury "
    "trial.\n";

VersionEntry version(std::uint64_t number, const std::string& text, std::vector<std::string> snapshots = {}) {
  VersionEntry v;
  v.number = number;
  v.captured_at = "2026-11-2" + std::to_string(number % 10) + "T08:00:00Z";
  v.sha256 = sha256_hex(text);
  v.snapshots = snapshots.empty() ? std::vector<std::string>{sha256_hex("page " + text)} : std::move(snapshots);
  return v;
}

// A record of `texts.back()` following `texts[size - 2]`, with the earlier ones as history.
ChangeRecord build(const std::vector<std::string>& texts, bool accepted = false,
                   std::vector<std::string> warnings = {}, std::vector<std::string> urls = {}) {
  std::vector<Text> parsed;
  for (const auto& t : texts) parsed.push_back(parse_text(t));
  RecordInput in;
  in.platform = "example";
  in.document = "terms-of-service";
  in.title = "Example \u2014 Terms of Service";
  in.urls = urls.empty() ? std::vector<std::string>{"https://example.com/terms"} : urls;
  in.checked_at = "2026-11-29T12:00:00Z";
  std::vector<VersionEntry> history;
  for (std::size_t i = 0; i + 1 < texts.size(); ++i) {
    VersionEntry v = version(i + 1, texts[i]);
    v.status = i == 0 ? Status::new_document : Status::changed;
    history.push_back(v);
  }
  std::vector<std::string> snapshots;
  if (in.urls.size() > 1)
    for (const auto& u : in.urls) snapshots.push_back(sha256_hex(u));
  in.current = version(texts.size(), texts.back(), snapshots);
  in.current_text = &parsed.back();
  if (!history.empty()) {
    in.previous = history.back();
    in.previous_text = &parsed[texts.size() - 2];
    in.history = history;
  }
  in.accepted = accepted;
  in.warnings = std::move(warnings);
  return build_record(in).record;
}

ChangeRecord error_record(ErrorKind kind) {
  ChangeRecord r;
  r.platform = "example";
  r.document = "terms-of-service";
  r.title = "Example \u2014 Terms of Service";
  r.urls = {"https://example.com/terms"};
  r.status = Status::error;
  r.checked_at = "2026-11-29T12:00:00Z";
  r.error = Error{kind, "what went wrong"};
  return r;
}

TEST(RecordSchema, ANewRecordValidates) {
  const ChangeRecord r = build({kA});
  ASSERT_EQ(r.status, Status::new_document);
  EXPECT_EQ(r.severity, Severity::info);
  expect_valid_record(to_json(r));
  // Made by `accept` of a page held back on a first check, with its warning.
  const ChangeRecord accepted = build({kA}, true, {"accepted on purpose: error_page: the page is an error page"});
  EXPECT_TRUE(to_json(accepted).at("accepted"));
  expect_valid_record(to_json(accepted));
}

TEST(RecordSchema, ASubstantiveChangeWithTopicsFlagsAndRegulationsValidates) {
  const ChangeRecord r = build({kA, kB});
  ASSERT_EQ(r.status, Status::changed);
  ASSERT_EQ(r.significance, Significance::substantive);
  ASSERT_FALSE(r.topics.empty());
  ASSERT_FALSE(r.flags.empty());
  ASSERT_FALSE(r.regulations.empty());
  ASSERT_FALSE(r.section.empty());
  const json j = to_json(r);
  bool hunk_topics = false, hunk_flags = false;
  for (const auto& h : j.at("hunks")) {
    hunk_topics |= h.contains("topics");
    hunk_flags |= h.contains("flags");
  }
  EXPECT_TRUE(hunk_topics && hunk_flags);
  expect_valid_record(j);
}

TEST(RecordSchema, CosmeticChangesOfEveryKindTheDiffFindsValidate) {
  const std::string base = "# Terms\nLast updated: March 3, 2026\n1. We keep your data for \"thirty\" days.\n"
                           "Spacing here is normal.\nA first paragraph stays.\nA second paragraph stays.\n";
  const std::vector<std::pair<std::string, std::string>> variants = {
      {"date_format", "# Terms\nLast updated: 3 March 2026\n1. We keep your data for \"thirty\" days.\n"
                      "Spacing here is normal.\nA first paragraph stays.\nA second paragraph stays.\n"},
      {"quotes", "# Terms\nLast updated: March 3, 2026\n1. We keep your data for \u201cthirty\u201d days.\n"
                 "Spacing here is normal.\nA first paragraph stays.\nA second paragraph stays.\n"},
      {"whitespace", "# Terms\nLast updated: March 3, 2026\n1. We keep your data for \"thirty\" days.\n"
                     "Spacing  here   is normal .\nA first paragraph stays.\nA second paragraph stays.\n"},
      {"case", "# Terms\nLast updated: March 3, 2026\n1. We keep your data for \"thirty\" days.\n"
               "SPACING here is normal.\nA first paragraph stays.\nA second paragraph stays.\n"},
      {"reorder", "# Terms\nLast updated: March 3, 2026\n1. We keep your data for \"thirty\" days.\n"
                  "Spacing here is normal.\nA second paragraph stays.\nA first paragraph stays.\n"},
  };
  for (const auto& [kind, after] : variants) {
    SCOPED_TRACE(kind);
    const ChangeRecord r = build({base, after});
    ASSERT_EQ(r.status, Status::changed);
    EXPECT_EQ(r.significance, Significance::cosmetic);
    EXPECT_NE(std::find(r.cosmetic_kinds.begin(), r.cosmetic_kinds.end(), kind), r.cosmetic_kinds.end())
        << ::testing::PrintToString(r.cosmetic_kinds);
    expect_valid_record(to_json(r));
  }
  // A substantive change with a cosmetic hunk beside it: the record lists the hunk's kind.
  const ChangeRecord mixed =
      build({base, "# Terms\nLast updated: 3 March 2026\n1. We keep your data for \"ninety\" days.\n"
                   "Spacing here is normal.\nA first paragraph stays.\nA second paragraph stays.\n"});
  EXPECT_EQ(mixed.significance, Significance::substantive);
  expect_valid_record(to_json(mixed));
}

TEST(RecordSchema, RevertsAndFlappingValidate) {
  const ChangeRecord back = build({kA, kB, kA});
  ASSERT_EQ(back.reverts_to, "1");
  ASSERT_EQ(back.significance, Significance::substantive);
  expect_valid_record(to_json(back));
  const ChangeRecord flapping = build({kA, kB, kA, kB});
  ASSERT_EQ(flapping.reverts_to, "2");
  ASSERT_EQ(flapping.significance, Significance::cosmetic);
  ASSERT_EQ(flapping.cosmetic_kinds, std::vector<std::string>{"flapping"});
  expect_valid_record(to_json(flapping));
}

TEST(RecordSchema, AnAcceptedChangeValidates) {
  const ChangeRecord r = build({kA, "# Example Terms\nThese terms are being revised; check back soon.\n"}, true,
                               {"accepted on purpose: suspicious_shrink: the text fell from 40 to 8 words"});
  ASSERT_EQ(r.status, Status::changed);
  ASSERT_TRUE(r.accepted);
  expect_valid_record(to_json(r));
}

TEST(RecordSchema, ACombinedDocumentValidates) {
  const ChangeRecord created = build({kA}, false, {}, {"https://example.com/terms", "https://example.com/privacy"});
  const json j = to_json(created);
  ASSERT_EQ(j.at("urls").size(), 2u);
  ASSERT_EQ(j.at("current").at("snapshots").size(), 2u);
  expect_valid_record(j);
  const ChangeRecord changed = build({kA, kB}, false, {}, {"https://example.com/terms", "https://example.com/privacy"});
  expect_valid_record(to_json(changed));
}

TEST(RecordSchema, UnchangedRecordsValidate) {
  // From check: the current version only, maybe with a warning.
  ChangeRecord r = error_record(ErrorKind::network);
  r.status = Status::unchanged;
  r.error.reset();
  r.current = version_ref(version(2, kA));
  expect_valid_record(to_json(r));
  r.warnings = {"the declaration's select ('.policy') matched nothing; tosdiff found the text itself. Update the "
                "declaration"};
  expect_valid_record(to_json(r));
  // From diff --from/--to of two equal texts: previous, stats and no hunks too.
  const ChangeRecord same = build({kA, kA});
  ASSERT_EQ(same.status, Status::unchanged);
  const json j = to_json(same);
  EXPECT_TRUE(j.contains("previous") && j.contains("stats"));
  EXPECT_EQ(j.at("hunks"), json::array());
  expect_valid_record(j);
}

TEST(RecordSchema, ErrorRecordsOfEveryKindARecordCanCarryValidate) {
  // Not record kinds: accept with nothing pending prints no record (the command fails), and
  // delivery errors belong to the outbox, not to a document's check.
  const std::vector<ErrorKind> never_in_a_record = {ErrorKind::nothing_pending, ErrorKind::exec, ErrorKind::webhook,
                                                    ErrorKind::email};
  int kinds = 0;
  for (int k = 0; k <= static_cast<int>(ErrorKind::email); ++k) {
    const auto kind = static_cast<ErrorKind>(k);
    ASSERT_FALSE(to_string(kind).empty()) << k;
    SCOPED_TRACE(std::string(to_string(kind)));
    ++kinds;
    ChangeRecord r = error_record(kind);
    if (std::find(never_in_a_record.begin(), never_in_a_record.end(), kind) != never_in_a_record.end()) {
      EXPECT_FALSE(record_schema_errors(to_json(r)).empty());
      continue;
    }
    expect_valid_record(to_json(r));
    r.warnings = {"a warning"};
    expect_valid_record(to_json(r));
  }
  EXPECT_EQ(kinds, 38);  // a new kind: decide whether a record can carry it, then update this
}

TEST(RecordSchema, TheRecordsOfTheTestSupportValidate) {
  expect_valid_record(to_json(testing::changed_record("openai", "terms-of-service")));
  expect_valid_record(to_json(testing::small_change("openai", "privacy-policy")));
  expect_valid_record(to_json(testing::cosmetic_change("openai", "cookies")));
  ChangeRecord created = testing::new_record("openai", "usage-policy");
  expect_valid_record(to_json(created));
}

// ---- the validator rejects what the schema forbids ----------------------------------------

bool mentions(const std::vector<std::string>& errors, const std::string& text) {
  for (const auto& e : errors)
    if (e.find(text) != std::string::npos) return true;
  return false;
}

TEST(RecordSchema, BrokenRecordsAreRejected) {
  const json good = to_json(build({kA, kB}));
  ASSERT_TRUE(record_schema_errors(good).empty());

  json missing_status = good;
  missing_status.erase("status");
  EXPECT_FALSE(record_schema_errors(missing_status).empty());

  json unknown_status = good;
  unknown_status["status"] = "stale";
  EXPECT_TRUE(mentions(record_schema_errors(unknown_status), "/status"))
      << ::testing::PrintToString(record_schema_errors(unknown_status));

  json unknown_key = good;
  unknown_key["colour"] = "red";
  EXPECT_FALSE(record_schema_errors(unknown_key).empty());

  json no_significance = good;
  no_significance.erase("significance");
  EXPECT_FALSE(record_schema_errors(no_significance).empty());

  json string_version = good;
  string_version["schema_version"] = "1";
  EXPECT_FALSE(record_schema_errors(string_version).empty());

  json bad_time = good;
  bad_time["checked_at"] = "2026-11-29 12:00:00";
  EXPECT_TRUE(mentions(record_schema_errors(bad_time), "/checked_at"));

  json hunk_without_kinds = good;
  hunk_without_kinds["hunks"][0]["significance"] = "cosmetic";
  EXPECT_TRUE(mentions(record_schema_errors(hunk_without_kinds), "/hunks/0"))
      << ::testing::PrintToString(record_schema_errors(hunk_without_kinds));

  json info_substantive = good;
  info_substantive["severity"] = "info";
  EXPECT_FALSE(record_schema_errors(info_substantive).empty());

  json error_with_version = to_json(error_record(ErrorKind::timeout));
  ASSERT_TRUE(record_schema_errors(error_with_version).empty());
  error_with_version["current"] = good.at("current");
  EXPECT_FALSE(record_schema_errors(error_with_version).empty());

  json error_with_severity = to_json(error_record(ErrorKind::archive));
  error_with_severity["severity"] = "major";
  EXPECT_FALSE(record_schema_errors(error_with_severity).empty());

  json unknown_kind = to_json(error_record(ErrorKind::timeout));
  unknown_kind["error"]["kind"] = "gremlins";
  EXPECT_TRUE(mentions(record_schema_errors(unknown_kind), "/error/kind"));

  json accepted_false = good;
  accepted_false["accepted"] = false;
  EXPECT_FALSE(record_schema_errors(accepted_false).empty());

  const json flapping = to_json(build({kA, kB, kA, kB}));
  ASSERT_TRUE(record_schema_errors(flapping).empty());
  json flapping_without_revert = flapping;
  flapping_without_revert.erase("reverts_to");
  EXPECT_FALSE(record_schema_errors(flapping_without_revert).empty());
}

// dependentRequired is draft 2019-09; the loader translates it for valijson (draft 7). These
// records break only a dependentRequired rule, so they show the translation works.
TEST(RecordSchema, DependentRequiredRulesAreEnforced) {
  json regulations_alone = to_json(build({kA, kB}));
  ASSERT_TRUE(regulations_alone.contains("regulations"));
  regulations_alone.erase("topics");
  for (auto& h : regulations_alone["hunks"]) h.erase("topics");
  EXPECT_FALSE(record_schema_errors(regulations_alone).empty());

  json previous_alone = to_json(build({kA, kA}));
  ASSERT_TRUE(record_schema_errors(previous_alone).empty());
  previous_alone.erase("stats");
  previous_alone.erase("hunks");
  EXPECT_FALSE(record_schema_errors(previous_alone).empty());

  json snapshots_alone = to_json(build({kA}, false, {}, {"https://example.com/a", "https://example.com/b"}));
  ASSERT_TRUE(record_schema_errors(snapshots_alone).empty());
  snapshots_alone["current"].erase("snapshot_sha256");
  EXPECT_TRUE(mentions(record_schema_errors(snapshots_alone), "/current"))
      << ::testing::PrintToString(record_schema_errors(snapshots_alone));
}

}  // namespace
}  // namespace tosdiff
