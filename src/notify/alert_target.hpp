#pragma once
// Alert targets: where a `check` run tells the outside world about substantive changes
// (docs/alerts.md). A target is an exec command, a webhook or an email address list, with a
// filter. Only a substantive change alerts (model/record.hpp is_substantive_change); new
// documents and cosmetic changes never do.

#include <string>
#include <vector>

#include "tosdiff/model/record.hpp"
#include "tosdiff/model/severity.hpp"

namespace tosdiff {

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

// "platform/document" of each record, the first three and how many more: for messages.
std::string keys_of(const std::vector<ChangeRecord>& records);

}  // namespace tosdiff
