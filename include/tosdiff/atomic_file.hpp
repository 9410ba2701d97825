#pragma once
// Crash-safe file writes: a temp file in the same directory, fsync, rename over the target,
// fsync the directory. A reader, or a crash at any instant, sees the old file or the new one,
// never a mix. Failures throw ArchiveError with the path and the system's reason.

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace tosdiff {

class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Creates missing parent directories (0755), writes `content` atomically (mode 0644).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Reads a whole file; throws ArchiveError when it cannot be read.
std::string read_whole_file(const std::filesystem::path& path);

// Prefix of every temp file write_file_atomically makes, so `verify` can find leftovers.
inline constexpr std::string_view kTempFilePrefix = ".tmp-";

}  // namespace tosdiff
