#pragma once
// Alerts: what a `check` run tells the outside world about substantive changes (docs/alerts.md).
// A target is an exec command, a webhook or an email address list, with a filter. Only
// records of status "changed" and significance "substantive" alert; new documents and
// cosmetic changes never do. exec and webhook targets get one delivery per record; an
// email target gets one message per run, a digest of the run's records it takes.
// A delivery that fails goes to the outbox (outbox.hpp) and is retried by later runs.

#include <atomic>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/severity.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/model/record.hpp"
#include "tosdiff/model/result.hpp"

namespace tosdiff {

class Outbox;

struct AlertFilter {
  Severity min_severity = Severity::unclassified;  // unclassified = any
  std::vector<std::string> platforms;   // empty = any
  std::vector<std::string> topics;      // topic ids; empty = any, else one of them must be found
  // True when the record alerts and passes the filter, and its severity reaches `floor`
  // too (check --min-severity; unclassified = none).
  bool takes(const ChangeRecord& record, Severity floor = Severity::unclassified) const;
};

struct SmtpSettings {
  std::string url;               // smtps://host[:465] (TLS) or smtp://host[:587] (STARTTLS)
  bool starttls = true;          // smtp:// only; false is accepted for loopback servers only
  std::string from;              // "address" or "Name <address>"
  std::string username, password;  // "" = no authentication
  double timeout_seconds = 30;
};

struct AlertTarget {
  std::string type;    // exec | webhook | email
  std::string origin;  // where it was configured: "config.json: alerts[1]", "--notify-webhook"
  AlertFilter filter;
  double timeout_seconds = 30;  // exec: the program's deadline; webhook: per attempt; email: the session
  // exec
  std::string command;            // as written
  std::vector<std::string> argv;  // split_shell_words(command)
  std::vector<std::string> pass_env;  // variables of tosdiff's environment it also gets (config "pass_env")
  // webhook
  std::string url;
  std::string format = "json";  // json | slack | teams
  int retries = 3;              // extra attempts within one run (5xx, 429, network errors)
  // email
  std::vector<std::string> to;
  SmtpSettings smtp;

  // Its identity in the outbox: the type and destination, hashed (never a secret in clear).
  std::string key() const;
  // For messages: "exec 'notify-send'", "webhook https://hooks.example.com/...", "email a@b.c":
  // a webhook's path and query (often a secret token) are left out.
  std::string label() const;
};

// What sends one delivery: exec and webhook get one record, email one or more. Behind an
// interface so the outbox logic is tested without a network.
class AlertSender {
 public:
  virtual ~AlertSender() = default;
  // Returns a short description of what happened ("HTTP 200", "250 OK") or the Error.
  virtual Result<std::string> send(const AlertTarget& target, const std::vector<ChangeRecord>& records) = 0;
};

// The real one: run_subprocess, libcurl (HTTP and SMTP). `clock` stamps email dates; `stop`,
// when set, cuts a webhook's retries short.
std::unique_ptr<AlertSender> make_alert_sender(const Clock& clock, const std::atomic<bool>* stop = nullptr);

// The environment an exec alert's program gets, besides tosdiff's own: TOSDIFF_PLATFORM,
// TOSDIFF_DOCUMENT, TOSDIFF_TITLE, TOSDIFF_URL, TOSDIFF_SEVERITY, TOSDIFF_SIGNIFICANCE,
// TOSDIFF_VERSION, TOSDIFF_PREVIOUS_VERSION, TOSDIFF_CHECKED_AT, TOSDIFF_SUMMARY. Values are
// sanitized: control characters (newlines included) become spaces, at most 1000 bytes.
std::vector<std::pair<std::string, std::string>> exec_environment(const ChangeRecord& record);
// The part of tosdiff's own environment an exec alert's program gets: PATH, HOME, USER,
// LOGNAME, SHELL, LANG, LANGUAGE, LC_*, TZ, TMPDIR, TERM, the proxy and CA variables, and
// the names in `pass_env`. Never TOSDIFF_SMTP_* or any other variable: secrets of tosdiff's
// configuration stay out of programs it runs.
std::vector<std::pair<std::string, std::string>> inherited_environment(const std::vector<std::string>& pass_env);
std::string sanitize_env_value(std::string_view value);

struct AlertRunOptions {
  Severity min_severity = Severity::unclassified;  // check --min-severity: a floor for every target
  bool verbose = false;                      // report successful deliveries too
  bool quiet = false;                        // not even a delivery that succeeded on retry
  const std::atomic<bool>* stop = nullptr;   // set: no more attempts, the rest is queued
  bool retry_outbox = true;
};

struct AlertRunReport {
  std::size_t delivered = 0, failed = 0, retried = 0, given_up = 0, waiting = 0;
  std::size_t lost = 0;  // failed and could not be queued either (reported on err)
};

// One run's alerts. First retries what the outbox holds for targets configured now (an
// entry whose target is no longer configured waits, untried, until it expires), then
// delivers `records` to every target whose filter takes them. Every failure is reported on
// `err` and queued. The caller holds the ArchiveLock (the outbox is in the data dir).
AlertRunReport run_alerts(const std::vector<AlertTarget>& targets, const std::vector<ChangeRecord>& records,
                          Outbox& outbox, AlertSender& sender, const Clock& clock, std::ostream& err,
                          const AlertRunOptions& options);

}  // namespace tosdiff
