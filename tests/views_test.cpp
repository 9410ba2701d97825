// The views of the archive, against the real binary and servers on 127.0.0.1: `diff --format
// html` (one self-contained page), `digest --format atom` (a valid Atom 1.0 feed with stable
// ids), `show --raw` (the page behind a version or a failed check, byte for byte), `notify
// --test` (a sample change through every alert target), and `note` (kept with the history,
// shown by history and the digest, left alone by verify). The HTML and the feed are parsed
// by Python's parsers (expat for the feed).

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/smtp_test_server.hpp"
#include "support/tosdiff_helpers.hpp"

namespace tosdiff::testing {
namespace {

std::string page(const std::string& clause) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Terms</title></head><body><main>"
         "<h1>Example Terms</h1><h2>1. Your content</h2><p>We keep your content for " + clause +
         " after you close your account, unless the law says otherwise.</p><h2>2. Disputes</h2><p>These terms are "
         "governed by the laws of Delaware, and you may bring any dispute before your local courts.</p></main></body></html>";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string python() {
  ProcessResult r = run_process({"/bin/sh", "-c", "command -v python3"});
  return r.exit_code == 0 ? r.out.substr(0, r.out.find('\n')) : "";
}

// Runs a Python check on `input` (its stdin); the check prints what it found, or fails.
ProcessResult python_check(const std::string& script, const std::string& input) {
  const std::string interpreter = python();
  EXPECT_FALSE(interpreter.empty()) << "python3 is needed to parse the HTML and the feed (scripts/setup.sh installs it)";
  if (interpreter.empty()) return {};
  return run_process({interpreter, "-c", script}, {}, std::chrono::seconds(60), input);
}

// HTML: every element closed in order (void elements aside), one <html>, no script, no
// external resource; prints the text of <title> and the number of <ins> and <del>.
const char* kHtmlCheck = R"PY(
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source", "track"}
class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.count, self.title, self.in_title = [], {}, "", False
    def handle_starttag(self, tag, attrs):
        self.count[tag] = self.count.get(tag, 0) + 1
        assert tag not in ("script", "iframe", "object", "embed", "link", "img"), "element " + tag
        for name, value in attrs:
            assert name != "src" and not name.startswith("on"), "attribute " + name
        if tag == "title": self.in_title = True
        if tag not in VOID: self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, "</%s> closes %s" % (tag, self.stack[-1:] )
        self.stack.pop()
        if tag == "title": self.in_title = False
    def handle_data(self, data):
        if self.in_title: self.title += data
c = Check()
c.feed(sys.stdin.read())
c.close()
assert not c.stack, "unclosed: %s" % c.stack
assert c.count.get("html") == 1 and c.count.get("body") == 1
print(c.title)
print(c.count.get("ins", 0), c.count.get("del", 0))
)PY";

// Atom: parsed by expat; RFC 4287's required elements; prints one line per entry: its id,
// updated, category terms and title.
const char* kAtomCheck = R"PY(
import sys, re
import xml.etree.ElementTree as ET
A = "{http://www.w3.org/2005/Atom}"
root = ET.fromstring(sys.stdin.buffer.read())
assert root.tag == A + "feed", root.tag
when = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
for name in ("id", "title", "updated"):
    assert root.find(A + name) is not None and root.find(A + name).text, "feed " + name
assert when.match(root.find(A + "updated").text)
assert root.find(A + "author/" + A + "name").text
ids = set()
for entry in root.findall(A + "entry"):
    for name in ("id", "title", "updated"):
        assert entry.find(A + name) is not None and entry.find(A + name).text, "entry " + name
    assert when.match(entry.find(A + "updated").text)
    i = entry.find(A + "id").text
    assert re.match(r"^tag:tosdiff,\d{4}(-\d\d(-\d\d)?)?:\S+$", i), i
    assert i not in ids, "duplicate id " + i
    ids.add(i)
    content = entry.find(A + "content")
    assert content is not None and (content.text or "").strip()
    terms = ",".join(c.get("term") for c in entry.findall(A + "category"))
    print(i, entry.find(A + "updated").text, terms, entry.find(A + "title").text, sep="\t")
)PY";

class Views : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.set("/terms", html(page("two (2) years")));
    write_text_file(dir_ / "catalog/Example.json",
                    declaration("Example Platform", "example", {{"Terms of Service", server_.url("/terms")}}).dump(2));
    write_text_file(dir_ / "config.json", "{}");
  }
  void TearDown() override { expect_valid_archived_records(data()); }

  std::string data() const { return dir_ / "data"; }
  ProcessResult tosdiff(std::vector<std::string> args, const std::string& now = "", const std::string& input = "") {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog",
                                     "--config", dir_ / "config.json"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::string> env = {"NO_COLOR=1", "XDG_CONFIG_HOME=" + dir_ / "xdg"};
    if (!now.empty()) env.push_back("TOSDIFF_NOW=" + now);
    return run_process(argv, env, std::chrono::seconds(60), input);
  }
  // Version 1 on 2026-01-10, version 2 (substantive) on 2026-02-10.
  void two_versions() {
    ASSERT_EQ(tosdiff({"check"}, "2026-01-10T08:00:00Z").exit_code, 0);
    server_.set("/terms", html(page("ten (10) years, and we may use it to train our models,")));
    ASSERT_EQ(tosdiff({"check"}, "2026-02-10T08:00:00Z").exit_code, 0);
  }

  TempDir dir_;
  HttpTestServer server_;
};

TEST_F(Views, DiffAsOneSelfContainedHtmlPage) {
  two_versions();
  ProcessResult diff = tosdiff({"diff", "example/terms-of-service", "--format", "html"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  ProcessResult checked = python_check(kHtmlCheck, diff.out);
  ASSERT_EQ(checked.exit_code, 0) << checked.err;
  const auto found = lines_of(checked.out);
  ASSERT_EQ(found.size(), 2u) << checked.out;
  EXPECT_EQ(found[0], "Example Platform \u2014 Terms of Service");
  EXPECT_NE(found[1], "0 0") << "the changed words are marked";
  EXPECT_NE(diff.out.find("ten (10) years"), std::string::npos);
  EXPECT_NE(diff.out.find("version 1 \u2192 version 2"), std::string::npos);
  // Two versions compared afresh, the same page; --format json is --json.
  ProcessResult afresh = tosdiff({"diff", "example/terms-of-service", "--from", "v1", "--to", "2", "--format", "html"});
  ASSERT_EQ(afresh.exit_code, 0) << afresh.err;
  EXPECT_EQ(python_check(kHtmlCheck, afresh.out).out, checked.out);
  EXPECT_EQ(tosdiff({"diff", "example/terms-of-service", "--format", "json"}).out,
            tosdiff({"diff", "example/terms-of-service", "--json"}).out);
  EXPECT_EQ(tosdiff({"diff", "example/terms-of-service", "--json", "--format", "html"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"diff", "example/terms-of-service", "--format", "pdf"}).exit_code, 2);
}

TEST_F(Views, DigestAsAnAtomFeedWithStableIds) {
  two_versions();
  ASSERT_EQ(tosdiff({"note", "example/terms-of-service", "Sent to legal <review> & \"counsel\"."},
                    "2026-02-11T09:30:00Z").exit_code, 0);
  const std::vector<std::string> period = {"digest", "--since", "2026-01-01", "--until", "2026-03-01", "--format", "atom"};
  ProcessResult feed = tosdiff(period, "2026-03-01T00:00:00Z");
  ASSERT_EQ(feed.exit_code, 0) << feed.err;
  ProcessResult checked = python_check(kAtomCheck, feed.out);
  ASSERT_EQ(checked.exit_code, 0) << checked.err << feed.out;
  const auto entries = lines_of(checked.out);
  ASSERT_EQ(entries.size(), 3u) << checked.out;  // newest first: the note, v2, v1
  EXPECT_EQ(entries[0].substr(0, entries[0].find('\t')),
            "tag:tosdiff,2026-02-11:example/terms-of-service/note/2026-02-11T09:30:00Z");
  EXPECT_NE(entries[0].find("\tnote\t"), std::string::npos) << entries[0];
  EXPECT_EQ(entries[1].substr(0, entries[1].find('\t')), "tag:tosdiff,2026-02-10:example/terms-of-service/v2");
  EXPECT_NE(entries[1].find("\t2026-02-10T08:00:00Z\t"), std::string::npos);
  EXPECT_NE(entries[1].find("ai_training"), std::string::npos) << entries[1];
  EXPECT_EQ(entries[2].substr(0, entries[2].find('\t')), "tag:tosdiff,2026-01-10:example/terms-of-service/v1");
  EXPECT_NE(feed.out.find("Sent to legal &lt;review&gt; &amp; &quot;counsel&quot;."), std::string::npos);

  // Made again later, and with a wider window holding a new change: the same ids for the same
  // changes, and the same feed id.
  server_.set("/terms", html(page("one (1) year")));
  ASSERT_EQ(tosdiff({"check"}, "2026-03-05T08:00:00Z").exit_code, 0);
  ProcessResult later = tosdiff({"digest", "--since", "2026-01-01", "--until", "2026-04-01", "--format", "atom"},
                                "2026-04-01T00:00:00Z");
  ProcessResult again = python_check(kAtomCheck, later.out);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto more = lines_of(again.out);
  ASSERT_EQ(more.size(), 4u);
  for (std::size_t i = 0; i < entries.size(); ++i) EXPECT_EQ(more[i + 1], entries[i]);
  auto feed_id = [](const std::string& xml) { return xml.substr(xml.find("<id>"), xml.find("</id>") - xml.find("<id>")); };
  EXPECT_EQ(feed_id(later.out), feed_id(feed.out));
  EXPECT_NE(feed_id(tosdiff({"digest", "example", "--format", "atom"}).out), feed_id(feed.out)) << "another scope";
  // An empty period is still a valid feed.
  ProcessResult empty = tosdiff({"digest", "--since", "2025-01-01", "--until", "2025-02-01", "--format", "atom"});
  ProcessResult empty_checked = python_check(kAtomCheck, empty.out);
  EXPECT_EQ(empty_checked.exit_code, 0) << empty_checked.err << empty.out;
  EXPECT_EQ(empty_checked.out, "");
}

// A changed table cell is named by its row and column wherever the change is shown; an added
// section keeps its heading apart from its paragraph. (The records, with their cells, are
// validated against the schema by TearDown.)
TEST_F(Views, TableCellsAreNamedAndAddedHeadingsStayApart) {
  auto table_page = [](const std::string& retention, const std::string& extra) {
    return "<!DOCTYPE html><html><head><title>Privacy</title></head><body><main><h1>Privacy Policy</h1>"
           "<h2>1. Retention</h2><p>We keep your data as long as the table below says, then delete it.</p><table>"
           "<tr><th>Data</th><th>Retention</th><th>Purpose</th></tr>"
           "<tr><td>Chats</td><td>" + retention + "</td><td>Safety review</td></tr>"
           "<tr><td>Account details</td><td>Until deletion</td><td>Running the service</td></tr></table>" + extra +
           "<h2>9. Contact</h2><p>Write to privacy@example.com with any question about this policy.</p></main></body></html>";
  };
  server_.set("/terms", html(table_page("30 days", "")));
  ASSERT_EQ(tosdiff({"check"}, "2026-01-10T08:00:00Z").exit_code, 0);
  server_.set("/terms", html(table_page("5 years", "<h2>2. Model training</h2><p>We may use your chats to train "
                                                   "our models unless you opt out in the settings.</p>")));
  ProcessResult check = tosdiff({"check"}, "2026-02-10T08:00:00Z");
  ASSERT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("  Chats \u203a Retention: [-30 days-] {+5 years+}\n"), std::string::npos) << check.out;

  const std::vector<std::string> period = {"digest", "--since", "2026-02-01", "--until", "2026-02-28", "--format"};
  auto digest = [&](const std::string& format) {
    std::vector<std::string> args = period;
    args.push_back(format);
    ProcessResult r = tosdiff(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  const std::string text = digest("text");
  EXPECT_NE(text.find("  Chats \u203a Retention: [-30 days-] {+5 years+}\n"), std::string::npos) << text;
  // The added heading on a line of its own, then its paragraph on the next.
  EXPECT_NE(text.find("  {+2. Model training+}\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  {+We may use your chats to train our models unless you opt out in the settings.+}\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("Model training We may"), std::string::npos) << text;
  const std::string markdown = digest("markdown");
  EXPECT_NE(markdown.find("Chats \u203a Retention: ~~30 days~~ **5 years**"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("**2. Model training**  \n> **We may use"), std::string::npos) << markdown;
  const std::string page = digest("html");
  ProcessResult checked = python_check(kHtmlCheck, page);
  EXPECT_EQ(checked.exit_code, 0) << checked.err;
  EXPECT_NE(page.find("<span style=\"color:#6b7280;\">Chats \u203a Retention:</span> <del"), std::string::npos) << page;
  EXPECT_NE(page.find("font-weight:700;\"><ins style=\"background:#dcfce7;color:#166534;text-decoration:none;"
                      "font-weight:600;\">2. Model training</ins></div>"),
            std::string::npos)
      << page;
  // The same in the diff page and the JSON record.
  EXPECT_NE(tosdiff({"diff", "example/terms-of-service", "--format", "html"}).out.find("Chats \u203a Retention:"),
            std::string::npos);
  const json record = json::parse(tosdiff({"diff", "example/terms-of-service", "--json"}).out);
  bool found = false;
  for (const auto& hunk : record["hunks"])
    for (const auto& cell : hunk.value("cells", json::array()))
      found = found || (cell["row"] == "Chats" && cell["column"] == "Retention");
  EXPECT_TRUE(found) << record.dump(2);
}

TEST_F(Views, ShowRawPrintsThePageBehindAVersionOrAFailedCheckByteForByte) {
  // Bytes that are not UTF-8 and a control character: what was served is what is shown.
  const std::string v1 = page("two (2) years") + "<!-- caf\xe9 \x01 -->";
  server_.set("/terms", html(v1));
  ASSERT_EQ(tosdiff({"check"}, "2026-01-10T08:00:00Z").exit_code, 0);
  server_.set("/terms", html(page("ten (10) years")));
  ASSERT_EQ(tosdiff({"check"}, "2026-02-10T08:00:00Z").exit_code, 0);
  const std::string block = "<html><head><title>Just a moment...</title></head><body>Checking your browser "
                            "before accessing the site. Enable JavaScript and cookies to continue.</body></html>";
  server_.set("/terms", html(block, 403));
  EXPECT_EQ(tosdiff({"check"}, "2026-02-11T08:00:00Z").exit_code, 3);

  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--raw", "--at", "v1"}).out, v1);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--raw", "--at", "2026-01-31"}).out, v1);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--raw"}).out, page("ten (10) years"));
  ProcessResult error = tosdiff({"show", "example/terms-of-service", "--raw", "--error"});
  EXPECT_EQ(error.exit_code, 0) << error.err;
  EXPECT_EQ(error.out, block);
  // The normalized text is still what show prints without --raw.
  EXPECT_NE(tosdiff({"show", "example/terms-of-service"}).out.find("# Example Terms\n"), std::string::npos);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--error"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--raw", "--page", "2"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--raw", "--error", "--at", "v1"}).exit_code, 2);
}

TEST_F(Views, ShowRawPicksAPageOfACombinedDocument) {
  server_.set("/part2", html(page("three (3) years")));
  json decl = declaration("Example Platform", "example", {});
  decl["terms"]["Terms of Service"] = {{"combine", {{{"fetch", server_.url("/terms")}}, {{"fetch", server_.url("/part2")}}}}};
  write_text_file(dir_ / "catalog/Example.json", decl.dump(2));
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  ProcessResult second = tosdiff({"show", "example/terms-of-service", "--raw", "--page", "2"});
  EXPECT_EQ(second.out, page("three (3) years"));
  EXPECT_NE(second.err.find("tosdiff: note: page 2 of 2 of version 1 (" + server_.url("/part2") + ")"), std::string::npos)
      << second.err;
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--raw"}).out, page("two (2) years"));
}

TEST_F(Views, NotifyTestSendsASampleThroughEveryTargetAndSaysHowEachWent) {
  server_.set("/hook", html("ok"));
  HttpReply refused;
  refused.status = 500;
  server_.set("/broken", refused);
  SmtpTestServer smtp;
  const std::string exec_log = dir_ / "exec.jsonl";
  // Filters that would take no real change: a test sets them aside.
  write_text_file(dir_ / "config.json",
                  json({{"smtp", {{"smtp_url", smtp.url()}, {"starttls", false}, {"from", "tos@example.com"}}},
                        {"alerts",
                         {{{"type", "webhook"}, {"url", server_.url("/hook")}, {"platforms", {"nothing-like-it"}}},
                          {{"type", "exec"}, {"command", "sh -c 'cat >> " + exec_log + "'"}, {"min_severity", "major"}},
                          {{"type", "email"}, {"to", {"legal@example.com"}}}}}})
                      .dump(2));
  ProcessResult ok = tosdiff({"notify", "--test"});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  const auto lines = lines_of(ok.out);
  ASSERT_EQ(lines.size(), 4u) << ok.out;
  EXPECT_EQ(lines[0].rfind("sending a sample change (tosdiff-test/sample-terms", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind("ok      webhook http://127.0.0.1:", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find("HTTP 200"), std::string::npos) << lines[1];
  EXPECT_EQ(lines[2].rfind("ok      exec", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3].rfind("ok      email to legal@example.com", 0), 0u) << lines[3];
  // What each received is what a real change sends: a record that validates, a digest mail.
  ASSERT_EQ(server_.hits("/hook"), 1);
  const json hooked = json::parse(server_.requests().back().body);
  expect_valid_record(hooked, "the webhook's body");
  EXPECT_EQ(hooked["platform"], "tosdiff-test");
  EXPECT_EQ(hooked["significance"], "substantive");
  const auto executed = json_lines(read_text_file(exec_log));
  ASSERT_EQ(executed.size(), 1u);
  EXPECT_EQ(executed[0]["document"], "sample-terms");
  ASSERT_EQ(smtp.messages().size(), 1u);
  EXPECT_NE(smtp.messages()[0].data.find("Sample Terms of Service"), std::string::npos);
  // Nothing is archived, nothing queued.
  EXPECT_FALSE(std::filesystem::exists(data() + "/tosdiff-test"));
  EXPECT_FALSE(std::filesystem::exists(data() + "/.outbox"));

  // A target that fails: said so, the others still tried, exit 3, nothing queued.
  ProcessResult failed = tosdiff({"notify", "--test", "--notify-webhook", server_.url("/broken")});
  EXPECT_EQ(failed.exit_code, 3);
  const auto failed_lines = lines_of(failed.out);
  ASSERT_EQ(failed_lines.size(), 5u) << failed.out;
  EXPECT_EQ(failed_lines[4].rfind("FAILED  webhook http://127.0.0.1:", 0), 0u) << failed_lines[4];
  EXPECT_NE(failed_lines[4].find("(--notify-webhook)"), std::string::npos);
  EXPECT_NE(failed_lines[4].find("500"), std::string::npos) << failed_lines[4];
  EXPECT_EQ(server_.hits("/broken"), 1) << "no retry in a test";
  EXPECT_EQ(failed.err, "tosdiff: 1 alert target of 4 failed the test\n");
  EXPECT_FALSE(std::filesystem::exists(data() + "/.outbox"));

  // No target, no --test: usage errors.
  write_text_file(dir_ / "config.json", "{}");
  ProcessResult none = tosdiff({"notify", "--test"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("no alert target to test"), std::string::npos) << none.err;
  EXPECT_EQ(tosdiff({"notify"}).exit_code, 2);
}

TEST_F(Views, NotesAreKeptWithTheHistoryAndShownByHistoryAndTheDigest) {
  two_versions();
  ProcessResult noted = tosdiff({"note", "Example/Terms-of-Service", "Legal reviewed v2.\nNothing to do."},
                                "2026-02-12T10:00:00Z");
  ASSERT_EQ(noted.exit_code, 0) << noted.err;
  EXPECT_EQ(noted.out, "noted on example/terms-of-service (version 2, 2026-02-12T10:00:00Z)\n");
  ASSERT_EQ(tosdiff({"note", "example/terms-of-service", "Second look."}, "2026-02-13T10:00:00Z").exit_code, 0);

  // The file: atomic (no temp file left), in the document's directory, as documented.
  const std::string file = data() + "/example/terms-of-service/notes.json";
  const json notes = json::parse(read_text_file(file));
  ASSERT_EQ(notes["notes"].size(), 2u);
  EXPECT_EQ(notes["notes"][0], json({{"at", "2026-02-12T10:00:00Z"}, {"version", "2"}, {"text", "Legal reviewed v2.\nNothing to do."}}));
  for (const auto& e : std::filesystem::directory_iterator(data() + "/example/terms-of-service"))
    EXPECT_EQ(e.path().filename().string().rfind(".tmp-", 0), std::string::npos) << e.path();

  // history: in time order, after the version they follow.
  const auto history = lines_of(tosdiff({"history", "example"}).out);
  ASSERT_EQ(history.size(), 4u);
  EXPECT_NE(history[1].find("  v2  2026-02-10T08:00:00Z  substantive"), std::string::npos) << history[1];
  EXPECT_NE(history[2].find("2026-02-12T10:00:00Z  note"), std::string::npos) << history[2];
  EXPECT_NE(history[2].find("Legal reviewed v2. / Nothing to do."), std::string::npos) << history[2];
  const auto history_json = json_lines(tosdiff({"history", "example/terms-of-service", "--json"}).out);
  ASSERT_EQ(history_json.size(), 4u);
  EXPECT_EQ(history_json[3]["note"], "Second look.");
  EXPECT_EQ(history_json[3]["version"], "2");

  // The digest: the notes of its period.
  ProcessResult digest = tosdiff({"digest", "--since", "2026-02-12", "--until", "2026-02-12", "--format", "json"});
  ASSERT_EQ(digest.exit_code, 0) << digest.err;
  const json d = json::parse(digest.out);
  EXPECT_EQ(d["counts"]["notes"], 1);
  ASSERT_EQ(d["groups"].size(), 1u);
  EXPECT_EQ(d["groups"][0]["notes"][0]["text"], "Legal reviewed v2.\nNothing to do.");
  const std::string text = tosdiff({"digest", "--since", "2026-02-01", "--until", "2026-02-28"}).out;
  EXPECT_NE(text.find("NOTE      Terms of Service  on version 2, 2026-02-12 10:00 UTC"), std::string::npos) << text;
  EXPECT_NE(text.find("1 substantive change (max severity"), std::string::npos) << text;
  ProcessResult page_check = python_check(kHtmlCheck, tosdiff({"digest", "--since", "2026-02-01", "--format", "html"},
                                                               "2026-02-28T00:00:00Z").out);
  EXPECT_EQ(page_check.exit_code, 0) << page_check.err;

  // verify leaves notes alone; a damaged notes file is a problem it reports, never deletes.
  ProcessResult clean = tosdiff({"verify"});
  EXPECT_EQ(clean.exit_code, 0) << clean.out;
  write_text_file(file, "{ not json");
  ProcessResult damaged = tosdiff({"verify", "--repair"});
  EXPECT_EQ(damaged.exit_code, 3);
  EXPECT_NE(damaged.out.find("problem corrupt  example/terms-of-service/notes.json"), std::string::npos) << damaged.out;
  EXPECT_EQ(read_text_file(file), "{ not json");
  ProcessResult history_anyway = tosdiff({"history", "example"});
  EXPECT_EQ(history_anyway.exit_code, 0);
  EXPECT_EQ(lines_of(history_anyway.out).size(), 2u);
  EXPECT_NE(history_anyway.err.find("tosdiff: warning: " + file), std::string::npos) << history_anyway.err;
  EXPECT_EQ(tosdiff({"note", "example/terms-of-service", "more"}).exit_code, 4) << "never overwrites a damaged file";
  EXPECT_EQ(read_text_file(file), "{ not json");

  // Mistakes: no text, control characters, a document never archived or unknown.
  EXPECT_EQ(tosdiff({"note", "example/terms-of-service", "  "}).exit_code, 2);
  EXPECT_EQ(tosdiff({"note", "example/terms-of-service", "bell \a"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"note", "example/privacy", "x"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"note", "example"}).exit_code, 2);
}

}  // namespace
}  // namespace tosdiff::testing
