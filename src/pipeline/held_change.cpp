#include "tosdiff/pipeline/held_change.hpp"

#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/report/record_text.hpp"

namespace tosdiff {

std::optional<HeldChange> held_change_between(const Text& held, const Text& now, const PendingText& before,
                                              const DocumentSpec& spec, const std::string& checked_at,
                                              const Rules* rules) {
  RecordInput input;
  input.platform = spec.platform_id;
  input.document = spec.document_id;
  input.title = spec.title();
  for (const auto& source : spec.sources) input.urls.push_back(source.url);
  input.checked_at = checked_at;
  // Two texts no version holds: no history, no variants remembered; only the comparison.
  VersionEntry previous;
  previous.captured_at = before.at;
  previous.sha256 = before.sha256;
  input.previous = previous;
  input.previous_text = &held;
  input.current.captured_at = checked_at;
  input.current_text = &now;
  input.rules = rules;
  const ChangeRecord record = build_record(input).record;
  if (record.status != Status::changed || record.significance != Significance::substantive || !record.change)
    return std::nullopt;
  HeldChange change;
  change.since = before.since();
  change.compared_with = before.at;
  change.summary = summarize(record);
  change.severity = record.severity;
  change.section = record.section;
  change.topics = record.topics;
  change.change = *record.change;
  return change;
}

std::string held_change_warning(const HeldChange& change) {
  return "the text held back since " + change.since + " changed since it was last seen (" + change.compared_with +
         "): " + change.summary +
         " (held text compared with held text: neither is archived as a version, the baseline is unconfirmed)";
}

}  // namespace tosdiff
