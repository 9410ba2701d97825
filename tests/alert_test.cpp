// Alerts: shell-word splitting, the configuration file, filters, the exec environment, the
// subprocess runner, and the outbox logic of run_alerts (with a fake sender).

#include "tosdiff/notify/alert_target.hpp"
#include "tosdiff/notify/delivery.hpp"
#include "tosdiff/notify/exec_channel.hpp"
#include "tosdiff/notify/sender.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <sstream>

#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/records.hpp"
#include "tosdiff/app/config.hpp"
#include "tosdiff/notify/outbox.hpp"
#include "tosdiff/util/shell_words.hpp"
#include "tosdiff/util/subprocess.hpp"

namespace tosdiff {
namespace {

using testing::changed_record;
using testing::cosmetic_change;
using testing::new_record;
using testing::small_change;
using Strings = std::vector<std::string>;

// ---- shell words ----------------------------------------------------------------------------

TEST(ShellWords, SplitsLikeAShellWithoutExpanding) {
  EXPECT_EQ(split_shell_words("notify-send tosdiff"), (Strings{"notify-send", "tosdiff"}));
  EXPECT_EQ(split_shell_words("sh -c 'cat >> /var/log/tos.jsonl'"), (Strings{"sh", "-c", "cat >> /var/log/tos.jsonl"}));
  EXPECT_EQ(split_shell_words("  a\t b  \n c "), (Strings{"a", "b", "c"}));
  EXPECT_EQ(split_shell_words(R"(echo "a \"quoted\" \$HOME \\ \x" 'single \ "x"')"),
            (Strings{"echo", R"(a "quoted" $HOME \ \x)", R"(single \ "x")"}));
  EXPECT_EQ(split_shell_words(R"(a\ b c\'d)"), (Strings{"a b", "c'd"}));
  EXPECT_EQ(split_shell_words("'a'\"b\"c ''"), (Strings{"abc", ""}));
  EXPECT_EQ(split_shell_words("a\\\nb"), (Strings{"ab"}));
  // Nothing is expanded: these reach the program as they are.
  EXPECT_EQ(split_shell_words("echo $(touch /tmp/x) `id` $HOME *.txt ~ ; | >"),
            (Strings{"echo", "$(touch", "/tmp/x)", "`id`", "$HOME", "*.txt", "~", ";", "|", ">"}));
}

TEST(ShellWords, RejectsWhatItCannotSplit) {
  EXPECT_THROW(split_shell_words("sh -c 'unterminated"), ShellWordsError);
  EXPECT_THROW(split_shell_words("echo \"unterminated"), ShellWordsError);
  EXPECT_THROW(split_shell_words("echo \\"), ShellWordsError);
  EXPECT_THROW(split_shell_words("   "), ShellWordsError);
  EXPECT_THROW(split_shell_words(""), ShellWordsError);
}

// ---- configuration ----------------------------------------------------------------------------

Environment fake_env(std::map<std::string, std::string> values) {
  return [values](const std::string& name) {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  };
}

Config parse(const std::string& text, std::map<std::string, std::string> env = {}) {
  return parse_config(text, "config.json", fake_env(std::move(env)));
}

std::string config_error(const std::string& text, std::map<std::string, std::string> env = {}) {
  try {
    parse(text, std::move(env));
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Config, ParsesEveryKindOfAlertAndTheCheckDefaults) {
  Config c = parse(R"({
    "comment": "mine",
    "check": {"jobs": 8, "per_host": 1, "delay": 0.5, "timeout": 20, "max_size": 2048, "lock_wait": 5,
              "min_severity": "minor"},
    "smtp": {"smtp_url": "smtps://smtp.example.com:465", "from": "tosdiff <tos@example.com>",
             "username_env": "MY_USER", "password_env": "MY_PASS"},
    "alerts": [
      {"type": "exec", "command": "sh -c 'cat >> /tmp/log'", "min_severity": "moderate",
       "platforms": ["openai"], "topics": ["ai_training"], "timeout": 5},
      {"type": "webhook", "url": "https://hooks.slack.com/services/T/B/secret", "format": "slack", "retries": 0},
      {"type": "email", "to": "legal@example.com"},
      {"type": "email", "to": ["a@example.com", "b@example.com"], "smtp_url": "smtp://127.0.0.1:2525",
       "starttls": false, "from": "x@example.com", "username": "u", "password": "p"}
    ]})",
                   {{"MY_USER", "user"}, {"MY_PASS", "secret"}});
  EXPECT_EQ(c.check.jobs, 8);
  EXPECT_EQ(c.check.per_host, 1);
  EXPECT_EQ(c.check.delay, 0.5);
  EXPECT_EQ(c.check.max_size, 2048u);
  EXPECT_EQ(c.check.min_severity, Severity::minor);
  ASSERT_EQ(c.alerts.size(), 4u);
  EXPECT_EQ(c.alerts[0].argv, (Strings{"sh", "-c", "cat >> /tmp/log"}));
  EXPECT_EQ(c.alerts[0].filter.min_severity, Severity::moderate);
  EXPECT_EQ(c.alerts[0].filter.topics, (Strings{"ai_training"}));
  EXPECT_EQ(c.alerts[0].timeout_seconds, 5);
  EXPECT_EQ(c.alerts[1].format, "slack");
  EXPECT_EQ(c.alerts[1].retries, 0);
  EXPECT_EQ(c.alerts[1].timeout_seconds, 10);
  // The "smtp" object fills what the alert leaves out; credentials from the environment.
  EXPECT_EQ(c.alerts[2].smtp.url, "smtps://smtp.example.com:465");
  EXPECT_EQ(c.alerts[2].smtp.username, "user");
  EXPECT_EQ(c.alerts[2].smtp.password, "secret");
  EXPECT_EQ(c.alerts[2].to, (Strings{"legal@example.com"}));
  EXPECT_EQ(c.alerts[3].smtp.url, "smtp://127.0.0.1:2525");
  EXPECT_FALSE(c.alerts[3].smtp.starttls);
  EXPECT_EQ(c.alerts[3].smtp.username, "u");
}

TEST(Config, MistakesAreNamedWithTheirPlace) {
  EXPECT_NE(config_error("{").find("config.json: not valid JSON"), std::string::npos);
  EXPECT_NE(config_error(R"({"alert": []})").find("config.json: alert: unknown key"), std::string::npos);
  EXPECT_NE(config_error(R"({"check": {"jobs": 0}})").find("check: jobs: must be between 1 and 256"), std::string::npos);
  EXPECT_NE(config_error(R"({"check": {"jobs": 2.5}})").find("jobs: must be a whole number"), std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "sms"}]})").find("alerts[0]: type: 'sms' is not an alert type"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "exec"}]})").find("alerts[0] (exec): command: missing"), std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "exec", "command": "sh -c 'x"}]})").find("unterminated single quote"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "exec", "command": "x", "min_severity": "huge"}]})")
                .find("min_severity: 'huge' is not a severity"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "webhook", "url": "ftp://x.example/"}]})").find("must be an http:// or https:// URL"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "webhook", "url": "https://x.example/", "format": "xml"}]})")
                .find("format: 'xml' is not a format"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "webhook", "url": "https://x.example/", "retry": 1}]})")
                .find("alerts[0] (webhook): retry: unknown key"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "email", "to": "a@example.com"}]})").find("no SMTP server"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "email", "to": "not an address", "smtp_url": "smtps://h", "from": "a@b.c"}]})")
                .find("'not an address' is not an email address"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "email", "to": "a@example.com", "smtp_url": "https://h", "from": "a@b.c"}]})")
                .find("must start with smtps://"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "email", "to": "a@example.com", "smtp_url": "smtps://h"}]})").find("no sender"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "email", "to": "a@example.com", "smtp_url": "smtps://h", "from": "a@b.c",
                                         "username": "u"}]})")
                .find("a username without a password"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "email", "to": "a@example.com", "smtp_url": "smtps://h", "from": "a@b.c",
                                         "username": "u", "password_env": "NOPE"}]})")
                .find("password_env: the environment variable NOPE is not set"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"alerts": [{"type": "email", "to": "a@example.com", "smtp_url": "smtps://h", "from": "a@b.c",
                                         "password": "p", "password_env": "P"}]})")
                .find("not both"),
            std::string::npos);
}

TEST(Config, StarttlsMayBeTurnedOffOnlyForALoopbackServer) {
  const std::string base = R"({"alerts": [{"type": "email", "to": "a@example.com", "from": "a@b.c", "starttls": false, "smtp_url": ")";
  EXPECT_NO_THROW(parse(base + "smtp://127.0.0.1:2525\"}]}"));
  EXPECT_NO_THROW(parse(base + "smtp://localhost\"}]}"));
  EXPECT_NO_THROW(parse(base + "smtp://[::1]:25\"}]}"));
  EXPECT_NE(config_error(base + "smtp://smtp.example.com:587\"}]}").find("starttls: false is accepted only"),
            std::string::npos);
  EXPECT_NE(config_error(base + "smtp://127.0.0.1.evil.example:25\"}]}").find("starttls: false is accepted only"),
            std::string::npos);
  // STARTTLS is required otherwise, whatever the server.
  Config c = parse(R"({"alerts": [{"type": "email", "to": "a@example.com", "from": "a@b.c", "smtp_url": "smtp://mail.example.com:587"}]})");
  EXPECT_TRUE(c.alerts[0].smtp.starttls);
}

TEST(Config, FlagsMakeTargetsAndEmailFallsBackToTheEnvironment) {
  Config none = load_config("", fake_env({{"TOSDIFF_SMTP_URL", "smtps://smtp.example.com"},
                                          {"TOSDIFF_SMTP_FROM", "tos@example.com"},
                                          {"TOSDIFF_SMTP_USER", "u"},
                                          {"TOSDIFF_SMTP_PASSWORD", "p"},
                                          {"HOME", "/nonexistent"}}));
  auto targets = flag_targets({"notify-send 'tos change'"}, {"http://127.0.0.1:9/hook"}, {"a@example.com", "b@example.com"}, none);
  ASSERT_EQ(targets.size(), 3u);
  EXPECT_EQ(targets[0].argv, (Strings{"notify-send", "tos change"}));
  EXPECT_EQ(targets[1].format, "json");
  EXPECT_EQ(targets[2].to, (Strings{"a@example.com", "b@example.com"}));
  EXPECT_EQ(targets[2].smtp.url, "smtps://smtp.example.com");
  EXPECT_EQ(targets[2].smtp.password, "p");
  Config empty = load_config("", fake_env({{"HOME", "/nonexistent"}}));
  try {
    flag_targets({}, {}, {"a@example.com"}, empty);
    ADD_FAILURE() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("--notify-email: no SMTP server"), std::string::npos) << e.what();
  }
  EXPECT_THROW(flag_targets({"'"}, {}, {}, empty), ConfigError);
  EXPECT_THROW(flag_targets({}, {"file:///etc/passwd"}, {}, empty), ConfigError);
  EXPECT_THROW(flag_targets({}, {"https://"}, {}, empty), ConfigError);
  EXPECT_THROW(flag_targets({}, {"http:///path"}, {}, empty), ConfigError);
  EXPECT_EQ(flag_targets({}, {"http://h/"}, {}, empty).size(), 1u);
}

TEST(Config, FileIsFoundInXdgConfigHomeAndAMissingExplicitFileIsAnError) {
  testing::TempDir dir;
  EXPECT_TRUE(config_path("", fake_env({{"XDG_CONFIG_HOME", dir.path()}})).empty());
  testing::write_text_file(dir / "tosdiff/config.json", R"({"check": {"jobs": 3}})");
  EXPECT_EQ(config_path("", fake_env({{"XDG_CONFIG_HOME", dir.path()}})), dir / "tosdiff/config.json");
  EXPECT_EQ(load_config("", fake_env({{"XDG_CONFIG_HOME", dir.path()}})).check.jobs, 3);
  testing::write_text_file(dir / "home/.config/tosdiff/config.json", R"({"check": {"jobs": 4}})");
  EXPECT_EQ(load_config("", fake_env({{"HOME", dir / "home"}})).check.jobs, 4);
  EXPECT_THROW(load_config(dir / "missing.json", fake_env({})), ConfigError);
}

// ---- filters and targets ------------------------------------------------------------------

TEST(AlertFilter, TakesOnlySubstantiveChangesThatPassIt) {
  const ChangeRecord major = changed_record("openai", "terms-of-service");
  const ChangeRecord minor = small_change("openai", "privacy-policy");
  ASSERT_EQ(major.severity, Severity::major);
  ASSERT_EQ(minor.severity, Severity::minor);
  AlertFilter any;
  EXPECT_TRUE(any.takes(major));
  EXPECT_TRUE(any.takes(minor));
  EXPECT_FALSE(any.takes(cosmetic_change("openai", "terms-of-service")));
  EXPECT_FALSE(any.takes(new_record("openai", "terms-of-service")));
  ChangeRecord error;
  error.status = Status::error;
  EXPECT_FALSE(any.takes(error));

  AlertFilter moderate{Severity::moderate, {}, {}};
  EXPECT_TRUE(moderate.takes(major));
  EXPECT_FALSE(moderate.takes(minor));
  EXPECT_FALSE(any.takes(minor, Severity::major));  // check --min-severity: a floor for every target
  EXPECT_TRUE(any.takes(major, Severity::major));

  AlertFilter platforms{Severity::unclassified, {"anthropic", "openai/terms-of-service"}, {}};
  EXPECT_TRUE(platforms.takes(major));
  EXPECT_FALSE(platforms.takes(minor));  // openai/privacy-policy
  AlertFilter topics{Severity::unclassified, {}, {"dispute_resolution", "children"}};
  EXPECT_TRUE(topics.takes(major));
  EXPECT_FALSE(topics.takes(minor));
}

TEST(AlertTarget, KeysNameTheDestinationAndLabelsHideSecrets) {
  AlertTarget a;
  a.type = "webhook";
  a.url = "https://hooks.slack.com/services/T000/B000/XXXXSECRET";
  AlertTarget b = a;
  b.format = "slack";
  b.retries = 0;
  EXPECT_EQ(a.key(), b.key());  // same destination
  EXPECT_EQ(a.key().size(), 64u);
  EXPECT_EQ(a.key().find("SECRET"), std::string::npos);
  EXPECT_EQ(a.label(), "webhook https://hooks.slack.com/...");
  EXPECT_EQ(b.label(), "webhook https://hooks.slack.com/... (slack)");
  b.url += "2";
  EXPECT_NE(a.key(), b.key());
  AlertTarget e;
  e.type = "email";
  e.to = {"b@x.example", "a@x.example"};
  e.smtp.url = "smtps://s";
  AlertTarget f = e;
  f.to = {"a@x.example", "b@x.example"};
  f.smtp.url = "smtp://other.example:587";  // another route to the same people
  EXPECT_EQ(e.key(), f.key());
  AlertTarget x;
  x.type = "exec";
  x.command = "curl -d @- https://token@example.com/";
  x.argv = split_shell_words(x.command);
  EXPECT_EQ(x.label(), "exec 'curl'");
}

TEST(ExecEnvironment, SaysWhatChangedWithoutControlCharacters) {
  ChangeRecord r = changed_record("openai", "terms-of-service");
  r.title = "Evil\nTitle\x1b[31m";
  auto env = exec_environment(r);
  std::map<std::string, std::string> m(env.begin(), env.end());
  EXPECT_EQ(m["TOSDIFF_PLATFORM"], "openai");
  EXPECT_EQ(m["TOSDIFF_DOCUMENT"], "terms-of-service");
  EXPECT_EQ(m["TOSDIFF_SEVERITY"], "major");
  EXPECT_EQ(m["TOSDIFF_SIGNIFICANCE"], "substantive");
  EXPECT_EQ(m["TOSDIFF_VERSION"], "2");
  EXPECT_EQ(m["TOSDIFF_PREVIOUS_VERSION"], "1");
  EXPECT_EQ(m["TOSDIFF_TITLE"], "Evil Title [31m");
  EXPECT_NE(m["TOSDIFF_SUMMARY"].find("changed: +"), std::string::npos);
  for (const auto& [name, value] : env)
    for (char c : value) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << name;
  EXPECT_EQ(sanitize_env_value(std::string(2000, 'x')).size(), 1000u);
  // Never cut inside a UTF-8 character.
  std::string accents;
  for (int i = 0; i < 600; ++i) accents += "\xC3\xA9";
  EXPECT_EQ(sanitize_env_value(accents).size(), 1000u);
  EXPECT_EQ(sanitize_env_value(std::string(999, 'x') + "\xC3\xA9").size(), 999u);
}

// ---- subprocess ---------------------------------------------------------------------------

TEST(Subprocess, GivesInputAndEnvironmentAndCapturesOutput) {
  auto r = run_subprocess({"sh", "-c", "cat; echo \"[$TOSDIFF_X]\"; echo oops >&2; exit 3"}, {{"TOSDIFF_X", "v a l"}},
                          "line on stdin\n", std::chrono::seconds(10));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.output.find("line on stdin\n[v a l]\n"), std::string::npos) << r.output;
  EXPECT_EQ(r.describe(), "exit status 3: oops");
  auto ok = run_subprocess({"true"}, {}, std::string(1 << 20, 'x'), std::chrono::seconds(10));  // ignores its input
  EXPECT_TRUE(ok.ok()) << ok.describe();
}

TEST(Subprocess, AMissingProgramIsAStartError) {
  auto r = run_subprocess({"/nonexistent/tosdiff-notifier"}, {}, "", std::chrono::seconds(5));
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.start_error.find("No such file"), std::string::npos) << r.start_error;
  EXPECT_NE(r.describe().find("could not be started"), std::string::npos);
}

TEST(Subprocess, TheDeadlineKillsTheWholeProcessGroup) {
  testing::TempDir dir;
  const auto started = std::chrono::steady_clock::now();
  // The grandchild would write the file after 3 s if the kill did not reach it.
  auto r = run_subprocess({"sh", "-c", "(sleep 3; touch " + (dir / "survivor") + ") & sleep 30"}, {}, "",
                          std::chrono::milliseconds(500));
  EXPECT_TRUE(r.timed_out);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  EXPECT_NE(r.describe().find("timeout"), std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  EXPECT_FALSE(std::filesystem::exists(dir / "survivor"));
}

TEST(Subprocess, StopKillsItLikeTheDeadline) {
  std::atomic<bool> stop{false};
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop = true;
  });
  const auto started = std::chrono::steady_clock::now();
  auto r = run_subprocess({"sleep", "30"}, {}, "", std::chrono::seconds(30), &stop);
  stopper.join();
  EXPECT_TRUE(r.timed_out);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(Subprocess, ABackgroundedChildDoesNotHoldTheRunBack) {
  const auto started = std::chrono::steady_clock::now();
  auto r = run_subprocess({"sh", "-c", "sleep 5 & echo started"}, {}, "", std::chrono::seconds(20));
  EXPECT_TRUE(r.ok()) << r.describe();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
}

// ---- run_alerts and the outbox ------------------------------------------------------------

// Records every send; fails while `failing` says so for that target type.
class FakeSender final : public AlertSender {
 public:
  Result<std::string> send(const AlertTarget& target, const std::vector<ChangeRecord>& records) override {
    sends.push_back({target.type, records.size()});
    if (failing.count(target.type)) return Error{error_kind_from_string(target.type).value_or(ErrorKind::network), "receiver down"};
    return std::string("ok");
  }
  std::vector<std::pair<std::string, std::size_t>> sends;
  std::set<std::string> failing;
};

AlertTarget target(const std::string& type, const std::string& destination) {
  AlertTarget t;
  t.type = type;
  if (type == "exec") {
    t.command = destination;
    t.argv = {destination};
  } else if (type == "webhook") {
    t.url = destination;
  } else {
    t.to = {destination};
    t.smtp.url = "smtp://127.0.0.1:25";
  }
  return t;
}

class RunAlerts : public ::testing::Test {
 protected:
  AlertRunReport run(const std::vector<ChangeRecord>& records, AlertRunOptions options = {}) {
    err_.str("");
    return run_alerts(targets_, records, outbox_, sender_, clock_, err_, options);
  }
  std::vector<OutboxEntry> queued() {
    std::vector<std::string> problems;
    auto entries = outbox_.entries(problems);
    EXPECT_TRUE(problems.empty());
    return entries;
  }

  testing::TempDir dir_;
  Outbox outbox_{std::filesystem::path(dir_.path()) / ".outbox"};
  FakeSender sender_;
  FixedClock clock_{std::chrono::system_clock::from_time_t(1796212800)};  // 2026-12-01
  std::ostringstream err_;
  std::vector<AlertTarget> targets_ = {target("exec", "notify"), target("webhook", "http://127.0.0.1:9/h"),
                                       target("email", "legal@example.com")};
};

TEST_F(RunAlerts, ExecAndWebhookGetOneDeliveryPerRecordEmailOnePerRun) {
  const std::vector<ChangeRecord> records = {changed_record("a", "terms"), small_change("b", "terms"),
                                            cosmetic_change("c", "terms"), new_record("d", "privacy")};
  AlertRunReport report = run(records);
  EXPECT_EQ(report.delivered, 5u);
  EXPECT_EQ(report.failed, 0u);
  const std::vector<std::pair<std::string, std::size_t>> expected = {
      {"exec", 1}, {"exec", 1}, {"webhook", 1}, {"webhook", 1}, {"email", 2}};
  EXPECT_EQ(sender_.sends, expected);
  EXPECT_EQ(err_.str(), "");
  EXPECT_FALSE(std::filesystem::exists(outbox_.directory()));
}

TEST_F(RunAlerts, MinimumSeverityFiltersEveryTarget) {
  AlertRunOptions options;
  options.min_severity = Severity::major;
  run({changed_record("a", "terms"), small_change("b", "terms")}, options);
  const std::vector<std::pair<std::string, std::size_t>> expected = {{"exec", 1}, {"webhook", 1}, {"email", 1}};
  EXPECT_EQ(sender_.sends, expected);
}

TEST_F(RunAlerts, AFailedDeliveryIsQueuedAndRetriedByTheNextRun) {
  sender_.failing = {"webhook"};
  AlertRunReport first = run({changed_record("a", "terms")});
  EXPECT_EQ(first.delivered, 2u);
  EXPECT_EQ(first.failed, 1u);
  EXPECT_NE(err_.str().find("tosdiff: alert failed: webhook http://127.0.0.1:9/... (a/terms): receiver down; queued in"),
            std::string::npos)
      << err_.str();
  auto entries = queued();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].attempts, 1);
  EXPECT_EQ(entries[0].target_key, targets_[1].key());
  EXPECT_EQ(entries[0].records.size(), 1u);
  EXPECT_EQ(entries[0].records[0].severity, Severity::major);  // the record survives the round trip
  ASSERT_TRUE(entries[0].records[0].change.has_value());

  // Still down: a second attempt, kept.
  sender_.sends.clear();
  AlertRunReport second = run({});
  EXPECT_EQ(second.retried, 1u);
  EXPECT_EQ(second.failed, 1u);
  EXPECT_NE(err_.str().find("failed again"), std::string::npos);
  EXPECT_NE(err_.str().find("attempt 2 of 10"), std::string::npos);
  ASSERT_EQ(queued().size(), 1u);
  EXPECT_EQ(queued()[0].attempts, 2);

  // Back up: delivered, the outbox is empty.
  sender_.failing.clear();
  sender_.sends.clear();
  AlertRunReport third = run({});
  EXPECT_EQ(third.delivered, 1u);
  EXPECT_EQ(sender_.sends.size(), 1u);
  EXPECT_NE(err_.str().find("alert delivered on retry"), std::string::npos);
  EXPECT_TRUE(queued().empty());
}

TEST_F(RunAlerts, ATargetThatFailedIsNotTriedAgainInTheSameRun) {
  sender_.failing = {"webhook"};
  run({changed_record("a", "terms"), changed_record("b", "terms"), changed_record("c", "terms")});
  std::size_t webhook_sends = 0;
  for (const auto& [type, n] : sender_.sends) webhook_sends += type == "webhook";
  EXPECT_EQ(webhook_sends, 1u);  // the first failed: the two others are queued untried
  auto entries = queued();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].attempts, 1);
  EXPECT_EQ(entries[1].attempts, 0);
  EXPECT_NE(entries[1].last_error.find("not attempted after a failure in this run: receiver down"), std::string::npos);
  // Next run, still down: one attempt, the rest wait.
  sender_.sends.clear();
  AlertRunReport next = run({});
  EXPECT_EQ(sender_.sends.size(), 1u);
  EXPECT_EQ(next.waiting, 2u);
  sender_.failing.clear();
  sender_.sends.clear();
  run({});
  EXPECT_EQ(sender_.sends.size(), 3u);
  EXPECT_TRUE(queued().empty());
}

TEST_F(RunAlerts, GivesUpAfterTenAttemptsOrSevenDays) {
  sender_.failing = {"exec"};
  targets_ = {target("exec", "notify")};
  run({changed_record("a", "terms")});
  for (int attempt = 2; attempt < Outbox::kMaxAttempts; ++attempt) run({});
  ASSERT_EQ(queued().size(), 1u);
  EXPECT_EQ(queued()[0].attempts, Outbox::kMaxAttempts - 1);
  AlertRunReport last = run({});
  EXPECT_EQ(last.given_up, 1u);
  EXPECT_NE(err_.str().find("tosdiff: alert given up: exec 'notify' (a/terms): failed 10 times"), std::string::npos)
      << err_.str();
  EXPECT_TRUE(queued().empty());
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(outbox_.directory() / "given-up"),
                          std::filesystem::directory_iterator()),
            1);

  // Age: a delivery first failed 8 days ago goes at its next attempt.
  run({changed_record("b", "terms")});
  clock_.advance(std::chrono::hours(24 * 8));
  AlertRunReport old = run({});
  EXPECT_EQ(old.given_up, 1u);
  EXPECT_TRUE(queued().empty());
}

TEST_F(RunAlerts, AnEntryWhoseTargetIsNotConfiguredWaitsUntilItExpires) {
  sender_.failing = {"webhook"};
  run({changed_record("a", "terms")});
  ASSERT_EQ(queued().size(), 1u);
  targets_ = {target("exec", "notify")};
  sender_.failing.clear();
  sender_.sends.clear();
  AlertRunReport report = run({});
  EXPECT_EQ(report.waiting, 1u);
  EXPECT_TRUE(sender_.sends.empty());
  EXPECT_EQ(queued()[0].attempts, 1);  // not an attempt
  clock_.advance(std::chrono::hours(24 * 7 + 1));
  AlertRunReport expired = run({});
  EXPECT_EQ(expired.given_up, 1u);
  EXPECT_NE(err_.str().find("no longer configured"), std::string::npos) << err_.str();
}

TEST_F(RunAlerts, AnInterruptedRunQueuesWithoutAttempting) {
  std::atomic<bool> stop{true};
  AlertRunOptions options;
  options.stop = &stop;
  run({changed_record("a", "terms")}, options);
  EXPECT_TRUE(sender_.sends.empty());
  auto entries = queued();
  EXPECT_EQ(entries.size(), 3u);
  for (const auto& e : entries) EXPECT_EQ(e.attempts, 0);
  run({});
  EXPECT_EQ(sender_.sends.size(), 3u);
  EXPECT_TRUE(queued().empty());
}

TEST_F(RunAlerts, AnUnreadableEntryIsMovedAside) {
  testing::write_text_file(outbox_.directory() / "20261101T000000Z-1-1.json", "{not json");
  run({});
  EXPECT_NE(err_.str().find("unreadable outbox entry"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(outbox_.directory() / "given-up/20261101T000000Z-1-1.json"));
}

}  // namespace
}  // namespace tosdiff
