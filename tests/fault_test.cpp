// The fault matrix: one tosdiff run over documents served by a fault-injecting HTTP server
// on 127.0.0.1, each document hitting one fault. Every faulty document must end as an error
// of its precise kind, with no record and no version; the good documents of the same run
// must be checked normally; the run exits 3; the archive verifies.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "support/gzip.hpp"
#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"

namespace tosdiff::testing {
namespace {

std::string policy(const std::string& marker) {
  std::string page = fixture("detection/base.html");
  page.replace(page.find("Northwind Cloud Privacy Policy</h1>"), 35, marker + " Privacy Policy</h1>");
  return page;
}

HttpReply with_fault(HttpReply::Fault fault, std::string body) {
  HttpReply r = html(std::move(body));
  r.fault = fault;
  r.drip_interval = std::chrono::milliseconds(1000);
  return r;
}

HttpReply status_reply(int status, std::vector<std::pair<std::string, std::string>> headers = {}) {
  HttpReply r = html("<html><body><h1>Error " + std::to_string(status) + "</h1></body></html>", status);
  for (auto& h : headers) r.headers.push_back(std::move(h));
  return r;
}

struct Fault {
  std::string name;          // document id and path
  HttpReply reply;
  std::string expected_kind;  // "" = must succeed (status new)
};

class FaultMatrix : public ::testing::Test {
 protected:
  std::vector<Fault> faults() {
    std::vector<Fault> f;
    f.push_back({"ok-first", html(policy("First")), ""});
    f.push_back({"not-found", status_reply(404), "http_status"});
    f.push_back({"gone", status_reply(410), "http_status"});
    f.push_back({"server-error", status_reply(500), "http_status"});
    f.push_back({"unavailable-retry-after", status_reply(503, {{"Retry-After", "120"}}), "http_retry_after"});
    f.push_back({"reset-mid-body", with_fault(HttpReply::Fault::reset_mid_body, policy("Reset")), "connection_reset"});
    f.push_back({"never-answers", with_fault(HttpReply::Fault::hang, policy("Hang")), "timeout"});
    f.push_back({"slow-drip", with_fault(HttpReply::Fault::drip, policy("Drip")), "timeout"});
    f.push_back({"truncated", with_fault(HttpReply::Fault::truncate, policy("Truncated")), "truncated"});
    f.push_back({"redirect-loop", HttpReply{302, {{"Location", "/redirect-loop"}}, "loop"}, "redirect"});
    f.push_back({"redirect-to-file", HttpReply{302, {{"Location", "file:///etc/passwd"}}, "moved"}, "redirect"});
    f.push_back({"redirect-to-ftp", HttpReply{302, {{"Location", "ftp://127.0.0.1/terms"}}, "moved"}, "redirect"});
    HttpReply bomb = html(gzip_zeros(200u << 20));
    bomb.headers.push_back({"Content-Encoding", "gzip"});
    f.push_back({"gzip-bomb", bomb, "too_large"});
    HttpReply huge = html("<p>0123456789abcdef</p>\n");
    huge.repeat_to_size = 100ull << 20;
    f.push_back({"hundred-megabytes", huge, "too_large"});
    f.push_back({"empty-200", html(""), "empty"});
    f.push_back({"bot-challenge", html(fixture("detection/error-cloudflare.html"), 503), "blocked"});
    f.push_back({"soft-404", html(fixture("detection/error-soft-404.html")), "error_page"});
    f.push_back({"no-match", html("<html><body><div class=\"other\"><p>A short page about something else.</p></div></body></html>"),
                 "no_match"});
    f.push_back({"ok-last", html(policy("Last")), ""});
    return f;
  }

  void SetUp() override {
    json declaration;
    declaration["name"] = "Faulty";
    declaration["id"] = "faulty";
    for (Fault& fault : faults()) {
      server_.set("/" + fault.name, fault.reply);
      json entry = {{"fetch", server_.url("/" + fault.name)}};
      if (fault.name == "no-match") entry["select"] = "#policy";
      declaration["terms"][fault.name] = entry;
      expected_[fault.name] = fault.expected_kind;
    }
    declaration["terms"]["refused"] = {{"fetch", "http://127.0.0.1:" + std::to_string(unused_local_port()) + "/refused"}};
    expected_["refused"] = "connection_refused";
    write_text_file(dir_ / "catalog/faulty.json", declaration.dump(2));
  }

  // Every record the test made tosdiff archive must validate against the schema.
  void TearDown() override { expect_valid_archived_records(dir_ / "data"); }

  ProcessResult tosdiff(std::vector<std::string> args) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", dir_ / "data", "--catalog", dir_ / "catalog"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {"NO_COLOR=1"}, std::chrono::seconds(120));
  }

  TempDir dir_;
  HttpTestServer server_;
  std::map<std::string, std::string> expected_;
};

TEST_F(FaultMatrix, EveryFaultIsAPreciseErrorAndTheOthersAreChecked) {
  const auto started = std::chrono::steady_clock::now();
  ProcessResult r = tosdiff({"check", "--json", "--timeout", "2", "--max-size", "10485760"});
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_LT(seconds, 60) << "hangs and drips must be cut by the timeout";
  auto lines = json_lines(r.out);
  EXPECT_EQ(lines.size(), expected_.size());
  for (const auto& [name, kind] : expected_) {
    const json* record = find_document(lines, name);
    ASSERT_NE(record, nullptr) << name;
    if (kind.empty()) {
      EXPECT_EQ((*record)["status"], "new") << name << ": " << record->dump();
      continue;
    }
    EXPECT_EQ((*record)["status"], "error") << name << ": " << record->dump();
    EXPECT_EQ((*record)["error"]["kind"], kind) << name << ": " << record->dump();
    EXPECT_FALSE(record->contains("hunks")) << name;
    EXPECT_FALSE(std::filesystem::exists(dir_ / ("data/faulty/" + name + "/versions/1.txt"))) << name;
    EXPECT_FALSE(std::filesystem::exists(dir_ / ("data/faulty/" + name + "/records/1.json"))) << name;
  }
  // /etc/passwd never reached the archive.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_ / "data")) {
    if (entry.is_regular_file()) {
      EXPECT_EQ(read_text_file(entry.path()).find("root:x:0:0"), std::string::npos);
    }
  }
  ProcessResult verify = tosdiff({"verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
}

TEST_F(FaultMatrix, EncodingVariantsAreDecodedNotFailed) {
  // Not faults of the document: pages in other encodings are transcoded and tracked.
  json declaration;
  declaration["name"] = "Encodings";
  declaration["id"] = "encodings";
  auto add = [&](const std::string& name, HttpReply reply) {
    server_.set("/" + name, reply);
    declaration["terms"][name] = {{"fetch", server_.url("/" + name)}};
  };
  HttpReply cp1252;
  cp1252.headers = {{"Content-Type", "text/html"}};
  cp1252.body = "<html><body><h1>Terms</h1><p>We keep data for two years \x96 see \x93" "Retention\x94.</p></body></html>";
  add("windows-1252", cp1252);
  HttpReply conflict;
  conflict.headers = {{"Content-Type", "text/html; charset=windows-1252"}};
  conflict.body = "<html><head><meta charset=\"utf-8\"></head><body><h1>Terms</h1><p>The Caf\xe9 policy: the header's "
                  "charset wins over the meta tag, as in browsers.</p></body></html>";
  add("header-meta-conflict", conflict);
  HttpReply invalid;
  invalid.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  invalid.body = "<html><body><h1>Terms</h1><p>Broken \xff\xfe bytes are replaced by the replacement character, "
                 "not dropped.</p></body></html>";
  add("invalid-utf8", invalid);
  write_text_file(dir_ / "catalog/faulty.json", declaration.dump(2));
  ProcessResult r = tosdiff({"check", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(tosdiff({"show", "encodings/windows-1252"}).out.find("two years \u2013 see \u201cRetention\u201d"), std::string::npos);
  EXPECT_NE(tosdiff({"show", "encodings/header-meta-conflict"}).out.find("The Caf\u00e9 policy"), std::string::npos);
  EXPECT_NE(tosdiff({"show", "encodings/invalid-utf8"}).out.find("Broken \ufffd\ufffd bytes"), std::string::npos);
}

TEST(ArchiveFaults, AnUnusableDataDirIsAClearFatalError) {
  TempDir dir;
  write_text_file(dir / "not-a-directory", "a file");
  ProcessResult r = run_process({TOSDIFF_BINARY, "--data-dir", dir / "not-a-directory/data", "check", "ai21"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("not-a-directory"), std::string::npos) << r.err;
}

TEST(ArchiveFaults, ADiskThatFillsUpLeavesNothingHalfWritten) {
  TempDir dir;
  HttpTestServer server;
  server.set("/a", html(policy("Alpha")));
  server.set("/b", html(policy("Beta")));
  json declaration;
  declaration["name"] = "Disk";
  declaration["id"] = "disk";
  declaration["terms"]["A"] = {{"fetch", server.url("/a")}};
  declaration["terms"]["B"] = {{"fetch", server.url("/b")}};
  write_text_file(dir / "catalog/disk.json", declaration.dump());
  const std::string base = std::string(TOSDIFF_BINARY) + " --data-dir " + (dir / "data") + " --catalog " + (dir / "catalog");
  ASSERT_EQ(run_process({"/bin/sh", "-c", base + " check"}).exit_code, 0);
  server.set("/a", html(policy("Alpha changed")));
  server.set("/b", html(policy("Beta changed")));
  // A file size limit of one block: every archive write fails like a full disk would
  // (EFBIG; SIGXFSZ ignored so the write returns an error instead of killing the process).
  ProcessResult full = run_process({"/bin/sh", "-c", "trap '' XFSZ; ulimit -f 1; exec " + base + " check --json"});
  EXPECT_EQ(full.exit_code, 3) << full.out << full.err;
  for (const json& record : json_lines(full.out)) {
    EXPECT_EQ(record["status"], "error");
    EXPECT_EQ(record["error"]["kind"], "archive");
  }
  ProcessResult verify = run_process({"/bin/sh", "-c", base + " verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir / "data"))
    EXPECT_EQ(entry.path().filename().string().rfind(".tmp-", 0), std::string::npos) << entry.path();
  // With room again, the next check records both changes, once.
  auto lines = json_lines(run_process({"/bin/sh", "-c", base + " check --json"}).out);
  ASSERT_EQ(lines.size(), 2u);
  for (const json& record : lines) EXPECT_EQ(record["status"], "changed");
}

}  // namespace
}  // namespace tosdiff::testing
