// The fault-injecting test server. One acceptor thread, one thread per connection, blocking
// sockets. Every wait (reading a request, a delay, a hang, a drip, room to send) polls the
// socket together with a stop pipe, so the destructor only has to write that pipe (and shut
// the sockets down, for a send already blocked in the kernel) to end everything promptly.

#include "support/http_test_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <cerrno>
#include <cstdio>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <thread>
#include <variant>

namespace tosdiff::testing {
namespace {

using Handler = std::function<HttpReply(const HttpRequest&)>;
using Route = std::variant<HttpReply, Handler>;

constexpr std::size_t kMaxHeaderBytes = 1 << 20;
constexpr std::size_t kSendChunk = 64 * 1024;

[[noreturn]] void fail(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

std::string without_query(const std::string& path) { return path.substr(0, path.find('?')); }

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

bool has_header(const HttpReply& reply, const std::string& lowercase_name) {
  return std::any_of(reply.headers.begin(), reply.headers.end(),
                     [&](const auto& h) { return lowercase(h.first) == lowercase_name; });
}

bool status_has_body(int status) { return status >= 200 && status != 204 && status != 304; }

// The body a reply describes, without materialising it when it is `repeat_to_size` long.
class BodySource {
 public:
  explicit BodySource(const HttpReply& reply)
      : unit_(reply.body.empty() ? std::string(1, 'x') : reply.body),
        size_(reply.repeat_to_size > 0 ? reply.repeat_to_size : reply.body.size()) {}

  std::uint64_t size() const { return size_; }

  // Appends bytes [offset, offset + n) of the (possibly repeated) body to `out`.
  void append_to(std::string& out, std::uint64_t offset, std::size_t n) const {
    while (n > 0) {
      const std::size_t at = static_cast<std::size_t>(offset % unit_.size());
      const std::size_t take = std::min(n, unit_.size() - at);
      out.append(unit_, at, take);
      offset += take;
      n -= take;
    }
  }

 private:
  std::string unit_;
  std::uint64_t size_;
};

struct ParsedRequest {
  HttpRequest request;
  bool keep_alive = true;
};

}  // namespace

std::string HttpRequest::header(const std::string& lowercase_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lowercase_name) return value;
  }
  return "";
}

struct HttpTestServer::Impl {
  struct Connection {
    int fd = -1;  // guarded by connections_mutex; -1 once closed
    std::thread thread;
    std::atomic<bool> done{false};
  };

  int listen_fd = -1;
  int port = 0;
  int stop_pipe[2] = {-1, -1};
  std::thread acceptor;

  mutable std::mutex mutex;  // routes and log
  std::map<std::string, Route> routes;
  std::vector<HttpRequest> log;

  std::mutex connections_mutex;
  std::list<std::unique_ptr<Connection>> connections;

  Impl() {
    try {
      open_sockets();
    } catch (...) {
      close_fds();
      throw;
    }
    acceptor = std::thread([this] { accept_loop(); });
  }

  void open_sockets() {
    if (pipe2(stop_pipe, O_CLOEXEC) != 0) fail("pipe2");
    // CLOEXEC everywhere: tosdiff child processes spawned by tests must not inherit these.
    listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (listen_fd < 0) fail("socket");
    const int one = 1;
    setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (bind(listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) fail("bind");
    if (listen(listen_fd, 512) != 0) fail("listen");
    socklen_t len = sizeof addr;
    if (getsockname(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      fail("getsockname");
    }
    port = ntohs(addr.sin_port);
  }

  void close_fds() {
    for (int fd : {listen_fd, stop_pipe[0], stop_pipe[1]}) {
      if (fd >= 0) close(fd);
    }
  }

  ~Impl() {
    (void)!write(stop_pipe[1], "x", 1);  // never drained: every poller sees it from now on
    acceptor.join();
    {
      // Unblocks a send() stuck on a full buffer, which poll() alone cannot interrupt.
      std::lock_guard lock(connections_mutex);
      for (auto& c : connections) {
        if (c->fd >= 0) shutdown(c->fd, SHUT_RDWR);
      }
    }
    for (auto& c : connections) c->thread.join();
    for (auto& c : connections) {
      if (c->fd >= 0) close(c->fd);
    }
    close_fds();
  }

  // --- waiting -------------------------------------------------------------------------

  enum class Wait { ready, timeout, stopped };

  // Waits for `events` on fd (or just for time when fd < 0), interrupted by the stop pipe.
  Wait wait_for(int fd, short events, int timeout_ms) const {
    pollfd fds[2] = {{stop_pipe[0], POLLIN, 0}, {fd, events, 0}};
    for (;;) {
      const int n = poll(fds, fd >= 0 ? 2 : 1, timeout_ms);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Wait::stopped;
      if (fds[0].revents) return Wait::stopped;
      if (n == 0) return Wait::timeout;
      return Wait::ready;
    }
  }

  bool sleep_for(std::chrono::milliseconds duration) const {
    if (duration.count() <= 0) return true;
    return wait_for(-1, 0, static_cast<int>(duration.count())) == Wait::timeout;
  }

  bool send_all(int fd, std::string_view data) const {
    while (!data.empty()) {
      if (wait_for(fd, POLLOUT, -1) != Wait::ready) return false;
      const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // --- accepting -----------------------------------------------------------------------

  void accept_loop() {
    for (;;) {
      const Wait ready = wait_for(listen_fd, POLLIN, 1000);
      if (ready == Wait::stopped) return;
      reap_finished();
      if (ready != Wait::ready) continue;
      // The listening socket is non-blocking: a client that gave up between poll and accept
      // must not leave this thread stuck where the stop pipe cannot reach it.
      const int fd = accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      // Without it, a head and a body sent separately meet Nagle + delayed ACK: 40 ms each.
      const int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto connection = std::make_unique<Connection>();
      connection->fd = fd;
      Connection* raw = connection.get();
      std::lock_guard lock(connections_mutex);
      try {
        raw->thread = std::thread([this, raw] { serve_connection(*raw); });
      } catch (const std::system_error&) {
        close(fd);  // out of threads: refuse this client rather than kill the test process
        continue;
      }
      connections.push_back(std::move(connection));
    }
  }

  // Integration tests make hundreds of connections: don't keep a thread object for each.
  void reap_finished() {
    std::lock_guard lock(connections_mutex);
    for (auto it = connections.begin(); it != connections.end();) {
      if ((*it)->done) {
        (*it)->thread.join();
        it = connections.erase(it);
      } else {
        ++it;
      }
    }
  }

  void close_connection(Connection& c) {
    std::lock_guard lock(connections_mutex);
    if (c.fd >= 0) close(c.fd);
    c.fd = -1;
  }

  // --- one connection ------------------------------------------------------------------

  void serve_connection(Connection& c) {
    const int fd = c.fd;  // only this thread closes it, under the lock
    std::string buffer;
    for (;;) {
      std::optional<ParsedRequest> parsed = read_request(fd, buffer);
      if (!parsed) break;
      record(parsed->request);
      HttpReply reply = reply_for(parsed->request);
      if (!answer(fd, parsed->request, reply, parsed->keep_alive)) break;
    }
    close_connection(c);
    c.done = true;
  }

  void record(const HttpRequest& request) {
    std::lock_guard lock(mutex);
    log.push_back(request);
  }

  HttpReply reply_for(const HttpRequest& request) {
    Route route;
    {
      std::lock_guard lock(mutex);
      auto it = routes.find(without_query(request.path));
      if (it == routes.end()) {
        HttpReply not_found;
        not_found.status = 404;
        not_found.headers = {{"Content-Type", "text/plain"}};
        not_found.body = "not found\n";
        return not_found;
      }
      route = it->second;
    }
    if (auto* reply = std::get_if<HttpReply>(&route)) return *reply;
    try {
      return std::get<Handler>(route)(request);
    } catch (...) {
      HttpReply broken;
      broken.status = 500;
      broken.body = "handler threw\n";
      return broken;
    }
  }

  // Reads one request (head, and a Content-Length body, kept in the request). nullopt when
  // the client closed, the server stops, or the request is malformed.
  std::optional<ParsedRequest> read_request(int fd, std::string& buffer) const {
    std::size_t end;
    while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
      if (buffer.size() > kMaxHeaderBytes) return std::nullopt;
      if (!receive_more(fd, buffer)) return std::nullopt;
    }
    std::optional<ParsedRequest> parsed = parse_head(std::string_view(buffer).substr(0, end));
    buffer.erase(0, end + 4);
    if (!parsed) return std::nullopt;
    const std::string length = parsed->request.header("content-length");
    std::size_t body_bytes = 0;
    if (!length.empty()) {
      const auto [end_ptr, ec] =
          std::from_chars(length.data(), length.data() + length.size(), body_bytes);
      if (ec != std::errc() || end_ptr != length.data() + length.size()) return std::nullopt;
    }
    while (buffer.size() < body_bytes) {
      if (!receive_more(fd, buffer)) return std::nullopt;
    }
    parsed->request.body = buffer.substr(0, body_bytes);
    buffer.erase(0, body_bytes);
    return parsed;
  }

  bool receive_more(int fd, std::string& buffer) const {
    if (wait_for(fd, POLLIN, -1) != Wait::ready) return false;
    char chunk[16384];
    const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  static std::optional<ParsedRequest> parse_head(std::string_view head) {
    ParsedRequest parsed;
    auto line_end = head.find("\r\n");
    const std::string_view line = head.substr(0, line_end);
    const auto sp1 = line.find(' ');
    const auto sp2 = line.rfind(' ');
    if (sp1 == std::string_view::npos || sp2 == sp1) return std::nullopt;
    parsed.request.method = std::string(line.substr(0, sp1));
    parsed.request.path = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
    const std::string_view version = line.substr(sp2 + 1);
    while (line_end != std::string_view::npos) {
      head.remove_prefix(line_end + 2);
      line_end = head.find("\r\n");
      const std::string_view header = head.substr(0, line_end);
      const auto colon = header.find(':');
      if (colon == std::string_view::npos) continue;
      parsed.request.headers.emplace_back(lowercase(std::string(header.substr(0, colon))),
                                          trim(header.substr(colon + 1)));
    }
    const std::string connection = lowercase(parsed.request.header("connection"));
    parsed.keep_alive = version == "HTTP/1.1" ? connection.find("close") == std::string::npos
                                              : connection.find("keep-alive") != std::string::npos;
    return parsed;
  }

  // --- answering -----------------------------------------------------------------------

  // Returns whether the connection may serve another request.
  bool answer(int fd, const HttpRequest& request, const HttpReply& reply, bool keep_alive) {
    if (!sleep_for(reply.delay)) return false;
    using Fault = HttpReply::Fault;
    switch (reply.fault) {
      case Fault::close_before_reply:
        return false;
      case Fault::hang:
        hang(fd);
        return false;
      default:
        break;
    }
    const bool close_after = !keep_alive || reply.fault != Fault::none ||
                             lowercase(find_header(reply, "connection")) == "close";
    const bool with_body = request.method != "HEAD" && status_has_body(reply.status);
    const BodySource body(reply);
    const std::string head = response_head(reply, body.size(), close_after);

    switch (reply.fault) {
      case Fault::drip:
        drip(fd, with_body ? head_and_body(head, reply, body) : head, reply.drip_interval);
        return false;
      case Fault::reset_mid_body:
        if (send_all(fd, head) && with_body) send_body(fd, reply, body, body.size() / 2, false);
        reset(fd);
        return false;
      case Fault::truncate:
        if (send_all(fd, head) && with_body) send_body(fd, reply, body, body.size() / 2, false);
        return false;
      default:
        break;
    }
    if (!send_all(fd, head)) return false;
    if (with_body && !send_body(fd, reply, body, body.size(), true)) return false;
    return !close_after;
  }

  static std::string find_header(const HttpReply& reply, const std::string& lowercase_name) {
    for (const auto& [name, value] : reply.headers) {
      if (lowercase(name) == lowercase_name) return value;
    }
    return "";
  }

  static std::string response_head(const HttpReply& reply, std::uint64_t body_size,
                                    bool close_after) {
    std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " " + reason(reply.status) +
                       "\r\n";
    for (const auto& [name, value] : reply.headers) head += name + ": " + value + "\r\n";
    if (status_has_body(reply.status)) {
      if (reply.chunked) {
        head += "Transfer-Encoding: chunked\r\n";
      } else if (!has_header(reply, "content-length")) {
        head += "Content-Length: " + std::to_string(body_size) + "\r\n";
      }
    }
    if (close_after && !has_header(reply, "connection")) head += "Connection: close\r\n";
    return head + "\r\n";
  }

  // Appends body bytes [from, to) as they go on the wire (chunk-framed when the reply is
  // chunked) to `out`; `last` adds the terminating zero-size chunk.
  static void frame_into(std::string& out, const HttpReply& reply, const BodySource& body,
                         std::uint64_t from, std::uint64_t to, bool last) {
    const std::size_t n = static_cast<std::size_t>(to - from);
    if (reply.chunked && n > 0) {
      char size[32];
      std::snprintf(size, sizeof size, "%zx\r\n", n);
      out += size;
    }
    body.append_to(out, from, n);
    if (reply.chunked && n > 0) out += "\r\n";
    if (reply.chunked && last) out += "0\r\n\r\n";
  }

  // Streams the first `until` bytes of the body through one reused buffer: a 100 MB body is
  // never held in memory, and no per-piece allocation churns the (ASan-quarantined) heap.
  bool send_body(int fd, const HttpReply& reply, const BodySource& body, std::uint64_t until,
                 bool complete) const {
    std::string buffer;
    buffer.reserve(kSendChunk + 64);
    std::uint64_t sent = 0;
    do {
      const std::uint64_t next = std::min<std::uint64_t>(until, sent + kSendChunk);
      buffer.clear();
      frame_into(buffer, reply, body, sent, next, complete && next == until);
      if (!send_all(fd, buffer)) return false;
      sent = next;
    } while (sent < until);
    return true;
  }

  static std::string head_and_body(const std::string& head, const HttpReply& reply,
                                   const BodySource& body) {
    std::string out = head;
    frame_into(out, reply, body, 0, body.size(), true);
    return out;
  }

  // Never answers; returns when the server stops or the client gives up and closes.
  void hang(int fd) const {
    std::string ignored;
    while (receive_more(fd, ignored)) ignored.clear();
  }

  void drip(int fd, const std::string& bytes, std::chrono::milliseconds interval) const {
    for (char byte : bytes) {
      if (!send_all(fd, std::string_view(&byte, 1))) return;
      if (!sleep_for(interval)) return;
    }
  }

  // Linger {on, 0 s}: the close that follows sends RST instead of FIN.
  static void reset(int fd) {
    linger hard{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
  }
};

HttpTestServer::HttpTestServer() : impl_(std::make_unique<Impl>()) {}
HttpTestServer::~HttpTestServer() = default;

int HttpTestServer::port() const { return impl_->port; }

std::string HttpTestServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + path;
}

void HttpTestServer::set(const std::string& path, HttpReply reply) {
  std::lock_guard lock(impl_->mutex);
  impl_->routes.insert_or_assign(without_query(path), Route(std::move(reply)));
}

void HttpTestServer::set(const std::string& path,
                         std::function<HttpReply(const HttpRequest&)> handler) {
  std::lock_guard lock(impl_->mutex);
  impl_->routes.insert_or_assign(without_query(path), Route(std::move(handler)));
}

std::vector<HttpRequest> HttpTestServer::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->log;
}

int HttpTestServer::hits(const std::string& path) const {
  const std::string wanted = without_query(path);
  std::lock_guard lock(impl_->mutex);
  return static_cast<int>(std::count_if(impl_->log.begin(), impl_->log.end(), [&](const auto& r) {
    return without_query(r.path) == wanted;
  }));
}

int unused_local_port() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) fail("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    fail("bind");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace tosdiff::testing
