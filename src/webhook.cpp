#include "tosdiff/webhook.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include <curl/curl.h>

#include "tosdiff/digest.hpp"  // html_escape
#include "tosdiff/fetch.hpp"   // init_curl_once

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace); }

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

// Slack's mrkdwn treats only &, < and > specially in plain text.
std::string slack_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::string heading(const CheckResult& r) {
  std::string out;
  if (!r.severity.empty()) {
    std::string s = r.severity;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    out += "[" + s + "] ";
  }
  return out + (r.title.empty() ? r.platform + "/" + r.document : r.title) + " changed";
}

// The substantive hunks' word diffs, at most `limit`, with the markers of `style`.
std::vector<std::string> sentences(const CheckResult& r, std::size_t limit, const std::string& del_open,
                                   const std::string& del_close, const std::string& ins_open,
                                   const std::string& ins_close, std::string (*escape)(std::string_view)) {
  std::vector<std::string> out;
  if (!r.change) return out;
  for (const auto& h : r.change->hunks) {
    if (h.cosmetic) continue;
    if (out.size() == limit) break;
    std::string line;
    for (const auto& w : h.words) {
      if (!line.empty()) line += " ";
      if (w.op == '=') line += escape(w.text);
      else if (w.op == '-') line += del_open + escape(w.text) + del_close;
      else line += ins_open + escape(w.text) + ins_close;
    }
    if (!h.section.empty()) line = "§ " + escape(h.section.back()) + ": " + line;
    out.push_back(line);
  }
  return out;
}

std::string slack_body(const CheckResult& r) {
  const std::string url = r.urls.empty() ? "" : r.urls.front();
  std::string text = "*" + slack_escape(heading(r)) + "*\n" + slack_escape(summarize(r));
  if (!r.topics.empty()) text += "\nTopics: " + slack_escape(join(topic_labels(r), ", "));
  if (!r.regulations.empty()) text += "\nRegulations: " + slack_escape(join(regulation_names(r), "; "));
  for (const auto& s : sentences(r, 3, "~", "~", "*", "*", slack_escape)) text += "\n> " + s;
  if (!url.empty()) text += "\n<" + slack_escape(url) + "|Read the document>";
  if (r.current) text += " · version " + r.current->version + (r.previous ? " (was " + r.previous->version + ")" : "");
  return dump(ordered_json{{"text", text}});
}

std::string teams_color(const std::string& severity) {
  if (severity == "major") return "B91C1C";
  if (severity == "moderate") return "C2410C";
  if (severity == "minor") return "A16207";
  return "4B5563";
}

std::string teams_body(const CheckResult& r) {
  ordered_json card;
  card["@type"] = "MessageCard";
  card["@context"] = "https://schema.org/extensions";
  card["summary"] = summarize(r);
  card["themeColor"] = teams_color(r.severity);
  card["title"] = html_escape(heading(r));
  card["text"] = html_escape(summarize(r));
  ordered_json facts = ordered_json::array();
  auto fact = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) facts.push_back({{"name", name}, {"value", html_escape(value)}});
  };
  fact("Severity", r.severity);
  fact("Topics", join(topic_labels(r), ", "));
  fact("Regulations", join(regulation_names(r), "; "));
  if (r.current) fact("Version", r.current->version + (r.previous ? " (was " + r.previous->version + ")" : ""));
  fact("Checked at", r.checked_at);
  ordered_json section;
  section["facts"] = std::move(facts);
  const auto changed = sentences(r, 3, "<del>", "</del>", "<ins>", "</ins>", html_escape);
  if (!changed.empty()) section["text"] = join(changed, "<br><br>");
  card["sections"] = ordered_json::array({section});
  if (!r.urls.empty())
    card["potentialAction"] = ordered_json::array(
        {{{"@type", "OpenUri"}, {"name", "Read the document"}, {"targets", {{{"os", "default"}, {"uri", r.urls.front()}}}}}});
  return dump(card);
}

size_t keep_some(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t n = size * count;
  if (body->size() < 512) body->append(data, std::min<size_t>(n, 512 - body->size()));
  return n;
}

// Aborts a transfer in flight once the run is told to stop.
int abort_on_stop(void* stop, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* flag = static_cast<const std::atomic<bool>*>(stop);
  return flag && flag->load() ? 1 : 0;
}

}  // namespace

std::string webhook_body(const CheckResult& record, const std::string& format) {
  if (format == "slack") return slack_body(record);
  if (format == "teams") return teams_body(record);
  return record_to_json_line(record);
}

std::string redacted_url(const std::string& url) {
  const auto scheme = url.find("://");
  // Without a scheme (a URL written wrong) the path is a secret all the same.
  const std::size_t host_start = scheme == std::string::npos ? 0 : scheme + 3;
  const auto path = url.find_first_of("/?#", host_start);
  std::string host = url.substr(0, path);
  if (const auto at = host.find('@', host_start); at != std::string::npos) host.erase(host_start, at - host_start + 1);
  return path == std::string::npos || path + 1 >= url.size() ? host + "/" : host + "/...";
}

Result<long> post_webhook(const std::string& url, const std::string& body, const WebhookOptions& options) {
  init_curl_once();
  std::string last_problem;
  double backoff = options.backoff_seconds;
  for (int attempt = 0; attempt <= options.retries; ++attempt) {
    if (attempt > 0) {
      // Wait in short slices: a SIGINT must not sit behind a 30 s backoff.
      const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(backoff);
      while (std::chrono::steady_clock::now() < until) {
        if (options.stop && options.stop->load()) return Error{"webhook", last_problem + " (interrupted)"};
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      backoff = std::min(backoff * 2, 30.0);
    }
    CURL* curl = curl_easy_init();
    if (!curl) return Error{"webhook", "curl_easy_init failed"};
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    std::string reply;
    char error_buffer[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "tosdiff/0.1 (+https://github.com/tosdiff/tosdiff)");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(options.timeout_seconds, 10.0) * 1000));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_seconds * 1000));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_some);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    if (options.stop) {
      curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
      curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, abort_on_stop);
      curl_easy_setopt(curl, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(options.stop));
    }
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK) {
      last_problem = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
      if (code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT || code == CURLE_ABORTED_BY_CALLBACK)
        break;  // will not get better, or the run is stopping
      continue;
    }
    if (status >= 200 && status < 300) return status;
    last_problem = "HTTP " + std::to_string(status);
    for (char& c : reply)
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    while (!reply.empty() && reply.back() == ' ') reply.pop_back();
    if (!reply.empty()) last_problem += ": " + reply.substr(0, 160);
    const bool transient = status >= 500 || status == 408 || status == 429;
    if (!transient) break;
  }
  return Error{"webhook", last_problem};
}

}  // namespace tosdiff
