#pragma once
// DevToolsPipe: the framing of Chromium's --remote-debugging-pipe. Each message is one JSON
// text followed by a NUL byte, written to the browser's fd 3 and read from its fd 4. Bytes
// only: no JSON parsing here.
//
// Non-blocking: nothing here waits. The owner polls write_fd() for POLLOUT while
// wants_write(), read_fd() for POLLIN, and calls flush() / receive() when they are ready.
// Not thread-safe; one owner thread, which must have SIGPIPE blocked or ignored (a write to
// a dead browser then fails with EPIPE instead of killing tosdiff).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/result.hpp"

namespace tosdiff {

class DevToolsPipe {
 public:
  // Borrows the two descriptors (they must be non-blocking and outlive the pipe). A message
  // longer than max_message_bytes is dropped whole, never buffered.
  DevToolsPipe(int write_fd, int read_fd, std::size_t max_message_bytes);

  int write_fd() const { return write_fd_; }
  int read_fd() const { return read_fd_; }

  // Queues one message (the NUL is added here). Nothing is written until flush().
  void send(std::string_view message);
  bool wants_write() const { return written_ < out_.size(); }
  // Writes as much of the queue as the pipe takes now. Error "browser_failed" when the
  // browser closed its end.
  std::optional<Error> flush();

  // Appends every complete message that has arrived to `messages`, without the NUL.
  // Error "browser_failed" at end of file (the browser exited or closed the pipe).
  std::optional<Error> receive(std::vector<std::string>& messages);

  std::size_t dropped() const { return dropped_; }  // messages over the size limit

 private:
  int write_fd_, read_fd_;
  std::size_t max_message_bytes_;
  std::string out_;
  std::size_t written_ = 0;
  std::string in_;               // start of an incomplete message
  bool skipping_ = false;        // inside an oversized message: discard up to its NUL
  std::size_t dropped_ = 0;
};

}  // namespace tosdiff
