#include "tosdiff/util/subprocess.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace tosdiff {
namespace {

constexpr std::size_t kKeptOutput = 4096;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// SIGPIPE would end tosdiff when the program closes its input early: ignored meanwhile.
class IgnoreSigpipe {
 public:
  IgnoreSigpipe() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old_);
  }
  ~IgnoreSigpipe() { sigaction(SIGPIPE, &old_, nullptr); }

 private:
  struct sigaction old_ {};
};

std::vector<std::string> make_environment(const std::vector<std::pair<std::string, std::string>>& env,
                                          InheritEnvironment inherit) {
  std::vector<std::string> out;
  for (char** e = inherit == InheritEnvironment::all ? environ : nullptr; e && *e; ++e) {
    std::string_view entry(*e);
    const std::string_view name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const auto& [n, v] : env) replaced = replaced || n == name;
    if (!replaced) out.emplace_back(entry);
  }
  for (const auto& [n, v] : env) out.push_back(n + "=" + v);
  return out;
}

// Waits for the child to end, through signals.
int wait_for_exit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// A started program: its process id (also its process group's), the write end of its
// standard input and the read end of its standard output and error (-1 once closed).
struct Child {
  pid_t pid = -1;
  int input = -1;
  int output = -1;
};

// Starts `argv` in a process group of its own, with `environment` as its whole environment
// and its standard streams on pipes. A failure to start (no pipe, no fork, or exec's own
// error, which the child sends back through a close-on-exec pipe) is `start_error`.
Child spawn(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
            std::string& start_error) {
  // Everything the child needs is built before fork: after it, only async-signal-safe calls.
  std::vector<char*> envp, args;
  for (const auto& e : environment) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  int in_pipe[2] = {-1, -1}, out_pipe[2] = {-1, -1}, exec_pipe[2] = {-1, -1};
  auto close_all = [&] {
    for (int* p : {in_pipe, out_pipe, exec_pipe}) {
      close_fd(p[0]);
      close_fd(p[1]);
    }
  };
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(exec_pipe, O_CLOEXEC) != 0) {
    start_error = std::string("pipe: ") + std::strerror(errno);
    close_all();
    return {};
  }
  const pid_t pid = fork();
  if (pid < 0) {
    start_error = std::string("fork: ") + std::strerror(errno);
    close_all();
    return {};
  }
  if (pid == 0) {
    setpgid(0, 0);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP}) sigaction(s, &dfl, nullptr);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    dup2(in_pipe[0], STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(out_pipe[1], STDERR_FILENO);
    execvpe(args[0], args.data(), envp.data());
    const int error = errno;
    (void)!::write(exec_pipe[1], &error, sizeof error);
    _exit(127);
  }
  setpgid(pid, pid);  // also in the parent: no race with the kill at the deadline
  close_fd(in_pipe[0]);
  close_fd(out_pipe[1]);
  close_fd(exec_pipe[1]);
  int exec_error = 0;
  ssize_t got;
  do got = ::read(exec_pipe[0], &exec_error, sizeof exec_error);
  while (got < 0 && errno == EINTR);
  close_fd(exec_pipe[0]);
  if (got == static_cast<ssize_t>(sizeof exec_error)) {
    close_fd(in_pipe[1]);
    close_fd(out_pipe[0]);
    wait_for_exit(pid);
    start_error = argv[0] + ": " + std::strerror(exec_error);
    return {};
  }
  fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);
  return {pid, in_pipe[1], out_pipe[0]};
}

// Writes what the child has not read of `input` yet, as much as its pipe takes; closes its
// input when all is written, or when it closed its end (it does not want the rest).
void feed_input(int& fd, short revents, std::string_view input, std::size_t& written) {
  if (revents & (POLLERR | POLLHUP)) {
    close_fd(fd);
    return;
  }
  const ssize_t w = ::write(fd, input.data() + written, input.size() - written);
  if (w > 0) written += static_cast<std::size_t>(w);
  else if (errno != EAGAIN && errno != EINTR) close_fd(fd);
  if (written == input.size()) close_fd(fd);
}

// Reads what the child printed, keeping the last kKeptOutput bytes (up to twice as many
// between trims); closes its output at end of file or on an error.
void collect_output(int& fd, std::string& output) {
  char buffer[8192];
  const ssize_t r = ::read(fd, buffer, sizeof buffer);
  if (r > 0) {
    output.append(buffer, static_cast<std::size_t>(r));
    if (output.size() > 2 * kKeptOutput) output.erase(0, output.size() - kKeptOutput);
  } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
    close_fd(fd);
  }
}

// Kills the child's whole process group (what it started in the background too) and reaps it.
int kill_group(pid_t pid) {
  ::kill(-pid, SIGKILL);
  return wait_for_exit(pid);
}

// Feeds the child its input and collects its output until it has exited and its output is
// drained (or it exited and nothing is left to read right now: a background process may
// hold the pipe), or until the deadline or `stop`, which kill its group. Returns its wait
// status; `result` gets the output and timed_out.
int exchange(Child& child, std::string_view input, std::chrono::steady_clock::time_point deadline,
             const std::atomic<bool>* stop, SubprocessResult& result) {
  if (input.empty()) close_fd(child.input);
  std::size_t written = 0;
  bool exited = false;
  int status = 0;
  for (;;) {
    if (!exited && waitpid(child.pid, &status, WNOHANG) == child.pid) exited = true;
    if (exited && child.output < 0) break;
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline || (stop && stop->load())) {
      if (!exited) {
        status = kill_group(child.pid);
        result.timed_out = true;
        exited = true;
      }
      break;
    }
    pollfd fds[2];
    nfds_t count = 0;
    int out_index = -1, in_index = -1;
    if (child.output >= 0) {
      out_index = static_cast<int>(count);
      fds[count++] = {child.output, POLLIN, 0};
    }
    if (child.input >= 0) {
      in_index = static_cast<int>(count);
      fds[count++] = {child.input, POLLOUT, 0};
    }
    // Short waits: the child's exit is noticed by waitpid, not by a descriptor, when it left
    // a background process holding the output pipe.
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
    const int wait_ms = static_cast<int>(std::min<long long>(left, exited ? 0 : 50));
    const int n = poll(fds, count, wait_ms);
    if (n < 0 && errno != EINTR) break;
    if (n <= 0) {
      if (exited) break;  // nothing more to read right now, and the program is gone
      continue;
    }
    if (out_index >= 0 && fds[out_index].revents) collect_output(child.output, result.output);
    if (in_index >= 0 && fds[in_index].revents) feed_input(child.input, fds[in_index].revents, input, written);
  }
  close_fd(child.input);
  close_fd(child.output);
  return exited ? status : wait_for_exit(child.pid);
}

}  // namespace

std::string SubprocessResult::describe() const {
  if (!start_error.empty()) return "could not be started: " + start_error;
  std::string out;
  if (timed_out) out = "killed at its deadline (timeout)";
  else if (signal) out = std::string("killed by signal ") + std::to_string(signal) + " (" + ::strsignal(signal) + ")";
  else out = "exit status " + std::to_string(exit_code);
  // The last line the program printed usually says why.
  std::string tail = output;
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r' || tail.back() == ' ')) tail.pop_back();
  if (const auto nl = tail.rfind('\n'); nl != std::string::npos) tail = tail.substr(nl + 1);
  if (tail.size() > 200) tail = tail.substr(tail.size() - 200);
  for (char& c : tail)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  if (!tail.empty()) out += ": " + tail;
  return out;
}

SubprocessResult run_subprocess(const std::vector<std::string>& argv,
                                const std::vector<std::pair<std::string, std::string>>& env,
                                std::string_view input, std::chrono::milliseconds timeout,
                                const std::atomic<bool>* stop, InheritEnvironment inherit) {
  SubprocessResult result;
  if (argv.empty()) {
    result.start_error = "empty command";
    return result;
  }
  IgnoreSigpipe ignore_sigpipe;
  Child child = spawn(argv, make_environment(env, inherit), result.start_error);
  if (!result.start_error.empty()) return result;
  const int status = exchange(child, input, std::chrono::steady_clock::now() + timeout, stop, result);
  if (result.output.size() > kKeptOutput) result.output.erase(0, result.output.size() - kKeptOutput);
  if (!result.timed_out) {
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  }
  return result;
}

}  // namespace tosdiff
