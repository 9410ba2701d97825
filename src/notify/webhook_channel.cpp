#include "tosdiff/notify/webhook_channel.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include <curl/curl.h>

#include "tosdiff/util/curl.hpp"

namespace tosdiff {
namespace {

size_t keep_some(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t n = size * count;
  if (body->size() < 512) body->append(data, std::min<size_t>(n, 512 - body->size()));
  return n;
}

// Aborts a transfer in flight once the run is told to stop.
int abort_on_stop(void* stop, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* flag = static_cast<const std::atomic<bool>*>(stop);
  return flag && flag->load() ? 1 : 0;
}

}  // namespace

Result<long> post_webhook(const std::string& url, const std::string& body, const WebhookOptions& options) {
  init_curl_once();
  std::string last_problem;
  double backoff = options.backoff_seconds;
  for (int attempt = 0; attempt <= options.retries; ++attempt) {
    if (attempt > 0) {
      // Wait in short slices: a SIGINT must not sit behind a 30 s backoff.
      const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(backoff);
      while (std::chrono::steady_clock::now() < until) {
        if (options.stop && options.stop->load()) return Error{ErrorKind::webhook, last_problem + " (interrupted)"};
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      backoff = std::min(backoff * 2, 30.0);
    }
    CURL* curl = curl_easy_init();
    if (!curl) return Error{ErrorKind::webhook, "curl_easy_init failed"};
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    std::string reply;
    char error_buffer[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "tosdiff/0.1 (+https://github.com/tosdiff/tosdiff)");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(options.timeout_seconds, 10.0) * 1000));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_seconds * 1000));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_some);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    if (options.stop) {
      curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
      curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, abort_on_stop);
      curl_easy_setopt(curl, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(options.stop));
    }
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK) {
      last_problem = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
      if (code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT || code == CURLE_ABORTED_BY_CALLBACK)
        break;  // will not get better, or the run is stopping
      continue;
    }
    if (status >= 200 && status < 300) return status;
    last_problem = "HTTP " + std::to_string(status);
    for (char& c : reply)
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    while (!reply.empty() && reply.back() == ' ') reply.pop_back();
    if (!reply.empty()) last_problem += ": " + reply.substr(0, 160);
    const bool transient = status >= 500 || status == 408 || status == 429;
    if (!transient) break;
  }
  return Error{ErrorKind::webhook, last_problem};
}

}  // namespace tosdiff
