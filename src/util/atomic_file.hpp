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

// How durable a write must be before write_file_atomically returns. Atomicity (a reader or
// a killed process sees the old file or the new one) holds at every level; durability
// against a power loss is what the fsyncs buy.
enum class Sync {
  full,       // fsync the file, then its directory after the rename
  file_only,  // fsync the file; the caller fsyncs the directory (sync_directory) before
              // anything that must only exist after this file (e.g. the index naming it)
  none,       // no fsync: for files whose loss in a power cut costs nothing
};

// Creates missing parent directories (umask permitting 0755), writes `content`
// atomically (0644 under the umask).
void write_file_atomically(const std::filesystem::path& path, std::string_view content, Sync sync = Sync::full);

// fsyncs a directory, making the renames done in it durable.
void sync_directory(const std::filesystem::path& directory);

// Flushes everything written to the file system holding `path` (syncfs): one journal
// commit for a whole batch of files instead of one per file.
void sync_filesystem(const std::filesystem::path& path);

// Reads a whole file; throws ArchiveError when it cannot be read.
std::string read_whole_file(const std::filesystem::path& path);

// Prefix of every temp file write_file_atomically makes, so `verify` can find leftovers.
inline constexpr std::string_view kTempFilePrefix = ".tmp-";

}  // namespace tosdiff
