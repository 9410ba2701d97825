#pragma once
// The configuration file (docs/alerts.md): defaults for `check` and the alerts to send.
//   --config FILE, else $XDG_CONFIG_HOME/tosdiff/config.json, else ~/.config/tosdiff/config.json
// (a missing default file is an empty configuration; a missing --config FILE is an error).
// Parsing is strict: an unknown key, a wrong type or a value out of range is a ConfigError
// naming the file and the key, so a typo never silently disables an alert.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tosdiff/notify/alert_target.hpp"

namespace tosdiff {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Defaults for `check`'s options; a flag given on the command line wins.
struct CheckDefaults {
  std::optional<int> jobs, per_host;
  std::optional<double> delay, timeout, lock_wait;
  std::optional<std::size_t> max_size;
  std::optional<Severity> min_severity;
};

struct Config {
  std::string origin;  // the file, or "" when there is none
  CheckDefaults check;
  std::vector<AlertTarget> alerts;
  SmtpSettings smtp;   // the top-level "smtp" object merged over the environment: for --notify-email
  bool holds_password = false;        // a "password" written in the file itself
  std::vector<std::string> warnings;  // for stderr: a readable file holding a password
};

// Reads a variable of the environment ("" when unset); a parameter so tests need no setenv.
using Environment = std::function<std::string(const std::string&)>;
Environment process_environment();

// Parses a configuration file's text. `origin` starts every error message. SMTP settings
// missing from an email alert come from the top-level "smtp" object, then from
// TOSDIFF_SMTP_URL, TOSDIFF_SMTP_FROM, TOSDIFF_SMTP_USER, TOSDIFF_SMTP_PASSWORD.
Config parse_config(std::string_view json_text, const std::string& origin, const Environment& env);

// The file to read: `explicit_path` when given, else the XDG default when it exists, else "".
std::filesystem::path config_path(const std::string& explicit_path, const Environment& env);
// Reads and parses it (an empty Config when there is no file). Throws ConfigError.
Config load_config(const std::string& explicit_path, const Environment& env);

// Alert targets from `check`'s flags: one exec target per --notify-exec, one webhook target
// (format json) per --notify-webhook, one email target for all --notify-email addresses
// (SMTP settings from config.smtp, which already fell back to the environment).
std::vector<AlertTarget> flag_targets(const std::vector<std::string>& exec, const std::vector<std::string>& webhook,
                                      const std::vector<std::string>& email, const Config& config);

// Checks a finished email target (settings resolved): throws ConfigError saying what is missing.
void check_email_target(const AlertTarget& target);

}  // namespace tosdiff
