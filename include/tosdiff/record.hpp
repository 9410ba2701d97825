#pragma once
// The change record: what one check of one document found, as JSON (schema-versioned,
// documented in docs/change-record.md, schema in docs/change-record.schema.json) and as
// text for people. Keys are written in a fixed order; text is always valid UTF-8.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tosdiff/diff.hpp"
#include "tosdiff/result.hpp"

namespace tosdiff {

inline constexpr int kRecordSchemaVersion = 1;

struct VersionRef {
  std::string version, captured_at, sha256;
  std::string snapshot_sha256;           // raw bytes of the (first) page
  std::vector<std::string> snapshots;    // raw bytes of every page, for combined documents
};

struct CheckResult {
  std::string platform, document, title;
  std::vector<std::string> urls;  // the declared page(s)
  std::string status;             // new | unchanged | changed | error
  std::string checked_at;
  std::optional<VersionRef> previous, current;
  std::optional<Change> change;   // status changed
  std::string significance;       // changed: substantive | cosmetic
  std::vector<std::string> cosmetic_kinds;
  std::string reverts_to;         // changed: id of an earlier version with this same text
  bool accepted = false;          // changed by `tosdiff accept`, not by a check
  std::size_t blocks = 0, words = 0;  // new: size of the text
  std::optional<Error> error;     // status error
  std::vector<std::string> warnings;

  bool is_alert() const { return status == "new" || (status == "changed" && significance == "substantive"); }
};

nlohmann::ordered_json record_to_json(const CheckResult& result);
std::string record_to_json_line(const CheckResult& result);  // one line, no newline
CheckResult record_from_json(const nlohmann::ordered_json& json);  // for diff/history

struct TextStyle {
  bool color = false;
  bool verbose = false;
};

// The readable report of one result; "" for an unchanged document unless verbose.
std::string record_to_text(const CheckResult& result, const TextStyle& style);

// One line: "Terms of Use §4 'Your Content' changed: +38/-4 words" (issue 4 extends it).
std::string summarize(const CheckResult& result);

}  // namespace tosdiff
