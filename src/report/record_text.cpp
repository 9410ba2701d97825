#include "tosdiff/report/record_text.hpp"

#include <algorithm>
#include <sstream>

#include "tosdiff/report/paint.hpp"
#include "tosdiff/report/place_view.hpp"
#include "tosdiff/report/word_diff.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {



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
  // A table's changed cells, each named by its row and column: a row of twenty cells says
  // little about which one changed.
  if (!h.cells.empty()) {
    for (const PlaceLine& line : place_lines(h))
      out << "  " << render_place_line(line, paint.on ? terminal_words() : plain_words()) << "\n";
    return;
  }
  // Short blocks read best whole; long ones (legal paragraphs run to thousands of
  // characters) as a word diff with bounded context.
  const bool pair_of_lines = h.old_lines == 1 && h.new_lines == 1;
  if (lines_are_short(h) && !pair_of_lines) {
    for (const auto& l : h.lines)
      out << (l.op == '-' ? paint("31", "- " + l.text) : paint("32", "+ " + l.text)) << "\n";
    return;
  }
  out << "  " << render_words(h.words, paint.on ? terminal_words() : plain_words()) << "\n";
}

std::string render_text_report(const ChangeRecord& r, const TextStyle& style);

}  // namespace

std::string summarize(const ChangeRecord& r) {
  const std::string name = r.title.empty() ? r.platform + "/" + r.document : r.title;
  if (r.status == Status::new_document)
    return name + ": first version archived (" + counted(r.blocks, "block") + ", " + counted(r.words, "word") + ")";
  if (r.status == Status::error)
    return name + ": " + (r.error ? std::string(to_string(r.error->kind)) + ": " + r.error->message : "error");
  if (r.status != Status::changed || !r.change) return name + ": " + std::string(to_string(r.status));
  if (!r.rules_changed.empty() && r.change->hunks.empty())
    return name + ": read again with new rules (" + join(r.rules_changed, "; ") + ")" +
           // Read another way, or a page added: what reads differently is taken as it is, and
           // whether the page changed on this check is not known (a red team's find).
           (std::any_of(r.rules_changed.begin(), r.rules_changed.end(),
                        [](const std::string& said) { return said.find(kTakenAsItIs) != std::string::npos; })
                ? "; a change of the page on this check is not told apart"
                : "; the page itself did not change");
  if (r.language_changed && r.language_changed->compared_with.empty())
    return name + ": the page switched language (" + r.language_changed->from + " -> " + r.language_changed->to +
           "); a translation is not compared word by word";
  const Change& c = *r.change;
  // The section named is the one of the largest change that counts.
  const Hunk* first = nullptr;
  std::size_t largest = 0;
  for (const auto& h : c.hunks) {
    if (h.cosmetic && r.significance != Significance::cosmetic) continue;
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
  const bool substantive = r.significance == Significance::substantive;
  const DiffStats& s = substantive ? c.substantive_stats : c.stats;
  const auto places = static_cast<std::size_t>(std::count_if(
      c.hunks.begin(), c.hunks.end(), [&](const Hunk& h) { return !substantive || !h.cosmetic; }));
  std::string out = name + where + " changed: +" + std::to_string(s.words_added) + "/\u2212" +
                    std::to_string(s.words_removed) + " words in " + std::to_string(places) +
                    (places == 1 ? " place" : " places");
  if (r.significance == Significance::cosmetic) out += " (cosmetic: " + join(r.cosmetic_kinds, ", ") + ")";
  if (!r.reverts_to.empty()) out += "; same text as version " + r.reverts_to;
  if (r.language_changed)
    out += "; back in " + r.language_changed->to + ", compared with version " + r.language_changed->compared_with;
  if (!r.topics.empty()) {
    constexpr std::size_t kNamed = 3;  // a summary is one line
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < r.topics.size() && i < kNamed; ++i) labels.push_back(r.topics[i].label);
    out += "; topics: " + join(labels, ", ");
    if (r.topics.size() > kNamed) out += " (+" + std::to_string(r.topics.size() - kNamed) + " more)";
  }
  if (r.severity != Severity::unclassified) out += "; severity " + std::string(to_string(r.severity));
  return out;
}

std::string record_to_text(const ChangeRecord& r, const TextStyle& style) {
  // Page text is valid UTF-8 by construction, but a record read back from disk may not be.
  return repair_utf8(render_text_report(r, style));
}

namespace {

std::string render_text_report(const ChangeRecord& r, const TextStyle& style) {
  Paint paint{style.color};
  std::ostringstream out;
  const std::string key = r.platform + "/" + r.document;
  auto warnings = [&] {
    for (const auto& w : r.warnings) out << "  " << paint("33", "warning: ") << w << "\n";
  };
  if (r.status == Status::unchanged) {
    if (style.verbose || !r.warnings.empty()) {
      out << paint("2", "unchanged  " + key);
      if (style.verbose && !r.held_return.empty())
        out << paint("2", "  (the page shows the text of version " + r.held_return +
                              " again: held until it lasts, `tosdiff accept " + key + "` takes it now)");
      if (style.verbose && !r.held_language.empty())
        out << paint("2", "  (the page shows the document in '" + r.held_language +
                              "': held until it lasts, `tosdiff accept " + key + "` takes it now)");
      out << "\n";
    }
    warnings();
    return out.str();
  }
  if (r.status == Status::error) {
    out << paint("1;33", "ERROR") << "    " << paint("1", key) << "  " << r.title << "\n";
    if (r.error) out << "  " << r.error->kind << ": " << r.error->message << "\n";
    if (r.held_change) {
      // Said under the error the reader sees at every check of the hold: the page is moving
      // meanwhile, and what it says, with no version to stand on.
      out << "  " << paint("1;35", "held text changed: ") << r.held_change->summary << "\n"
          << "  compared with the held text as seen " << r.held_change->last_seen
          << "; neither is archived as a version: the baseline is unconfirmed\n";
      for (const auto& h : r.held_change->change.hunks)
        if (!h.cosmetic || style.verbose) render_hunk(out, h, paint);
    }
    return out.str();
  }
  if (r.status == Status::new_document) {
    out << paint("1;34", "NEW") << "      " << paint("1", key) << "  " << summarize(r) << "\n";
    warnings();
    return out.str();
  }
  const bool cosmetic = r.significance == Significance::cosmetic;
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

std::vector<std::string> topic_labels(const ChangeRecord& result) {
  std::vector<std::string> out;
  for (const auto& t : result.topics) out.push_back(t.label);
  return out;
}

std::vector<std::string> flag_labels(const ChangeRecord& result) {
  std::vector<std::string> out;
  for (const auto& f : result.flags) out.push_back(f.label);
  return out;
}

std::vector<std::string> regulation_names(const ChangeRecord& result) {
  std::vector<std::string> out;
  for (const auto& g : result.regulations) out.push_back(g.name);
  return out;
}

}  // namespace tosdiff
