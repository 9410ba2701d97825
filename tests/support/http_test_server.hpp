#pragma once
// A real HTTP/1.1 server on 127.0.0.1 for tests, with fault injection. It runs in its own
// thread(s) inside the test process; the code under test (the fetcher, or the tosdiff binary
// started as a child process) talks to it over real sockets. Started by the constructor,
// stopped by the destructor. Never binds anything but 127.0.0.1.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tosdiff::testing {

struct HttpRequest {
  std::string method;
  std::string path;      // with query string
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
  std::string body;      // a Content-Length body (chunked request bodies are not read)
  std::string header(const std::string& lowercase_name) const;  // "" if absent
};

struct HttpReply {
  enum class Fault {
    none,
    reset_mid_body,        // send headers and half the body, then RST (SO_LINGER 0)
    close_before_reply,    // accept, read the request, close without a byte
    hang,                  // accept, read the request, never answer (until server stops)
    drip,                  // send the whole reply one byte per drip_interval
    truncate,              // Content-Length says body.size(), send only half, then close
  };
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Content-Type", "text/html"}
  std::string body;
  Fault fault = Fault::none;
  std::chrono::milliseconds drip_interval{1000};
  std::chrono::milliseconds delay{0};  // wait before answering at all
  // When > 0: stream this many bytes of `body` repeated (Content-Length set, no buffer of
  // the whole thing), to test size caps without allocating it.
  std::uint64_t repeat_to_size = 0;
  bool chunked = false;  // Transfer-Encoding: chunked instead of Content-Length
};

class HttpTestServer {
 public:
  HttpTestServer();   // binds 127.0.0.1 on a free port and starts serving
  ~HttpTestServer();  // stops, closes every connection, joins threads
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  int port() const;
  std::string url(const std::string& path) const;  // "http://127.0.0.1:<port>" + path

  // Exact path match (query string ignored for matching). A later call replaces the route.
  void set(const std::string& path, HttpReply reply);
  void set(const std::string& path, std::function<HttpReply(const HttpRequest&)> handler);
  // Unknown paths answer 404.

  std::vector<HttpRequest> requests() const;  // every request received so far, in order
  int hits(const std::string& path) const;    // requests to that path (query ignored)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A port on 127.0.0.1 where nothing listens (bound then closed), for "connection refused".
int unused_local_port();

}  // namespace tosdiff::testing
