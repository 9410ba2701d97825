#include "tosdiff/app/alert_batch.hpp"

#include <ostream>

#include "tosdiff/notify/delivery.hpp"
#include "tosdiff/notify/outbox.hpp"
#include "tosdiff/notify/sender.hpp"

namespace tosdiff {

void AlertBatch::note(const ChangeRecord& record) {
  if (settings_.alerts_enabled && !settings_.alert_targets.empty() && is_substantive_change(record))
    records_.push_back(record);
}

bool AlertBatch::deliver(const std::atomic<bool>* stop) {
  if (!settings_.alerts_enabled) return true;
  Outbox outbox(data_dir_ / ".outbox");
  std::error_code ec;
  // Nothing to send and nothing queued: no work, and no directory created.
  if (records_.empty() && !std::filesystem::is_directory(outbox.directory(), ec)) return true;
  // Retry times are real times, even in a replay with a fixed clock.
  SystemClock clock;
  auto sender = make_alert_sender(clock, stop);
  AlertRunOptions options;
  options.min_severity = settings_.min_severity;
  options.verbose = verbose_;
  options.quiet = quiet_;
  options.stop = stop;
  const AlertRunReport report = run_alerts(settings_.alert_targets, records_, outbox, *sender, clock, err_, options);
  err_.flush();
  return report.lost == 0;
}

}  // namespace tosdiff
