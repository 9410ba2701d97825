#pragma once
// What `check` runs with, made once before anything is fetched: each value from the command
// line, else from the configuration file's "check" section, else tosdiff's default; and the
// alert targets of the configuration file and of the --notify-* flags, checked against the
// classification rules.

#include <string>
#include <vector>

#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/config.hpp"
#include "tosdiff/classify/classify.hpp"
#include "tosdiff/fetch/fetcher.hpp"
#include "tosdiff/notify/alert_target.hpp"

namespace tosdiff {

struct CheckSettings {
  FetchLimits limits;
  double lock_wait_seconds = 30;
  Severity min_severity = Severity::unclassified;  // a floor for every alert target
  bool alerts_enabled = true;                      // false with --no-alerts: not even the outbox
  std::vector<AlertTarget> alert_targets;
};

// Throws UsageError for a bad alert flag or a topic filter naming no topic of `rules`.
CheckSettings check_settings(const CheckCommandOptions& given, const Config& config, const Rules& rules);

}  // namespace tosdiff
