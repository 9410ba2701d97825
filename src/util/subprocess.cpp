#include "tosdiff/util/subprocess.hpp"

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
  // Everything the child needs is built before fork: after it, only async-signal-safe calls.
  const std::vector<std::string> environment = make_environment(env, inherit);
  std::vector<char*> envp, args;
  for (const auto& e : environment) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  int in_pipe[2] = {-1, -1}, out_pipe[2] = {-1, -1}, exec_pipe[2] = {-1, -1};
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(exec_pipe, O_CLOEXEC) != 0) {
    result.start_error = std::string("pipe: ") + std::strerror(errno);
    for (int* p : {in_pipe, out_pipe, exec_pipe}) {
      close_fd(p[0]);
      close_fd(p[1]);
    }
    return result;
  }
  IgnoreSigpipe ignore_sigpipe;
  const pid_t pid = fork();
  if (pid < 0) {
    result.start_error = std::string("fork: ") + std::strerror(errno);
    for (int* p : {in_pipe, out_pipe, exec_pipe}) {
      close_fd(p[0]);
      close_fd(p[1]);
    }
    return result;
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
  setpgid(pid, pid);  // also in the parent: no race with the kill below
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
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.start_error = argv[0] + ": " + std::strerror(exec_error);
    return result;
  }

  fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);
  if (input.empty()) close_fd(in_pipe[1]);
  std::size_t written = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool exited = false;
  int status = 0;
  char buffer[8192];
  for (;;) {
    if (!exited) {
      const pid_t w = waitpid(pid, &status, WNOHANG);
      if (w == pid) exited = true;
    }
    if (exited && out_pipe[0] < 0) break;
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline || (stop && stop->load())) {
      if (!exited) {
        ::kill(-pid, SIGKILL);
        result.timed_out = true;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        exited = true;
      }
      break;
    }
    pollfd fds[2];
    nfds_t count = 0;
    int out_index = -1, in_index = -1;
    if (out_pipe[0] >= 0) {
      out_index = static_cast<int>(count);
      fds[count++] = {out_pipe[0], POLLIN, 0};
    }
    if (in_pipe[1] >= 0) {
      in_index = static_cast<int>(count);
      fds[count++] = {in_pipe[1], POLLOUT, 0};
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
    if (out_index >= 0 && fds[out_index].revents) {
      const ssize_t r = ::read(out_pipe[0], buffer, sizeof buffer);
      if (r > 0) {
        result.output.append(buffer, static_cast<std::size_t>(r));
        if (result.output.size() > 2 * kKeptOutput) result.output.erase(0, result.output.size() - kKeptOutput);
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        close_fd(out_pipe[0]);
      }
    }
    if (in_index >= 0 && fds[in_index].revents) {
      if (fds[in_index].revents & (POLLERR | POLLHUP)) {
        close_fd(in_pipe[1]);  // it closed its input: it does not want the rest
      } else {
        const ssize_t w = ::write(in_pipe[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        else if (errno != EAGAIN && errno != EINTR) close_fd(in_pipe[1]);
        if (written == input.size()) close_fd(in_pipe[1]);
      }
    }
  }
  close_fd(in_pipe[1]);
  close_fd(out_pipe[0]);
  if (!exited) {
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (result.output.size() > kKeptOutput) result.output.erase(0, result.output.size() - kKeptOutput);
  if (!result.timed_out) {
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  }
  return result;
}

}  // namespace tosdiff
