#include "tosdiff/pipeline/held_change.hpp"

#include <algorithm>
#include <unordered_set>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/report/record_text.hpp"

namespace tosdiff {
namespace {

// Every block the hunk takes away or puts in is one the current version has: the held page
// shows more or less of the archived document, and nothing the reader has not read.
bool only_the_current_text(const Hunk& hunk, const std::unordered_set<std::string>& current_keys) {
  return std::all_of(hunk.lines.begin(), hunk.lines.end(), [&](const LineOp& line) {
    return current_keys.count(comparison_key(parse_block(line.text).text)) > 0;
  });
}

}  // namespace

std::optional<HeldChange> held_change_between(const Text& held, const Text& now, const Text& current,
                                              const HeldTimes& times, const DocumentSpec& spec,
                                              const std::string& checked_at, const Rules* rules) {
  RecordInput input = record_input_for(spec);
  input.checked_at = checked_at;
  // Two texts no version holds: no history, no variants remembered; only the comparison.
  VersionEntry previous;
  previous.captured_at = times.last_seen;
  input.previous = previous;
  input.previous_text = &held;
  input.current.captured_at = checked_at;
  input.current_text = &now;
  input.rules = rules;
  const ChangeRecord record = build_record(input).record;
  if (!is_substantive_change(record) || !record.change || (record.topics.empty() && record.flags.empty()))
    return std::nullopt;
  const std::vector<std::string> keys = comparison_keys(current);
  const std::unordered_set<std::string> current_keys(keys.begin(), keys.end());
  const auto& hunks = record.change->hunks;
  if (std::all_of(hunks.begin(), hunks.end(),
                  [&](const Hunk& hunk) { return hunk.cosmetic || only_the_current_text(hunk, current_keys); }))
    return std::nullopt;
  HeldChange change;
  change.since = times.since;
  change.last_seen = times.last_seen;
  change.summary = summarize(record);
  change.severity = record.severity;
  change.section = record.section;
  change.topics = record.topics;
  change.flags = record.flags;
  change.change = *record.change;
  return change;
}

std::string held_change_warning(const HeldChange& change) {
  return "the text held back since " + change.since + " changed since it was last seen (" + change.last_seen +
         "): " + change.summary +
         " (held text compared with held text: neither is archived as a version, the baseline is unconfirmed)";
}

}  // namespace tosdiff
