#pragma once
// Webhook alerts: one HTTP POST of one change record, as the record itself (format "json"),
// a Slack-compatible {"text": ...} message ("slack"), or a Microsoft Teams MessageCard
// ("teams"); Content-Type application/json. Bodies are pure functions of the record.

#include <atomic>
#include <string>

#include "tosdiff/record.hpp"
#include "tosdiff/result.hpp"

namespace tosdiff {

// The body for `format` (json | slack | teams); always valid UTF-8 JSON, one line.
std::string webhook_body(const CheckResult& record, const std::string& format);

struct WebhookOptions {
  double timeout_seconds = 10;   // per attempt; connecting is also held to min(this, 10 s)
  int retries = 3;               // extra attempts after a network error, a 5xx, 408 or 429
  double backoff_seconds = 1;    // before the first retry, doubled each time, at most 30 s
  const std::atomic<bool>* stop = nullptr;  // set: no further attempt
};

// POSTs `body`; redirects are not followed. Success is a 2xx status (returned); anything
// else, after the retries, is an Error of kind "webhook" saying what the last attempt got.
Result<long> post_webhook(const std::string& url, const std::string& body, const WebhookOptions& options);

// A URL without its path and query, for messages: they often carry a secret token.
std::string redacted_url(const std::string& url);

}  // namespace tosdiff
