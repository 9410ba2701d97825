#include "tosdiff/notify/delivery.hpp"

#include <algorithm>
#include <map>
#include <ostream>

#include "tosdiff/notify/outbox.hpp"
#include "tosdiff/util/atomic_file.hpp"

namespace tosdiff {

namespace {

// One run's deliveries: the state both phases share.
class AlertRun {
 public:
  AlertRun(const std::vector<AlertTarget>& targets, Outbox& outbox, AlertSender& sender, const Clock& clock,
           std::ostream& err, const AlertRunOptions& options)
      : targets_(targets), outbox_(outbox), sender_(sender), now_(clock.now()), now_text_(format_utc(now_)),
        err_(err), options_(options) {}

  // 1. What earlier runs could not deliver, oldest first.
  void retry_outbox() {
    std::vector<std::string> problems;
    std::vector<OutboxEntry> queued = outbox_.entries(problems);
    for (const auto& p : problems) err_ << "tosdiff: alert: " << p << "\n";
    for (OutboxEntry& e : queued) retry(e);
  }

  // 2. This run's records, to every target whose filter takes them.
  void deliver(const std::vector<ChangeRecord>& records) {
    for (const AlertTarget& target : targets_) {
      std::vector<ChangeRecord> taken;
      for (const auto& r : records)
        if (target.filter.takes(r, options_.min_severity)) taken.push_back(r);
      if (taken.empty()) continue;
      std::vector<std::vector<ChangeRecord>> batches;
      if (target.type == "email") batches.push_back(std::move(taken));
      else
        for (auto& r : taken) batches.push_back({std::move(r)});
      for (auto& batch : batches) deliver_batch(target, std::move(batch));
    }
  }

  const AlertRunReport& report() const { return report_; }

 private:
  bool stopped() const { return options_.stop && options_.stop->load(); }
  std::string entry_path(const OutboxEntry& e) const { return (outbox_.directory() / (e.id + ".json")).string(); }

  void give_up(const OutboxEntry& e, const std::string& why) {
    try {
      outbox_.give_up(e);
    } catch (const ArchiveError& error) {
      err_ << "tosdiff: alert: " << error.what() << "\n";
    }
    ++report_.given_up;
    err_ << "tosdiff: alert given up: " << e.target_label << " (" << keys_of(e.records) << "): " << why << "; kept in "
         << (outbox_.directory() / "given-up" / (e.id + ".json")).string() << "\n";
  }

  void retry(OutboxEntry& e) {
    const auto target = std::find_if(targets_.begin(), targets_.end(),
                                     [&](const AlertTarget& t) { return t.key() == e.target_key; });
    if (target == targets_.end() || stopped() || failed_targets_.count(e.target_key)) {
      // Its target is not configured in this run, failed already in it, or the run is
      // stopping: not an attempt.
      if (Outbox::exhausted(e, now_))
        give_up(e, "not delivered within " + std::to_string(Outbox::kMaxAge.count() / 24) +
                       " days; last error: " + e.last_error +
                       (target == targets_.end() ? " (its target is no longer configured)" : ""));
      else
        ++report_.waiting;
      return;
    }
    ++report_.retried;
    Result<std::string> sent = sender_.send(*target, e.records);
    if (sent.ok()) {
      outbox_.remove(e);
      ++report_.delivered;
      if (!options_.quiet)
        err_ << "tosdiff: alert delivered on retry: " << e.target_label << " (" << keys_of(e.records)
             << ", queued since " << e.created_at << "): " << sent.value() << "\n";
      return;
    }
    ++e.attempts;
    e.last_attempt_at = now_text_;
    e.last_error = sent.error().message;
    failed_targets_.emplace(e.target_key, e.last_error);
    if (Outbox::exhausted(e, now_)) {
      give_up(e, "failed " + std::to_string(e.attempts) + " times since " + e.created_at + "; last error: " + e.last_error);
      return;
    }
    ++report_.failed;
    try {
      outbox_.save(e, now_);
    } catch (const ArchiveError& error) {
      // The entry on disk still holds the previous attempt: it is retried, not lost.
      err_ << "tosdiff: alert: " << error.what() << "\n";
    }
    err_ << "tosdiff: alert failed again: " << e.target_label << " (" << keys_of(e.records) << "): " << e.last_error
         << " (attempt " << e.attempts << " of " << Outbox::kMaxAttempts << "; kept in " << entry_path(e) << ")\n";
  }

  void deliver_batch(const AlertTarget& target, std::vector<ChangeRecord> batch) {
    OutboxEntry entry;
    const auto failed_before = failed_targets_.find(target.key());
    if (stopped()) {
      entry.last_error = "not attempted: the run was interrupted";
    } else if (failed_before != failed_targets_.end()) {
      // A target that failed once in this run is not tried again in it: a webhook that
      // times out must not cost a minute per record. Its other deliveries are queued untried.
      entry.last_error = "not attempted after a failure in this run: " + failed_before->second;
    } else {
      Result<std::string> sent = sender_.send(target, batch);
      if (sent.ok()) {
        ++report_.delivered;
        if (options_.verbose)
          err_ << "tosdiff: alert delivered: " << target.label() << " (" << keys_of(batch) << "): " << sent.value() << "\n";
        return;
      }
      entry.attempts = 1;
      entry.last_error = sent.error().message;
      failed_targets_.emplace(target.key(), entry.last_error);
      ++report_.failed;
    }
    queue(target, std::move(entry), std::move(batch));
  }

  void queue(const AlertTarget& target, OutboxEntry entry, std::vector<ChangeRecord> batch) {
    entry.target_type = target.type;
    entry.target_key = target.key();
    entry.target_label = target.label();
    entry.created_at = now_text_;
    entry.last_attempt_at = entry.attempts ? now_text_ : "";
    entry.records = std::move(batch);
    try {
      outbox_.save(entry, now_);
      err_ << "tosdiff: alert " << (entry.attempts ? "failed" : "queued") << ": " << entry.target_label << " ("
           << keys_of(entry.records) << "): " << entry.last_error << "; queued in " << entry_path(entry)
           << ", retried by the next check\n";
    } catch (const ArchiveError& error) {
      ++report_.lost;
      err_ << "tosdiff: error: alert lost: " << entry.target_label << " (" << keys_of(entry.records)
           << "): " << entry.last_error << "; and it could not be queued for the next run: " << error.what() << "\n";
    }
  }

  const std::vector<AlertTarget>& targets_;
  Outbox& outbox_;
  AlertSender& sender_;
  const std::chrono::system_clock::time_point now_;
  const std::string now_text_;
  std::ostream& err_;
  const AlertRunOptions& options_;
  AlertRunReport report_;
  std::map<std::string, std::string> failed_targets_;  // key -> error, of this run
};

}  // namespace

AlertRunReport run_alerts(const std::vector<AlertTarget>& targets, const std::vector<ChangeRecord>& records,
                          Outbox& outbox, AlertSender& sender, const Clock& clock, std::ostream& err,
                          const AlertRunOptions& options) {
  AlertRun run(targets, outbox, sender, clock, err, options);
  if (options.retry_outbox) run.retry_outbox();
  run.deliver(records);
  return run.report();
}

}  // namespace tosdiff
