#include "tosdiff/app/config.hpp"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tosdiff/notify/email_channel.hpp"
#include "tosdiff/util/shell_words.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/report/mail_message.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

using json = nlohmann::json;

// Reads one JSON object strictly: every key must be known, every value of its type and
// range; `where` ("config.json: alerts[1] (webhook)") starts every message.
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string where) : object_(object), where_(std::move(where)) {
    if (!object_.is_object()) fail("", "must be an object");
  }

  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    throw ConfigError(where_ + (key.empty() ? "" : ": " + key) + ": " + message);
  }

  bool has(const std::string& key) {
    known_.insert(key);
    return object_.contains(key);
  }

  std::optional<std::string> string(const std::string& key) {
    if (!has(key)) return std::nullopt;
    const json& v = object_[key];
    if (!v.is_string()) fail(key, "must be a string");
    return v.get<std::string>();
  }

  std::optional<bool> boolean(const std::string& key) {
    if (!has(key)) return std::nullopt;
    const json& v = object_[key];
    if (!v.is_boolean()) fail(key, "must be true or false");
    return v.get<bool>();
  }

  std::optional<double> number(const std::string& key, double low, double high) {
    if (!has(key)) return std::nullopt;
    const json& v = object_[key];
    if (!v.is_number()) fail(key, "must be a number");
    const double d = v.get<double>();
    if (d < low || d > high) fail(key, "must be between " + format(low) + " and " + format(high));
    return d;
  }

  std::optional<long long> integer(const std::string& key, long long low, long long high) {
    if (!has(key)) return std::nullopt;
    const json& v = object_[key];
    if (!v.is_number_integer() && !v.is_number_unsigned()) fail(key, "must be a whole number");
    const long long n = v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(high)
                            ? high + 1
                            : v.get<long long>();
    if (n < low || n > high) fail(key, "must be between " + std::to_string(low) + " and " + std::to_string(high));
    return n;
  }

  // A string or an array of strings (`single` allows the string form).
  std::optional<std::vector<std::string>> strings(const std::string& key, bool single) {
    if (!has(key)) return std::nullopt;
    const json& v = object_[key];
    std::vector<std::string> out;
    if (single && v.is_string()) {
      out.push_back(v.get<std::string>());
      return out;
    }
    if (!v.is_array()) fail(key, single ? "must be a string or an array of strings" : "must be an array of strings");
    for (const auto& item : v) {
      if (!item.is_string()) fail(key, "must contain only strings");
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  std::optional<Severity> severity(const std::string& key) {
    auto s = string(key);
    if (!s) return std::nullopt;
    auto severity = severity_from_string(*s);
    if (!severity || *severity == Severity::unclassified)
      fail(key, "'" + *s + "' is not a severity (info, minor, moderate, major)");
    return severity;
  }

  // Every key not read is unknown: a typo must not silently disable something.
  void finish() const {
    for (const auto& [key, value] : object_.items()) {
      if (key == "comment" || known_.count(key)) continue;
      std::string list;
      for (const auto& k : known_) list += (list.empty() ? "" : ", ") + k;
      fail(key, "unknown key (known here: " + list + ")");
    }
  }

  const std::string& where() const { return where_; }

 private:
  static std::string format(double d) {
    std::ostringstream s;
    s << d;
    return s.str();
  }
  const json& object_;
  std::string where_;
  std::set<std::string> known_;
};

// SMTP settings as written, before falling back: each unset field is std::nullopt.
struct SmtpFields {
  std::optional<std::string> url, from, username, password;
  std::optional<bool> starttls;
  std::optional<double> timeout;
};

constexpr std::uintmax_t kMaxConfigBytes = 1u << 20;

SmtpFields read_smtp_fields(ObjectReader& r, const Environment& env, bool* literal_password = nullptr) {
  SmtpFields f;
  f.url = r.string("smtp_url");
  f.from = r.string("from");
  f.starttls = r.boolean("starttls");
  f.timeout = r.number("timeout", 1, 600);
  auto secret = [&](const std::string& key, std::optional<std::string>& out) {
    auto literal = r.string(key);
    auto variable = r.string(key + "_env");
    if (literal && variable) r.fail(key, "give " + key + " or " + key + "_env, not both");
    if (literal) out = literal;
    if (literal && key == "password" && literal_password) *literal_password = true;
    if (variable) {
      std::string value = env(*variable);
      if (value.empty()) r.fail(key + "_env", "the environment variable " + *variable + " is not set");
      out = value;
    }
  };
  secret("username", f.username);
  secret("password", f.password);
  return f;
}

// The alert's own fields, then the "smtp" section's, then the environment's (already in `base`).
SmtpSettings merge_smtp(const SmtpFields& own, const SmtpSettings& base) {
  SmtpSettings s = base;
  if (own.url) s.url = *own.url;
  if (own.from) s.from = *own.from;
  if (own.starttls) s.starttls = *own.starttls;
  if (own.timeout) s.timeout_seconds = *own.timeout;
  if (own.username) s.username = *own.username;
  if (own.password) s.password = *own.password;
  return s;
}

void check_webhook_url(const std::string& url, const std::string& where) {
  const auto scheme_end = url.find("://");
  if (!(url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) || url.size() <= scheme_end + 3 ||
      url[scheme_end + 3] == '/')
    throw ConfigError(where + ": must be an http:// or https:// URL, not '" + redacted_url(masked_url(url)) + "'");
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) throw ConfigError(where + ": the URL contains a blank or control character");
}

std::vector<std::string> split_command(const std::string& command, const std::string& where) {
  try {
    return split_shell_words(command);
  } catch (const ShellWordsError& e) {
    throw ConfigError(where + ": cannot split the command line: " + e.what());
  }
}

AlertFilter read_filter(ObjectReader& r) {
  AlertFilter f;
  f.min_severity = r.severity("min_severity").value_or(Severity::unclassified);
  f.platforms = r.strings("platforms", false).value_or(std::vector<std::string>{});
  f.topics = r.strings("topics", false).value_or(std::vector<std::string>{});
  return f;
}

AlertTarget read_alert(const json& object, const std::string& where, const SmtpSettings& smtp_base,
                       const Environment& env, bool* literal_password) {
  ObjectReader r(object, where);
  AlertTarget t;
  t.origin = where;
  const auto type = r.string("type");
  if (!type) r.fail("type", "missing (exec, webhook or email)");
  t.type = *type;
  ObjectReader typed(object, where + " (" + t.type + ")");
  typed.has("type");
  t.filter = read_filter(typed);
  if (t.type == "exec") {
    const auto command = typed.string("command");
    if (!command) typed.fail("command", "missing: the program to run, e.g. \"sh -c 'cat >> /var/log/tos.jsonl'\"");
    t.command = *command;
    t.argv = split_command(t.command, typed.where() + ": command");
    t.timeout_seconds = typed.number("timeout", 1, 3600).value_or(30);
    t.pass_env = typed.strings("pass_env", false).value_or(std::vector<std::string>{});
    for (const std::string& name : t.pass_env)
      if (name.empty() || name.find('=') != std::string::npos || name.rfind("TOSDIFF_SMTP_", 0) == 0)
        typed.fail("pass_env", "'" + name + "' cannot be passed (a variable name, not TOSDIFF_SMTP_*)");
  } else if (t.type == "webhook") {
    const auto url = typed.string("url");
    if (!url) typed.fail("url", "missing");
    t.url = *url;
    check_webhook_url(t.url, typed.where() + ": url");
    t.format = typed.string("format").value_or("json");
    if (t.format != "json" && t.format != "slack" && t.format != "teams")
      typed.fail("format", "'" + t.format + "' is not a format (json, slack, teams)");
    t.timeout_seconds = typed.number("timeout", 1, 300).value_or(10);
    t.retries = static_cast<int>(typed.integer("retries", 0, 10).value_or(3));
  } else if (t.type == "email") {
    const auto to = typed.strings("to", true);
    if (!to || to->empty()) typed.fail("to", "missing: one address or an array of addresses");
    t.to = *to;
    t.smtp = merge_smtp(read_smtp_fields(typed, env, literal_password), smtp_base);
    t.timeout_seconds = t.smtp.timeout_seconds;
    try {
      check_email_target(t);
    } catch (const ConfigError& e) {
      throw ConfigError(typed.where() + ": " + e.what());
    }
  } else {
    r.fail("type", "'" + t.type + "' is not an alert type (exec, webhook, email)");
  }
  typed.finish();
  return t;
}

SmtpSettings smtp_from_environment(const Environment& env) {
  SmtpSettings s;
  s.url = env("TOSDIFF_SMTP_URL");
  s.from = env("TOSDIFF_SMTP_FROM");
  s.username = env("TOSDIFF_SMTP_USER");
  s.password = env("TOSDIFF_SMTP_PASSWORD");
  return s;
}

}  // namespace

Environment process_environment() {
  return [](const std::string& name) {
    const char* value = std::getenv(name.c_str());
    return std::string(value ? value : "");
  };
}

void check_email_target(const AlertTarget& t) {
  for (const auto& address : t.to)
    if (!valid_mail_address(address)) throw ConfigError("to: '" + address + "' is not an email address");
  const SmtpSettings& s = t.smtp;
  if (s.url.empty())
    throw ConfigError("no SMTP server: set smtp_url (in the alert or the \"smtp\" object of the configuration) or TOSDIFF_SMTP_URL");
  const bool smtps = s.url.rfind("smtps://", 0) == 0;
  if (!smtps && s.url.rfind("smtp://", 0) != 0)
    throw ConfigError("smtp_url: '" + masked_url(s.url) + "' must start with smtps:// (TLS) or smtp:// (STARTTLS)");
  for (char c : s.url)
    if (static_cast<unsigned char>(c) <= 0x20) throw ConfigError("smtp_url: contains a blank or control character");
  if (!smtps && !s.starttls && !is_loopback_url(s.url))
    throw ConfigError("starttls: false is accepted only for a server on 127.0.0.1, ::1 or localhost (a test "
                      "server); use smtps:// or STARTTLS for " + masked_url(s.url));
  if (s.from.empty()) throw ConfigError("no sender: set from (in the alert or the \"smtp\" object) or TOSDIFF_SMTP_FROM");
  if (!valid_mail_address(mail_address(s.from)))
    throw ConfigError("from: '" + s.from + "' is not an email address (\"address\" or \"Name <address>\")");
  for (char c : s.from)
    if (static_cast<unsigned char>(c) < 0x20) throw ConfigError("from: contains a control character");
  if (s.username.empty() != s.password.empty())
    throw ConfigError(s.username.empty() ? "a password without a username" : "a username without a password");
}

Config parse_config(std::string_view text, const std::string& origin, const Environment& env) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw ConfigError(origin + ": not valid JSON: " + e.what());
  }
  Config config;
  config.origin = origin;
  ObjectReader r(root, origin);
  config.smtp = smtp_from_environment(env);
  if (r.has("smtp")) {
    ObjectReader smtp(root["smtp"], origin + ": smtp");
    config.smtp = merge_smtp(read_smtp_fields(smtp, env, &config.holds_password), config.smtp);
    smtp.finish();
  }
  if (r.has("check")) {
    ObjectReader c(root["check"], origin + ": check");
    if (auto v = c.integer("jobs", 1, 256)) config.check.jobs = static_cast<int>(*v);
    if (auto v = c.integer("per_host", 1, 64)) config.check.per_host = static_cast<int>(*v);
    config.check.delay = c.number("delay", 0, 3600);
    config.check.timeout = c.number("timeout", 1, 3600);
    if (auto v = c.integer("max_size", 1024, 1LL << 32)) config.check.max_size = static_cast<std::size_t>(*v);
    config.check.lock_wait = c.number("lock_wait", 0, 86400);
    config.check.min_severity = c.severity("min_severity");
    c.finish();
  }
  if (r.has("alerts")) {
    const json& alerts = root["alerts"];
    if (!alerts.is_array()) r.fail("alerts", "must be an array of alert objects");
    for (std::size_t i = 0; i < alerts.size(); ++i)
      config.alerts.push_back(read_alert(alerts[i], origin + ": alerts[" + std::to_string(i) + "]", config.smtp, env,
                                         &config.holds_password));
  }
  r.finish();
  return config;
}

std::filesystem::path config_path(const std::string& explicit_path, const Environment& env) {
  if (!explicit_path.empty()) return explicit_path;
  std::filesystem::path dir;
  if (std::string xdg = env("XDG_CONFIG_HOME"); !xdg.empty()) dir = xdg;
  else if (std::string home = env("HOME"); !home.empty()) dir = std::filesystem::path(home) / ".config";
  if (dir.empty()) return {};
  std::error_code ec;
  const auto file = dir / "tosdiff" / "config.json";
  return std::filesystem::is_regular_file(file, ec) ? file : std::filesystem::path{};
}

Config load_config(const std::string& explicit_path, const Environment& env) {
  const std::filesystem::path path = config_path(explicit_path, env);
  if (path.empty()) {
    Config config;
    config.smtp = smtp_from_environment(env);
    return config;
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::is_regular_file(status))
    throw ConfigError("cannot read the configuration file " + path.string() + ": not a regular file");
  if (std::filesystem::file_size(path, ec) > kMaxConfigBytes)
    throw ConfigError("the configuration file " + path.string() + " is over 1 MiB: not a configuration");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("cannot read the configuration file " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  Config config = parse_config(text.str(), path.string(), env);
  // A password written in a file that others may read is no secret: say so (ssh does).
  using perms = std::filesystem::perms;
  const bool others_read = (status.permissions() & (perms::group_read | perms::others_read)) != perms::none;
  if (others_read && config.holds_password)
    config.warnings.push_back(path.string() + " holds a password and can be read by other users; "
                              "chmod 600 it, or use password_env");
  return config;
}

std::vector<AlertTarget> flag_targets(const std::vector<std::string>& exec, const std::vector<std::string>& webhook,
                                      const std::vector<std::string>& email, const Config& config) {
  std::vector<AlertTarget> out;
  for (const auto& command : exec) {
    AlertTarget t;
    t.type = "exec";
    t.origin = "--notify-exec";
    t.command = command;
    t.argv = split_command(command, "--notify-exec");
    t.timeout_seconds = 30;
    out.push_back(std::move(t));
  }
  for (const auto& url : webhook) {
    AlertTarget t;
    t.type = "webhook";
    t.origin = "--notify-webhook";
    t.url = url;
    check_webhook_url(url, "--notify-webhook");
    t.timeout_seconds = 10;
    out.push_back(std::move(t));
  }
  if (!email.empty()) {
    AlertTarget t;
    t.type = "email";
    t.origin = "--notify-email";
    t.to = email;
    t.smtp = config.smtp;
    t.timeout_seconds = t.smtp.timeout_seconds;
    try {
      check_email_target(t);
    } catch (const ConfigError& e) {
      const std::string where = config.origin.empty() ? "" : " (configuration: " + config.origin + ")";
      throw ConfigError("--notify-email" + where + ": " + e.what());
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace tosdiff
