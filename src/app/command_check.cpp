#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <ostream>
#include <thread>
#include <unistd.h>

#include "tosdiff/pipeline/run.hpp"
#include "tosdiff/app/alert_batch.hpp"
#include "tosdiff/app/settings.hpp"
#include "tosdiff/app/cli.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/app/progress.hpp"

namespace tosdiff {
namespace {

// Pages rendered at once: --jobs, up to this many (each page is a renderer process of a few
// hundred megabytes at worst; bench/README.md measures the browser's memory at 4, 8 and 16).
constexpr int kMaxBrowserTabs = 8;
constexpr double kDocumentBudgetSeconds = 60;

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};

extern "C" void on_stop_signal(int signal) {
  g_signal.store(signal);
  g_stop.store(true);
}

// SIGINT/SIGTERM stop new work; documents already fetched are archived; the archive is
// left consistent because every write is atomic and each document commits on its own.
class StopSignals {
 public:
  StopSignals() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

// Once a stop signal came, the run has kStopGrace to end on its own (documents in flight
// reach a stage boundary and stop there); if one is stuck in a stage that cannot be cut
// short, the process exits anyway. The archive is safe: every document's writes are a
// transaction that the next run finishes or undoes, exactly as after a kill -9.
class StopWatchdog {
 public:
  static constexpr auto kStopGrace = std::chrono::seconds(2);

  StopWatchdog() : thread_([this] { watch(); }) {}
  ~StopWatchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      finished_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!finished_ && !g_stop.load()) wake_.wait_for(lock, std::chrono::milliseconds(50));
    if (finished_) return;
    if (wake_.wait_for(lock, kStopGrace, [&] { return finished_; })) return;
    const bool term = g_signal.load() == SIGTERM;
    static constexpr char kMessage[] =
        "tosdiff: stopped: a document was still being processed after 2 s; exiting now (the archive "
        "keeps every document finished, the next run completes the rest)\n";
    (void)!::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    ::_exit(term ? exit_code::interrupted_sigterm : exit_code::interrupted_sigint);
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
  std::thread thread_;
};

}  // namespace

int command_check(Context& context, const CheckCommandOptions& options) {
  // Everything that can be wrong with how tosdiff was called is found before any fetch.
  const Config& config = context.config();
  for (const std::string& warning : config.warnings) context.err() << "tosdiff: warning: " << warning << "\n";
  const Rules& rules = context.rules();
  const CheckSettings settings = check_settings(options, config, rules);
  std::vector<DocumentSpec> documents = context.select_documents(options.targets, Context::Purpose::fetch);
  // A broken declaration fails its platform only: the others are checked, the run exits 3.
  const std::size_t broken_platforms = context.report_catalog_problems(options.targets);
  if (options.compare_links)
    for (DocumentSpec& document : documents) document.compare_links = true;
  AlertBatch alerts(settings, context.data_dir(), context.err(), context.verbose(), context.quiet());
  Archive archive(context.data_dir());
  ArchiveLock lock(context.data_dir(), settings.lock_wait_seconds);

  StopSignals signals;
  StopWatchdog watchdog;
  FetchLimits limits = settings.limits;
  limits.stop = &g_stop;
  auto fetcher = make_curl_fetcher(limits);
  // The browser, for pages built by JavaScript: started only if a page needs it.
  std::unique_ptr<PageRenderer> renderer;
  if (!options.no_browser) {
    BrowserOptions browser;
    browser.stop = &g_stop;
    browser.executable = options.browser;
    browser.max_tabs = std::clamp(limits.jobs, 1, kMaxBrowserTabs);
    browser.page_timeout_seconds = std::max(limits.timeout_seconds, 10.0);
    renderer = make_chromium_renderer(browser);
  }
  const Clock& clock = context.clock();

  std::ostream& out = context.out();
  const TextStyle style = context.style();
  ProgressLine progress(context.terminal_err(), documents.size(), ProgressLine::stderr_is_terminal() && !context.quiet());
  std::size_t done = 0, errors = 0, not_checked = 0;
  auto report = [&](const ChangeRecord& result) {
    alerts.note(result);
    ++done;
    if (result.status == Status::error) ++errors;
    if (result.error && result.error->kind == ErrorKind::interrupted) ++not_checked;
    progress.erase();
    if (options.json) {
      out << record_to_json_line(result) << "\n";
    } else if (context.quiet()) {
      if (result.status == Status::error || is_substantive_change(result))
        out << record_to_text(result, style);
    } else {
      out << record_to_text(result, style);
    }
    out.flush();  // a long run shows each document as it completes
    progress.update(done, errors);
  };
  CheckSummary summary = check_documents(documents, archive, *fetcher, clock, report, limits.max_size, &rules, &g_stop,
                                         kDocumentBudgetSeconds, renderer.get());
  progress.erase();
  // Delivery failures are reported and queued, never counted in the exit code (docs/alerts.md);
  // an alert that could not even be queued is lost, and that is a failure of the run.
  const bool alerts_kept = alerts.deliver(&g_stop);

  if (g_stop.load()) {
    const bool term = g_signal.load() == SIGTERM;
    context.err() << "tosdiff: stopped by " << (term ? "SIGTERM" : "SIGINT") << ": the documents checked are archived, "
                  << not_checked << " of " << documents.size() << " were not checked\n";
    return term ? exit_code::interrupted_sigterm : exit_code::interrupted_sigint;
  }
  if (summary.errors > 0 || !alerts_kept || broken_platforms > 0) return exit_code::document_failed;
  if (options.exit_code && (summary.substantive > 0 || summary.created > 0)) return exit_code::changes;
  return exit_code::ok;
}

int command_accept(Context& context, const std::string& target, bool json, double lock_wait_seconds) {
  DocumentSpec document = context.one_document(target);
  const Rules& rules = context.rules();
  Archive archive(context.data_dir());
  ArchiveLock lock(context.data_dir(), lock_wait_seconds);
  ChangeRecord result = accept_pending(document, archive, context.clock(), &rules);
  if (result.status == Status::error) throw FatalError(document.key() + ": " + result.error->message);
  if (json) {
    context.out() << record_to_json_line(result) << "\n";
  } else {
    TextStyle style = context.style();
    style.verbose = true;
    context.out() << record_to_text(result, style);
  }
  return exit_code::ok;
}

}  // namespace tosdiff
