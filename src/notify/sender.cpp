#include "tosdiff/notify/sender.hpp"

#include <algorithm>
#include <cctype>
#include <random>
#include <unistd.h>

#include "tosdiff/notify/email_channel.hpp"
#include "tosdiff/notify/exec_channel.hpp"
#include "tosdiff/notify/webhook_channel.hpp"
#include "tosdiff/report/digest.hpp"
#include "tosdiff/report/mail_message.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/webhook_payload.hpp"

namespace tosdiff {
namespace {

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
    return run_exec_alert(target, record, record_to_json_line(record) + "\n", stop_);
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

std::unique_ptr<AlertSender> make_alert_sender(const Clock& clock, const std::atomic<bool>* stop) {
  return std::make_unique<RealAlertSender>(clock, stop);
}

}  // namespace tosdiff
