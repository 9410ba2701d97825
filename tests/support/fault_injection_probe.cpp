// A known sequence of file-system calls, made through the fault-injection shim
// (fault_injection.cpp) by tests/fault_injection_test.cpp to hold the shim to its contract.
//   fault_injection_probe steps DIR      nine operations under DIR, one line per step:
//                                        "<step> ok" or "<step> FAIL <errno name>"
//   fault_injection_probe threads DIR    4 threads, each creating a file and writing it 200
//                                        times: 804 operations, however they interleave
//   fault_injection_probe overflow DIR   write() of 16 bytes from an 8-byte heap block: ASan's
//                                        own write interceptor must still see it (sanitizer
//                                        build only; undefined behaviour otherwise)
// The calls are those tosdiff makes: ::open, ::write, ::fdatasync, ::fsync, ::syncfs,
// ::rename, and std::filesystem (mkdir, remove).

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

const char* errno_name(int e) {
  switch (e) {
    case ENOSPC: return "ENOSPC";
    case EIO: return "EIO";
    case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";
    default: return "other";
  }
}

void report(const char* step, bool ok, int error) {
  if (ok) std::printf("%s ok\n", step);
  else std::printf("%s FAIL %s\n", step, errno_name(error));
}

// The call first, then errno (the order of a function's arguments is unspecified).
#define STEP(name, call)            \
  do {                              \
    errno = 0;                      \
    const bool ok_ = (call);        \
    report(name, ok_, errno);       \
  } while (0)

int steps(const std::string& dir) {
  namespace fs = std::filesystem;
  const std::string a = dir + "/a", b = dir + "/b", sub = dir + "/sub";
  int fd = -1;
  STEP("create", (fd = ::open(a.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) >= 0);
  STEP("write", ::write(fd, "hello", 5) == 5);
  STEP("fdatasync", ::fdatasync(fd) == 0);
  ::close(fd);
  STEP("rename", ::rename(a.c_str(), b.c_str()) == 0);
  std::error_code ec;
  fs::create_directory(sub, ec);
  report("mkdir", !ec, ec.value());
  fs::remove(b, ec);
  report("remove", !ec, ec.value());
  int dfd = ::open(sub.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  STEP("fsync", ::fsync(dfd) == 0);
  STEP("syncfs", ::syncfs(dfd) == 0);
  ::close(dfd);
  fs::remove(sub, ec);
  report("rmdir", !ec, ec.value());
  // Outside the dir: never counted.
  const std::string outside = dir + "-outside";
  int other = -1;
  STEP("outside", (other = ::open(outside.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) >= 0 &&
                      ::write(other, "x", 1) == 1);
  ::close(other);
  ::unlink(outside.c_str());
  return 0;
}

int threads(const std::string& dir) {
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&dir, t] {
      const std::string path = dir + "/thread-" + std::to_string(t);
      int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0) return;
      for (int i = 0; i < 200; ++i) (void)!::write(fd, "x", 1);
      ::close(fd);
    });
  }
  for (auto& t : pool) t.join();
  std::printf("threads done\n");
  return 0;
}

int overflow(const std::string& dir) {
  const std::string path = dir + "/overflow";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  char* block = static_cast<char*>(std::malloc(8));
  std::memset(block, 'x', 8);
  // Reads 8 bytes past the block: ASan's write interceptor checks the range and reports it.
  // (The size is opaque to the compiler, which would otherwise warn about what is meant.)
  volatile std::size_t size = 16;
  ssize_t n = ::write(fd, block, size);
  std::printf("wrote %zd\n", n);
  std::free(block);
  ::close(fd);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s steps|threads|overflow DIR\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1], dir = argv[2];
  if (mode == "steps") return steps(dir);
  if (mode == "threads") return threads(dir);
  if (mode == "overflow") return overflow(dir);
  return 2;
}
