#include "tosdiff/compare/table_of_contents.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/page_controls.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kEntryMaxWords = 20;
constexpr std::size_t kMinEntries = 3;

// A comparison key without its leading article: a table may say "The information we
// collect" over the heading "Information we collect" (contrib replay: a news network's privacy
// policy, its table of contents dropped at a re-extraction and read as 11 sections removed).
std::string without_article_key(std::string_view text) {
  static constexpr std::string_view kArticles[] = {"the ", "a ", "an ", "le ", "la ", "les ", "der ", "die ", "das ",
                                                   "el ", "los ", "las ", "il ", "lo ", "gli ", "de ", "het "};
  const std::string_view trimmed = trim(text);
  const std::string lower = ascii_lower(trimmed.substr(0, 4));
  for (std::string_view article : kArticles)
    if (trimmed.size() > article.size() && lower.compare(0, article.size(), article) == 0)
      return comparison_key(trimmed.substr(article.size()));
  return "";
}

// Where a table's entry names a heading: by its key, or by its key without a leading article.
template <class Map>
auto find_heading(const Map& headings, const std::string& key, std::string_view text) {
  auto it = headings.find(key);
  if (it == headings.end())
    if (const std::string bare = without_article_key(text); !bare.empty()) it = headings.find(bare);
  return it;
}

// Each heading's comparison key (and its key without a leading article), with its position (the
// first, when repeated). Only the headings are keyed: a text has few.
std::unordered_map<std::string, std::size_t> heading_positions(const Text& text) {
  std::unordered_map<std::string, std::size_t> positions;
  for (std::size_t i = 0; i < text.blocks.size(); ++i) {
    if (text.blocks[i].kind != BlockKind::heading) continue;
    std::string key = comparison_key(text.blocks[i].text);
    if (!key.empty()) positions.emplace(std::move(key), i);
    if (std::string bare = without_article_key(text.blocks[i].text); !bare.empty()) positions.emplace(std::move(bare), i);
  }
  return positions;
}

// A table of contents' own title, heading or not ("Contents", "Index", "On this page", "Sommaire",
// "Inhaltsverzeichnis"), in the languages of the collections tosdiff reads.
bool is_table_title(std::string_view text) {
  static const std::set<std::string> kTitles = {
      "contents", "table of contents", "index", "on this page", "in this article", "in this policy", "jump to",
      "sommaire", "table des matières", "contenu", "sur cette page", "inhalt", "inhaltsverzeichnis", "auf dieser seite",
      "índice", "indice", "contenido", "contenidos", "en esta página", "sommario", "in questa pagina", "conteúdo",
      "sumário", "nesta página", "inhoud", "inhoudsopgave", "op deze pagina"};
  return count_space_separated_words(text) <= 4 && kTitles.count(canonicalize(text, kFoldToWords)) > 0;
}

// The comparison keys of the blocks on one side of a hunk.
std::set<std::string> side_keys(const Hunk& hunk, char op) {
  std::set<std::string> keys;
  for (const LineOp& line : hunk.lines)
    if (line.op == op) keys.insert(comparison_key(parse_block(line.text).text));
  return keys;
}

// The lines of one side of the hunk all list headings of that side, in their order, under
// the table's own title maybe. A block the other side has too, worded the same, is only
// restyled (the document's title made a paragraph under the table put above it: contrib
// replay, a blogging platform's terms), and no entry.
// A heading the other text still has, in its words (a paragraph now): a table taken off with the
// headings it named, the diff may put one heading in the table's hunk and the words beside its
// entry (france replay: a social network's policy, its markup changed, the table's first entry
// and first heading both "Summary of changes", the new text one paragraph of those words).
bool lists_headings(const Hunk& hunk, char op, const std::unordered_map<std::string, std::size_t>& headings,
                    const std::function<bool(const std::string&)>& other_text_has, std::size_t& entries) {
  const std::set<std::string> restyled = side_keys(hunk, op == '-' ? '+' : '-');
  bool first = true, titled = false;
  std::size_t last = 0;
  for (const LineOp& line : hunk.lines) {
    if (line.op != op) continue;
    const Block block = parse_block(line.text);
    const std::string key = comparison_key(block.text);
    if (restyled.count(key) > 0) continue;
    if (!first && block.kind == BlockKind::heading && other_text_has(key)) continue;
    if (first && !titled && is_table_title(block.text)) {
      titled = true;
      continue;
    }
    // "Read More" above the title: the page's control beside the table, gone with it.
    if (first && !titled && is_page_control_label(block.text)) continue;
    if (first && titled && is_page_furniture_phrase(block.text)) continue;  // "Toggle" under "On this page:"
    if (block.kind == BlockKind::heading || count_space_separated_words(block.text) > kEntryMaxWords) return false;
    const auto it = find_heading(headings, key, block.text);
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
    const Block block = parse_block(line.text);  // the text is a view into it
    const std::string key = comparison_key(block.text);
    if (find_heading(before_headings, key, block.text) == before_headings.end() ||
        find_heading(after_headings, key, block.text) == after_headings.end())
      return false;
    const bool in_table = line.op == '-' ? removed < hunk.old_lines && before_entries[hunk.old_start - 1 + removed]
                                         : added < hunk.new_lines && after_entries[hunk.new_start - 1 + added];
    if (!in_table) return false;
    ++(line.op == '-' ? removed : added);
  }
  return true;
}

// The run at `first` follows a sentence leading into it ("We never share the following
// categories with anyone:"): a list the document states, whose items happen to name its
// sections, not a table of its contents (a red team's find: a category taken from a
// never-share list read as a contents entry gone). A table's own title ("Contents:", "On this
// page:", "In this policy:") leads into a table still.
bool stated_by_a_lead_in(const Text& text, std::size_t first) {
  if (first == 0) return false;
  const Block& before = text.blocks[first - 1];
  const std::string_view said = trim(before.text);
  if (before.kind != BlockKind::paragraph || said.empty() || said.back() != ':') return false;
  if (count_space_separated_words(said) <= 4) return false;
  const std::string lowered = ascii_lower(said);
  for (std::string_view title : {"contents", "this page", "this policy", "this notice", "sections", "sommaire",
                                 "inhalt", "\xC3\xADndice", "indice", "inhoud"})
    if (lowered.find(title) != std::string::npos) return false;
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
      const auto it = find_heading(headings, keys[j], block.text);
      if (it == headings.end() || it->second <= last) break;
      last = it->second;
      ++j;
    }
    if (j - i >= kMinEntries && !stated_by_a_lead_in(text, i)) {
      for (std::size_t k = i; k < j; ++k) entry[k] = true;
      i = j;
    } else {
      ++i;
    }
  }
  return entry;
}

namespace {

constexpr std::size_t kGluedTableMinLabels = 5;
constexpr std::size_t kSectionNameMinChars = 4;

// A label that names a section of the text: a block opens with it ("About this policy" over
// "About this policyWhen this policy applies", the page's markup gluing a heading to its first
// subheading too).
bool opens_a_block(const Text& text, std::string_view label, std::string_view table) {
  label = trim(label);
  if (label.size() < kSectionNameMinChars) return false;
  return std::any_of(text.blocks.begin(), text.blocks.end(), [&](const Block& block) {
    return block.text != table && std::string_view(block.text).substr(0, label.size()) == label;
  });
}

// A table of contents the page's markup glued into one line with what stands before it
// ("Effective May 25, 2018 | Archived versions | Download PDFContentsIntroductionInformation we
// collect..."), gaining or losing entries: one block each side, 5 glued labels or more, three
// quarters of them names of the text's sections, and every label one side has and the other
// lacks a name of a section of its own text (contrib replay: a search company's privacy policy,
// its contents gaining "About this policy", a section it already had).
bool glued_table_catches_up(const Hunk& hunk, const Text& before, const Text& after) {
  if (hunk.lines.size() != 2 || hunk.lines[0].op != '-' || hunk.lines[1].op != '+') return false;
  const Block old_block = parse_block(hunk.lines[0].text), new_block = parse_block(hunk.lines[1].text);
  const std::vector<std::string_view> old_labels = glued_labels(old_block.text), new_labels = glued_labels(new_block.text);
  if (old_labels.size() < kGluedTableMinLabels || new_labels.size() < kGluedTableMinLabels) return false;
  auto mostly_sections = [](const std::vector<std::string_view>& labels, const Text& text, std::string_view table) {
    const auto named = std::count_if(labels.begin(), labels.end(), [&](std::string_view label) { return opens_a_block(text, label, table); });
    return static_cast<std::size_t>(named) * 4 >= labels.size() * 3;
  };
  if (!mostly_sections(old_labels, before, old_block.text) || !mostly_sections(new_labels, after, new_block.text)) return false;
  auto lacks = [](const std::vector<std::string_view>& labels, std::string_view label) {
    return std::find(labels.begin(), labels.end(), label) == labels.end();
  };
  bool changed = false;
  for (std::string_view label : old_labels)
    if (lacks(new_labels, label)) {
      if (!opens_a_block(before, label, old_block.text)) return false;
      changed = true;
    }
  for (std::string_view label : new_labels)
    if (lacks(old_labels, label)) {
      if (!opens_a_block(after, label, new_block.text)) return false;
      changed = true;
    }
  return changed;
}

// A table's title with what says how to use it ("Table of contents" over "You can use this table
// of contents to browse our policy."), put up or taken off in a hunk of its own beside the table's
// entries (france replay: a social network's policy). Each block after the title names the table.
bool titles_a_table(const Hunk& hunk, char op) {
  // The table named as such: "contents" or "índice" alone are words of clauses too ("the
  // contents you post", "el índice de precios").
  static constexpr std::string_view kTableNames[] = {
      "table of contents", "this table", "table des mati\xC3\xA8res", "ce sommaire", "inhaltsverzeichnis",
      "\xC3\xADndice de contenidos", "este \xC3\xADndice", "indice dei contenuti", "questo indice", "inhoudsopgave",
      "sum\xC3\xA1rio"};
  constexpr std::size_t kHowToMaxWords = 50;
  bool titled = false;
  for (const LineOp& line : hunk.lines) {
    if (line.op != op) return false;
    const Block block = parse_block(line.text);
    if (!titled) {
      if (!is_table_title(block.text)) return false;
      titled = true;
      continue;
    }
    if (count_space_separated_words(block.text) > kHowToMaxWords) return false;
    const std::string words = canonicalize(block.text, kFoldToWords);
    if (std::none_of(std::begin(kTableNames), std::end(kTableNames),
                     [&](std::string_view name) { return words.find(name) != std::string::npos; }))
      return false;
  }
  return titled;
}

// Each short block's comparison key (at most kSectionMaxWords words, any kind) with its first position.
std::unordered_map<std::string, std::size_t> short_block_positions(const Text& text) {
  constexpr std::size_t kSectionMaxWords = 12;
  std::unordered_map<std::string, std::size_t> positions;
  for (std::size_t i = 0; i < text.blocks.size(); ++i) {
    if (count_space_separated_words(text.blocks[i].text) > kSectionMaxWords) continue;
    if (std::string key = comparison_key(text.blocks[i].text); !key.empty()) positions.emplace(std::move(key), i);
  }
  return positions;
}

// The items of a list the page flattened into one block, cut at its bullets ("Table of contents *
// Introduction* Your agreement* Prices and payments* ..."): "*" or "\u2022" between them. Not "|":
// a table's row is cut so, and its cells may be the text's words (a red team's find).
std::vector<std::string_view> flattened_items(std::string_view text) {
  std::vector<std::string_view> items;
  std::size_t start = 0;
  auto cut = [&](std::size_t at, std::size_t width) {
    if (const std::string_view item = trim(text.substr(start, at - start)); !item.empty()) items.push_back(item);
    start = at + width;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '*') cut(i, 1);
    else if (text.compare(i, 3, "\xE2\x80\xA2") == 0) cut(i, 3);
  }
  cut(text.size(), 0);
  return items;
}

// A flattened table's own title: a table's title (is_table_title) naming the table as such, not
// one word that is also a list's ("Index", "Inhalt", "Contenido", "Contenu": a rent index, a
// message's content, are what a list of data may open with: a red team's finds), or the table
// named in words of Spanish or Italian.
bool is_flattened_table_title(std::string_view text) {
  const std::string folded = canonicalize(text, kFoldToWords);
  if (is_one_of(folded, {"\xC3\xADndice de contenidos", "indice dei contenuti"})) return true;
  return is_table_title(text) && !is_one_of(folded, {"index", "contenu", "inhalt", "\xC3\xADndice", "indice", "contenido",
                                                     "contenidos", "conte\xC3\xBAdo", "inhoud"});
}

// A block that leads into what follows it, so that a list under it is what it says: a line
// ending with a colon, or a sentence left open on a word that needs what follows ("We also share
// your location with", "nous vendons vos données à"). A date line ("Last updated: 3 March 2025")
// leads into nothing.
bool leads_in(const Block& block) {
  const std::string_view said = trim(block.text);
  if (block.kind == BlockKind::heading || said.empty() || count_space_separated_words(said) <= 4) return false;
  if (said.back() == ':') return true;
  const std::vector<std::string> words = space_separated_words(canonicalize(said, kFoldToWords));
  return !words.empty() &&
         is_one_of(words.back(), {"with", "to", "and", "or", "of", "by", "for", "from", "including", "as", "the", "a",
                                  "our", "your", "these", "following", "avec", "\xC3\xA0", "et", "ou", "de", "des", "par",
                                  "pour", "les", "mit", "an", "und", "oder", "von", "f\xC3\xBCr", "die", "con", "y", "o",
                                  "para", "por", "los", "las", "e", "per", "di", "i", "le", "com", "em", "met", "en", "aan",
                                  "voor", "door"});
}

// A table of contents the page flattened into one block, put up or taken off alone (its title
// above it maybe), where a table stands: above the first section it names, or closing the text.
// Its items, past its title, name 5 sections of its text or more, each one, in their order
// (contrib replay: a VPN's terms, their 17 headings listed in one line after the last section,
// gone the next day). Under its title, an item may name a section the text numbers as a list
// ("1. Introduction" over its numbered clauses): a short block of any kind; without the title,
// headings only. A list the text states follows a lead-in, and stands among the sections.
bool lists_headings_in_one_block(const Hunk& hunk, char op, const std::unordered_map<std::string, std::size_t>& headings,
                                 const Text& text) {
  constexpr std::size_t kMinFlattenedEntries = 5;
  std::vector<std::string_view> changed;
  for (const LineOp& line : hunk.lines) {
    if (line.op != op) return false;
    changed.push_back(line.text);
  }
  if (changed.empty() || changed.size() > 2) return false;
  if (changed.size() == 2 && !is_flattened_table_title(parse_block(changed.front()).text)) return false;
  const Block table = parse_block(changed.back());
  if (table.kind == BlockKind::heading) return false;
  // Where the table stands in its text: the hunk's first block, 1-based.
  const std::size_t first_block = (op == '+' ? hunk.new_start : hunk.old_start) - 1;
  const std::size_t at = first_block + changed.size() - 1;
  if (first_block == std::numeric_limits<std::size_t>::max() || at >= text.blocks.size() || text.blocks[at].text != table.text)
    return false;
  if (first_block > 0 && leads_in(text.blocks[first_block - 1])) return false;
  std::vector<std::string_view> items = flattened_items(table.text);  // views into `table`
  bool titled = changed.size() == 2;
  if (!items.empty() && changed.size() == 1 && is_flattened_table_title(items.front())) {
    items.erase(items.begin());
    titled = true;
  }
  if (items.size() < kMinFlattenedEntries) return false;
  const std::unordered_map<std::string, std::size_t> sections = titled ? short_block_positions(text) : headings;
  std::size_t last = 0, first_named = 0;
  bool first = true;
  for (std::string_view item : items) {
    if (count_space_separated_words(item) > kEntryMaxWords) return false;
    const auto it = find_heading(sections, comparison_key(item), item);
    if (it == sections.end() || (!first && it->second <= last)) return false;
    if (first) first_named = it->second;
    first = false;
    last = it->second;
  }
  return at < first_named || at + 1 == text.blocks.size();
}

// Whether a text has a block of a key, its keys made on the first question only: most changes
// never ask (a heading inside a hunk that lists headings), and a long text has thousands.
class KeyedText {
 public:
  explicit KeyedText(const Text& text) : text_(text) {}
  bool has(const std::string& key) {
    if (!keyed_) {
      const std::vector<std::string> keys = comparison_keys(text_);
      keys_.insert(keys.begin(), keys.end());
      keyed_ = true;
    }
    return keys_.count(key) > 0;
  }

 private:
  const Text& text_;
  std::set<std::string> keys_;
  bool keyed_ = false;
};

}  // namespace

void mark_tables_of_contents(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  // Keyed only when a hunk could be a table's: most changes have no such hunk, and keying a
  // long text's every block again would double the diff's work.
  std::unordered_map<std::string, std::size_t> before_headings, after_headings;
  std::vector<bool> before_entries, after_entries;
  KeyedText before_keys(before), after_keys(after);
  const std::function<bool(const std::string&)> before_has = [&](const std::string& key) { return before_keys.has(key); };
  const std::function<bool(const std::string&)> after_has = [&](const std::string& key) { return after_keys.has(key); };
  bool headings_indexed = false, entries_indexed = false;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    if (glued_table_catches_up(hunk, before, after)) {
      mark_cosmetic(hunk, "table_of_contents");
      continue;
    }
    if (!headings_indexed) {
      before_headings = heading_positions(before);
      after_headings = heading_positions(after);
      headings_indexed = true;
    }
    if (lists_headings_in_one_block(hunk, '+', after_headings, after) ||
        lists_headings_in_one_block(hunk, '-', before_headings, before)) {
      mark_cosmetic(hunk, "table_of_contents");
      continue;
    }
    std::size_t entries = 0;
    if (!lists_headings(hunk, '-', before_headings, after_has, entries) ||
        !lists_headings(hunk, '+', after_headings, before_has, entries))
      continue;
    if (entries < kMinEntries && !entries_indexed) {
      before_entries = table_of_contents_blocks(before, comparison_keys(before));
      after_entries = table_of_contents_blocks(after, comparison_keys(after));
      entries_indexed = true;
    }
    if (entries >= kMinEntries || catches_up(hunk, before_headings, after_headings, before_entries, after_entries))
      mark_cosmetic(hunk, "table_of_contents");
  }
  // The table's title and how-to, in a hunk of their own, go with a table put up or taken off
  // whole: a hunk of the table's kind that only puts in (or only takes away) kMinEntries blocks
  // or more, not an entry corrected.
  bool table_added = false, table_removed = false;
  for (const Hunk& hunk : hunks) {
    if (hunk.cosmetic_kinds.empty() || hunk.cosmetic_kinds.front() != "table_of_contents") continue;
    if (hunk.old_lines == 0 && hunk.new_lines >= kMinEntries) table_added = true;
    if (hunk.new_lines == 0 && hunk.old_lines >= kMinEntries) table_removed = true;
  }
  for (Hunk& hunk : hunks)
    if (!hunk.cosmetic && ((table_removed && titles_a_table(hunk, '-')) || (table_added && titles_a_table(hunk, '+'))))
      mark_cosmetic(hunk, "table_of_contents");
}

}  // namespace tosdiff
