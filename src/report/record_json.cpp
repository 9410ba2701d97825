#include "tosdiff/report/record_json.hpp"

#include <algorithm>

#include "tosdiff/report/record_text.hpp"
#include "tosdiff/util/json_fields.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json version_to_json(const VersionRef& v) {
  ordered_json j;
  j["version"] = v.version;
  j["captured_at"] = v.captured_at;
  j["sha256"] = v.sha256;
  if (!v.snapshot_sha256.empty()) j["snapshot_sha256"] = v.snapshot_sha256;
  if (v.snapshots.size() > 1) j["snapshots"] = v.snapshots;
  return j;
}

// The readers below check every field's type (json_fields.hpp): a record damaged on disk or
// edited by hand throws JsonFieldError naming the field, never a crash or an out-of-range
// number cast.
VersionRef version_from_json(const ordered_json& j) {
  as_object(j, "a version reference");
  VersionRef v;
  v.version = string_field(j, "version");
  v.captured_at = string_field(j, "captured_at");
  v.sha256 = string_field(j, "sha256");
  v.snapshot_sha256 = string_field(j, "snapshot_sha256");
  v.snapshots = strings_field(j, "snapshots");
  return v;
}

ordered_json stats_to_json(const DiffStats& s) {
  return ordered_json{{"blocks_added", s.blocks_added},     {"blocks_removed", s.blocks_removed},
                      {"blocks_changed", s.blocks_changed}, {"words_added", s.words_added},
                      {"words_removed", s.words_removed}};
}

DiffStats stats_from_json(const ordered_json& j) {
  DiffStats s;
  s.blocks_added = count_field(j, "blocks_added");
  s.blocks_removed = count_field(j, "blocks_removed");
  s.blocks_changed = count_field(j, "blocks_changed");
  s.words_added = count_field(j, "words_added");
  s.words_removed = count_field(j, "words_removed");
  return s;
}

ordered_json topics_to_json(const std::vector<TopicMatch>& topics) {
  ordered_json out = ordered_json::array();
  for (const auto& t : topics)
    out.push_back({{"id", t.id}, {"label", t.label}, {"evidence", t.evidence}, {"where", t.where}});
  return out;
}

ordered_json flags_to_json(const std::vector<FlagMatch>& flags) {
  ordered_json out = ordered_json::array();
  for (const auto& f : flags)
    out.push_back({{"id", f.id}, {"label", f.label}, {"direction", f.direction}, {"kind", f.kind},
                   {"evidence", f.evidence}});
  return out;
}

std::vector<FlagMatch> flags_from_json(const ordered_json& list) {
  std::vector<FlagMatch> out;
  for (const auto& f : list) {
    as_object(f, "a flag");
    out.push_back({string_field(f, "id"), string_field(f, "label"), string_field(f, "direction"),
                   string_field(f, "kind"), strings_field(f, "evidence")});
  }
  return out;
}

ordered_json words_to_json(const std::vector<WordOp>& ops) {
  ordered_json words = ordered_json::array();
  for (const auto& w : ops) {
    ordered_json wj{{"op", std::string(1, w.op)}, {"text", w.text}};
    if (w.elided_words) wj["elided_words"] = w.elided_words;
    words.push_back(std::move(wj));
  }
  return words;
}

ordered_json hunk_to_json(const Hunk& h) {
  ordered_json j;
  j["old_start"] = h.old_start;
  j["old_lines"] = h.old_lines;
  j["new_start"] = h.new_start;
  j["new_lines"] = h.new_lines;
  j["section"] = h.section;
  j["significance"] = h.cosmetic ? "cosmetic" : "substantive";
  if (h.cosmetic) j["cosmetic_kinds"] = h.cosmetic_kinds;
  ordered_json lines = ordered_json::array();
  for (const auto& l : h.lines) lines.push_back({{"op", std::string(1, l.op)}, {"text", l.text}});
  j["lines"] = std::move(lines);
  j["words"] = words_to_json(h.words);
  if (!h.cells.empty()) {
    ordered_json cells = ordered_json::array();
    for (const auto& c : h.cells) cells.push_back({{"row", c.row}, {"column", c.column}, {"words", words_to_json(c.words)}});
    j["cells"] = std::move(cells);
  }
  if (!h.topics.empty()) j["topics"] = topics_to_json(h.topics);
  if (!h.flags.empty()) j["flags"] = flags_to_json(h.flags);
  return j;
}

// A diff operation: one of `allowed`, else `fallback`.
char op_field(const ordered_json& j, char fallback, std::string_view allowed) {
  const std::string op = string_field(j, "op", std::string(1, fallback));
  if (op.size() != 1 || allowed.find(op[0]) == std::string_view::npos)
    throw JsonFieldError("field \"op\" is not one of " + std::string(allowed));
  return op[0];
}

std::vector<WordOp> words_from_json(const ordered_json& list) {
  std::vector<WordOp> out;
  for (const auto& w : list) {
    as_object(w, "a hunk word");
    out.push_back({op_field(w, '=', "+-="), string_field(w, "text"), count_field(w, "elided_words")});
  }
  return out;
}

Hunk hunk_from_json(const ordered_json& j) {
  as_object(j, "a hunk");
  Hunk h;
  h.old_start = count_field(j, "old_start");
  h.old_lines = count_field(j, "old_lines");
  h.new_start = count_field(j, "new_start");
  h.new_lines = count_field(j, "new_lines");
  h.section = strings_field(j, "section");
  h.cosmetic = string_field(j, "significance") == "cosmetic";
  h.cosmetic_kinds = strings_field(j, "cosmetic_kinds");
  for (const auto& l : array_field(j, "lines")) {
    as_object(l, "a hunk line");
    h.lines.push_back({op_field(l, '+', "+- "), string_field(l, "text")});
  }
  h.words = words_from_json(array_field(j, "words"));
  for (const auto& c : array_field(j, "cells")) {
    as_object(c, "a hunk cell");
    h.cells.push_back({string_field(c, "row"), string_field(c, "column"), words_from_json(array_field(c, "words"))});
  }
  for (const auto& t : array_field(j, "topics")) {
    as_object(t, "a hunk topic");
    h.topics.push_back({string_field(t, "id"), string_field(t, "label"), strings_field(t, "evidence"),
                        string_field(t, "where")});
  }
  h.flags = flags_from_json(array_field(j, "flags"));
  return h;
}

// An enum written as its name: an unknown name is a damaged record, not a default.
template <class Enum>
Enum enum_field(const ordered_json& j, const char* key, std::optional<Enum> (*parse)(std::string_view), Enum absent) {
  if (!field(j, key)) return absent;
  const std::string text = string_field(j, key);
  if (auto value = parse(text)) return *value;
  throw JsonFieldError(std::string("field \"") + key + "\" has an unknown value '" + text + "'");
}

ordered_json record_topics_to_json(const std::vector<RecordTopic>& topics) {
  ordered_json out = ordered_json::array();
  for (const auto& t : topics)
    out.push_back({{"id", t.id}, {"label", t.label}, {"weight", t.weight}, {"where", t.where}, {"hunks", t.hunks}});
  return out;
}

std::vector<RecordTopic> record_topics_from_json(const ordered_json& topics) {
  std::vector<RecordTopic> out;
  for (const auto& t : topics) {
    as_object(t, "a topic");
    out.push_back({string_field(t, "id"), string_field(t, "label"), static_cast<int>(integer_field(t, "weight", 1, 0, 100)),
                   string_field(t, "where"), count_field(t, "hunks")});
  }
  return out;
}

// A change's stats and hunks, into `j` (a record, or its held change); change_from_json reads them.
void write_change(ordered_json& j, const Change& change) {
  j["stats"] = stats_to_json(change.stats);
  ordered_json hunks = ordered_json::array();
  for (const auto& h : change.hunks) hunks.push_back(hunk_to_json(h));
  j["hunks"] = std::move(hunks);
}

Change change_from_json(const ordered_json& j) {
  Change change;
  for (const auto& h : array_field(j, "hunks")) change.hunks.push_back(hunk_from_json(h));
  tally(change);  // substantive stats and flags, from the hunks
  change.stats = stats_from_json(object_field(j, "stats"));  // as recorded
  return change;
}

ordered_json held_change_to_json(const HeldChange& held) {
  ordered_json j;
  j["since"] = held.since;
  j["last_seen"] = held.last_seen;
  j["summary"] = held.summary;
  if (held.severity != Severity::unclassified) j["severity"] = std::string(to_string(held.severity));
  if (!held.section.empty()) j["section"] = held.section;
  if (!held.topics.empty()) j["topics"] = record_topics_to_json(held.topics);
  if (!held.flags.empty()) j["flags"] = flags_to_json(held.flags);
  write_change(j, held.change);
  return j;
}

// Every key the schema requires must be there: a held change without its hunks is a damaged
// record, not an empty change.
HeldChange held_change_from_json(const ordered_json& j) {
  as_object(j, "held_change");
  for (const char* key : {"since", "last_seen", "summary", "stats", "hunks"})
    if (!field(j, key)) throw JsonFieldError(std::string("held_change has no \"") + key + "\"");
  HeldChange held;
  held.since = string_field(j, "since");
  held.last_seen = string_field(j, "last_seen");
  held.summary = string_field(j, "summary");
  held.severity = enum_field(j, "severity", severity_from_string, Severity::unclassified);
  held.section = strings_field(j, "section");
  held.topics = record_topics_from_json(array_field(j, "topics"));
  held.flags = flags_from_json(array_field(j, "flags"));
  held.change = change_from_json(j);
  return held;
}

}  // namespace

ordered_json record_to_json(const ChangeRecord& r) {
  ordered_json j;
  j["schema_version"] = kRecordSchemaVersion;
  j["platform"] = r.platform;
  j["document"] = r.document;
  j["title"] = r.title;
  j["url"] = r.urls.empty() ? "" : r.urls.front();
  if (r.urls.size() > 1) j["urls"] = r.urls;
  j["status"] = std::string(to_string(r.status));
  j["checked_at"] = r.checked_at;
  if (r.status == Status::changed) {
    j["significance"] = std::string(to_string(r.significance));
    if (!r.cosmetic_kinds.empty()) j["cosmetic_kinds"] = r.cosmetic_kinds;
    if (!r.reverts_to.empty()) j["reverts_to"] = r.reverts_to;
  }
  if (r.status == Status::unchanged && !r.held_return.empty()) j["held_return"] = r.held_return;
  if (r.status == Status::unchanged && !r.held_language.empty()) j["held_language"] = r.held_language;
  if (r.accepted && (r.status == Status::changed || r.status == Status::new_document)) j["accepted"] = true;
  if (r.status == Status::new_document || r.status == Status::changed) j["summary"] = summarize(r);
  if (r.severity != Severity::unclassified) j["severity"] = std::string(to_string(r.severity));
  if (!r.section.empty()) j["section"] = r.section;
  if (!r.topics.empty()) j["topics"] = record_topics_to_json(r.topics);
  if (!r.regulations.empty()) {
    ordered_json regulations = ordered_json::array();
    for (const auto& g : r.regulations)
      regulations.push_back({{"id", g.id}, {"name", g.name}, {"reason", g.reason}, {"topic", g.topic}});
    j["regulations"] = std::move(regulations);
  }
  if (!r.flags.empty()) j["flags"] = flags_to_json(r.flags);
  if (r.previous) j["previous"] = version_to_json(*r.previous);
  if (r.current) j["current"] = version_to_json(*r.current);
  if (r.status == Status::new_document) j["size"] = {{"blocks", r.blocks}, {"words", r.words}};
  if (r.change) write_change(j, *r.change);
  if (r.error) j["error"] = {{"kind", std::string(to_string(r.error->kind))}, {"message", r.error->message}};
  if (r.status == Status::error && r.held_change) j["held_change"] = held_change_to_json(*r.held_change);
  if (!r.rules_changed.empty()) j["rules_changed"] = r.rules_changed;
  if (r.language_changed && r.status == Status::changed) {
    ordered_json language = {{"from", r.language_changed->from}, {"to", r.language_changed->to}};
    if (!r.language_changed->compared_with.empty()) language["compared_with"] = r.language_changed->compared_with;
    j["language_changed"] = std::move(language);
  }
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  j["fetcher"] = std::string(to_string(r.fetched_with));
  return j;
}

std::string record_to_json_line(const ChangeRecord& result) {
  return json_line(record_to_json(result));
}

ChangeRecord record_from_json(const ordered_json& j) {
  as_object(j, "the change record");
  ChangeRecord r;
  r.platform = string_field(j, "platform");
  r.document = string_field(j, "document");
  r.title = string_field(j, "title");
  if (field(j, "urls")) r.urls = strings_field(j, "urls");
  else if (std::string url = string_field(j, "url"); !url.empty()) r.urls.push_back(url);
  r.status = enum_field(j, "status", status_from_string, Status::error);
  r.checked_at = string_field(j, "checked_at");
  r.significance = enum_field(j, "significance", significance_from_string, Significance::none);
  r.cosmetic_kinds = strings_field(j, "cosmetic_kinds");
  r.reverts_to = string_field(j, "reverts_to");
  r.held_return = string_field(j, "held_return");
  r.held_language = string_field(j, "held_language");
  r.accepted = bool_field(j, "accepted");
  r.severity = enum_field(j, "severity", severity_from_string, Severity::unclassified);
  r.section = strings_field(j, "section");
  r.topics = record_topics_from_json(array_field(j, "topics"));
  for (const auto& g : array_field(j, "regulations")) {
    as_object(g, "a regulation");
    r.regulations.push_back({string_field(g, "id"), string_field(g, "name"), string_field(g, "reason"), string_field(g, "topic")});
  }
  r.flags = flags_from_json(array_field(j, "flags"));
  if (const ordered_json* previous = field(j, "previous")) r.previous = version_from_json(*previous);
  if (const ordered_json* current = field(j, "current")) r.current = version_from_json(*current);
  if (const ordered_json* size = field(j, "size")) {
    r.blocks = count_field(*size, "blocks");
    r.words = count_field(*size, "words");
  }
  if (field(j, "hunks")) r.change = change_from_json(j);
  if (const ordered_json* held = field(j, "held_change")) r.held_change = held_change_from_json(*held);
  if (const ordered_json* error = field(j, "error")) {
    as_object(*error, "the error");
    r.error = Error{enum_field(*error, "kind", error_kind_from_string, ErrorKind::network), string_field(*error, "message")};
  }
  r.rules_changed = strings_field(j, "rules_changed");
  if (const ordered_json* language = field(j, "language_changed")) {
    as_object(*language, "language_changed");
    r.language_changed = LanguageChange{string_field(*language, "from"), string_field(*language, "to"),
                                        string_field(*language, "compared_with")};
  }
  r.warnings = strings_field(j, "warnings");
  r.fetched_with = string_field(j, "fetcher") == "browser" ? FetchedWith::browser : FetchedWith::http;
  return r;
}

std::string json_line(const ordered_json& json) {
  return json.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace tosdiff
