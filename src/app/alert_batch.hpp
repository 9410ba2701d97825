#pragma once
// The alerts of one `tosdiff check` run (docs/alerts.md): the records that alert are kept as
// documents complete; at the end of the run the outbox is retried and the new alerts are
// delivered. A delivery failure that is queued for the next run does not change the run's
// exit code; one that cannot even be queued (a full disk) is a failure.

#include <atomic>
#include <filesystem>
#include <iosfwd>
#include <vector>

#include "tosdiff/app/settings.hpp"
#include "tosdiff/model/record.hpp"

namespace tosdiff {

class AlertBatch {
 public:
  AlertBatch(const CheckSettings& settings, std::filesystem::path data_dir, std::ostream& err, bool verbose, bool quiet)
      : settings_(settings), data_dir_(std::move(data_dir)), err_(err), verbose_(verbose), quiet_(quiet) {}

  void note(const ChangeRecord& record);  // keeps the records that alert
  // Under the ArchiveLock. When `stop` is set, nothing is attempted: the new alerts are queued.
  // Returns false when an alert could be neither delivered nor queued: it is lost, and the
  // run must say so in its exit code.
  bool deliver(const std::atomic<bool>* stop);

 private:
  const CheckSettings& settings_;
  std::filesystem::path data_dir_;
  std::ostream& err_;
  bool verbose_, quiet_;
  std::vector<ChangeRecord> records_;
};

}  // namespace tosdiff
