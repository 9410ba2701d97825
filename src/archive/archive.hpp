#pragma once
// The archive: everything tosdiff knows about tracked documents, as plain files under the
// data directory (layout in docs/archive-layout.md):
//
//   <data>/<platform>/<document>/index.json          the document's history: the commit point
//   <data>/<platform>/<document>/snapshots/<sha256>.html   raw pages as fetched
//   <data>/<platform>/<document>/versions/<n>.txt    normalized text of version n
//   <data>/<platform>/<document>/records/<n>.json    the change record that made version n
//   <data>/<platform>/<document>/pending/<sha256>.txt  a flagged text awaiting `tosdiff accept`
//   <data>/<platform>/<document>/notes.json        people's notes (notes.hpp)
//
// Writes are atomic, and index.json is written last: a version or record file that the
// index does not name yet is an orphan of an interrupted run, rewritten by the next one.
// Ids are validated before they become paths, so nothing can point outside the data dir.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tosdiff/model/record.hpp"
#include "tosdiff/model/result.hpp"
#include "tosdiff/util/atomic_file.hpp"

namespace tosdiff {

struct SnapshotMeta {
  std::string sha256;  // of the raw bytes; names the file
  std::string url;     // as declared
  std::string final_url;
  long status = 0;
  std::string content_type, etag, last_modified;
  std::string fetched_at;
  std::uint64_t bytes = 0;
};

struct VersionEntry {
  std::uint64_t number = 0;  // 1, 2, ... ; its id is the decimal string
  std::string captured_at;
  std::string sha256;                  // of the normalized text
  std::vector<std::string> snapshots;  // sha256 of each source page, in declaration order
  Status status = Status::new_document;  // new_document or changed
  Significance significance = Significance::none;  // substantive or cosmetic (none for the first)
  std::vector<std::string> cosmetic_kinds;
  std::string summary;                 // one line, for history and digests
  std::string reverts_to;              // id of an earlier version with the same text, if any
  // The rules that read its text: tosdiff's extraction version and the declaration's
  // selectors, as extraction_rules() writes them ("" in archives older than this field).
  std::string rules;
  std::string id() const { return std::to_string(number); }
};

struct CheckEntry {
  std::string at;
  Status status = Status::unchanged;
  std::optional<Error> error;          // status error
  std::vector<std::string> snapshots;  // raw pages kept for inspection of an error
};

// A text tosdiff refused to make current (a suspicious shrink), kept so that `tosdiff
// accept` can take it on purpose without fetching again. Its text is pending/<sha256>.txt.
struct PendingText {
  std::string sha256;                  // of the normalized text
  std::string at;                      // when this text was last seen
  std::string first_at;                // when a text was first held back (the same, or a cosmetic variant)
  std::uint64_t checks = 1;            // checks that held it back in a row
  // A text the page showed before, back after another (a stale copy, an edition served by
  // turns): the id of the earlier version with this text, held until it lasts
  // (pipeline/document_check.hpp kReturnAdoptChecks). Empty for a text held as an error.
  std::string returns_to;
  // Or the page in another language than the current version's (its code: "es"), held the
  // same way: a page answered in another language for a few hours is no translation yet.
  std::string language;
  Error reason;                        // why it was held back, when both are empty
  bool held_until_it_lasts() const { return !returns_to.empty() || !language.empty(); }
  // When the checks holding it back in a row began (an index written before first_at: `at`).
  const std::string& since() const { return first_at.empty() ? at : first_at; }
  std::vector<std::string> snapshots;  // the raw pages it came from
};

struct DocumentIndex {
  std::string platform, document;
  std::vector<VersionEntry> versions;  // oldest first
  std::vector<SnapshotMeta> snapshots; // every snapshot file kept
  std::vector<std::pair<std::string, std::string>> latest_by_url;  // url -> sha256
  std::optional<CheckEntry> last_check;
  std::vector<CheckEntry> recent_errors;  // newest last, bounded
  std::optional<PendingText> pending;

  const VersionEntry* current() const { return versions.empty() ? nullptr : &versions.back(); }
  const VersionEntry* find_version(std::string_view id) const;
  const SnapshotMeta* find_snapshot(std::string_view sha256) const;
  const SnapshotMeta* latest_snapshot(std::string_view url) const;
  void set_latest(const std::string& url, const std::string& sha256);
};

// Why a document directory has no index.json: the difference between a document tosdiff
// never archived and one whose history is there but whose index was lost.
enum class IndexAbsence {
  never_checked,            // no version or record file: nothing was ever archived
  interrupted_first_check,  // the first check was killed before its commit (its marker says
                            // so, and no file goes beyond version 1): its files are garbage
  lost,                     // versions or records exist: the history is there, the index is
                            // not. Only `verify --repair` may rebuild it; a check never
                            // starts such a document over.
};

class Archive {
 public:
  explicit Archive(std::filesystem::path root) : root_(std::move(root)) {}
  const std::filesystem::path& root() const { return root_; }

  // An empty index (no versions) when the document was never checked, or when its first
  // check was killed before committing. Throws ArchiveError when index.json exists but
  // cannot be read or parsed, and when it is missing while archived versions exist (the
  // message says to run `tosdiff verify --repair`): history is never started over.
  DocumentIndex load(const std::string& platform, const std::string& document) const;
  IndexAbsence index_absence(const std::string& platform, const std::string& document) const;
  // Every platform/document pair with an index, sorted.
  std::vector<std::pair<std::string, std::string>> documents() const;
  // Every platform/document directory, with an index or not, sorted (what verify walks).
  std::vector<std::pair<std::string, std::string>> document_directories() const;

  std::string read_version(const DocumentIndex& index, const VersionEntry& version) const;
  std::string read_record(const DocumentIndex& index, const VersionEntry& version) const;
  std::optional<std::string> read_snapshot(const DocumentIndex& index, const std::string& sha256) const;

  // Atomic writes, invisible until commit() names them. With Sync::file_only the caller
  // syncs the file's directory (sync_directory) before the commit that names it.
  void put_snapshot(const DocumentIndex& index, const std::string& sha256, std::string_view bytes,
                    Sync sync = Sync::full) const;
  void put_version(const DocumentIndex& index, std::uint64_t number, std::string_view text,
                   Sync sync = Sync::full) const;
  void put_record(const DocumentIndex& index, std::uint64_t number, std::string_view json,
                  Sync sync = Sync::full) const;
  // Pending texts are named by their hash, so writing a new one never touches the one the
  // committed index names.
  void put_pending(const DocumentIndex& index, const std::string& sha256, std::string_view text,
                   Sync sync = Sync::full) const;
  std::string read_pending(const DocumentIndex& index) const;  // the one index.pending names
  // Writes index.json: the commit point. Sync::none suits a commit that only records when
  // the document was last checked (losing it in a power cut loses nothing else).
  void commit(const DocumentIndex& index, Sync sync = Sync::full) const;

  // A transaction groups the file writes and deletions of one document check. It starts
  // with a marker file (.transaction) before the first write; commit() makes the writes
  // visible; end_transaction() deletes the garbage (below) and then the marker, unless a
  // deletion failed (the transaction then stays open for the next run). A run killed
  // at any instant leaves the marker: the files of the document's directory that the
  // committed index does not name are then the interrupted run's garbage, which recover()
  // (run by the next check of that document, or `verify --repair`) deletes.
  void begin_transaction(const DocumentIndex& index) const;
  void end_transaction(const DocumentIndex& index) const;
  bool interrupted(const DocumentIndex& index) const;  // a marker is there
  // Files the index does not name (without deleting them), relative paths, sorted.
  std::vector<std::string> unreferenced_files(const DocumentIndex& index) const;
  // What may be deleted, of the unreferenced files: snapshots and pending texts no longer
  // named, temp files, and versions and records numbered above the index's last version
  // (an interrupted run's). Never a version or record numbered at or below it (a gap in
  // the index, which `verify --repair` re-inserts), never a file tosdiff did not write.
  std::vector<std::string> garbage_files(const DocumentIndex& index) const;
  // Deletes garbage_files(); returns them.
  std::vector<std::string> collect_garbage(const DocumentIndex& index) const;
  // After an interrupted run: collect_garbage() and remove the marker. No-op otherwise.
  void recover(const DocumentIndex& index) const;

  std::filesystem::path document_dir(const std::string& platform, const std::string& document) const;
  std::filesystem::path index_path(const DocumentIndex& index) const;
  std::filesystem::path snapshot_path(const DocumentIndex& index, const std::string& sha256) const;
  std::filesystem::path version_path(const DocumentIndex& index, std::uint64_t number) const;
  std::filesystem::path record_path(const DocumentIndex& index, std::uint64_t number) const;
  std::filesystem::path pending_path(const DocumentIndex& index, const std::string& sha256) const;

 private:
  std::filesystem::path root_;
};

// The kinds of file an archive's document directory holds, from a relative path such as
// "versions/12.txt"; the number or hash is stored in `name`.
enum class ArchiveFileKind { index, marker, notes, snapshot, version, record, pending, temp, set_aside, unknown };
ArchiveFileKind archive_file_kind(std::string_view relative, std::string* name = nullptr);

// Serializes and parses index.json (exposed for tests and `verify`).
std::string index_to_json(const DocumentIndex& index);
DocumentIndex index_from_json(std::string_view json);  // throws ArchiveError

// Exclusive lock on a data directory for the runs that write it (flock on <data>/.lock,
// released by the kernel when the process dies, so a killed run never leaves a stale lock).
class ArchiveLock {
 public:
  // Waits up to `wait_seconds`; throws ArchiveError("another tosdiff run holds the lock on
  // ... (pid N)") when it cannot get the lock in time. The lock file is opened without
  // following a symbolic link and must be a regular file; it is never truncated.
  ArchiveLock(const std::filesystem::path& root, double wait_seconds);
  ~ArchiveLock();
  ArchiveLock(const ArchiveLock&) = delete;
  ArchiveLock& operator=(const ArchiveLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace tosdiff
