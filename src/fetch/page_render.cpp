#include "tosdiff/fetch/page_render.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;

constexpr auto kProbeInterval = 200ms;
constexpr std::chrono::milliseconds kStepGrace = 5s;  // the script, then the DOM read
constexpr auto kCloseGrace = 10s;                    // disposing of the context

// Installed in every new document before its own scripts: when did the DOM last change?
// Attributes are left out on purpose: carousels and animations rewrite style attributes
// forever, while content arrives as nodes and text.
constexpr const char* kMutationClock = R"JS(
(() => {
  // Every shadow root open, so that the page's text inside web components can be read.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, Object.assign({}, init, {mode: "open"}));
  };
  let last = performance.now();
  new MutationObserver(() => { last = performance.now(); })
      .observe(document, {subtree: true, childList: true, characterData: true});
  Object.defineProperty(window, "__tosdiffQuietMs", {value: () => performance.now() - last});
})();
)JS";

// How long the DOM has been quiet (-1 before the clock is installed), the length of the text
// the page shows, and {missing: s} for the first selector that matches nothing, {invalid: s}
// for one querySelector rejects.
constexpr const char* kProbe = R"JS(
((selectors) => {
  const quiet = typeof __tosdiffQuietMs === 'function' ? __tosdiffQuietMs() : -1;
  const length = document.body ? document.body.textContent.length : 0;
  // What a reader sees, measured only when little is there (innerText lays the page out).
  const text = length < 5000 && document.body ? document.body.innerText.length : length;
  for (const s of selectors) {
    try { if (!document.querySelector(s)) return {quiet, text, length, missing: s}; }
    catch (e) { return {invalid: s}; }
  }
  return {quiet, text, length};
})
)JS";

// A page showing next to nothing (a redirect's stub, "Loading..."), or without what the
// declaration selects, is read only after this long without a change: a script may still take
// it elsewhere or fill it (a red team's finds: a redirect after a second read as its stub, an
// error page; a selector that never matched failed where plain HTTP fell back).
constexpr auto kLongQuiet = 3s;
constexpr double kLittleText = 200;
constexpr double kBusyQuietMs = 4000;
// A request in flight this long is one the page waits for (its text from an API); a page's
// heartbeat every 100 ms is answered sooner and is not waited out.
constexpr auto kSlowRequest = 250ms;

// The serialized DOM, or its size when over the limit. JavaScript counts UTF-16 units,
// never more than the UTF-8 bytes, so a length over the limit is over it in bytes too; the
// exact UTF-8 size is only computed when it could matter. toWellFormed(): a lone surrogate
// has no UTF-8 form (it becomes U+FFFD).
constexpr const char* kReadDom = R"JS(
((max) => {
  const d = document;
  // A frame of the page's own origin, shown, holding text (a section of the policy served as a
  // page of its own: a red team's find, its edits unseen), put beside it as a box named as the
  // frame is, so that the rules that know a chat's or a consent manager's frame know it. A
  // frame empty until opened (a chat's) or hidden stays out; another origin's cannot be read.
  for (const frame of d.querySelectorAll("iframe")) {
    let inner = null;
    try { inner = frame.contentDocument; } catch (e) {}
    if (!inner || !inner.body || frame.getClientRects().length === 0) continue;
    if ((inner.body.innerText || "").trim().length < 200) continue;
    const box = d.createElement("div");
    box.setAttribute("data-tosdiff-frame", frame.getAttribute("src") || "srcdoc");
    if (frame.className) box.className = frame.className;
    if (frame.id) box.setAttribute("data-frame-id", frame.id);
    box.innerHTML = inner.body.innerHTML;
    frame.after(box);
  }
  // Shadow roots written out as declarative shadow DOM (<template shadowrootmode>): text a web
  // component renders is the page's (a red team's find: a policy in a component read empty).
  const roots = [];
  const collect = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) { roots.push(el.shadowRoot); collect(el.shadowRoot); }
    }
  };
  if (d.documentElement) collect(d);
  let html = !d.documentElement ? ""
      : roots.length && d.documentElement.getHTML ? d.documentElement.getHTML({shadowRoots: roots})
      : d.documentElement.outerHTML;
  // getHTML leaves out the element itself.
  if (roots.length && d.documentElement.getHTML) {
    const open = d.documentElement.cloneNode(false).outerHTML;
    html = open.replace(/<\/html>$/, "") + html + "</html>";
  }
  if (d.doctype) html = new XMLSerializer().serializeToString(d.doctype) + "\n" + html;
  if (html.length > max) return html.length;
  html = html.toWellFormed();
  if (html.length * 3 > max) {
    const bytes = new TextEncoder().encode(html).length;
    if (bytes > max) return bytes;
  }
  return html;
})
)JS";


std::string seconds_of(std::chrono::milliseconds ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", static_cast<double>(ms.count()) / 1000.0);
  return text;
}

// First line of an exception Runtime.evaluate reports ("Error: boom"), or its summary.
std::string describe_exception(const json& details) {
  std::string text;
  if (const auto e = details.find("exception"); e != details.end() && e->is_object()) {
    text = e->value("description", std::string());
    if (text.empty() && e->contains("value")) text = e->at("value").dump();
  }
  if (text.empty()) text = details.value("text", std::string("exception"));
  if (const auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
  return text;
}

}  // namespace

std::optional<Error> check_render_url(const std::string& url) {
  const std::string lower = ascii_lower(url.substr(0, 8));
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0) return std::nullopt;
  return Error{ErrorKind::bad_url, "the browser only renders http:// and https:// URLs, not " + url};
}

Error navigation_error(const std::string& error_text, const std::string& url) {
  const std::string& t = error_text;
  const std::string what = "loading " + url + " failed (" + t + ")";
  if (t == "net::ERR_NAME_NOT_RESOLVED" || t == "net::ERR_NAME_RESOLUTION_FAILED") {
    return {ErrorKind::dns, "host name of " + url + " did not resolve (" + t + ")"};
  }
  if (t == "net::ERR_CONNECTION_REFUSED") {
    return {ErrorKind::connection_refused, "connection to " + url + " was refused (" + t + ")"};
  }
  if (t == "net::ERR_CONNECTION_TIMED_OUT" || t == "net::ERR_TIMED_OUT") return {ErrorKind::timeout, what};
  if (t == "net::ERR_CONNECTION_RESET" || t == "net::ERR_CONNECTION_CLOSED" ||
      t == "net::ERR_EMPTY_RESPONSE") {
    return {ErrorKind::connection_reset, what};
  }
  if (t.rfind("net::ERR_CERT_", 0) == 0 || t.rfind("net::ERR_SSL_", 0) == 0) return {ErrorKind::tls, what};
  if (t == "net::ERR_TOO_MANY_REDIRECTS") return {ErrorKind::redirect, what};
  return {ErrorKind::network, what};
}

PageRender::PageRender(DevToolsConnection& cdp, int id, RenderRequest request,
                       const RenderLimits& limits)
    : cdp_(cdp), id_(id), request_(std::move(request)), limits_(limits) {}

PageRender::~PageRender() { cdp_.forget(id_); }

void PageRender::call(std::string_view method, json params, DevToolsConnection::Reply reply) {
  cdp_.call(method, std::move(params), session_id_, id_, std::move(reply));
}

std::chrono::milliseconds PageRender::step_grace() const {
  return std::min(kStepGrace, limits_.page_timeout);
}

std::string PageRender::seconds_text() const { return seconds_of(limits_.page_timeout); }

void PageRender::start() {
  started_ = Clock::now();
  deadline_ = started_ + limits_.page_timeout;
  last_network_ = started_;
  phase_ = Phase::opening;
  // A context per page: cookies, storage and cache of one page never reach the next, so a
  // page renders the same whatever ran before it.
  context_pending_ = true;
  call("Target.createBrowserContext", {{"disposeOnDetach", true}},
       [this](Result<json> reply) { on_context(std::move(reply)); });
}

void PageRender::on_context(Result<json> reply) {
  context_pending_ = false;
  if (reply) context_id_ = reply->value("browserContextId", std::string());
  if (finished_) {
    // Too late for this page, but the context exists now: it must not leak.
    if (!abandoned_ && !context_id_.empty()) dispose_context();
    return;
  }
  if (!reply || context_id_.empty()) {
    finish(Error{ErrorKind::browser_failed, "Chromium could not create a browser context for " +
                                       request_.url + (reply ? "" : ": " + reply.error().message)});
    return;
  }
  // Downloads are never wanted; without this a download URL would be written to disk.
  call("Browser.setDownloadBehavior", {{"behavior", "deny"}, {"browserContextId", context_id_}});
  call("Target.createTarget", {{"url", "about:blank"}, {"browserContextId", context_id_}},
       [this](Result<json> r) { on_target(std::move(r)); });
}

void PageRender::on_target(Result<json> reply) {
  if (finished_) return;
  if (reply) target_id_ = reply->value("targetId", std::string());
  if (target_id_.empty()) {
    finish(Error{ErrorKind::browser_failed, "Chromium could not open a tab for " + request_.url +
                                       (reply ? "" : ": " + reply.error().message)});
    return;
  }
  call("Target.attachToTarget", {{"targetId", target_id_}, {"flatten", true}},
       [this](Result<json> r) { on_attached(std::move(r)); });
}

void PageRender::on_attached(Result<json> reply) {
  if (finished_) return;
  if (reply) session_id_ = reply->value("sessionId", std::string());
  if (session_id_.empty()) {
    finish(Error{ErrorKind::browser_failed, "Chromium could not attach to the tab of " + request_.url +
                                       (reply ? "" : ": " + reply.error().message)});
    return;
  }
  // Sent at once, and the navigation only once all are answered: some are handled in the
  // browser process and some in the renderer, so their order on the wire says nothing about
  // the order in which they take effect (a navigation sent right behind
  // addScriptToEvaluateOnNewDocument starts before the script is registered).
  const auto configured = [this](Result<json>) {
    if (finished_ || --configuring_ > 0) return;
    phase_ = Phase::navigating;
    call("Page.navigate", {{"url", request_.url}},
         [this](Result<json> r) { on_navigated(std::move(r)); });
  };
  configuring_ = 4;
  call("Page.enable", json::object(), configured);
  call("Page.setLifecycleEventsEnabled", {{"enabled", true}}, configured);
  // Response bodies are never asked for: keep Chromium from buffering them for us.
  call("Network.enable", {{"maxTotalBufferSize", 0}, {"maxResourceBufferSize", 0}}, configured);
  call("Page.addScriptToEvaluateOnNewDocument", {{"source", kMutationClock}}, configured);
}

void PageRender::on_navigated(Result<json> reply) {
  if (finished_) return;
  if (!reply) {
    finish(Error{ErrorKind::bad_url, "Chromium cannot navigate to " + request_.url + ": " +
                                reply.error().message});
    return;
  }
  if (reply->value("isDownload", false)) {
    finish(Error{ErrorKind::download, request_.url + " is a download (" +
                                 (page_.content_type.empty() ? "no content type"
                                                             : page_.content_type) +
                                 "), not a page"});
    return;
  }
  const std::string error_text = reply->value("errorText", std::string());
  if (!error_text.empty()) {
    // An HTTP error with an empty body: Chromium shows its own error page, whose text is not
    // the site's. The status is what matters.
    if (error_text == "net::ERR_HTTP_RESPONSE_CODE_FAILURE" && page_.status != 0) {
      page_.html.clear();
      finish(std::move(page_));
    } else {
      finish(navigation_error(error_text, request_.url));
    }
    return;
  }
  phase_ = Phase::waiting;
  next_probe_ = Clock::now();
}

void PageRender::record_document_response(const json& params) {
  const json& response = params.at("response");
  page_.status = response.value("status", 0L);
  page_.final_url = response.value("url", std::string());
  page_.content_type.clear();
  if (const auto headers = response.find("headers"); headers != response.end() &&
                                                       headers->is_object()) {
    for (const auto& [name, value] : headers->items()) {
      if (ascii_lower(name) == "content-type" && value.is_string()) {
        page_.content_type = value.get<std::string>();
      }
    }
  }
  if (page_.content_type.empty()) page_.content_type = response.value("mimeType", std::string());
}

void PageRender::on_event(const std::string& method, const json& params) {
  if (finished_) return;
  const auto now = Clock::now();
  if (method == "Network.requestWillBeSent") {
    // Not counted: streams open by design (a page with a live-update channel would never
    // settle), and documents. Chromium often reports no loadingFinished for a document it
    // committed; the main one is covered by its load event, and a frame's document is not
    // part of the page's outerHTML anyway.
    const std::string type = params.value("type", std::string());
    if (type != "Document" && type != "EventSource" && type != "WebSocket" && type != "Ping") {
      in_flight_.emplace(params.value("requestId", std::string()), now);
    }
    // A new main document on its way (ours, or a script's location.href = ...): the page is
    // the one it brings, so its own load event is awaited, not the current document's.
    if (type == "Document" && params.value("frameId", std::string()) == target_id_) {
      main_loader_ = params.value("loaderId", std::string());
      loaded_ = false;
    }
    last_network_ = now;
  } else if (method == "Network.loadingFinished" || method == "Network.loadingFailed") {
    const std::string request_id = params.value("requestId", std::string());
    in_flight_.erase(request_id);
    // A main-frame navigation that failed (cancelled, 204) leaves the current document.
    if (method == "Network.loadingFailed" && request_id == main_loader_) loaded_ = true;
    last_network_ = now;
  } else if (method == "Network.responseReceived") {
    last_network_ = now;
    if (params.value("type", std::string()) == "Document" &&
        params.value("frameId", std::string()) == target_id_ && params.contains("response")) {
      record_document_response(params);
    }
  } else if (method == "Page.lifecycleEvent") {
    // The main frame's id is its target's. A load event counts only for the document last
    // asked for: the one being replaced may still fire its own.
    if (params.value("frameId", std::string()) == target_id_ &&
        params.value("name", std::string()) == "load" &&
        (main_loader_.empty() || params.value("loaderId", std::string()) == main_loader_)) {
      loaded_ = true;
    }
  } else if (method == "Page.javascriptDialogOpening") {
    // alert(), confirm(), prompt() block the page until answered.
    call("Page.handleJavaScriptDialog", {{"accept", true}});
  } else if (method == "Inspector.targetCrashed" || method == "Target.targetCrashed") {
    finish(Error{ErrorKind::browser_failed,
                 "the renderer process of " + request_.url + " crashed (out of memory?)"});
  } else if (method == "Target.detachedFromTarget" || method == "Inspector.detached") {
    finish(Error{ErrorKind::browser_failed, "Chromium closed the tab of " + request_.url});
  }
}

bool PageRender::awaits_a_response(Clock::time_point now) const {
  return std::any_of(in_flight_.begin(), in_flight_.end(),
                     [&](const auto& request) { return now - request.second >= kSlowRequest; });
}

bool PageRender::network_quiet(Clock::time_point now) const {
  return loaded_ && in_flight_.empty() && now - last_network_ >= limits_.settle;
}

void PageRender::on_tick(Clock::time_point now) {
  if (finished_) {
    if (!closed() && now >= close_deadline_) close_given_up_ = true;
    return;
  }
  switch (phase_) {
    case Phase::opening:
    case Phase::navigating:
    case Phase::waiting:
      if (now >= deadline_) {
        on_deadline();
        return;
      }
      if (phase_ != Phase::waiting || probe_pending_ || now < next_probe_) return;
      if (loaded_ || !request_.wait_for.empty()) probe();
      return;
    case Phase::scripting:
    case Phase::reading:
      if (now >= step_deadline_) {
        finish(Error{ErrorKind::timeout, "the page at " + request_.url + " did not answer within " +
                                    seconds_of(step_grace()) +
                                    (phase_ == Phase::scripting ? " while running the script"
                                                                : " while its DOM was read") +
                                    " (its scripts keep it busy)"});
      }
      return;
    default:
      return;
  }
}

PageRender::Clock::time_point PageRender::next_tick() const {
  if (finished_) return closed() ? Clock::time_point::max() : close_deadline_;
  switch (phase_) {
    case Phase::opening:
    case Phase::navigating:
      return deadline_;
    case Phase::waiting: {
      auto t = deadline_;
      if (probe_pending_ || (!loaded_ && request_.wait_for.empty())) return t;
      return std::min(t, next_probe_);
    }
    case Phase::scripting:
    case Phase::reading:
      return step_deadline_;
    default:
      return Clock::time_point::max();
  }
}

void PageRender::on_deadline() {
  if (page_.status == 0) {
    finish(Error{ErrorKind::timeout, "no response from " + request_.url + " within " + seconds_text()});
    return;
  }
  // Still busy, or what the declaration selects not there: what is there is the page, as far
  // as it got (the content decides: an HTTP error, a selector matching nothing, a text held).
  page_.settled = false;
  run_script();
}

void PageRender::probe() {
  probe_pending_ = true;
  const std::string expression =
      std::string(kProbe) + "(" + json(request_.wait_for).dump(-1, ' ', false, json::error_handler_t::replace) + ")";
  call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}},
       [this](Result<json> reply) {
         probe_pending_ = false;
         if (finished_ || phase_ != Phase::waiting) return;
         const auto now = Clock::now();
         // No answer yet (a document being replaced has no context): ask again shortly.
         next_probe_ = now + kProbeInterval;
         if (!reply || reply->contains("exceptionDetails")) return;
         const json value = reply->value("result", json::object()).value("value", json::object());
         if (!value.is_object()) return;
         if (value.contains("invalid")) {
           finish(Error{ErrorKind::selector, "wait_for selector \"" + value.value("invalid", "") +
                                            "\" is not valid CSS"});
           return;
         }
         missing_selector_ = value.value("missing", "");
         const json quiet = value.value("quiet", json());
         const json text = value.value("text", json());
         double quiet_ms = quiet.is_number() ? quiet.get<double>() : -1;
         // The text's length still for as long counts as quiet too: a clock ticking or a
         // counter changing rewrites a node without bringing text (a review's find: a page
         // with a clock never settled, and its dead "Loading..." widget failed every check).
         const json length = value.value("length", json());
         if (length.is_number()) {
           const auto now_length = static_cast<long>(length.get<double>());
           if (last_length_ < 0 || std::labs(now_length - last_length_) > std::max(16L, last_length_ / 100)) {
             last_length_ = now_length;
             length_since_ = now;
           }
           if (quiet_ms >= 0)
             quiet_ms = std::max(quiet_ms, std::chrono::duration<double, std::milli>(now - length_since_).count());
         }
         const bool little = text.is_number() && text.get<double>() < kLittleText;
         const auto needed = missing_selector_.empty() && !little ? limits_.settle
                                                                  : std::chrono::milliseconds(kLongQuiet);
         const auto needed_ms = static_cast<double>(needed.count());
         // The network: the page loaded, nothing in flight, and, when nothing is selected,
         // nothing for a while
         // (a page that asks its server every second, a heartbeat, has nothing in flight between
         // its requests; what the declaration selects there is what it waits for). A request
         // that never ends (a long poll) is waited for until the DOM has been still for long.
         const bool network = loaded_ && (request_.wait_for.empty() ? network_quiet(now) : !awaits_a_response(now));
         // A page showing next to nothing waits for its requests to the end.
         const bool ready =
             quiet_ms < 0 ? network : quiet_ms >= needed_ms && (network || (quiet_ms >= kBusyQuietMs && !little));
         if (ready) {
           // Read with a request still awaited: what it brings may be missing (a long poll
           // never ends; an API answering late would leave its part out).
           if (!network) page_.settled = false;
           run_script();
         }
         else if (quiet_ms >= 0 && quiet_ms < needed_ms)
           next_probe_ = now + std::chrono::milliseconds(static_cast<long>(needed_ms - quiet_ms) + 1);
       });
}

void PageRender::run_script() {
  if (request_.script.empty()) {
    read_dom();
    return;
  }
  phase_ = Phase::scripting;
  step_deadline_ = Clock::now() + step_grace();
  call("Runtime.evaluate", {{"expression", request_.script}, {"awaitPromise", true}},
       [this](Result<json> reply) {
         if (finished_) return;
         if (!reply) {
           finish(Error{ErrorKind::script, "the script could not run on " + request_.url + ": " +
                                      reply.error().message});
         } else if (const auto details = reply->find("exceptionDetails");
                    details != reply->end()) {
           finish(Error{ErrorKind::script, "the script threw on " + request_.url + ": " +
                                      describe_exception(*details)});
         } else {
           read_dom();
         }
       });
}

void PageRender::read_dom() {
  phase_ = Phase::reading;
  step_deadline_ = Clock::now() + step_grace();
  // Read from an isolated world: the page's own scripts may have replaced outerHTML,
  // XMLSerializer or String.prototype in theirs.
  call("Page.createIsolatedWorld", {{"frameId", target_id_}, {"worldName", "tosdiff-read"}},
       [this](Result<json> reply) {
         if (finished_) return;
         std::optional<long> context;
         if (reply && reply->contains("executionContextId")) {
           context = reply->at("executionContextId").get<long>();
         }
         evaluate_read(context);
       });
}

void PageRender::evaluate_read(std::optional<long> context_id) {
  json params = {{"expression", std::string(kReadDom) + "(" +
                                    std::to_string(limits_.max_dom_bytes) + ")"},
                 {"returnByValue", true}};
  if (context_id) params["contextId"] = *context_id;
  call("Runtime.evaluate", std::move(params), [this](Result<json> reply) {
    if (finished_) return;
    if (!reply || reply->contains("exceptionDetails")) {
      finish(Error{ErrorKind::browser_failed,
                   "reading the DOM of " + request_.url + " failed: " +
                       (reply ? describe_exception(reply->at("exceptionDetails"))
                              : reply.error().message)});
      return;
    }
    json& value = (*reply)["result"]["value"];
    const auto too_large = [&](double bytes) {
      finish(Error{ErrorKind::too_large, "the DOM of " + request_.url + " is " +
                                    std::to_string(static_cast<long long>(bytes)) +
                                    " bytes or more, over the limit of " +
                                    std::to_string(limits_.max_dom_bytes)});
    };
    if (value.is_number()) {
      too_large(value.get<double>());
      return;
    }
    if (!value.is_string()) {
      finish(Error{ErrorKind::browser_failed, "reading the DOM of " + request_.url + " gave no text"});
      return;
    }
    page_.html = std::move(value.get_ref<std::string&>());
    if (page_.html.size() > limits_.max_dom_bytes) {
      too_large(static_cast<double>(page_.html.size()));
      return;
    }
    finish(std::move(page_));
  });
}

void PageRender::finish(Result<RenderedPage> result) {
  if (finished_) return;
  finished_ = true;
  const auto now = Clock::now();
  if (result) {
    result->seconds = std::chrono::duration<double>(now - started_).count();
    if (result->final_url.empty()) result->final_url = request_.url;
  }
  result_ = std::move(result);
  phase_ = Phase::closing;
  close_deadline_ = now + kCloseGrace;
  if (!abandoned_ && !context_id_.empty()) dispose_context();
}

void PageRender::dispose_context() {
  // The context takes its tab and every popup of the page with it.
  dispose_pending_ = true;
  cdp_.call("Target.disposeBrowserContext", {{"browserContextId", context_id_}}, "", id_,
            [this](Result<json>) { dispose_pending_ = false; });
}

void PageRender::abandon(const Error& error) {
  abandoned_ = true;
  finish(error);
}

std::optional<Result<RenderedPage>> PageRender::take_result() {
  std::optional<Result<RenderedPage>> out = std::move(result_);
  result_.reset();
  return out;
}

bool PageRender::closed() const {
  if (!finished_) return false;
  if (abandoned_ || close_given_up_) return true;
  return !context_pending_ && !dispose_pending_;
}

}  // namespace tosdiff
