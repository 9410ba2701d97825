#include "tosdiff/app/run_summary.hpp"

#include <algorithm>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {

void RunSummary::note(const ChangeRecord& record) {
  ++checked_;
  switch (record.status) {
    case Status::new_document: ++created_; break;
    case Status::unchanged: ++unchanged_; break;
    case Status::error:
      ++failed_;
      if (record.error) failures_.push_back(record.error->kind);
      break;
    default:
      (record.significance == Significance::substantive ? substantive_ : cosmetic_)++;
      break;
  }
}

std::vector<std::string> RunSummary::lines(bool quiet, const std::function<const char*(const char*)>& env) const {
  const bool worth = failed_ > 0 || substantive_ > 0 || (!quiet && (created_ > 0 || cosmetic_ > 0));
  if (!worth) return {};
  std::string line = "tosdiff: checked " + counted(checked_, "document") + ": ";
  if (created_) line += std::to_string(created_) + " new, ";
  line += std::to_string(substantive_) + " changed, " + std::to_string(cosmetic_) + " cosmetic, " +
          std::to_string(unchanged_) + " unchanged, " + std::to_string(failed_) + " failed";
  std::vector<std::string> out = {line};
  if (std::string cause = likely_cause(env); !cause.empty()) out.push_back("tosdiff: " + cause);
  return out;
}

// A cause is named only when it is the same for every document, and there are at least two
// (one failing document's own error message already says what happened to it).
std::string RunSummary::likely_cause(const std::function<const char*(const char*)>& env) const {
  if (failed_ < 2 || failed_ != checked_ || failures_.size() != failed_) return "";
  const ErrorKind kind = failures_.front();
  if (!std::all_of(failures_.begin(), failures_.end(), [&](ErrorKind k) { return k == kind; })) return "";
  std::string cause;
  switch (kind) {
    case ErrorKind::dns: cause = "no network? every host name failed to resolve"; break;
    case ErrorKind::connection_refused: cause = "no network? every connection was refused"; break;
    case ErrorKind::connection_reset: cause = "every connection was reset: a firewall or a proxy in the way?"; break;
    case ErrorKind::timeout: cause = "no network? every request timed out"; break;
    case ErrorKind::network: cause = "no network? every request failed at the network"; break;
    case ErrorKind::tls:
      cause = "every TLS handshake failed: a proxy or firewall intercepting HTTPS, or a wrong system clock?";
      break;
    default: return "";
  }
  for (const char* name : {"https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"}) {
    const char* value = env(name);
    if (value && *value)
      return cause + " (" + name + "=" + masked_url(value) + " is set: is that proxy reachable, and right?)";
  }
  return cause;
}

}  // namespace tosdiff
