// Alerts end to end: the real tosdiff binary checks pages served on 127.0.0.1 and alerts
// real receivers started by the tests: a command run with execvp, an HTTP webhook receiver,
// an SMTP server. Cosmetic changes and new documents alert nothing; a failed delivery is
// queued in the outbox and delivered by the next run.

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/smtp_test_server.hpp"
#include "support/tosdiff_helpers.hpp"

namespace tosdiff::testing {
namespace {

// Nothing on stderr but the line a run that changed something ends with: no alert failure,
// no warning.
bool only_summary(const std::string& err) {
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("tosdiff: checked ", 0) != 0) return false;
  return true;
}

std::string page(const std::string& disputes, const std::string& extra = "", const std::string& date = "March 3, 2026") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Terms</title></head><body>"
         "<main><h1>Example Terms</h1><p>Last updated: " + date + "</p>"
         "<h2>1. Your content</h2><p>We keep your content for two (2) years after you close your account.</p>"
         "<h2>2. Disputes</h2><p>" + disputes + "</p>" + extra + "</main></body></html>";
}

const std::string kCourts = "You may bring any dispute before the courts of your place of residence.";
const std::string kArbitration =
    "Any dispute will be resolved by binding individual arbitration, and you waive any right to a jury trial "
    "or to take part in a class action.";

std::vector<json> lines_of(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  return json_lines(read_text_file(path));
}

std::size_t outbox_entries(const std::string& data) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(data + "/.outbox", ec))
    if (e.is_regular_file() && e.path().extension() == ".json") ++n;
  return n;
}

// Undoes quoted-printable, to read the parts of a message.
std::string unqp(const std::string& in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '=' && i + 2 < in.size() && in[i + 1] == '\r') i += 2;
    else if (in[i] == '=' && i + 2 < in.size() && std::isxdigit(static_cast<unsigned char>(in[i + 1])) &&
             std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (in[i] != '\r') out += in[i];
  }
  return out;
}

HttpReply status(int code) {
  HttpReply reply;
  reply.status = code;
  return reply;
}

class Notify : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.set("/terms", html(page(kCourts)));
    server_.set("/privacy", html(page(kCourts, "<p>Our office is open on Mondays.</p>")));
    write_text_file(dir_ / "catalog/example.json",
                    declaration("Example Platform", "example",
                                {{"Terms of Service", server_.url("/terms")}, {"Privacy Policy", server_.url("/privacy")}})
                        .dump(2));
  }

  // Every record the test made tosdiff archive must validate against the schema.
  void TearDown() override { expect_valid_archived_records(data()); }

  void write_config(const json& config) { write_text_file(dir_ / "config.json", config.dump(2)); }

  ProcessResult tosdiff(std::vector<std::string> args, std::vector<std::string> env = {}) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog",
                                     "--config", dir_ / "config.json"};
    argv.insert(argv.end(), args.begin(), args.end());
    env.push_back("NO_COLOR=1");
    env.push_back("XDG_CONFIG_HOME=" + (dir_ / "xdg"));
    return run_process(argv, env, std::chrono::seconds(60));
  }

  // The first run archives both documents (new: no alert), the second finds `terms` and
  // `privacy` changed as given.
  ProcessResult first_then_change(const std::string& terms, const std::string& privacy,
                                  std::vector<std::string> args = {"check", "--json"}, std::vector<std::string> env = {}) {
    ProcessResult first = tosdiff({"check"}, env);
    EXPECT_EQ(first.exit_code, 0) << first.err;
    server_.set("/terms", html(terms));
    server_.set("/privacy", html(privacy));
    return tosdiff(std::move(args), std::move(env));
  }

  std::string data() const { return dir_ / "data"; }
  std::string exec_log() const { return dir_ / "exec.jsonl"; }
  std::string exec_command() const { return "sh -c 'cat >> " + exec_log() + "'"; }

  TempDir dir_;
  HttpTestServer server_;
};

TEST_F(Notify, ExecGetsOneRecordPerSubstantiveChangeOnItsStdin) {
  write_config({{"alerts", {{{"type", "exec"}, {"command", exec_command()}},
                            {{"type", "exec"}, {"command", "sh -c 'env | grep ^TOSDIFF_ | sort > " + (dir_ / "env.txt") + "'"}}}}});
  ProcessResult first = tosdiff({"check"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(lines_of(exec_log()).empty());  // new documents alert nothing
  server_.set("/terms", html(page(kArbitration)));
  ProcessResult r = tosdiff({"check", "--json", "--exit-code"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(only_summary(r.err)) << r.err;
  auto records = lines_of(exec_log());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["platform"], "example");
  EXPECT_EQ(records[0]["document"], "terms-of-service");
  EXPECT_EQ(records[0]["status"], "changed");
  EXPECT_EQ(records[0]["significance"], "substantive");
  EXPECT_EQ(records[0], *find_document(json_lines(r.out), "terms-of-service"));  // the record printed
  const std::string env = read_text_file(dir_ / "env.txt");
  EXPECT_NE(env.find("TOSDIFF_PLATFORM=example\n"), std::string::npos) << env;
  EXPECT_NE(env.find("TOSDIFF_DOCUMENT=terms-of-service\n"), std::string::npos);
  EXPECT_NE(env.find("TOSDIFF_SIGNIFICANCE=substantive\n"), std::string::npos);
  EXPECT_NE(env.find("TOSDIFF_VERSION=2\n"), std::string::npos);
  EXPECT_NE(env.find("TOSDIFF_SEVERITY=" + records[0]["severity"].get<std::string>() + "\n"), std::string::npos);
  EXPECT_NE(env.find("TOSDIFF_SUMMARY=" + records[0]["summary"].get<std::string>() + "\n"), std::string::npos);
}

TEST_F(Notify, CosmeticChangesAndNewDocumentsAlertNothing) {
  SmtpTestServer smtp;
  server_.set("/hook", status(200));
  write_config({{"alerts",
                 {{{"type", "exec"}, {"command", exec_command()}},
                  {{"type", "webhook"}, {"url", server_.url("/hook")}},
                  {{"type", "email"}, {"to", "legal@example.com"}, {"from", "tos@example.com"},
                   {"smtp_url", smtp.url()}, {"starttls", false}}}}});
  ProcessResult r = first_then_change(page(kCourts, "", "3 March 2026"),
                                      page(kCourts, "<p>Our office is open on Mondays.</p>", "2026-03-03"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& l : json_lines(r.out)) EXPECT_EQ(l["significance"], "cosmetic") << l.dump();
  EXPECT_TRUE(lines_of(exec_log()).empty());
  EXPECT_EQ(server_.hits("/hook"), 0);
  EXPECT_TRUE(smtp.messages().empty());
  EXPECT_EQ(smtp.connections(), 0);
  EXPECT_TRUE(only_summary(r.err)) << r.err;
  EXPECT_FALSE(std::filesystem::exists(data() + "/.outbox"));
}

TEST_F(Notify, MinimumSeverityFiltersAlerts) {
  write_config({{"alerts", {{{"type", "exec"}, {"command", exec_command()}, {"min_severity", "major"}}}}});
  ProcessResult r = first_then_change(page(kArbitration), page(kCourts, "<p>Our office is open on Tuesdays.</p>"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = json_lines(r.out);
  const json* terms = find_document(lines, "terms-of-service");
  const json* privacy = find_document(lines, "privacy-policy");
  ASSERT_TRUE(terms && privacy);
  ASSERT_EQ((*terms)["severity"], "major") << terms->dump();
  ASSERT_EQ((*privacy)["significance"], "substantive");
  ASSERT_NE((*privacy)["severity"], "major");
  auto records = lines_of(exec_log());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["document"], "terms-of-service");
}

TEST_F(Notify, MinSeverityFlagAppliesToFlagTargets) {
  write_config(json::object());
  ProcessResult r = first_then_change(page(kArbitration), page(kCourts, "<p>Our office is open on Tuesdays.</p>"),
                                      {"check", "--notify-exec", exec_command(), "--min-severity", "major"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto records = lines_of(exec_log());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["document"], "terms-of-service");
  // Without the floor both substantive changes alert (not back to version 1: a way back
  // within the hour is a variant's blip, flapping).
  server_.set("/terms", html(page(kCourts, "<p>Refunds are made within 14 days.</p>")));
  server_.set("/privacy", html(page(kCourts, "<p>Our office is open on Fridays.</p>")));
  ProcessResult unfloored = tosdiff({"check", "--json", "--notify-exec", exec_command()});
  ASSERT_EQ(unfloored.exit_code, 0) << unfloored.err;
  EXPECT_EQ(lines_of(exec_log()).size(), 3u) << unfloored.out;
}

TEST_F(Notify, WebhookFailureIsQueuedAndDeliveredByTheNextRun) {
  int status = 500;
  server_.set("/hook", [&status](const HttpRequest&) {
    HttpReply reply;
    reply.status = status;
    reply.body = status == 500 ? "down for maintenance" : "ok";
    return reply;
  });
  write_config({{"alerts", {{{"type", "webhook"}, {"url", server_.url("/hook")}, {"retries", 0}}}}});
  ProcessResult first = first_then_change(page(kArbitration), page(kCourts, "<p>Our office is open on Mondays.</p>"),
                                          {"check", "--json", "--exit-code"});
  // A failed delivery does not change the exit code: 1 says "a substantive change", as always.
  EXPECT_EQ(first.exit_code, 1) << first.err;
  EXPECT_NE(first.err.find("tosdiff: alert failed: webhook http://127.0.0.1:" + std::to_string(server_.port()) +
                           "/... (example/terms-of-service): HTTP 500: down for maintenance; queued in"),
            std::string::npos)
      << first.err;
  EXPECT_EQ(server_.hits("/hook"), 1);
  EXPECT_EQ(outbox_entries(data()), 1u);
  for (const auto& l : json_lines(first.out)) EXPECT_TRUE(l.contains("status"));  // stdout stays records only
  const json record = *find_document(json_lines(first.out), "terms-of-service");

  status = 200;
  ProcessResult second = tosdiff({"check", "--exit-code"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("tosdiff: alert delivered on retry: webhook"), std::string::npos) << second.err;
  EXPECT_EQ(outbox_entries(data()), 0u);
  const auto requests = server_.requests();
  std::vector<HttpRequest> posts;
  for (const auto& q : requests)
    if (q.path == "/hook") posts.push_back(q);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[1].method, "POST");
  EXPECT_EQ(posts[1].header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(json::parse(posts[1].body), record);
  EXPECT_EQ(posts[0].body, posts[1].body);

  // Delivered once: a third run sends nothing.
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  EXPECT_EQ(server_.hits("/hook"), 2);
}

TEST_F(Notify, WebhookFormatsForSlackAndTeams) {
  server_.set("/slack", status(200));
  server_.set("/teams", status(200));
  write_config({{"alerts", {{{"type", "webhook"}, {"url", server_.url("/slack")}, {"format", "slack"}},
                            {{"type", "webhook"}, {"url", server_.url("/teams")}, {"format", "teams"}}}}});
  ProcessResult r = first_then_change(page(kArbitration), page(kCourts, "<p>Our office is open on Mondays.</p>"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& q : server_.requests()) {
    if (q.path == "/slack") {
      const json body = json::parse(q.body);
      EXPECT_EQ(body.size(), 1u);
      EXPECT_NE(body["text"].get<std::string>().find("Terms of Service changed"), std::string::npos);
    } else if (q.path == "/teams") {
      EXPECT_EQ(json::parse(q.body)["@type"], "MessageCard");
    }
  }
  EXPECT_EQ(server_.hits("/slack"), 1);
  EXPECT_EQ(server_.hits("/teams"), 1);
}

TEST_F(Notify, EmailIsOneDigestPerRunThroughSmtp) {
  SmtpTestServer smtp;
  write_config({{"smtp", {{"smtp_url", smtp.url()}, {"starttls", false}, {"from", "tosdiff <tos@example.com>"},
                          {"username_env", "TEST_SMTP_USER"}, {"password_env", "TEST_SMTP_PASS"}}},
                {"alerts", {{{"type", "email"}, {"to", {"legal@example.com", "dpo@example.com"}}}}}});
  const std::vector<std::string> env = {"TEST_SMTP_USER=watcher", "TEST_SMTP_PASS=pa55"};
  ProcessResult r = first_then_change(page(kArbitration), page(kCourts, "<p>Our office is open on Tuesdays.</p>"),
                                      {"check", "--json"}, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(only_summary(r.err)) << r.err;
  const auto messages = smtp.messages();
  ASSERT_EQ(messages.size(), 1u);
  const SmtpMessage& m = messages[0];
  EXPECT_EQ(m.mail_from, "tos@example.com");
  EXPECT_EQ(m.rcpt_to, (std::vector<std::string>{"legal@example.com", "dpo@example.com"}));
  EXPECT_EQ(m.auth_user, "watcher");
  EXPECT_EQ(m.auth_password, "pa55");
  EXPECT_NE(m.data.find("Subject: tosdiff: 2 substantive changes (max severity major)\r\n"), std::string::npos) << m.data;
  EXPECT_NE(m.data.find("From: \"tosdiff\" <tos@example.com>\r\n"), std::string::npos);
  EXPECT_NE(m.data.find("To: legal@example.com,\r\n dpo@example.com\r\n"), std::string::npos);
  EXPECT_EQ(m.data.rfind("Date: ", 0), 0u);
  EXPECT_NE(m.data.find("\r\nMessage-ID: <"), std::string::npos);
  EXPECT_NE(m.data.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(m.data.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  const std::string body = unqp(m.data);
  EXPECT_NE(body.find("Content-Type: text/plain; charset=utf-8"), std::string::npos);
  EXPECT_NE(body.find("MAJOR     Terms of Service"), std::string::npos) << body;
  EXPECT_NE(body.find("binding individual arbitration, and you waive"), std::string::npos) << body;
  EXPECT_NE(body.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_NE(body.find("<ins style="), std::string::npos);
  EXPECT_NE(body.find("Privacy Policy"), std::string::npos);
  // A run without changes sends no mail.
  ASSERT_EQ(tosdiff({"check"}, env).exit_code, 0);
  EXPECT_EQ(smtp.messages().size(), 1u);
}

TEST_F(Notify, NotifyEmailFlagUsesTheConfiguredServerAndARefusalIsQueued) {
  SmtpTestServer smtp;
  smtp.set_data_reply(451);
  write_config({{"smtp", {{"smtp_url", smtp.url()}, {"starttls", false}, {"from", "tos@example.com"}}}});
  ProcessResult r = first_then_change(page(kArbitration), page(kCourts, "<p>Our office is open on Mondays.</p>"),
                                      {"check", "--notify-email", "legal@example.com"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("tosdiff: alert failed: email to legal@example.com (example/terms-of-service)"), std::string::npos)
      << r.err;
  EXPECT_EQ(outbox_entries(data()), 1u);
  smtp.set_data_reply(250);
  ProcessResult again = tosdiff({"check", "--notify-email", "legal@example.com"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  ASSERT_EQ(smtp.messages().size(), 1u);
  EXPECT_NE(smtp.messages()[0].data.find("Subject: tosdiff: 1 substantive change (max severity major)"), std::string::npos);
  EXPECT_EQ(outbox_entries(data()), 0u);
}

TEST_F(Notify, PageContentNeverReachesACommandLine) {
  const std::string pwned = dir_ / "pwned";
  const std::string evil = "$(touch " + pwned + ") `touch " + pwned + "` ; touch " + pwned + " | touch " + pwned +
                           " && touch " + pwned + " \"'";
  write_config({{"alerts", {{{"type", "exec"},
                             {"command", "sh -c 'printf \"%s\\n\" \"$@\" > " + (dir_ / "args.txt") + "; cat > " +
                                             (dir_ / "record.json") + "; printf %s \"$TOSDIFF_SUMMARY\" > " +
                                             (dir_ / "summary.txt") + "' tosdiff-alert"}}}}});
  ProcessResult first = tosdiff({"check"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // The evil text is both a heading (it lands in the summary) and a sentence.
  const std::string evil_page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title></head><body><main>"
                                "<h1>Example Terms</h1><p>Last updated: March 3, 2026</p>"
                                "<h2>1. Your content</h2><p>We keep your content for two (2) years after you close your account.</p>"
                                "<h2>" + evil + "</h2><p>" + evil + "\nsecond line</p><h2>2. Disputes</h2><p>" + kCourts +
                                "</p></main></body></html>";
  server_.set("/terms", html(evil_page));
  ProcessResult r = tosdiff({"check", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(pwned));
  EXPECT_EQ(read_text_file(dir_ / "args.txt"), "\n");  // no argument but the ones configured
  const json record = json::parse(read_text_file(dir_ / "record.json"));
  expect_valid_record(record, "an exec alert's standard input");
  EXPECT_NE(record.dump().find("$(touch"), std::string::npos);
  const std::string summary = read_text_file(dir_ / "summary.txt");
  EXPECT_NE(summary.find("$(touch " + pwned + ")"), std::string::npos) << summary;
  EXPECT_EQ(summary.find('\n'), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(pwned));
}

TEST_F(Notify, AFailingCommandIsReportedQueuedAndDoesNotChangeTheExitCode) {
  write_config({{"alerts", {{{"type", "exec"}, {"command", "sh -c 'echo cannot reach the pager >&2; exit 7'"}},
                            {{"type", "exec"}, {"command", "/nonexistent/notifier --flag"}}}}});
  ProcessResult r = first_then_change(page(kArbitration), page(kCourts, "<p>Our office is open on Mondays.</p>"),
                                      {"check", "--exit-code"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("alert failed: exec 'sh' (example/terms-of-service): exit status 7: cannot reach the pager"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("alert failed: exec '/nonexistent/notifier' (example/terms-of-service): could not be started"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(outbox_entries(data()), 2u);
  EXPECT_NE(r.out.find("CHANGED  example/terms-of-service"), std::string::npos);
}

TEST_F(Notify, ConfigurationMistakesAreUsageErrorsBeforeAnyFetch) {
  write_text_file(dir_ / "config.json", R"({"alerts": [{"type": "webhook", "url": "https://x.example/", "formt": "slack"}]})");
  ProcessResult r = tosdiff({"check"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("tosdiff: error: configuration: " + (dir_ / "config.json") +
                       ": alerts[0] (webhook): formt: unknown key"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(server_.requests().size(), 0u);
  write_text_file(dir_ / "config.json", R"({"alerts": [{"type": "exec", "command": "true", "topics": ["ai-training"]}]})");
  ProcessResult topic = tosdiff({"check"});
  EXPECT_EQ(topic.exit_code, 2);
  EXPECT_NE(topic.err.find("unknown topic 'ai-training'"), std::string::npos) << topic.err;
  write_config(json::object());
  ProcessResult email = tosdiff({"check", "--notify-email", "legal@example.com"});
  EXPECT_EQ(email.exit_code, 2);
  EXPECT_NE(email.err.find("--notify-email"), std::string::npos);
  EXPECT_NE(email.err.find("TOSDIFF_SMTP_URL"), std::string::npos) << email.err;
  ProcessResult missing = run_process({TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog", "--config",
                                       dir_ / "nope.json", "check"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read the configuration file"), std::string::npos);
  ProcessResult quote = tosdiff({"check", "--notify-exec", "sh -c 'unbalanced"});
  EXPECT_EQ(quote.exit_code, 2);
  EXPECT_NE(quote.err.find("unterminated single quote"), std::string::npos);
  ProcessResult severity = tosdiff({"check", "--min-severity", "huge"});
  EXPECT_EQ(severity.exit_code, 2);
  EXPECT_EQ(server_.requests().size(), 0u);
}

TEST_F(Notify, CheckDefaultsComeFromTheConfigurationAndFlagsWin) {
  write_config({{"check", {{"max_size", 1024}}}});
  server_.set("/terms", html(page(kCourts, "<p>" + std::string(3000, 'x') + "</p>")));
  ProcessResult small = tosdiff({"check", "--json", "example/terms-of-service"});
  EXPECT_EQ(small.exit_code, 3) << small.err;
  EXPECT_EQ(json_lines(small.out)[0]["error"]["kind"], "too_large");
  ProcessResult flag = tosdiff({"check", "--json", "--max-size", "100000", "example/terms-of-service"});
  EXPECT_EQ(flag.exit_code, 0) << flag.err;
  // Found in $XDG_CONFIG_HOME/tosdiff/config.json without --config.
  write_text_file(dir_ / "xdg/tosdiff/config.json", R"({"check": {"max_size": 1024}})");
  server_.set("/terms", html(page(kArbitration, "<p>" + std::string(3000, 'y') + "</p>")));
  ProcessResult xdg = run_process({TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog", "check", "--json",
                                   "example/terms-of-service"},
                                  {"XDG_CONFIG_HOME=" + (dir_ / "xdg")});
  EXPECT_EQ(xdg.exit_code, 3) << xdg.err;
}

TEST_F(Notify, NoAlertsSendsNothingAndLeavesTheOutbox) {
  write_config({{"alerts", {{{"type", "exec"}, {"command", exec_command()}}}}});
  ProcessResult r = first_then_change(page(kArbitration), page(kCourts), {"check", "--no-alerts"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(lines_of(exec_log()).empty());
}

}  // namespace
}  // namespace tosdiff::testing
