#pragma once
// The page renderer: pages built by JavaScript, rendered by a headless Chromium that tosdiff
// drives itself over the DevTools protocol (--remote-debugging-pipe; no library in between).
// One browser process per renderer, several pages in it at once, each page in a browser
// context of its own (no cookie or storage leaks from one page to the next).
//
// The browser starts lazily, on the first render(): a run that never renders never starts
// it. It runs in its own process group, is killed with that whole group (SIGKILL) when the
// renderer is destroyed, when `stop` is set, or when it misbehaves, and dies with tosdiff
// (PR_SET_PDEATHSIG) if tosdiff itself is killed. It never outlives the renderer.
//
// Error kinds a render can end with (Error::kind, stable strings):
//   "browser_missing"    no Chromium binary was found (message: which package to install)
//   "browser_failed"     Chromium could not start, crashed, closed its pipe, or the page's
//                        renderer process crashed (message: what happened, Chromium's last
//                        stderr lines when it had any). The next render relaunches the
//                        browser, at most twice per renderer; then every render gets this.
//   "bad_url"            not an http:// or https:// URL (nothing else is ever navigated to)
//   "timeout"            the page did not arrive, or a wait_for selector did not match,
//                        within page_timeout_seconds (message: which selector), or the page's
//                        scripts kept it too busy to be read
//   "dns"                the host name did not resolve
//   "connection_refused" nothing listens there
//   "connection_reset"   the server closed or reset the connection without a response
//   "tls"                certificate or TLS handshake failure
//   "redirect"           too many redirects
//   "network"            any other navigation failure (message: Chromium's net::ERR_ text)
//   "download"           the URL is a download (an attachment, a PDF), not a page
//   "bad_selector"       a wait_for selector is not valid CSS
//   "too_large"          the rendered DOM is larger than max_dom_bytes
//   "script"             the request's script threw (message: the exception)
//   "interrupted"        `stop` was set, or the renderer was destroyed, first
// An HTTP error status is not an error: a 404 page is a RenderedPage with status 404.

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tosdiff/model/result.hpp"

namespace tosdiff {

struct BrowserOptions {
  // Path or name of the Chromium binary; "" = find_chromium("").
  std::string executable;
  int max_tabs = 4;                  // pages rendered at once (values < 1 mean 1)
  // One page: from leaving the queue (a browser start included, when it needs one) to the
  // end of its wait; see RenderRequest::script for what may follow.
  double page_timeout_seconds = 30;
  // Idle = the load event fired, then no request in flight (event streams and web sockets
  // aside), no request started or finished, and no node or text added or removed in the
  // DOM for this long. Attribute changes (animations) do not count.
  double settle_seconds = 0.5;
  std::size_t max_dom_bytes = 16u << 20;  // UTF-8 bytes of the serialized DOM
  std::string user_agent;  // "" = Chromium's own (it says HeadlessChrome; some sites refuse it)
  // Set by a signal handler: renders in flight and queued end promptly (within ~50 ms) with
  // Error{ErrorKind::interrupted}, the browser is killed, and later renders fail the same way.
  const std::atomic<bool>* stop = nullptr;
};

struct RenderRequest {
  std::string url;  // http:// or https://
  // CSS selectors (plain CSS, as document.querySelector takes them): the page is read once it
  // has loaded and settled (see BrowserOptions::settle_seconds) and each matches at least one
  // element; a page still without one of them, or showing next to nothing (a redirect's stub,
  // "Loading..."), after 3 s without a change is read as it is. A selector that matches when
  // the page's scripts have only begun to fill it would read it half filled.
  std::vector<std::string> wait_for;
  // JavaScript run in the page (its main world) after the wait, before the DOM is read; a
  // promise it returns is awaited. An exception it throws ends the render with "script".
  // It gets min(5 s, page_timeout_seconds) on top of the page's time, and so does the
  // reading of the DOM after it ("timeout" when a page's scripts never let go).
  std::string script;
};

struct RenderedPage {
  long status = 0;           // HTTP status of the main document's last response
  // document.documentElement.outerHTML once rendered, preceded by the doctype and a newline
  // when the document has one; valid UTF-8 (lone surrogates become U+FFFD). Read in an
  // isolated world, so a page's scripts cannot change how it is serialized. An HTTP error
  // with an empty body gives an empty document, or "" where Chromium would show its own
  // error page instead (its text is not the site's). Plain text comes wrapped in <pre>.
  std::string html;
  std::string final_url;     // URL of that response: after HTTP and script redirects
  std::string content_type;  // its Content-Type header, verbatim (the MIME type if absent)
  // false: the page was still loading, fetching or changing its DOM, or still without what
  // wait_for names, at page_timeout_seconds; `html` is what it was then.
  bool settled = true;
  double seconds = 0;        // from leaving the queue to the DOM being read
};

// Renders pages. Kept abstract so that the pipeline can be tested with a fake.
class PageRenderer {
 public:
  virtual ~PageRenderer() = default;
  // Called exactly once per render, from the renderer's own thread (never from render()).
  // It should return quickly (other pages wait meanwhile), must not throw, and may call
  // render() again, but not wait_idle().
  using Done = std::function<void(Result<RenderedPage>)>;
  // Thread-safe; returns at once. Renders beyond max_tabs wait in a queue, in order.
  virtual void render(RenderRequest request, Done done) = 0;
  // Blocks until every render submitted so far (and any submitted meanwhile) has called its
  // `done`. Any thread but the renderer's own.
  virtual void wait_idle() = 0;
};

// The Chromium renderer. Never throws; errors come per render. Its destructor ends renders
// still queued or in flight with "interrupted" (call wait_idle() first to have them finish),
// kills the browser's process group, reaps it and removes its temporary profile directory.
std::unique_ptr<PageRenderer> make_chromium_renderer(const BrowserOptions& options);

// The Chromium binary to run. `hint` non-empty: that path, or that name looked up in PATH,
// and nothing else. Empty: chromium-headless-shell, then chromium (PATH, then
// /usr/lib/chromium/). A shell-script wrapper (as Debian's /usr/bin/chromium-headless-shell)
// is resolved to the binary it runs when that is plain to see, so that the browser is our
// direct child. nullopt when nothing executable was found.
std::optional<std::string> find_chromium(const std::string& hint);

}  // namespace tosdiff
