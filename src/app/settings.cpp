#include "tosdiff/app/settings.hpp"

#include "tosdiff/app/cli.hpp"

namespace tosdiff {

CheckSettings check_settings(const CheckCommandOptions& given, const Config& config, const Rules& rules) {
  CheckSettings s;
  const CheckDefaults& file = config.check;
  FetchLimits& l = s.limits;
  l.jobs = given.jobs.value_or(file.jobs.value_or(l.jobs));
  l.per_host = given.per_host.value_or(file.per_host.value_or(l.per_host));
  l.delay_seconds = given.delay.value_or(file.delay.value_or(l.delay_seconds));
  l.timeout_seconds = given.timeout.value_or(file.timeout.value_or(l.timeout_seconds));
  l.max_size = given.max_size.value_or(file.max_size.value_or(l.max_size));
  s.lock_wait_seconds = given.lock_wait.value_or(file.lock_wait.value_or(s.lock_wait_seconds));
  s.min_severity = given.min_severity.value_or(file.min_severity.value_or(Severity::unclassified));
  s.alerts_enabled = !given.no_alerts;
  if (!s.alerts_enabled) return s;
  s.alert_targets = config.alerts;
  try {
    for (auto& t : flag_targets(given.notify_exec, given.notify_webhook, given.notify_email, config))
      s.alert_targets.push_back(std::move(t));
  } catch (const ConfigError& e) {
    throw UsageError(std::string("configuration: ") + e.what());
  }
  // A topic filter naming no topic of the rules would silently never match.
  for (const AlertTarget& t : s.alert_targets) {
    for (const std::string& topic : t.filter.topics) {
      if (rules.topic(topic)) continue;
      std::string known;
      for (const auto& rule : rules.topics) known += (known.empty() ? "" : ", ") + rule.id;
      throw UsageError("configuration: " + t.origin + ": topics: unknown topic '" + topic + "' (known: " + known + ")");
    }
  }
  return s;
}

}  // namespace tosdiff
