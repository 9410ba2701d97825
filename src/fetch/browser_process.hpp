#pragma once
// BrowserProcess: one running Chromium and everything it spawns, in a process group of its
// own, with the DevTools protocol on two pipes (the child's fd 3 reads what we write, its
// fd 4 carries what it writes), stdin and stdout on /dev/null, stderr on a third pipe.
//
// Lifetime: the process group is killed (SIGKILL to -pgid) and the browser reaped by
// kill_group(), which the destructor calls; the temporary profile directory (also the
// child's HOME, so nothing lands in the user's) is removed after that. No process of the
// group survives the object. If tosdiff itself is killed, the browser gets SIGKILL from the
// kernel and the rest of its group exits as its IPC channels close (~0.3 s, measured); the
// profile directory then stays behind, and the next launch (of any tosdiff) removes it.
//
// Threads: not thread-safe; one owner thread. launch() must run on a thread that lives at
// least as long as the object: the child is given PR_SET_PDEATHSIG(SIGKILL), which Linux
// fires when the *thread* that forked it exits (and when tosdiff dies, however it dies).

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tosdiff/fetch/unique_fd.hpp"
#include "tosdiff/model/result.hpp"

namespace tosdiff {

class BrowserProcess {
 public:
  // Starts `executable` with `flags`, then --user-data-dir=<fresh temporary directory,
  // $TMPDIR/tosdiff-chromium-<tosdiff's pid>-XXXXXX> and about:blank. Error kind "browser_failed" (message: what failed and errno's text)
  // when the directory, a pipe, fork or exec fails; exec failing is reported here, not later.
  static Result<std::unique_ptr<BrowserProcess>> launch(const std::string& executable,
                                                        const std::vector<std::string>& flags);
  ~BrowserProcess();
  BrowserProcess(const BrowserProcess&) = delete;
  BrowserProcess& operator=(const BrowserProcess&) = delete;

  pid_t pid() const { return pid_; }  // also the process group id
  // Non-blocking, close-on-exec descriptors owned by this object.
  int devtools_write_fd() const { return to_browser_.get(); }
  int devtools_read_fd() const { return from_browser_.get(); }
  int stderr_fd() const { return stderr_.get(); }  // -1 once it reached end of file

  // Reads whatever Chromium wrote on stderr (never blocks) and keeps the last lines.
  void drain_stderr();
  // The last few lines of stderr, joined with " | ", at most ~600 bytes; "" if none.
  std::string stderr_tail() const;

  // SIGKILL to the whole process group, then waits for the browser itself (its children,
  // reparented to init, are reaped there). Idempotent. Returns how the browser ended:
  // "exited with status 1", "was killed by signal 9 (Killed)".
  std::string kill_group();

 private:
  BrowserProcess() = default;

  pid_t pid_ = -1;
  bool reaped_ = false;
  std::string end_;  // kill_group()'s answer once reaped
  UniqueFd to_browser_, from_browser_, stderr_;
  std::string profile_dir_;
  std::string stderr_buffer_;  // last bytes of stderr
};

}  // namespace tosdiff
