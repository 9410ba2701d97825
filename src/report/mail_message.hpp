#pragma once
// An email alert's message: RFC 5322, multipart/alternative (text and HTML, UTF-8,
// quoted-printable), composed by pure functions. Sending it is notify/mail's.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

struct MailMessage {
  std::string from;             // "address" or "Display Name <address>"
  std::vector<std::string> to;  // addresses
  std::string subject;          // UTF-8; encoded (RFC 2047) when not ASCII
  std::string text, html;       // UTF-8 bodies, "\n" line ends
};

// The whole message, CRLF line ends, every line under 998 bytes: Date, From, To, Subject,
// Message-ID (from `unique` and the sender's domain), MIME-Version, a multipart/alternative
// body with a boundary that quoted-printable text cannot contain.
std::string compose_mail(const MailMessage& message, std::chrono::system_clock::time_point date,
                         std::string_view unique);

// Quoted-printable (RFC 2045 §6.7) of UTF-8 text with "\n" line ends: CRLF line ends, soft
// breaks before 76 characters, "=" and bytes outside printable ASCII encoded, trailing
// blanks encoded, and a "." or "From " starting a line encoded too (SMTP and mbox safety).
std::string quoted_printable(std::string_view text);
// A header value: as is when printable ASCII, else RFC 2047 encoded words (UTF-8, base64).
std::string encode_header_value(std::string_view value);
// "Date: " value: "Sun, 29 Nov 2026 12:00:00 +0000".
std::string rfc5322_date(std::chrono::system_clock::time_point time);

// The address of "Name <address>" or of a bare "address"; "" when there is none.
std::string mail_address(std::string_view from);
// A plausible addr-spec: local@domain, printable ASCII, no blanks, no <>()[],;: or quotes.
bool valid_mail_address(std::string_view address);

}  // namespace tosdiff
