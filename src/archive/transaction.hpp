#pragma once
// The archive side of one document's check (or `accept`): the index as loaded, the changes a
// check makes to it, and the files it writes, made visible by one commit. Every write happens
// inside an archive transaction (archive.hpp): a kill at any instant leaves the document as
// the last committed index says, and the next check (or `verify --repair`) finishes the
// cleanup.
//
// Durability. With CommitMode::immediate, commit() makes the new files durable (their data
// synced when written, their directories synced once each) before the index that names them
// is renamed into place. With CommitMode::group (a `check` of many documents), files are
// written without syncing and commit() only marks the document ready: the caller syncs the
// file system once for a batch of documents, then calls complete_commit() on each, and
// cleanup() after the next sync. Data is durable before any index names it, for one sync per
// batch instead of several per document.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/archive/archive.hpp"

namespace tosdiff {

enum class CommitMode { immediate, group };

// A fetched page as the archive keeps it (its bytes are written once per distinct sha256).
struct PageToStore {
  std::string url;  // as declared
  std::string sha256;
  std::string_view bytes;
  std::string final_url, content_type, etag, last_modified;
  long status = 0;
};

// How many recent errors an index keeps.
inline constexpr std::size_t kRecentErrorsKept = 10;

class DocumentTransaction {
 public:
  // `index` as loaded; `declared_urls` the URLs the declaration fetches now (the latest
  // snapshot of a URL no longer declared is forgotten at commit).
  DocumentTransaction(const Archive& archive, DocumentIndex index, std::vector<std::string> declared_urls,
                      CommitMode mode);

  const DocumentIndex& index() const { return index_; }
  const Archive& archive() const { return archive_; }

  // A run killed while writing this document: finish its cleanup (archive.hpp recover()).
  void recover() const { archive_.recover(index_); }

  // Raw pages: stored once per distinct content, each URL's latest pointing at its page.
  void store_pages(const std::vector<PageToStore>& pages, const std::string& fetched_at, bool set_latest);
  // The outcomes of a check; each also sets last_check.
  void note_unchanged(const std::string& at);
  void note_error(const std::string& at, const Error& error, std::vector<std::string> snapshots);
  void add_version(VersionEntry version, std::string_view text, std::string_view record_json);
  // A text held back (pending/<sha256>.txt), replacing any earlier one.
  void hold(PendingText pending, std::string_view text);
  void drop_pending() { index_.pending.reset(); }

  // Makes the changes visible (see the header comment). Throws ArchiveError when the index
  // cannot be written; what was committed before stays as it was (call abandon()). Returns a
  // warning when the index is in place but could not be made durable (its directory sync
  // failed): the change stands, the garbage waits with the marker for the next run.
  std::optional<std::string> commit();
  bool awaiting_commit() const { return commit_pending_; }
  bool wrote_files() const { return in_transaction_; }
  // Group commit: `data_synced` says the caller synced the file system after commit().
  std::optional<std::string> complete_commit(bool data_synced);
  // Deletes what the committed index no longer names, and the transaction marker.
  void cleanup();
  // After a failed commit (or, in a group commit, a failed sync of the batch): the index is not
  // committed, the marker stays, and the next check collects the files; cleanup() is a no-op.
  void abandon();

 private:
  void begin_writes();
  void forget_unreferenced_snapshots();
  bool only_last_check_changed() const;
  bool drops_files() const;
  std::optional<std::string> finish_commit(bool data_synced);
  SnapshotMeta* find_meta(const std::string& sha);

  const Archive& archive_;
  DocumentIndex index_;
  std::vector<std::string> declared_urls_;
  CommitMode mode_;
  Sync data_sync_;
  bool in_transaction_ = false;
  bool commit_pending_ = false;
  std::vector<std::string> committed_snapshots_;  // as loaded: what the last commit named
  std::string committed_without_check_;            // the loaded index, last_check left out
  bool committed_pending_ = false;
  std::set<std::filesystem::path> dirty_directories_;  // written into, not yet synced
};

}  // namespace tosdiff
