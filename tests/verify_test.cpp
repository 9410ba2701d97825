#include "tosdiff/pipeline/verify.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/process.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/util/sha256.hpp"

namespace tosdiff {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// An archive of one document with `versions` versions, as check would leave it.
DocumentIndex make_document(const Archive& archive, int versions) {
  DocumentIndex index = archive.load("p", "d");
  for (int n = 1; n <= versions; ++n) {
    const std::string text = "# Terms\nVersion " + std::to_string(n) + " of the text.\n";
    VersionEntry v;
    v.number = static_cast<std::uint64_t>(n);
    v.captured_at = "2026-11-0" + std::to_string(n) + "T00:00:00Z";
    v.sha256 = sha256_hex(text);
    v.status = n == 1 ? Status::new_document : Status::changed;
    archive.put_version(index, v.number, text);
    ChangeRecord r;
    r.platform = "p";
    r.document = "d";
    r.status = v.status;
    r.checked_at = v.captured_at;
    r.current = version_ref(v);
    archive.put_record(index, v.number, record_to_json(r).dump(2) + "\n");
    index.versions.push_back(v);
  }
  archive.commit(index);
  return index;
}

TEST(Verify, ACleanArchiveHasNoFindings) {
  TempDir dir;
  Archive archive(dir.path());
  make_document(archive, 3);
  VerifyReport report = verify_archive(archive, false, builtin_rules());
  EXPECT_EQ(report.documents, 1u);
  EXPECT_TRUE(report.findings.empty());
}

TEST(Verify, ALostIndexIsRebuiltFromTheRecordsEvenWithAStaleMarker) {
  TempDir dir;
  Archive archive(dir.path());
  DocumentIndex index = make_document(archive, 3);
  archive.begin_transaction(index);  // a later run was killed...
  fs::remove(dir / "p/d/index.json");  // ...and the index was lost
  VerifyReport found = verify_archive(archive, false, builtin_rules());
  EXPECT_EQ(found.open_problems(), 1u);
  VerifyReport repaired = verify_archive(archive, true, builtin_rules());
  EXPECT_EQ(repaired.open_problems(), 0u);
  DocumentIndex rebuilt = archive.load("p", "d");
  ASSERT_EQ(rebuilt.versions.size(), 3u);  // never a good version deleted
  EXPECT_EQ(rebuilt.versions[2].sha256, index.versions[2].sha256);
  EXPECT_TRUE(fs::exists(dir / "p/d/versions/1.txt"));
}

TEST(Verify, ACorruptIndexIsSetAsideOnlyForAGoodOne) {
  TempDir dir;
  Archive archive(dir.path());
  make_document(archive, 2);
  testing::write_text_file(dir / "p/d/index.json", "{not json");
  // Nothing to rebuild from: the damaged index stays where it is, and so does everything.
  fs::rename(dir / "p/d/records", dir / "records-elsewhere");
  fs::rename(dir / "p/d/versions", dir / "versions-elsewhere");
  VerifyReport stuck = verify_archive(archive, true, builtin_rules());
  EXPECT_EQ(stuck.open_problems(), 1u);
  EXPECT_EQ(testing::read_text_file(dir / "p/d/index.json"), "{not json");
  // With the files back, the repair rebuilds the index and keeps the damaged one aside.
  fs::rename(dir / "records-elsewhere", dir / "p/d/records");
  fs::rename(dir / "versions-elsewhere", dir / "p/d/versions");
  VerifyReport repaired = verify_archive(archive, true, builtin_rules());
  EXPECT_EQ(repaired.open_problems(), 0u);
  EXPECT_EQ(archive.load("p", "d").versions.size(), 2u);
  EXPECT_EQ(testing::read_text_file(dir / "p/d/index.json.corrupt"), "{not json");
  EXPECT_TRUE(verify_archive(archive, false, builtin_rules()).findings.empty());
}

TEST(Verify, ACorruptVersionIsReportedNotDeleted) {
  TempDir dir;
  Archive archive(dir.path());
  make_document(archive, 2);
  testing::write_text_file(dir / "p/d/versions/1.txt", "tampered\n");
  VerifyReport report = verify_archive(archive, true, builtin_rules());
  ASSERT_EQ(report.open_problems(), 1u);
  EXPECT_EQ(report.findings[0].kind, "corrupt");
  EXPECT_TRUE(fs::exists(dir / "p/d/versions/1.txt"));
}

}  // namespace
}  // namespace tosdiff
