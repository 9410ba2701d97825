#pragma once
// Reading a small input file (a declaration, its history) without trusting it: only a
// regular file, and only up to a size, so a FIFO, /dev/zero or a directory named *.json is
// a problem reported for that file, never a blocked or unbounded read.

#include <cstddef>
#include <filesystem>
#include <string>

namespace tosdiff {

struct BoundedRead {
  std::string text;     // the whole file, when `problem` is empty
  std::string problem;  // "not a regular file (a FIFO)", "larger than 1 MiB", "cannot read: ..."
  bool ok() const { return problem.empty(); }
};

// Reads `path` (symbolic links followed) when it is a regular file of at most `max_bytes`.
// Never blocks on a FIFO (it is opened non-blocking and refused) and never reads more than
// max_bytes + 1 bytes, even from a file that grows meanwhile.
BoundedRead read_bounded_file(const std::filesystem::path& path, std::size_t max_bytes);

// "1 MiB", "64 KiB", "300 bytes": a size limit for messages.
std::string describe_size(std::size_t bytes);

}  // namespace tosdiff
