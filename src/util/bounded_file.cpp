#include "tosdiff/util/bounded_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tosdiff {
namespace {

const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

std::string describe_size(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

BoundedRead read_bounded_file(const std::filesystem::path& path, std::size_t max_bytes) {
  BoundedRead result;
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    result.problem = std::string("cannot read: ") + std::strerror(errno);
    return result;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    result.problem = std::string("cannot read: ") + std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    result.problem = std::string("not a regular file (") + file_kind(st.st_mode) + ")";
  } else if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    result.problem = "larger than " + describe_size(max_bytes) + " (" + std::to_string(st.st_size) + " bytes)";
  }
  if (!result.ok()) {
    ::close(fd);
    return result;
  }
  char buffer[65536];
  while (result.text.size() <= max_bytes) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.problem = std::string("cannot read: ") + std::strerror(errno);
      break;
    }
    if (n == 0) break;
    result.text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (result.ok() && result.text.size() > max_bytes) result.problem = "larger than " + describe_size(max_bytes);
  if (!result.ok()) result.text.clear();
  return result;
}

}  // namespace tosdiff
