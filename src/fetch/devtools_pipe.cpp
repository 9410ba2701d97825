#include "tosdiff/fetch/devtools_pipe.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

namespace tosdiff {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;
// One receive() reads at most this much, so that a 16 MB DOM arriving does not keep the
// loop from timers and other tabs for long.
constexpr std::size_t kReadBudget = 8u << 20;

}  // namespace

DevToolsPipe::DevToolsPipe(int write_fd, int read_fd, std::size_t max_message_bytes)
    : write_fd_(write_fd), read_fd_(read_fd), max_message_bytes_(max_message_bytes) {}

void DevToolsPipe::send(std::string_view message) {
  // Compact once the written prefix dominates, instead of erasing after every write.
  if (written_ > 0 && written_ >= out_.size() / 2) {
    out_.erase(0, written_);
    written_ = 0;
  }
  out_.append(message);
  out_.push_back('\0');
}

std::optional<Error> DevToolsPipe::flush() {
  while (written_ < out_.size()) {
    const ssize_t n = write(write_fd_, out_.data() + written_, out_.size() - written_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return std::nullopt;
    if (n < 0) {
      return Error{ErrorKind::browser_failed,
                   std::string("writing to Chromium's DevTools pipe failed: ") + std::strerror(errno)};
    }
    written_ += static_cast<std::size_t>(n);
  }
  out_.clear();
  written_ = 0;
  return std::nullopt;
}

std::optional<Error> DevToolsPipe::receive(std::vector<std::string>& messages) {
  char chunk[kReadChunk];
  std::size_t budget = kReadBudget;
  while (budget > 0) {
    const ssize_t n = read(read_fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return std::nullopt;
    if (n < 0) {
      return Error{ErrorKind::browser_failed,
                   std::string("reading Chromium's DevTools pipe failed: ") + std::strerror(errno)};
    }
    if (n == 0) return Error{ErrorKind::browser_failed, "Chromium closed its DevTools pipe"};
    budget -= std::min(budget, static_cast<std::size_t>(n));

    // Only the new bytes are scanned: a large message arriving in pieces costs one pass.
    std::string_view data(chunk, static_cast<std::size_t>(n));
    while (!data.empty()) {
      const std::size_t nul = data.find('\0');
      if (skipping_) {
        if (nul == std::string_view::npos) break;
        skipping_ = false;
      } else if (nul == std::string_view::npos) {
        in_.append(data);
        if (in_.size() > max_message_bytes_) {
          // An oversized message is abandoned rather than grown without bound; a command
          // waiting for it ends on its own deadline.
          ++dropped_;
          skipping_ = true;
          in_.clear();
          in_.shrink_to_fit();
        }
        break;
      } else {
        in_.append(data.substr(0, nul));
        messages.push_back(std::move(in_));
        in_.clear();
      }
      data.remove_prefix(nul + 1);
    }
  }
  return std::nullopt;
}

}  // namespace tosdiff
