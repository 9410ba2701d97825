#pragma once
// The outbox: alert deliveries that failed, kept in the data directory until a later `check`
// run delivers them or gives up (docs/alerts.md):
//
//   <data>/.outbox/<UTC time>-<pid>-<n>.json    one failed delivery: its target, its records
//   <data>/.outbox/given-up/<same name>.json    deliveries given up on, kept for inspection
//
// The directory name is not a valid platform id, so it never collides with a document.
// Files are written atomically; the caller holds the ArchiveLock.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

struct OutboxEntry {
  std::string id;  // the file name without ".json"; assigned by Outbox::add
  std::string target_type, target_key, target_label;  // AlertTarget::type, key(), label()
  std::string created_at;       // first failure, UTC
  std::string last_attempt_at;  // latest failure, UTC
  std::string last_error;
  int attempts = 0;             // failed attempts so far
  std::vector<ChangeRecord> records;
};

class Outbox {
 public:
  // A delivery is given up after this many failed attempts, or this long after its first.
  static constexpr int kMaxAttempts = 10;
  static constexpr std::chrono::hours kMaxAge{24 * 7};

  explicit Outbox(std::filesystem::path directory) : dir_(std::move(directory)) {}
  const std::filesystem::path& directory() const { return dir_; }

  // Oldest first. An unreadable entry is moved to given-up/ and described in `problems`.
  std::vector<OutboxEntry> entries(std::vector<std::string>& problems) const;
  // Writes a new entry (assigning its id) or rewrites an existing one.
  void save(OutboxEntry& entry, std::chrono::system_clock::time_point now) const;
  void remove(const OutboxEntry& entry) const;
  // Moves the entry to given-up/ (rewritten with its latest state).
  void give_up(const OutboxEntry& entry) const;

  static bool exhausted(const OutboxEntry& entry, std::chrono::system_clock::time_point now);

 private:
  std::filesystem::path dir_;
};

nlohmann::ordered_json outbox_entry_to_json(const OutboxEntry& entry);
OutboxEntry outbox_entry_from_json(const nlohmann::ordered_json& json);  // throws on a malformed entry

}  // namespace tosdiff
