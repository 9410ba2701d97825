#include "tosdiff/notify/alert_target.hpp"

#include <algorithm>

#include "tosdiff/util/sha256.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {

std::string keys_of(const std::vector<ChangeRecord>& records) {
  std::vector<std::string> keys;
  for (const auto& r : records) keys.push_back(r.key());
  if (keys.size() > 3) {
    const std::size_t more = keys.size() - 3;
    keys.resize(3);
    keys.push_back("+" + std::to_string(more) + " more");
  }
  return join(keys, ", ");
}

bool AlertFilter::takes(const ChangeRecord& record, Severity floor) const {
  // Only a substantive change alerts: never a new document, never a cosmetic change.
  if (!is_substantive_change(record)) return false;
  const int rank = severity_rank(record.severity);
  if (min_severity != Severity::unclassified && rank < severity_rank(min_severity)) return false;
  if (floor != Severity::unclassified && rank < severity_rank(floor)) return false;
  if (!platforms.empty() &&
      std::none_of(platforms.begin(), platforms.end(),
                   [&](const std::string& p) { return p == record.platform || p == record.key(); }))
    return false;
  if (!topics.empty() && std::none_of(record.topics.begin(), record.topics.end(), [&](const RecordTopic& t) {
        return std::find(topics.begin(), topics.end(), t.id) != topics.end();
      }))
    return false;
  return true;
}

std::string AlertTarget::key() const {
  std::string destination;
  if (type == "exec") destination = command;
  else if (type == "webhook") destination = url;
  else {
    // The recipients, not the server: a queued message follows a change of SMTP provider.
    std::vector<std::string> sorted = to;
    std::sort(sorted.begin(), sorted.end());
    destination = join(sorted, ",");
  }
  return sha256_hex(type + "\n" + destination);
}

std::string AlertTarget::label() const {
  if (type == "exec") return "exec '" + (argv.empty() ? command : argv.front()) + "'";
  if (type == "webhook") return "webhook " + redacted_url(url) + (format == "json" ? "" : " (" + format + ")");
  return "email to " + join(to, ", ");
}

}  // namespace tosdiff
