// An LD_PRELOAD shim that makes the file system fail on purpose, for the archive's fault
// tests (tests/archive_fault_test.cpp). No hook in tosdiff itself: the shim sits between the
// binary and the C library and answers some calls with an error.
//
// Every call that changes what is under $TOSDIFF_FAULT_DIR is one *operation*, numbered from
// 1 in the order the process makes them (counted atomically: tosdiff is multi-threaded):
//
//   create    open/open64/openat/openat64/creat with O_CREAT, of a path under the dir
//   write     write/pwrite/pwrite64 on a descriptor opened (by any open) under the dir
//   fsync     fsync/fdatasync on such a descriptor; syncfs on one
//   rename    rename/renameat/renameat2, either path under the dir
//   unlink    unlink/unlinkat/remove/rmdir of a path under the dir
//   mkdir     mkdir/mkdirat of a path under the dir
//
// Environment (read once, at the first intercepted call):
//   TOSDIFF_FAULT_DIR=/abs/path     the prefix; unset or empty: the shim only passes calls on
//   TOSDIFF_FAULT_AT=N              the operation to fail (1-based); 0 or unset: none
//   TOSDIFF_FAULT_ERRNO=ENOSPC|EIO  ENOSPC (the default): the disk is full from operation N
//                                   on, so N and every later write-like operation (create,
//                                   write, fsync, rename, mkdir: not unlink, which frees
//                                   space) fail; EIO: operation N alone fails, whatever it is
//   TOSDIFF_FAULT_MATCH=text        only operations whose path contains `text` count (and
//                                   may fail): "index.json" aims at index commits, whatever
//                                   the number of other operations before them; "text$":
//                                   paths that end with it ("acme/terms$": the directory)
//   TOSDIFF_FAULT_COUNT_FILE=path   at exit: "operations <count>\n", "failed <count>\n", then
//                                   one line per operation, "<n> <kind> <path>[ FAILED]"
//
// Safety: the real functions are found with dlsym(RTLD_NEXT), lazily, so that under ASan the
// call goes on to ASan's own interceptor (the shim is preloaded before libasan; see
// verify_asan_link_order in the test) and from there to the C library. dlsym may allocate
// (calloc for its error state) and, in principle, re-enter an intercepted function: while a
// thread resolves a symbol, its own intercepted calls go straight to the system call. The
// shim itself never allocates: fixed static buffers, snprintf into the stack.
// It is built without sanitizers (tests/CMakeLists.txt): it must not depend on libasan, and
// it runs before ASan would have initialised anything of its own.

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <type_traits>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#endif

namespace {

// ---- configuration ------------------------------------------------------------------------

enum class Mode { enospc, eio };

struct Config {
  char dir[PATH_MAX] = {0};
  std::size_t dir_len = 0;
  unsigned long fail_at = 0;
  Mode mode = Mode::enospc;
  char match[PATH_MAX] = {0};
  char count_file[PATH_MAX] = {0};
};

Config g_config;
pthread_once_t g_config_once = PTHREAD_ONCE_INIT;

void read_config() {
  if (const char* dir = std::getenv("TOSDIFF_FAULT_DIR")) {
    std::size_t n = std::strlen(dir);
    while (n > 1 && dir[n - 1] == '/') --n;  // "/a/b/" is "/a/b"
    if (n > 0 && n < sizeof g_config.dir && dir[0] == '/') {
      std::memcpy(g_config.dir, dir, n);
      g_config.dir[n] = '\0';
      g_config.dir_len = n;
    }
  }
  if (const char* at = std::getenv("TOSDIFF_FAULT_AT")) g_config.fail_at = std::strtoul(at, nullptr, 10);
  if (const char* e = std::getenv("TOSDIFF_FAULT_ERRNO")) {
    if (std::strcmp(e, "EIO") == 0) g_config.mode = Mode::eio;
  }
  if (const char* match = std::getenv("TOSDIFF_FAULT_MATCH")) {
    std::size_t n = std::strlen(match);
    if (n < sizeof g_config.match) std::memcpy(g_config.match, match, n + 1);
  }
  if (const char* file = std::getenv("TOSDIFF_FAULT_COUNT_FILE")) {
    std::size_t n = std::strlen(file);
    if (n > 0 && n < sizeof g_config.count_file) std::memcpy(g_config.count_file, file, n + 1);
  }
}

const Config& config() {
  pthread_once(&g_config_once, read_config);
  return g_config;
}

bool active() { return config().dir_len > 0; }

// ---- real functions -----------------------------------------------------------------------

__attribute__((tls_model("initial-exec"))) thread_local int t_resolving = 0;  // > 0 while this thread is inside dlsym

template <class F>
F resolve(std::atomic<F>& slot, const char* name) {
  F f = slot.load(std::memory_order_acquire);
  if (f) return f;
  ++t_resolving;
  f = reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
  --t_resolving;
  if (f) slot.store(f, std::memory_order_release);
  return f;
}

// In an intercepted function: `next_<name>`, the next definition of <name> (ASan's
// interceptor under the sanitizers, else the C library's); nullptr while this thread is
// inside dlsym, and the caller then makes the system call itself.
#define REAL(type, name)                                            \
  static std::atomic<std::type_identity_t<type>> real_##name{nullptr}; \
  std::type_identity_t<type> next_##name = t_resolving ? nullptr : resolve(real_##name, #name)

// ---- operations ---------------------------------------------------------------------------

enum class Kind { create, write, fsync, rename, unlink, mkdir };

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::create: return "create";
    case Kind::write: return "write";
    case Kind::fsync: return "fsync";
    case Kind::rename: return "rename";
    case Kind::unlink: return "unlink";
    case Kind::mkdir: return "mkdir";
  }
  return "?";
}

bool write_like(Kind k) { return k != Kind::unlink; }

std::atomic<unsigned long> g_operations{0};
std::atomic<unsigned long> g_failed{0};

// The log of operations, kept in memory (no allocation) and written at exit.
constexpr std::size_t kLogBytes = 8u << 20;
char g_log[kLogBytes];
std::atomic<std::size_t> g_log_used{0};

void log_operation(unsigned long n, Kind kind, const char* path, bool failed) {
  char line[PATH_MAX + 64];
  int len = std::snprintf(line, sizeof line, "%lu %s %s%s\n", n, kind_name(kind), path ? path : "?",
                          failed ? " FAILED" : "");
  if (len <= 0) return;
  std::size_t size = static_cast<std::size_t>(len) < sizeof line ? static_cast<std::size_t>(len) : sizeof line - 1;
  std::size_t at = g_log_used.fetch_add(size);
  if (at + size <= kLogBytes) std::memcpy(g_log + at, line, size);
}

// TOSDIFF_FAULT_MATCH: a substring of the path, or its end when `match` ends with '$'.
bool matches(const char* path, const char* match) {
  if (!path) return false;
  const std::size_t n = std::strlen(match);
  if (n > 0 && match[n - 1] == '$') {
    const std::size_t length = std::strlen(path);
    return length >= n - 1 && std::strncmp(path + length - (n - 1), match, n - 1) == 0;
  }
  return std::strstr(path, match) != nullptr;
}

// Counts one operation; true when it must fail (errno is then set).
bool operation(Kind kind, const char* path) {
  const Config& c = config();
  if (c.match[0] != '\0' && !matches(path, c.match)) return false;
  const unsigned long n = g_operations.fetch_add(1) + 1;
  bool fail = false;
  int error = 0;
  if (c.fail_at > 0) {
    if (c.mode == Mode::eio) {
      fail = n == c.fail_at;
      error = EIO;
    } else {
      fail = n >= c.fail_at && write_like(kind);
      error = ENOSPC;
    }
  }
  log_operation(n, kind, path, fail);
  if (fail) {
    g_failed.fetch_add(1);
    errno = error;
  }
  return fail;
}

// ---- paths and descriptors ----------------------------------------------------------------

bool under_dir(const char* path) {
  const Config& c = config();
  if (!path || c.dir_len == 0) return false;
  if (std::strncmp(path, c.dir, c.dir_len) != 0) return false;
  return path[c.dir_len] == '\0' || path[c.dir_len] == '/' || c.dir_len == 1;
}

// Descriptors opened under the dir, with their path (for the log). Slots are cleared before
// close so that a number reused by another thread's open is not mistaken for ours.
constexpr int kMaxTrackedFd = 4096;
constexpr std::size_t kFdPathBytes = 256;
std::atomic<bool> g_tracked[kMaxTrackedFd];
char g_fd_path[kMaxTrackedFd][kFdPathBytes];

void track(int fd, const char* path) {
  if (fd < 0 || fd >= kMaxTrackedFd) return;
  std::snprintf(g_fd_path[fd], kFdPathBytes, "%s", path);
  g_tracked[fd].store(true, std::memory_order_release);
}

void untrack(int fd) {
  if (fd >= 0 && fd < kMaxTrackedFd) g_tracked[fd].store(false, std::memory_order_release);
}

bool tracked(int fd) { return fd >= 0 && fd < kMaxTrackedFd && g_tracked[fd].load(std::memory_order_acquire); }

const char* fd_path(int fd) { return tracked(fd) ? g_fd_path[fd] : "?"; }

// An absolute form of (dirfd, path) in `out`, for the prefix test. Relative paths are made
// absolute from the working directory or from the directory `dirfd` names.
const char* absolute(int dirfd, const char* path, char* out, std::size_t size) {
  if (!path) return nullptr;
  if (path[0] == '/') return path;
  char base[PATH_MAX];
  if (dirfd == AT_FDCWD) {
    if (!::getcwd(base, sizeof base)) return path;
  } else {
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
    ssize_t n = ::readlink(link, base, sizeof base - 1);
    if (n <= 0) return path;
    base[n] = '\0';
  }
  std::snprintf(out, size, "%s/%s", base, path);
  return out;
}

int opened(int fd, int dirfd, const char* path) {
  if (fd < 0) return fd;
  char buffer[PATH_MAX];
  const char* full = active() ? absolute(dirfd, path, buffer, sizeof buffer) : nullptr;
  if (full && under_dir(full)) track(fd, full);
  else untrack(fd);
  return fd;
}

// The common path of every open: counts a creation under the dir, fails it if told to.
bool open_fails(int dirfd, const char* path, int flags) {
  if (!(flags & O_CREAT) || !active()) return false;
  char buffer[PATH_MAX];
  const char* full = absolute(dirfd, path, buffer, sizeof buffer);
  return under_dir(full) && operation(Kind::create, full);
}

bool path_operation(Kind kind, int dirfd, const char* path) {
  if (!active()) return false;
  char buffer[PATH_MAX];
  const char* full = absolute(dirfd, path, buffer, sizeof buffer);
  return under_dir(full) && operation(kind, full);
}

bool fd_operation(Kind kind, int fd) { return active() && tracked(fd) && operation(kind, fd_path(fd)); }

int sys_open(int dirfd, const char* path, int flags, mode_t mode) {
  return static_cast<int>(::syscall(SYS_openat, dirfd, path, flags, mode));
}

// ---- the count file -------------------------------------------------------------------------

void write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::syscall(SYS_write, fd, data, size);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

__attribute__((destructor)) void write_count_file() {
  const Config& c = config();
  if (c.count_file[0] == '\0') return;
  int fd = static_cast<int>(::syscall(SYS_openat, AT_FDCWD, c.count_file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd < 0) return;
  char head[96];
  int len = std::snprintf(head, sizeof head, "operations %lu\nfailed %lu\n", g_operations.load(), g_failed.load());
  if (len > 0) write_all(fd, head, static_cast<std::size_t>(len));
  std::size_t used = g_log_used.load();
  write_all(fd, g_log, used < kLogBytes ? used : kLogBytes);
  ::syscall(SYS_close, fd);
}

}  // namespace

// ---- the intercepted functions --------------------------------------------------------------

extern "C" {

// The mode argument of an open that creates (O_CREAT, O_TMPFILE); 0 otherwise.
#define MODE_ARGUMENT(flags)                                 \
  mode_t mode = 0;                                           \
  if (((flags) & O_CREAT) || ((flags) & O_TMPFILE) == O_TMPFILE) { \
    va_list args;                                            \
    va_start(args, flags);                                   \
    mode = static_cast<mode_t>(va_arg(args, int));           \
    va_end(args);                                            \
  }

int open(const char* path, int flags, ...) {
  MODE_ARGUMENT(flags);
  REAL(int (*)(const char*, int, ...), open);
  if (!next_open) return sys_open(AT_FDCWD, path, flags, mode);
  if (open_fails(AT_FDCWD, path, flags)) return -1;
  return opened(next_open(path, flags, mode), AT_FDCWD, path);
}

int open64(const char* path, int flags, ...) {
  MODE_ARGUMENT(flags);
  REAL(int (*)(const char*, int, ...), open64);
  if (!next_open64) return sys_open(AT_FDCWD, path, flags, mode);
  if (open_fails(AT_FDCWD, path, flags)) return -1;
  return opened(next_open64(path, flags, mode), AT_FDCWD, path);
}

int openat(int dirfd, const char* path, int flags, ...) {
  MODE_ARGUMENT(flags);
  REAL(int (*)(int, const char*, int, ...), openat);
  if (!next_openat) return sys_open(dirfd, path, flags, mode);
  if (open_fails(dirfd, path, flags)) return -1;
  return opened(next_openat(dirfd, path, flags, mode), dirfd, path);
}

int openat64(int dirfd, const char* path, int flags, ...) {
  MODE_ARGUMENT(flags);
  REAL(int (*)(int, const char*, int, ...), openat64);
  if (!next_openat64) return sys_open(dirfd, path, flags, mode);
  if (open_fails(dirfd, path, flags)) return -1;
  return opened(next_openat64(dirfd, path, flags, mode), dirfd, path);
}

// _FORTIFY_SOURCE's checked opens (no mode argument: never O_CREAT).
int __open_2(const char* path, int flags) {
  REAL(int (*)(const char*, int), __open_2);
  if (!next___open_2) return sys_open(AT_FDCWD, path, flags, 0);
  return opened(next___open_2(path, flags), AT_FDCWD, path);
}

int __open64_2(const char* path, int flags) {
  REAL(int (*)(const char*, int), __open64_2);
  if (!next___open64_2) return sys_open(AT_FDCWD, path, flags, 0);
  return opened(next___open64_2(path, flags), AT_FDCWD, path);
}

int __openat_2(int dirfd, const char* path, int flags) {
  REAL(int (*)(int, const char*, int), __openat_2);
  if (!next___openat_2) return sys_open(dirfd, path, flags, 0);
  return opened(next___openat_2(dirfd, path, flags), dirfd, path);
}

int creat(const char* path, mode_t mode) {
  REAL(int (*)(const char*, mode_t), creat);
  if (!next_creat) return sys_open(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
  if (open_fails(AT_FDCWD, path, O_CREAT)) return -1;
  return opened(next_creat(path, mode), AT_FDCWD, path);
}

int close(int fd) {
  REAL(int (*)(int), close);
  untrack(fd);
  if (!next_close) return static_cast<int>(::syscall(SYS_close, fd));
  return next_close(fd);
}

ssize_t write(int fd, const void* buffer, size_t size) {
  REAL(ssize_t (*)(int, const void*, size_t), write);
  if (!next_write) return ::syscall(SYS_write, fd, buffer, size);
  if (fd_operation(Kind::write, fd)) return -1;
  return next_write(fd, buffer, size);
}

ssize_t pwrite(int fd, const void* buffer, size_t size, off_t offset) {
  REAL(ssize_t (*)(int, const void*, size_t, off_t), pwrite);
  if (!next_pwrite) return ::syscall(SYS_pwrite64, fd, buffer, size, offset);
  if (fd_operation(Kind::write, fd)) return -1;
  return next_pwrite(fd, buffer, size, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t size, off_t offset) {
  REAL(ssize_t (*)(int, const void*, size_t, off_t), pwrite64);
  if (!next_pwrite64) return ::syscall(SYS_pwrite64, fd, buffer, size, offset);
  if (fd_operation(Kind::write, fd)) return -1;
  return next_pwrite64(fd, buffer, size, offset);
}

int fsync(int fd) {
  REAL(int (*)(int), fsync);
  if (!next_fsync) return static_cast<int>(::syscall(SYS_fsync, fd));
  if (fd_operation(Kind::fsync, fd)) return -1;
  return next_fsync(fd);
}

int fdatasync(int fd) {
  REAL(int (*)(int), fdatasync);
  if (!next_fdatasync) return static_cast<int>(::syscall(SYS_fdatasync, fd));
  if (fd_operation(Kind::fsync, fd)) return -1;
  return next_fdatasync(fd);
}

int syncfs(int fd) {
  REAL(int (*)(int), syncfs);
  if (!next_syncfs) return static_cast<int>(::syscall(SYS_syncfs, fd));
  if (fd_operation(Kind::fsync, fd)) return -1;
  return next_syncfs(fd);
}

namespace {
bool rename_fails(int olddirfd, const char* from, int newdirfd, const char* to) {
  if (!active()) return false;
  char a[PATH_MAX], b[PATH_MAX];
  const char* full_from = absolute(olddirfd, from, a, sizeof a);
  const char* full_to = absolute(newdirfd, to, b, sizeof b);
  if (!under_dir(full_from) && !under_dir(full_to)) return false;
  return operation(Kind::rename, under_dir(full_to) ? full_to : full_from);
}
}  // namespace

int rename(const char* from, const char* to) {
  REAL(int (*)(const char*, const char*), rename);
  if (!next_rename) return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 0));
  if (rename_fails(AT_FDCWD, from, AT_FDCWD, to)) return -1;
  return next_rename(from, to);
}

int renameat(int olddirfd, const char* from, int newdirfd, const char* to) {
  REAL(int (*)(int, const char*, int, const char*), renameat);
  if (!next_renameat) return static_cast<int>(::syscall(SYS_renameat2, olddirfd, from, newdirfd, to, 0));
  if (rename_fails(olddirfd, from, newdirfd, to)) return -1;
  return next_renameat(olddirfd, from, newdirfd, to);
}

int renameat2(int olddirfd, const char* from, int newdirfd, const char* to, unsigned int flags) {
  REAL(int (*)(int, const char*, int, const char*, unsigned int), renameat2);
  if (!next_renameat2) return static_cast<int>(::syscall(SYS_renameat2, olddirfd, from, newdirfd, to, flags));
  if (rename_fails(olddirfd, from, newdirfd, to)) return -1;
  return next_renameat2(olddirfd, from, newdirfd, to, flags);
}

int unlink(const char* path) {
  REAL(int (*)(const char*), unlink);
  if (!next_unlink) return static_cast<int>(::syscall(SYS_unlinkat, AT_FDCWD, path, 0));
  if (path_operation(Kind::unlink, AT_FDCWD, path)) return -1;
  return next_unlink(path);
}

int unlinkat(int dirfd, const char* path, int flags) {
  REAL(int (*)(int, const char*, int), unlinkat);
  if (!next_unlinkat) return static_cast<int>(::syscall(SYS_unlinkat, dirfd, path, flags));
  if (path_operation(Kind::unlink, dirfd, path)) return -1;
  return next_unlinkat(dirfd, path, flags);
}

int rmdir(const char* path) {
  REAL(int (*)(const char*), rmdir);
  if (!next_rmdir) return static_cast<int>(::syscall(SYS_unlinkat, AT_FDCWD, path, AT_REMOVEDIR));
  if (path_operation(Kind::unlink, AT_FDCWD, path)) return -1;
  return next_rmdir(path);
}

// std::filesystem::remove calls remove(3), whose own unlink/rmdir inside the C library
// never pass through the shim.
int remove(const char* path) {
  REAL(int (*)(const char*), remove);
  if (!next_remove) {
    int rc = static_cast<int>(::syscall(SYS_unlinkat, AT_FDCWD, path, 0));
    if (rc != 0 && errno == EISDIR) rc = static_cast<int>(::syscall(SYS_unlinkat, AT_FDCWD, path, AT_REMOVEDIR));
    return rc;
  }
  if (path_operation(Kind::unlink, AT_FDCWD, path)) return -1;
  return next_remove(path);
}

int mkdir(const char* path, mode_t mode) {
  REAL(int (*)(const char*, mode_t), mkdir);
  if (!next_mkdir) return static_cast<int>(::syscall(SYS_mkdirat, AT_FDCWD, path, mode));
  if (path_operation(Kind::mkdir, AT_FDCWD, path)) return -1;
  return next_mkdir(path, mode);
}

int mkdirat(int dirfd, const char* path, mode_t mode) {
  REAL(int (*)(int, const char*, mode_t), mkdirat);
  if (!next_mkdirat) return static_cast<int>(::syscall(SYS_mkdirat, dirfd, path, mode));
  if (path_operation(Kind::mkdir, dirfd, path)) return -1;
  return next_mkdirat(dirfd, path, mode);
}

}  // extern "C"
