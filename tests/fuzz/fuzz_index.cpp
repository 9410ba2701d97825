// Fuzzes the reader of index.json (index_from_json) on arbitrary bytes: what a damaged disk,
// a half-written file from another tool or a hand edit can leave.
//
// Input: the file's bytes.
// Invariants:
//   - index_from_json never crashes and throws nothing but ArchiveError (its message starts
//     with "malformed index" or names the schema), whatever the bytes;
//   - a parsed index is one the archive can use: version numbers >= 1 and strictly
//     increasing, every sha256 it names (versions, snapshots, pending) 64 lowercase hex
//     digits (they become file names);
//   - it re-serializes without throwing, and the serialized form re-parses to the same
//     index: index_to_json(index_from_json(index_to_json(i))) == index_to_json(i).

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "tosdiff/archive/archive.hpp"

namespace {

bool is_sha(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tosdiff;
  using namespace tosdiff::fuzz;
  if (size > 256 * 1024) return 0;
  return run_guarded([&] {
    DocumentIndex index;
    try {
      index = index_from_json(as_view(data, size));
    } catch (const ArchiveError& e) {
      FUZZ_CHECK(std::string(e.what()).rfind("malformed index", 0) == 0, std::string("message: ") + e.what());
      return;
    }
    std::uint64_t previous = 0;
    for (const VersionEntry& v : index.versions) {
      FUZZ_CHECK(v.number >= 1 && v.number > previous, "version " + v.id() + " after " + std::to_string(previous));
      FUZZ_CHECK(is_sha(v.sha256), "version sha256 '" + excerpt(v.sha256) + "'");
      previous = v.number;
    }
    for (const SnapshotMeta& s : index.snapshots) FUZZ_CHECK(is_sha(s.sha256), "snapshot '" + excerpt(s.sha256) + "'");
    if (index.pending) FUZZ_CHECK(is_sha(index.pending->sha256), "pending '" + excerpt(index.pending->sha256) + "'");

    const std::string once = index_to_json(index);
    DocumentIndex again;
    try {
      again = index_from_json(once);
    } catch (const ArchiveError& e) {
      FUZZ_CHECK(false, std::string("a written index does not read back: ") + e.what() + "\n" + excerpt(once, 400));
    }
    const std::string twice = index_to_json(again);
    FUZZ_CHECK(once == twice, "the index does not read back to the same:\n" + excerpt(once, 400) + "\n---\n" +
                                  excerpt(twice, 400));
  });
}
