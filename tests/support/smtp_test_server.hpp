#pragma once
// A minimal SMTP server on 127.0.0.1 for tests (RFC 5321 subset, no TLS): EHLO/HELO, AUTH
// PLAIN, MAIL FROM, RCPT TO, DATA (dot-unstuffed), RSET, NOOP, QUIT; STARTTLS is refused.
// It records every message it accepts. One connection at a time, in its own thread; started
// by the constructor, stopped by the destructor. Never binds anything but 127.0.0.1.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace tosdiff::testing {

struct SmtpMessage {
  std::string helo;                  // the EHLO/HELO argument
  std::string mail_from;             // the address inside MAIL FROM:<...>
  std::vector<std::string> rcpt_to;  // the addresses inside RCPT TO:<...>
  std::string auth_user, auth_password;  // from AUTH PLAIN, when the client authenticated
  std::string data;                  // the message as received, CRLF line ends, dot-unstuffed
};

class SmtpTestServer {
 public:
  SmtpTestServer();
  ~SmtpTestServer();
  SmtpTestServer(const SmtpTestServer&) = delete;
  SmtpTestServer& operator=(const SmtpTestServer&) = delete;

  int port() const;
  std::string url() const;  // "smtp://127.0.0.1:<port>"

  // The reply code after the message's final "." (default 250; 451 or 554 refuse it: the
  // message is then not recorded).
  void set_data_reply(int code);

  std::vector<SmtpMessage> messages() const;  // accepted messages, in order
  int connections() const;                    // sessions opened so far

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tosdiff::testing
