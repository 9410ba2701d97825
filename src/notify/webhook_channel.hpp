#pragma once
// Webhook alerts: one HTTP POST of a prepared body (report/webhook_payload.hpp),
// Content-Type application/json.

#include <atomic>
#include <string>

#include "tosdiff/model/result.hpp"

namespace tosdiff {

struct WebhookOptions {
  double timeout_seconds = 10;   // per attempt; connecting is also held to min(this, 10 s)
  int retries = 3;               // extra attempts after a network error, a 5xx, 408 or 429
  double backoff_seconds = 1;    // before the first retry, doubled each time, at most 30 s
  const std::atomic<bool>* stop = nullptr;  // set: no further attempt
};

// POSTs `body`; redirects are not followed. Success is a 2xx status (returned); anything
// else, after the retries, is an Error of kind "webhook" saying what the last attempt got.
Result<long> post_webhook(const std::string& url, const std::string& body, const WebhookOptions& options);

}  // namespace tosdiff
