#pragma once
// What sends one delivery: each channel gets its payload prepared from the records (report/:
// the record's JSON line, a webhook body, a digest as an email), and only moves bytes. Behind
// an interface so the outbox logic is tested without a network.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "tosdiff/model/record.hpp"
#include "tosdiff/model/result.hpp"
#include "tosdiff/notify/alert_target.hpp"
#include "tosdiff/util/clock.hpp"

namespace tosdiff {

class AlertSender {
 public:
  virtual ~AlertSender() = default;
  // Exec and webhook targets get one delivery per record, an email target one message for
  // all. Returns a short description of what happened ("HTTP 200", "250 OK") or the Error.
  virtual Result<std::string> send(const AlertTarget& target, const std::vector<ChangeRecord>& records) = 0;
};

// The real one: the exec, webhook and email channels. `clock` stamps email dates; `stop`,
// when set, cuts a webhook's retries short and kills an exec program.
std::unique_ptr<AlertSender> make_alert_sender(const Clock& clock, const std::atomic<bool>* stop = nullptr);

}  // namespace tosdiff
