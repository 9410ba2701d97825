#pragma once
// Email alerts: the message (report/mail_message.hpp) sent through SMTP with libcurl: smtps://
// (TLS from the start) or smtp:// with STARTTLS required (CURLUSESSL_ALL), except for a
// loopback server whose configuration says "starttls": false.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/notify/alert_target.hpp"
#include "tosdiff/model/result.hpp"

namespace tosdiff {

// Sends `mime` to `to` through `smtp`. Returns the server's last reply ("250 ...") or an
// Error of kind "email".
Result<std::string> send_mail(const SmtpSettings& smtp, const std::vector<std::string>& to, const std::string& mime);

// Whether a URL's host is 127.0.0.1, ::1 or localhost (where STARTTLS may be off).
bool is_loopback_url(std::string_view url);

}  // namespace tosdiff
