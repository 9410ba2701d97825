#include "tosdiff/pipeline/run.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <atomic>
#include <memory>
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

// One `check` run over many documents. The fetching thread (the caller's) only moves bytes;
// workers (one per core) transcode, normalize, diff and archive the documents whose pages
// have all arrived; a committer makes their changes durable in batches (group commit).
// Documents are independent (each its own directory in the archive), so they need no lock but
// the report's.
class CheckRun {
 public:
  CheckRun(const std::vector<DocumentSpec>& documents, const Archive& archive, const Clock& clock,
           const ReportFn& report, const DocumentCheckOptions& options, PageRenderer* renderer)
      : documents_(documents), archive_(archive), clock_(clock), report_(report), renderer_(renderer),
        workers_(std::clamp(std::thread::hardware_concurrency(), 1u, 8u)),
        // Bounded: when the workers fall behind, fetching waits, and memory stays bounded by
        // (transfers in flight + queued documents) x the size cap.
        ready_(2 * workers_),
        committing_(documents.size() + 1) {
    for (std::size_t d = 0; d < documents.size(); ++d) {
      checks_.push_back(std::make_unique<DocumentCheck>(documents[d], archive, clock, options));
      for (std::size_t s = 0; s < documents[d].sources.size(); ++s) {
        // A page the declaration says is built by scripts goes to the browser at once.
        if (renderer_ && documents[d].sources[s].execute_client_scripts) {
          renders_.emplace_back(d, s);
          continue;
        }
        requests_.push_back(checks_.back()->request_for(documents[d].sources[s]));
        owner_.emplace_back(d, s);
      }
    }
  }

  CheckSummary run(Fetcher& fetcher) {
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < workers_; ++w) pool.emplace_back([this] { work(); });
    std::thread committer([this] { commit_batches(); });
    for (auto [d, s] : renders_) {
      renderer_->render(checks_[d]->render_request_for(documents_[d].sources[s]),
                        [this, d = d, s = s](Result<RenderedPage> page) {
                          std::unique_lock<std::mutex> lock(arrival_mutex_);
                          checks_[d]->set_rendered(s, std::move(page));
                          if (checks_[d]->complete()) enter(d, lock);
                        });
    }
    fetcher.fetch_all(requests_, [this](std::size_t index, Result<FetchResponse> response) {
      auto [d, s] = owner_[index];
      std::unique_lock<std::mutex> lock(arrival_mutex_);
      checks_[d]->set_response(s, std::move(response));
      if (checks_[d]->complete()) enter(d, lock);
    });
    // Every page is fetched or given up (a stop): wait for the renders, and for the documents
    // taken in to be finished (a worker may still send a page to the browser meanwhile).
    if (renderer_) renderer_->wait_idle();
    {
      std::unique_lock<std::mutex> lock(arrival_mutex_);
      finished_.wait(lock, [&] { return in_progress_ == 0; });
    }
    ready_.close();
    for (std::thread& t : pool) t.join();
    committing_.close();
    committer.join();
    sync_last_batch();
    report_unfetched();
    return summary_;
  }

 private:
  void tally(const ChangeRecord& r) {
    std::lock_guard<std::mutex> lock(report_mutex_);  // reports are printed one at a time
    ++summary_.checked;
    switch (r.status) {
      case Status::new_document: ++summary_.created; break;
      case Status::unchanged: ++summary_.unchanged; break;
      case Status::error: ++summary_.errors; break;
      case Status::changed: ++(is_substantive_change(r) ? summary_.substantive : summary_.cosmetic); break;
    }
    report_(r);
  }

  // A document whose pages have all arrived enters the workers' queue (arrival_mutex_ held).
  void enter(std::size_t d, std::unique_lock<std::mutex>& lock) {
    ++in_progress_;
    lock.unlock();  // the queue may make us wait for a worker
    ready_.push(d);
  }

  void leave() {
    std::lock_guard<std::mutex> lock(arrival_mutex_);
    if (--in_progress_ == 0) finished_.notify_all();
  }

  void work() {
    std::size_t d;
    while (ready_.pop(d)) {
      ChangeRecord result = checks_[d]->run();
      if (!checks_[d]->pages_to_render().empty()) {
        send_to_browser(d);
        continue;  // back in the queue once rendered
      }
      if (checks_[d]->awaiting_commit()) {
        committing_.push(d);
      } else {
        tally(result);
        checks_[d].reset();
      }
      leave();
    }
  }

  // A document with pages that turned out to be JavaScript shells: each is rendered, and the
  // document goes back to the workers when the last one has arrived.
  void send_to_browser(std::size_t d) {
    const std::vector<std::size_t> pages = checks_[d]->pages_to_render();
    auto remaining = std::make_shared<std::atomic<std::size_t>>(pages.size());
    for (std::size_t s : pages) {
      renderer_->render(checks_[d]->render_request_for(documents_[d].sources[s]),
                        [this, d, s, remaining](Result<RenderedPage> page) {
                          checks_[d]->set_rendered(s, std::move(page));
                          if (--*remaining == 0) ready_.push(d);
                        });
    }
  }

  // Group commit: one file-system sync for all the documents waiting, then their indexes are
  // committed and they are reported (a document is reported only once its change is
  // durable, never before). Garbage waits for the next sync.
  void commit_batches() {
    std::vector<std::size_t> batch;
    while (committing_.pop_all(batch)) {
      const bool wrote = !to_clean_.empty() || std::any_of(batch.begin(), batch.end(), [&](std::size_t d) {
                           return checks_[d]->wrote_files();
                         });
      bool synced = false;
      std::string sync_error;
      if (wrote) {
        try {
          sync_filesystem(archive_.root());  // this batch's data, and the previous batch's indexes
          synced = true;
        } catch (const ArchiveError& e) {
          sync_error = e.what();
        }
      }
      if (synced) clean();
      for (std::size_t d : batch) {
        const bool durable = synced || !checks_[d]->wrote_files();
        tally(durable ? checks_[d]->complete_commit(synced) : checks_[d]->abandon(sync_error));
        to_clean_.push_back(std::move(checks_[d]));
      }
      committed_any_ = true;
    }
  }

  void clean() {
    for (auto& check : to_clean_) {
      try {
        check->cleanup();
      } catch (const ArchiveError&) {
        // the marker stays; the next check of the document collects the garbage
      }
    }
    to_clean_.clear();
  }

  // The indexes committed in the last batch were not synced: one sync covers them, then
  // their garbage goes.
  void sync_last_batch() {
    if (!committed_any_) return;
    try {
      sync_filesystem(archive_.root());
      clean();
    } catch (const ArchiveError&) {
      // Indexes are renamed into place already; their markers stay, and the next check of
      // each document collects its garbage.
    }
  }

  // A fetcher that stopped early (interrupted) may leave documents without every page.
  void report_unfetched() {
    for (std::size_t d = 0; d < checks_.size(); ++d) {
      if (!checks_[d]) continue;
      ChangeRecord r;
      r.platform = documents_[d].platform_id;
      r.document = documents_[d].document_id;
      r.title = documents_[d].title();
      for (const auto& source : documents_[d].sources) r.urls.push_back(source.url);
      r.status = Status::error;
      r.checked_at = format_utc(clock_.now());
      r.error = Error{ErrorKind::interrupted, "the run stopped before this document was fetched"};
      tally(r);
    }
  }

  const std::vector<DocumentSpec>& documents_;
  const Archive& archive_;
  const Clock& clock_;
  const ReportFn& report_;
  PageRenderer* renderer_;
  const unsigned workers_;
  std::vector<std::pair<std::size_t, std::size_t>> renders_;  // (document, source) rendered at once
  std::mutex arrival_mutex_;        // pages arrive from the fetching and the browser's threads
  std::condition_variable finished_;
  std::size_t in_progress_ = 0;     // documents taken in and not finished
  std::vector<std::unique_ptr<DocumentCheck>> checks_;
  std::vector<FetchRequest> requests_;
  std::vector<std::pair<std::size_t, std::size_t>> owner_;  // request -> (document, source)
  BoundedQueue ready_;       // documents whose pages have all arrived
  BoundedQueue committing_;  // documents processed, waiting for the batch's sync
  std::vector<std::unique_ptr<DocumentCheck>> to_clean_;  // committed, garbage waiting for the next sync
  bool committed_any_ = false;
  std::mutex report_mutex_;
  CheckSummary summary_;
};

}  // namespace

CheckSummary check_documents(const std::vector<DocumentSpec>& documents, const Archive& archive,
                             Fetcher& fetcher, const Clock& clock, const ReportFn& report,
                             std::size_t max_page_bytes, const Rules* rules, const std::atomic<bool>* stop,
                             double document_budget_seconds, PageRenderer* renderer) {
  DocumentCheckOptions options;
  // Transcoding can triple a legacy-encoded page: the normalizer accepts what the fetch cap lets through.
  options.max_html_bytes = std::max<std::size_t>(16u << 20, 3 * max_page_bytes);
  options.rules = rules;
  options.stop = stop;
  options.budget_seconds = document_budget_seconds;
  options.commit = CommitMode::group;
  options.can_render = renderer != nullptr;
  return CheckRun(documents, archive, clock, report, options, renderer).run(fetcher);
}

ChangeRecord accept_pending(const DocumentSpec& document, const Archive& archive, const Clock& clock,
                           const Rules* rules) {
  DocumentCheckOptions options;
  options.rules = rules;
  DocumentCheck check(document, archive, clock, options);
  return check.accept();
}

}  // namespace tosdiff
