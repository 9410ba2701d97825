#include "tosdiff/archive/archive.hpp"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "tosdiff/util/atomic_file.hpp"
#include "tosdiff/util/sha256.hpp"

namespace tosdiff {
namespace {

namespace fs = std::filesystem;

// A fresh directory under /tmp for one test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "tosdiff-archive-test-XXXXXX").string();
    char* made = ::mkdtemp(pattern.data());
    if (made == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<std::string> list_dir(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> list_tree(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    names.push_back(fs::relative(entry.path(), dir).string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string hex64(char c) { return std::string(64, c); }

// ---- sha256 ---------------------------------------------------------------------------------

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string s56 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  ASSERT_EQ(s56.size(), 56u);
  EXPECT_EQ(sha256_hex(s56), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopq"
                       "rsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, BlockBoundaries) {
  // Lengths around the padding boundaries (55, 56, 63, 64, 65 bytes) must all differ and
  // be 64 lowercase hex digits.
  std::vector<std::string> digests;
  for (std::size_t n : {0u, 1u, 55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 128u}) {
    std::string d = sha256_hex(std::string(n, 'x'));
    ASSERT_EQ(d.size(), 64u);
    for (char c : d) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    digests.push_back(d);
  }
  std::sort(digests.begin(), digests.end());
  EXPECT_EQ(std::unique(digests.begin(), digests.end()), digests.end());
  // 64 'a's: a published value.
  EXPECT_EQ(sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, BinaryInputWithNul) {
  EXPECT_NE(sha256_hex(std::string("a\0b", 3)), sha256_hex("ab"));
  EXPECT_NE(sha256_hex(std::string("a\0b", 3)), sha256_hex("a"));
}

// ---- write_file_atomically ---------------------------------------------------------------------

TEST(AtomicFile, WritesCreatesParentsAndLeavesNoTempFiles) {
  TempDir tmp;
  const fs::path file = tmp.path() / "a" / "b" / "c.txt";
  write_file_atomically(file, "hello");
  EXPECT_EQ(read_whole_file(file), "hello");
  EXPECT_EQ(list_dir(file.parent_path()), (std::vector<std::string>{"c.txt"}));
  const mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u & ~mask);
}

TEST(AtomicFile, ReplacesContent) {
  TempDir tmp;
  const fs::path file = tmp.path() / "x.json";
  write_file_atomically(file, std::string(10000, 'a'));
  write_file_atomically(file, "short");
  EXPECT_EQ(read_whole_file(file), "short");
  write_file_atomically(file, "");
  EXPECT_EQ(read_whole_file(file), "");
  EXPECT_EQ(list_dir(tmp.path()), (std::vector<std::string>{"x.json"}));
}

TEST(AtomicFile, BinaryContentKept) {
  TempDir tmp;
  const std::string bytes("\0\xFF\n\r\x01zz", 7);
  write_file_atomically(tmp.path() / "bin", bytes);
  EXPECT_EQ(read_whole_file(tmp.path() / "bin"), bytes);
}

TEST(AtomicFile, FailureThrowsArchiveErrorAndLeavesNoTempFile) {
  TempDir tmp;
  const fs::path dir = tmp.path() / "isdir";
  fs::create_directories(dir / "child");
  // Renaming a file over a non-empty directory fails.
  EXPECT_THROW(write_file_atomically(dir, "x"), ArchiveError);
  EXPECT_EQ(list_dir(tmp.path()), (std::vector<std::string>{"isdir"}));
}

TEST(AtomicFile, ReadingAMissingFileThrowsArchiveErrorNamingIt) {
  TempDir tmp;
  try {
    read_whole_file(tmp.path() / "missing.txt");
    FAIL() << "no exception";
  } catch (const ArchiveError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.txt"), std::string::npos) << e.what();
  }
}

// ---- index JSON ---------------------------------------------------------------------------------

DocumentIndex sample_index() {
  DocumentIndex index;
  index.platform = "ai21";
  index.document = "terms-of-use";
  VersionEntry v1;
  v1.number = 1;
  v1.captured_at = "2026-01-01T00:00:00Z";
  v1.sha256 = hex64('1');
  v1.snapshots = {hex64('a')};
  v1.status = Status::new_document;
  v1.summary = "first";
  VersionEntry v2;
  v2.number = 2;
  v2.captured_at = "2026-01-02T00:00:00Z";
  v2.sha256 = hex64('2');
  v2.snapshots = {hex64('b'), hex64('c')};
  v2.status = Status::changed;
  v2.significance = Significance::cosmetic;
  v2.cosmetic_kinds = {"date_format", "quotes"};
  v2.summary = "second";
  v2.reverts_to = "1";
  index.versions = {v1, v2};
  SnapshotMeta s;
  s.sha256 = hex64('b');
  s.url = "https://example.com/terms";
  s.final_url = "https://www.example.com/terms";
  s.status = 200;
  s.content_type = "text/html; charset=utf-8";
  s.etag = "\"abc\"";
  s.last_modified = "Wed, 01 Jan 2026 00:00:00 GMT";
  s.fetched_at = "2026-01-02T00:00:00Z";
  s.bytes = 12345;
  SnapshotMeta s2 = s;
  s2.sha256 = hex64('c');
  s2.etag.clear();
  s2.last_modified.clear();
  index.snapshots = {s, s2};
  index.latest_by_url = {{"https://example.com/terms", hex64('b')}, {"https://example.com/more", hex64('c')}};
  CheckEntry check;
  check.at = "2026-01-03T00:00:00Z";
  check.status = Status::error;
  check.error = Error{ErrorKind::network, "timed out"};
  check.snapshots = {hex64('d')};
  index.last_check = check;
  index.recent_errors = {check};
  return index;
}

void expect_indexes_equal(const DocumentIndex& a, const DocumentIndex& b) {
  EXPECT_EQ(a.platform, b.platform);
  EXPECT_EQ(a.document, b.document);
  ASSERT_EQ(a.versions.size(), b.versions.size());
  for (std::size_t i = 0; i < a.versions.size(); ++i) {
    const VersionEntry& x = a.versions[i];
    const VersionEntry& y = b.versions[i];
    EXPECT_EQ(x.number, y.number);
    EXPECT_EQ(x.captured_at, y.captured_at);
    EXPECT_EQ(x.sha256, y.sha256);
    EXPECT_EQ(x.snapshots, y.snapshots);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.significance, y.significance);
    EXPECT_EQ(x.cosmetic_kinds, y.cosmetic_kinds);
    EXPECT_EQ(x.summary, y.summary);
    EXPECT_EQ(x.reverts_to, y.reverts_to);
  }
  ASSERT_EQ(a.snapshots.size(), b.snapshots.size());
  for (std::size_t i = 0; i < a.snapshots.size(); ++i) {
    const SnapshotMeta& x = a.snapshots[i];
    const SnapshotMeta& y = b.snapshots[i];
    EXPECT_EQ(x.sha256, y.sha256);
    EXPECT_EQ(x.url, y.url);
    EXPECT_EQ(x.final_url, y.final_url);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.content_type, y.content_type);
    EXPECT_EQ(x.etag, y.etag);
    EXPECT_EQ(x.last_modified, y.last_modified);
    EXPECT_EQ(x.fetched_at, y.fetched_at);
    EXPECT_EQ(x.bytes, y.bytes);
  }
  EXPECT_EQ(a.latest_by_url, b.latest_by_url);
  ASSERT_EQ(a.last_check.has_value(), b.last_check.has_value());
  if (a.last_check) {
    EXPECT_EQ(a.last_check->at, b.last_check->at);
    EXPECT_EQ(a.last_check->status, b.last_check->status);
    ASSERT_EQ(a.last_check->error.has_value(), b.last_check->error.has_value());
    if (a.last_check->error) {
      EXPECT_EQ(a.last_check->error->kind, b.last_check->error->kind);
      EXPECT_EQ(a.last_check->error->message, b.last_check->error->message);
    }
    EXPECT_EQ(a.last_check->snapshots, b.last_check->snapshots);
  }
  ASSERT_EQ(a.recent_errors.size(), b.recent_errors.size());
  for (std::size_t i = 0; i < a.recent_errors.size(); ++i) {
    EXPECT_EQ(a.recent_errors[i].at, b.recent_errors[i].at);
    EXPECT_EQ(a.recent_errors[i].error.has_value(), b.recent_errors[i].error.has_value());
    if (a.recent_errors[i].error) {
      EXPECT_EQ(a.recent_errors[i].error->message, b.recent_errors[i].error->message);
    }
  }
}

TEST(IndexJson, RoundTrip) {
  const DocumentIndex index = sample_index();
  const std::string json = index_to_json(index);
  expect_indexes_equal(index, index_from_json(json));
  EXPECT_EQ(index_to_json(index_from_json(json)), json);  // stable
  EXPECT_EQ(json.back(), '\n');
}

TEST(IndexJson, PendingTextsRoundTripWithTheirReason) {
  // A text held as an error (its kind and message), a text the page showed before, back (the
  // version it returns to, no error), and the page in another language (its code, no error).
  for (const char* held : {"error", "returns_to", "language"}) {
    const bool returns = std::string(held) != "error";
    DocumentIndex index = sample_index();
    PendingText pending;
    pending.sha256 = std::string(64, 'c');
    pending.at = "2026-03-02T12:00:00Z";
    pending.first_at = "2026-03-02T00:00:00Z";
    pending.checks = 2;
    pending.snapshots = {std::string(64, 'd')};
    if (std::string(held) == "returns_to")
      pending.returns_to = "1";
    else if (std::string(held) == "language")
      pending.language = "es";
    else
      pending.reason = Error{ErrorKind::suspicious_shrink, "the text fell from 900 to 40 words"};
    index.pending = pending;
    const std::string json = index_to_json(index);
    const auto written = nlohmann::json::parse(json).at("pending");
    EXPECT_EQ(written.contains("error"), !returns) << json;
    EXPECT_TRUE(written.contains(held)) << json;
    const DocumentIndex back = index_from_json(json);
    ASSERT_TRUE(back.pending);
    EXPECT_EQ(back.pending->returns_to, pending.returns_to);
    EXPECT_EQ(back.pending->language, pending.language);
    EXPECT_EQ(back.pending->reason.kind, pending.reason.kind);
    EXPECT_EQ(back.pending->reason.message, pending.reason.message);
    EXPECT_EQ(back.pending->first_at, pending.first_at);
    EXPECT_EQ(back.pending->checks, 2u);
    EXPECT_EQ(back.pending->snapshots, pending.snapshots);
    EXPECT_EQ(index_to_json(back), json);
  }
}

TEST(IndexJson, EmptyIndexRoundTrip) {
  DocumentIndex index;
  index.platform = "p";
  index.document = "d";
  DocumentIndex back = index_from_json(index_to_json(index));
  expect_indexes_equal(index, back);
  EXPECT_FALSE(back.last_check);
}

TEST(IndexJson, KeyOrderIsFixed) {
  const auto j = nlohmann::ordered_json::parse(index_to_json(sample_index()));
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) {
    (void)value;
    keys.push_back(key);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"schema_version", "platform", "document", "versions", "snapshots",
                                            "latest_snapshot_by_url", "last_check", "recent_errors"}));
  EXPECT_EQ(j["schema_version"], 1);
}

TEST(IndexJson, InvalidUtf8IsReplacedNotThrown) {
  DocumentIndex index = sample_index();
  index.versions[0].summary = "caf\xE9";
  std::string json;
  ASSERT_NO_THROW(json = index_to_json(index));
  EXPECT_NO_THROW(index_from_json(json));
}

TEST(IndexJson, IndexAccessors) {
  const DocumentIndex index = sample_index();
  ASSERT_NE(index.current(), nullptr);
  EXPECT_EQ(index.current()->number, 2u);
  EXPECT_EQ(index.find_version("1")->number, 1u);
  EXPECT_EQ(index.find_version("3"), nullptr);
  EXPECT_EQ(index.find_snapshot(hex64('c'))->url, "https://example.com/terms");
  EXPECT_EQ(index.find_snapshot(hex64('f')), nullptr);
  EXPECT_EQ(index.latest_snapshot("https://example.com/terms")->sha256, hex64('b'));
  EXPECT_EQ(index.latest_snapshot("https://nowhere"), nullptr);
  DocumentIndex copy = index;
  copy.set_latest("https://example.com/terms", hex64('c'));
  copy.set_latest("https://example.com/new", hex64('b'));
  ASSERT_EQ(copy.latest_by_url.size(), 3u);
  EXPECT_EQ(copy.latest_by_url[0].second, hex64('c'));
  EXPECT_EQ(copy.latest_by_url[2].first, "https://example.com/new");
  EXPECT_EQ(DocumentIndex{}.current(), nullptr);
}

TEST(IndexJson, MalformedInputThrowsArchiveError) {
  const std::string good = index_to_json(sample_index());
  std::string bad_sha = good;
  const std::string sha_key = "\"sha256\": \"" + hex64('b');
  ASSERT_NE(bad_sha.find(sha_key), std::string::npos);
  bad_sha.replace(bad_sha.find(sha_key), sha_key.size(), "\"sha256\": \"../../etc/passwd");
  std::string bad_version = good;
  ASSERT_NE(bad_version.find("\"version\": \"1\""), std::string::npos);
  bad_version.replace(bad_version.find("\"version\": \"1\""), 14, "\"version\": \"one\"");
  for (const std::string& text :
       {std::string("{not json"), std::string(""), std::string("[]"), std::string("null"), std::string("42"),
        std::string(R"({"schema_version": 2, "platform": "p", "document": "d", "versions": [], "snapshots": []})"),
        std::string(R"({"schema_version": 1, "platform": "p", "document": "d"})"),
        std::string(R"({"schema_version": 1, "platform": 5, "document": "d", "versions": [], "snapshots": []})"),
        std::string(R"({"schema_version": 1, "platform": "p", "document": "d", "versions": [{}], "snapshots": []})"),
        bad_sha, bad_version}) {
    EXPECT_THROW(index_from_json(text), ArchiveError) << text.substr(0, 120);
  }
}

// ---- Archive ------------------------------------------------------------------------------------

TEST(Archive, LoadOfMissingDocumentIsEmpty) {
  TempDir tmp;
  Archive archive(tmp.path() / "data");
  DocumentIndex index = archive.load("ai21", "terms-of-use");
  EXPECT_EQ(index.platform, "ai21");
  EXPECT_EQ(index.document, "terms-of-use");
  EXPECT_TRUE(index.versions.empty());
  EXPECT_TRUE(index.snapshots.empty());
  EXPECT_EQ(index.current(), nullptr);
  EXPECT_FALSE(fs::exists(tmp.path() / "data")) << "loading must not create anything";
  EXPECT_TRUE(archive.documents().empty());
}

TEST(Archive, PutCommitLoad) {
  TempDir tmp;
  Archive archive(tmp.path());
  DocumentIndex index = archive.load("ai21", "terms-of-use");
  const std::string page = "<html><body>Terms</body></html>";
  const std::string sha = sha256_hex(page);
  archive.begin_transaction(index);  // as a first check does
  archive.put_snapshot(index, sha, page);
  archive.put_version(index, 1, "# Terms\n");
  archive.put_record(index, 1, "{\"status\":\"new\"}\n");

  // Nothing is visible until commit: a fresh load still sees no versions.
  EXPECT_TRUE(archive.load("ai21", "terms-of-use").versions.empty());
  EXPECT_TRUE(archive.documents().empty());

  VersionEntry v;
  v.number = 1;
  v.captured_at = "2026-01-01T00:00:00Z";
  v.sha256 = sha256_hex("# Terms\n");
  v.snapshots = {sha};
  v.status = Status::new_document;
  index.versions.push_back(v);
  SnapshotMeta meta;
  meta.sha256 = sha;
  meta.url = "https://example.com/terms";
  meta.bytes = page.size();
  index.snapshots.push_back(meta);
  index.set_latest(meta.url, sha);
  archive.commit(index);
  archive.end_transaction(index);

  DocumentIndex loaded = archive.load("ai21", "terms-of-use");
  expect_indexes_equal(index, loaded);
  ASSERT_NE(loaded.current(), nullptr);
  EXPECT_EQ(archive.read_version(loaded, *loaded.current()), "# Terms\n");
  EXPECT_EQ(archive.read_record(loaded, *loaded.current()), "{\"status\":\"new\"}\n");
  EXPECT_EQ(archive.read_snapshot(loaded, sha), page);
  EXPECT_EQ(archive.read_snapshot(loaded, hex64('0')), std::nullopt);
  EXPECT_EQ(archive.documents(), (std::vector<std::pair<std::string, std::string>>{{"ai21", "terms-of-use"}}));

  EXPECT_EQ(list_tree(tmp.path()),
            (std::vector<std::string>{"ai21", "ai21/terms-of-use", "ai21/terms-of-use/index.json",
                                      "ai21/terms-of-use/records", "ai21/terms-of-use/records/1.json",
                                      "ai21/terms-of-use/snapshots",
                                      "ai21/terms-of-use/snapshots/" + sha + ".html",
                                      "ai21/terms-of-use/versions", "ai21/terms-of-use/versions/1.txt"}));
}

TEST(Archive, PathsFollowTheLayout) {
  TempDir tmp;
  Archive archive(tmp.path());
  DocumentIndex index;
  index.platform = "p";
  index.document = "d";
  EXPECT_EQ(archive.document_dir("p", "d"), tmp.path() / "p" / "d");
  EXPECT_EQ(archive.version_path(index, 7), tmp.path() / "p" / "d" / "versions" / "7.txt");
  EXPECT_EQ(archive.record_path(index, 7), tmp.path() / "p" / "d" / "records" / "7.json");
  EXPECT_EQ(archive.snapshot_path(index, hex64('a')), tmp.path() / "p" / "d" / "snapshots" / (hex64('a') + ".html"));
}

TEST(Archive, DocumentsAreSortedAndIgnoreStrayEntries) {
  TempDir tmp;
  Archive archive(tmp.path());
  for (const auto& [p, d] : std::vector<std::pair<std::string, std::string>>{{"zeta", "b"}, {"alpha", "z"}, {"alpha", "a"}}) {
    DocumentIndex index;
    index.platform = p;
    index.document = d;
    archive.commit(index);
  }
  fs::create_directories(tmp.path() / "alpha" / "no-index");
  fs::create_directories(tmp.path() / "Bad_Name" / "x");
  write_file_atomically(tmp.path() / "Bad_Name" / "x" / "index.json", "{}");
  write_file_atomically(tmp.path() / "stray.txt", "x");
  EXPECT_EQ(archive.documents(),
            (std::vector<std::pair<std::string, std::string>>{{"alpha", "a"}, {"alpha", "z"}, {"zeta", "b"}}));
}

TEST(Archive, MalformedIndexThrowsArchiveError) {
  TempDir tmp;
  Archive archive(tmp.path());
  write_file_atomically(tmp.path() / "p" / "d" / "index.json", "{\"schema_version\": 1, \"platform\": ");
  try {
    archive.load("p", "d");
    FAIL() << "no exception";
  } catch (const ArchiveError& e) {
    EXPECT_NE(std::string(e.what()).find("index.json"), std::string::npos) << e.what();
  }
}

TEST(Archive, IndexNamingAnotherDocumentThrows) {
  TempDir tmp;
  Archive archive(tmp.path());
  DocumentIndex other;
  other.platform = "other";
  other.document = "doc";
  write_file_atomically(tmp.path() / "p" / "d" / "index.json", index_to_json(other));
  EXPECT_THROW(archive.load("p", "d"), ArchiveError);
}

TEST(Archive, UnreadableIndexThrowsArchiveError) {
  TempDir tmp;
  Archive archive(tmp.path());
  fs::create_directories(tmp.path() / "p" / "d" / "index.json");  // a directory, not a file
  EXPECT_THROW(archive.load("p", "d"), ArchiveError);
}

TEST(Archive, GarbageIsWhatTheIndexDoesNotName) {
  TempDir tmp;
  Archive archive(tmp.path());
  DocumentIndex index = archive.load("p", "d");
  const std::string keep = sha256_hex("keep"), drop = sha256_hex("drop");
  archive.put_snapshot(index, keep, "keep");
  archive.put_snapshot(index, drop, "drop");
  archive.put_version(index, 1, "one\n");
  archive.put_version(index, 2, "two, never committed\n");
  const fs::path dir = tmp.path() / "p" / "d";
  write_file_atomically(dir / "snapshots" / "notes.txt", "not a snapshot");
  SnapshotMeta meta;
  meta.sha256 = keep;
  index.snapshots.push_back(meta);
  VersionEntry v1;
  v1.number = 1;
  index.versions.push_back(v1);
  archive.put_record(index, 1, "{}\n");
  archive.commit(index);

  std::vector<std::string> unreferenced = {"snapshots/" + drop + ".html", "snapshots/notes.txt", "versions/2.txt"};
  EXPECT_EQ(archive.unreferenced_files(index), unreferenced);
  // A file tosdiff did not write is never its garbage.
  std::vector<std::string> garbage = {"snapshots/" + drop + ".html", "versions/2.txt"};
  EXPECT_EQ(archive.garbage_files(index), garbage);
  EXPECT_FALSE(archive.interrupted(index));
  archive.begin_transaction(index);
  EXPECT_TRUE(archive.interrupted(index));
  archive.recover(index);  // what the next check does after a killed run
  EXPECT_FALSE(archive.interrupted(index));
  EXPECT_EQ(archive.unreferenced_files(index), std::vector<std::string>{"snapshots/notes.txt"});
  EXPECT_EQ(list_dir(dir / "snapshots"), (std::vector<std::string>{keep + ".html", "notes.txt"}));
  EXPECT_TRUE(fs::exists(dir / "versions" / "1.txt"));
  EXPECT_TRUE(fs::exists(dir / "records" / "1.json"));
  EXPECT_TRUE(archive.collect_garbage(index).empty());
}

TEST(Archive, RecoverWithoutAnInterruptedRunDeletesNothing) {
  TempDir tmp;
  Archive archive(tmp.path());
  DocumentIndex index = archive.load("p", "d");
  archive.put_version(index, 7, "stray\n");
  archive.commit(index);
  archive.recover(index);
  EXPECT_TRUE(fs::exists(tmp.path() / "p" / "d" / "versions" / "7.txt"));  // an orphan, for verify
}

TEST(Archive, PutSnapshotIsContentAddressedAndIdempotent) {
  TempDir tmp;
  Archive archive(tmp.path());
  DocumentIndex index = archive.load("p", "d");
  const std::string sha = sha256_hex("page");
  archive.put_snapshot(index, sha, "page");
  archive.put_snapshot(index, sha, "page");
  EXPECT_EQ(read_whole_file(archive.snapshot_path(index, sha)), "page");
  EXPECT_EQ(list_dir(tmp.path() / "p" / "d" / "snapshots"), (std::vector<std::string>{sha + ".html"}));
}

TEST(Archive, InvalidIdsThrowAndCreateNothingOutsideTheRoot) {
  TempDir tmp;
  const fs::path root = tmp.path() / "data";
  fs::create_directories(root);
  Archive archive(root);
  const std::vector<std::string> bad = {"../x", "..", ".", "a/b", "", "/abs", "A", "a_b", "-a", "a-", "a b",
                                        std::string(65, 'a'), std::string("a\0b", 3), "a\\b"};
  for (const std::string& id : bad) {
    SCOPED_TRACE("id '" + id + "'");
    EXPECT_THROW(archive.load(id, "doc"), ArchiveError);
    EXPECT_THROW(archive.load("p", id), ArchiveError);
    DocumentIndex index;
    index.platform = id;
    index.document = "doc";
    EXPECT_THROW(archive.commit(index), ArchiveError);
    EXPECT_THROW(archive.put_version(index, 1, "x"), ArchiveError);
    EXPECT_THROW(archive.put_record(index, 1, "x"), ArchiveError);
    EXPECT_THROW(archive.put_snapshot(index, sha256_hex("x"), "x"), ArchiveError);
    index.platform = "p";
    index.document = id;
    EXPECT_THROW(archive.commit(index), ArchiveError);
    EXPECT_THROW(archive.put_version(index, 1, "x"), ArchiveError);
    EXPECT_THROW(archive.document_dir("p", id), ArchiveError);
  }
  EXPECT_EQ(list_dir(tmp.path()), (std::vector<std::string>{"data"}));
  EXPECT_TRUE(list_tree(root).empty());
}

TEST(Archive, ValidIdsAccepted) {
  TempDir tmp;
  Archive archive(tmp.path());
  for (const std::string& id : {std::string("a"), std::string("ai21"), std::string("terms-of-use"),
                                std::string(64, 'z'), std::string("0-9")}) {
    EXPECT_NO_THROW(archive.document_dir(id, id)) << id;
  }
}

TEST(Archive, InvalidSnapshotNamesThrow) {
  TempDir tmp;
  const fs::path root = tmp.path() / "data";
  Archive archive(root);
  DocumentIndex index = archive.load("p", "d");
  for (const std::string& sha : {std::string("../../../evil"), std::string(""), hex64('A'), hex64('g'),
                                 std::string(63, 'a'), std::string(65, 'a'), "../" + std::string(61, 'a')}) {
    EXPECT_THROW(archive.put_snapshot(index, sha, "x"), ArchiveError) << sha;
    EXPECT_THROW(archive.snapshot_path(index, sha), ArchiveError) << sha;
    EXPECT_THROW(archive.read_snapshot(index, sha), ArchiveError) << sha;
  }
  EXPECT_EQ(list_dir(tmp.path()), std::vector<std::string>{});
}

// ---- ArchiveLock --------------------------------------------------------------------------------

// A child process that takes the lock, tells the parent through a pipe, then waits for the
// parent to close the other pipe (or to kill it).
class LockingChild {
 public:
  explicit LockingChild(const fs::path& root) {
    int ready[2], release[2];
    if (::pipe(ready) != 0 || ::pipe(release) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork");
    if (pid_ == 0) {
      ::close(ready[0]);
      ::close(release[1]);
      char status = 'x';
      try {
        ArchiveLock lock(root, 1.0);
        status = 'L';
        (void)!::write(ready[1], &status, 1);
        char c;
        (void)!::read(release[0], &c, 1);  // returns at EOF: the parent closed or died
      } catch (...) {
        (void)!::write(ready[1], &status, 1);
      }
      ::_exit(0);
    }
    ::close(ready[1]);
    ::close(release[0]);
    release_fd_ = release[1];
    char status = 0;
    ssize_t n = ::read(ready[0], &status, 1);
    ::close(ready[0]);
    locked_ = n == 1 && status == 'L';
  }
  ~LockingChild() {
    if (release_fd_ >= 0) ::close(release_fd_);
    if (pid_ > 0) reap();
  }
  LockingChild(const LockingChild&) = delete;
  LockingChild& operator=(const LockingChild&) = delete;

  pid_t pid() const { return pid_; }
  bool locked() const { return locked_; }
  void kill_now() {
    ::kill(pid_, SIGKILL);
    reap();
  }
  void release_and_exit() {
    ::close(release_fd_);
    release_fd_ = -1;
    reap();
  }

 private:
  void reap() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  pid_t pid_ = -1;
  int release_fd_ = -1;
  bool locked_ = false;
};

TEST(ArchiveLock, FreeLockIsTakenAtOnce) {
  TempDir tmp;
  const fs::path root = tmp.path() / "data";
  const auto start = std::chrono::steady_clock::now();
  {
    ArchiveLock lock(root, 0.0);
    EXPECT_TRUE(fs::exists(root / ".lock"));
    std::string pid = read_whole_file(root / ".lock");
    EXPECT_EQ(pid, std::to_string(::getpid()) + "\n");
  }
  { ArchiveLock again(root, 0.0); }  // released by the destructor
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 1.0);
}

TEST(ArchiveLock, SecondLockInAnotherProcessTimesOutNamingThePid) {
  TempDir tmp;
  const fs::path root = tmp.path() / "data";
  LockingChild child(root);
  ASSERT_TRUE(child.locked());
  const auto start = std::chrono::steady_clock::now();
  try {
    ArchiveLock lock(root, 0.3);
    FAIL() << "got a lock another process holds";
  } catch (const ArchiveError& e) {
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(waited, 0.25);
    EXPECT_LT(waited, 3.0);
    EXPECT_NE(std::string(e.what()).find("pid " + std::to_string(child.pid())), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(root.string()), std::string::npos) << e.what();
  }
  child.release_and_exit();
  EXPECT_NO_THROW((ArchiveLock{root, 0.0}));
}

TEST(ArchiveLock, LockOfAKilledProcessIsImmediatelyAvailable) {
  TempDir tmp;
  const fs::path root = tmp.path() / "data";
  LockingChild child(root);
  ASSERT_TRUE(child.locked());
  child.kill_now();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_NO_THROW((ArchiveLock{root, 0.0}));
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 0.5);
}

TEST(ArchiveLock, LockOfAProcessThatExitedWithoutCleanupIsAvailable) {
  TempDir tmp;
  const fs::path root = tmp.path() / "data";
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    try {
      new ArchiveLock(root, 1.0);  // leaked on purpose: no destructor runs
    } catch (...) {
      ::_exit(1);
    }
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NO_THROW((ArchiveLock{root, 0.0}));
  EXPECT_EQ(read_whole_file(root / ".lock"), std::to_string(::getpid()) + "\n");
}

}  // namespace
}  // namespace tosdiff
