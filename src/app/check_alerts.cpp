#include "tosdiff/app/check_alerts.hpp"

#include <algorithm>

#include "tosdiff/classify/classify.hpp"
#include "tosdiff/app/cli.hpp"
#include "tosdiff/notify/delivery.hpp"
#include "tosdiff/notify/outbox.hpp"
#include "tosdiff/notify/sender.hpp"

namespace tosdiff {
namespace {

bool given(const CheckCommandOptions& options, const char* name) {
  return std::find(options.given.begin(), options.given.end(), name) != options.given.end();
}

}  // namespace

void apply_check_defaults(CheckCommandOptions& options, const CheckDefaults& d) {
  if (d.jobs && !given(options, "--jobs")) options.limits.jobs = *d.jobs;
  if (d.per_host && !given(options, "--per-host")) options.limits.per_host = *d.per_host;
  if (d.delay && !given(options, "--delay")) options.limits.delay_seconds = *d.delay;
  if (d.timeout && !given(options, "--timeout")) options.limits.timeout_seconds = *d.timeout;
  if (d.max_size && !given(options, "--max-size")) options.limits.max_size = *d.max_size;
  if (d.lock_wait && !given(options, "--lock-wait")) options.lock_wait_seconds = *d.lock_wait;
  if (d.min_severity && !given(options, "--min-severity")) options.min_severity = *d.min_severity;
}

CheckAlerts::CheckAlerts(Context& context, CheckCommandOptions& options) : context_(context) {
  Config config;
  try {
    config = load_config(context.options().config, process_environment());
    for (const std::string& warning : config.warnings) context.err() << "tosdiff: warning: " << warning << "\n";
    apply_check_defaults(options, config.check);
    enabled_ = !options.no_alerts;
    if (!enabled_) return;
    targets_ = config.alerts;
    for (auto& t : flag_targets(options.notify_exec, options.notify_webhook, options.notify_email, config))
      targets_.push_back(std::move(t));
  } catch (const ConfigError& e) {
    throw UsageError(std::string("configuration: ") + e.what());
  }
  min_severity_ = options.min_severity;
  // A topic filter naming no topic of the rules would silently never match.
  const Rules& rules = context.rules();
  for (const AlertTarget& t : targets_) {
    for (const std::string& topic : t.filter.topics) {
      if (rules.topic(topic)) continue;
      std::string known;
      for (const auto& rule : rules.topics) known += (known.empty() ? "" : ", ") + rule.id;
      throw UsageError("configuration: " + t.origin + ": topics: unknown topic '" + topic + "' (known: " + known + ")");
    }
  }
}

void CheckAlerts::note(const ChangeRecord& result) {
  if (enabled_ && !targets_.empty() && is_substantive_change(result)) records_.push_back(result);
}

bool CheckAlerts::deliver(const std::atomic<bool>* stop) {
  if (!enabled_) return true;
  Outbox outbox(context_.data_dir() / ".outbox");
  std::error_code ec;
  // Nothing to send and nothing queued: no work, and no directory created.
  if (records_.empty() && !std::filesystem::is_directory(outbox.directory(), ec)) return true;
  SystemClock clock;
  auto sender = make_alert_sender(clock, stop);
  AlertRunOptions options;
  options.min_severity = min_severity_;
  options.verbose = context_.verbose();
  options.quiet = context_.quiet();
  options.stop = stop;
  const AlertRunReport report = run_alerts(targets_, records_, outbox, *sender, clock, context_.err(), options);
  context_.err().flush();
  return report.lost == 0;
}

}  // namespace tosdiff
