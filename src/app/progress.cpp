#include "tosdiff/app/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace tosdiff {

ProgressLine::ProgressLine(std::ostream& err, std::size_t total, bool enabled)
    : err_(err), total_(total), enabled_(enabled), started_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() { erase(); }

bool ProgressLine::stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void ProgressLine::erase() {
  if (!shown_) return;
  err_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

void ProgressLine::update(std::size_t done, std::size_t errors) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  if (elapsed < 1.0 || now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  char line[128];
  std::snprintf(line, sizeof line, "\r\x1b[K[%zu/%zu] %zu error%s, %.1f docs/s", done, total_, errors,
                errors == 1 ? "" : "s", static_cast<double>(done) / elapsed);
  err_ << line << std::flush;
  shown_ = true;
}

}  // namespace tosdiff
