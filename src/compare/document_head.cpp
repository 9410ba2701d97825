#include "tosdiff/compare/document_head.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/page_controls.hpp"
#include "tosdiff/compare/variants.hpp"
#include "tosdiff/compare/word_lists.hpp"
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

constexpr std::size_t kTitleSuffixMaxWords = 4;
// After the quotes fold, which writes dashes as "-".
constexpr std::string_view kTitleBars[] = {" | ", " - ", " \xC2\xB7 "};

// `longer` is `shorter` with a site's name after a bar, the page's <title> convention
// ("Community Guidelines" / "Community Guidelines | Pinterest Policy": replay, a platform's
// guidelines): at most kTitleSuffixMaxWords words, no digit (an edition or a year is news).
bool adds_a_site_name(std::string_view shorter, std::string_view longer) {
  const std::string a = canonicalize(shorter, kFoldWhitespace | kFoldQuotes | kFoldCase);
  const std::string b = canonicalize(longer, kFoldWhitespace | kFoldQuotes | kFoldCase);
  if (a.empty() || b.size() <= a.size() || b.compare(0, a.size(), a) != 0) return false;
  const std::string_view rest = std::string_view(b).substr(a.size());
  for (std::string_view bar : kTitleBars) {
    if (rest.substr(0, bar.size()) != bar) continue;
    const std::string_view name = rest.substr(bar.size());
    const std::size_t words = count_space_separated_words(name);
    return words >= 1 && words <= kTitleSuffixMaxWords &&
           std::none_of(name.begin(), name.end(), [](char c) { return is_ascii_digit(c); });
  }
  return false;
}

// The first hunk puts a site's name after the title, or takes it away, and nothing else.
bool only_the_titles_site_name(const Hunk& hunk) {
  if (hunk.old_start != 1 || hunk.new_start != 1 || hunk.lines.size() != 2) return false;
  const LineOp& removed = hunk.lines[0];
  const LineOp& added = hunk.lines[1];
  if (removed.op != '-' || added.op != '+') return false;
  // Either may read as a table's row: "Community Guidelines | Pinterest Policy" has its bar.
  const Block before = parse_block(removed.text), after = parse_block(added.text);
  if (before.kind == BlockKind::list_item || after.kind == BlockKind::list_item) return false;
  return adds_a_site_name(before.text, after.text) || adds_a_site_name(after.text, before.text);
}

constexpr std::size_t kHeadLineMaxWords = 20, kDocumentNameMaxWords = 5;

// A document's name as a title writes it: at most kDocumentNameMaxWords words, one of them a
// document word ("Terms of Service", "Privacy Policy", "Community Guidelines"), each
// capitalised or a joining word ("of", "and", "&").
bool is_document_name(std::string_view text) {
  const std::vector<std::string> words = space_separated_words(text);
  if (words.empty() || words.size() > kDocumentNameMaxWords) return false;
  bool document_word = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    const std::string lower = canonicalize(word, kFoldToWords);
    // Joined inside the name only: "and the Arbitration Agreement" adds a document to a sentence.
    if (lower == "of" || lower == "and" || lower == "&" || lower == "the") {
      if (i == 0 || i + 1 == words.size()) return false;
      continue;
    }
    if (word.empty() || word.front() < 'A' || word.front() > 'Z') return false;
    document_word = document_word || is_one_of(lower, kDocumentWords);
  }
  return document_word;
}

// The name once or twice in a row: the title's heading and the line's first words are one run
// of the word diff.
// `name` (kFoldToWords) ends one of the titles (the headings among the first blocks of either
// text): "Privacy Notice" for "# Twitch.tv Privacy Notice". "Arbitration Agreement" beside a
// date line of the Terms of Service names another document.
bool ends_a_title(const std::string& name, const std::vector<std::string>& titles) {
  return std::any_of(titles.begin(), titles.end(), [&](const std::string& title) {
    return title.ends_with(name) && (title.size() == name.size() || title[title.size() - name.size() - 1] == ' ');
  });
}

bool is_document_names(std::string_view text, const std::vector<std::string>& titles) {
  auto titled = [&](std::string_view name) {
    return is_document_name(name) && ends_a_title(canonicalize(name, kFoldToWords), titles);
  };
  if (titled(text)) return true;
  const std::vector<std::string> words = space_separated_words(text);
  for (std::size_t cut = 1; cut < words.size(); ++cut) {
    std::string first, second;
    for (std::size_t i = 0; i < words.size(); ++i) (i < cut ? first : second) += (i == 0 || i == cut ? "" : " ") + words[i];
    if (titled(first) && titled(second)) return true;
  }
  return false;
}

constexpr std::size_t kHeadTitleWithinBlocks = 5;

std::vector<std::string> titles_of(const Text& before, const Text& after) {
  std::vector<std::string> titles;
  for (const Text* text : {&before, &after})
    for (std::size_t i = 0; i < text->blocks.size() && i < kHeadTitleWithinBlocks; ++i)
      if (text->blocks[i].kind == BlockKind::heading) titles.push_back(canonicalize(text->blocks[i].text, kFoldToWords));
  return titles;
}

// The first hunk takes the document's name out of the head line that carries its date, or
// puts it in, the date the same ("Terms of Service Last modified on 04/02/2025 See prior
// versions of Terms of Service" / "Last modified on 04/02/2025 See prior versions of":
// pga replay, a streaming site's terms, the title's words no longer glued to the line).
bool only_the_name_beside_the_date(const Hunk& hunk, const std::vector<std::string>& titles) {
  if (hunk.old_start != 1 || hunk.new_start != 1) return false;
  // One line each side, and maybe the title above, a heading that is the document's name.
  std::vector<const LineOp*> removed, added;
  for (const LineOp& line : hunk.lines) {
    const Block block = parse_block(line.text);
    if (block.kind == BlockKind::heading && is_document_name(block.text)) continue;
    (line.op == '-' ? removed : added).push_back(&line);
  }
  if (removed.size() != 1 || added.size() != 1 || hunk.lines.size() > 4) return false;
  const Block before = parse_block(removed.front()->text), after = parse_block(added.front()->text);
  if (count_space_separated_words(before.text) > kHeadLineMaxWords ||
      count_space_separated_words(after.text) > kHeadLineMaxWords)
    return false;
  // A line of labels, no sentence: "Effective May 1, 2026. These Terms and the Arbitration
  // Agreement bind every user" is a clause beside the date.
  for (std::string_view line : {std::string_view(before.text), std::string_view(after.text)})
    if (line.find(". ") != std::string_view::npos || line.find("; ") != std::string_view::npos) return false;
  const std::set<std::string> dates = dates_named(before.text);
  if (dates.empty() || dates != dates_named(after.text)) return false;
  // At the line's edges, where a glued title sits: "Effective May 1, 2026: Terms of Service,
  // Arbitration Agreement, Privacy Policy" losing the agreement inside its list is news.
  for (std::size_t i = 1; i + 1 < hunk.words.size(); ++i)
    if (hunk.words[i].op != '=' && hunk.words[i - 1].op == '=' && hunk.words[i + 1].op == '=') return false;
  const std::vector<WordEdit> edits = word_edits(hunk);
  return !edits.empty() && std::all_of(edits.begin(), edits.end(), [&](const WordEdit& edit) {
    return edit.removed.empty() != edit.added.empty() &&
           is_document_names(edit.removed.empty() ? edit.added : edit.removed, titles);
  });
}

}  // namespace

void mark_document_head(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  if (hunks.empty()) return;
  Hunk& hunk = hunks.front();
  if (!hunk.cosmetic && only_the_titles_site_name(hunk)) {
    mark_cosmetic(hunk, "page_header");
    return;
  }
  if (!hunk.cosmetic && only_the_name_beside_the_date(hunk, titles_of(before, after))) {
    mark_cosmetic(hunk, "document_head");
    return;
  }
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
