#include "tosdiff/report/digest.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "tosdiff/model/severity.hpp"
#include "tosdiff/report/change_card.hpp"
#include "tosdiff/report/change_words.hpp"
#include "tosdiff/report/escape.hpp"
#include "tosdiff/report/paint.hpp"
#include "tosdiff/report/place_view.hpp"
#include "tosdiff/report/record_text.hpp"
#include "tosdiff/report/word_diff.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"
#include "tosdiff/util/clock.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;
using time_point = std::chrono::system_clock::time_point;

bool is_substantive(const ChangeRecord& r) { return is_substantive_change(r); }

// 0 substantive, 1 new, 2 cosmetic: the order of sections in a group.
int kind_rank(const ChangeRecord& r) { return is_substantive(r) ? 0 : r.status == Status::new_document ? 1 : 2; }

std::vector<const Hunk*> shown_hunks(const ChangeRecord& r, std::size_t& more) { return shown_hunks(r, kDigestPlaces, more); }

std::string version_phrase(const DigestEntry& e) { return version_phrase(e.record, e.captured_at); }


std::string counts_line(const Digest& d) {
  std::vector<std::string> parts;
  parts.push_back(d.substantive == 0 ? "no substantive change" : substantive_headline(d));
  if (d.cosmetic) parts.push_back(plural(d.cosmetic, "cosmetic change", "cosmetic changes"));
  if (d.created) parts.push_back(plural(d.created, "new document", "new documents"));
  if (d.notes) parts.push_back(plural(d.notes, "note", "notes"));
  return join(parts, " \u00b7 ");
}

// ---- text -----------------------------------------------------------------------------------


const char* severity_color(const std::string& kind) {
  if (kind == "major") return "1;31";
  if (kind == "moderate") return "1;33";
  if (kind == "minor") return "33";
  if (kind == "new") return "1;34";
  return "2";
}

// ---- Markdown ---------------------------------------------------------------------------------


}  // namespace


Digest make_digest(std::vector<DigestEntry> entries, std::vector<DigestNote> notes) {
  Digest d;
  std::map<std::string, DigestGroup> groups;
  for (auto& e : entries) {
    ChangeRecord& r = e.record;
    if (r.status != Status::new_document && r.status != Status::changed) continue;
    if (is_substantive(r)) {
      ++d.substantive;
      const Severity severity = r.severity == Severity::unclassified ? Severity::info : r.severity;
      d.max_severity = std::max(d.max_severity, severity);
    } else if (r.status == Status::new_document) {
      ++d.created;
    } else {
      ++d.cosmetic;
    }
    DigestGroup& g = groups[r.platform];
    g.platform = r.platform;
    if (g.name.empty() || g.name == g.platform) g.name = platform_name(r);
    g.entries.push_back(std::move(e));
  }
  std::stable_sort(notes.begin(), notes.end(), [](const DigestNote& a, const DigestNote& b) { return a.at < b.at; });
  for (auto& n : notes) {
    ++d.notes;
    DigestGroup& g = groups[n.platform];
    g.platform = n.platform;
    if (g.name.empty()) g.name = n.platform_name.empty() ? n.platform : n.platform_name;
    g.notes.push_back(std::move(n));
  }
  auto entry_before = [](const DigestEntry& a, const DigestEntry& b) {
    const int ka = kind_rank(a.record), kb = kind_rank(b.record);
    if (ka != kb) return ka < kb;
    if (ka == 0) {
      const int sa = severity_rank(a.record.severity), sb = severity_rank(b.record.severity);
      if (sa != sb) return sa > sb;
    }
    if (a.captured_at != b.captured_at) return a.captured_at > b.captured_at;  // newest first
    return a.record.document < b.record.document;
  };
  // A group's rank: its gravest substantive change, then whether it has one at all.
  auto group_rank = [](const DigestGroup& g) {
    int best = -2;
    for (const auto& e : g.entries)
      if (is_substantive(e.record)) best = std::max(best, severity_rank(e.record.severity));
    if (best == -2)
      for (const auto& e : g.entries)
        if (e.record.status == Status::new_document) best = std::max(best, -1);
    if (g.entries.empty()) best = -3;  // notes only
    return best;
  };
  for (auto& [id, g] : groups) {
    std::stable_sort(g.entries.begin(), g.entries.end(), entry_before);
    d.groups.push_back(std::move(g));
  }
  std::stable_sort(d.groups.begin(), d.groups.end(), [&](const DigestGroup& a, const DigestGroup& b) {
    const int ra = group_rank(a), rb = group_rank(b);
    if (ra != rb) return ra > rb;
    return a.name < b.name;
  });
  return d;
}

bool parse_since(const std::string& spec, time_point now, time_point& out) {
  if (spec.size() >= 2) {
    const char unit = spec.back();
    const std::string digits = spec.substr(0, spec.size() - 1);
    if (std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }) && digits.size() <= 6) {
      const long n = std::stol(digits);
      std::chrono::seconds span;
      switch (unit) {
        case 'm': span = std::chrono::minutes(n); break;
        case 'h': span = std::chrono::hours(n); break;
        case 'd': span = std::chrono::hours(24 * n); break;
        case 'w': span = std::chrono::hours(24 * 7 * n); break;
        default: return false;
      }
      // A time_point counts nanoseconds in 64 bits (+-292 years): 999999d would overflow it
      // (undefined behaviour). No archive is older than a century or two.
      if (span > std::chrono::hours(24 * 366 * 200)) return false;
      out = now - span;
      return true;
    }
  }
  return parse_utc(spec, out);
}

bool parse_until(const std::string& spec, time_point now, time_point& out) {
  if (!parse_since(spec, now, out)) return false;
  if (spec.size() == 10 && spec[4] == '-') out += std::chrono::hours(24) - std::chrono::seconds(1);  // a day means its end
  return true;
}

std::string substantive_headline(const Digest& d) {
  std::string out = plural(d.substantive, "substantive change", "substantive changes");
  if (d.max_severity != Severity::unclassified) out += " (max severity " + std::string(to_string(d.max_severity)) + ")";
  return out;
}

std::string digest_to_text(const Digest& d, bool color) {
  const Paint paint{color};
  std::ostringstream o;
  o << paint("1", d.title) << "\n";
  if (!d.period.empty()) o << d.period << "\n";
  o << counts_line(d) << "\n";
  if (d.groups.empty() && d.unreadable == 0) o << "\nNothing changed.\n";
  if (d.unreadable) o << "\n" << d.unreadable << (d.unreadable == 1 ? " document" : " documents")
                      << " could not be read: see the errors above.\n";
  const std::string indent(10, ' ');
  for (const auto& g : d.groups) {
    o << "\n" << paint("1", g.name) << (g.name != g.platform ? paint("2", "  (" + g.platform + ")") : "") << "\n";
    for (const auto& e : g.entries) {
      const ChangeRecord& r = e.record;
      std::string kind = kind_word(r);
      std::string label = upper(kind);
      label.resize(std::max<std::size_t>(label.size() + 1, 10), ' ');
      o << paint(severity_color(kind), label) << paint("1", document_name(r)) << "  " << paint("2", version_phrase(e))
        << "\n";
      o << indent << short_summary(r) << "\n";
      if (!r.flags.empty()) o << indent << paint("1;31", "flags: ") << join(flag_labels(r), "; ") << "\n";
      if (!r.topics.empty()) o << indent << "topics: " << join(topic_labels(r), ", ") << "\n";
      if (!r.regulations.empty())
        o << indent << "regulations: " << join(first_of(regulation_names(r), kNamedRegulations), "; ") << "\n";
      std::size_t more = 0;
      for (const Hunk* h : shown_hunks(r, more)) {
        if (!h->section.empty()) o << indent << paint("36", "\u00a7 " + join(h->section, " \u203a ")) << "\n";
        for (const PlaceLine& line : place_lines(*h))
          o << indent << "  " << render_place_line(line, color ? terminal_words() : plain_words()) << "\n";
      }
      if (more) o << indent << "and " << plural(more, "more place", "more places") << "\n";
      if (is_substantive(r) && !r.urls.empty()) o << indent << paint("2", r.urls.front()) << "\n";
    }
    for (const auto& n : g.notes) {
      std::string label = "NOTE";
      label.resize(10, ' ');
      o << paint("32", label) << paint("1", n.document_name) << "  "
        << paint("2", (n.version.empty() ? "" : "on version " + n.version + ", ") + readable_time(n.at)) << "\n";
      o << indent << n.text << "\n";
    }
  }
  return repair_utf8(o.str());
}

std::string digest_to_markdown(const Digest& d) {
  std::ostringstream o;
  o << "# " << markdown_escape(d.title) << "\n\n";
  if (!d.period.empty()) o << markdown_escape(d.period) << "  \n";
  o << markdown_escape(counts_line(d)) << "\n";
  if (d.groups.empty() && d.unreadable == 0) o << "\nNothing changed.\n";
  if (d.unreadable) o << "\n" << d.unreadable << (d.unreadable == 1 ? " document" : " documents")
                      << " could not be read: see the errors above.\n";
  for (const auto& g : d.groups) {
    o << "\n## " << markdown_escape(g.name) << "\n";
    for (const auto& e : g.entries) {
      const ChangeRecord& r = e.record;
      o << "\n### " << markdown_escape(upper(kind_word(r))) << " \u00b7 " << markdown_escape(document_name(r)) << " \u2014 "
        << markdown_escape(version_phrase(e)) << "\n\n";
      o << markdown_escape(short_summary(r)) << "\n";
      bool list = false;
      auto item = [&](const char* label, const std::vector<std::string>& values, const std::string& separator) {
        if (values.empty()) return;
        if (!list) o << "\n";
        list = true;
        o << "- **" << label << ":** " << markdown_escape(join(values, separator)) << "\n";
      };
      item("Flags", flag_labels(r), "; ");
      item("Topics", topic_labels(r), ", ");
      item("Regulations", first_of(regulation_names(r), kNamedRegulations), "; ");
      std::size_t more = 0;
      for (const Hunk* h : shown_hunks(r, more)) {
        o << "\n> ";
        if (!h->section.empty()) o << "*\u00a7 " << markdown_escape(join(h->section, " \u203a ")) << "*  \n> ";
        std::string lines;
        for (const PlaceLine& line : place_lines(*h))
          lines += (lines.empty() ? "" : "  \n> ") + render_place_line(line, markdown_words());
        o << lines << "\n";
      }
      if (more) o << "\nand " << plural(more, "more place", "more places") << "\n";
      if (is_substantive(r) && !r.urls.empty() && http_url(r.urls.front()))
        o << "\n[Read the document](<" << r.urls.front() << ">)\n";
    }
    for (const auto& n : g.notes) {
      o << "\n### NOTE \u00b7 " << markdown_escape(n.document_name) << " \u2014 "
        << markdown_escape((n.version.empty() ? "" : "on version " + n.version + ", ") + readable_time(n.at)) << "\n\n";
      o << markdown_escape(n.text) << "\n";
    }
  }
  return repair_utf8(o.str());
}

std::string digest_to_html(const Digest& d) {
  std::string rows;
  if (d.groups.empty()) rows += message_row_html("Nothing changed.");
  const CardOptions options{kDigestPlaces, false};
  for (const auto& g : d.groups) {
    rows += group_heading_html(g.name, g.platform);
    for (const auto& e : g.entries) rows += change_card_html(e.record, e.captured_at, options);
    for (const auto& n : g.notes) rows += note_card_html(n);
  }
  return html_page({d.title, d.period, counts_line(d), d.generated_at}, rows);
}

ordered_json digest_to_json(const Digest& d) {
  ordered_json j;
  j["schema_version"] = 1;
  j["title"] = d.title;
  if (!d.since.empty()) j["since"] = d.since;
  if (!d.until.empty()) j["until"] = d.until;
  j["generated_at"] = d.generated_at;
  j["counts"] = {{"substantive", d.substantive}, {"cosmetic", d.cosmetic}, {"new", d.created}, {"notes", d.notes}};
  if (d.max_severity != Severity::unclassified) j["max_severity"] = std::string(to_string(d.max_severity));
  ordered_json groups = ordered_json::array();
  for (const auto& g : d.groups) {
    ordered_json changes = ordered_json::array();
    for (const auto& e : g.entries) {
      const ChangeRecord& r = e.record;
      ordered_json c;
      c["platform"] = r.platform;
      c["document"] = r.document;
      c["title"] = r.title;
      if (!r.urls.empty()) c["url"] = r.urls.front();
      c["status"] = std::string(to_string(r.status));
      if (r.status == Status::changed) c["significance"] = std::string(to_string(r.significance));
      if (r.severity != Severity::unclassified) c["severity"] = std::string(to_string(r.severity));
      c["captured_at"] = e.captured_at;
      if (r.current) c["version"] = r.current->version;
      if (r.previous) c["previous_version"] = r.previous->version;
      c["summary"] = summarize(r);
      if (!r.section.empty()) c["section"] = r.section;
      if (!r.cosmetic_kinds.empty()) c["cosmetic_kinds"] = r.cosmetic_kinds;
      if (!r.topics.empty()) {
        ordered_json topics = ordered_json::array();
        for (const auto& t : r.topics) topics.push_back({{"id", t.id}, {"label", t.label}});
        c["topics"] = std::move(topics);
      }
      if (!r.regulations.empty()) {
        ordered_json regulations = ordered_json::array();
        for (const auto& g2 : r.regulations) regulations.push_back({{"id", g2.id}, {"name", g2.name}});
        c["regulations"] = std::move(regulations);
      }
      if (!r.flags.empty()) {
        ordered_json flags = ordered_json::array();
        for (const auto& f : r.flags) flags.push_back({{"id", f.id}, {"label", f.label}});
        c["flags"] = std::move(flags);
      }
      std::size_t more = 0;
      const auto hunks = shown_hunks(r, more);
      if (!hunks.empty()) {
        ordered_json places = ordered_json::array();
        for (const Hunk* h : hunks) {
          ordered_json words = ordered_json::array();
          for (const auto& w : h->words) words.push_back({{"op", std::string(1, w.op)}, {"text", w.text}});
          places.push_back({{"section", h->section}, {"words", std::move(words)}});
        }
        c["places"] = std::move(places);
      }
      if (more) c["more_places"] = more;
      changes.push_back(std::move(c));
    }
    ordered_json group = {{"platform", g.platform}, {"name", g.name}, {"changes", std::move(changes)}};
    if (!g.notes.empty()) {
      ordered_json notes = ordered_json::array();
      for (const auto& n : g.notes) {
        ordered_json note;
        note["document"] = n.document;
        note["at"] = n.at;
        if (!n.version.empty()) note["version"] = n.version;
        note["text"] = n.text;
        notes.push_back(std::move(note));
      }
      group["notes"] = std::move(notes);
    }
    groups.push_back(std::move(group));
  }
  j["groups"] = std::move(groups);
  return j;
}

}  // namespace tosdiff
