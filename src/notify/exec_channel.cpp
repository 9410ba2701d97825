#include "tosdiff/notify/exec_channel.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "tosdiff/report/record_text.hpp"
#include "tosdiff/util/subprocess.hpp"

extern char** environ;

namespace tosdiff {

Result<std::string> run_exec_alert(const AlertTarget& target, const ChangeRecord& record, const std::string& input,
                                   const std::atomic<bool>* stop) {
  const auto timeout = std::chrono::milliseconds(static_cast<long long>(target.timeout_seconds * 1000));
  std::vector<std::pair<std::string, std::string>> env = inherited_environment(target.pass_env);
  for (auto& variable : exec_environment(record)) env.push_back(std::move(variable));
  SubprocessResult r = run_subprocess(target.argv, env, input, timeout, stop, InheritEnvironment::none);
  if (!r.ok()) return Error{ErrorKind::exec, r.describe()};
  return std::string("exit status 0");
}

std::string sanitize_env_value(std::string_view value) {
  std::string out;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? ' ' : c;
  }
  constexpr std::size_t kMax = 1000;
  if (out.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.resize(cut);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> exec_environment(const ChangeRecord& r) {
  std::vector<std::pair<std::string, std::string>> env = {
      {"TOSDIFF_PLATFORM", r.platform},
      {"TOSDIFF_DOCUMENT", r.document},
      {"TOSDIFF_TITLE", r.title},
      {"TOSDIFF_URL", r.urls.empty() ? "" : r.urls.front()},
      {"TOSDIFF_SEVERITY", std::string(to_string(r.severity))},
      {"TOSDIFF_SIGNIFICANCE", std::string(to_string(r.significance))},
      {"TOSDIFF_VERSION", r.current ? r.current->version : ""},
      {"TOSDIFF_PREVIOUS_VERSION", r.previous ? r.previous->version : ""},
      {"TOSDIFF_CHECKED_AT", r.checked_at},
      {"TOSDIFF_SUMMARY", summarize(r)},
  };
  for (auto& [name, value] : env) value = sanitize_env_value(value);
  return env;
}

std::vector<std::pair<std::string, std::string>> inherited_environment(const std::vector<std::string>& pass_env) {
  // What a program needs to run (and to reach the network through a proxy), and nothing
  // of tosdiff's secrets: TOSDIFF_SMTP_PASSWORD and friends stay in tosdiff.
  static constexpr std::string_view kPassed[] = {"PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE",
                                                 "TZ", "TMPDIR", "TERM", "http_proxy", "https_proxy", "no_proxy",
                                                 "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR"};
  std::vector<std::pair<std::string, std::string>> out;
  auto pass = [&](const std::string& name) {
    if (std::any_of(out.begin(), out.end(), [&](const auto& e) { return e.first == name; })) return;
    if (const char* value = std::getenv(name.c_str())) out.emplace_back(name, value);
  };
  for (std::string_view name : kPassed) pass(std::string(name));
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    if (entry.substr(0, 3) == "LC_") pass(std::string(entry.substr(0, entry.find('='))));
  }
  for (const std::string& name : pass_env) pass(name);
  return out;
}

}  // namespace tosdiff
