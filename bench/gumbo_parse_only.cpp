// The parse floor for bench/run: reads HTML files and parses each with gumbo, then destroys
// the tree, doing nothing else. No transcoding, no selection, no text extraction: the least
// work any gumbo-based normalizer must do for the same bytes.
//
// Built by bench/run (not by CMake):
//   g++ -std=c++20 -O2 -pthread bench/gumbo_parse_only.cpp -o BUILD/gumbo_parse_only -lgumbo
//
// Usage:
//   gumbo_parse_only [-j THREADS] [--repeat R] [--per-file] [--prune] FILE...
//                                                      (or --list FILE: one path a line)
// Files are read into memory first; then THREADS threads take files from a shared queue
// (each file is parsed by one thread, R times). Options as tosdiff sets them:
// gumbo_parse_with_options with the length and max_errors = 0. With --prune, the contents of
// <script> and <style> are dropped before each parse (and that time counted), as tosdiff
// does since its raw-text pruning (normalize's prune_raw_text).
// Prints one summary line:
//   files=N bytes=B parse_wall_s=W parse_cpu_s=C mb_per_s_cpu=X
// With --per-file, also one line per file before it: "cpu_s<TAB>bytes<TAB>path", cpu_s being
// the least thread CPU time of its R parses.

#include <gumbo.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "gumbo_parse_only: cannot read " << path << "\n";
    std::exit(2);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool starts_with_lower(const std::string& s, std::size_t at, const char* lowercase) {
  for (std::size_t i = 0; lowercase[i]; ++i)
    if (at + i >= s.size() || std::tolower(static_cast<unsigned char>(s[at + i])) != lowercase[i]) return false;
  return true;
}

// --prune: the contents of <script> and <style> elements dropped (their tags kept), the
// least a pre-parse pruning must do. Simpler than tosdiff's pruner (no comments, <svg> or
// RCDATA subtleties): a lower bound, not a copy.
std::string prune(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  std::size_t copied = 0, i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    const char* name = starts_with_lower(html, i + 1, "script") ? "script"
                       : starts_with_lower(html, i + 1, "style") ? "style" : nullptr;
    if (!name) {
      ++i;
      continue;
    }
    const std::size_t after = i + 1 + std::strlen(name);
    if (after < html.size() && html[after] != '>' && html[after] != '/' && !std::isspace(static_cast<unsigned char>(html[after]))) {
      i = after;
      continue;
    }
    const std::size_t open_end = html.find('>', after);
    if (open_end == std::string::npos) break;
    std::size_t close = open_end;
    const std::string end_tag = std::string("</") + name;
    while ((close = html.find("</", close)) != std::string::npos && !starts_with_lower(html, close, end_tag.c_str())) close += 2;
    if (close == std::string::npos) break;
    out.append(html, copied, open_end + 1 - copied);
    copied = close;
    i = close + 2;
  }
  out.append(html, copied, std::string::npos);
  return out;
}

void parse_once(const std::string& input, bool pruned) {
  std::string kept;
  if (pruned) kept = prune(input);
  const std::string& html = pruned ? kept : input;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  gumbo_destroy_output(&options, output);
}

}  // namespace

int main(int argc, char** argv) {
  int threads = 1, repeat = 1;
  bool per_file = false, pruned = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-j" && i + 1 < argc) {
      threads = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--per-file") {
      per_file = true;
    } else if (a == "--prune") {
      pruned = true;
    } else if (a == "--list" && i + 1 < argc) {
      std::ifstream list(argv[++i]);
      for (std::string line; std::getline(list, line);)
        if (!line.empty()) paths.push_back(line);
    } else {
      paths.push_back(a);
    }
  }
  std::vector<std::string> files;
  files.reserve(paths.size());
  std::size_t bytes = 0;
  for (const auto& p : paths) {
    files.push_back(read_file(p));
    bytes += files.back().size();
  }

  std::vector<double> cpu(files.size(), 0);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
      double best = 1e100;
      for (int r = 0; r < repeat; ++r) {
        const double t0 = thread_cpu_seconds();
        parse_once(files[i], pruned);
        best = std::min(best, thread_cpu_seconds() - t0);
      }
      cpu[i] = best;
    }
  };
  const double cpu0 = process_cpu_seconds();
  const auto wall0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  const double cpu_total = process_cpu_seconds() - cpu0;

  if (per_file)
    for (std::size_t i = 0; i < files.size(); ++i)
      std::printf("%.6f\t%zu\t%s\n", cpu[i], files[i].size(), paths[i].c_str());
  std::printf("files=%zu bytes=%zu parse_wall_s=%.4f parse_cpu_s=%.4f mb_per_s_cpu=%.2f\n", files.size(), bytes, wall,
              cpu_total, cpu_total > 0 ? bytes * static_cast<double>(repeat) / 1e6 / cpu_total : 0.0);
  return 0;
}
