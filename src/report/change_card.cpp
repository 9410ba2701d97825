#include "tosdiff/report/change_card.hpp"

#include <sstream>

#include "tosdiff/report/change_words.hpp"
#include "tosdiff/report/digest.hpp"
#include "tosdiff/report/escape.hpp"
#include "tosdiff/report/place_view.hpp"
#include "tosdiff/report/record_text.hpp"
#include "tosdiff/report/word_diff.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

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
  if (kind == "note") return {"#065f46", "#d1fae5", "#10b981"};
  return {"#4b5563", "#f9fafb", "#d1d5db"};  // cosmetic
}

std::string badge(const std::string& kind) {
  const Badge b = badge_for(kind);
  return std::string("<span style=\"display:inline-block;padding:1px 7px;border-radius:3px;font-size:11px;"
                     "font-weight:700;letter-spacing:0.04em;color:") +
         b.fg + ";background:" + b.bg + ";border:1px solid " + b.border + ";\">" + html_escape(upper(kind)) + "</span>";
}

// The bordered box of a card, opened and closed around its content.
std::string box_open(const std::string& kind) {
  return std::string("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                     "style=\"border-collapse:separate;border:1px solid #e5e7eb;border-left:4px solid ") +
         badge_for(kind).border + ";border-radius:4px;\"><tr><td style=\"padding:12px 14px;font-family:" + kFont +
         ";font-size:14px;line-height:1.5;color:#1f2937;\">";
}
const char* kBoxClose = "</td></tr></table>";

std::string row(const std::string& content) {
  return "<tr><td style=\"padding:0 28px 14px 28px;\">" + content + "</td></tr>\n";
}

std::string card_content(const ChangeRecord& r, const std::string& captured_at, const CardOptions& options) {
  const std::string kind = kind_word(r);
  std::ostringstream o;
  o << box_open(kind) << badge(kind) << " <strong style=\"font-size:15px;color:#111827;\">"
    << html_escape(document_name(r)) << "</strong> <span style=\"color:#6b7280;font-size:12px;\">"
    << html_escape(version_phrase(r, captured_at)) << "</span>";
  o << "<div style=\"margin:6px 0 0 0;\">" << html_escape(short_summary(r)) << "</div>";
  auto facts = [&](const char* label, const std::vector<std::string>& values, const char* color) {
    if (values.empty()) return;
    o << "<div style=\"margin:4px 0 0 0;font-size:13px;color:" << color << ";\"><span style=\"color:#6b7280;\">"
      << label << ":</span> " << html_escape(join(values, "; ")) << "</div>";
  };
  facts("Flags", flag_labels(r), "#991b1b");
  facts("Topics", topic_labels(r), "#1f2937");
  facts("Regulations", first_of(regulation_names(r), kNamedRegulations), "#1f2937");
  std::vector<const Hunk*> hunks;
  std::size_t more = 0;
  if (options.cosmetic_places && r.change) {
    for (const Hunk& h : r.change->hunks) {
      if (hunks.size() < options.max_places) hunks.push_back(&h);
      else ++more;
    }
  } else {
    hunks = shown_hunks(r, options.max_places, more);
  }
  for (const Hunk* h : hunks) {
    o << "<div style=\"margin:10px 0 0 0;padding:8px 10px;background:#f9fafb;border-radius:3px;\">";
    if (!h->section.empty() || h->cosmetic) {
      o << "<div style=\"font-size:12px;color:#6b7280;margin:0 0 3px 0;\">";
      if (!h->section.empty()) o << "\u00a7 " << html_escape(join(h->section, " \u203a "));
      if (h->cosmetic)
        o << (h->section.empty() ? "" : " \u00b7 ") << "cosmetic"
          << (h->cosmetic_kinds.empty() ? "" : " (" + html_escape(join(h->cosmetic_kinds, ", ")) + ")");
      o << "</div>";
    }
    for (const PlaceLine& line : place_lines(*h)) {
      o << "<div style=\"font-size:14px;line-height:1.6;" << (line.role == PlaceLine::Role::heading ? "font-weight:700;" : "")
        << "\">";
      if (!line.label.empty()) o << "<span style=\"color:#6b7280;\">" << html_escape(line.label) << ":</span> ";
      o << render_words(line.words, html_words()) << "</div>";
    }
    o << "</div>";
  }
  if (more)
    o << "<div style=\"margin:6px 0 0 0;font-size:12px;color:#6b7280;\">and " << plural(more, "more place", "more places")
      << " (tosdiff diff " << html_escape(r.platform + "/" + r.document) << ")</div>";
  if (!r.urls.empty() && http_url(r.urls.front()))
    o << "<div style=\"margin:8px 0 0 0;font-size:13px;\"><a href=\"" << html_escape(r.urls.front())
      << "\" style=\"color:#1d4ed8;\">Read the document</a></div>";
  o << kBoxClose;
  return o.str();
}

}  // namespace

std::string change_card_html(const ChangeRecord& r, const std::string& captured_at, const CardOptions& options) {
  return row(card_content(r, captured_at, options));
}

std::string change_card_fragment(const ChangeRecord& r, const std::string& captured_at, const CardOptions& options) {
  return repair_utf8(card_content(r, captured_at, options));
}

std::string note_card_html(const DigestNote& note) {
  std::ostringstream o;
  o << box_open("note") << badge("note") << " <strong style=\"font-size:15px;color:#111827;\">"
    << html_escape(note.document_name) << "</strong> <span style=\"color:#6b7280;font-size:12px;\">"
    << html_escape((note.version.empty() ? "" : "on version " + note.version + ", ") + readable_time(note.at))
    << "</span><div style=\"margin:6px 0 0 0;white-space:pre-wrap;\">" << html_escape(note.text) << "</div>" << kBoxClose;
  return row(o.str());
}

std::string message_row_html(const std::string& text) {
  std::ostringstream o;
  o << "<tr><td style=\"padding:0 28px 24px 28px;font-family:" << kFont << ";font-size:14px;color:#374151;\">"
    << html_escape(text) << "</td></tr>\n";
  return o.str();
}

std::string group_heading_html(const std::string& name, const std::string& platform) {
  std::ostringstream o;
  o << "<tr><td style=\"padding:10px 28px 10px 28px;font-family:" << kFont << ";\">"
    << "<h2 style=\"margin:0;padding:0 0 6px 0;font-size:17px;color:#111827;border-bottom:1px solid #e5e7eb;\">"
    << html_escape(name);
  if (name != platform)
    o << " <span style=\"font-size:12px;font-weight:400;color:#9ca3af;\">" << html_escape(platform) << "</span>";
  o << "</h2></td></tr>\n";
  return o.str();
}

std::string html_page(const HtmlPage& page, const std::string& rows) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       "<meta name=\"color-scheme\" content=\"light\">\n"
    << "<title>" << html_escape(page.title) << "</title>\n</head>\n"
    << "<body style=\"margin:0;padding:0;background:#f3f4f6;\">\n"
    << "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
       "style=\"background:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">\n"
    << "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
       "style=\"max-width:720px;background:#ffffff;border:1px solid #e5e7eb;border-radius:6px;\">\n";
  o << "<tr><td style=\"padding:24px 28px 16px 28px;font-family:" << kFont << ";\">"
    << "<div style=\"font-size:12px;letter-spacing:0.08em;text-transform:uppercase;color:#6b7280;\">tosdiff</div>"
    << "<h1 style=\"margin:4px 0 6px 0;font-size:22px;line-height:1.3;color:#111827;\">" << html_escape(page.title)
    << "</h1>";
  if (!page.period.empty()) o << "<div style=\"font-size:13px;color:#6b7280;\">" << html_escape(page.period) << "</div>";
  if (!page.counts.empty())
    o << "<div style=\"margin:10px 0 0 0;font-size:14px;color:#374151;\">" << html_escape(page.counts) << "</div>";
  o << "</td></tr>\n" << rows;
  o << "<tr><td style=\"padding:8px 28px 22px 28px;font-family:" << kFont
    << ";font-size:12px;line-height:1.5;color:#9ca3af;\">Generated by tosdiff"
    << (page.generated_at.empty() ? "" : " at " + html_escape(readable_time(page.generated_at)))
    << ". Removed words are <del style=\"background:#fde2e2;color:#991b1b;\">struck through</del>, added words "
       "<ins style=\"background:#dcfce7;color:#166534;text-decoration:none;font-weight:600;\">highlighted</ins>. "
       "Cosmetic changes (formatting, dates, numbering) are archived and listed, never alerted.</td></tr>\n";
  o << "</table>\n</td></tr></table>\n</body>\n</html>\n";
  return repair_utf8(o.str());
}

}  // namespace tosdiff
