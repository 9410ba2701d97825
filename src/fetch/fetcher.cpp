// The libcurl multi-interface fetcher. One thread drives every transfer: requests wait in
// a queue until the global and per-host limits and the per-host spacing allow them to start,
// and retries go back into that queue with a ready time, so a backoff never blocks anyone.

#include "tosdiff/fetch/fetcher.hpp"
#include "tosdiff/util/curl.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <list>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace tosdiff {
namespace {

using Clock = std::chrono::steady_clock;

Clock::duration to_duration(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(std::max(0.0, seconds)));
}

double seconds_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

long to_millis(double seconds) { return static_cast<long>(std::llround(seconds * 1000.0)); }

std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Header values come back from servers we do not control (a stored ETag is replayed later):
// a CR or LF in one would let that server inject request headers.
std::string header_safe(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c != '\r' && c != '\n') out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// URL vetting, before curl sees the URL: curl would guess "http://" for a scheme-less URL,
// and the scheme decides both the error kind and the per-host queue.

struct Target {
  std::string scheme;    // lowercase
  std::string host_key;  // scheme://host:port, the unit of per-host politeness
};

Result<Target> vet_url(const FetchRequest& request) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), &curl_url_cleanup);
  if (!url) return Error{ErrorKind::network, "out of memory parsing " + request.url};
  CURLUcode rc = curl_url_set(url.get(), CURLUPART_URL, request.url.c_str(),
                              CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK) {
    return Error{ErrorKind::bad_url, "\"" + request.url + "\" is not a valid URL (" +
                                curl_url_strerror(rc) + ")"};
  }
  auto part = [&](CURLUPart which, unsigned flags) -> std::string {
    char* text = nullptr;
    if (curl_url_get(url.get(), which, &text, flags) != CURLUE_OK || !text) return "";
    std::string value = text;
    curl_free(text);
    return value;
  };
  Target target;
  target.scheme = lowercase(part(CURLUPART_SCHEME, 0));
  if (target.scheme == "file") {
    if (!request.allow_file) {
      return Error{ErrorKind::file_not_allowed,
                   "file URL " + request.url + " is refused because this document does not "
                   "allow local files"};
    }
    target.host_key = "file://";
    return target;
  }
  if (target.scheme != "http" && target.scheme != "https") {
    return Error{ErrorKind::bad_url, "URL " + request.url + " has unsupported scheme \"" +
                                target.scheme + "\" (only http and https are fetched)"};
  }
  target.host_key = target.scheme + "://" + lowercase(part(CURLUPART_HOST, 0)) + ":" +
                    part(CURLUPART_PORT, CURLU_DEFAULT_PORT);
  return target;
}

// ---------------------------------------------------------------------------------------
// Bookkeeping for one request across its attempts, and for one attempt in flight.

struct Task {
  std::size_t index = 0;
  const FetchRequest* request = nullptr;
  Target target;
  int attempts = 0;                 // attempts started so far
  Clock::time_point first_start{};  // start of the first attempt
  Clock::time_point ready_at{};     // earliest start of the next attempt
};

struct Transfer {
  Task* task = nullptr;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string body;
  std::size_t max_size = 0;
  bool too_large = false;
  char errbuf[CURL_ERROR_SIZE] = {};

  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer() {
    if (easy) curl_easy_cleanup(easy);
    curl_slist_free_all(headers);
  }
};

// The size cap is enforced here, on decoded bytes, because a gzip bomb's Content-Length (if
// any) says nothing about its decoded size. A short count makes curl fail the transfer with
// CURLE_WRITE_ERROR, which the too_large flag turns into "too_large".
size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (n > transfer->max_size - transfer->body.size()) {
    transfer->too_large = true;
    std::string().swap(transfer->body);  // give the memory back now, not at cleanup
    return 0;
  }
  // Grow geometrically but never past the cap, so one transfer's buffer is at most max_size
  // (std::string alone would round a 10 MB body up to a 16 MB buffer).
  std::string& body = transfer->body;
  if (body.size() + n > body.capacity()) {
    body.reserve(std::min(std::max(body.size() + n, 2 * body.capacity()), transfer->max_size));
  }
  body.append(data, n);
  return n;
}

// A new status line starts a new response (a redirect hop, or a 1xx): whatever body came
// before belongs to an earlier response and is not the page.
size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (n >= 5 && std::memcmp(data, "HTTP/", 5) == 0) transfer->body.clear();
  return n;
}

// Header of the last response in the redirect chain (request index -1), "" if absent.
std::string final_header(CURL* easy, const char* name) {
  curl_header* header = nullptr;
  if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || !header) {
    return "";
  }
  return header->value ? header->value : "";
}

// Seconds a Retry-After header asks for: delta-seconds or an HTTP-date. nullopt when the
// header is absent or unreadable, in which case ordinary backoff applies.
std::optional<double> retry_after_seconds(CURL* easy) {
  const std::string value = final_header(easy, "Retry-After");
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    // Anything past 9 digits is far beyond any sane max_retry_after_seconds anyway.
    if (value.size() > 9) return 1e9;
    return std::stod(value);
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return std::max(0.0, std::difftime(when, std::time(nullptr)));
}

bool is_tls_error(CURLcode rc) {
  switch (rc) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
      return true;
    default:
      return false;
  }
}

// curl's own wording is the most precise detail we have; fall back to the generic text.
std::string curl_detail(const Transfer& transfer, CURLcode rc) {
  if (transfer.errbuf[0] != '\0') return transfer.errbuf;
  return curl_easy_strerror(rc);
}

std::string connect_address(const Transfer& transfer) {
  char* ip = nullptr;
  long port = 0;
  curl_easy_getinfo(transfer.easy, CURLINFO_PRIMARY_IP, &ip);
  curl_easy_getinfo(transfer.easy, CURLINFO_PRIMARY_PORT, &port);
  if (ip && *ip && port > 0) return std::string(ip) + ":" + std::to_string(port);
  // No address was reached: name the host part of the queue key instead.
  const std::string& key = transfer.task->target.host_key;
  const auto slash = key.find("://");
  return slash == std::string::npos ? key : key.substr(slash + 3);
}

// What one attempt ended with, before the retry decision.
struct Outcome {
  std::optional<FetchResponse> response;  // a complete exchange, any status
  std::optional<Error> error;
  bool transient = false;
  std::optional<double> retry_after;  // honoured for 429 and 503 only
};

Error transport_error(const Transfer& transfer, CURLcode rc, bool* transient) {
  const std::string& url = transfer.task->request->url;
  const std::string detail = curl_detail(transfer, rc);
  *transient = false;
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return {ErrorKind::dns, "host name of " + url + " did not resolve (" + detail + ")"};
    case CURLE_COULDNT_CONNECT:
      return {ErrorKind::connection_refused,
              "connection to " + connect_address(transfer) + " was refused for " + url};
    case CURLE_OPERATION_TIMEDOUT:
      *transient = true;
      return {ErrorKind::timeout, "fetching " + url + " timed out (" + detail + ")"};
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
      *transient = true;
      return {ErrorKind::connection_reset,
              "the server closed the connection before a complete response for " + url + " (" +
                  detail + ")"};
    case CURLE_PARTIAL_FILE:
      *transient = true;
      return {ErrorKind::truncated, "the body of " + url + " ended before its announced length (" +
                               detail + ")"};
    case CURLE_TOO_MANY_REDIRECTS:
      return {ErrorKind::redirect, "too many redirects fetching " + url + " (" + detail + ")"};
    case CURLE_UNSUPPORTED_PROTOCOL:
      // The initial scheme was vetted before the transfer started, so curl can only have
      // refused a redirect target (file://, ftp://, ...), which REDIR_PROTOCOLS forbids.
      return {ErrorKind::redirect,
              url + " redirected to a scheme other than http or https (" + detail + ")"};
    case CURLE_BAD_CONTENT_ENCODING:
      return {ErrorKind::bad_encoding,
              "the Content-Encoding of " + url + " could not be decoded (" + detail + ")"};
    case CURLE_URL_MALFORMAT:
      return {ErrorKind::bad_url, "\"" + url + "\" is not a valid URL (" + detail + ")"};
    case CURLE_FILE_COULDNT_READ_FILE:
      return {ErrorKind::file, "local file " + url + " could not be read (" + detail + ")"};
    case CURLE_FILESIZE_EXCEEDED:
      return {ErrorKind::too_large, url + " is larger than the size limit of " +
                               std::to_string(transfer.max_size) + " bytes"};
    default:
      break;
  }
  if (rc == CURLE_WRITE_ERROR && transfer.too_large) {
    return {ErrorKind::too_large, url + " is larger than the size limit of " +
                             std::to_string(transfer.max_size) + " bytes once decoded"};
  }
  if (is_tls_error(rc)) {
    return {ErrorKind::tls, "TLS failed for " + url + " (" + detail + ")"};
  }
  *transient = true;
  return {ErrorKind::network, "fetching " + url + " failed (" + detail + ")"};
}

Outcome classify(Transfer& transfer, CURLcode rc) {
  Outcome outcome;
  if (rc != CURLE_OK) {
    outcome.error = transport_error(transfer, rc, &outcome.transient);
    return outcome;
  }
  FetchResponse response;
  curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &response.status);
  char* effective = nullptr;
  curl_easy_getinfo(transfer.easy, CURLINFO_EFFECTIVE_URL, &effective);
  response.final_url = effective ? effective : transfer.task->request->url;
  if (transfer.task->target.scheme == "file") {
    response.status = 200;  // curl reports 0 for a file read; 200 is what the pipeline expects
  } else {
    response.content_type = final_header(transfer.easy, "Content-Type");
    response.etag = final_header(transfer.easy, "ETag");
    response.last_modified = final_header(transfer.easy, "Last-Modified");
  }
  response.not_modified = response.status == 304;
  if (response.not_modified) response.body.clear();
  else response.body = std::move(transfer.body);

  const long status = response.status;
  outcome.transient = status >= 500 || status == 429;
  if (status == 429 || status == 503) outcome.retry_after = retry_after_seconds(transfer.easy);
  outcome.response = std::move(response);
  return outcome;
}

// ---------------------------------------------------------------------------------------
// One fetch_all call.

class Run {
 public:
  Run(const FetchLimits& limits, const std::vector<FetchRequest>& requests,
      const Fetcher::Callback& on_done)
      : limits_(limits), requests_(requests), on_done_(on_done), rng_(std::random_device{}()) {
    multi_ = curl_multi_init();
    if (!multi_) throw std::runtime_error("libcurl could not create a multi handle");
  }

  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;

  // Also reached when a callback throws: handles must leave the multi before it goes.
  ~Run() {
    for (auto& [easy, transfer] : in_flight_) curl_multi_remove_handle(multi_, easy);
    in_flight_.clear();
    curl_multi_cleanup(multi_);
  }

  void execute() {
    enqueue_all();
    while (finished_ < requests_.size()) {
      if (stop_requested()) {
        interrupt_everything();
        return;
      }
      int running = 0;
      if (CURLMcode mc = curl_multi_perform(multi_, &running); mc != CURLM_OK) {
        fail_everything(mc);
        return;
      }
      drain_completions();
      if (finished_ == requests_.size()) return;
      const Clock::duration wait = start_ready_transfers();
      if (CURLMcode mc = curl_multi_poll(multi_, nullptr, 0, poll_millis(wait), nullptr);
          mc != CURLM_OK) {
        fail_everything(mc);
        return;
      }
    }
  }

 private:
  struct Host {
    int in_flight = 0;
    Clock::time_point next_start{};  // last start + delay_seconds
  };

  // The stop flag must be seen within ~100 ms whatever curl is waiting for.
  static constexpr auto kMaxPoll = std::chrono::milliseconds(100);

  bool stop_requested() const { return limits_.stop && limits_.stop->load(); }

  static int poll_millis(Clock::duration wait) {
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(std::min<Clock::duration>(
        std::max<Clock::duration>(wait, Clock::duration::zero()), kMaxPoll));
    return static_cast<int>(ms.count());
  }

  // Requests refused before any transfer (bad URL, file not allowed) are answered at once.
  void enqueue_all() {
    tasks_.resize(requests_.size());
    const auto now = Clock::now();
    for (std::size_t i = 0; i < requests_.size(); ++i) {
      Task& task = tasks_[i];
      task.index = i;
      task.request = &requests_[i];
      Result<Target> target = vet_url(requests_[i]);
      if (!target) {
        finish(task, target.error());
        continue;
      }
      task.target = std::move(target.value());
      task.ready_at = now;
      waiting_.push_back(&task);
    }
  }

  // Starts every waiting attempt the limits allow, in queue order, and returns how long
  // until the next one could start by time alone (a slot freed by a completion wakes the
  // poll anyway, through socket activity).
  Clock::duration start_ready_transfers() {
    const auto now = Clock::now();
    Clock::time_point next_wake = now + kMaxPoll;
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      if (static_cast<int>(in_flight_.size()) >= std::max(1, limits_.jobs)) break;
      Task& task = **it;
      Host& host = hosts_[task.target.host_key];
      const int per_host = task.request->per_host > 0 ? task.request->per_host : limits_.per_host;
      if (host.in_flight >= std::max(1, per_host)) {
        ++it;
        continue;
      }
      const Clock::time_point when = std::max(task.ready_at, host.next_start);
      if (when > now) {
        next_wake = std::min(next_wake, when);
        ++it;
        continue;
      }
      it = waiting_.erase(it);
      start(task, host, now);
    }
    return next_wake - now;
  }

  void start(Task& task, Host& host, Clock::time_point now) {
    if (task.attempts == 0) task.first_start = now;
    ++task.attempts;
    host.next_start =
        now + to_duration(task.request->delay_seconds >= 0 ? task.request->delay_seconds : limits_.delay_seconds);

    auto transfer = std::make_unique<Transfer>();
    transfer->task = &task;
    transfer->max_size = limits_.max_size;
    transfer->easy = curl_easy_init();
    if (!transfer->easy || !configure(*transfer, now)) {
      finish(task, Error{ErrorKind::network, "libcurl could not set up a transfer for " +
                                        task.request->url});
      return;
    }
    if (curl_multi_add_handle(multi_, transfer->easy) != CURLM_OK) {
      finish(task, Error{ErrorKind::network, "libcurl could not start a transfer for " +
                                        task.request->url});
      return;
    }
    ++host.in_flight;
    CURL* easy = transfer->easy;
    in_flight_.emplace(easy, std::move(transfer));
  }

  bool configure(Transfer& t, Clock::time_point now) {
    const FetchRequest& request = *t.task->request;
    CURL* e = t.easy;
    bool ok = true;
    auto set = [&](CURLoption option, auto value) {
      ok = ok && curl_easy_setopt(e, option, value) == CURLE_OK;
    };
    set(CURLOPT_URL, request.url.c_str());
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_ERRORBUFFER, t.errbuf);
    set(CURLOPT_WRITEFUNCTION, &on_body);
    set(CURLOPT_WRITEDATA, static_cast<void*>(&t));
    set(CURLOPT_HEADERFUNCTION, &on_header);
    set(CURLOPT_HEADERDATA, static_cast<void*>(&t));
    set(CURLOPT_PROTOCOLS_STR, request.allow_file ? "http,https,file" : "http,https");
    set(CURLOPT_FOLLOWLOCATION, 1L);
    set(CURLOPT_MAXREDIRS, static_cast<long>(limits_.max_redirects));
    set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    set(CURLOPT_ACCEPT_ENCODING, "");
    set(CURLOPT_USERAGENT, limits_.user_agent.c_str());
    if (limits_.connect_timeout_seconds > 0) {
      set(CURLOPT_CONNECTTIMEOUT_MS, to_millis(limits_.connect_timeout_seconds));
    }
    if (const long timeout = attempt_timeout_millis(*t.task, now); timeout > 0) {
      set(CURLOPT_TIMEOUT_MS, timeout);
    }
    if (limits_.low_speed_seconds > 0) {
      set(CURLOPT_LOW_SPEED_LIMIT, limits_.low_speed_bytes_per_second);
      set(CURLOPT_LOW_SPEED_TIME, limits_.low_speed_seconds);
    }
    // Only catches an honest Content-Length early; the write callback is the real cap.
    set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits_.max_size));
    if (!request.etag.empty()) {
      t.headers = curl_slist_append(t.headers,
                                    ("If-None-Match: " + header_safe(request.etag)).c_str());
    }
    if (!request.last_modified.empty()) {
      t.headers = curl_slist_append(
          t.headers, ("If-Modified-Since: " + header_safe(request.last_modified)).c_str());
    }
    if (t.headers) set(CURLOPT_HTTPHEADER, t.headers);
    return ok;
  }

  // A retry may not run past the request's retry budget, so its timeout is cut to what is
  // left of it; the first attempt gets the full timeout.
  long attempt_timeout_millis(const Task& task, Clock::time_point now) const {
    double timeout = limits_.timeout_seconds;
    if (task.attempts > 1) {
      const double left = limits_.retry_budget_seconds - seconds_between(task.first_start, now);
      timeout = timeout > 0 ? std::min(timeout, left) : left;
      timeout = std::max(timeout, 0.001);
    }
    return timeout > 0 ? std::max(1L, to_millis(timeout)) : 0;
  }

  void drain_completions() {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      auto it = in_flight_.find(msg->easy_handle);
      if (it == in_flight_.end()) continue;
      const CURLcode rc = msg->data.result;  // msg is invalid once the handle is removed
      std::unique_ptr<Transfer> transfer = std::move(it->second);
      in_flight_.erase(it);
      curl_multi_remove_handle(multi_, transfer->easy);
      --hosts_[transfer->task->target.host_key].in_flight;
      complete(*transfer, rc);
    }
  }

  void complete(Transfer& transfer, CURLcode rc) {
    Task& task = *transfer.task;
    Outcome outcome = classify(transfer, rc);
    const auto now = Clock::now();
    std::optional<Error> refusal;
    if (const auto wait = retry_wait(task, outcome, now, &refusal)) {
      task.ready_at = now + to_duration(*wait);
      waiting_.push_back(&task);
      return;
    }
    if (refusal) finish(task, std::move(*refusal));
    else if (outcome.error) finish(task, std::move(*outcome.error));
    else finish(task, std::move(*outcome.response));
  }

  // Seconds to wait before retrying, or nullopt for "this outcome is final". A Retry-After
  // longer than we are willing to wait turns the outcome into an http_retry_after error.
  std::optional<double> retry_wait(const Task& task, const Outcome& outcome,
                                   Clock::time_point now, std::optional<Error>* refusal) {
    if (!outcome.transient || task.attempts > limits_.max_retries) return std::nullopt;
    double wait = 0;
    if (outcome.retry_after) {
      if (*outcome.retry_after > limits_.max_retry_after_seconds) {
        *refusal = Error{ErrorKind::http_retry_after,
                         task.request->url + " answered " +
                             std::to_string(outcome.response ? outcome.response->status : 0) +
                             " asking to retry after " +
                             std::to_string(static_cast<long long>(*outcome.retry_after)) +
                             " s, longer than the allowed " +
                             std::to_string(static_cast<long long>(
                                 limits_.max_retry_after_seconds)) +
                             " s"};
        return std::nullopt;
      }
      wait = *outcome.retry_after;
    } else {
      wait = jittered_backoff(task.attempts);
    }
    if (seconds_between(task.first_start, now) + wait >= limits_.retry_budget_seconds) {
      return std::nullopt;
    }
    return wait;
  }

  // Exponential backoff with full jitter: uniform in [0, base * 2^(attempt-1)], so that many
  // requests failing together do not retry together.
  double jittered_backoff(int attempts_made) {
    const double ceiling =
        limits_.retry_base_seconds * std::ldexp(1.0, std::min(attempts_made - 1, 30));
    if (ceiling <= 0) return 0;
    return std::uniform_real_distribution<double>(0.0, ceiling)(rng_);
  }

  void finish(Task& task, Result<FetchResponse> result) {
    if (result) {
      result->attempts = std::max(1, task.attempts);
      result->seconds = seconds_between(task.first_start, Clock::now());
    }
    ++finished_;
    on_done_(task.index, std::move(result));
  }

  void interrupt_everything() {
    abandon_everything([](const Task& task) {
      return Error{ErrorKind::interrupted, "fetching " + task.request->url + " was interrupted"};
    });
  }

  // The multi handle itself failed (out of memory, most likely): no request can go on.
  void fail_everything(CURLMcode mc) {
    abandon_everything([mc](const Task& task) {
      return Error{ErrorKind::network, "fetching " + task.request->url +
                                  " failed because libcurl's multi interface failed (" +
                                  curl_multi_strerror(mc) + ")"};
    });
  }

  // Every transfer in flight or waiting ends with the error `why` gives it.
  template <class Why>
  void abandon_everything(Why why) {
    // Detach everything first so a throwing callback leaves nothing half-owned.
    std::vector<Task*> pending;
    for (auto& [easy, transfer] : in_flight_) {
      curl_multi_remove_handle(multi_, easy);
      pending.push_back(transfer->task);
    }
    in_flight_.clear();
    pending.insert(pending.end(), waiting_.begin(), waiting_.end());
    waiting_.clear();
    for (Task* task : pending) finish(*task, why(*task));
  }


  const FetchLimits& limits_;
  const std::vector<FetchRequest>& requests_;
  const Fetcher::Callback& on_done_;
  std::mt19937_64 rng_;
  CURLM* multi_ = nullptr;
  std::vector<Task> tasks_;
  std::list<Task*> waiting_;  // queue order; retries rejoin at the back with a ready time
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> in_flight_;
  std::unordered_map<std::string, Host> hosts_;
  std::size_t finished_ = 0;
};

class CurlFetcher final : public Fetcher {
 public:
  explicit CurlFetcher(const FetchLimits& limits) : limits_(limits) { init_curl_once(); }

  void fetch_all(const std::vector<FetchRequest>& requests, const Callback& on_done) override {
    if (requests.empty()) return;
    Run run(limits_, requests, on_done);
    run.execute();
  }

 private:
  FetchLimits limits_;
};

}  // namespace

std::unique_ptr<Fetcher> make_curl_fetcher(const FetchLimits& limits) {
  return std::make_unique<CurlFetcher>(limits);
}

}  // namespace tosdiff
