#pragma once
// One run's alerts (docs/alerts.md): first what the outbox holds from earlier runs, then this
// run's records, each to every target whose filter takes them. A delivery that fails goes to
// the outbox (outbox.hpp) and is retried by later runs; one that cannot even be queued is
// counted as lost.

#include <atomic>
#include <iosfwd>
#include <string>
#include <vector>

#include "tosdiff/model/record.hpp"
#include "tosdiff/notify/alert_target.hpp"
#include "tosdiff/notify/sender.hpp"
#include "tosdiff/util/clock.hpp"

namespace tosdiff {

class Outbox;

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
