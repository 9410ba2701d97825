#include "tosdiff/notify/alert.hpp"

#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/record_text.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <random>
#include <cstdlib>
#include <unistd.h>

extern char** environ;

#include "tosdiff/util/atomic_file.hpp"
#include "tosdiff/report/digest.hpp"
#include "tosdiff/notify/mail.hpp"
#include "tosdiff/notify/outbox.hpp"
#include "tosdiff/util/sha256.hpp"
#include "tosdiff/util/subprocess.hpp"
#include "tosdiff/notify/webhook.hpp"
#include "tosdiff/report/mail_message.hpp"
#include "tosdiff/report/webhook_payload.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string record_key(const ChangeRecord& r) { return r.platform + "/" + r.document; }

std::string keys_of(const std::vector<ChangeRecord>& records) {
  std::vector<std::string> keys;
  for (const auto& r : records) keys.push_back(record_key(r));
  if (keys.size() > 3) {
    const std::size_t more = keys.size() - 3;
    keys.resize(3);
    keys.push_back("+" + std::to_string(more) + " more");
  }
  return join(keys, ", ");
}

std::string unique_token(std::chrono::system_clock::time_point now) {
  std::random_device device;
  std::mt19937_64 random(device());
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(random()));
  std::string t = format_utc(now);
  t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == '-' || c == ':'; }), t.end());
  return t + "." + std::to_string(::getpid()) + "." + hex;
}

class RealAlertSender final : public AlertSender {
 public:
  RealAlertSender(const Clock& clock, const std::atomic<bool>* stop) : clock_(clock), stop_(stop) {}

  Result<std::string> send(const AlertTarget& target, const std::vector<ChangeRecord>& records) override {
    if (target.type == "email") return send_email(target, records);
    std::string outcome;
    for (const auto& record : records) {
      Result<std::string> one = target.type == "exec" ? run_exec(target, record) : send_webhook(target, record);
      if (!one.ok()) return one;
      outcome = one.value();
    }
    return outcome;
  }

 private:
  Result<std::string> run_exec(const AlertTarget& target, const ChangeRecord& record) const {
    const auto timeout = std::chrono::milliseconds(static_cast<long long>(target.timeout_seconds * 1000));
    std::vector<std::pair<std::string, std::string>> env = inherited_environment(target.pass_env);
    for (auto& variable : exec_environment(record)) env.push_back(std::move(variable));
    SubprocessResult r = run_subprocess(target.argv, env, record_to_json_line(record) + "\n", timeout, stop_,
                                        InheritEnvironment::none);
    if (!r.ok()) return Error{ErrorKind::exec, r.describe()};
    return std::string("exit status 0");
  }

  Result<std::string> send_webhook(const AlertTarget& target, const ChangeRecord& record) const {
    WebhookOptions options;
    options.stop = stop_;
    options.timeout_seconds = target.timeout_seconds;
    options.retries = target.retries;
    Result<long> r = post_webhook(target.url, webhook_body(record, target.format), options);
    if (!r.ok()) return r.error();
    return "HTTP " + std::to_string(r.value());
  }

  Result<std::string> send_email(const AlertTarget& target, const std::vector<ChangeRecord>& records) {
    std::vector<DigestEntry> entries;
    std::string first_checked;
    for (const auto& r : records) {
      entries.push_back({r, r.current ? r.current->captured_at : r.checked_at});
      if (first_checked.empty() || r.checked_at < first_checked) first_checked = r.checked_at;
    }
    Digest digest = make_digest(std::move(entries));
    const auto now = clock_.now();
    digest.generated_at = format_utc(now);
    std::string headline = substantive_headline(digest);
    digest.title = headline;
    digest.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(digest.title[0])));
    digest.period = "Found by tosdiff check" +
                    (first_checked.size() >= 16 ? ", " + first_checked.substr(0, 10) + " " + first_checked.substr(11, 5) + " UTC" : "");
    MailMessage message;
    message.from = target.smtp.from;
    message.to = target.to;
    message.subject = "tosdiff: " + headline;
    message.text = digest_to_text(digest, false);
    message.html = digest_to_html(digest);
    Result<std::string> sent = send_mail(target.smtp, target.to, compose_mail(message, now, unique_token(now)));
    return sent;
  }

  const Clock& clock_;
  const std::atomic<bool>* stop_;
};

}  // namespace

bool AlertFilter::takes(const ChangeRecord& record, Severity floor) const {
  // Only a substantive change alerts: never a new document, never a cosmetic change.
  if (!is_substantive_change(record)) return false;
  const int rank = severity_rank(record.severity);
  if (min_severity != Severity::unclassified && rank < severity_rank(min_severity)) return false;
  if (floor != Severity::unclassified && rank < severity_rank(floor)) return false;
  if (!platforms.empty() &&
      std::none_of(platforms.begin(), platforms.end(),
                   [&](const std::string& p) { return p == record.platform || p == record_key(record); }))
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

std::string sanitize_env_value(std::string_view value) {
  std::string out;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? ' ' : c;
  }
  constexpr std::size_t kMax = 1000;
  if (out.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.resize(cut);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> exec_environment(const ChangeRecord& r) {
  std::vector<std::pair<std::string, std::string>> env = {
      {"TOSDIFF_PLATFORM", r.platform},
      {"TOSDIFF_DOCUMENT", r.document},
      {"TOSDIFF_TITLE", r.title},
      {"TOSDIFF_URL", r.urls.empty() ? "" : r.urls.front()},
      {"TOSDIFF_SEVERITY", std::string(to_string(r.severity))},
      {"TOSDIFF_SIGNIFICANCE", std::string(to_string(r.significance))},
      {"TOSDIFF_VERSION", r.current ? r.current->version : ""},
      {"TOSDIFF_PREVIOUS_VERSION", r.previous ? r.previous->version : ""},
      {"TOSDIFF_CHECKED_AT", r.checked_at},
      {"TOSDIFF_SUMMARY", summarize(r)},
  };
  for (auto& [name, value] : env) value = sanitize_env_value(value);
  return env;
}

std::vector<std::pair<std::string, std::string>> inherited_environment(const std::vector<std::string>& pass_env) {
  // What a program needs to run (and to reach the network through a proxy), and nothing
  // of tosdiff's secrets: TOSDIFF_SMTP_PASSWORD and friends stay in tosdiff.
  static constexpr std::string_view kPassed[] = {"PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE",
                                                 "TZ", "TMPDIR", "TERM", "http_proxy", "https_proxy", "no_proxy",
                                                 "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR"};
  std::vector<std::pair<std::string, std::string>> out;
  auto pass = [&](const std::string& name) {
    if (std::any_of(out.begin(), out.end(), [&](const auto& e) { return e.first == name; })) return;
    if (const char* value = std::getenv(name.c_str())) out.emplace_back(name, value);
  };
  for (std::string_view name : kPassed) pass(std::string(name));
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    if (entry.substr(0, 3) == "LC_") pass(std::string(entry.substr(0, entry.find('='))));
  }
  for (const std::string& name : pass_env) pass(name);
  return out;
}

std::unique_ptr<AlertSender> make_alert_sender(const Clock& clock, const std::atomic<bool>* stop) {
  return std::make_unique<RealAlertSender>(clock, stop);
}

AlertRunReport run_alerts(const std::vector<AlertTarget>& targets, const std::vector<ChangeRecord>& records,
                          Outbox& outbox, AlertSender& sender, const Clock& clock, std::ostream& err,
                          const AlertRunOptions& options) {
  AlertRunReport report;
  const auto now = clock.now();
  const std::string now_text = format_utc(now);
  auto stopped = [&] { return options.stop && options.stop->load(); };
  // A target that failed once in this run is not tried again in it: a webhook that times
  // out must not cost a minute per record. Its other deliveries are queued untried.
  std::map<std::string, std::string> failed_targets;  // key -> error
  auto entry_path = [&](const OutboxEntry& e) { return (outbox.directory() / (e.id + ".json")).string(); };
  auto give_up = [&](const OutboxEntry& e, const std::string& why) {
    try {
      outbox.give_up(e);
    } catch (const ArchiveError& error) {
      err << "tosdiff: alert: " << error.what() << "\n";
    }
    ++report.given_up;
    err << "tosdiff: alert given up: " << e.target_label << " (" << keys_of(e.records) << "): " << why
        << "; kept in " << (outbox.directory() / "given-up" / (e.id + ".json")).string() << "\n";
  };

  // 1. What earlier runs could not deliver, oldest first.
  if (options.retry_outbox) {
    std::vector<std::string> problems;
    std::vector<OutboxEntry> queued = outbox.entries(problems);
    for (const auto& p : problems) err << "tosdiff: alert: " << p << "\n";
    for (OutboxEntry& e : queued) {
      const auto target = std::find_if(targets.begin(), targets.end(),
                                       [&](const AlertTarget& t) { return t.key() == e.target_key; });
      if (target == targets.end() || stopped() || failed_targets.count(e.target_key)) {
        // Its target is not configured in this run, failed already in it, or the run is
        // stopping: not an attempt.
        if (Outbox::exhausted(e, now))
          give_up(e, "not delivered within " + std::to_string(Outbox::kMaxAge.count() / 24) +
                         " days; last error: " + e.last_error +
                         (target == targets.end() ? " (its target is no longer configured)" : ""));
        else
          ++report.waiting;
        continue;
      }
      ++report.retried;
      Result<std::string> sent = sender.send(*target, e.records);
      if (sent.ok()) {
        outbox.remove(e);
        ++report.delivered;
        if (!options.quiet)
          err << "tosdiff: alert delivered on retry: " << e.target_label << " (" << keys_of(e.records)
              << ", queued since " << e.created_at << "): " << sent.value() << "\n";
        continue;
      }
      ++e.attempts;
      e.last_attempt_at = now_text;
      e.last_error = sent.error().message;
      failed_targets.emplace(e.target_key, e.last_error);
      if (Outbox::exhausted(e, now)) {
        give_up(e, "failed " + std::to_string(e.attempts) + " times since " + e.created_at + "; last error: " + e.last_error);
        continue;
      }
      ++report.failed;
      try {
        outbox.save(e, now);
      } catch (const ArchiveError& error) {
        // The entry on disk still holds the previous attempt: it is retried, not lost.
        err << "tosdiff: alert: " << error.what() << "\n";
      }
      err << "tosdiff: alert failed again: " << e.target_label << " (" << keys_of(e.records) << "): " << e.last_error
          << " (attempt " << e.attempts << " of " << Outbox::kMaxAttempts << "; kept in " << entry_path(e) << ")\n";
    }
  }

  // 2. This run's records.
  for (const AlertTarget& target : targets) {
    std::vector<ChangeRecord> taken;
    for (const auto& r : records)
      if (target.filter.takes(r, options.min_severity)) taken.push_back(r);
    if (taken.empty()) continue;
    std::vector<std::vector<ChangeRecord>> batches;
    if (target.type == "email") batches.push_back(std::move(taken));
    else
      for (auto& r : taken) batches.push_back({std::move(r)});
    for (auto& batch : batches) {
      OutboxEntry entry;
      const auto failed_before = failed_targets.find(target.key());
      if (stopped()) {
        entry.last_error = "not attempted: the run was interrupted";
      } else if (failed_before != failed_targets.end()) {
        entry.last_error = "not attempted after a failure in this run: " + failed_before->second;
      } else {
        Result<std::string> sent = sender.send(target, batch);
        if (sent.ok()) {
          ++report.delivered;
          if (options.verbose)
            err << "tosdiff: alert delivered: " << target.label() << " (" << keys_of(batch) << "): " << sent.value() << "\n";
          continue;
        }
        entry.attempts = 1;
        entry.last_error = sent.error().message;
        failed_targets.emplace(target.key(), entry.last_error);
        ++report.failed;
      }
      entry.target_type = target.type;
      entry.target_key = target.key();
      entry.target_label = target.label();
      entry.created_at = now_text;
      entry.last_attempt_at = entry.attempts ? now_text : "";
      entry.records = std::move(batch);
      try {
        outbox.save(entry, now);
        err << "tosdiff: alert " << (entry.attempts ? "failed" : "queued") << ": " << entry.target_label << " ("
            << keys_of(entry.records) << "): " << entry.last_error << "; queued in " << entry_path(entry)
            << ", retried by the next check\n";
      } catch (const ArchiveError& error) {
        ++report.lost;
        err << "tosdiff: error: alert lost: " << entry.target_label << " (" << keys_of(entry.records)
            << "): " << entry.last_error << "; and it could not be queued for the next run: " << error.what() << "\n";
      }
    }
  }
  return report;
}

}  // namespace tosdiff
