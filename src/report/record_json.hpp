#pragma once
// The change record as JSON (schema-versioned, documented in docs/change-record.md, schema in
// docs/change-record.schema.json): keys in a fixed order, text always valid UTF-8. Reading
// one back checks every field's type (a damaged record is a JsonFieldError, never a crash).

#include <string>

#include <nlohmann/json.hpp>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

nlohmann::ordered_json record_to_json(const ChangeRecord& record);
std::string record_to_json_line(const ChangeRecord& record);  // one line, no newline
// Throws JsonFieldError or nlohmann's exceptions for a record of the wrong shape.
ChangeRecord record_from_json(const nlohmann::ordered_json& json);

}  // namespace tosdiff
