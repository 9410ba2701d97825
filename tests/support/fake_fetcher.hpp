#pragma once
// A Fetcher for in-process tests of the pipeline (as ninja's FakeCommandRunner): pages are
// set per URL, requests are recorded, no socket is opened. What it answers follows the
// contract of fetch/fetcher.hpp: an Error when no usable exchange happened, otherwise a
// FetchResponse whatever its status, and a 304 (not_modified, empty body) when the
// request's validators match the page's.

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tosdiff/fetch/fetcher.hpp"

namespace tosdiff::testing {

struct FakePage {
  long status = 200;
  std::string body;
  std::string content_type = "text/html; charset=utf-8";
  std::string etag;           // sent as the ETag header ("" for none)
  std::string last_modified;  // sent as the Last-Modified header ("" for none)
  std::string final_url;      // after redirects; "" for the URL itself
  std::optional<Error> error; // returned instead of any response
  // Answer 304 when the request carries this page's ETag (If-None-Match) or, without an
  // ETag on either side, its Last-Modified (If-Modified-Since).
  bool honour_validators = true;
};

// What the fake does with a stop flag that is set when fetch_all starts or between two
// requests.
enum class FakeStop {
  ignore,   // deliver every page anyway (the pipeline's own stop checks must catch it)
  fail,     // like the curl fetcher: every request not answered ends Error{interrupted}
  abandon,  // return without calling back for the requests not answered yet
};

class FakeFetcher final : public Fetcher {
 public:
  void set(const std::string& url, FakePage page) { pages_[url] = std::move(page); }
  void set_html(const std::string& url, std::string body, long status = 200) {
    FakePage page;
    page.status = status;
    page.body = std::move(body);
    set(url, std::move(page));
  }
  void set_error(const std::string& url, ErrorKind kind, std::string message = "") {
    FakePage page;
    page.error = Error{kind, message.empty() ? "fake " + std::string(to_string(kind)) + " for " + url : message};
    set(url, std::move(page));
  }
  FakePage& page(const std::string& url) { return pages_.at(url); }

  // Completion order: the order of the requests, or reversed (documents then complete in
  // the opposite order to their declaration).
  void set_reverse_order(bool reverse) { reverse_ = reverse; }
  void set_stop(const std::atomic<bool>* stop, FakeStop behaviour) {
    stop_ = stop;
    stop_behaviour_ = behaviour;
  }

  void fetch_all(const std::vector<FetchRequest>& requests, const Callback& on_done) override {
    ++calls_;
    std::vector<std::size_t> order(requests.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (reverse_) std::reverse(order.begin(), order.end());
    for (std::size_t i : order) {
      const FetchRequest& request = requests[i];
      requests_.push_back(request);
      if (stop_ && stop_->load() && stop_behaviour_ != FakeStop::ignore) {
        if (stop_behaviour_ == FakeStop::abandon) return;
        on_done(i, Error{ErrorKind::interrupted, "the run was stopped before " + request.url + " was fetched"});
        continue;
      }
      on_done(i, answer(request));
    }
  }

  // Every request received, in the order they were answered, over every fetch_all call.
  const std::vector<FetchRequest>& requests() const { return requests_; }
  std::vector<FetchRequest> requests_for(const std::string& url) const {
    std::vector<FetchRequest> out;
    for (const auto& r : requests_)
      if (r.url == url) out.push_back(r);
    return out;
  }
  void clear_requests() { requests_.clear(); }
  int calls() const { return calls_; }
  int not_modified_sent() const { return not_modified_; }

 private:
  Result<FetchResponse> answer(const FetchRequest& request) {
    auto found = pages_.find(request.url);
    if (found == pages_.end()) return Error{ErrorKind::dns, "fake fetcher: no page set for " + request.url};
    const FakePage& page = found->second;
    if (page.error) return *page.error;
    FetchResponse response;
    response.final_url = page.final_url.empty() ? request.url : page.final_url;
    response.content_type = page.content_type;
    response.etag = page.etag;
    response.last_modified = page.last_modified;
    const bool etag_matches = !request.etag.empty() && request.etag == page.etag;
    const bool date_matches = request.etag.empty() && page.etag.empty() && !request.last_modified.empty() &&
                              request.last_modified == page.last_modified;
    if (page.honour_validators && (etag_matches || date_matches)) {
      ++not_modified_;
      response.status = 304;
      response.not_modified = true;
      return response;
    }
    response.status = page.status;
    response.body = page.body;
    return response;
  }

  std::map<std::string, FakePage> pages_;
  std::vector<FetchRequest> requests_;
  bool reverse_ = false;
  const std::atomic<bool>* stop_ = nullptr;
  FakeStop stop_behaviour_ = FakeStop::ignore;
  int calls_ = 0;
  int not_modified_ = 0;
};

}  // namespace tosdiff::testing
