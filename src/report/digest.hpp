#pragma once
// The digest: the changes of a period (or of one check run, for an email alert), grouped by
// platform, substantive ones first by severity (major to info), then new documents, then
// cosmetic changes; each with its summary, topics, regulations, flags and changed sentences
// (word diff). Rendered as text (colour optional), Markdown, JSON, or one self-contained
// HTML file (inline styles, no script, no external resource) that reads well in mail clients.
// docs/digest.md describes the formats.

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

struct DigestEntry {
  ChangeRecord record;        // status new or changed, as archived
  std::string captured_at;   // of the version it made
};

struct DigestGroup {
  std::string platform;  // id
  std::string name;      // the platform's name, from the records' titles ("Acme AI")
  std::vector<DigestEntry> entries;
};

struct Digest {
  std::string title;            // first line / heading
  std::string period;           // "2026-11-22 12:00 – 2026-11-29 12:00 UTC", or what the digest covers
  std::string since, until;     // UTC ISO times of the window ("" for a run's digest)
  std::string generated_at;     // UTC ISO time
  std::vector<DigestGroup> groups;
  std::size_t substantive = 0, cosmetic = 0, created = 0;
  Severity max_severity = Severity::unclassified;  // of the substantive changes
  std::size_t unreadable = 0;   // documents whose archive could not be read: not "nothing changed"
};

// At most this many changed places (substantive hunks) are shown per change; the rest counted.
inline constexpr std::size_t kDigestPlaces = 5;

// Groups, orders and counts `entries`. Title and period are left to the caller.
Digest make_digest(std::vector<DigestEntry> entries);

// "7d", "24h", "90m", "2w" before `now`, or a date (its start) or an ISO time (UTC).
bool parse_since(const std::string& spec, std::chrono::system_clock::time_point now,
                 std::chrono::system_clock::time_point& out);
// A date (its end, 23:59:59) or an ISO time, or a duration before `now` as for parse_since.
bool parse_until(const std::string& spec, std::chrono::system_clock::time_point now,
                 std::chrono::system_clock::time_point& out);

// "3 substantive changes (max severity major)", "1 substantive change (max severity minor)".
std::string substantive_headline(const Digest& digest);

std::string digest_to_text(const Digest& digest, bool color);
std::string digest_to_markdown(const Digest& digest);
std::string digest_to_html(const Digest& digest);
nlohmann::ordered_json digest_to_json(const Digest& digest);

}  // namespace tosdiff
