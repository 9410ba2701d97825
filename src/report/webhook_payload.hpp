#pragma once
// The body of a webhook alert: one change record as the record itself (format "json"), a
// Slack-compatible {"text": ...} message ("slack"), or a Microsoft Teams MessageCard
// ("teams"). Pure functions of the record.

#include <string>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

// The body for `format` (json | slack | teams); always valid UTF-8 JSON, one line.
std::string webhook_body(const ChangeRecord& record, const std::string& format);

}  // namespace tosdiff
