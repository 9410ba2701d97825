#include "tosdiff/compare/table_of_contents.hpp"

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/page_controls.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kEntryMaxWords = 20;
constexpr std::size_t kMinEntries = 3;

// Each heading's comparison key, with its position (the first, when repeated). Only the
// headings are keyed: a text has few.
std::unordered_map<std::string, std::size_t> heading_positions(const Text& text) {
  std::unordered_map<std::string, std::size_t> positions;
  for (std::size_t i = 0; i < text.blocks.size(); ++i) {
    if (text.blocks[i].kind != BlockKind::heading) continue;
    std::string key = comparison_key(text.blocks[i].text);
    if (!key.empty()) positions.emplace(std::move(key), i);
  }
  return positions;
}

// A table of contents' own title, heading or not ("Contents", "On this page", "Sommaire",
// "Inhaltsverzeichnis"), in the languages of the collections tosdiff reads.
bool is_table_title(std::string_view text) {
  static const std::set<std::string> kTitles = {
      "contents", "table of contents", "on this page", "in this article", "in this policy", "jump to",
      "sommaire", "table des matières", "contenu", "sur cette page", "inhalt", "inhaltsverzeichnis", "auf dieser seite",
      "índice", "indice", "contenido", "contenidos", "en esta página", "sommario", "in questa pagina", "conteúdo",
      "sumário", "nesta página", "inhoud", "inhoudsopgave", "op deze pagina"};
  return count_space_separated_words(text) <= 4 && kTitles.count(canonicalize(text, kFoldToWords)) > 0;
}

// The lines of one side of the hunk all list headings of that side, in their order, under
// the table's own title maybe.
bool lists_headings(const Hunk& hunk, char op, const std::unordered_map<std::string, std::size_t>& headings,
                    std::size_t& entries) {
  bool first = true, titled = false;
  std::size_t last = 0;
  for (const LineOp& line : hunk.lines) {
    if (line.op != op) continue;
    const Block block = parse_block(line.text);
    if (first && !titled && is_table_title(block.text)) {
      titled = true;
      continue;
    }
    if (first && titled && is_page_furniture_phrase(block.text)) continue;  // "Toggle" under "On this page:"
    if (block.kind == BlockKind::heading || count_space_separated_words(block.text) > kEntryMaxWords) return false;
    const auto it = headings.find(comparison_key(block.text));
    if (it == headings.end() || (!first && it->second <= last)) return false;
    first = false;
    last = it->second;
    ++entries;
  }
  return true;
}

// A table of contents catching up with its text: an entry or two put in (or taken out of) a
// table the text already has, for sections that are in both texts (replay: a dating site's
// terms listed a section its table had missed). A new section is news in its own hunk; its
// entry in the table, beside it, names a heading the old text does not have, and stays news.
bool catches_up(const Hunk& hunk, const std::unordered_map<std::string, std::size_t>& before_headings,
                const std::unordered_map<std::string, std::size_t>& after_headings,
                const std::vector<bool>& before_entries, const std::vector<bool>& after_entries) {
  std::size_t removed = 0, added = 0;
  for (const LineOp& line : hunk.lines) {
    const std::string key = comparison_key(parse_block(line.text).text);
    if (before_headings.count(key) == 0 || after_headings.count(key) == 0) return false;
    const bool in_table = line.op == '-' ? removed < hunk.old_lines && before_entries[hunk.old_start - 1 + removed]
                                         : added < hunk.new_lines && after_entries[hunk.new_start - 1 + added];
    if (!in_table) return false;
    ++(line.op == '-' ? removed : added);
  }
  return true;
}

}  // namespace

std::vector<bool> table_of_contents_blocks(const Text& text, const std::vector<std::string>& keys) {
  std::vector<bool> entry(text.blocks.size(), false);
  const std::unordered_map<std::string, std::size_t> headings = heading_positions(text);
  if (headings.size() < kMinEntries) return entry;
  std::size_t i = 0;
  while (i < text.blocks.size()) {
    // The longest run from i of short non-headings naming later headings in order.
    std::size_t j = i, last = i;
    while (j < text.blocks.size()) {
      const Block& block = text.blocks[j];
      if (block.kind == BlockKind::heading || count_space_separated_words(block.text) > kEntryMaxWords) break;
      const auto it = headings.find(keys[j]);
      if (it == headings.end() || it->second <= last) break;
      last = it->second;
      ++j;
    }
    if (j - i >= kMinEntries) {
      for (std::size_t k = i; k < j; ++k) entry[k] = true;
      i = j;
    } else {
      ++i;
    }
  }
  return entry;
}

void mark_tables_of_contents(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  // Keyed only when a hunk could be a table's: most changes have no such hunk, and keying a
  // long text's every block again would double the diff's work.
  std::unordered_map<std::string, std::size_t> before_headings, after_headings;
  std::vector<bool> before_entries, after_entries;
  bool headings_indexed = false, entries_indexed = false;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    if (!headings_indexed) {
      before_headings = heading_positions(before);
      after_headings = heading_positions(after);
      headings_indexed = true;
    }
    std::size_t entries = 0;
    if (!lists_headings(hunk, '-', before_headings, entries) || !lists_headings(hunk, '+', after_headings, entries))
      continue;
    if (entries < kMinEntries && !entries_indexed) {
      before_entries = table_of_contents_blocks(before, comparison_keys(before));
      after_entries = table_of_contents_blocks(after, comparison_keys(after));
      entries_indexed = true;
    }
    if (entries >= kMinEntries || catches_up(hunk, before_headings, after_headings, before_entries, after_entries))
      mark_cosmetic(hunk, "table_of_contents");
  }
}

}  // namespace tosdiff
