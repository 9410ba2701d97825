// The SMTP test server: one thread accepting and serving one session at a time, every wait
// polling the socket together with a stop pipe so the destructor ends it promptly.

#include "support/smtp_test_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace tosdiff::testing {
namespace {

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string decode_base64(const std::string& in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

// "<a@b>" out of "FROM:<a@b> SIZE=123"
std::string angle_address(const std::string& argument) {
  const auto open = argument.find('<');
  const auto close = argument.find('>', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return argument;
  return argument.substr(open + 1, close - open - 1);
}

}  // namespace

struct SmtpTestServer::Impl {
  int listen_fd = -1;
  int port = 0;
  int stop_pipe[2] = {-1, -1};
  std::thread thread;
  mutable std::mutex mutex;
  std::vector<SmtpMessage> messages;
  int data_reply = 250;
  int connections = 0;

  Impl() {
    if (pipe2(stop_pipe, O_CLOEXEC) != 0) fail("pipe2");
    listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (listen_fd < 0) fail("socket");
    const int one = 1;
    setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) fail("bind");
    if (listen(listen_fd, 16) != 0) fail("listen");
    socklen_t len = sizeof addr;
    if (getsockname(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) fail("getsockname");
    port = ntohs(addr.sin_port);
    thread = std::thread([this] { accept_loop(); });
  }

  ~Impl() {
    (void)!write(stop_pipe[1], "x", 1);
    thread.join();
    for (int fd : {listen_fd, stop_pipe[0], stop_pipe[1]})
      if (fd >= 0) close(fd);
  }

  // true when fd is ready; false when the server stops.
  bool wait_for(int fd, short events) const {
    pollfd fds[2] = {{stop_pipe[0], POLLIN, 0}, {fd, events, 0}};
    for (;;) {
      const int n = poll(fds, 2, -1);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 || fds[0].revents) return false;
      return true;
    }
  }

  void accept_loop() {
    while (wait_for(listen_fd, POLLIN)) {
      const int fd = accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      {
        std::lock_guard lock(mutex);
        ++connections;
      }
      serve(fd);
      close(fd);
    }
  }

  bool send_line(int fd, const std::string& line) const {
    std::string data = line + "\r\n";
    std::size_t sent = 0;
    while (sent < data.size()) {
      if (!wait_for(fd, POLLOUT)) return false;
      const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  std::optional<std::string> read_line(int fd, std::string& buffer) const {
    for (;;) {
      const auto end = buffer.find("\r\n");
      if (end != std::string::npos) {
        std::string line = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        return line;
      }
      if (buffer.size() > (32u << 20)) return std::nullopt;
      if (!wait_for(fd, POLLIN)) return std::nullopt;
      char chunk[16384];
      const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return std::nullopt;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }

  void serve(int fd) {
    std::string buffer;
    SmtpMessage message;
    if (!send_line(fd, "220 127.0.0.1 ESMTP tosdiff-test-server")) return;
    for (;;) {
      auto line = read_line(fd, buffer);
      if (!line) return;
      const std::string verb = upper(line->substr(0, line->find(' ')));
      const std::string argument = line->find(' ') == std::string::npos ? "" : line->substr(line->find(' ') + 1);
      bool ok = true;
      if (verb == "EHLO") {
        message.helo = argument;
        ok = send_line(fd, "250-127.0.0.1 greets " + argument) && send_line(fd, "250-8BITMIME") &&
             send_line(fd, "250-AUTH PLAIN") && send_line(fd, "250 SIZE 33554432");
      } else if (verb == "HELO") {
        message.helo = argument;
        ok = send_line(fd, "250 127.0.0.1");
      } else if (verb == "AUTH") {
        std::string initial = argument.size() > 6 ? argument.substr(6) : "";
        if (upper(argument.substr(0, 5)) != "PLAIN") {
          ok = send_line(fd, "504 5.5.4 only PLAIN");
        } else {
          if (initial.empty() || initial == "=") {
            if (!send_line(fd, "334 ")) return;
            auto response = read_line(fd, buffer);
            if (!response) return;
            initial = *response;
          }
          const std::string plain = decode_base64(initial);  // authzid \0 user \0 password
          const auto first = plain.find('\0');
          const auto second = first == std::string::npos ? std::string::npos : plain.find('\0', first + 1);
          if (second == std::string::npos) {
            ok = send_line(fd, "501 5.5.2 malformed AUTH PLAIN");
          } else {
            message.auth_user = plain.substr(first + 1, second - first - 1);
            message.auth_password = plain.substr(second + 1);
            ok = send_line(fd, "235 2.7.0 Authentication successful");
          }
        }
      } else if (verb == "STARTTLS") {
        ok = send_line(fd, "454 4.7.0 TLS not available");
      } else if (verb == "MAIL") {
        message.mail_from = angle_address(argument);
        message.rcpt_to.clear();
        ok = send_line(fd, "250 2.1.0 OK");
      } else if (verb == "RCPT") {
        message.rcpt_to.push_back(angle_address(argument));
        ok = send_line(fd, "250 2.1.5 OK");
      } else if (verb == "DATA") {
        if (!send_line(fd, "354 End data with <CR><LF>.<CR><LF>")) return;
        std::string data;
        for (;;) {
          auto data_line = read_line(fd, buffer);
          if (!data_line) return;
          if (*data_line == ".") break;
          if (!data_line->empty() && (*data_line)[0] == '.') data_line->erase(0, 1);  // dot-unstuffing
          data += *data_line + "\r\n";
        }
        int reply;
        {
          std::lock_guard lock(mutex);
          reply = data_reply;
          if (reply == 250) {
            message.data = data;
            messages.push_back(message);
          }
        }
        ok = send_line(fd, reply == 250 ? "250 2.0.0 OK queued" : std::to_string(reply) + " 4.3.0 refused by the test server");
      } else if (verb == "RSET") {
        message.mail_from.clear();
        message.rcpt_to.clear();
        ok = send_line(fd, "250 2.0.0 OK");
      } else if (verb == "NOOP") {
        ok = send_line(fd, "250 2.0.0 OK");
      } else if (verb == "QUIT") {
        send_line(fd, "221 2.0.0 Bye");
        return;
      } else {
        ok = send_line(fd, "502 5.5.2 command not recognized");
      }
      if (!ok) return;
    }
  }
};

SmtpTestServer::SmtpTestServer() : impl_(std::make_unique<Impl>()) {}
SmtpTestServer::~SmtpTestServer() = default;

int SmtpTestServer::port() const { return impl_->port; }
std::string SmtpTestServer::url() const { return "smtp://127.0.0.1:" + std::to_string(impl_->port); }

void SmtpTestServer::set_data_reply(int code) {
  std::lock_guard lock(impl_->mutex);
  impl_->data_reply = code;
}

std::vector<SmtpMessage> SmtpTestServer::messages() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->messages;
}

int SmtpTestServer::connections() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->connections;
}

}  // namespace tosdiff::testing
