// The whole check, in-process: check_documents() driven by a fake fetcher and a fixed clock
// on an archive in a temp directory, no sockets. Each test looks at both sides of a check:
// the records reported, and what the archive holds afterwards (index, versions, records,
// snapshots, pending texts). Every record reported, and every records/<n>.json written, is
// validated against docs/change-record.schema.json.

#include "tosdiff/pipeline/run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/fake_fetcher.hpp"
#include "support/process.hpp"
#include "support/record_schema.hpp"
#include "tosdiff/pipeline/document_check.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/record_text.hpp"
#include "tosdiff/util/sha256.hpp"

namespace tosdiff {
namespace {

namespace fs = std::filesystem;
using testing::FakeFetcher;
using testing::FakePage;
using testing::FakeStop;
using testing::TempDir;

std::chrono::system_clock::time_point at(const std::string& utc) {
  std::chrono::system_clock::time_point t;
  if (!parse_utc(utc, t)) throw std::runtime_error("bad time " + utc);
  return t;
}

// ---- pages ------------------------------------------------------------------------------

// A terms page of about 150 words (enough for the shrink check, which needs 100), with the
// parts the tests vary.
struct Terms {
  std::string updated = "March 3, 2026";
  std::string privacy =
      "We do not sell your personal information to anyone, and we share it only with processors bound by "
      "contract to protect it.";
  std::string extra;  // an added section, raw HTML
};

std::string terms_html(const Terms& t = {}) {
  return "<!doctype html><html><head><title>Example Terms of Service</title></head><body>"
         "<nav><a href=\"/\">Home</a></nav><main><h1>Example Terms of Service</h1>"
         "<p>Last updated: " + t.updated + "</p>"
         "<h2>1. Your account</h2><p>You must be at least 16 years old to create an account. You are responsible "
         "for keeping your password secret and for everything done with your account.</p>"
         "<h2>2. Your content</h2><p>You keep every right you hold in the content you upload. You grant us a "
         "licence to host and display it only to provide the service to you.</p>"
         "<h2>3. Privacy</h2><p>" + t.privacy + "</p>"
         "<h2>4. Payments</h2><p>Paid plans renew every month until you cancel them. We will tell you thirty "
         "days in advance before any price increase takes effect.</p>"
         "<h2>5. Termination</h2><p>You may close your account at any time. We may suspend accounts that break "
         "these terms, after telling you why and giving you a chance to respond.</p>" +
         t.extra + "</main></body></html>";
}

// The same document with a substantive change: the no-sale promise withdrawn.
std::string sold_terms_html() {
  Terms t;
  t.privacy = "We may sell your personal information to advertising partners, and we share it with processors "
              "bound by contract to protect it.";
  return terms_html(t);
}

// A soft 404: an error page served with 200.
const char* kNotFoundPage =
    "<!doctype html><html><head><title>Page not found | Example</title></head><body><main>"
    "<h1>Page not found</h1><p>Sorry, the page you are looking for does not exist. Go back to the home page "
    "and try again.</p></main></body></html>";

// A real-looking page that says far less than the terms: a collapse to hold back.
const char* kShrunkPage =
    "<!doctype html><html><head><title>Example Terms of Service</title></head><body><main>"
    "<h1>Example Terms of Service</h1><p>These terms are being revised. Please check back soon for the full "
    "text of our terms.</p></main></body></html>";

// ---- the archive as files ---------------------------------------------------------------

// Every file under `root` (the lock file aside) with its content: the archive as a value, to
// compare before and after a check.
std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!fs::exists(root, ec)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().filename() == ".lock") continue;
    out[fs::relative(entry.path(), root).string()] = testing::read_text_file(entry.path().string());
  }
  return out;
}

std::set<std::string> names(const std::map<std::string, std::string>& files) {
  std::set<std::string> out;
  for (const auto& [name, content] : files) out.insert(name);
  return out;
}

// ---- the fixture ------------------------------------------------------------------------

class Pipeline : public ::testing::Test {
 protected:
  Pipeline() : data_(fs::path(dir_.path()) / "data"), archive_(data_), lock_(data_, 0) {}

  static DocumentSpec spec(const std::string& platform, const std::string& url,
                           const std::string& document = "terms-of-service") {
    DocumentSpec d;
    d.platform_id = platform;
    d.platform_name = "Example " + platform;
    d.document_id = document;
    d.terms_type = "Terms of Service";
    SourceSpec source;
    source.url = url;
    d.sources.push_back(source);
    return d;
  }

  // One run over `documents`: the records reported, each checked against the schema, and
  // every record file of the archive checked too.
  std::vector<ChangeRecord> check(const std::vector<DocumentSpec>& documents, const std::atomic<bool>* stop = nullptr,
                                  double budget_seconds = 60) {
    std::vector<ChangeRecord> reported;
    summary_ = check_documents(documents, archive_, fetcher_, clock_,
                               [&](const ChangeRecord& r) { reported.push_back(r); }, 10u << 20, nullptr, stop,
                               budget_seconds);
    EXPECT_EQ(summary_.checked, reported.size());
    for (const ChangeRecord& r : reported) expect_consistent(r);
    testing::expect_valid_archived_records(data_.string());
    return reported;
  }

  ChangeRecord check_one(const DocumentSpec& document, const std::atomic<bool>* stop = nullptr,
                         double budget_seconds = 60) {
    std::vector<ChangeRecord> reported = check({document}, stop, budget_seconds);
    EXPECT_EQ(reported.size(), 1u);
    return reported.empty() ? ChangeRecord{} : reported.front();
  }

  // A text the page showed before, back: held on its first check (the current version stays),
  // taken on the next one, kReturnAdoptAfter later, and dated then (a digest of that day lists
  // it); its record's rules are timed from its first sight.
  ChangeRecord check_return(const DocumentSpec& document) {
    const ChangeRecord held = check_one(document);
    EXPECT_EQ(held.status, Status::unchanged);
    EXPECT_FALSE(held.held_return.empty());
    clock_.advance(kReturnAdoptAfter);
    ChangeRecord taken = check_one(document);
    EXPECT_EQ(taken.status, Status::changed);
    EXPECT_EQ(taken.reverts_to, held.held_return);
    if (taken.current) {
      EXPECT_EQ(taken.current->captured_at, taken.checked_at);
    }
    return taken;
  }

  // Text A, text B, then A again at `url`, each check `apart` after the one before (A back
  // taken on its second check).
  std::vector<ChangeRecord> check_a_b_a(const std::string& url, std::chrono::hours apart) {
    const DocumentSpec doc = spec("example", url);
    const std::string a = terms_html(), b = sold_terms_html();
    std::vector<ChangeRecord> records;
    for (const std::string* page : {&a, &b, &a}) {
      fetcher_.set_html(url, *page);
      records.push_back(records.size() == 2 ? check_return(doc) : check_one(doc));
      clock_.advance(apart);
    }
    return records;
  }

  // A page serving editions A and B by turns (two flips back: flapping twice), then a third
  // edition C `before_c` after the last check, then B again, at `url`. Checks 48 hours apart
  // otherwise.
  std::vector<ChangeRecord> check_three_editions(const std::string& url, std::chrono::hours before_c) {
    const DocumentSpec doc = spec("example", url);
    Terms edition_c;
    edition_c.privacy = "We share your personal information with our affiliates and with processors bound by contract.";
    const std::string a = terms_html(), b = sold_terms_html(), c = terms_html(edition_c);
    std::vector<ChangeRecord> records;
    for (const std::string* page : {&a, &b, &a, &b, &a, &c, &b}) {
      if (page == &c) clock_.advance(before_c);
      fetcher_.set_html(url, *page);
      const bool back = records.size() >= 2 && page != &c;  // a text seen before
      records.push_back(back ? check_return(doc) : check_one(doc));
      clock_.advance(std::chrono::hours(48));
    }
    return records;
  }

  ChangeRecord accept(const DocumentSpec& document) {
    ChangeRecord r = accept_pending(document, archive_, clock_);
    expect_consistent(r);
    testing::expect_valid_archived_records(data_.string());
    return r;
  }

  // A reported record validates, and one that made a version is the file the archive holds.
  void expect_consistent(const ChangeRecord& r) {
    const nlohmann::ordered_json json = record_to_json(r);
    testing::expect_valid_record(json, "reported for " + r.key());
    if (r.status != Status::new_document && r.status != Status::changed) return;
    ASSERT_TRUE(r.current);
    const fs::path file = archive_.document_dir(r.platform, r.document) / "records" / (r.current->version + ".json");
    ASSERT_TRUE(fs::exists(file)) << file;
    EXPECT_EQ(testing::read_text_file(file.string()),
              json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  }

  DocumentIndex index(const DocumentSpec& d) const { return archive_.load(d.platform_id, d.document_id); }
  fs::path doc_dir(const DocumentSpec& d) const { return archive_.document_dir(d.platform_id, d.document_id); }
  std::string version_text(const DocumentSpec& d, int n) const {
    return testing::read_text_file((doc_dir(d) / "versions" / (std::to_string(n) + ".txt")).string());
  }

  TempDir dir_;
  fs::path data_;
  Archive archive_;
  ArchiveLock lock_;  // as the commands hold it
  FakeFetcher fetcher_;
  FixedClock clock_{at("2026-11-29T12:00:00Z")};
  CheckSummary summary_;
};

const char* kUrl = "https://example.com/terms";

// ---- new, unchanged, changed ------------------------------------------------------------

TEST_F(Pipeline, ANewDocumentBecomesVersionOne) {
  const DocumentSpec doc = spec("example", kUrl);
  const std::string page = terms_html();
  fetcher_.set_html(kUrl, page);
  const ChangeRecord r = check_one(doc);

  EXPECT_EQ(r.status, Status::new_document);
  EXPECT_EQ(r.key(), "example/terms-of-service");
  EXPECT_EQ(r.title, "Example example \u2014 Terms of Service");
  EXPECT_EQ(r.urls, std::vector<std::string>{kUrl});
  ASSERT_TRUE(r.current);
  EXPECT_EQ(r.current->version, "1");
  EXPECT_EQ(r.current->snapshot_sha256, sha256_hex(page));
  EXPECT_GT(r.words, 100u);
  EXPECT_EQ(r.severity, Severity::info);
  EXPECT_FALSE(r.previous);
  EXPECT_EQ(summary_.created, 1u);

  const DocumentIndex idx = index(doc);
  ASSERT_EQ(idx.versions.size(), 1u);
  EXPECT_EQ(idx.versions[0].status, Status::new_document);
  EXPECT_EQ(idx.versions[0].sha256, r.current->sha256);
  EXPECT_EQ(idx.versions[0].snapshots, std::vector<std::string>{sha256_hex(page)});
  ASSERT_TRUE(idx.last_check);
  EXPECT_EQ(idx.last_check->status, Status::new_document);
  EXPECT_TRUE(idx.recent_errors.empty());
  EXPECT_FALSE(idx.pending);
  // The text, the page and the record, and nothing else.
  const std::string text = version_text(doc, 1);
  EXPECT_EQ(sha256_hex(text), r.current->sha256);
  EXPECT_NE(text.find("We do not sell your personal information"), std::string::npos);
  EXPECT_EQ(names(tree(doc_dir(doc))),
            (std::set<std::string>{"index.json", "records/1.json", "versions/1.txt",
                                   "snapshots/" + sha256_hex(page) + ".html"}));
  EXPECT_EQ(testing::read_text_file((doc_dir(doc) / "snapshots" / (sha256_hex(page) + ".html")).string()), page);
  EXPECT_EQ(fetcher_.requests().size(), 1u);
  EXPECT_TRUE(fetcher_.requests()[0].etag.empty());
}

TEST_F(Pipeline, TheSamePageAgainIsUnchangedAndWritesNoFile) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  const ChangeRecord first = check_one(doc);
  const auto before = tree(data_);
  clock_.advance(std::chrono::hours(1));

  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::unchanged);
  ASSERT_TRUE(r.current);
  EXPECT_EQ(r.current->version, "1");
  EXPECT_EQ(r.current->sha256, first.current->sha256);
  EXPECT_FALSE(r.change);
  EXPECT_EQ(summary_.unchanged, 1u);

  const auto after = tree(data_);
  EXPECT_EQ(names(after), names(before));  // no new file
  for (const auto& [name, content] : before) {
    if (name.find("index.json") != std::string::npos) continue;  // it says when it was last checked
    EXPECT_EQ(after.at(name), content) << name;
  }
  const DocumentIndex idx = index(doc);
  EXPECT_EQ(idx.versions.size(), 1u);
  ASSERT_TRUE(idx.last_check);
  EXPECT_EQ(idx.last_check->status, Status::unchanged);
  EXPECT_EQ(idx.last_check->at, "2026-11-29T13:00:00Z");
}

TEST_F(Pipeline, ASubstantiveChangeBecomesVersionTwoClassified) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  const ChangeRecord first = check_one(doc);
  fetcher_.set_html(kUrl, sold_terms_html());
  clock_.advance(std::chrono::hours(24));

  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::changed);
  EXPECT_EQ(r.significance, Significance::substantive);
  EXPECT_TRUE(is_substantive_change(r));
  ASSERT_TRUE(r.change);
  ASSERT_EQ(r.change->hunks.size(), 1u);
  const Hunk& h = r.change->hunks[0];
  EXPECT_FALSE(h.cosmetic);
  EXPECT_EQ(h.section, (std::vector<std::string>{"Example Terms of Service", "3. Privacy"}));
  ASSERT_EQ(h.lines.size(), 2u);
  EXPECT_EQ(h.lines[0].op, '-');
  EXPECT_NE(h.lines[0].text.find("We do not sell"), std::string::npos);
  EXPECT_EQ(h.lines[1].op, '+');
  EXPECT_NE(h.lines[1].text.find("We may sell"), std::string::npos);
  ASSERT_TRUE(r.previous && r.current);
  EXPECT_EQ(r.previous->version, "1");
  EXPECT_EQ(r.previous->sha256, first.current->sha256);
  EXPECT_EQ(r.current->version, "2");
  EXPECT_TRUE(r.reverts_to.empty());
  // Classified: a sale of personal data, a no-sale promise withdrawn.
  EXPECT_GT(r.severity, Severity::info);
  EXPECT_EQ(r.section, (std::vector<std::string>{"Example Terms of Service", "3. Privacy"}));
  std::vector<std::string> topics;
  for (const auto& t : r.topics) topics.push_back(t.id);
  EXPECT_NE(std::find(topics.begin(), topics.end(), "data_sale_sharing"), topics.end())
      << ::testing::PrintToString(topics);
  std::vector<std::string> flags;
  for (const auto& f : r.flags) flags.push_back(f.id);
  EXPECT_NE(std::find(flags.begin(), flags.end(), "no_sale"), flags.end()) << ::testing::PrintToString(flags);
  EXPECT_FALSE(r.regulations.empty());
  EXPECT_EQ(summary_.substantive, 1u);

  const DocumentIndex idx = index(doc);
  ASSERT_EQ(idx.versions.size(), 2u);
  EXPECT_EQ(idx.versions[1].status, Status::changed);
  EXPECT_EQ(idx.versions[1].significance, Significance::substantive);
  EXPECT_EQ(idx.versions[1].sha256, r.current->sha256);
  EXPECT_EQ(idx.versions[1].summary, summarize(r));
  EXPECT_EQ(sha256_hex(version_text(doc, 2)), r.current->sha256);
  EXPECT_EQ(sha256_hex(version_text(doc, 1)), first.current->sha256);  // history as it was
  EXPECT_TRUE(fs::exists(doc_dir(doc) / "records/2.json"));
  // Both pages are kept: each names a version.
  EXPECT_EQ(idx.snapshots.size(), 2u);
}

TEST_F(Pipeline, AReformattedDateIsACosmeticChange) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  check_one(doc);
  Terms reformatted;
  reformatted.updated = "3 March 2026";
  fetcher_.set_html(kUrl, terms_html(reformatted));

  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::changed);
  EXPECT_EQ(r.significance, Significance::cosmetic);
  EXPECT_FALSE(is_substantive_change(r));
  EXPECT_EQ(r.cosmetic_kinds, std::vector<std::string>{"date_format"});
  ASSERT_TRUE(r.change);
  ASSERT_EQ(r.change->hunks.size(), 1u);
  EXPECT_TRUE(r.change->hunks[0].cosmetic);
  EXPECT_EQ(r.severity, Severity::info);
  EXPECT_TRUE(r.topics.empty());
  EXPECT_EQ(summary_.cosmetic, 1u);
  const DocumentIndex idx = index(doc);
  ASSERT_EQ(idx.versions.size(), 2u);  // archived all the same
  EXPECT_EQ(idx.versions[1].significance, Significance::cosmetic);
  EXPECT_EQ(idx.versions[1].cosmetic_kinds, std::vector<std::string>{"date_format"});
}

// ---- pages that are not the document --------------------------------------------------

TEST_F(Pipeline, AnErrorPageServedWith200IsHeldBackNotArchived) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  const ChangeRecord first = check_one(doc);
  fetcher_.set_html(kUrl, kNotFoundPage);
  clock_.advance(std::chrono::minutes(5));

  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::error);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::error_page);
  EXPECT_NE(r.error->message.find("tosdiff accept example/terms-of-service"), std::string::npos) << r.error->message;
  EXPECT_FALSE(r.current);
  EXPECT_EQ(summary_.errors, 1u);

  const DocumentIndex idx = index(doc);
  ASSERT_EQ(idx.versions.size(), 1u);  // no version
  EXPECT_EQ(idx.versions[0].sha256, first.current->sha256);
  ASSERT_TRUE(idx.pending);  // held back for `tosdiff accept`
  EXPECT_EQ(idx.pending->reason.kind, ErrorKind::error_page);
  EXPECT_EQ(idx.pending->snapshots, std::vector<std::string>{sha256_hex(kNotFoundPage)});
  EXPECT_TRUE(fs::exists(doc_dir(doc) / "pending" / (idx.pending->sha256 + ".txt")));
  ASSERT_TRUE(idx.last_check && idx.last_check->error);
  EXPECT_EQ(idx.last_check->error->kind, ErrorKind::error_page);
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "versions/2.txt"));
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "records/2.json"));
  EXPECT_TRUE(fs::exists(doc_dir(doc) / "snapshots" / (sha256_hex(kNotFoundPage) + ".html")));

  // The real page back: unchanged, and the held-back text is superseded.
  fetcher_.set_html(kUrl, terms_html());
  EXPECT_EQ(check_one(doc).status, Status::unchanged);
  EXPECT_FALSE(index(doc).pending);
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "pending" / (idx.pending->sha256 + ".txt")));
}

TEST_F(Pipeline, A404IsAnHttpStatusErrorWithThePageKept) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  check_one(doc);
  const std::string gone = "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>";
  fetcher_.set_html(kUrl, gone, 404);

  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::error);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::http_status);
  EXPECT_EQ(r.error->message, std::string("HTTP 404 Not Found from ") + kUrl);

  const DocumentIndex idx = index(doc);
  EXPECT_EQ(idx.versions.size(), 1u);
  EXPECT_FALSE(idx.pending);  // an HTTP error is never a text to accept
  ASSERT_TRUE(idx.last_check);
  EXPECT_EQ(idx.last_check->status, Status::error);
  EXPECT_EQ(idx.last_check->snapshots, std::vector<std::string>{sha256_hex(gone)});
  ASSERT_EQ(idx.recent_errors.size(), 1u);
  EXPECT_EQ(idx.recent_errors[0].error->kind, ErrorKind::http_status);
  // Kept for inspection, with its status; the URL's latest page is still the good one.
  const SnapshotMeta* kept = idx.find_snapshot(sha256_hex(gone));
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->status, 404);
  EXPECT_EQ(testing::read_text_file((doc_dir(doc) / "snapshots" / (sha256_hex(gone) + ".html")).string()), gone);
  EXPECT_EQ(idx.latest_snapshot(kUrl)->sha256, sha256_hex(terms_html()));
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "versions/2.txt"));
}

TEST_F(Pipeline, ABotChallengeServedWith503IsBlockedAndNotHeld) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  check_one(doc);
  const std::string challenge =
      testing::read_text_file(std::string(TOSDIFF_FIXTURES_DIR) + "/detection/error-cloudflare.html");
  fetcher_.set_html(kUrl, challenge, 503);

  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::error);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::blocked);  // not http_status
  EXPECT_NE(r.error->message.find("(HTTP 503)"), std::string::npos) << r.error->message;
  EXPECT_EQ(r.error->message.find("tosdiff accept"), std::string::npos) << r.error->message;  // nothing to accept
  const DocumentIndex idx = index(doc);
  EXPECT_EQ(idx.versions.size(), 1u);
  EXPECT_FALSE(idx.pending);  // a challenge with an error status is never a text to accept
  ASSERT_TRUE(idx.last_check);
  EXPECT_EQ(idx.last_check->snapshots, std::vector<std::string>{sha256_hex(challenge)});
}

TEST_F(Pipeline, ASuspiciousShrinkIsHeldUntilAccepted) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  const ChangeRecord first = check_one(doc);
  fetcher_.set_html(kUrl, kShrunkPage);
  clock_.advance(std::chrono::hours(1));

  const ChangeRecord held = check_one(doc);
  EXPECT_EQ(held.status, Status::error);
  ASSERT_TRUE(held.error);
  EXPECT_EQ(held.error->kind, ErrorKind::suspicious_shrink);
  EXPECT_NE(held.error->message.find("the text fell from"), std::string::npos) << held.error->message;
  DocumentIndex idx = index(doc);
  ASSERT_EQ(idx.versions.size(), 1u);
  ASSERT_TRUE(idx.pending);
  const std::string pending_sha = idx.pending->sha256;
  EXPECT_EQ(idx.pending->at, "2026-11-29T13:00:00Z");

  clock_.advance(std::chrono::hours(1));
  const ChangeRecord accepted = accept(doc);
  EXPECT_EQ(accepted.status, Status::changed);
  EXPECT_TRUE(accepted.accepted);
  EXPECT_EQ(accepted.checked_at, "2026-11-29T14:00:00Z");
  ASSERT_TRUE(accepted.previous && accepted.current);
  EXPECT_EQ(accepted.previous->version, "1");
  EXPECT_EQ(accepted.current->version, "2");
  EXPECT_EQ(accepted.current->sha256, pending_sha);
  EXPECT_EQ(accepted.current->snapshot_sha256, sha256_hex(kShrunkPage));
  ASSERT_EQ(accepted.warnings.size(), 1u);
  EXPECT_EQ(accepted.warnings[0].rfind("accepted on purpose: suspicious_shrink: the text fell from", 0), 0u)
      << accepted.warnings[0];

  idx = index(doc);
  ASSERT_EQ(idx.versions.size(), 2u);
  EXPECT_EQ(idx.versions[1].sha256, pending_sha);
  EXPECT_FALSE(idx.pending);
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "pending" / (pending_sha + ".txt")));
  EXPECT_EQ(sha256_hex(version_text(doc, 1)), first.current->sha256);
  const auto on_disk = nlohmann::json::parse(testing::read_text_file((doc_dir(doc) / "records/2.json").string()));
  EXPECT_EQ(on_disk.at("accepted"), true);

  // Nothing left to accept; the same short page is now simply the current text.
  const ChangeRecord again = accept_pending(doc, archive_, clock_);
  EXPECT_EQ(again.status, Status::error);
  EXPECT_EQ(again.error->kind, ErrorKind::nothing_pending);
  EXPECT_EQ(check_one(doc).status, Status::unchanged);
}

// ---- a text seen before, back ---------------------------------------------------------------

TEST_F(Pipeline, AStaleCopyServedForAFewHoursIsHeldAndNeverReported) {
  // A, then B for two days, then a cache serves A again for a few hours, then B: nothing to
  // report after B's arrival; the archive holds A and B only.
  const DocumentSpec doc = spec("example", kUrl);
  const std::string a = terms_html(), b = sold_terms_html();
  fetcher_.set_html(kUrl, a);
  ASSERT_EQ(check_one(doc).status, Status::new_document);
  clock_.advance(std::chrono::hours(48));
  fetcher_.set_html(kUrl, b);
  ASSERT_EQ(check_one(doc).significance, Significance::substantive);
  clock_.advance(std::chrono::hours(48));
  fetcher_.set_html(kUrl, a);
  const ChangeRecord held = check_one(doc);
  EXPECT_EQ(held.status, Status::unchanged);
  EXPECT_EQ(held.held_return, "1");
  ASSERT_TRUE(held.current);
  EXPECT_EQ(held.current->version, "2");
  EXPECT_TRUE(held.warnings.empty());  // nothing to act on: cron mails nothing
  EXPECT_EQ(record_to_json(held).at("held_return"), "1");
  TextStyle verbose;
  verbose.verbose = true;
  EXPECT_NE(record_to_text(held, verbose).find("the page shows the text of version 1 again"), std::string::npos)
      << record_to_text(held, verbose);
  EXPECT_EQ(record_to_text(held, TextStyle{}), "");
  DocumentIndex idx = index(doc);
  ASSERT_TRUE(idx.pending);
  EXPECT_EQ(idx.pending->returns_to, "1");
  EXPECT_EQ(idx.versions.size(), 2u);
  // B back hours later: unchanged, the held text dropped.
  clock_.advance(std::chrono::hours(5));
  fetcher_.set_html(kUrl, b);
  const ChangeRecord back = check_one(doc);
  EXPECT_EQ(back.status, Status::unchanged);
  EXPECT_TRUE(back.held_return.empty());
  EXPECT_TRUE(back.warnings.empty());
  idx = index(doc);
  EXPECT_FALSE(idx.pending);
  EXPECT_EQ(idx.versions.size(), 2u);
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "pending" / (idx.versions[0].sha256 + ".txt")));
}

TEST_F(Pipeline, AReturnIsTakenOnlyOnceItLastsTwoChecksOverTwelveHours) {
  // Negative twin: A put back for good. Seen twice within hours: still held; twelve hours
  // after it was first seen: the next version, a revert reported like any change.
  const DocumentSpec doc = spec("example", kUrl);
  const std::string a = terms_html(), b = sold_terms_html();
  fetcher_.set_html(kUrl, a);
  check_one(doc);
  clock_.advance(std::chrono::hours(48));
  fetcher_.set_html(kUrl, b);
  check_one(doc);
  clock_.advance(std::chrono::hours(48));
  fetcher_.set_html(kUrl, a);
  const ChangeRecord first = check_one(doc);
  ASSERT_EQ(first.held_return, "1");
  clock_.advance(std::chrono::hours(4));
  const ChangeRecord second = check_one(doc);
  EXPECT_EQ(second.status, Status::unchanged);
  EXPECT_EQ(second.held_return, "1");
  EXPECT_EQ(index(doc).pending->checks, 2u);
  EXPECT_EQ(index(doc).pending->first_at, first.checked_at);
  clock_.advance(std::chrono::hours(8));
  const ChangeRecord taken = check_one(doc);
  EXPECT_EQ(taken.status, Status::changed);
  EXPECT_EQ(taken.significance, Significance::substantive);
  EXPECT_EQ(taken.reverts_to, "1");
  EXPECT_EQ(taken.checked_at, format_utc(clock_.now()));
  ASSERT_TRUE(taken.current);
  EXPECT_EQ(taken.current->version, "3");
  EXPECT_EQ(taken.current->captured_at, taken.checked_at);  // dated when taken: a digest lists it
  EXPECT_NE(taken.warnings.back().find("since " + first.checked_at), std::string::npos) << taken.warnings.back();
  const DocumentIndex idx = index(doc);
  EXPECT_FALSE(idx.pending);
  ASSERT_TRUE(idx.last_check);
  EXPECT_EQ(idx.last_check->at, taken.checked_at);
}

TEST_F(Pipeline, AShorterEarlierVersionBackIsHeldNotASuspiciousShrink) {
  // Version 1 short, version 2 five times longer; the short text back is the document's own
  // text (a stale copy of the older edition): held quietly, no error, no cron mail.
  const DocumentSpec doc = spec("example", kUrl);
  const std::string short_page =
      "<html><body><main><h1>Terms</h1><p>By using Example you agree to these terms. We may close accounts "
      "that break the rules. Disputes go to the courts of Dublin. Contact legal@example.com with questions "
      "about these terms of service.</p></main></body></html>";
  fetcher_.set_html(kUrl, short_page);
  ASSERT_EQ(check_one(doc).status, Status::new_document);
  clock_.advance(std::chrono::hours(48));
  fetcher_.set_html(kUrl, terms_html());
  ASSERT_EQ(check_one(doc).status, Status::changed);
  clock_.advance(std::chrono::hours(48));
  fetcher_.set_html(kUrl, short_page);
  const ChangeRecord held = check_one(doc);
  EXPECT_EQ(held.status, Status::unchanged) << (held.error ? held.error->message : "");
  EXPECT_EQ(held.held_return, "1");
  // Twin: a short text never seen is still a suspicious shrink.
  fetcher_.set_html(kUrl, "<html><body><main><h1>Terms</h1><p>By using Example you agree to these terms. "
                          "We may close any account at any time for any reason and keep its data. Contact "
                          "legal@example.com.</p></main></body></html>");
  const ChangeRecord shrunk = check_one(doc);
  EXPECT_EQ(shrunk.status, Status::error);
  ASSERT_TRUE(shrunk.error);
  EXPECT_EQ(shrunk.error->kind, ErrorKind::suspicious_shrink);
}

TEST_F(Pipeline, AHeldReturnIsTakenAtOnceByAcceptAndANewTextDropsIt) {
  const DocumentSpec doc = spec("example", kUrl);
  Terms revised;
  revised.privacy = "We share your personal information with our affiliates and with processors bound by contract.";
  const std::string a = terms_html(), b = sold_terms_html(), c = terms_html(revised);
  for (const std::string* page : {&a, &b, &a}) {
    fetcher_.set_html(kUrl, *page);
    check_one(doc);
    clock_.advance(std::chrono::hours(48));
  }
  const ChangeRecord accepted = accept(doc);
  EXPECT_EQ(accepted.status, Status::changed);
  EXPECT_EQ(accepted.reverts_to, "1");
  ASSERT_FALSE(accepted.warnings.empty());
  EXPECT_EQ(accepted.warnings[0].rfind("accepted on purpose: the text of version 1, back since ", 0), 0u)
      << accepted.warnings[0];
  // Held again (B back), then a text never seen: compared with the current version, A.
  fetcher_.set_html(kUrl, b);
  EXPECT_EQ(check_one(doc).held_return, "2");
  clock_.advance(std::chrono::hours(1));
  fetcher_.set_html(kUrl, c);
  const ChangeRecord revised_record = check_one(doc);
  EXPECT_EQ(revised_record.status, Status::changed);
  ASSERT_TRUE(revised_record.previous);
  EXPECT_EQ(revised_record.previous->version, "3");
  EXPECT_TRUE(revised_record.reverts_to.empty());
  EXPECT_FALSE(index(doc).pending);
}

TEST_F(Pipeline, BackFromAVariantServedForAFewHoursIsFlapping) {
  // A regional variant served once: its arrival is alerted, the way back hours later is not.
  const std::vector<ChangeRecord> records = check_a_b_a(kUrl, std::chrono::hours(6));
  EXPECT_EQ(records[1].significance, Significance::substantive);
  EXPECT_EQ(records[2].reverts_to, "1");
  EXPECT_EQ(records[2].significance, Significance::cosmetic);
  EXPECT_EQ(records[2].cosmetic_kinds, std::vector<std::string>{"flapping"});
}

TEST_F(Pipeline, BackFromAVersionThatLastedDaysIsARevertLikeAnyChange) {
  const std::vector<ChangeRecord> records = check_a_b_a(kUrl, std::chrono::hours(40));
  EXPECT_EQ(records[2].reverts_to, "1");
  EXPECT_EQ(records[2].significance, Significance::substantive);
}

TEST_F(Pipeline, BackFromAStaleCopyOfAnOlderVersionIsFlapping) {
  // A, then B, then B revised (C); a cache serves A again for a week: named and reported; C
  // back is flapping. The same way back a month later is news: A was the document meanwhile.
  auto run = [&](const std::string& platform, std::chrono::hours stale_for) {
    const DocumentSpec doc = spec(platform, kUrl);
    Terms revised;
    revised.privacy = "We share your personal information with our affiliates and with processors bound by contract.";
    const std::string a = terms_html(), b = sold_terms_html(), c = terms_html(revised);
    std::vector<ChangeRecord> records;
    for (const std::string* page : {&a, &b, &c, &a, &c}) {
      fetcher_.set_html(kUrl, *page);
      records.push_back(records.size() >= 3 ? check_return(doc) : check_one(doc));
      clock_.advance(records.size() == 4 ? stale_for : std::chrono::hours(48));
    }
    return records;
  };
  const std::vector<ChangeRecord> week = run("example", std::chrono::hours(24 * 7));
  EXPECT_EQ(week[3].reverts_to, "1");
  EXPECT_EQ(week[3].significance, Significance::substantive);
  EXPECT_EQ(week[4].reverts_to, "3");
  EXPECT_EQ(week[4].significance, Significance::cosmetic);
  EXPECT_EQ(week[4].cosmetic_kinds, std::vector<std::string>{"flapping"});
  const std::vector<ChangeRecord> month = run("other", std::chrono::hours(24 * 30));
  EXPECT_EQ(month[4].reverts_to, "3");
  EXPECT_EQ(month[4].significance, Significance::substantive);
}

TEST_F(Pipeline, FlappingBetweenTwoTextsIsNamedThenCosmetic) {
  const DocumentSpec doc = spec("example", kUrl);
  const std::string a = terms_html(), b = sold_terms_html();
  std::vector<ChangeRecord> records;
  for (const std::string* page : {&a, &b, &a, &b}) {
    fetcher_.set_html(kUrl, *page);
    records.push_back(records.size() >= 2 ? check_return(doc) : check_one(doc));
    clock_.advance(std::chrono::hours(48));  // each text lives long enough to be news
  }
  EXPECT_EQ(records[0].status, Status::new_document);
  EXPECT_EQ(records[1].status, Status::changed);
  EXPECT_EQ(records[1].significance, Significance::substantive);
  EXPECT_TRUE(records[1].reverts_to.empty());
  // Back to A: named, but the first time back counts as usual.
  EXPECT_EQ(records[2].status, Status::changed);
  EXPECT_EQ(records[2].reverts_to, "1");
  EXPECT_EQ(records[2].significance, Significance::substantive);
  EXPECT_EQ(std::count(records[2].cosmetic_kinds.begin(), records[2].cosmetic_kinds.end(), "flapping"), 0);
  // The same flip again: flapping, cosmetic, though its hunk is substantive.
  EXPECT_EQ(records[3].status, Status::changed);
  EXPECT_EQ(records[3].reverts_to, "2");
  EXPECT_EQ(records[3].significance, Significance::cosmetic);
  EXPECT_EQ(records[3].cosmetic_kinds, std::vector<std::string>{"flapping"});
  EXPECT_EQ(records[3].severity, Severity::info);
  EXPECT_TRUE(records[3].topics.empty());
  ASSERT_TRUE(records[3].change);
  EXPECT_FALSE(records[3].change->hunks.at(0).cosmetic);

  const DocumentIndex idx = index(doc);
  ASSERT_EQ(idx.versions.size(), 4u);
  EXPECT_EQ(idx.versions[2].reverts_to, "1");
  EXPECT_EQ(idx.versions[3].reverts_to, "2");
  EXPECT_EQ(idx.versions[3].significance, Significance::cosmetic);
  EXPECT_EQ(idx.versions[0].sha256, idx.versions[2].sha256);
  EXPECT_EQ(idx.versions[1].sha256, idx.versions[3].sha256);
  EXPECT_EQ(idx.snapshots.size(), 2u);  // two distinct pages, each stored once
}

TEST_F(Pipeline, AnyRecentTextBackOnAPageFlappingNowIsFlapping) {
  const std::vector<ChangeRecord> records = check_three_editions(kUrl, std::chrono::hours(0));
  EXPECT_EQ(records[3].cosmetic_kinds, std::vector<std::string>{"flapping"});
  EXPECT_EQ(records[4].significance, Significance::cosmetic);
  EXPECT_EQ(records[5].significance, Significance::substantive);  // a text never seen: news
  // C → B never happened, but the page is flapping now: B is one of its texts again.
  EXPECT_EQ(records[6].reverts_to, "4");
  EXPECT_EQ(records[6].significance, Significance::cosmetic);
  EXPECT_EQ(records[6].cosmetic_kinds, std::vector<std::string>{"flapping"});
}

TEST_F(Pipeline, ARecentTextBackMonthsAfterThePageStoppedFlappingIsNews) {
  const std::vector<ChangeRecord> records = check_three_editions(kUrl, std::chrono::hours(24 * 100));  // flapping long over
  EXPECT_EQ(records[4].significance, Significance::cosmetic);
  EXPECT_EQ(records[6].reverts_to, "4");
  EXPECT_EQ(records[6].significance, Significance::substantive);
}

// ---- failures -----------------------------------------------------------------------------

TEST_F(Pipeline, AFetchErrorWritesOnlyTheIndexErrorEntry) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_error(kUrl, ErrorKind::connection_refused, "connection refused by example.com");
  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::error);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::connection_refused);
  EXPECT_EQ(r.error->message, "connection refused by example.com");
  EXPECT_EQ(names(tree(data_)), std::set<std::string>{"example/terms-of-service/index.json"});
  DocumentIndex idx = index(doc);
  EXPECT_TRUE(idx.versions.empty());
  EXPECT_TRUE(idx.snapshots.empty());
  ASSERT_EQ(idx.recent_errors.size(), 1u);
  EXPECT_EQ(idx.recent_errors[0].error->kind, ErrorKind::connection_refused);
  EXPECT_TRUE(idx.recent_errors[0].snapshots.empty());

  // With history: only index.json changes, the versions stay.
  fetcher_.set_html(kUrl, terms_html());
  check_one(doc);
  const auto before = tree(data_);
  fetcher_.set_error(kUrl, ErrorKind::connection_refused);
  EXPECT_EQ(check_one(doc).error->kind, ErrorKind::connection_refused);
  auto after = tree(data_);
  after.erase("example/terms-of-service/index.json");
  auto before_without_index = before;
  before_without_index.erase("example/terms-of-service/index.json");
  EXPECT_EQ(after, before_without_index);
  idx = index(doc);
  EXPECT_EQ(idx.versions.size(), 1u);
  EXPECT_EQ(idx.recent_errors.size(), 2u);
}

TEST_F(Pipeline, A304IsTheArchivedSnapshotAgain) {
  const DocumentSpec doc = spec("example", kUrl);
  FakePage page;
  page.body = terms_html();
  page.etag = "\"v1\"";
  page.last_modified = "Tue, 03 Mar 2026 10:00:00 GMT";
  fetcher_.set(kUrl, page);
  const ChangeRecord first = check_one(doc);
  ASSERT_EQ(first.status, Status::new_document);
  const auto before = tree(data_);

  const ChangeRecord r = check_one(doc);
  ASSERT_EQ(fetcher_.requests().size(), 2u);
  EXPECT_EQ(fetcher_.requests()[1].etag, "\"v1\"");  // a conditional request...
  EXPECT_EQ(fetcher_.requests()[1].last_modified, "Tue, 03 Mar 2026 10:00:00 GMT");
  EXPECT_EQ(fetcher_.not_modified_sent(), 1);  // ...answered 304
  EXPECT_EQ(r.status, Status::unchanged);
  ASSERT_TRUE(r.current);
  EXPECT_EQ(r.current->version, "1");
  EXPECT_EQ(names(tree(data_)), names(before));
  EXPECT_EQ(index(doc).latest_snapshot(kUrl)->sha256, sha256_hex(page.body));

  // A new ETag and a new page: fetched in full, and a change.
  fetcher_.page(kUrl).etag = "\"v2\"";
  fetcher_.page(kUrl).body = sold_terms_html();
  EXPECT_EQ(check_one(doc).status, Status::changed);
  EXPECT_EQ(fetcher_.not_modified_sent(), 1);
  EXPECT_EQ(index(doc).latest_snapshot(kUrl)->etag, "\"v2\"");
}

TEST_F(Pipeline, AnInterruptedWriteIsCollectedAndHistoryKept) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  check_one(doc);
  fetcher_.set_html(kUrl, sold_terms_html());
  check_one(doc);
  const std::string v1 = version_text(doc, 1), v2 = version_text(doc, 2);
  const std::string r1 = testing::read_text_file((doc_dir(doc) / "records/1.json").string());

  // A run killed after writing version 3 but before committing the index that names it.
  archive_.begin_transaction(index(doc));
  ASSERT_TRUE(fs::exists(doc_dir(doc) / ".transaction"));
  testing::write_text_file((doc_dir(doc) / "versions/3.txt").string(), "# Orphan\nnever committed\n");
  testing::write_text_file((doc_dir(doc) / "records/3.json").string(), "{\"orphan\": true}\n");
  testing::write_text_file((doc_dir(doc) / "snapshots" / (std::string(64, 'e') + ".html")).string(), "<p>orphan</p>");
  // (not a valid record: check() validates the archive's records after the run, once the
  // orphan is gone)

  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::unchanged);
  EXPECT_FALSE(fs::exists(doc_dir(doc) / ".transaction"));
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "versions/3.txt"));
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "records/3.json"));
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "snapshots" / (std::string(64, 'e') + ".html")));
  EXPECT_EQ(version_text(doc, 1), v1);
  EXPECT_EQ(version_text(doc, 2), v2);
  EXPECT_EQ(testing::read_text_file((doc_dir(doc) / "records/1.json").string()), r1);
  EXPECT_EQ(index(doc).versions.size(), 2u);

  // Killed again, then a real change: version 3 is the new text, not the orphan.
  archive_.begin_transaction(index(doc));
  testing::write_text_file((doc_dir(doc) / "versions/3.txt").string(), "# Orphan\nnever committed\n");
  Terms t;
  t.extra = "<h2>6. Arbitration</h2><p>Any dispute will be settled by binding individual arbitration.</p>";
  fetcher_.set_html(kUrl, terms_html(t));
  const ChangeRecord changed = check_one(doc);
  EXPECT_EQ(changed.status, Status::changed);
  ASSERT_TRUE(changed.current);
  EXPECT_EQ(changed.current->version, "3");
  EXPECT_EQ(sha256_hex(version_text(doc, 3)), changed.current->sha256);
  EXPECT_NE(version_text(doc, 3).find("Arbitration"), std::string::npos);
  EXPECT_FALSE(fs::exists(doc_dir(doc) / ".transaction"));
}

TEST_F(Pipeline, AMissingIndexWithVersionsIsAnArchiveErrorAndNothingIsDeleted) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  check_one(doc);
  fs::remove(doc_dir(doc) / "index.json");
  const auto before = tree(data_);
  fetcher_.set_html(kUrl, sold_terms_html());

  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::error);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::archive);
  EXPECT_NE(r.error->message.find("tosdiff verify --repair"), std::string::npos) << r.error->message;
  EXPECT_EQ(tree(data_), before);  // not started over, nothing deleted, no index made up
  EXPECT_FALSE(fs::exists(doc_dir(doc) / "index.json"));
  EXPECT_THROW(accept_pending(doc, archive_, clock_), ArchiveError);
}

TEST_F(Pipeline, AFailedWriteIsAnArchiveErrorThatCarriesNoChange) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  check_one(doc);
  // records/ cannot take the new record: the check's write fails after the record was built.
  fs::rename(doc_dir(doc) / "records", dir_ / "records-away");
  testing::write_text_file((doc_dir(doc) / "records").string(), "not a directory");
  fetcher_.set_html(kUrl, sold_terms_html());

  const ChangeRecord r = check_one(doc);  // check() validates it: an error record, nothing more
  EXPECT_EQ(r.status, Status::error);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::archive);
  EXPECT_FALSE(r.current);
  EXPECT_FALSE(r.change);
  EXPECT_EQ(r.severity, Severity::unclassified);  // not the change's classification
  EXPECT_TRUE(r.topics.empty());
  EXPECT_TRUE(r.flags.empty());
  EXPECT_TRUE(r.regulations.empty());
  EXPECT_TRUE(r.section.empty());
  EXPECT_EQ(index(doc).versions.size(), 1u);

  // Writable again: the next check collects what the failed one left and makes version 2.
  fs::remove(doc_dir(doc) / "records");
  fs::rename(dir_ / "records-away", doc_dir(doc) / "records");
  const ChangeRecord changed = check_one(doc);
  EXPECT_EQ(changed.status, Status::changed);
  EXPECT_EQ(changed.current->version, "2");
  EXPECT_EQ(sha256_hex(version_text(doc, 2)), changed.current->sha256);
  EXPECT_FALSE(fs::exists(doc_dir(doc) / ".transaction"));
}

TEST_F(Pipeline, OverItsTimeBudgetADocumentIsAnErrorNotAVersion) {
  const DocumentSpec doc = spec("example", kUrl);
  fetcher_.set_html(kUrl, terms_html());
  const ChangeRecord r = check_one(doc, nullptr, 0);  // any processing at all is over
  EXPECT_EQ(r.status, Status::error);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::time_budget);
  const DocumentIndex idx = index(doc);
  EXPECT_TRUE(idx.versions.empty());
  ASSERT_TRUE(idx.last_check && idx.last_check->error);
  EXPECT_EQ(idx.last_check->error->kind, ErrorKind::time_budget);
  EXPECT_EQ(idx.last_check->snapshots, std::vector<std::string>{sha256_hex(terms_html())});  // kept
}

TEST_F(Pipeline, APageWithTooManyElementsIsTooComplex) {
  const DocumentSpec doc = spec("example", kUrl);
  std::string page = "<html><body><p>";
  page.reserve(3'100'000);
  for (int i = 0; i < 1'000'001; ++i) page += "<i>";
  fetcher_.set_html(kUrl, page + "</p></body></html>");
  const ChangeRecord r = check_one(doc);
  EXPECT_EQ(r.status, Status::error);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::too_complex);
  const DocumentIndex idx = index(doc);
  EXPECT_TRUE(idx.versions.empty());
  ASSERT_TRUE(idx.last_check);
  EXPECT_EQ(idx.last_check->snapshots.size(), 1u);  // the page is kept for inspection
}

// ---- many documents, stopping, time ----------------------------------------------------

TEST_F(Pipeline, ThirtyDocumentsAreEachReportedOnce) {
  std::vector<DocumentSpec> docs;
  for (int i = 0; i < 30; ++i) {
    const std::string id = "p" + std::to_string(100 + i);
    const std::string url = "https://" + id + ".example/terms";
    docs.push_back(spec(id, url));
    fetcher_.set_html(url, terms_html());
  }
  fetcher_.set_reverse_order(true);  // completion order is not declaration order
  auto count_keys = [](const std::vector<ChangeRecord>& records) {
    std::map<std::string, int> out;
    for (const auto& r : records) ++out[r.key()];
    return out;
  };

  std::vector<ChangeRecord> first = check(docs);
  ASSERT_EQ(first.size(), 30u);
  auto keys = count_keys(first);
  EXPECT_EQ(keys.size(), 30u);
  for (const auto& [key, n] : keys) EXPECT_EQ(n, 1) << key;
  for (const auto& r : first) EXPECT_EQ(r.status, Status::new_document) << r.key();
  EXPECT_EQ(summary_.created, 30u);
  EXPECT_EQ(archive_.documents().size(), 30u);

  // A mixed second run: 10 changed, 10 unchanged, 5 gone, 5 unreachable.
  for (int i = 0; i < 30; ++i) {
    const std::string& url = docs[i].sources[0].url;
    if (i < 10) fetcher_.set_html(url, sold_terms_html());
    else if (i >= 20 && i < 25) fetcher_.set_html(url, "<html><body>gone</body></html>", 404);
    else if (i >= 25) fetcher_.set_error(url, ErrorKind::connection_refused);
  }
  std::vector<ChangeRecord> second = check(docs);
  ASSERT_EQ(second.size(), 30u);
  keys = count_keys(second);
  EXPECT_EQ(keys.size(), 30u);
  for (const auto& [key, n] : keys) EXPECT_EQ(n, 1) << key;
  EXPECT_EQ(summary_.substantive, 10u);
  EXPECT_EQ(summary_.unchanged, 10u);
  EXPECT_EQ(summary_.errors, 10u);
  for (int i = 0; i < 30; ++i) {
    const DocumentIndex idx = index(docs[i]);
    EXPECT_EQ(idx.versions.size(), i < 10 ? 2u : 1u) << docs[i].key();
    EXPECT_FALSE(fs::exists(doc_dir(docs[i]) / ".transaction")) << docs[i].key();
  }
}

TEST_F(Pipeline, AStopSetBeforeTheRunLeavesTheArchiveUntouched) {
  std::vector<DocumentSpec> docs = {spec("alpha", "https://alpha.example/terms"),
                                    spec("beta", "https://beta.example/terms")};
  for (const auto& d : docs) fetcher_.set_html(d.sources[0].url, terms_html());
  check({docs[0]});  // alpha has a version; beta was never checked
  for (const auto& d : docs) fetcher_.set_html(d.sources[0].url, sold_terms_html());
  const auto before = tree(data_);

  std::atomic<bool> stop{true};
  for (FakeStop behaviour : {FakeStop::ignore, FakeStop::fail, FakeStop::abandon}) {
    SCOPED_TRACE(static_cast<int>(behaviour));
    fetcher_.set_stop(&stop, behaviour);
    std::vector<ChangeRecord> records = check(docs, &stop);
    ASSERT_EQ(records.size(), 2u);
    for (const auto& r : records) {
      EXPECT_EQ(r.status, Status::error) << r.key();
      ASSERT_TRUE(r.error);
      EXPECT_EQ(r.error->kind, ErrorKind::interrupted) << r.key();
    }
    EXPECT_EQ(summary_.errors, 2u);
    EXPECT_EQ(tree(data_), before);
  }
}

TEST_F(Pipeline, TheClockIsWhatRecordsAndIndexSay) {
  const DocumentSpec doc = spec("example", kUrl);
  clock_.set(at("2031-02-03T04:05:06Z"));
  fetcher_.set_html(kUrl, terms_html());
  const ChangeRecord created = check_one(doc);
  EXPECT_EQ(created.checked_at, "2031-02-03T04:05:06Z");
  EXPECT_EQ(created.current->captured_at, "2031-02-03T04:05:06Z");

  clock_.advance(std::chrono::hours(24 * 30) + std::chrono::seconds(1));
  fetcher_.set_html(kUrl, sold_terms_html());
  const ChangeRecord changed = check_one(doc);
  EXPECT_EQ(changed.checked_at, "2031-03-05T04:05:07Z");
  EXPECT_EQ(changed.current->captured_at, "2031-03-05T04:05:07Z");
  EXPECT_EQ(changed.previous->captured_at, "2031-02-03T04:05:06Z");

  clock_.advance(std::chrono::minutes(1));
  fetcher_.set_error(kUrl, ErrorKind::timeout);
  EXPECT_EQ(check_one(doc).checked_at, "2031-03-05T04:06:07Z");

  const DocumentIndex idx = index(doc);
  EXPECT_EQ(idx.versions[0].captured_at, "2031-02-03T04:05:06Z");
  EXPECT_EQ(idx.versions[1].captured_at, "2031-03-05T04:05:07Z");
  EXPECT_EQ(idx.last_check->at, "2031-03-05T04:06:07Z");
  EXPECT_EQ(idx.recent_errors.back().at, "2031-03-05T04:06:07Z");
  EXPECT_EQ(idx.find_snapshot(sha256_hex(terms_html()))->fetched_at, "2031-02-03T04:05:06Z");
  EXPECT_EQ(idx.find_snapshot(sha256_hex(sold_terms_html()))->fetched_at, "2031-03-05T04:05:07Z");
  const auto record2 = nlohmann::json::parse(testing::read_text_file((doc_dir(doc) / "records/2.json").string()));
  EXPECT_EQ(record2.at("checked_at"), "2031-03-05T04:05:07Z");
  EXPECT_EQ(record2.at("previous").at("captured_at"), "2031-02-03T04:05:06Z");
}

}  // namespace
}  // namespace tosdiff
