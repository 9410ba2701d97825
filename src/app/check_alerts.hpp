#pragma once
// The alerts of one `tosdiff check` run (docs/alerts.md): the configuration file is read and
// checked before anything is fetched (a mistake in it is a usage error, exit 2), its "check"
// defaults are applied under the options given on the command line, the run's alerting
// records are kept as documents complete, and at the end of the run the outbox is retried and
// the new alerts are delivered. A delivery failure that is queued for the next run does not
// change the run's exit code; one that cannot even be queued (a full disk) is a failure.

#include <atomic>
#include <vector>

#include "tosdiff/notify/alert_target.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/config.hpp"

namespace tosdiff {

class CheckAlerts {
 public:
  // Throws UsageError for a bad configuration file or alert flag.
  CheckAlerts(Context& context, CheckCommandOptions& options);

  void note(const ChangeRecord& result);  // keeps the records that alert
  // Under the ArchiveLock. When `stop` is set, nothing is attempted: the new alerts are queued.
  // Returns false when an alert could be neither delivered nor queued: it is lost, and the
  // run must say so in its exit code.
  bool deliver(const std::atomic<bool>* stop);

  const std::vector<AlertTarget>& targets() const { return targets_; }

 private:
  Context& context_;
  bool enabled_ = true;
  Severity min_severity_ = Severity::unclassified;
  std::vector<AlertTarget> targets_;
  std::vector<ChangeRecord> records_;
};

// Applies the configuration's "check" defaults to the options not in `options.given`.
void apply_check_defaults(CheckCommandOptions& options, const CheckDefaults& defaults);

}  // namespace tosdiff
