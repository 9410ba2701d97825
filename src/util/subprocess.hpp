#pragma once
// Runs a program the user configured (an exec alert), directly with execvp: no shell of ours
// in between. Its standard input is given bytes, its output (stdout and stderr together) is
// captured, it runs in a process group of its own, and a deadline kills that whole group.

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tosdiff {

struct SubprocessResult {
  int exit_code = -1;       // when the program exited
  int signal = 0;           // when a signal ended it
  bool timed_out = false;   // the deadline passed (or stop was set): its process group was killed
  std::string start_error;  // it could not be started ("No such file or directory", ...)
  std::string output;       // the last 4 KiB of stdout and stderr together

  bool ok() const { return start_error.empty() && !timed_out && signal == 0 && exit_code == 0; }
  // "exit status 3: <last line of output>", "killed after 30 s (timeout)", ...
  std::string describe() const;
};

// Whether a program starts with tosdiff's environment under `env`, or with `env` alone.
enum class InheritEnvironment { all, none };

// `argv[0]` is looked up in PATH as execvp does. `env` is added to (or replaces in) the
// inherited environment, or is the whole environment with InheritEnvironment::none. The program may ignore its input; it is not waited for beyond the
// exit of `argv[0]` itself (a child it leaves in the background keeps running).
// SIGPIPE is ignored while the input is written. `stop`, when it becomes true, kills the
// program's group as the deadline does (a SIGINT to tosdiff does not reach a program in a
// process group of its own).
SubprocessResult run_subprocess(const std::vector<std::string>& argv,
                                const std::vector<std::pair<std::string, std::string>>& env,
                                std::string_view input, std::chrono::milliseconds timeout,
                                const std::atomic<bool>* stop = nullptr,
                                InheritEnvironment inherit = InheritEnvironment::all);

}  // namespace tosdiff
