#pragma once
// `tosdiff verify`: checks the archive against its indexes — every file an index names is
// there and hashes to what it says, and nothing is there that no index names — and, with
// repair, mends what can be mended without ever deleting a good version:
//   - leftovers of a killed run (temp files, an interrupted transaction's garbage): deleted;
//   - orphaned files (named by no index, no run interrupted): deleted;
//   - a missing or corrupt index.json: rebuilt from the change records (the old file is
//     kept as index.json.corrupt);
//   - a missing or corrupt change record: rebuilt from the two version texts it compares;
//   - a missing or corrupt pending text: the pending acceptance is dropped.
// Missing or corrupt version texts and snapshots cannot be rebuilt (the past cannot be
// fetched again): they are reported.
// The caller holds the ArchiveLock, so no writer is running and any temp file is a leftover.

#include <string>
#include <vector>

#include "tosdiff/archive.hpp"

namespace tosdiff {

struct VerifyFinding {
  std::string path;     // relative to the data directory
  std::string kind;     // missing | corrupt | orphan | leftover
  std::string message;
  bool problem = true;  // leftovers of a killed run are not problems: tosdiff never reads them
  bool repaired = false;
};

struct VerifyReport {
  std::size_t documents = 0, files = 0;
  std::vector<VerifyFinding> findings;
  // Problems that are still there (not repaired).
  std::size_t open_problems() const;
};

VerifyReport verify_archive(const Archive& archive, bool repair);

}  // namespace tosdiff
