#include "tosdiff/fetch/browser_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

extern char** environ;

namespace tosdiff {
namespace {

constexpr std::size_t kStderrKept = 4096;

std::string errno_text(int error) { return std::strerror(error); }

Error failure(const std::string& what, int error) {
  return Error{ErrorKind::browser_failed, "could not start Chromium: " + what + ": " + errno_text(error)};
}

// The child's environment: ours, with HOME and the XDG directories moved into the profile
// directory. Chromium and the libraries it loads (NSS, fontconfig) write caches and
// databases there; they then go away with the directory instead of piling up in ~.
std::vector<std::string> child_environment(const std::string& profile_dir) {
  static constexpr std::string_view kMoved[] = {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                                "XDG_DATA_HOME"};
  std::vector<std::string> out;
  for (char** e = environ; e && *e; ++e) {
    const std::string_view entry(*e);
    const std::string_view name = entry.substr(0, entry.find('='));
    bool moved = false;
    for (std::string_view m : kMoved) moved = moved || name == m;
    if (!moved) out.emplace_back(entry);
  }
  out.push_back("HOME=" + profile_dir);
  out.push_back("XDG_CONFIG_HOME=" + profile_dir + "/.config");
  out.push_back("XDG_CACHE_HOME=" + profile_dir + "/.cache");
  out.push_back("XDG_DATA_HOME=" + profile_dir + "/.local/share");
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

constexpr std::string_view kProfilePrefix = "tosdiff-chromium-";

// Profile directories are named tosdiff-chromium-<pid>-XXXXXX. A tosdiff that was killed
// (SIGKILL, power loss) could not remove its own; the next launch removes those whose
// process is gone. Only directories of our own user are touched.
void remove_stale_profiles(const std::filesystem::path& tmp) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(tmp, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kProfilePrefix, 0) != 0) continue;
    const std::string rest = name.substr(kProfilePrefix.size());
    const auto dash = rest.find('-');
    if (dash == std::string::npos || dash == 0) continue;
    char* end_ptr = nullptr;
    const long pid = std::strtol(rest.c_str(), &end_ptr, 10);
    if (end_ptr != rest.c_str() + dash || pid <= 0 || pid == getpid()) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    struct stat st {};
    if (lstat(it->path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
      continue;
    }
    std::error_code ignored;
    std::filesystem::remove_all(it->path(), ignored);
  }
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return "was killed by signal " + std::to_string(sig) + " (" + ::strsignal(sig) + ")";
  }
  return "ended (wait status " + std::to_string(status) + ")";
}

// Runs in the forked child: async-signal-safe calls only (the parent has other threads,
// whose locks may be held forever in this copy of the address space).
[[noreturn]] void exec_child(pid_t parent, int devtools_in, int devtools_out, int err_out,
                             int dev_null, int report, const char* path, char* const argv[],
                             char* const envp[]) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  // The parent may have died between fork and prctl: then nothing would ever kill us.
  if (getppid() != parent) _exit(127);
  // The mask and ignored signals survive exec: tosdiff blocks or ignores some (SIGPIPE,
  // SIGINT in worker threads), and Chromium must start from the defaults.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) sigaction(sig, &dfl, nullptr);

  // Move every descriptor we need above the targets first, so that no dup2 below
  // overwrites a source that happens to sit on 0..5.
  const int in = fcntl(devtools_in, F_DUPFD, 10);
  const int out = fcntl(devtools_out, F_DUPFD, 10);
  const int err = fcntl(err_out, F_DUPFD, 10);
  const int null = fcntl(dev_null, F_DUPFD, 10);
  const int rep = fcntl(report, F_DUPFD, 10);
  if (in < 0 || out < 0 || err < 0 || null < 0 || rep < 0) {
    const int e = errno;
    (void)!write(report, &e, sizeof e);
    _exit(127);
  }
  if (dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(err, 2) < 0 || dup2(in, 3) < 0 ||
      dup2(out, 4) < 0 || dup2(rep, 5) < 0 || fcntl(5, F_SETFD, FD_CLOEXEC) < 0) {
    const int e = errno;
    (void)!write(rep, &e, sizeof e);
    _exit(127);
  }
  // Every other descriptor of tosdiff (archive files, sockets, other children's pipes)
  // stays out of the browser.
  if (close_range(6, ~0U, 0) != 0) {
    for (int fd = 6; fd < 65536; ++fd) close(fd);
  }
  execve(path, argv, envp);
  const int e = errno;
  (void)!write(5, &e, sizeof e);
  _exit(127);
}

}  // namespace

Result<std::unique_ptr<BrowserProcess>> BrowserProcess::launch(
    const std::string& executable, const std::vector<std::string>& flags) {
  std::unique_ptr<BrowserProcess> process(new BrowserProcess());

  std::error_code ec;
  std::filesystem::path tmp = std::filesystem::temp_directory_path(ec);
  if (ec) tmp = "/tmp";
  remove_stale_profiles(tmp);
  std::string pattern = (tmp / kProfilePrefix).string() + std::to_string(getpid()) + "-XXXXXX";
  if (!mkdtemp(pattern.data())) return failure("creating a profile directory", errno);
  process->profile_dir_ = pattern;

  // Everything the child needs is built before fork.
  std::vector<std::string> args;
  args.push_back(executable);
  args.insert(args.end(), flags.begin(), flags.end());
  args.push_back("--user-data-dir=" + process->profile_dir_);
  args.push_back("about:blank");
  std::vector<std::string> env = child_environment(process->profile_dir_);
  std::vector<char*> argv = pointers(args);
  std::vector<char*> envp = pointers(env);

  int to_child[2], from_child[2], err_pipe[2], report[2];
  if (pipe2(to_child, O_CLOEXEC) != 0) return failure("pipe", errno);
  UniqueFd child_in(to_child[0]);
  process->to_browser_.reset(to_child[1]);
  if (pipe2(from_child, O_CLOEXEC) != 0) return failure("pipe", errno);
  process->from_browser_.reset(from_child[0]);
  UniqueFd child_out(from_child[1]);
  if (pipe2(err_pipe, O_CLOEXEC) != 0) return failure("pipe", errno);
  process->stderr_.reset(err_pipe[0]);
  UniqueFd child_err(err_pipe[1]);
  if (pipe2(report, O_CLOEXEC) != 0) return failure("pipe", errno);
  UniqueFd report_read(report[0]), report_write(report[1]);
  UniqueFd dev_null(open("/dev/null", O_RDWR | O_CLOEXEC));
  if (!dev_null) return failure("opening /dev/null", errno);

  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) return failure("fork", errno);
  if (pid == 0) {
    exec_child(parent, child_in.get(), child_out.get(), child_err.get(), dev_null.get(),
               report_write.get(), args[0].c_str(), argv.data(), envp.data());
  }
  process->pid_ = pid;
  // Also here: whichever of parent and child runs first, the group exists before anyone
  // signals it. (EACCES once the child has exec'd is expected and harmless.)
  setpgid(pid, pid);
  child_in.reset();
  child_out.reset();
  child_err.reset();
  report_write.reset();

  // The child writes errno here if anything before or in exec fails; end of file means
  // exec succeeded (the descriptor is close-on-exec).
  int child_errno = 0;
  ssize_t n;
  do {
    n = read(report_read.get(), &child_errno, sizeof child_errno);
  } while (n < 0 && errno == EINTR);
  if (n > 0) {
    process->kill_group();
    return failure("running " + executable, child_errno);
  }

  for (int fd : {process->to_browser_.get(), process->from_browser_.get(),
                 process->stderr_.get()}) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  return process;
}

BrowserProcess::~BrowserProcess() {
  kill_group();
  if (!profile_dir_.empty()) {
    std::error_code ignored;  // a directory we cannot remove must not abort the run
    std::filesystem::remove_all(profile_dir_, ignored);
  }
}

void BrowserProcess::drain_stderr() {
  char chunk[8192];
  while (stderr_) {
    const ssize_t n = read(stderr_.get(), chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return;  // EAGAIN: nothing more for now
    if (n == 0) {
      stderr_.reset();
      return;
    }
    stderr_buffer_.append(chunk, static_cast<std::size_t>(n));
    if (stderr_buffer_.size() > 2 * kStderrKept) {
      stderr_buffer_.erase(0, stderr_buffer_.size() - kStderrKept);
    }
  }
}

std::string BrowserProcess::stderr_tail() const {
  // The last lines within ~600 bytes, newest last, on one line.
  std::string_view text = stderr_buffer_;
  if (text.size() > 600) {
    text.remove_prefix(text.size() - 600);
    if (const auto nl = text.find('\n'); nl != std::string_view::npos) text.remove_prefix(nl + 1);
  }
  std::vector<std::string> lines(1);
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      if (!lines.back().empty()) lines.emplace_back();
    } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
      lines.back() += c;
    }
  }
  if (lines.back().empty()) lines.pop_back();
  std::string joined;
  for (std::size_t i = lines.size() > 4 ? lines.size() - 4 : 0; i < lines.size(); ++i) {
    if (!joined.empty()) joined += " | ";
    joined += lines[i];
  }
  return joined;
}

std::string BrowserProcess::kill_group() {
  if (pid_ <= 0 || reaped_) return end_;
  // The group first: renderers, zygotes and the GPU process die with the browser, whether
  // or not the browser is still there to tell them.
  kill(-pid_, SIGKILL);
  kill(pid_, SIGKILL);
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid_, &status, 0);
  } while (r < 0 && errno == EINTR);
  reaped_ = true;
  end_ = r == pid_ ? describe_status(status) : "was lost (waitpid: " + errno_text(errno) + ")";
  drain_stderr();
  return end_;
}

}  // namespace tosdiff
