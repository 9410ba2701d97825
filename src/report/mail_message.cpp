#include "tosdiff/report/mail_message.hpp"

#include <algorithm>
#include <ctime>

#include "tosdiff/util/base64.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kQpLine = 75;  // and "=" makes 76

std::string hex_escape(unsigned char c) {
  static const char digits[] = "0123456789ABCDEF";
  return std::string{'=', digits[c >> 4], digits[c & 15]};
}

std::string domain_of(std::string_view address) {
  const auto at = address.rfind('@');
  return at == std::string_view::npos ? "localhost" : std::string(address.substr(at + 1));
}

std::string display_from(std::string_view from) {
  const std::string address = mail_address(from);
  const auto open = from.find('<');
  if (open == std::string_view::npos) return address;
  std::string name(from.substr(0, open));
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  if (name.empty()) return "<" + address + ">";
  const std::string encoded = encode_header_value(name);
  if (encoded != name) return encoded + " <" + address + ">";
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + address + ">";
}

}  // namespace

std::string quoted_printable(std::string_view text) {
  std::string out;
  std::size_t column = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      const bool last = i + 1 == line.size();
      std::string token;
      if (c == ' ' || c == '\t') token = last ? hex_escape(c) : std::string(1, static_cast<char>(c));
      else if (c >= 33 && c <= 126 && c != '=') token = std::string(1, static_cast<char>(c));
      else token = hex_escape(c);
      if (column + token.size() > kQpLine) {
        out += "=\r\n";
        column = 0;
      }
      // A line starting with "." means something to SMTP, one starting with "From " to mbox.
      if (column == 0 && (c == '.' || (c == 'F' && line.substr(i, 5) == "From "))) token = hex_escape(c);
      out += token;
      column += token.size();
    }
    if (end == text.size()) {
      if (column > 0) out += "\r\n";
      break;
    }
    out += "\r\n";
    column = 0;
    start = end + 1;
  }
  return out;
}

std::string encode_header_value(std::string_view value) {
  bool plain = true;
  for (char c : value) plain = plain && static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f;
  if (plain) return std::string(value);
  // Encoded words of at most 45 bytes (60 base64 characters), cut between UTF-8 characters.
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t n = std::min<std::size_t>(45, value.size() - i);
    while (i + n < value.size() && n > 0 && (static_cast<unsigned char>(value[i + n]) & 0xC0) == 0x80) --n;
    if (n == 0) n = std::min<std::size_t>(45, value.size() - i);
    std::string chunk(value.substr(i, n));
    for (char& c : chunk)
      if (c == '\r' || c == '\n') c = ' ';
    out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + base64(chunk) + "?=";
    i += n;
  }
  return out;
}

std::string rfc5322_date(std::chrono::system_clock::time_point time) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
                months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buffer;
}

std::string mail_address(std::string_view from) {
  const auto open = from.find('<');
  if (open != std::string_view::npos) {
    const auto close = from.find('>', open);
    if (close == std::string_view::npos) return "";
    from = from.substr(open + 1, close - open - 1);
  }
  while (!from.empty() && (from.front() == ' ' || from.front() == '\t')) from.remove_prefix(1);
  while (!from.empty() && (from.back() == ' ' || from.back() == '\t')) from.remove_suffix(1);
  return std::string(from);
}

bool valid_mail_address(std::string_view address) {
  const auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size() || address.size() > 254) return false;
  for (char c : address) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) return false;
    if (std::string_view("<>()[],;:\"\\").find(c) != std::string_view::npos) return false;
  }
  return address.find('@') == at;
}

// Composed here rather than with libcurl's MIME builder (curl_mime_* and CURLOPT_MIMEPOST):
// libcurl produces that message only while it sends it, with a random boundary, so it could
// no longer be composed, tested byte for byte and sent as the same bytes apart from the
// network. It would not save much either: its quoted-printable encoder wants CRLF line ends
// (a lone "\n" becomes "=0A"), leaves a line-initial "From " alone, and headers (From, To,
// Subject in RFC 2047 words, Date, Message-ID) would still be written here.
std::string compose_mail(const MailMessage& m, std::chrono::system_clock::time_point date, std::string_view unique) {
  const std::string boundary = "=_tosdiff_" + std::string(unique);  // "=_" never occurs in quoted-printable
  std::string to;
  for (const auto& address : m.to) to += (to.empty() ? "" : ",\r\n ") + address;
  std::string out;
  out += "Date: " + rfc5322_date(date) + "\r\n";
  out += "From: " + display_from(m.from) + "\r\n";
  out += "To: " + to + "\r\n";
  out += "Subject: " + encode_header_value(m.subject) + "\r\n";
  out += "Message-ID: <" + std::string(unique) + "@" + domain_of(mail_address(m.from)) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  out += "X-Mailer: tosdiff/0.1\r\n";
  out += "\r\nThis is a message in MIME format: a text part and an HTML part.\r\n";
  out += "\r\n--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += quoted_printable(m.text);
  out += "\r\n--" + boundary + "\r\n";
  out += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += quoted_printable(m.html);
  out += "\r\n--" + boundary + "--\r\n";
  return out;
}

}  // namespace tosdiff
