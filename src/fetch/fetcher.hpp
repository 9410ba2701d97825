#pragma once
// The fetcher: downloads many pages at once with libcurl's multi interface, in the calling
// thread, politely (bounded connections and request spacing per host), with retries for
// transient failures only, conditional requests, and hard limits on time, redirects and
// size. HTTP error statuses are not errors here: a completed exchange is a FetchResponse
// whatever its status, so the pipeline can keep the body of an error page for inspection
// and classify it itself. An Error means no usable HTTP exchange happened.

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tosdiff/model/result.hpp"

namespace tosdiff {

// Whether a page fetched before is requested conditionally, with the validators of its
// archived snapshot (If-None-Match, If-Modified-Since). `check --no-cache` says no.
enum class ConditionalRequests { yes, no };

struct FetchRequest {
  std::string url;
  bool allow_file = false;     // file:// is refused unless the declaration allows it
  std::string etag;            // sent as If-None-Match when not empty
  std::string last_modified;   // sent as If-Modified-Since when not empty
  // Politeness a declaration asks for its host, over FetchLimits' (0 / negative: none).
  int per_host = 0;
  double delay_seconds = -1;
};

struct FetchLimits {
  int jobs = 16;                         // transfers in flight at once, all hosts together
  int per_host = 2;                      // transfers in flight at once to one host
  double delay_seconds = 0.0;            // minimum spacing between request starts to one host
  double connect_timeout_seconds = 10;   // per attempt
  double timeout_seconds = 30;           // whole attempt, redirects included
  long low_speed_bytes_per_second = 100; // below this for low_speed_seconds: abort (timeout)
  long low_speed_seconds = 15;
  std::size_t max_size = 10u << 20;      // cap on decoded body bytes (gzip bombs stop here)
  int max_redirects = 5;                 // only to http and https
  int max_retries = 2;                   // extra attempts for transient failures
  double retry_budget_seconds = 60;      // total time one request may spend in retries/backoff
  double retry_base_seconds = 1.0;       // first backoff ceiling, doubled per retry (tests: small)
  double max_retry_after_seconds = 30;   // a longer Retry-After is not waited for: error
  std::string user_agent = "tosdiff/0.1 (+https://github.com/tosdiff/tosdiff)";
  // Set by a signal handler: no new transfer or retry starts; transfers in flight are
  // abandoned with Error{ErrorKind::interrupted}; fetch_all returns promptly.
  const std::atomic<bool>* stop = nullptr;
};

struct FetchResponse {
  long status = 0;                 // final HTTP status; 200 for a file:// read
  bool not_modified = false;       // true for 304: body is empty and means "unchanged"
  std::string body;                // decoded bytes (Content-Encoding undone)
  std::string final_url;           // after redirects
  std::string content_type;        // header value, verbatim ("" if absent)
  std::string etag;                // header value, verbatim ("" if absent)
  std::string last_modified;       // header value, verbatim ("" if absent)
  int attempts = 1;                // 1 + retries actually made
  double seconds = 0;              // wall time from first attempt to completion
  // A browser's rendering read when the page's time ran out, still loading or changing, or
  // still without what the declaration selects (RenderedPage::settled false).
  bool incomplete = false;
};

// Error kinds a fetch can end with (Error::kind):
//   "bad_url"            not a URL curl accepts, or a scheme other than http/https (file://
//                        when allowed)
//   "file_not_allowed"   file:// without allow_file
//   "file"               file:// could not be read
//   "dns"                host name did not resolve
//   "connection_refused" nothing listens there
//   "connection_reset"   the peer closed or reset the connection before a complete response
//   "truncated"          the body ended before its Content-Length
//   "timeout"            connect timeout, total timeout or low-speed cut-off
//   "too_large"          more than max_size decoded bytes
//   "redirect"           more than max_redirects, or a redirect to a scheme other than http(s)
//   "tls"                certificate or handshake failure
//   "bad_encoding"       a Content-Encoding that could not be decoded
//   "http_retry_after"   a 429/503 asked to wait longer than max_retry_after_seconds
//   "interrupted"        stop was set before the transfer finished
//   "network"            any other transport failure (message carries curl's text)
// Retries (with exponential backoff from retry_base_seconds, 1 s by default, full jitter,
// within retry_budget_seconds) are made only for transient failures: timeout,
// connection_reset, truncated, network, HTTP 5xx,
// and 429/503 honouring Retry-After (seconds or HTTP-date). Not for dns, connection_refused,
// tls, too_large, redirect or 4xx: retrying those only delays the report. After the last
// attempt, a 5xx/429 is returned as a FetchResponse with that status.

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Called once per request, in the thread that called fetch_all, as each finishes (in
  // completion order). `index` is the request's position in the vector. The callback may
  // take the body by move; it should not block for long (other transfers wait meanwhile).
  using Callback = std::function<void(std::size_t index, Result<FetchResponse> result)>;
  virtual void fetch_all(const std::vector<FetchRequest>& requests, const Callback& on_done) = 0;
};

std::unique_ptr<Fetcher> make_curl_fetcher(const FetchLimits& limits);

}  // namespace tosdiff
