// browser_bench: how fast the Chromium renderer renders script-built pages, and how much
// memory the browser takes meanwhile. A benchmark, not a test: it prints numbers.
//
//   cmake --build build --target browser_bench
//   build/browser_bench [--pages N] [--tabs 4,8,16] [--settle S] [--chromium PATH]
//
// Serves N pages from 127.0.0.1 (nothing else is contacted). Each page is an empty shell
// whose external script fetches its text as JSON and builds ~40 paragraphs (~25 KB of DOM)
// from it, as single-page-app policy pages do. For each tab count, a fresh renderer renders
// all N at once (browser start included) and the figures are: pages/s, and the peak of the
// RSS and PSS summed over every process of the browser's process group, sampled every
// 100 ms from /proc. RSS counts pages shared between Chromium's processes once per process;
// PSS shares them out, so it is the truer total.

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/http_test_server.hpp"
#include "tosdiff/fetch/browser.hpp"

namespace {

using tosdiff::testing::HttpReply;
using tosdiff::testing::HttpRequest;
using tosdiff::testing::HttpTestServer;
using Clock = std::chrono::steady_clock;

constexpr const char* kShell = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Terms of Service</title>
<style>body{font-family:sans-serif;max-width:50em;margin:auto}h2{margin-top:2em}</style>
</head><body><header><nav><a href="/">Home</a> <a href="/privacy">Privacy</a></nav></header>
<main id="app"><p class="loading">Loading…</p></main>
<footer>© Example</footer>
<script src="/app.js"></script></body></html>)";

constexpr const char* kApp = R"(
(async () => {
  const id = new URLSearchParams(location.search).get('id');
  const response = await fetch('/data?id=' + id);
  const data = await response.json();
  const app = document.getElementById('app');
  app.innerHTML = '';
  const h1 = document.createElement('h1');
  h1.textContent = data.title;
  app.append(h1);
  data.sections.forEach((section, i) => {
    const h2 = document.createElement('h2');
    h2.textContent = (i + 1) + '. ' + section.heading;
    app.append(h2);
    for (const text of section.paragraphs) {
      const p = document.createElement('p');
      p.textContent = text;
      app.append(p);
    }
  });
  const end = document.createElement('p');
  end.id = 'end';
  end.textContent = 'End of terms ' + id;
  app.append(end);
})();
)";

std::string data_json(const std::string& id) {
  static const char* kWords[] = {"service", "user", "agree", "content", "license", "account",
                                 "terminate", "liability", "data", "privacy", "law", "notice"};
  std::string out = "{\"title\":\"Terms of Service " + id + "\",\"sections\":[";
  unsigned seed = static_cast<unsigned>(std::hash<std::string>{}(id));
  for (int s = 0; s < 10; ++s) {
    if (s) out += ',';
    out += "{\"heading\":\"Section " + std::to_string(s + 1) + "\",\"paragraphs\":[";
    for (int p = 0; p < 4; ++p) {
      if (p) out += ',';
      out += '"';
      for (int w = 0; w < 90; ++w) {
        seed = seed * 1103515245u + 12345u;
        out += kWords[(seed >> 16) % 12];
        out += ' ';
      }
      out += '"';
    }
    out += "]}";
  }
  return out + "]}";
}

std::string query_id(const HttpRequest& request) {
  const auto at = request.path.find("id=");
  return at == std::string::npos ? "0" : request.path.substr(at + 3);
}

struct GroupMemory {
  long rss_kb = 0, pss_kb = 0;
  int processes = 0;
  double cpu_seconds = 0;  // user + system of the live processes and of the children they reaped
};

long status_kb(const std::string& file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + key.size());
  }
  return 0;
}

// The renderer's browser is this process's only child; its process group is everything
// Chromium runs.
GroupMemory sample_group() {
  GroupMemory total;
  pid_t browser = 0;
  struct Proc {
    pid_t pid, pgid;
    double cpu;
  };
  std::vector<Proc> procs;
  static const double kTicks = static_cast<double>(sysconf(_SC_CLK_TCK));
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit)) continue;
    std::ifstream in(entry.path() / "stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto paren = text.rfind(')');
    if (paren == std::string::npos) continue;
    std::istringstream rest(text.substr(paren + 1));
    char state;
    pid_t ppid, pgid;
    std::string skip;
    unsigned long long utime, stime;
    long long cutime, cstime;
    if (!(rest >> state >> ppid >> pgid) || state == 'Z') continue;
    for (int field = 6; field <= 13; ++field) rest >> skip;  // session .. cmajflt
    if (!(rest >> utime >> stime >> cutime >> cstime)) continue;
    const pid_t pid = std::stoi(name);
    if (ppid == getpid()) browser = pid;
    procs.push_back({pid, pgid, static_cast<double>(utime + stime + cutime + cstime) / kTicks});
  }
  if (!browser) return total;
  for (const auto& [pid, pgid, cpu] : procs) {
    if (pgid != browser) continue;
    total.cpu_seconds += cpu;
    const std::string dir = "/proc/" + std::to_string(pid);
    total.rss_kb += status_kb(dir + "/status", "VmRSS:");
    total.pss_kb += status_kb(dir + "/smaps_rollup", "Pss:");
    ++total.processes;
  }
  return total;
}

struct Run {
  int tabs = 0;
  double seconds = 0;
  int ok = 0, failed = 0, unsettled = 0;
  GroupMemory peak;
  std::string first_error;
};

Run run(const HttpTestServer& server, int pages, int tabs, double settle,
        const std::string& chromium) {
  tosdiff::BrowserOptions options;
  options.executable = chromium;
  options.max_tabs = tabs;
  options.settle_seconds = settle;
  options.page_timeout_seconds = 30;
  Run out;
  out.tabs = tabs;
  std::atomic<bool> sampling{true};
  std::thread sampler([&] {
    while (sampling) {
      const GroupMemory m = sample_group();
      out.peak.rss_kb = std::max(out.peak.rss_kb, m.rss_kb);
      out.peak.pss_kb = std::max(out.peak.pss_kb, m.pss_kb);
      out.peak.processes = std::max(out.peak.processes, m.processes);
      out.peak.cpu_seconds = std::max(out.peak.cpu_seconds, m.cpu_seconds);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::mutex mutex;
  const auto start = Clock::now();
  {
    auto renderer = tosdiff::make_chromium_renderer(options);
    for (int i = 0; i < pages; ++i) {
      tosdiff::RenderRequest request;
      request.url = server.url("/page?id=" + std::to_string(i));
      const std::string end = "End of terms " + std::to_string(i);
      renderer->render(std::move(request), [&, end](tosdiff::Result<tosdiff::RenderedPage> r) {
        std::lock_guard lock(mutex);
        if (r && r->html.find(end) != std::string::npos) {
          ++out.ok;
          if (!r->settled) ++out.unsettled;
        } else {
          ++out.failed;
          if (out.first_error.empty()) {
            out.first_error = r ? "page without its last paragraph" : r.error().kind + ": " + r.error().message;
          }
        }
      });
    }
    renderer->wait_idle();
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::this_thread::sleep_for(std::chrono::milliseconds(250));  // a last sample, browser alive
  }
  sampling = false;
  sampler.join();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int pages = 200;
  double settle = 0.5;
  std::vector<int> tab_counts = {4, 8, 16};
  std::string chromium;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--pages" && has_value) {
      pages = std::atoi(argv[++i]);
    } else if (arg == "--settle" && has_value) {
      settle = std::atof(argv[++i]);
    } else if (arg == "--chromium" && has_value) {
      chromium = argv[++i];
    } else if (arg == "--tabs" && has_value) {
      tab_counts.clear();
      std::istringstream list(argv[++i]);
      std::string item;
      while (std::getline(list, item, ',')) tab_counts.push_back(std::atoi(item.c_str()));
    } else {
      std::fprintf(stderr, "usage: browser_bench [--pages N] [--tabs 4,8,16] [--settle S] [--chromium PATH]\n");
      return 2;
    }
  }
  const auto binary = tosdiff::find_chromium(chromium);
  if (!binary) {
    std::fprintf(stderr, "browser_bench: no Chromium (apt install chromium-headless-shell)\n");
    return 1;
  }

  HttpTestServer server;
  HttpReply shell;
  shell.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  shell.body = kShell;
  server.set("/page", shell);
  HttpReply app;
  app.headers = {{"Content-Type", "text/javascript"}, {"Cache-Control", "max-age=3600"}};
  app.body = kApp;
  server.set("/app.js", app);
  server.set("/data", [](const HttpRequest& request) {
    HttpReply reply;
    reply.headers = {{"Content-Type", "application/json"}};
    reply.body = data_json(query_id(request));
    return reply;
  });

  std::printf("browser_bench: %d script-built pages from 127.0.0.1, settle %.2f s, %u cores, %s\n",
              pages, settle, std::thread::hardware_concurrency(), binary->c_str());
  std::printf("%5s %9s %8s %10s %6s %9s %12s %12s %6s\n", "tabs", "seconds", "pages/s",
              "CPU s/page", "failed", "unsettled", "peak RSS MB", "peak PSS MB", "procs");
  for (int tabs : tab_counts) {
    const Run r = run(server, pages, tabs, settle, chromium);
    std::printf("%5d %9.2f %8.2f %10.3f %6d %9d %12.0f %12.0f %6d\n", r.tabs, r.seconds,
                pages / r.seconds, r.peak.cpu_seconds / pages, r.failed, r.unsettled,
                r.peak.rss_kb / 1024.0,
                r.peak.pss_kb / 1024.0, r.peak.processes);
    if (!r.first_error.empty()) std::printf("      first failure: %s\n", r.first_error.c_str());
    std::fflush(stdout);
  }
  return 0;
}
