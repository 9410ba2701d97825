#pragma once
// Runs a program as a child process for integration tests: arguments, extra environment,
// captured stdout/stderr, exit code (or 128+signal), a timeout that kills it.

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace tosdiff::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string out, err;
  bool timed_out = false;
};

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::string>& extra_env = {},
                          std::chrono::milliseconds timeout = std::chrono::seconds(60),
                          const std::string& stdin_data = "");

// A child running in the background; wait() collects it like run_process.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env = {});
  ~BackgroundProcess();  // kills it if still running
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  pid_t pid() const { return pid_; }
  void kill(int signal);
  ProcessResult wait(std::chrono::milliseconds timeout = std::chrono::seconds(60));

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1, err_fd_ = -1;
  bool waited_ = false;
};

// A fresh directory under /tmp, removed with everything in it by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void write_text_file(const std::string& path, const std::string& content);  // creates parents
std::string read_text_file(const std::string& path);

}  // namespace tosdiff::testing
