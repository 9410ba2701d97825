#include "tosdiff/check.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "tosdiff/charset.hpp"
#include "tosdiff/classify.hpp"
#include "tosdiff/page_check.hpp"
#include "tosdiff/sha256.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kRecentErrorsKept = 10;

struct Page {
  const SourceSpec* source = nullptr;
  FetchResponse response;  // for a 304, the archived snapshot's bytes and metadata
  std::string sha256;      // of the raw bytes
  std::string utf8;        // the page transcoded
};

std::string http_reason(long status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

// One document's check, from its pages' fetch results to the archive and the result.
class DocumentCheck {
 public:
  DocumentCheck(const DocumentSpec& spec, const Archive& archive, const Clock& clock)
      : spec_(spec), archive_(archive), clock_(clock) {
    result_.platform = spec.platform_id;
    result_.document = spec.document_id;
    result_.title = spec.title();
    for (const auto& source : spec.sources) result_.urls.push_back(source.url);
    try {
      index_ = archive.load(spec.platform_id, spec.document_id);
      loaded_ = true;
      for (const auto& s : index_.snapshots) committed_snapshots_.push_back(s.sha256);
      DocumentIndex without_check = index_;
      without_check.last_check.reset();
      committed_without_check_ = index_to_json(without_check);
      committed_pending_ = index_.pending.has_value();
    } catch (const ArchiveError& e) {
      load_error_ = e.what();
    }
  }

  // Conditional request headers for a page whose archived snapshot is still on disk.
  FetchRequest request_for(const SourceSpec& source) const {
    FetchRequest request;
    request.url = source.url;
    request.allow_file = spec_.allow_file_urls;
    request.per_host = spec_.per_host;
    request.delay_seconds = spec_.delay_seconds;
    if (!loaded_) return request;
    if (const SnapshotMeta* meta = index_.latest_snapshot(source.url)) {
      std::error_code ec;
      if (std::filesystem::exists(archive_.snapshot_path(index_, meta->sha256), ec)) {
        request.etag = meta->etag;
        request.last_modified = meta->last_modified;
      }
    }
    return request;
  }

  void set_response(std::size_t source_index, Result<FetchResponse> response) {
    if (responses_.empty()) responses_.resize(spec_.sources.size());
    responses_[source_index] = std::move(response);
    ++received_;
  }
  bool complete() const { return received_ == spec_.sources.size(); }
  void set_max_html_bytes(std::size_t bytes) { max_html_bytes_ = bytes; }
  void set_limits(const std::atomic<bool>* stop, double budget_seconds) {
    stop_ = stop;
    budget_seconds_ = budget_seconds;
  }
  void set_rules(const Rules* rules) { rules_ = rules ? rules : &builtin_rules(); }

  // Group commit (check_documents): run() writes the document's files without syncing them
  // and leaves its index uncommitted; the caller syncs the file system once for a batch of
  // documents, then calls complete_commit() on each. Data is durable before any index names
  // it, for the cost of one sync per batch instead of several per document.
  void set_group_commit(bool on) {
    group_commit_ = on;
    data_sync_ = on ? Sync::none : Sync::file_only;
  }
  bool awaiting_commit() const { return commit_pending_; }
  bool wrote_files() const { return in_transaction_; }

  CheckResult run() {
    started_ = std::chrono::steady_clock::now();
    result_.checked_at = format_utc(clock_.now());
    if (!loaded_) return fail({"archive", load_error_}, false);
    try {
      archive_.recover(index_);  // a run killed while writing this document: finish its cleanup
      CheckResult result = process();
      responses_.clear();  // the pages' bytes are not needed any more
      return result;
    } catch (const ArchiveError& e) {
      return archive_failure(e);
    }
  }

  // With group commit: `data_synced` says the caller synced the file system after run().
  CheckResult complete_commit(bool data_synced) {
    try {
      finish_commit(data_synced);
      return result_;
    } catch (const ArchiveError& e) {
      return archive_failure(e);
    }
  }

 private:
  // Between stages: a run being stopped leaves the document as it was; a document over its
  // time budget is an error of its own kind (its pages kept for inspection).
  std::optional<Error> over_limits() const {
    if (stop_ && stop_->load()) return Error{"interrupted", "the run stopped while this document was processed"};
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    if (seconds > budget_seconds_)
      return Error{"time_budget", "processing took " + std::to_string(static_cast<int>(seconds)) +
                                      " s, over the budget of " + std::to_string(static_cast<int>(budget_seconds_)) +
                                      " s per document"};
    return std::nullopt;
  }

  CheckResult process() {
    std::vector<Page> pages;
    for (std::size_t i = 0; i < spec_.sources.size(); ++i) {
      Result<FetchResponse>& fetched = *responses_[i];
      // An interrupted run leaves the document exactly as it was, index included.
      if (!fetched) return fail(fetched.error(), fetched.error().kind != "interrupted");
      Page page;
      page.source = &spec_.sources[i];
      page.response = std::move(fetched).value();
      if (page.response.not_modified) {
        if (!restore_from_archive(page))
          return fail({"archive", "the server answered 304 Not Modified for " + page.source->url +
                                      " but the archived snapshot is missing"},
                      true);
      } else {
        page.sha256 = sha256_hex(page.response.body);
      }
      page.utf8 = to_utf8(page.response.body, page.response.content_type).text;
      pages.push_back(std::move(page));
    }
    // An HTTP error: blocked (a challenge page) or plain http_status; never a version.
    for (const Page& page : pages) {
      const long status = page.response.status;
      if (status < 400 && status >= 200) continue;
      NormalizeOptions whole_page;  // the page's own text, for telling a challenge apart
      auto text = normalize(page.utf8, whole_page);
      auto blocked = classify_page(status, page.utf8, text ? *text : Text{}, page.source->url);
      if (blocked) return fail(*blocked, true, pages);
      std::string reason = http_reason(status);
      return fail({"http_status", "HTTP " + std::to_string(status) + (reason.empty() ? "" : " " + reason) +
                                      " from " + page.source->url},
                  true, pages);
    }
    Text text;
    for (const Page& page : pages) {
      if (auto limit = over_limits()) return fail(*limit, limit->kind != "interrupted", pages);
      NormalizeReport report;
      auto extracted = extract_text(page, nullptr, &report);
      if (!extracted && extracted.error().kind == "no_match") {
        // The declaration's selector no longer matches (a redesign): look for the text
        // itself, anchored on what the document said last time, rather than go blind.
        std::string anchor = pages.size() == 1 ? previous_text() : std::string();
        extracted = extract_text(page, &anchor, &report);
      }
      if (report.fell_back)
        result_.warnings.push_back(report.note + (pages.size() > 1 ? " (page " + page.source->url + ")" : ""));
      if (!extracted) {
        Error error = extracted.error();
        if (pages.size() > 1) error.message += " (page " + page.source->url + ")";
        return fail(error, true, pages);
      }
      if (auto not_the_document = classify_page(page.response.status, page.utf8, *extracted, page.source->url)) {
        // Held as pending when there is text: if tosdiff is wrong about this page, the
        // user can take it with `tosdiff accept`.
        if (pages.size() == 1 && not_the_document->kind != "empty") return hold(*not_the_document, pages, *extracted);
        return fail(*not_the_document, true, pages);
      }
      for (Block& block : extracted->blocks) text.blocks.push_back(std::move(block));
    }
    if (auto limit = over_limits()) return fail(*limit, limit->kind != "interrupted", pages);
    const std::string rendered = render_text(text);
    const std::string sha = sha256_hex(rendered);
    if (const VersionEntry* current = index_.current()) {
      if (current->sha256 != sha) {
        if (auto shrink = check_shrink(parse_text(previous_text()), text)) return hold(*shrink, pages, text);
      }
    }
    store_pages(pages);
    set_latest(pages);
    index_.pending.reset();  // a good text supersedes one awaiting acceptance
    return record(snapshots_of(pages), text, rendered, sha, false);
  }

  static std::vector<std::string> snapshots_of(const std::vector<Page>& pages) {
    std::vector<std::string> out;
    for (const Page& page : pages) out.push_back(page.sha256);
    return out;
  }

  Result<Text> extract_text(const Page& page, const std::string* anchor, NormalizeReport* report) const {
    NormalizeOptions options;
    options.select = page.source->select;
    options.remove = page.source->remove;
    options.base_url = page.response.final_url.empty() ? page.source->url : page.response.final_url;
    options.include_links = spec_.compare_links;
    options.max_html_bytes = max_html_bytes_;
    if (anchor) {
      options.fallback_on_no_match = true;
      options.anchor_text = *anchor;
      options.report = report;
    }
    return normalize(page.utf8, options);
  }

  // A suspicious text: an error now, kept as pending so `tosdiff accept` can take it.
  CheckResult hold(Error error, const std::vector<Page>& pages, const Text& text) {
    const std::string rendered = render_text(text);
    PendingText pending;
    pending.sha256 = sha256_hex(rendered);
    pending.at = result_.checked_at;
    pending.error_kind = error.kind;
    pending.error_message = error.message;
    pending.snapshots = snapshots_of(pages);
    begin_writes();
    archive_.put_pending(index_, pending.sha256, rendered, data_sync_);
    dirty_directories_.insert(archive_.pending_path(index_, pending.sha256).parent_path());
    index_.pending = std::move(pending);
    error.message += "; if this is the real document, run `tosdiff accept " + spec_.key() + "`";
    return fail(std::move(error), true, pages);
  }

 public:
  // `tosdiff accept`: the pending text becomes the current version.
  CheckResult accept() {
    result_.checked_at = format_utc(clock_.now());
    if (!loaded_) throw ArchiveError(load_error_);
    if (!index_.pending) {
      result_.status = "error";
      result_.error = Error{"nothing_pending", "nothing is waiting for acceptance"};
      return result_;
    }
    const PendingText pending = *index_.pending;
    Text text = parse_text(archive_.read_pending(index_));
    const std::string rendered = render_text(text);
    if (sha256_hex(rendered) != pending.sha256)
      throw ArchiveError(archive_.pending_path(index_, pending.sha256).string() + " does not match the index");
    index_.pending.reset();
    result_.warnings.push_back("accepted on purpose: " + pending.error_kind + ": " + pending.error_message);
    return record(pending.snapshots, text, rendered, pending.sha256, true);  // the commit drops the pending file
  }

 private:
  std::string previous_text() const {
    const VersionEntry* current = index_.current();
    return current ? archive_.read_version(index_, *current) : std::string();
  }

  bool restore_from_archive(Page& page) {
    const SnapshotMeta* meta = index_.latest_snapshot(page.source->url);
    if (!meta) return false;
    auto bytes = archive_.read_snapshot(index_, meta->sha256);
    if (!bytes) return false;
    page.response.body = std::move(*bytes);
    page.response.status = meta->status;
    page.response.content_type = meta->content_type;
    page.response.final_url = meta->final_url;
    page.response.etag = page.response.etag.empty() ? meta->etag : page.response.etag;
    page.response.last_modified = page.response.last_modified.empty() ? meta->last_modified : page.response.last_modified;
    page.sha256 = meta->sha256;
    return true;
  }

  // Stores the pages' raw bytes and points "latest" at them; the snapshots no longer named
  // by a version, an error or a latest pointer are forgotten (their files pruned after
  // commit), so unchanged texts do not pile up megabytes of identical pages.
  void store_pages(const std::vector<Page>& pages) {
    for (const Page& page : pages) {
      if (!index_.find_snapshot(page.sha256)) {
        begin_writes();
        archive_.put_snapshot(index_, page.sha256, page.response.body, data_sync_);
        dirty_directories_.insert(archive_.snapshot_path(index_, page.sha256).parent_path());
        SnapshotMeta meta;
        meta.sha256 = page.sha256;
        meta.url = page.source->url;
        meta.final_url = page.response.final_url;
        meta.status = page.response.status;
        meta.content_type = page.response.content_type;
        meta.etag = page.response.etag;
        meta.last_modified = page.response.last_modified;
        meta.fetched_at = result_.checked_at;
        meta.bytes = page.response.body.size();
        index_.snapshots.push_back(std::move(meta));
      } else if (SnapshotMeta* meta = find_meta(page.sha256)) {
        // Same bytes, maybe new validators: keep the newest for conditional requests.
        if (!page.response.etag.empty()) meta->etag = page.response.etag;
        if (!page.response.last_modified.empty()) meta->last_modified = page.response.last_modified;
      }
    }
  }

  void set_latest(const std::vector<Page>& pages) {
    for (const Page& page : pages) index_.set_latest(page.source->url, page.sha256);
  }

  SnapshotMeta* find_meta(const std::string& sha) {
    for (auto& s : index_.snapshots)
      if (s.sha256 == sha) return &s;
    return nullptr;
  }

  void forget_unreferenced_snapshots() {
    // Pages the declaration no longer fetches keep no "latest" snapshot.
    auto& latest = index_.latest_by_url;
    latest.erase(std::remove_if(latest.begin(), latest.end(),
                                [&](const auto& entry) {
                                  return std::none_of(spec_.sources.begin(), spec_.sources.end(),
                                                      [&](const SourceSpec& s) { return s.url == entry.first; });
                                }),
                 latest.end());
    std::vector<std::string> named;
    for (const auto& v : index_.versions) named.insert(named.end(), v.snapshots.begin(), v.snapshots.end());
    for (const auto& e : index_.recent_errors) named.insert(named.end(), e.snapshots.begin(), e.snapshots.end());
    for (const auto& [url, sha] : index_.latest_by_url) named.push_back(sha);
    if (index_.pending) named.insert(named.end(), index_.pending->snapshots.begin(), index_.pending->snapshots.end());
    auto& s = index_.snapshots;
    s.erase(std::remove_if(s.begin(), s.end(),
                           [&](const SnapshotMeta& m) {
                             return std::find(named.begin(), named.end(), m.sha256) == named.end();
                           }),
            s.end());
  }

  // Every file write of this check happens inside one archive transaction (archive.hpp):
  // a kill at any instant leaves the archive as the last committed index says.
  void begin_writes() {
    if (in_transaction_) return;
    archive_.begin_transaction(index_);
    in_transaction_ = true;
  }

  void commit() {
    forget_unreferenced_snapshots();
    // Files the index stops naming are deleted after the commit: a write too.
    if (!in_transaction_ && drops_files()) begin_writes();
    if (group_commit_) {
      commit_pending_ = true;  // complete_commit() does the rest after the batch's sync
      return;
    }
    finish_commit(false);
  }

  void finish_commit(bool data_synced) {
    commit_pending_ = false;
    Sync index_sync = Sync::full;
    if (data_synced) {
      // The batch's sync made the data durable; the run's last sync covers this index.
      index_sync = Sync::none;
    } else {
      // The files the index will name are durable before the index names them: their data
      // was synced when written, their directory entries are synced here, once each.
      for (const auto& directory : dirty_directories_) sync_directory(directory);
      if (group_commit_) index_sync = Sync::none;  // nothing written: the run's last sync covers it
      else if (only_last_check_changed()) index_sync = Sync::none;
    }
    dirty_directories_.clear();
    if (index_sync != Sync::full) {
      archive_.commit(index_, index_sync);
    } else {
      // Once index.json is renamed into place the document has changed, whatever happens
      // next: a directory sync that fails after it must not turn the commit into an error
      // (`tosdiff accept` said "cannot sync directory" and exited 4 for a text it had
      // accepted; run again, it found nothing waiting). The change is reported, with a
      // warning, and the garbage is left with the marker, as after a kill right after the
      // commit: deleting files the old index names before the new one is durable could,
      // after a power cut, leave the old index naming deleted files.
      archive_.commit(index_, Sync::file_only);
      try {
        sync_directory(archive_.index_path(index_).parent_path());
      } catch (const ArchiveError& e) {
        result_.warnings.push_back(std::string("archived, but not durable yet (") + e.what() +
                                   "): a power cut could undo it");
        in_transaction_ = false;
        return;
      }
    }
    // In a group commit, the garbage is deleted only after the next sync has made this index
    // durable (cleanup()): a power cut must not leave an old index naming deleted files.
    if (!group_commit_) cleanup();
  }

 public:
  // Deletes what the committed index no longer names, and the transaction marker.
  void cleanup() {
    if (in_transaction_) archive_.end_transaction(index_);
    in_transaction_ = false;
  }

  // With group commit, when the batch's sync failed: the document's files are not known to
  // be durable, so its index is not committed. The marker stays; the next check collects
  // the files as garbage and checks the document again.
  CheckResult abandon(const std::string& why) {
    commit_pending_ = false;
    in_transaction_ = false;
    return archive_failure(ArchiveError(why));
  }

 private:

  CheckResult archive_failure(const ArchiveError& e) {
    // The archive could not be written: what was committed before stays as it was.
    result_.status = "error";
    result_.error = Error{"archive", e.what()};
    result_.previous.reset();
    result_.current.reset();
    result_.change.reset();
    commit_pending_ = false;
    // The transaction stays open, its marker on disk, as after a kill: the next check (or
    // `verify --repair`) collects the garbage against the index that is committed. Ending it
    // here (cleanup() after a failed commit) would collect against index_, the index that
    // failed to commit: the new version's files would stay without a marker (taken later for
    // a lost tail, so the change entered the history reported by no run), and files the
    // committed index still names (a pending text, an error's snapshot) would be deleted.
    in_transaction_ = false;
    return result_;
  }

  // A commit that only says when the document was last checked need not survive a power
  // cut: losing it loses nothing else. Most checks of most documents are such commits.
  bool only_last_check_changed() const {
    DocumentIndex without_check = index_;
    without_check.last_check.reset();
    return !in_transaction_ && index_to_json(without_check) == committed_without_check_;
  }

  bool drops_files() const {
    if (committed_pending_ && !index_.pending) return true;
    return std::any_of(committed_snapshots_.begin(), committed_snapshots_.end(),
                       [&](const std::string& sha) { return !index_.find_snapshot(sha); });
  }

  // An error result. The previous version stays current; the raw pages, if any, are kept
  // for inspection.
  CheckResult fail(Error error, bool write_index, const std::vector<Page>& pages = {}) {
    result_.status = "error";
    result_.error = std::move(error);
    if (!write_index) return result_;
    CheckEntry entry;
    entry.at = result_.checked_at;
    entry.status = "error";
    entry.error_kind = result_.error->kind;
    entry.error_message = result_.error->message;
    store_pages(pages);
    for (const Page& page : pages) entry.snapshots.push_back(page.sha256);
    index_.last_check = entry;
    index_.recent_errors.push_back(entry);
    if (index_.recent_errors.size() > kRecentErrorsKept)
      index_.recent_errors.erase(index_.recent_errors.begin());
    commit();
    return result_;
  }

  // `rendered` is render_text(text) and `sha` its hash, computed once by the caller.
  CheckResult record(const std::vector<std::string>& snapshots, const Text& text, const std::string& rendered,
                     const std::string& sha, bool accepted) {
    const VersionEntry* current = index_.current();
    CheckEntry entry;
    entry.at = result_.checked_at;

    if (current && current->sha256 == sha) {
      result_.status = "unchanged";
      result_.current = version_ref(*current);
      entry.status = "unchanged";
      index_.last_check = entry;
      commit();
      return result_;
    }

    VersionEntry version;
    version.number = current ? current->number + 1 : 1;
    version.captured_at = result_.checked_at;
    version.sha256 = sha;
    version.snapshots = snapshots;

    if (!current) {
      result_.status = "new";
      result_.blocks = text.blocks.size();
      result_.words = count_text_words(text);
    } else {
      result_.status = "changed";
      result_.previous = version_ref(*current);
      Text before = parse_text(archive_.read_version(index_, *current));
      result_.change = diff_texts(before, text);
      result_.significance = result_.change->substantive ? "substantive" : "cosmetic";
      result_.cosmetic_kinds = result_.change->cosmetic_kinds;
      note_flapping(*current, sha);
    }
    if (accepted) result_.accepted = true;
    classify_result(result_, *rules_);
    version.status = result_.status;
    version.significance = result_.significance;
    version.cosmetic_kinds = result_.cosmetic_kinds;
    version.reverts_to = result_.reverts_to;
    result_.current = version_ref(version);
    version.summary = summarize(result_);

    begin_writes();
    archive_.put_version(index_, version.number, rendered, data_sync_);
    archive_.put_record(index_, version.number,
                        record_to_json(result_).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n", data_sync_);
    dirty_directories_.insert(archive_.version_path(index_, version.number).parent_path());
    dirty_directories_.insert(archive_.record_path(index_, version.number).parent_path());
    entry.status = result_.status;
    index_.versions.push_back(std::move(version));
    index_.last_check = entry;
    commit();
    return result_;
  }

  // A text seen recently comes back (A/B variants, two caches behind a balancer): the
  // record names the version it reverts to. Once the document has already made this very
  // flip before, it is flapping, and the flip is cosmetic.
  void note_flapping(const VersionEntry& current, const std::string& sha) {
    constexpr std::size_t kRecent = 10;
    const auto& versions = index_.versions;
    const std::size_t first = versions.size() > kRecent ? versions.size() - kRecent : 0;
    for (std::size_t i = versions.size() - 1; i-- > first;) {  // skip the current one
      if (versions[i].sha256 == sha) {
        result_.reverts_to = versions[i].id();
        break;
      }
    }
    if (result_.reverts_to.empty()) return;
    for (std::size_t i = first + 1; i < versions.size(); ++i) {
      if (versions[i - 1].sha256 == current.sha256 && versions[i].sha256 == sha) {
        result_.significance = "cosmetic";
        auto& kinds = result_.cosmetic_kinds;
        kinds.push_back("flapping");
        std::sort(kinds.begin(), kinds.end());
        kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
        return;
      }
    }
  }

  const DocumentSpec& spec_;
  const Archive& archive_;
  const Clock& clock_;
  DocumentIndex index_;
  bool loaded_ = false;
  std::string load_error_;
  std::vector<std::optional<Result<FetchResponse>>> responses_;
  std::size_t received_ = 0;
  std::size_t max_html_bytes_ = 16u << 20;
  const Rules* rules_ = &builtin_rules();
  const std::atomic<bool>* stop_ = nullptr;
  double budget_seconds_ = 60;
  std::chrono::steady_clock::time_point started_;
  bool in_transaction_ = false;
  std::vector<std::string> committed_snapshots_;  // as loaded: what the last commit named
  std::string committed_without_check_;            // the loaded index, last_check left out
  std::set<std::filesystem::path> dirty_directories_;  // written into, not yet synced
  bool group_commit_ = false;
  bool commit_pending_ = false;
  Sync data_sync_ = Sync::file_only;
  bool committed_pending_ = false;
  CheckResult result_;
};

// A blocking queue of document indices with a capacity: push waits while it is full.
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}
  void push(std::size_t value) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(value);
    not_empty_.notify_one();
  }
  // False once closed and drained.
  bool pop(std::size_t& value) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    value = items_.front();
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }
  // Everything queued (waiting for at least one item); false once closed and drained.
  bool pop_all(std::vector<std::size_t>& values) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    values.assign(items_.begin(), items_.end());
    items_.clear();
    not_full_.notify_all();
    return true;
  }
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::deque<std::size_t> items_;
  bool closed_ = false;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
};

}  // namespace

CheckSummary check_documents(const std::vector<DocumentSpec>& documents, const Archive& archive,
                             Fetcher& fetcher, const Clock& clock, const ReportFn& report,
                             std::size_t max_page_bytes, const Rules* rules, const std::atomic<bool>* stop,
                             double document_budget_seconds) {
  std::vector<std::unique_ptr<DocumentCheck>> checks;
  std::vector<FetchRequest> requests;
  std::vector<std::pair<std::size_t, std::size_t>> owner;  // request -> (document, source)
  for (std::size_t d = 0; d < documents.size(); ++d) {
    checks.push_back(std::make_unique<DocumentCheck>(documents[d], archive, clock));
    checks.back()->set_max_html_bytes(std::max<std::size_t>(16u << 20, 3 * max_page_bytes));
    checks.back()->set_rules(rules);
    checks.back()->set_limits(stop, document_budget_seconds);
    for (std::size_t s = 0; s < documents[d].sources.size(); ++s) {
      requests.push_back(checks.back()->request_for(documents[d].sources[s]));
      owner.emplace_back(d, s);
    }
  }
  CheckSummary summary;
  std::mutex report_mutex;  // reports are printed one at a time, whichever thread made them
  auto tally = [&](const CheckResult& r) {
    std::lock_guard<std::mutex> lock(report_mutex);
    ++summary.checked;
    if (r.status == "new") ++summary.created;
    else if (r.status == "unchanged") ++summary.unchanged;
    else if (r.status == "error") ++summary.errors;
    else if (r.significance == "substantive") ++summary.substantive;
    else ++summary.cosmetic;
    report(r);
  };
  // The fetching thread only moves bytes; workers (one per core) transcode, normalize,
  // diff and archive the documents whose pages have all arrived. Documents are independent
  // (each its own directory in the archive), so they need no lock but the report's. The
  // queue is bounded: when the workers fall behind, fetching waits, and memory stays
  // bounded by (transfers in flight + queued documents) x the size cap.
  const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  BoundedQueue ready(2 * workers);
  // Group commit: documents processed by the workers wait here; the committer syncs the
  // file system once for all the documents waiting, then commits their indexes and reports
  // them (a document is reported only once its change is durable, never before).
  BoundedQueue committing(documents.size() + 1);
  for (auto& check : checks) check->set_group_commit(true);
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      std::size_t d;
      while (ready.pop(d)) {
        CheckResult result = checks[d]->run();
        if (checks[d]->awaiting_commit()) {
          committing.push(d);
        } else {
          tally(result);
          checks[d].reset();
        }
      }
    });
  }
  bool committed_any = false;
  // Documents committed in the previous batch, whose garbage waits for the next sync.
  std::vector<std::unique_ptr<DocumentCheck>> to_clean;
  auto clean = [&] {
    for (auto& check : to_clean) {
      try {
        check->cleanup();
      } catch (const ArchiveError&) {
        // the marker stays; the next check of the document collects the garbage
      }
    }
    to_clean.clear();
  };
  std::thread committer([&] {
    std::vector<std::size_t> batch;
    while (committing.pop_all(batch)) {
      const bool wrote = !to_clean.empty() ||
                         std::any_of(batch.begin(), batch.end(), [&](std::size_t d) { return checks[d]->wrote_files(); });
      bool synced = false;
      std::string sync_error;
      if (wrote) {
        try {
          sync_filesystem(archive.root());  // this batch's data, and the previous batch's indexes
          synced = true;
        } catch (const ArchiveError& e) {
          sync_error = e.what();
        }
      }
      if (synced) clean();
      for (std::size_t d : batch) {
        const bool durable = synced || !checks[d]->wrote_files();
        tally(durable ? checks[d]->complete_commit(synced) : checks[d]->abandon(sync_error));
        to_clean.push_back(std::move(checks[d]));
      }
      committed_any = true;
    }
  });
  fetcher.fetch_all(requests, [&](std::size_t index, Result<FetchResponse> response) {
    auto [d, s] = owner[index];
    checks[d]->set_response(s, std::move(response));
    if (checks[d]->complete()) ready.push(d);
  });
  ready.close();
  for (std::thread& t : pool) t.join();
  committing.close();
  committer.join();
  // The indexes committed in the last batch were not synced: one sync covers them, then
  // their garbage goes.
  if (committed_any) {
    try {
      sync_filesystem(archive.root());
      clean();
    } catch (const ArchiveError&) {
      // Indexes are renamed into place already; their markers stay, and the next check of
      // each document collects its garbage.
    }
  }
  // A fetcher that stopped early (interrupted) may leave documents without every page.
  for (std::size_t d = 0; d < checks.size(); ++d) {
    if (!checks[d]) continue;
    CheckResult r;
    r.platform = documents[d].platform_id;
    r.document = documents[d].document_id;
    r.title = documents[d].title();
    for (const auto& source : documents[d].sources) r.urls.push_back(source.url);
    r.status = "error";
    r.checked_at = format_utc(clock.now());
    r.error = Error{"interrupted", "the run stopped before this document was fetched"};
    tally(r);
  }
  return summary;
}

CheckResult accept_pending(const DocumentSpec& document, const Archive& archive, const Clock& clock,
                           const Rules* rules) {
  DocumentCheck check(document, archive, clock);
  check.set_rules(rules);
  return check.accept();
}

VersionRef version_ref(const VersionEntry& v) {
  VersionRef ref;
  ref.version = v.id();
  ref.captured_at = v.captured_at;
  ref.sha256 = v.sha256;
  ref.snapshots = v.snapshots;
  if (!v.snapshots.empty()) ref.snapshot_sha256 = v.snapshots.front();
  return ref;
}

}  // namespace tosdiff
