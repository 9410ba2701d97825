#include "tosdiff/pipeline/run.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "tosdiff/pipeline/document_check.hpp"
#include "tosdiff/pipeline/record_builder.hpp"

namespace tosdiff {
namespace {

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
  DocumentCheckOptions options;
  // Transcoding can triple a legacy-encoded page: the normalizer accepts what the fetch cap lets through.
  options.max_html_bytes = std::max<std::size_t>(16u << 20, 3 * max_page_bytes);
  options.rules = rules;
  options.stop = stop;
  options.budget_seconds = document_budget_seconds;
  options.commit = CommitMode::group;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    checks.push_back(std::make_unique<DocumentCheck>(documents[d], archive, clock, options));
    for (std::size_t s = 0; s < documents[d].sources.size(); ++s) {
      requests.push_back(checks.back()->request_for(documents[d].sources[s]));
      owner.emplace_back(d, s);
    }
  }
  CheckSummary summary;
  std::mutex report_mutex;  // reports are printed one at a time, whichever thread made them
  auto tally = [&](const ChangeRecord& r) {
    std::lock_guard<std::mutex> lock(report_mutex);
    ++summary.checked;
    switch (r.status) {
      case Status::new_document: ++summary.created; break;
      case Status::unchanged: ++summary.unchanged; break;
      case Status::error: ++summary.errors; break;
      case Status::changed: ++(is_substantive_change(r) ? summary.substantive : summary.cosmetic); break;
    }
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
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      std::size_t d;
      while (ready.pop(d)) {
        ChangeRecord result = checks[d]->run();
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
    ChangeRecord r;
    r.platform = documents[d].platform_id;
    r.document = documents[d].document_id;
    r.title = documents[d].title();
    for (const auto& source : documents[d].sources) r.urls.push_back(source.url);
    r.status = Status::error;
    r.checked_at = format_utc(clock.now());
    r.error = Error{ErrorKind::interrupted, "the run stopped before this document was fetched"};
    tally(r);
  }
  return summary;
}

ChangeRecord accept_pending(const DocumentSpec& document, const Archive& archive, const Clock& clock,
                           const Rules* rules) {
  DocumentCheckOptions options;
  options.rules = rules;
  DocumentCheck check(document, archive, clock, options);
  return check.accept();
}

}  // namespace tosdiff
