#include "tosdiff/archive/transaction.hpp"

#include <algorithm>
#include <optional>

namespace tosdiff {

DocumentTransaction::DocumentTransaction(const Archive& archive, DocumentIndex index,
                                         std::vector<std::string> declared_urls, CommitMode mode)
    : archive_(archive), index_(std::move(index)), declared_urls_(std::move(declared_urls)), mode_(mode),
      data_sync_(mode == CommitMode::group ? Sync::none : Sync::file_only) {
  for (const auto& s : index_.snapshots) committed_snapshots_.push_back(s.sha256);
  DocumentIndex without_check = index_;
  without_check.last_check.reset();
  committed_without_check_ = index_to_json(without_check);
  committed_pending_ = index_.pending.has_value();
}

SnapshotMeta* DocumentTransaction::find_meta(const std::string& sha) {
  for (auto& s : index_.snapshots)
    if (s.sha256 == sha) return &s;
  return nullptr;
}

// Unchanged texts do not pile up megabytes of identical pages: a snapshot no longer named by
// a version, an error, a pending text or a latest pointer is forgotten (its file pruned after
// the commit).
void DocumentTransaction::store_pages(const std::vector<PageToStore>& pages, const std::string& fetched_at,
                                      bool set_latest) {
  for (const PageToStore& page : pages) {
    if (!index_.find_snapshot(page.sha256)) {
      begin_writes();
      archive_.put_snapshot(index_, page.sha256, page.bytes, data_sync_);
      dirty_directories_.insert(archive_.snapshot_path(index_, page.sha256).parent_path());
      SnapshotMeta meta;
      meta.sha256 = page.sha256;
      meta.url = page.url;
      meta.final_url = page.final_url;
      meta.status = page.status;
      meta.content_type = page.content_type;
      meta.etag = page.etag;
      meta.last_modified = page.last_modified;
      meta.fetched_at = fetched_at;
      meta.bytes = page.bytes.size();
      index_.snapshots.push_back(std::move(meta));
    } else if (SnapshotMeta* meta = find_meta(page.sha256)) {
      // Same bytes, maybe new validators: keep the newest for conditional requests.
      if (!page.etag.empty()) meta->etag = page.etag;
      if (!page.last_modified.empty()) meta->last_modified = page.last_modified;
    }
    if (set_latest) index_.set_latest(page.url, page.sha256);
  }
}

void DocumentTransaction::note_unchanged(const std::string& at) {
  CheckEntry entry;
  entry.at = at;
  entry.status = Status::unchanged;
  index_.last_check = entry;
}

void DocumentTransaction::note_error(const std::string& at, const Error& error, std::vector<std::string> snapshots) {
  CheckEntry entry;
  entry.at = at;
  entry.status = Status::error;
  entry.error = error;
  entry.snapshots = std::move(snapshots);
  index_.last_check = entry;
  index_.recent_errors.push_back(entry);
  if (index_.recent_errors.size() > kRecentErrorsKept) index_.recent_errors.erase(index_.recent_errors.begin());
}

void DocumentTransaction::add_version(VersionEntry version, std::string_view text, std::string_view record_json) {
  begin_writes();
  archive_.put_version(index_, version.number, text, data_sync_);
  archive_.put_record(index_, version.number, record_json, data_sync_);
  dirty_directories_.insert(archive_.version_path(index_, version.number).parent_path());
  dirty_directories_.insert(archive_.record_path(index_, version.number).parent_path());
  CheckEntry entry;
  entry.at = version.captured_at;
  entry.status = version.status;
  index_.last_check = entry;
  index_.versions.push_back(std::move(version));
}

void DocumentTransaction::hold(PendingText pending, std::string_view text) {
  begin_writes();
  archive_.put_pending(index_, pending.sha256, text, data_sync_);
  dirty_directories_.insert(archive_.pending_path(index_, pending.sha256).parent_path());
  index_.pending = std::move(pending);
}

void DocumentTransaction::forget_unreferenced_snapshots() {
  // Pages the declaration no longer fetches keep no "latest" snapshot.
  auto& latest = index_.latest_by_url;
  latest.erase(std::remove_if(latest.begin(), latest.end(),
                              [&](const auto& entry) {
                                return std::find(declared_urls_.begin(), declared_urls_.end(), entry.first) ==
                                       declared_urls_.end();
                              }),
               latest.end());
  std::vector<std::string> named;
  for (const auto& v : index_.versions) named.insert(named.end(), v.snapshots.begin(), v.snapshots.end());
  for (const auto& e : index_.recent_errors) named.insert(named.end(), e.snapshots.begin(), e.snapshots.end());
  for (const auto& [url, sha] : index_.latest_by_url) named.push_back(sha);
  if (index_.pending) named.insert(named.end(), index_.pending->snapshots.begin(), index_.pending->snapshots.end());
  auto& s = index_.snapshots;
  s.erase(std::remove_if(s.begin(), s.end(),
                         [&](const SnapshotMeta& m) { return std::find(named.begin(), named.end(), m.sha256) == named.end(); }),
          s.end());
}

void DocumentTransaction::begin_writes() {
  if (in_transaction_) return;
  archive_.begin_transaction(index_);
  in_transaction_ = true;
}

// A commit that only says when the document was last checked need not survive a power cut:
// losing it loses nothing else. Most checks of most documents are such commits.
bool DocumentTransaction::only_last_check_changed() const {
  DocumentIndex without_check = index_;
  without_check.last_check.reset();
  return !in_transaction_ && index_to_json(without_check) == committed_without_check_;
}

bool DocumentTransaction::drops_files() const {
  if (committed_pending_ && !index_.pending) return true;
  return std::any_of(committed_snapshots_.begin(), committed_snapshots_.end(),
                     [&](const std::string& sha) { return !index_.find_snapshot(sha); });
}

std::optional<std::string> DocumentTransaction::commit() {
  forget_unreferenced_snapshots();
  // Files the index stops naming are deleted after the commit: a write too.
  if (!in_transaction_ && drops_files()) begin_writes();
  if (mode_ == CommitMode::group) {
    commit_pending_ = true;  // complete_commit() does the rest after the batch's sync
    return std::nullopt;
  }
  return finish_commit(false);
}

std::optional<std::string> DocumentTransaction::complete_commit(bool data_synced) { return finish_commit(data_synced); }

std::optional<std::string> DocumentTransaction::finish_commit(bool data_synced) {
  commit_pending_ = false;
  Sync index_sync = Sync::full;
  if (data_synced) {
    // The batch's sync made the data durable; the run's last sync covers this index.
    index_sync = Sync::none;
  } else {
    // The files the index will name are durable before the index names them: their data
    // was synced when written, their directory entries are synced here, once each.
    for (const auto& directory : dirty_directories_) sync_directory(directory);
    if (mode_ == CommitMode::group) index_sync = Sync::none;  // nothing written: the run's last sync covers it
    else if (only_last_check_changed()) index_sync = Sync::none;
  }
  dirty_directories_.clear();
  if (index_sync != Sync::full) {
    archive_.commit(index_, index_sync);
  } else {
    // Once index.json is renamed into place the document has changed, whatever happens next:
    // a directory sync that fails after it must not turn the commit into an error (`accept`
    // said "cannot sync directory" and exited 4 for a text it had accepted; run again, it found
    // nothing waiting). The change stands, with a warning, and the garbage stays with the
    // marker, as after a kill right after the commit: deleting files the old index names
    // before the new one is durable could, after a power cut, leave it naming deleted files.
    archive_.commit(index_, Sync::file_only);
    try {
      sync_directory(archive_.index_path(index_).parent_path());
    } catch (const ArchiveError& e) {
      in_transaction_ = false;
      return std::string("archived, but not durable yet (") + e.what() + "): a power cut could undo it";
    }
  }
  // In a group commit, the garbage is deleted only after the next sync has made this index
  // durable (cleanup()): a power cut must not leave an old index naming deleted files.
  if (mode_ == CommitMode::immediate) cleanup();
  return std::nullopt;
}

void DocumentTransaction::cleanup() {
  if (in_transaction_) archive_.end_transaction(index_);
  in_transaction_ = false;
}

void DocumentTransaction::abandon() {
  // The transaction stays open, its marker on disk, as after a kill: the next check (or
  // `verify --repair`) collects the garbage against the index that is committed. Ending it
  // (cleanup()) would collect against this index, which did not commit: the new version's
  // files would stay without a marker (taken later for a lost tail, a change reported by no
  // run), and files the committed index still names would be deleted.
  commit_pending_ = false;
  in_transaction_ = false;
}

}  // namespace tosdiff
