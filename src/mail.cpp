#include "tosdiff/mail.hpp"

#include <ctime>

#include <curl/curl.h>

#include "tosdiff/fetch.hpp"  // init_curl_once

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

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<std::pair<const std::string*, std::size_t>*>(user);
  const std::string& data = *upload->first;
  const std::size_t n = std::min(size * count, data.size() - upload->second);
  std::copy_n(data.data() + upload->second, n, buffer);
  upload->second += n;
  return n;
}

}  // namespace

std::string base64(std::string_view bytes) {
  static const char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += table[v >> 18];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += table[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += table[v >> 18];
    out += table[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? table[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

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

bool is_loopback_url(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  std::string_view host;
  if (rest.starts_with("[")) host = rest.substr(0, rest.find(']') + 1);
  else host = rest.substr(0, rest.find(':'));
  return host == "127.0.0.1" || host == "[::1]" || host == "localhost";
}

Result<std::string> send_mail(const SmtpSettings& smtp, const std::vector<std::string>& to, const std::string& mime) {
  init_curl_once();
  CURL* curl = curl_easy_init();
  if (!curl) return Error{"email", "curl_easy_init failed"};
  curl_slist* recipients = nullptr;
  for (const auto& address : to) recipients = curl_slist_append(recipients, ("<" + address + ">").c_str());
  const std::string from = "<" + mail_address(smtp.from) + ">";
  std::pair<const std::string*, std::size_t> upload{&mime, 0};
  char error_buffer[CURL_ERROR_SIZE] = {0};
  const bool smtps = smtp.url.rfind("smtps://", 0) == 0;
  curl_easy_setopt(curl, CURLOPT_URL, smtp.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
  // smtps:// is TLS from the first byte; smtp:// must upgrade with STARTTLS or fail, unless
  // the configuration turned that off for a loopback test server (config.cpp checks it).
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(smtps || smtp.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
  if (!smtp.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, smtp.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, smtp.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(smtp.timeout_seconds, 10.0) * 1000));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(smtp.timeout_seconds * 1000));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  const CURLcode code = curl_easy_perform(curl);
  long reply = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) {
    std::string message = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
    if (reply) message += " (last SMTP reply " + std::to_string(reply) + ")";
    return Error{"email", message};
  }
  return "SMTP " + std::to_string(reply);
}

}  // namespace tosdiff
