#pragma once
// The test side of the fault-injection shim (fault_injection.cpp): the environment that
// preloads it into a child process, and the log it writes at exit. Needs TOSDIFF_FAULT_SHIM
// (the shim's path) and TOSDIFF_SANITIZED from the build.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tosdiff::testing {

struct FaultPlan {
  std::string dir;              // operations under this absolute path are counted
  unsigned long fail_at = 0;    // the operation to fail, 1-based; 0: none (a counting run)
  std::string error = "ENOSPC";  // ENOSPC: it and every later write fail; EIO: it alone
  std::string count_file;       // where the shim writes its log at exit
  std::string match;            // when set, only operations on paths containing it count

  // For run_process's extra environment. Under ASan the shim is preloaded ahead of libasan,
  // which ASan refuses unless told not to check the order (verify_asan_link_order=0); the
  // suite's own ASAN_OPTIONS (leak detection, abort on error) are kept.
  std::vector<std::string> environment() const {
    std::string asan = "verify_asan_link_order=0";
    if (const char* given = std::getenv("ASAN_OPTIONS"); given && *given) asan = std::string(given) + ":" + asan;
    return {"LD_PRELOAD=" TOSDIFF_FAULT_SHIM,
            "TOSDIFF_FAULT_MATCH=" + match,
            "TOSDIFF_FAULT_DIR=" + dir,
            "TOSDIFF_FAULT_AT=" + std::to_string(fail_at),
            "TOSDIFF_FAULT_ERRNO=" + error,
            "TOSDIFF_FAULT_COUNT_FILE=" + count_file,
            "ASAN_OPTIONS=" + asan};
  }
};

struct FaultLog {
  struct Operation {
    unsigned long number = 0;
    std::string kind, path;
    bool failed = false;
  };
  bool present = false;  // the process exited normally and the shim wrote its log
  std::size_t count = 0, failed = 0;
  std::vector<Operation> operations;
  std::string text;
};

inline FaultLog read_fault_log(const std::string& path) {
  FaultLog log;
  std::ifstream in(path);
  if (!in) return log;
  std::ostringstream all;
  all << in.rdbuf();
  log.text = all.str();
  std::istringstream lines(log.text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string first;
    words >> first;
    if (first == "operations") {
      words >> log.count;
      log.present = true;
    } else if (first == "failed") {
      words >> log.failed;
    } else if (!first.empty()) {
      FaultLog::Operation op;
      op.number = std::stoul(first);
      words >> op.kind >> op.path;
      std::string mark;
      op.failed = static_cast<bool>(words >> mark) && mark == "FAILED";
      log.operations.push_back(op);
    }
  }
  return log;
}

}  // namespace tosdiff::testing
