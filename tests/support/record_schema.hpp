#pragma once
// The JSON Schema of the change record (docs/change-record.schema.json), for tests: every
// record a test sees can be checked against it, so the schema and what tosdiff writes never
// drift apart unnoticed. Validation is valijson's (Debian's libvalijson-dev), loaded once.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tosdiff::testing {

// A GTest failure (non-fatal) for each way `record` breaks the schema, each naming the JSON
// path it is at ("/hunks/0/significance") and valijson's reason. `where` (a file, "line 3 of
// check --json") is added to the message.
void expect_valid_record(const nlohmann::json& record, const std::string& where = "");
void expect_valid_record(const nlohmann::ordered_json& record, const std::string& where = "");

// The same check as a value: "<path>: <reason>" per validation error, empty when valid.
std::vector<std::string> record_schema_errors(const nlohmann::json& record);

// Whether a JSON value is a change record (an object with "schema_version" and "status"), as
// opposed to the other JSON tosdiff prints (verify's findings, digests, outbox entries).
bool is_change_record(const nlohmann::json& value);

// Every records/<n>.json under a data directory (<data>/<platform>/<document>/records/),
// validated; returns how many were checked. A file that is not JSON is a failure too.
std::size_t expect_valid_archived_records(const std::string& data_dir);

}  // namespace tosdiff::testing
