#pragma once
// What the digest reads from the archive: the versions of a period with their records.

#include <chrono>
#include <string>
#include <vector>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/report/digest.hpp"

namespace tosdiff {

// Every version captured in [since, until] of the archived documents `names` selects
// ("PLATFORM" or "PLATFORM/DOCUMENT"; none = all), with its record. A document whose index
// cannot be read (damaged, or lost while its versions remain) is appended to `unreadable`;
// lesser problems (an unreadable record, whose index entry still says what happened; a name
// that matches nothing archived) to `warnings`.
std::vector<DigestEntry> archived_changes(const Archive& archive, std::chrono::system_clock::time_point since,
                                          std::chrono::system_clock::time_point until,
                                          const std::vector<std::string>& names, std::vector<std::string>& warnings,
                                          std::vector<std::string>& unreadable);

}  // namespace tosdiff
