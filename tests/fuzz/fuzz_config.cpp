// Fuzzes the configuration file parser (parse_config) on arbitrary bytes.
//
// Input: the file's bytes. The environment is fixed: TOSDIFF_SMTP_* unset, FUZZ_SECRET set
// (for "password_env").
// Invariants:
//   - parse_config never crashes and throws nothing but ConfigError, whose message starts
//     with the file's name (the user is told which file and which key);
//   - an accepted configuration holds values in their documented ranges (jobs 1-256,
//     per_host 1-64, delay 0-3600, timeout 1-3600, max_size 1024-2^32, lock_wait
//     0-86400, min_severity a severity); each alert is exec (with a command split into a
//     non-empty argv), webhook (http(s) URL, known format, retries 0-10) or email (at
//     least one address, an smtp(s):// server, a sender), with a finite timeout >= 1.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "tosdiff/notify/alert_target.hpp"
#include "tosdiff/app/config.hpp"

namespace {

bool in(double v, double low, double high) { return std::isfinite(v) && v >= low && v <= high; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tosdiff;
  using namespace tosdiff::fuzz;
  if (size > 64 * 1024) return 0;
  return run_guarded([&] {
    const std::string origin = "fuzz/config.json";
    const Environment env = [](const std::string& name) {
      return name == "FUZZ_SECRET" ? std::string("s3cret") : std::string();
    };
    Config config;
    try {
      config = parse_config(as_view(data, size), origin, env);
    } catch (const ConfigError& e) {
      FUZZ_CHECK(std::string(e.what()).rfind(origin, 0) == 0, std::string("a message without the file: ") + e.what());
      return;
    }
    const CheckDefaults& c = config.check;
    FUZZ_CHECK(!c.jobs || (*c.jobs >= 1 && *c.jobs <= 256), "jobs");
    FUZZ_CHECK(!c.per_host || (*c.per_host >= 1 && *c.per_host <= 64), "per_host");
    FUZZ_CHECK(!c.delay || in(*c.delay, 0, 3600), "delay");
    FUZZ_CHECK(!c.timeout || in(*c.timeout, 1, 3600), "timeout");
    FUZZ_CHECK(!c.max_size || (*c.max_size >= 1024 && *c.max_size <= (std::size_t{1} << 32)), "max_size");
    FUZZ_CHECK(!c.lock_wait || in(*c.lock_wait, 0, 86400), "lock_wait");
    FUZZ_CHECK(!c.min_severity || *c.min_severity != Severity::unclassified, "min_severity");
    for (const AlertTarget& t : config.alerts) {
      FUZZ_CHECK(in(t.timeout_seconds, 1, 3600), t.type + " timeout " + std::to_string(t.timeout_seconds));
      FUZZ_CHECK(severity_rank(t.filter.min_severity) >= 0 && severity_rank(t.filter.min_severity) <= 3,
                 "alert min_severity");
      if (t.type == "exec") {
        FUZZ_CHECK(!t.argv.empty(), "an exec alert without a program: '" + excerpt(t.command) + "'");
      } else if (t.type == "webhook") {
        FUZZ_CHECK(t.url.rfind("http://", 0) == 0 || t.url.rfind("https://", 0) == 0, "webhook url " + excerpt(t.url));
        FUZZ_CHECK(t.format == "json" || t.format == "slack" || t.format == "teams", "webhook format");
        FUZZ_CHECK(t.retries >= 0 && t.retries <= 10, "webhook retries");
      } else {
        FUZZ_CHECK(t.type == "email", "alert type '" + excerpt(t.type) + "'");
        FUZZ_CHECK(!t.to.empty(), "an email alert without an address");
        FUZZ_CHECK(t.smtp.url.rfind("smtp://", 0) == 0 || t.smtp.url.rfind("smtps://", 0) == 0, "smtp url");
        FUZZ_CHECK(!t.smtp.from.empty(), "an email alert without a sender");
      }
      (void)t.key();
      (void)t.label();
    }
  });
}
