#include "tosdiff/report/digest.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "tosdiff/model/severity.hpp"
#include "tosdiff/report/escape.hpp"
#include "tosdiff/report/record_text.hpp"
#include "tosdiff/report/word_diff.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"
#include "tosdiff/util/clock.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;
using time_point = std::chrono::system_clock::time_point;

const std::string kTitleSeparator = " \u2014 ";  // catalog titles: "<platform name> — <terms type>"

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string platform_name(const ChangeRecord& r) {
  const auto at = r.title.find(kTitleSeparator);
  return at == std::string::npos || at == 0 ? r.platform : r.title.substr(0, at);
}

std::string document_name(const ChangeRecord& r) {
  const auto at = r.title.find(kTitleSeparator);
  if (at == std::string::npos) return r.title.empty() ? r.document : r.title;
  return r.title.substr(at + kTitleSeparator.size());
}

// "2026-11-29T12:00:00Z" -> "2026-11-29 12:00 UTC"
std::string readable_time(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

bool is_substantive(const ChangeRecord& r) { return is_substantive_change(r); }

// 0 substantive, 1 new, 2 cosmetic: the order of sections in a group.
int kind_rank(const ChangeRecord& r) { return is_substantive(r) ? 0 : r.status == Status::new_document ? 1 : 2; }

std::string kind_word(const ChangeRecord& r) {
  if (is_substantive(r)) return r.severity == Severity::unclassified ? "changed" : std::string(to_string(r.severity));
  return r.status == Status::new_document ? "new" : "cosmetic";
}

std::string version_phrase(const DigestEntry& e) {
  const ChangeRecord& r = e.record;
  std::string out;
  if (r.current) out = "version " + r.current->version;
  if (r.previous) out += " (was " + r.previous->version + ")";
  const std::string when = readable_time(e.captured_at.empty() ? r.checked_at : e.captured_at);
  return out.empty() ? when : out + ", " + when;
}

// The substantive hunks shown for a change, and how many more there are.
std::vector<const Hunk*> shown_hunks(const ChangeRecord& r, std::size_t& more) {
  std::vector<const Hunk*> out;
  more = 0;
  if (!r.change || !is_substantive(r)) return out;
  for (const auto& h : r.change->hunks) {
    if (h.cosmetic) continue;
    if (out.size() < kDigestPlaces) out.push_back(&h);
    else ++more;
  }
  return out;
}

// The summary without the document's title, which the entry's heading already gives:
// "§ '8. Disputes' changed: +49/−30 words in 4 places; ...", "first version archived (...)".
std::string short_summary(const ChangeRecord& r) {
  std::string s = summarize(r);
  const std::string name = r.title.empty() ? r.platform + "/" + r.document : r.title;
  if (s.rfind(name, 0) == 0) {
    s.erase(0, name.size());
    if (s.rfind(": ", 0) == 0) s.erase(0, 2);
    else if (!s.empty() && s[0] == ' ') s.erase(0, 1);
  }
  return s;
}

// At most `limit` names, then "+N more" (the JSON digest and the record have them all).
std::vector<std::string> first_of(std::vector<std::string> names, std::size_t limit) {
  if (names.size() > limit) {
    const std::size_t more = names.size() - limit;
    names.resize(limit);
    names.push_back("+" + std::to_string(more) + " more");
  }
  return names;
}

constexpr std::size_t kNamedRegulations = 6;

std::string counts_line(const Digest& d) {
  std::vector<std::string> parts;
  parts.push_back(d.substantive == 0 ? "no substantive change" : substantive_headline(d));
  if (d.cosmetic) parts.push_back(plural(d.cosmetic, "cosmetic change", "cosmetic changes"));
  if (d.created) parts.push_back(plural(d.created, "new document", "new documents"));
  return join(parts, " \u00b7 ");
}

bool http_url(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

// ---- text -----------------------------------------------------------------------------------

struct Paint {
  bool on;
  std::string operator()(const char* code, const std::string& text) const {
    return on ? std::string("\x1b[") + code + "m" + text + "\x1b[0m" : text;
  }
};

const char* severity_color(const std::string& kind) {
  if (kind == "major") return "1;31";
  if (kind == "moderate") return "1;33";
  if (kind == "minor") return "33";
  if (kind == "new") return "1;34";
  return "2";
}

// ---- HTML -----------------------------------------------------------------------------------

const char* kFont = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

struct Badge {
  const char* fg;
  const char* bg;
  const char* border;
};

Badge badge_for(const std::string& kind) {
  if (kind == "major") return {"#ffffff", "#b91c1c", "#b91c1c"};
  if (kind == "moderate") return {"#ffffff", "#c2410c", "#c2410c"};
  if (kind == "minor") return {"#713f12", "#fef3c7", "#d97706"};
  if (kind == "info" || kind == "changed") return {"#374151", "#f3f4f6", "#9ca3af"};
  if (kind == "new") return {"#1e3a8a", "#dbeafe", "#3b82f6"};
  return {"#4b5563", "#f9fafb", "#d1d5db"};  // cosmetic
}

std::string html_entry(const DigestEntry& e) {
  const ChangeRecord& r = e.record;
  const std::string kind = kind_word(r);
  const Badge b = badge_for(kind);
  std::ostringstream o;
  o << "<tr><td style=\"padding:0 28px 14px 28px;\">"
    << "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
       "style=\"border-collapse:separate;border:1px solid #e5e7eb;border-left:4px solid " << b.border
    << ";border-radius:4px;\"><tr><td style=\"padding:12px 14px;font-family:" << kFont
    << ";font-size:14px;line-height:1.5;color:#1f2937;\">";
  o << "<span style=\"display:inline-block;padding:1px 7px;border-radius:3px;font-size:11px;font-weight:700;"
       "letter-spacing:0.04em;color:" << b.fg << ";background:" << b.bg << ";border:1px solid " << b.border << ";\">"
    << html_escape(upper(kind)) << "</span> "
    << "<strong style=\"font-size:15px;color:#111827;\">" << html_escape(document_name(r)) << "</strong> "
    << "<span style=\"color:#6b7280;font-size:12px;\">" << html_escape(version_phrase(e)) << "</span>";
  o << "<div style=\"margin:6px 0 0 0;\">" << html_escape(short_summary(r)) << "</div>";
  auto facts = [&](const char* label, const std::vector<std::string>& values, const char* color) {
    if (values.empty()) return;
    o << "<div style=\"margin:4px 0 0 0;font-size:13px;color:" << color << ";\"><span style=\"color:#6b7280;\">"
      << label << ":</span> " << html_escape(join(values, "; ")) << "</div>";
  };
  facts("Flags", flag_labels(r), "#991b1b");
  facts("Topics", topic_labels(r), "#1f2937");
  facts("Regulations", first_of(regulation_names(r), kNamedRegulations), "#1f2937");
  std::size_t more = 0;
  for (const Hunk* h : shown_hunks(r, more)) {
    o << "<div style=\"margin:10px 0 0 0;padding:8px 10px;background:#f9fafb;border-radius:3px;\">";
    if (!h->section.empty())
      o << "<div style=\"font-size:12px;color:#6b7280;margin:0 0 3px 0;\">\u00a7 "
        << html_escape(join(h->section, " \u203a ")) << "</div>";
    o << "<div style=\"font-size:14px;line-height:1.6;\">" << render_words(h->words, html_words()) << "</div></div>";
  }
  if (more)
    o << "<div style=\"margin:6px 0 0 0;font-size:12px;color:#6b7280;\">and " << plural(more, "more place", "more places")
      << " (tosdiff diff " << html_escape(r.platform + "/" + r.document) << ")</div>";
  if (!r.urls.empty() && http_url(r.urls.front()))
    o << "<div style=\"margin:8px 0 0 0;font-size:13px;\"><a href=\"" << html_escape(r.urls.front())
      << "\" style=\"color:#1d4ed8;\">Read the document</a></div>";
  o << "</td></tr></table></td></tr>\n";
  return o.str();
}

// ---- Markdown ---------------------------------------------------------------------------------


}  // namespace


Digest make_digest(std::vector<DigestEntry> entries) {
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
        o << indent << "  " << render_words(h->words, color ? terminal_words() : plain_words()) << "\n";
      }
      if (more) o << indent << "and " << plural(more, "more place", "more places") << "\n";
      if (is_substantive(r) && !r.urls.empty()) o << indent << paint("2", r.urls.front()) << "\n";
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
        o << render_words(h->words, markdown_words()) << "\n";
      }
      if (more) o << "\nand " << plural(more, "more place", "more places") << "\n";
      if (is_substantive(r) && !r.urls.empty() && http_url(r.urls.front()))
        o << "\n[Read the document](<" << r.urls.front() << ">)\n";
    }
  }
  return repair_utf8(o.str());
}

std::string digest_to_html(const Digest& d) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       "<meta name=\"color-scheme\" content=\"light\">\n"
    << "<title>" << html_escape(d.title) << "</title>\n</head>\n"
    << "<body style=\"margin:0;padding:0;background:#f3f4f6;\">\n"
    << "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
       "style=\"background:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">\n"
    << "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
       "style=\"max-width:720px;background:#ffffff;border:1px solid #e5e7eb;border-radius:6px;\">\n";
  o << "<tr><td style=\"padding:24px 28px 16px 28px;font-family:" << kFont << ";\">"
    << "<div style=\"font-size:12px;letter-spacing:0.08em;text-transform:uppercase;color:#6b7280;\">tosdiff</div>"
    << "<h1 style=\"margin:4px 0 6px 0;font-size:22px;line-height:1.3;color:#111827;\">" << html_escape(d.title) << "</h1>";
  if (!d.period.empty())
    o << "<div style=\"font-size:13px;color:#6b7280;\">" << html_escape(d.period) << "</div>";
  o << "<div style=\"margin:10px 0 0 0;font-size:14px;color:#374151;\">" << html_escape(counts_line(d)) << "</div>"
    << "</td></tr>\n";
  if (d.groups.empty())
    o << "<tr><td style=\"padding:0 28px 24px 28px;font-family:" << kFont
      << ";font-size:14px;color:#374151;\">Nothing changed.</td></tr>\n";
  for (const auto& g : d.groups) {
    o << "<tr><td style=\"padding:10px 28px 10px 28px;font-family:" << kFont << ";\">"
      << "<h2 style=\"margin:0;padding:0 0 6px 0;font-size:17px;color:#111827;border-bottom:1px solid #e5e7eb;\">"
      << html_escape(g.name);
    if (g.name != g.platform)
      o << " <span style=\"font-size:12px;font-weight:400;color:#9ca3af;\">" << html_escape(g.platform) << "</span>";
    o << "</h2></td></tr>\n";
    for (const auto& e : g.entries) o << html_entry(e);
  }
  o << "<tr><td style=\"padding:8px 28px 22px 28px;font-family:" << kFont
    << ";font-size:12px;line-height:1.5;color:#9ca3af;\">Generated by tosdiff"
    << (d.generated_at.empty() ? "" : " at " + html_escape(readable_time(d.generated_at)))
    << ". Removed words are <del style=\"background:#fde2e2;color:#991b1b;\">struck through</del>, added words "
       "<ins style=\"background:#dcfce7;color:#166534;text-decoration:none;font-weight:600;\">highlighted</ins>. "
       "Cosmetic changes (formatting, dates, numbering) are archived and listed, never alerted.</td></tr>\n";
  o << "</table>\n</td></tr></table>\n</body>\n</html>\n";
  return repair_utf8(o.str());
}

ordered_json digest_to_json(const Digest& d) {
  ordered_json j;
  j["schema_version"] = 1;
  j["title"] = d.title;
  if (!d.since.empty()) j["since"] = d.since;
  if (!d.until.empty()) j["until"] = d.until;
  j["generated_at"] = d.generated_at;
  j["counts"] = {{"substantive", d.substantive}, {"cosmetic", d.cosmetic}, {"new", d.created}};
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
    groups.push_back({{"platform", g.platform}, {"name", g.name}, {"changes", std::move(changes)}});
  }
  j["groups"] = std::move(groups);
  return j;
}

}  // namespace tosdiff
