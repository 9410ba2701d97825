#include "tosdiff/record.hpp"

#include <algorithm>
#include <sstream>

#include "tosdiff/charset.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json version_to_json(const VersionRef& v) {
  ordered_json j;
  j["version"] = v.version;
  j["captured_at"] = v.captured_at;
  j["sha256"] = v.sha256;
  if (!v.snapshot_sha256.empty()) j["snapshot_sha256"] = v.snapshot_sha256;
  if (v.snapshots.size() > 1) j["snapshots"] = v.snapshots;
  return j;
}

VersionRef version_from_json(const ordered_json& j) {
  VersionRef v;
  v.version = j.value("version", "");
  v.captured_at = j.value("captured_at", "");
  v.sha256 = j.value("sha256", "");
  v.snapshot_sha256 = j.value("snapshot_sha256", "");
  v.snapshots = j.value("snapshots", std::vector<std::string>{});
  return v;
}

ordered_json stats_to_json(const DiffStats& s) {
  return ordered_json{{"blocks_added", s.blocks_added},     {"blocks_removed", s.blocks_removed},
                      {"blocks_changed", s.blocks_changed}, {"words_added", s.words_added},
                      {"words_removed", s.words_removed}};
}

DiffStats stats_from_json(const ordered_json& j) {
  DiffStats s;
  s.blocks_added = j.value("blocks_added", std::size_t{0});
  s.blocks_removed = j.value("blocks_removed", std::size_t{0});
  s.blocks_changed = j.value("blocks_changed", std::size_t{0});
  s.words_added = j.value("words_added", std::size_t{0});
  s.words_removed = j.value("words_removed", std::size_t{0});
  return s;
}

ordered_json topics_to_json(const std::vector<TopicMatch>& topics) {
  ordered_json out = ordered_json::array();
  for (const auto& t : topics)
    out.push_back({{"id", t.id}, {"label", t.label}, {"evidence", t.evidence}, {"where", t.where}});
  return out;
}

ordered_json flags_to_json(const std::vector<FlagMatch>& flags) {
  ordered_json out = ordered_json::array();
  for (const auto& f : flags)
    out.push_back({{"id", f.id}, {"label", f.label}, {"direction", f.direction}, {"kind", f.kind},
                   {"evidence", f.evidence}});
  return out;
}

std::vector<FlagMatch> flags_from_json(const ordered_json& list) {
  std::vector<FlagMatch> out;
  for (const auto& f : list)
    out.push_back({f.value("id", ""), f.value("label", ""), f.value("direction", ""), f.value("kind", ""),
                   f.value("evidence", std::vector<std::string>{})});
  return out;
}

ordered_json hunk_to_json(const Hunk& h) {
  ordered_json j;
  j["old_start"] = h.old_start;
  j["old_lines"] = h.old_lines;
  j["new_start"] = h.new_start;
  j["new_lines"] = h.new_lines;
  j["section"] = h.section;
  j["significance"] = h.cosmetic ? "cosmetic" : "substantive";
  if (h.cosmetic) j["cosmetic_kinds"] = h.cosmetic_kinds;
  ordered_json lines = ordered_json::array();
  for (const auto& l : h.lines) lines.push_back({{"op", std::string(1, l.op)}, {"text", l.text}});
  j["lines"] = std::move(lines);
  ordered_json words = ordered_json::array();
  for (const auto& w : h.words) {
    ordered_json wj{{"op", std::string(1, w.op)}, {"text", w.text}};
    if (w.elided_words) wj["elided_words"] = w.elided_words;
    words.push_back(std::move(wj));
  }
  j["words"] = std::move(words);
  if (!h.topics.empty()) j["topics"] = topics_to_json(h.topics);
  if (!h.flags.empty()) j["flags"] = flags_to_json(h.flags);
  return j;
}

Hunk hunk_from_json(const ordered_json& j) {
  Hunk h;
  h.old_start = j.value("old_start", std::size_t{0});
  h.old_lines = j.value("old_lines", std::size_t{0});
  h.new_start = j.value("new_start", std::size_t{0});
  h.new_lines = j.value("new_lines", std::size_t{0});
  h.section = j.value("section", std::vector<std::string>{});
  h.cosmetic = j.value("significance", "") == "cosmetic";
  h.cosmetic_kinds = j.value("cosmetic_kinds", std::vector<std::string>{});
  for (const auto& l : j.value("lines", ordered_json::array())) {
    std::string op = l.value("op", "+");
    h.lines.push_back({op.empty() ? '+' : op[0], l.value("text", "")});
  }
  for (const auto& w : j.value("words", ordered_json::array())) {
    std::string op = w.value("op", "=");
    h.words.push_back({op.empty() ? '=' : op[0], w.value("text", ""), w.value("elided_words", std::size_t{0})});
  }
  for (const auto& t : j.value("topics", ordered_json::array()))
    h.topics.push_back({t.value("id", ""), t.value("label", ""), t.value("evidence", std::vector<std::string>{}),
                        t.value("where", "")});
  h.flags = flags_from_json(j.value("flags", ordered_json::array()));
  return h;
}

// ---- text --------------------------------------------------------------------------------

struct Paint {
  bool on;
  std::string operator()(const char* code, const std::string& text) const {
    return on ? std::string("\x1b[") + code + "m" + text + "\x1b[0m" : text;
  }
};

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string hunk_header(const Hunk& h) {
  auto range = [](std::size_t start, std::size_t count) {
    return count == 1 ? std::to_string(start) : std::to_string(start) + "," + std::to_string(count);
  };
  std::string out = "@@ -" + range(h.old_start, h.old_lines) + " +" + range(h.new_start, h.new_lines) + " @@";
  if (!h.section.empty()) out += " " + join(h.section, " \u203a ");
  return out;
}

bool lines_are_short(const Hunk& h) {
  for (const auto& l : h.lines)
    if (l.text.size() > 240) return false;
  return true;
}

void render_hunk(std::ostringstream& out, const Hunk& h, const Paint& paint) {
  out << paint("36", hunk_header(h));
  if (h.cosmetic) out << paint("2", "  (cosmetic: " + join(h.cosmetic_kinds, ", ") + ")");
  out << "\n";
  // Short blocks read best whole; long ones (legal paragraphs run to thousands of
  // characters) as a word diff with bounded context.
  const bool pair_of_lines = h.old_lines == 1 && h.new_lines == 1;
  if (lines_are_short(h) && !pair_of_lines) {
    for (const auto& l : h.lines)
      out << (l.op == '-' ? paint("31", "- " + l.text) : paint("32", "+ " + l.text)) << "\n";
    return;
  }
  std::string line = "  ";
  for (const auto& w : h.words) {
    if (w.op == '=') line += w.text;
    else if (w.op == '-') line += paint("31;9", paint.on ? w.text : "[-" + w.text + "-]");
    else line += paint("32;1", paint.on ? w.text : "{+" + w.text + "+}");
    line += " ";
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << "\n";
}

std::string render_text_report(const CheckResult& r, const TextStyle& style);

}  // namespace

ordered_json record_to_json(const CheckResult& r) {
  ordered_json j;
  j["schema_version"] = kRecordSchemaVersion;
  j["platform"] = r.platform;
  j["document"] = r.document;
  j["title"] = r.title;
  j["url"] = r.urls.empty() ? "" : r.urls.front();
  if (r.urls.size() > 1) j["urls"] = r.urls;
  j["status"] = r.status;
  j["checked_at"] = r.checked_at;
  if (r.status == "changed") {
    j["significance"] = r.significance;
    if (!r.cosmetic_kinds.empty()) j["cosmetic_kinds"] = r.cosmetic_kinds;
    if (!r.reverts_to.empty()) j["reverts_to"] = r.reverts_to;
  }
  if (r.accepted && (r.status == "changed" || r.status == "new")) j["accepted"] = true;
  if (r.status == "new" || r.status == "changed") j["summary"] = summarize(r);
  if (!r.severity.empty()) j["severity"] = r.severity;
  if (!r.section.empty()) j["section"] = r.section;
  if (!r.topics.empty()) {
    ordered_json topics = ordered_json::array();
    for (const auto& t : r.topics)
      topics.push_back({{"id", t.id}, {"label", t.label}, {"weight", t.weight}, {"where", t.where}, {"hunks", t.hunks}});
    j["topics"] = std::move(topics);
  }
  if (!r.regulations.empty()) {
    ordered_json regulations = ordered_json::array();
    for (const auto& g : r.regulations)
      regulations.push_back({{"id", g.id}, {"name", g.name}, {"reason", g.reason}, {"topic", g.topic}});
    j["regulations"] = std::move(regulations);
  }
  if (!r.flags.empty()) j["flags"] = flags_to_json(r.flags);
  if (r.previous) j["previous"] = version_to_json(*r.previous);
  if (r.current) j["current"] = version_to_json(*r.current);
  if (r.status == "new") j["size"] = {{"blocks", r.blocks}, {"words", r.words}};
  if (r.change) {
    j["stats"] = stats_to_json(r.change->stats);
    ordered_json hunks = ordered_json::array();
    for (const auto& h : r.change->hunks) hunks.push_back(hunk_to_json(h));
    j["hunks"] = std::move(hunks);
  }
  if (r.error) j["error"] = {{"kind", r.error->kind}, {"message", r.error->message}};
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  return j;
}

std::string record_to_json_line(const CheckResult& result) {
  return record_to_json(result).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

CheckResult record_from_json(const ordered_json& j) {
  CheckResult r;
  r.platform = j.value("platform", "");
  r.document = j.value("document", "");
  r.title = j.value("title", "");
  if (j.contains("urls")) r.urls = j["urls"].get<std::vector<std::string>>();
  else if (!j.value("url", "").empty()) r.urls.push_back(j.value("url", ""));
  r.status = j.value("status", "");
  r.checked_at = j.value("checked_at", "");
  r.significance = j.value("significance", "");
  r.cosmetic_kinds = j.value("cosmetic_kinds", std::vector<std::string>{});
  r.reverts_to = j.value("reverts_to", "");
  r.accepted = j.value("accepted", false);
  r.severity = j.value("severity", "");
  r.section = j.value("section", std::vector<std::string>{});
  for (const auto& t : j.value("topics", ordered_json::array()))
    r.topics.push_back({t.value("id", ""), t.value("label", ""), t.value("weight", 1), t.value("where", ""),
                        t.value("hunks", std::size_t{0})});
  for (const auto& g : j.value("regulations", ordered_json::array()))
    r.regulations.push_back({g.value("id", ""), g.value("name", ""), g.value("reason", ""), g.value("topic", "")});
  r.flags = flags_from_json(j.value("flags", ordered_json::array()));
  if (j.contains("previous")) r.previous = version_from_json(j["previous"]);
  if (j.contains("current")) r.current = version_from_json(j["current"]);
  if (j.contains("size")) {
    r.blocks = j["size"].value("blocks", std::size_t{0});
    r.words = j["size"].value("words", std::size_t{0});
  }
  if (j.contains("hunks")) {
    Change change;
    change.stats = stats_from_json(j.value("stats", ordered_json::object()));
    for (const auto& h : j["hunks"]) change.hunks.push_back(hunk_from_json(h));
    tally(change);  // substantive stats and flags, from the hunks
    change.stats = stats_from_json(j.value("stats", ordered_json::object()));  // as recorded
    r.change = std::move(change);
  }
  if (j.contains("error"))
    r.error = Error{j["error"].value("kind", ""), j["error"].value("message", "")};
  r.warnings = j.value("warnings", std::vector<std::string>{});
  return r;
}

std::string summarize(const CheckResult& r) {
  const std::string name = r.title.empty() ? r.platform + "/" + r.document : r.title;
  if (r.status == "new")
    return name + ": first version archived (" + std::to_string(r.blocks) + " blocks, " +
           std::to_string(r.words) + " words)";
  if (r.status == "error") return name + ": " + (r.error ? r.error->kind + ": " + r.error->message : "error");
  if (r.status != "changed" || !r.change) return name + ": " + r.status;
  const Change& c = *r.change;
  // The section named is the one of the largest change that counts.
  const Hunk* first = nullptr;
  std::size_t largest = 0;
  for (const auto& h : c.hunks) {
    if (h.cosmetic && r.significance != "cosmetic") continue;
    std::size_t words = 0;
    for (const auto& w : h.words)
      if (w.op != '=') words += 1 + static_cast<std::size_t>(std::count(w.text.begin(), w.text.end(), ' '));
    if (!first || words > largest) {
      first = &h;
      largest = words;
    }
  }
  std::string where;
  if (first && !first->section.empty()) where = " \u00a7 '" + first->section.back() + "'";
  const bool substantive = r.significance == "substantive";
  const DiffStats& s = substantive ? c.substantive_stats : c.stats;
  const auto places = static_cast<std::size_t>(std::count_if(
      c.hunks.begin(), c.hunks.end(), [&](const Hunk& h) { return !substantive || !h.cosmetic; }));
  std::string out = name + where + " changed: +" + std::to_string(s.words_added) + "/\u2212" +
                    std::to_string(s.words_removed) + " words in " + std::to_string(places) +
                    (places == 1 ? " place" : " places");
  if (r.significance == "cosmetic") out += " (cosmetic: " + join(r.cosmetic_kinds, ", ") + ")";
  if (!r.reverts_to.empty()) out += "; same text as version " + r.reverts_to;
  if (!r.topics.empty()) {
    constexpr std::size_t kNamed = 3;  // a summary is one line
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < r.topics.size() && i < kNamed; ++i) labels.push_back(r.topics[i].label);
    out += "; topics: " + join(labels, ", ");
    if (r.topics.size() > kNamed) out += " (+" + std::to_string(r.topics.size() - kNamed) + " more)";
  }
  if (!r.severity.empty()) out += "; severity " + r.severity;
  return out;
}

std::string record_to_text(const CheckResult& r, const TextStyle& style) {
  // Page text is valid UTF-8 by construction, but a record read back from disk may not be.
  return repair_utf8(render_text_report(r, style));
}

namespace {

std::string render_text_report(const CheckResult& r, const TextStyle& style) {
  Paint paint{style.color};
  std::ostringstream out;
  const std::string key = r.platform + "/" + r.document;
  auto warnings = [&] {
    for (const auto& w : r.warnings) out << "  " << paint("33", "warning: ") << w << "\n";
  };
  if (r.status == "unchanged") {
    if (style.verbose || !r.warnings.empty()) out << paint("2", "unchanged  " + key) << "\n";
    warnings();
    return out.str();
  }
  if (r.status == "error") {
    out << paint("1;33", "ERROR") << "    " << paint("1", key) << "  " << r.title << "\n";
    if (r.error) out << "  " << r.error->kind << ": " << r.error->message << "\n";
    return out.str();
  }
  if (r.status == "new") {
    out << paint("1;34", "NEW") << "      " << paint("1", key) << "  " << summarize(r) << "\n";
    warnings();
    return out.str();
  }
  const bool cosmetic = r.significance == "cosmetic";
  if (cosmetic && !style.verbose) return {};
  out << paint(cosmetic ? "2" : "1;35", "CHANGED") << "  " << paint("1", key) << "  "
      << (cosmetic ? "cosmetic" : "substantive") << "\n";
  out << "  " << summarize(r) << "\n";
  if (!r.flags.empty()) {
    std::vector<std::string> flags;
    for (const auto& f : r.flags) flags.push_back(f.label);
    out << "  " << paint("1;31", "flags: ") << join(flags, "; ") << "\n";
  }
  if (!r.regulations.empty()) {
    constexpr std::size_t kNamed = 5;  // the record has them all
    std::vector<std::string> names;
    for (std::size_t i = 0; i < r.regulations.size() && i < kNamed; ++i) names.push_back(r.regulations[i].name);
    if (r.regulations.size() > kNamed) names.push_back("+" + std::to_string(r.regulations.size() - kNamed) + " more");
    out << "  regulations: " << join(names, "; ") << "\n";
  }
  warnings();
  if (r.previous && r.current)
    out << "  version " << r.current->version << " (was " << r.previous->version << "), "
        << r.checked_at << "\n";
  if (r.change) {
    for (const auto& h : r.change->hunks) {
      if (h.cosmetic && !cosmetic && !style.verbose) continue;
      render_hunk(out, h, paint);
    }
  }
  return out.str();
}

}  // namespace

std::vector<std::string> topic_labels(const CheckResult& result) {
  std::vector<std::string> out;
  for (const auto& t : result.topics) out.push_back(t.label);
  return out;
}

std::vector<std::string> flag_labels(const CheckResult& result) {
  std::vector<std::string> out;
  for (const auto& f : result.flags) out.push_back(f.label);
  return out;
}

std::vector<std::string> regulation_names(const CheckResult& result) {
  std::vector<std::string> out;
  for (const auto& g : result.regulations) out.push_back(g.name);
  return out;
}

}  // namespace tosdiff
