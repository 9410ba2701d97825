#pragma once
// A progress line on stderr for long interactive runs: "[120/500] 3 errors, 41.2 docs/s".
// Shown only when stderr is a terminal and the run has lasted more than a second; redrawn at
// most 5 times a second; erased before anything else is printed and at the end. Cron jobs
// and pipes never see it.

#include <chrono>
#include <cstddef>
#include <ostream>

namespace tosdiff {

class ProgressLine {
 public:
  ProgressLine(std::ostream& err, std::size_t total, bool enabled);
  ~ProgressLine();  // erases the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void erase();  // before printing a report line
  void update(std::size_t done, std::size_t errors);

  // Whether stderr is a terminal (the default for `enabled`).
  static bool stderr_is_terminal();

 private:
  std::ostream& err_;
  std::size_t total_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point started_, last_draw_;
};

}  // namespace tosdiff
