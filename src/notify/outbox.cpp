#include "tosdiff/notify/outbox.hpp"

#include "tosdiff/report/record_json.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <unistd.h>

#include "tosdiff/util/atomic_file.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/util/json_fields.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

constexpr int kOutboxSchemaVersion = 1;

std::string compact_utc(std::chrono::system_clock::time_point now) {
  std::string t = format_utc(now);  // 2026-11-29T12:00:00Z -> 20261129T120000Z: sorts, no colon
  t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == '-' || c == ':'; }), t.end());
  return t;
}

std::string dump(const ordered_json& j) { return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n"; }

}  // namespace

ordered_json outbox_entry_to_json(const OutboxEntry& e) {
  ordered_json j;
  j["schema_version"] = kOutboxSchemaVersion;
  j["target"] = {{"type", e.target_type}, {"key", e.target_key}, {"label", e.target_label}};
  j["created_at"] = e.created_at;
  j["attempts"] = e.attempts;
  j["last_attempt_at"] = e.last_attempt_at;
  j["last_error"] = e.last_error;
  ordered_json records = ordered_json::array();
  for (const auto& r : e.records) records.push_back(record_to_json(r));
  j["records"] = std::move(records);
  return j;
}

OutboxEntry outbox_entry_from_json(const ordered_json& j) {
  if (!j.is_object() || integer_field(j, "schema_version", 0, 0, 1000) != kOutboxSchemaVersion ||
      !field(j, "target") || !field(j, "records"))
    throw std::runtime_error("not an outbox entry of schema version 1");
  const ordered_json& target = object_field(j, "target");
  OutboxEntry e;
  e.target_type = string_field(target, "type");
  e.target_key = string_field(target, "key");
  e.target_label = string_field(target, "label");
  e.created_at = string_field(j, "created_at");
  e.attempts = static_cast<int>(integer_field(j, "attempts", 0, 0, 1000000));
  e.last_attempt_at = string_field(j, "last_attempt_at");
  e.last_error = string_field(j, "last_error");
  for (const auto& r : array_field(j, "records")) e.records.push_back(record_from_json(r));
  if (e.target_key.empty() || e.records.empty()) throw std::runtime_error("outbox entry without target or records");
  return e;
}

std::vector<OutboxEntry> Outbox::entries(std::vector<std::string>& problems) const {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = f.path().filename().string();
    if (!f.is_regular_file() || name.starts_with(".") || f.path().extension() != ".json") continue;
    files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());  // names start with the UTC time: oldest first
  std::vector<OutboxEntry> out;
  for (const auto& path : files) {
    try {
      OutboxEntry e = outbox_entry_from_json(ordered_json::parse(read_whole_file(path)));
      e.id = path.stem().string();
      out.push_back(std::move(e));
    } catch (const std::exception& error) {
      std::error_code ignored;
      std::filesystem::create_directories(dir_ / "given-up", ignored);
      std::filesystem::rename(path, dir_ / "given-up" / path.filename(), ignored);
      problems.push_back("unreadable outbox entry " + path.string() + " (" + error.what() +
                         "), moved to " + (dir_ / "given-up").string());
    }
  }
  return out;
}

void Outbox::save(OutboxEntry& entry, std::chrono::system_clock::time_point now) const {
  if (entry.id.empty()) {
    // Unique within a run by the counter, across runs by the time and the pid (runs hold the
    // lock one after the other, possibly within the same second).
    static std::atomic<int> counter{0};
    std::string id;
    char n[16];
    do {
      std::snprintf(n, sizeof n, "%04d", ++counter);  // names sort in the order written
      id = compact_utc(now) + "-" + std::to_string(::getpid()) + "-" + n;
    } while (std::filesystem::exists(dir_ / (id + ".json")));
    entry.id = id;
  }
  write_file_atomically(dir_ / (entry.id + ".json"), dump(outbox_entry_to_json(entry)));
}

void Outbox::remove(const OutboxEntry& entry) const {
  std::error_code ec;
  std::filesystem::remove(dir_ / (entry.id + ".json"), ec);
}

void Outbox::give_up(const OutboxEntry& entry) const {
  write_file_atomically(dir_ / "given-up" / (entry.id + ".json"), dump(outbox_entry_to_json(entry)));
  remove(entry);
}

bool Outbox::exhausted(const OutboxEntry& entry, std::chrono::system_clock::time_point now) {
  if (entry.attempts >= kMaxAttempts) return true;
  std::chrono::system_clock::time_point created;
  if (!parse_utc(entry.created_at, created)) return true;
  return now - created >= kMaxAge;
}

}  // namespace tosdiff
