#include "tosdiff/report/webhook_payload.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "tosdiff/report/escape.hpp"
#include "tosdiff/report/place_view.hpp"
#include "tosdiff/report/word_diff.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/record_text.hpp"

namespace tosdiff {
namespace {


using ordered_json = nlohmann::ordered_json;

std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace); }

// Slack's mrkdwn treats only &, < and > specially in plain text.
std::string heading(const ChangeRecord& r) {
  std::string out;
  if (r.severity != Severity::unclassified) {
    std::string s(to_string(r.severity));
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    out += "[" + s + "] ";
  }
  return out + (r.title.empty() ? r.platform + "/" + r.document : r.title) + " changed";
}

// The substantive hunks' word diffs, at most `limit`, rendered in `style`.
std::vector<std::string> sentences(const ChangeRecord& r, std::size_t limit, const WordDiffStyle& style) {
  std::vector<std::string> out;
  if (!r.change) return out;
  for (const auto& h : r.change->hunks) {
    if (h.cosmetic) continue;
    if (out.size() == limit) break;
    std::string line;
    for (const PlaceLine& place : place_lines(h)) line += (line.empty() ? "" : "; ") + render_place_line(place, style);
    if (!h.section.empty()) line = "§ " + style.escape(h.section.back()) + ": " + line;
    out.push_back(line);
  }
  return out;
}

std::string slack_body(const ChangeRecord& r) {
  const std::string url = r.urls.empty() ? "" : r.urls.front();
  std::string text = "*" + slack_escape(heading(r)) + "*\n" + slack_escape(summarize(r));
  if (!r.topics.empty()) text += "\nTopics: " + slack_escape(join(topic_labels(r), ", "));
  if (!r.regulations.empty()) text += "\nRegulations: " + slack_escape(join(regulation_names(r), "; "));
  for (const auto& s : sentences(r, 3, slack_words())) text += "\n> " + s;
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

std::string teams_body(const ChangeRecord& r) {
  ordered_json card;
  card["@type"] = "MessageCard";
  card["@context"] = "https://schema.org/extensions";
  card["summary"] = summarize(r);
  card["themeColor"] = teams_color(std::string(to_string(r.severity)));
  card["title"] = html_escape(heading(r));
  card["text"] = html_escape(summarize(r));
  ordered_json facts = ordered_json::array();
  auto fact = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) facts.push_back({{"name", name}, {"value", html_escape(value)}});
  };
  fact("Severity", std::string(to_string(r.severity)));
  fact("Topics", join(topic_labels(r), ", "));
  fact("Regulations", join(regulation_names(r), "; "));
  if (r.current) fact("Version", r.current->version + (r.previous ? " (was " + r.previous->version + ")" : ""));
  fact("Checked at", r.checked_at);
  ordered_json section;
  section["facts"] = std::move(facts);
  const auto changed = sentences(r, 3, WordDiffStyle{"<del>", "</del>", "<ins>", "</ins>", html_escape});
  if (!changed.empty()) section["text"] = join(changed, "<br><br>");
  card["sections"] = ordered_json::array({section});
  if (!r.urls.empty())
    card["potentialAction"] = ordered_json::array(
        {{{"@type", "OpenUri"}, {"name", "Read the document"}, {"targets", {{{"os", "default"}, {"uri", r.urls.front()}}}}}});
  return dump(card);
}
}  // namespace

std::string webhook_body(const ChangeRecord& record, const std::string& format) {
  if (format == "slack") return slack_body(record);
  if (format == "teams") return teams_body(record);
  return record_to_json_line(record);
}

}  // namespace tosdiff
