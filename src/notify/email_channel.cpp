#include "tosdiff/notify/email_channel.hpp"

#include <algorithm>

#include <curl/curl.h>

#include "tosdiff/report/mail_message.hpp"
#include "tosdiff/util/curl.hpp"

namespace tosdiff {
namespace {

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<std::pair<const std::string*, std::size_t>*>(user);
  const std::string& data = *upload->first;
  const std::size_t n = std::min(size * count, data.size() - upload->second);
  std::copy_n(data.data() + upload->second, n, buffer);
  upload->second += n;
  return n;
}

}  // namespace

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
  if (!curl) return Error{ErrorKind::email, "curl_easy_init failed"};
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
    return Error{ErrorKind::email, message};
  }
  return "SMTP " + std::to_string(reply);
}

}  // namespace tosdiff
