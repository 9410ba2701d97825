// The Chromium renderer: a queue in front of one thread that owns the browser process, its
// DevTools connection and the pages in flight. Everything about Chromium happens on that
// thread, which is why it is the one that forks the browser (PR_SET_PDEATHSIG follows the
// forking thread) and why the connection needs no locks.

#include "tosdiff/fetch/browser.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <utility>

#include "tosdiff/fetch/browser_process.hpp"
#include "tosdiff/fetch/devtools_connection.hpp"
#include "tosdiff/fetch/devtools_pipe.hpp"
#include "tosdiff/fetch/page_render.hpp"
#include "tosdiff/fetch/unique_fd.hpp"

namespace tosdiff {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

// The first launch and two relaunches after crashes; a browser that keeps dying is not
// worth a fourth.
constexpr int kMaxLaunches = 3;
// How often a set `stop` is noticed: a signal handler cannot wake the loop.
constexpr auto kStopPoll = 50ms;

bool executable_file(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

bool elf_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' &&
         magic[3] == 'F';
}

// A wrapper script that runs a binary without exec (Debian's /usr/bin/chromium-headless-shell
// is `/usr/lib/chromium/chromium-headless-shell "$@"`) would leave a shell between us and the
// browser: the binary it names is used instead, when it names exactly one.
std::string resolve_wrapper(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text(4096, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.rfind("#!", 0) != 0) return path;
  text.erase(0, text.find('\n') == std::string::npos ? text.size() : text.find('\n'));
  std::istringstream words(text);
  std::string word, found;
  while (words >> word) {
    while (!word.empty() && (word.back() == '"' || word.back() == '\'' || word.back() == ';')) {
      word.pop_back();
    }
    while (!word.empty() && (word.front() == '"' || word.front() == '\'')) word.erase(0, 1);
    if (word.empty() || word.front() != '/' || word == found) continue;
    if (!executable_file(word) || !elf_file(word)) continue;
    if (!found.empty()) return path;  // two candidates: not plain to see
    found = word;
  }
  return found.empty() ? path : found;
}

std::optional<std::string> in_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    const std::string candidate = dir + "/" + name;
    if (executable_file(candidate)) return candidate;
  }
  return std::nullopt;
}

// Why each flag:
std::vector<std::string> chromium_flags(const BrowserOptions& options) {
  std::vector<std::string> flags = {
      "--headless",
      "--remote-debugging-pipe",
      // No GPU here; software compositing only, and no /dev/shm (small in containers).
      "--disable-gpu",
      "--disable-dev-shm-usage",
      // No first-run UI, no prompts, nothing that waits for a human.
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-default-apps",
      "--disable-extensions",
      "--disable-prompt-on-repost",
      "--deny-permission-prompts",
      // No traffic of Chromium's own: updates, sync, field trials, safe browsing pings,
      // crash reports. Only the pages we ask for reach the network.
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-domain-reliability",
      "--disable-client-side-phishing-detection",
      "--disable-breakpad",
      "--metrics-recording-only",
      "--no-pings",
      // (BackForwardCache: a page we navigate away from is never kept alive. IsolateOrigins,
      // site-per-process: a cross-site iframe (an embed, an ad) stays in its page's renderer
      // instead of costing a process of its own; pages never share one anyway, each has its
      // own browser context. chromium-headless-shell 156 already does so, measured; full
      // Chromium, the fallback, isolates sites by default.)
      "--disable-features=Translate,MediaRouter,OptimizationHints,BackForwardCache,"
      "InterestFeedContentSuggestions,DialMediaRouteProvider,CertificateTransparencyComponentUpdater,"
      "AutofillServerCommunication,PrivacySandboxSettings4,IsolateOrigins,site-per-process",
      "--disable-site-isolation-trials",
      // Every tab is rendering at once and none is "in front": without these, timers of
      // the tabs Chromium considers hidden run once a second at most.
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
      // A busy page is ours to time out, not Chromium's to throttle or to report as hung.
      "--disable-ipc-flooding-protection",
      "--disable-hang-monitor",
      // Text is what is tracked: images are not even fetched (measured: no request for an
      // <img> or a CSS background); sound is muted.
      "--blink-settings=imagesEnabled=false",
      "--mute-audio",
      "--autoplay-policy=user-gesture-required",
      "--hide-scrollbars",
      // A desktop layout: some pages hide text behind "more" buttons on small screens.
      "--window-size=1280,1024",
      // A page that leaks or hoards memory dies alone (its render fails) before it takes
      // the machine: V8's heap per renderer is capped.
      "--js-flags=--max-old-space-size=512",
  };
  // Chromium's sandbox needs user namespaces, which root in a container does not get;
  // as root it refuses to start without this.
  if (geteuid() == 0) flags.push_back("--no-sandbox");
  if (!options.user_agent.empty()) flags.push_back("--user-agent=" + options.user_agent);
  return flags;
}

// One launched browser with its connection: the order of the members is the order of
// their teardown, reversed (the connection goes before the pipe, the pipe before the
// process whose descriptors it borrows).
struct Browser {
  std::unique_ptr<BrowserProcess> process;
  DevToolsPipe pipe;
  DevToolsConnection cdp;
  bool answered = false;
  Clock::time_point answer_deadline;

  Browser(std::unique_ptr<BrowserProcess> p, std::size_t max_message)
      : process(std::move(p)),
        pipe(process->devtools_write_fd(), process->devtools_read_fd(), max_message),
        cdp(pipe) {}
};

class ChromiumRenderer final : public PageRenderer {
 public:
  explicit ChromiumRenderer(const BrowserOptions& options) : options_(options) {
    options_.max_tabs = std::max(1, options_.max_tabs);
    limits_.page_timeout = std::chrono::milliseconds(
        static_cast<long>(std::max(0.0, options_.page_timeout_seconds) * 1000));
    limits_.settle =
        std::chrono::milliseconds(static_cast<long>(std::max(0.0, options_.settle_seconds) * 1000));
    limits_.max_dom_bytes = options_.max_dom_bytes;
  }

  ~ChromiumRenderer() override {
    {
      std::lock_guard lock(mutex_);
      quitting_ = true;
    }
    wake();
    if (thread_.joinable()) thread_.join();
  }

  void render(RenderRequest request, Done done) override {
    {
      std::lock_guard lock(mutex_);
      incoming_.push_back(Job{std::move(request), std::move(done)});
      ++outstanding_;
      if (!thread_.joinable()) start_thread();
    }
    wake();
  }

  void wait_idle() override {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return outstanding_ == 0; });
  }

 private:
  struct Job {
    RenderRequest request;
    Done done;
  };
  struct Active {
    std::unique_ptr<PageRender> render;
    Done done;
  };

  // --- the calling side ----------------------------------------------------------------

  void start_thread() {  // with mutex_ held
    wake_fd_.reset(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    thread_ = std::thread([this] { run(); });
  }

  void wake() {
    if (!wake_fd_) return;
    const std::uint64_t one = 1;
    (void)!write(wake_fd_.get(), &one, sizeof one);
  }

  // --- the renderer's thread -----------------------------------------------------------

  void run() {
    // A write to a browser that just died must fail with EPIPE, not kill tosdiff. Blocked
    // for this thread only: the rest of the program keeps its own SIGPIPE handling.
    sigset_t pipe_signal;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);

    for (;;) {
      bool quitting;
      {
        std::lock_guard lock(mutex_);
        quitting = quitting_;
        for (auto& job : incoming_) waiting_.push_back(std::move(job));
        incoming_.clear();
      }
      const bool stopped = options_.stop && options_.stop->load();
      if (quitting || stopped) {
        const Error interrupted{ErrorKind::interrupted, quitting ? "the page renderer was shut down"
                                                        : "interrupted before the page was rendered"};
        end_browser(interrupted, false);
        while (!waiting_.empty()) {
          Job job = std::move(waiting_.front());
          waiting_.pop_front();
          deliver(job.done, interrupted);
        }
        if (quitting) return;
      }
      start_waiting();
      deliver_results();
      wait_for_activity();
      const auto now = Clock::now();
      if (browser_ && !browser_->answered && now >= browser_->answer_deadline) {
        end_browser(Error{ErrorKind::browser_failed, "Chromium did not answer on its DevTools pipe"},
                    true);
      }
      for (auto& active : active_) active.render->on_tick(now);
      deliver_results();
      if (browser_) {
        if (auto error = browser_->cdp.write()) end_browser(*error, true);
      }
    }
  }

  // Starts queued renders while tabs are free, launching the browser if needed.
  void start_waiting() {
    while (!waiting_.empty() && active_.size() < static_cast<std::size_t>(options_.max_tabs)) {
      Job job = std::move(waiting_.front());
      waiting_.pop_front();
      if (auto bad = check_render_url(job.request.url)) {
        deliver(job.done, *bad);
        continue;
      }
      if (!browser_) {
        if (auto error = launch()) {
          deliver(job.done, *error);
          continue;
        }
      }
      auto render = std::make_unique<PageRender>(browser_->cdp, next_render_id_++,
                                                 std::move(job.request), limits_);
      render->start();
      active_.push_back(Active{std::move(render), std::move(job.done)});
    }
  }

  std::optional<Error> launch() {
    if (!executable_) {
      executable_ = find_chromium(options_.executable);
      if (!executable_) {
        missing_ = Error{ErrorKind::browser_missing,
                         options_.executable.empty()
                             ? "no Chromium found (apt install chromium-headless-shell)"
                             : "Chromium not found at " + options_.executable +
                                   " (apt install chromium-headless-shell)"};
      }
    }
    if (missing_) return missing_;
    if (launches_ >= kMaxLaunches) {
      return Error{ErrorKind::browser_failed, "Chromium failed " + std::to_string(launches_) +
                                         " times; it is not started again" +
                                         (last_failure_.empty() ? "" : " (last: " + last_failure_ + ")")};
    }
    ++launches_;
    auto process = BrowserProcess::launch(*executable_, chromium_flags(options_));
    if (!process) {
      last_failure_ = process.error().message;
      return process.error();
    }
    // Replies can be big (a whole DOM, escaped): room for max_dom_bytes of worst-case JSON.
    const std::size_t max_message = std::max<std::size_t>(64u << 20, options_.max_dom_bytes * 7);
    browser_ = std::make_unique<Browser>(std::move(*process), max_message);
    browser_->answer_deadline =
        Clock::now() + std::max<std::chrono::milliseconds>(limits_.page_timeout, 20s);
    // New pages announce themselves: popups and the start tab are closed as they appear
    // (on_event). The first answer also shows that the browser is up.
    browser_->cdp.call("Target.setDiscoverTargets",
                       {{"discover", true}, {"filter", json::array({{{"type", "page"}}})}}, "", 0,
                       [this](Result<json>) {
                         if (browser_) browser_->answered = true;
                       });
    return std::nullopt;
  }

  // Kills the browser; every render in flight ends with `error`. `crashed`: it ended on
  // its own or misbehaved, which the message then explains.
  void end_browser(const Error& error, bool crashed) {
    if (!browser_) return;
    Error final_error = error;
    if (crashed) {
      browser_->process->drain_stderr();
      const std::string how = browser_->process->kill_group();
      const std::string tail = browser_->process->stderr_tail();
      final_error.message += " (Chromium " + how + (tail.empty() ? "" : "; stderr: " + tail) + ")";
      last_failure_ = final_error.message;
    }
    for (auto& active : active_) {
      Error e = final_error;
      if (crashed) e.message = "while rendering " + active.render->url() + ": " + e.message;
      active.render->abandon(e);
    }
    deliver_results();
    active_.clear();
    browser_.reset();  // kills the group (if not yet), reaps, removes the profile
  }

  void wait_for_activity() {
    std::vector<pollfd> fds;
    fds.push_back({wake_fd_.get(), POLLIN, 0});
    if (browser_) {
      fds.push_back({browser_->cdp.read_fd(), POLLIN, 0});
      fds.push_back({browser_->cdp.write_fd(), static_cast<short>(browser_->cdp.wants_write() ? POLLOUT : 0), 0});
      if (browser_->process->stderr_fd() >= 0) {
        fds.push_back({browser_->process->stderr_fd(), POLLIN, 0});
      }
    }
    int timeout_ms = -1;
    auto next = Clock::time_point::max();
    for (const auto& active : active_) next = std::min(next, active.render->next_tick());
    if (browser_ && !browser_->answered) next = std::min(next, browser_->answer_deadline);
    if (next != Clock::time_point::max()) {
      const auto wait = std::chrono::ceil<std::chrono::milliseconds>(next - Clock::now());
      timeout_ms = static_cast<int>(std::clamp<long>(wait.count(), 0, 60000));
    }
    if (options_.stop) {
      timeout_ms = timeout_ms < 0 ? static_cast<int>(kStopPoll.count())
                                  : std::min<int>(timeout_ms, static_cast<int>(kStopPoll.count()));
    }
    const int n = poll(fds.data(), fds.size(), timeout_ms);
    if (n <= 0) return;
    if (fds[0].revents) {
      std::uint64_t count;
      (void)!read(wake_fd_.get(), &count, sizeof count);
    }
    if (!browser_) return;
    if (fds.size() > 3 && fds[3].revents) browser_->process->drain_stderr();
    if (fds[2].revents & (POLLERR | POLLHUP)) {
      end_browser(Error{ErrorKind::browser_failed, "Chromium's DevTools pipe broke"}, true);
      return;
    }
    if (fds[1].revents) {
      auto error = browser_->cdp.read([this](const std::string& method, const json& params,
                                             const std::string& session) {
        on_event(method, params, session);
      });
      if (error) end_browser(*error, true);
    }
  }

  void on_event(const std::string& method, const json& params, const std::string& session) {
    if (!session.empty()) {
      if (PageRender* render = find([&](PageRender& r) { return r.session_id() == session; })) {
        render->on_event(method, params);
      }
      return;
    }
    if (method == "Target.targetCreated") {
      const json info = params.value("targetInfo", json::object());
      if (info.value("type", std::string()) != "page") return;
      // Every page we open lives in the context of its render. Any other page is closed at
      // once and never waited for: a popup (window.open, target=_blank; it has an opener),
      // or the tab Chromium opens at start, whose renderer would idle all run long.
      const std::string context = info.value("browserContextId", std::string());
      const bool ours =
          info.value("openerId", std::string()).empty() && !context.empty() &&
          find([&](PageRender& r) { return r.context_id() == context; }) != nullptr;
      if (!ours) {
        browser_->cdp.call("Target.closeTarget", {{"targetId", info.value("targetId", "")}}, "",
                           0);
      }
    } else if (method == "Target.detachedFromTarget") {
      const std::string id = params.value("sessionId", std::string());
      if (PageRender* render = find([&](PageRender& r) { return r.session_id() == id; })) {
        render->on_event(method, params);
      }
    } else if (method == "Target.targetCrashed") {
      const std::string id = params.value("targetId", std::string());
      if (PageRender* render = find([&](PageRender& r) { return r.target_id() == id; })) {
        render->on_event(method, params);
      }
    }
  }

  template <class Predicate>
  PageRender* find(Predicate&& predicate) {
    for (auto& active : active_) {
      if (predicate(*active.render)) return active.render.get();
    }
    return nullptr;
  }

  // Hands out the results that are ready and drops the renders whose tab is closed.
  void deliver_results() {
    for (auto& active : active_) {
      if (auto result = active.render->take_result()) deliver(active.done, std::move(*result));
    }
    std::erase_if(active_, [](const Active& a) { return a.render->closed(); });
  }

  void deliver(Done& done, Result<RenderedPage> result) {
    if (done) done(std::move(result));
    done = nullptr;  // whatever it captured goes now, not with the tab
    std::lock_guard lock(mutex_);
    if (--outstanding_ == 0) idle_.notify_all();
  }

  BrowserOptions options_;
  RenderLimits limits_;

  // Shared with callers, under mutex_.
  std::mutex mutex_;
  std::condition_variable idle_;
  std::deque<Job> incoming_;
  std::size_t outstanding_ = 0;  // rendered submitted whose `done` has not returned yet
  bool quitting_ = false;
  std::thread thread_;
  UniqueFd wake_fd_;  // set before the thread starts, read-only after

  // The renderer's thread only. browser_ is declared before active_ so that it goes after
  // them: a PageRender forgets its commands in the connection when it is destroyed.
  std::unique_ptr<Browser> browser_;
  std::deque<Job> waiting_;
  std::vector<Active> active_;
  std::optional<std::string> executable_;
  std::optional<Error> missing_;
  int launches_ = 0;
  int next_render_id_ = 1;
  std::string last_failure_;
};

}  // namespace

std::unique_ptr<PageRenderer> make_chromium_renderer(const BrowserOptions& options) {
  return std::make_unique<ChromiumRenderer>(options);
}

std::optional<std::string> find_chromium(const std::string& hint) {
  if (!hint.empty()) {
    if (hint.find('/') != std::string::npos) {
      if (!executable_file(hint)) return std::nullopt;
      return resolve_wrapper(hint);
    }
    if (auto found = in_path(hint)) return resolve_wrapper(*found);
    return std::nullopt;
  }
  for (const char* name : {"chromium-headless-shell", "chromium"}) {
    if (auto found = in_path(name)) return resolve_wrapper(*found);
    const std::string known = std::string("/usr/lib/chromium/") + name;
    if (executable_file(known)) return known;
  }
  return std::nullopt;
}

}  // namespace tosdiff
