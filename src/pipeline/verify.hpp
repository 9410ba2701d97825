#pragma once
// `tosdiff verify`: checks the archive against its indexes — every file an index names is
// there and hashes to what it says, and nothing is there that no index names — and, with
// repair, mends what can be mended without ever deleting a good version:
//   - leftovers of a killed run (temp files, an interrupted transaction's garbage): deleted;
//   - orphaned snapshots and pending texts (named by no index, no run interrupted): deleted;
//   - versions missing from the index while their files exist (a gap, or a lost tail):
//     re-inserted from their change records (or their text alone);
//   - version or record files nothing vouches for: set aside in attic/, never deleted;
//   - a missing or corrupt index.json: rebuilt from the change records and version texts
//     (a damaged file is first copied to index.json.corrupt, and only replaced once the
//     copy is durable);
//   - a missing or corrupt change record: rebuilt from the two version texts it compares;
//   - a missing or corrupt pending text: the pending acceptance is dropped.
// Missing or corrupt version texts and snapshots cannot be rebuilt (the past cannot be
// fetched again): they are reported.
// The caller holds the ArchiveLock, so no writer is running and any temp file is a leftover.

#include <string>
#include <vector>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/classify/classify.hpp"

namespace tosdiff {

struct VerifyFinding {
  std::string path;     // relative to the data directory
  std::string kind;     // missing | corrupt | gap | orphan | leftover | unknown | unreadable | unsynced
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

// Records rebuilt by a repair are classified with `rules` (the user's, as check uses).
VerifyReport verify_archive(const Archive& archive, bool repair, const Rules& rules);

}  // namespace tosdiff
