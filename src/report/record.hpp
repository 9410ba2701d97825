#pragma once
// The change record: what one check of one document found, as JSON (schema-versioned,
// documented in docs/change-record.md, schema in docs/change-record.schema.json) and as
// text for people. Keys are written in a fixed order; text is always valid UTF-8.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

nlohmann::ordered_json record_to_json(const ChangeRecord& result);
std::string record_to_json_line(const ChangeRecord& result);  // one line, no newline
ChangeRecord record_from_json(const nlohmann::ordered_json& json);  // for diff/history

struct TextStyle {
  bool color = false;
  bool verbose = false;
};

// The readable report of one result; "" for an unchanged document unless verbose.
std::string record_to_text(const ChangeRecord& result, const TextStyle& style);

// The labels of a record's topics and flags and the names of its regulations, in order:
// what reports and messages list.
std::vector<std::string> topic_labels(const ChangeRecord& result);
std::vector<std::string> flag_labels(const ChangeRecord& result);
std::vector<std::string> regulation_names(const ChangeRecord& result);

// One line: "Terms of Use § '4. Your Content' changed: +38/−4 words in 1 place; topics: AI
// training, content licence; severity major" (topics and severity when classified).
std::string summarize(const ChangeRecord& result);

}  // namespace tosdiff
