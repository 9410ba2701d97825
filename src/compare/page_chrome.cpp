#include "tosdiff/compare/page_chrome.hpp"

#include <string_view>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/model/copyright_line.hpp"
#include "tosdiff/model/language_names.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kChromeMinLines = 15;
constexpr std::size_t kChromeLabelWords = 6;
constexpr std::size_t kChromeDocumentWords = 150;
constexpr std::size_t kChromeCopyrightWords = 30;
constexpr std::size_t kChromeFooterLinks = 2;
constexpr std::size_t kChromeLanguages = 5;
// Prose may hold a fifth of a menu's words above the document, a third of a footer's below it:
// a footer has its copyright line and its disclaimers, and its marks (links, copyright,
// languages) already tell it from a document put below.
constexpr std::size_t kHeaderProseParts = 5;
constexpr std::size_t kFooterProseParts = 3;

// A menu entry, a column's title, a language's name: a few words that end no sentence.
bool is_chrome_label(std::string_view text) {
  const std::string_view label = trim(text);
  if (count_space_separated_words(label) > kChromeLabelWords) return false;
  return label.empty() || (label.back() != '.' && label.back() != ';');
}

// What one side of the hunk puts in or takes away: its lines read back as blocks.
std::vector<Block> piece_of(const Hunk& hunk, char op) {
  std::vector<Block> piece;
  for (const LineOp& line : hunk.lines)
    if (line.op == op) piece.push_back(parse_block(line.text));
  return piece;
}

// Two thirds labels: a menu's entries may each carry a teaser ("Tools to help you serve our
// communities."; contrib replay: a payment provider's menu, shown twice, above its policy).
//
// And its words are the labels': the prose in it (blocks of 13 words or more with a sentence's
// punctuation, or over 40 words) is at most one part in `prose_parts` of its words. A document
// put above the old one has short lines too, its tables' cells ("Contact info", "User ID,
// device IDs"), but its paragraphs carry its words (france replay: a music service's new
// privacy notice put above the one it replaces, 207 lines, read as a menu until this).
bool mostly_labels(const std::vector<Block>& piece, std::size_t prose_parts) {
  std::size_t labels = 0, words = 0, prose_words = 0;
  for (const Block& block : piece) {
    labels += is_chrome_label(block.text) ? 1 : 0;
    const std::size_t n = count_space_separated_words(block.text);
    words += n;
    prose_words += is_prose(block.text) ? n : 0;
  }
  return labels * 3 >= piece.size() * 2 && prose_words * prose_parts <= words;
}

// The marks of a site's footer: its usual links, its copyright line, its language switcher.
bool reads_as_footer(const std::vector<Block>& piece) {
  std::size_t links = 0, languages = 0;
  for (const Block& block : piece) {
    if (is_copyright_text(block.text, kChromeCopyrightWords)) return true;
    links += footer_links_in(block.text);
    languages += is_language_name(block.text) ? 1 : 0;
  }
  return links >= kChromeFooterLinks || languages >= kChromeLanguages;
}

std::size_t words_in(const Text& text) {
  std::size_t words = 0;
  for (const Block& block : text.blocks) words += count_space_separated_words(block.text);
  return words;
}

}  // namespace

void mark_page_chrome(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    const bool removal = hunk.new_lines == 0 && hunk.old_lines >= kChromeMinLines;
    const bool insertion = hunk.old_lines == 0 && hunk.new_lines >= kChromeMinLines;
    if (!removal && !insertion) continue;
    // The side that keeps its text (insertion point, 1-based GNU starts) and the side whose piece changes.
    const Text& kept = removal ? after : before;
    const Text& grown = removal ? before : after;
    const std::size_t kept_at = removal ? hunk.new_start : hunk.old_start;
    const std::size_t piece_start = removal ? hunk.old_start : hunk.new_start;
    const std::size_t piece_lines = removal ? hunk.old_lines : hunk.new_lines;
    const bool at_start = kept_at == 0 && piece_start == 1;
    const bool at_end = kept_at == kept.blocks.size() && piece_start + piece_lines - 1 == grown.blocks.size();
    if (!at_start && !at_end) continue;
    if (words_in(kept) < kChromeDocumentWords) continue;
    const std::vector<Block> piece = piece_of(hunk, removal ? '-' : '+');
    if (at_start && mostly_labels(piece, kHeaderProseParts)) {
      mark_cosmetic(hunk, "site_menu");
    } else if (at_end && mostly_labels(piece, kFooterProseParts) && reads_as_footer(piece)) {
      mark_cosmetic(hunk, "page_footer");
    }
  }
}

}  // namespace tosdiff
