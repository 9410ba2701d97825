#include "tosdiff/compare/document_head.hpp"

#include <optional>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/page_controls.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kHeadMaxBlocks = 3;
constexpr std::size_t kTitleMaxWords = 12;

bool is_head_block(std::string_view rendered) {
  const Block block = parse_block(rendered);
  return block.kind == BlockKind::heading || is_date_line(block.text);  // "à jour du 10/12/2021" too
}

// A title put back on top of the text: headings only (a date or a sentence is news).
bool is_head_heading(std::string_view rendered) {
  const Block block = parse_block(rendered);
  return block.kind == BlockKind::heading && count_space_separated_words(block.text) <= kTitleMaxWords &&
         !contains_iso_date(rewrite_dates(block.text));
}

constexpr std::size_t kTitleWithinBlocks = 3;
constexpr std::size_t kSegmentMaxWords = 4;

// What a page puts beside a title: its site's name or a badge, after a separator.
constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: "};
constexpr std::string_view kBadges[] = {"new", "updated", "beta", "neu", "aktualisiert", "nouveau", "nouvelle",
                                        "nuevo", "nueva", "nuovo", "nuova", "novo", "nova", "nieuw"};

std::string trimmed_word(const std::string& word) {
  std::size_t from = 0, to = word.size();
  while (from < to && !is_ascii_letter(word[from]) && !is_ascii_digit(word[from]) &&
         static_cast<unsigned char>(word[from]) < 0x80)
    ++from;
  while (to > from && !is_ascii_letter(word[to - 1]) && !is_ascii_digit(word[to - 1]) &&
         static_cast<unsigned char>(word[to - 1]) < 0x80)
    --to;
  return word.substr(from, to - from);
}

// The segment `longer` has beyond `shorter` (`<shorter><sep><segment>` or `<segment><sep><shorter>`).
std::optional<std::string> title_segment(std::string_view longer, std::string_view shorter) {
  if (shorter.empty() || longer.size() <= shorter.size()) return std::nullopt;
  for (std::string_view sep : kTitleSeparators) {
    if (longer.substr(0, shorter.size()) == shorter && longer.substr(shorter.size(), sep.size()) == sep)
      return std::string(longer.substr(shorter.size() + sep.size()));
    const std::size_t tail = longer.size() - shorter.size();
    if (tail >= sep.size() && longer.substr(tail) == shorter && longer.substr(tail - sep.size(), sep.size()) == sep)
      return std::string(longer.substr(0, tail - sep.size()));
  }
  return std::nullopt;
}

// Whether every word of the segment is a badge or a name the texts write elsewhere, as written
// ("Pinterest", "Policy"). A region's code ("EU", "UK") names whom the document is for: never.
bool is_site_name_or_badge(const std::string& segment, const Text& before, const Text& after, std::size_t skip_before,
                           std::size_t skip_after) {
  const std::vector<std::string> words = space_separated_words(segment);
  if (words.empty() || words.size() > kSegmentMaxWords) return false;
  for (const std::string& raw : words) {
    const std::string word = trimmed_word(raw);
    if (word.empty()) continue;
    const std::string lower = tosdiff::ascii_lower(word);
    bool badge = false;
    for (std::string_view b : kBadges) badge = badge || lower == b;
    if (badge) continue;
    if (word.size() <= 3 && tosdiff::ascii_lower(word) != word) return false;  // EU, UK, USA, EEA
    bool named = false;
    auto look = [&](const Text& text, std::size_t skip) {
      for (std::size_t i = 0; i < text.blocks.size() && !named; ++i) {
        if (i == skip) continue;
        for (const std::string& other : space_separated_words(text.blocks[i].text))
          if (trimmed_word(other) == word) { named = true; break; }
      }
    };
    look(before, skip_before);
    look(after, skip_after);
    if (!named) return false;
  }
  return true;
}

}  // namespace

void mark_title_segment(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  if (hunks.empty()) return;
  Hunk& hunk = hunks.front();
  if (hunk.cosmetic || hunk.old_lines != 1 || hunk.new_lines != 1 || hunk.lines.size() != 2) return;
  if (hunk.old_start == 0 || hunk.new_start == 0 || hunk.old_start > kTitleWithinBlocks ||
      hunk.new_start > kTitleWithinBlocks)
    return;
  const Block old_block = parse_block(hunk.lines[0].op == '-' ? hunk.lines[0].text : hunk.lines[1].text);
  const Block new_block = parse_block(hunk.lines[0].op == '+' ? hunk.lines[0].text : hunk.lines[1].text);
  if (old_block.kind != BlockKind::heading || new_block.kind != BlockKind::heading) return;
  // Only headings above it: this is the document's title.
  for (std::size_t i = 0; i + 1 < hunk.old_start && i < before.blocks.size(); ++i)
    if (before.blocks[i].kind != BlockKind::heading) return;
  const std::string old_title(trim(old_block.text)), new_title(trim(new_block.text));
  std::optional<std::string> segment = title_segment(old_title, new_title);
  if (!segment) segment = title_segment(new_title, old_title);
  if (!segment || !is_site_name_or_badge(*segment, before, after, hunk.old_start - 1, hunk.new_start - 1)) return;
  mark_cosmetic(hunk, "document_head");
}

void mark_document_head(std::vector<Hunk>& hunks) {
  if (hunks.empty()) return;
  Hunk& hunk = hunks.front();
  if (!hunk.cosmetic && hunk.old_lines == 0 && hunk.new_start == 1 && hunk.new_lines <= kHeadMaxBlocks) {
    bool heading = false, all = true;
    for (const LineOp& line : hunk.lines) {
      const bool title = is_head_heading(line.text);
      heading = heading || title;
      all = all && (title || is_text_block(line.text, is_page_control_label));
    }
    if (heading && all) mark_cosmetic(hunk, "document_head");
    return;
  }
  // GNU numbering: a hunk starting at the top removes from line 1.
  if (hunk.cosmetic || hunk.old_start != 1 || hunk.old_lines == 0 || hunk.old_lines > kHeadMaxBlocks) return;
  // What took the head's place, if anything, is the page's own controls ("Download Lumenfield").
  for (const LineOp& line : hunk.lines)
    if (line.op == '-' ? !is_head_block(line.text) : !is_text_block(line.text, is_page_control_label)) return;
  mark_cosmetic(hunk, "document_head");
}

}  // namespace tosdiff
