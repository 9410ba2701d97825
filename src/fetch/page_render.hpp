#pragma once
// PageRender: one page on its way through the browser, as a state machine driven by the
// thread that owns the DevTools connection:
//   a fresh browser context -> a tab in it -> a flat session -> Page/Network events on ->
//   navigate -> wait (wait_for selectors, or load + quiet network + quiet DOM) ->
//   the request's script -> read the DOM (in an isolated world) -> dispose of the context.
// The result is known after the read; the tab's slot stays taken until the context is
// disposed (or 10 s have passed), so that tabs closing do not pile up beyond max_tabs.
//
// Time: the page's clock starts with start(). page_timeout bounds arrival and waiting; the
// script and the DOM read then get min(5 s, page_timeout) each at most (a page whose
// scripts never yield the main thread ends with "timeout" there).
//
// Not thread-safe: every call comes from the connection's thread. Commands are issued
// under the render's id as owner; the destructor forgets their callbacks.

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "tosdiff/fetch/browser.hpp"
#include "tosdiff/fetch/devtools_connection.hpp"
#include "tosdiff/model/result.hpp"

namespace tosdiff {

struct RenderLimits {
  std::chrono::milliseconds page_timeout{30000};
  std::chrono::milliseconds settle{500};
  std::size_t max_dom_bytes = 16u << 20;
};

// Error{ErrorKind::bad_url} unless `url` is http:// or https:// (any case); nullopt when it is.
std::optional<Error> check_render_url(const std::string& url);

// The Error a failed navigation maps to, from Page.navigate's errorText ("net::ERR_...").
Error navigation_error(const std::string& error_text, const std::string& url);

class PageRender {
 public:
  using Clock = std::chrono::steady_clock;

  PageRender(DevToolsConnection& cdp, int id, RenderRequest request, const RenderLimits& limits);
  ~PageRender();
  PageRender(const PageRender&) = delete;
  PageRender& operator=(const PageRender&) = delete;

  void start();  // issues the first command; the page's clock starts here

  // An event of this page's session, or a browser event about its target
  // (Target.detachedFromTarget, Target.targetCrashed).
  void on_event(const std::string& method, const nlohmann::json& params);
  // Deadlines and polls due at `now`. Call at next_tick() (or later).
  void on_tick(Clock::time_point now);
  Clock::time_point next_tick() const;  // time_point::max() when only events can move it

  // The browser is gone (crashed, killed, interrupted): ends with `error` if no result was
  // reached yet, sends nothing more, and is closed at once.
  void abandon(const Error& error);

  // The outcome, once, as soon as it is known; nullopt before and after.
  std::optional<Result<RenderedPage>> take_result();
  // Its context is gone (or given up on): the slot is free and the object may be destroyed.
  bool closed() const;

  const std::string& session_id() const { return session_id_; }
  const std::string& target_id() const { return target_id_; }
  const std::string& context_id() const { return context_id_; }  // "" until created
  const std::string& url() const { return request_.url; }

 private:
  enum class Phase { idle, opening, navigating, waiting, scripting, reading, closing };

  void on_context(Result<nlohmann::json> reply);
  void on_target(Result<nlohmann::json> reply);
  void on_attached(Result<nlohmann::json> reply);
  void on_navigated(Result<nlohmann::json> reply);
  void record_document_response(const nlohmann::json& params);
  void on_deadline();
  bool network_quiet(Clock::time_point now) const;
  bool awaits_a_response(Clock::time_point now) const;  // a request in flight for a while
  void probe();
  void run_script();
  void read_dom();
  void evaluate_read(std::optional<long> context_id);
  void finish(Result<RenderedPage> result);
  void dispose_context();
  void call(std::string_view method, nlohmann::json params, DevToolsConnection::Reply reply = {});
  std::string seconds_text() const;
  std::chrono::milliseconds step_grace() const;

  DevToolsConnection& cdp_;
  const int id_;
  RenderRequest request_;
  RenderLimits limits_;

  Phase phase_ = Phase::idle;
  Clock::time_point started_, deadline_, step_deadline_, close_deadline_;
  std::string context_id_, target_id_, session_id_;
  int configuring_ = 0;           // Page/Network set-up commands not answered yet
  bool context_pending_ = false;  // createBrowserContext sent, not answered
  bool dispose_pending_ = false;
  bool abandoned_ = false;
  bool close_given_up_ = false;

  bool loaded_ = false;      // the main frame's latest document fired its load event
  std::string main_loader_;  // loader of the latest main-frame document request
  std::map<std::string, Clock::time_point> in_flight_;  // request ids, when each was sent
  Clock::time_point last_network_;
  bool probe_pending_ = false;
  Clock::time_point next_probe_;
  std::string missing_selector_;  // the last one a probe found missing
  long last_length_ = -1;         // the body's text length at the last probe that saw it change
  Clock::time_point length_since_;

  RenderedPage page_;
  bool finished_ = false;
  std::optional<Result<RenderedPage>> result_;
};

}  // namespace tosdiff
