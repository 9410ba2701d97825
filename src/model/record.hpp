#pragma once
// The change record: what one check of one document found. Its JSON form (schema-versioned,
// documented in docs/change-record.md, schema in docs/change-record.schema.json) and its
// text form are report/'s; this is the value every layer passes around.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/result.hpp"
#include "tosdiff/model/severity.hpp"

namespace tosdiff {

inline constexpr int kRecordSchemaVersion = 1;

// What a check of a document found. JSON: "new", "unchanged", "changed", "error".
enum class Status { new_document, unchanged, changed, error };
// Whether a change alters what the text says. JSON: absent, "substantive", "cosmetic".
enum class Significance { none, substantive, cosmetic };

// How a document's pages were read: over plain HTTP, or rendered in the browser (declared
// executeClientScripts, or found to be a JavaScript shell). JSON "fetcher": "http" | "browser".
enum class FetchedWith { http, browser };

std::string_view to_string(FetchedWith fetched_with);
std::string_view to_string(Status status);
std::string_view to_string(Significance significance);
// The enum a JSON string names; nullopt for anything else.
std::optional<Status> status_from_string(std::string_view text);
std::optional<Significance> significance_from_string(std::string_view text);

struct VersionRef {
  std::string version, captured_at, sha256;
  std::string snapshot_sha256;           // raw bytes of the (first) page
  std::vector<std::string> snapshots;    // raw bytes of every page, for combined documents
};

// A topic of the whole record (classify.hpp): the union of its hunks' topics.
struct RecordTopic {
  std::string id, label;
  int weight = 1;         // 1..3, from the rules
  std::string where;      // text (some hunk's changed words) | section (heading paths only)
  std::size_t hunks = 0;  // substantive hunks where it was found
};
// A regulation a topic of the record implicates.
struct RegulationRef {
  std::string id, name, reason;
  std::string topic;  // the (first) record topic implicating it
};

// The page switched language between two versions (extract/language.hpp): `from` the
// previous version's language, `to` the new text's (ISO 639-1 codes). `compared_with`: the id
// of the earlier version in language `to` the change was computed against ("" when there is
// none: the text is then a translation, a cosmetic change of kind "language").
struct LanguageChange {
  std::string from, to, compared_with;
};

// Said by a rules_changed sentence whose text read the new way was taken as it is (a page read
// another way, a page no version had): whether the page itself changed on that check is then
// not known, and the record's summary says so.
inline constexpr std::string_view kTakenAsItIs = "taken as it is";

// Status error, suspicious_shrink: the text held back changed substantively since the check
// that last saw it. Neither text is a version (the baseline is unconfirmed), but what changed
// is reported all the same: a held text never blinds the tracker (replay: a privacy centre
// that took a trackers policy's place, held for ten months as unlike the document, its edits
// never told). Compared held text with held text, by the one record builder.
struct HeldChange {
  std::string since;      // when the text was first held back
  std::string last_seen;  // when the held text it is compared with was last seen
  std::string summary;
  Severity severity = Severity::unclassified;
  std::vector<std::string> section;
  std::vector<RecordTopic> topics;
  std::vector<FlagMatch> flags;
  Change change;
};

struct ChangeRecord {
  std::string platform, document, title;
  std::vector<std::string> urls;  // the declared page(s)
  Status status = Status::unchanged;
  std::string checked_at;
  std::optional<VersionRef> previous, current;
  std::optional<Change> change;   // status changed
  Significance significance = Significance::none;  // changed: substantive or cosmetic
  std::vector<std::string> cosmetic_kinds;
  std::string reverts_to;         // changed: id of an earlier version with this same text
  // unchanged: the page shows the text of this earlier version again, held until it lasts
  // (a stale copy, an edition served by turns); the current version stays current meanwhile.
  std::string held_return;
  // unchanged: the page shows the document in this other language, held the same way.
  std::string held_language;
  bool accepted = false;          // changed by `tosdiff accept`, not by a check
  std::size_t blocks = 0, words = 0;  // new: size of the text
  std::optional<Error> error;     // status error
  std::optional<HeldChange> held_change;  // status error: the held text changed (HeldChange)
  FetchedWith fetched_with = FetchedWith::http;
  // changed: the rules that read the page changed since the previous version (a declaration's
  // selectors, tosdiff's extraction), one sentence each; the change is then what the page
  // changed, compared with the previous version's page read with today's rules.
  std::vector<std::string> rules_changed;
  std::optional<LanguageChange> language_changed;  // changed: the page switched language
  std::vector<std::string> warnings;
  // Classification (classify/), status new or changed: its severity; for a substantive change,
  // the heading path of its largest substantive hunk, its topics, the regulations they
  // implicate, and its flags.
  Severity severity = Severity::unclassified;
  std::vector<std::string> section;
  std::vector<RecordTopic> topics;
  std::vector<RegulationRef> regulations;
  std::vector<FlagMatch> flags;

  std::string key() const { return platform + "/" + document; }
};

// The one test of "what the text says changed": a changed record whose significance is
// substantive. Alerts, digests, quiet output and exit codes all ask this (and say so when
// they also count new documents).
inline bool is_substantive_change(const ChangeRecord& record) {
  return record.status == Status::changed && record.significance == Significance::substantive;
}

}  // namespace tosdiff
