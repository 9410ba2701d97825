#include "tosdiff/util/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <unistd.h>

namespace tosdiff {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
  throw ArchiveError(what + " " + path.string() + ": " + std::strerror(error));
}

}  // namespace

void sync_directory(const std::filesystem::path& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("cannot open directory", directory, errno);
  int rc = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (rc != 0) fail("cannot sync directory", directory, error);
}

void sync_filesystem(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("cannot open directory", path, errno);
  int rc = ::syncfs(fd);
  int error = errno;
  ::close(fd);
  if (rc != 0) fail("cannot sync the file system of", path, error);
}

namespace {

std::string random_suffix() {
  static thread_local std::mt19937_64 rng{std::random_device{}() ^ static_cast<unsigned long>(::getpid())};
  return std::to_string(::getpid()) + "-" + std::to_string(rng() % 1000000007ULL);
}

// Owns the temp file until it is renamed into place; removes it otherwise, so a failed
// write never leaves a half-written file behind.
class TempFile {
 public:
  explicit TempFile(std::filesystem::path path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd_ < 0) fail("cannot create", path_, errno);
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write_all(std::string_view content) {
    while (!content.empty()) {
      ssize_t n = ::write(fd_, content.data(), content.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        fail("cannot write", path_, errno);
      }
      content.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  void commit_as(const std::filesystem::path& target, bool sync) {
    if (sync && ::fdatasync(fd_) != 0) fail("cannot sync", path_, errno);
    if (::close(fd_) != 0) {
      fd_ = -1;
      fail("cannot close", path_, errno);
    }
    fd_ = -1;
    if (::rename(path_.c_str(), target.c_str()) != 0) fail("cannot rename into", target, errno);
    committed_ = true;
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content, Sync sync) {
  const std::filesystem::path directory = path.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) throw ArchiveError("cannot create directory " + directory.string() + ": " + ec.message());
  TempFile temp(directory / (std::string(kTempFilePrefix) + path.filename().string() + "-" + random_suffix()));
  temp.write_all(content);
  temp.commit_as(path, sync != Sync::none);
  if (sync == Sync::full) sync_directory(directory);
}

std::string read_whole_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot read", path, errno);
  std::string out;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd);
      fail("cannot read", path, error);
    }
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

}  // namespace tosdiff
