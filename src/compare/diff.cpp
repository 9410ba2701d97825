#include "tosdiff/compare/diff.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <string_view>
#include <unordered_map>

#include <dtl/dtl.hpp>

#include "tosdiff/compare/ad_slots.hpp"
#include "tosdiff/compare/breadcrumbs.hpp"
#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/cross_references.hpp"
#include "tosdiff/compare/date_stamp_hunks.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/distributed_lead_in.hpp"
#include "tosdiff/compare/document_head.hpp"
#include "tosdiff/compare/generated_summary.hpp"
#include "tosdiff/compare/heading_labels.hpp"
#include "tosdiff/compare/inline_footnotes.hpp"
#include "tosdiff/compare/duplicate_copy.hpp"
#include "tosdiff/compare/link_cards.hpp"
#include "tosdiff/compare/link_rewrites.hpp"
#include "tosdiff/compare/literal_markup.hpp"
#include "tosdiff/compare/lost_labels.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/compare/navigation.hpp"
#include "tosdiff/compare/numbering.hpp"
#include "tosdiff/compare/share_widget.hpp"
#include "tosdiff/compare/site_menu.hpp"
#include "tosdiff/compare/spelling.hpp"
#include "tosdiff/compare/page_chrome.hpp"
#include "tosdiff/compare/page_controls.hpp"
#include "tosdiff/compare/previous_version.hpp"
#include "tosdiff/compare/relative_stamps.hpp"
#include "tosdiff/compare/section_headings.hpp"
#include "tosdiff/compare/sentence_moves.hpp"
#include "tosdiff/compare/spacing.hpp"
#include "tosdiff/compare/table_cells.hpp"
#include "tosdiff/compare/table_of_contents.hpp"
#include "tosdiff/compare/time_zone.hpp"
#include "tosdiff/compare/translated_files.hpp"
#include "tosdiff/compare/move_context.hpp"
#include "tosdiff/compare/typos.hpp"
#include "tosdiff/compare/update_notice.hpp"
#include "tosdiff/util/case_fold.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Strings are interned to integers before dtl sees them: comparisons become int compares
// and dtl's copies of its sequences stay cheap.
class Interner {
 public:
  int id(const std::string& s) {
    auto [it, inserted] = ids_.try_emplace(s, static_cast<int>(ids_.size()));
    return it->second;
  }

 private:
  std::unordered_map<std::string, int> ids_;
};

enum class Edit { common, removed, added };

struct EditOp {
  Edit edit;
  std::size_t before = 0, after = 0;  // 0-based indices into the sequences
};

// The shortest edit script of a vs b, common prefix and suffix handled without dtl (most
// new versions change a few blocks of a long text).
std::vector<EditOp> edit_script(const std::vector<int>& a, const std::vector<int>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;

  std::vector<EditOp> ops;
  ops.reserve(std::max(a.size(), b.size()) + 16);
  for (std::size_t i = 0; i < prefix; ++i) ops.push_back({Edit::common, i, i});

  std::vector<int> mid_a(a.begin() + static_cast<long>(prefix), a.end() - static_cast<long>(suffix));
  std::vector<int> mid_b(b.begin() + static_cast<long>(prefix), b.end() - static_cast<long>(suffix));
  if (mid_a.empty()) {
    for (std::size_t j = 0; j < mid_b.size(); ++j) ops.push_back({Edit::added, prefix, prefix + j});
  } else if (mid_b.empty()) {
    for (std::size_t i = 0; i < mid_a.size(); ++i) ops.push_back({Edit::removed, prefix + i, prefix});
  } else {
    dtl::Diff<int, std::vector<int>> diff(mid_a, mid_b);
    // A near-total rewrite of a very long text: an exact LCS would take seconds for nothing
    // a reader needs; dtl's unserious mode bounds the work.
    if (static_cast<double>(mid_a.size()) * static_cast<double>(mid_b.size()) > 4e8) diff.onUnserious();
    diff.compose();
    const auto sequence = diff.getSes().getSequence();  // a copy: fetch once
    // The script is read in order, each element the next of its side(s), and checked against
    // the sequences: dtl's unserious mode can report an addition with no index (afterIdx 0;
    // replay: a retailer's 33,000-word policy rewritten, which read past the end of the text).
    // A script that does not add up is replaced by the plainest true one: all of the old
    // middle removed, all of the new added.
    const std::size_t start = ops.size();
    std::size_t i = 0, j = 0;
    bool consistent = true;
    for (const auto& [element, info] : sequence) {
      if (info.type == dtl::SES_COMMON) {
        consistent = i < mid_a.size() && j < mid_b.size() && mid_a[i] == element && mid_b[j] == element;
        if (!consistent) break;
        ops.push_back({Edit::common, prefix + i++, prefix + j++});
      } else if (info.type == dtl::SES_DELETE) {
        consistent = i < mid_a.size() && mid_a[i] == element;
        if (!consistent) break;
        ops.push_back({Edit::removed, prefix + i++, prefix + j});
      } else {
        consistent = j < mid_b.size() && mid_b[j] == element;
        if (!consistent) break;
        ops.push_back({Edit::added, prefix + i, prefix + j++});
      }
    }
    if (!consistent || i != mid_a.size() || j != mid_b.size()) {
      ops.resize(start);
      for (std::size_t k = 0; k < mid_a.size(); ++k) ops.push_back({Edit::removed, prefix + k, prefix});
      for (std::size_t k = 0; k < mid_b.size(); ++k) ops.push_back({Edit::added, prefix + mid_a.size(), prefix + k});
    }
  }
  for (std::size_t k = 0; k < suffix; ++k)
    ops.push_back({Edit::common, a.size() - suffix + k, b.size() - suffix + k});
  return ops;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out += ' ';
    out += words[i];
  }
  return out;
}

// Cuts long unchanged runs to kWordContext words next to each change.
void elide_context(std::vector<WordOp>& ops) {
  for (std::size_t k = 0; k < ops.size(); ++k) {
    WordOp& op = ops[k];
    if (op.op != '=') continue;
    std::vector<std::string> words = space_separated_words(op.text);
    const bool change_before = k > 0, change_after = k + 1 < ops.size();
    if (!change_before && !change_after) {
      // Nothing changed in the words (a layout-only hunk): show both ends of the block.
      if (words.size() <= 2 * kWordContext + 1) continue;
      op.elided_words = words.size() - 2 * kWordContext;
      op.text = join(words, 0, kWordContext) + " … " + join(words, words.size() - kWordContext, words.size());
      continue;
    }
    const std::size_t keep = (change_before ? kWordContext : 0) + (change_after ? kWordContext : 0);
    if (words.size() <= keep + 1) continue;
    std::string head = change_before ? join(words, 0, kWordContext) : "";
    std::string tail = change_after ? join(words, words.size() - kWordContext, words.size()) : "";
    op.elided_words = words.size() - keep;
    op.text = head.empty() ? "… " + tail : tail.empty() ? head + " …" : head + " … " + tail;
  }
}


struct Side {
  const Text& text;
  std::vector<std::string> rendered;
  std::vector<std::string> keys;
  std::vector<std::vector<std::size_t>> paths;
  bool headings_count_up;  // its headings' bare numbers number its sections (numbering.hpp)

  explicit Side(const Text& t) : text(t), paths(heading_paths(t)), headings_count_up(bare_heading_numbers_count_up(t)) {
    rendered.reserve(t.blocks.size());
    keys.reserve(t.blocks.size());
    for (const Block& block : t.blocks) {
      rendered.push_back(render_block(block));
      keys.push_back(comparison_key(block.text));
    }
  }

  // `contents`: the keys of the entries of a table of contents in either text. An entry is
  // not the heading it names (table_of_contents.hpp), so it is keyed apart; and a block that
  // is an entry in one text is one in the other, where its table may have lost a heading.
  void key_apart(const std::set<std::string>& contents) {
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (text.blocks[i].kind != BlockKind::heading && contents.count(keys[i])) keys[i].insert(0, kContentsKeyPrefix);
  }

  // Each block's key with what it is read under (move_context.hpp): what a move must keep.
  std::vector<std::string> placed;
  void place_keys() {
    const std::vector<std::string> contexts = move_contexts(text, keys);
    const std::vector<std::string> lists = lead_in_lists(text, keys, contexts);
    placed.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
      placed.push_back(keys[i] + '\x1f' + contexts[i] + (lists[i].empty() ? "" : '\x1d' + lists[i]));
  }

  std::vector<std::string> section_at(std::size_t index) const {
    std::vector<std::string> out;
    if (index >= paths.size()) return out;
    for (std::size_t heading : paths[index]) out.push_back(text.blocks[heading].text);
    return out;
  }
};

void add_kinds(std::set<std::string>& kinds, const std::vector<std::string>& more) {
  kinds.insert(more.begin(), more.end());
}

// A section's number alone, in a heading left empty ("## 1.": metamorphic bench, headings
// numbered by the page, one of them empty): a numeric enumerator with nothing after it. "30"
// alone is a figure, not one; a letter ("(a)", "IV.") alone may be a table's value (a legal
// basis, a GDPR article's point) and is read as words.
bool is_lone_enumerator(std::string_view text) {
  if (text.empty() || text.size() > 12) return false;
  if (std::any_of(text.begin(), text.end(), [](char c) { return is_ascii_letter(c); })) return false;
  return strip_numbering(std::string(text) + " x") == "x";
}

// A run of blocks' words without a table's cell separators (" | " between cells).
std::string without_cell_separators(std::string_view words) {
  std::string out;
  for (std::size_t at = 0; at < words.size();) {
    if (words.substr(at, 3) == " | ") {
      out += ' ';
      at += 3;
    } else {
      out += words[at++];
    }
  }
  return out;
}

class HunkBuilder {
 public:
  HunkBuilder(const Side& before, const Side& after, const std::unordered_map<std::string, long>& balance)
      : before_(before), after_(after), balance_(balance) {}

  // `ops` is one maximal run of edit operations that are not byte-equal commons.
  Hunk build(const std::vector<EditOp>& ops) const {
    Hunk hunk;
    std::vector<std::size_t> removed, added;
    std::set<std::string> kinds;
    std::vector<std::string> unexplained_removed, unexplained_added;
    std::vector<std::string> unpaired_removed, unpaired_added;  // every unpaired block's key, in order
    // The same, headings read without a bare section number ("1 Objet du contrat").
    std::vector<std::string> unnumbered_removed, unnumbered_added;
    bool moved_end = false;
    bool reparented = false;  // a heading or an item put under another one (moved_under_another)
    for (const EditOp& op : ops) {
      if (op.edit == Edit::common) {  // same key, other wording or layout
        removed.push_back(op.before);
        added.push_back(op.after);
        const Block& a = before_.text.blocks[op.before];
        const Block& b = after_.text.blocks[op.after];
        auto k = cosmetic_kinds(a.text, b.text);
        // Spaces lost or put in around words and marks: several folds each take a part of
        // it, and a reader is told the one thing that changed.
        if (k.size() > 1 && differ_only_in_spacing(a.text, b.text)) k = {"whitespace"};
        // Only a change of punctuation can move a sentence's end: the word-by-word reading is
        // spent on those pairs alone.
        if (has_kind(k, "punctuation") && moves_a_sentence_end(a.text, b.text)) moved_end = true;
        if (has_kind(k, "case") && changes_whom_it_addresses(a.text, b.text)) moved_end = true;
        if (k.empty()) {
          // Same words, other block syntax: a renumbered list item, or another layout.
          bool renumbered = a.kind == BlockKind::list_item && b.kind == BlockKind::list_item &&
                            a.level == b.level && a.marker != b.marker;
          k.push_back(renumbered ? "numbering" : "layout");
        }
        if (moved_under_another(op.before, op.after)) reparented = true;
        add_kinds(kinds, k);
      } else if (op.edit == Edit::removed) {
        removed.push_back(op.before);
        unpaired_removed.push_back(before_.keys[op.before]);
        unnumbered_removed.push_back(unnumbered_key(before_, op.before));
        classify_unpaired(before_.keys[op.before], before_.placed[op.before], before_.text.blocks[op.before], kinds,
                          unexplained_removed);
      } else {
        added.push_back(op.after);
        unpaired_added.push_back(after_.keys[op.after]);
        unnumbered_added.push_back(unnumbered_key(after_, op.after));
        classify_unpaired(after_.keys[op.after], after_.placed[op.after], after_.text.blocks[op.after], kinds,
                          unexplained_added);
      }
    }
    // Text that only moved between blocks (a paragraph split in two, two merged): the same
    // words in the same order. Read with every block the hunk puts in or takes away too: a
    // table's header cell on a line of its own ("Your Rights") has the key of a contents
    // entry or a heading elsewhere and reads as moved, and the rest then lacks it
    // (metamorphic bench: a table rebuilt of divs, its cells one per line).
    // Rows on both sides are read cell by cell (an empty cell's place is a value: a "Sold" mark
    // moved to "Shared"), so the readings that part cells from their rows take rows on one side.
    const bool rows_each_side = has_rows(before_.text, ops, true) && has_rows(after_.text, ops, false);
    bool explained = unexplained_removed.empty() && unexplained_added.empty();
    bool split_or_merged = false;
    if (!explained && ((!unexplained_removed.empty() && !unexplained_added.empty() &&
                        joined(unexplained_removed, rows_each_side) == joined(unexplained_added, rows_each_side)) ||
                       (!rows_each_side && !unpaired_removed.empty() && !unpaired_added.empty() &&
                        joined(unpaired_removed) == joined(unpaired_added)))) {
      kinds.insert("layout");
      explained = true;
      split_or_merged = true;
    }
    // A table laid out otherwise: its columns in another order, its rows written as labelled
    // items (table_cells.hpp).
    if (!explained && table_laid_out_otherwise(before_.text, removed, after_.text, added)) {
      kinds.insert("layout");
      explained = true;
    }
    // Headings whose bare section numbers went or came ("1 Objet du contrat" / "Objet du
    // contrat": metamorphic bench, a page numbering its headings by CSS counters), the words
    // otherwise the same. Not in the keys: a heading made a paragraph keeps its key then.
    // Put in or taken off, never changed: one side has no such number, the other's headings
    // count up one by one (bare_heading_numbers_count_up); "48 Stunden" → "24 Stunden" is news.
    const bool numbers_went = unnumbered_removed != unpaired_removed && unnumbered_added == unpaired_added &&
                              before_.headings_count_up;
    const bool numbers_came = unnumbered_added != unpaired_added && unnumbered_removed == unpaired_removed &&
                              after_.headings_count_up;
    if (!explained && !unpaired_removed.empty() && !unpaired_added.empty() && (numbers_went || numbers_came) &&
        joined(unnumbered_removed) == joined(unnumbered_added)) {
      kinds.insert("numbering");
      explained = true;
    }
    std::sort(removed.begin(), removed.end());
    std::sort(added.begin(), added.end());
    const std::string old_words = texts_of(before_.text, removed), new_words = texts_of(after_.text, added);
    // Blocks split or merged, as many on both sides, their boundary moved across a sentence's
    // end: a condition moved from one sentence to the next ("... with advertisers without your
    // consent." / "We may use it" → "... with advertisers." / "Without your consent, we may use
    // it": a red team's find, read as layout). Lines a PDF wraps elsewhere end no sentence.
    if (split_or_merged && removed.size() == added.size() && moves_a_sentence_end(old_words, new_words))
      moved_end = true;
    // Spaces lost or put in around words, a comparison key cannot see past them when they glue
    // a word to a URL or to punctuation ("internetwww.example.comdans", "cookies.3.4"); or the
    // very same words in blocks of another kind (a paragraph made a heading).
    if (!explained && !removed.empty() && !added.empty() && differ_only_in_spacing(old_words, new_words)) {
      kinds.insert(old_words == new_words ? "layout" : "whitespace");
      explained = true;
    }
    // A table's rows made lines of their cells, a cell's items lines of their own ("(a) Profile
    // Data ... (b) Contact Data" in one cell, each on a line as divs: metamorphic bench, a table
    // rebuilt of divs): the hunk's words, each side read as one run without its cell
    // separators, have the same key. An enumerator then stands where it stood in the row.
    if (!explained && !rows_each_side && !removed.empty() && !added.empty() &&
        comparison_key(without_cell_separators(old_words)) == comparison_key(without_cell_separators(new_words))) {
      kinds.insert("layout");
      explained = true;
    }
    // A sentence laid out as a lead-in and its items, or items run into one sentence; footnotes
    // made inline or put back below.
    if (!explained && (distributed_over_items(before_.text, removed, after_.text, added) ||
                       distributed_over_items(after_.text, added, before_.text, removed) ||
                       footnotes_made_inline(before_.text, removed, after_.text, added) ||
                       footnotes_made_inline(after_.text, added, before_.text, removed))) {
      kinds.insert("layout");
      explained = true;
    }
    // Characters the page's encoding lost or misread on one side ("L\uFFFD\uFFFDAPPLICATION",
    // "d’posera"; replay: a retailer's terms, a third of its 845 versions).
    if (!explained && !removed.empty() && !added.empty() && differ_only_in_lost_characters(old_words, new_words)) {
      kinds.insert("spelling");
      explained = true;
    }
    hunk.cosmetic = explained && !moved_end && !reparented;
    if (hunk.cosmetic) hunk.cosmetic_kinds.assign(kinds.begin(), kinds.end());

    place(hunk, ops, removed, added);
    for (std::size_t i : removed) hunk.lines.push_back({'-', before_.rendered[i]});
    for (std::size_t j : added) hunk.lines.push_back({'+', after_.rendered[j]});
    hunk.words = diff_words(old_words, new_words);
    hunk.cells = changed_cells(before_.text, removed, after_.text, added);
    return hunk;
  }

 private:
  // The block a heading or a list item hangs from: a heading's enclosing heading; an item's
  // parent item, or its list's lead-in for a top item. npos for none.
  static std::size_t parent_of(const Side& side, std::size_t i) {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1), kReach = 400;
    const Block& block = side.text.blocks[i];
    if (block.kind == BlockKind::heading) {
      const std::vector<std::size_t>& path = side.paths[i];
      return path.size() >= 2 ? path[path.size() - 2] : kNone;
    }
    for (std::size_t j = i, seen = 0; j-- > 0 && seen < kReach; ++seen) {
      const Block& other = side.text.blocks[j];
      if (other.kind != BlockKind::list_item || other.level < block.level) return j;
    }
    return kNone;
  }

  // A heading or a list item whose level changed so that it hangs from another block than
  // before, both of which are in both texts: "## Your rights" made "###" below "## For
  // California residents", the rights now theirs alone; an item indented under "share your
  // account with no one, except:" among its exceptions, a prohibition now an exception (a red
  // team's finds, read as layout). A whole list or every heading shifted keeps each one's
  // parent; a title put above demoted sections is a parent the old text lacks; a whole
  // sublist nested or flattened draws the outline again (has_sublist).
  bool moved_under_another(std::size_t in_before, std::size_t in_after) const {
    const Block& a = before_.text.blocks[in_before];
    const Block& b = after_.text.blocks[in_after];
    if (a.kind != b.kind || a.level == b.level) return false;
    if (a.kind != BlockKind::heading && a.kind != BlockKind::list_item) return false;
    const std::size_t was = parent_of(before_, in_before), is = parent_of(after_, in_after);
    if (was >= before_.keys.size() || is >= after_.keys.size()) return false;
    const std::string &was_key = before_.keys[was], &is_key = after_.keys[is];
    if (was_key == is_key) return false;
    const auto holds = [](const Side& side, const std::string& key) {
      return std::find(side.keys.begin(), side.keys.end(), key) != side.keys.end();
    };
    if (!holds(after_, was_key) || !holds(before_, is_key)) return false;
    if (a.kind != BlockKind::list_item) return true;
    // An item put into a list another item already had, or taken out of one that goes on: a
    // whole sublist nested or flattened is the list's outline drawn again (pga replays: a
    // platform's "such as" examples nested under it, a malformed list's second level
    // flattened; dating: two notes of a section's item made items of their own).
    return b.level > a.level ? has_sublist(before_, is_key) : has_sublist(after_, was_key);
  }

  // Whether the first item keyed `key` in `side` has items below it.
  static bool has_sublist(const Side& side, const std::string& key) {
    for (std::size_t i = 0; i + 1 < side.keys.size(); ++i) {
      const Block& block = side.text.blocks[i];
      if (side.keys[i] != key || block.kind != BlockKind::list_item) continue;
      const Block& next = side.text.blocks[i + 1];
      return next.kind == BlockKind::list_item && next.level > block.level;
    }
    return false;
  }

  // A block removed here and added elsewhere (or the reverse) as often as it was before,
  // under what it was read under (`placed`: its lead-in, a value's row): it moved. Otherwise
  // it is a real addition or removal, unless a split/merge explains it.
  void classify_unpaired(const std::string& key, const std::string& placed, const Block& block,
                         std::set<std::string>& kinds, std::vector<std::string>& unexplained) const {
    const std::string& text = block.text;
    // A block with no words once folded says nothing, when what folds it away is the page's
    // (screen readers' labels alone, "Opens a new window or tab" five times: a health
    // insurer's links; tags written out): put in or taken away, nothing the terms say moved.
    if (block.kind == BlockKind::heading && is_lone_enumerator(text)) {
      kinds.insert("numbering");
      return;
    }
    if (key.empty()) {
      const std::vector<std::string> folded =
          text.empty() ? std::vector<std::string>{"layout"} : cosmetic_kinds(text, "");
      const bool the_pages = !folded.empty() && std::all_of(folded.begin(), folded.end(), [](const std::string& k) {
        return k == "page_control" || k == "markup" || k == "whitespace" || k == "punctuation" || k == "layout";
      });
      if (the_pages) {
        kinds.insert(folded.begin(), folded.end());
        return;
      }
    }
    auto it = balance_.find(placed);
    if (it != balance_.end() && it->second == 0) {
      kinds.insert("reorder");
    } else {
      unexplained.push_back(key);
    }
  }

  // Whether the hunk's blocks on one side (the old text's when `before`) hold a table's row.
  static bool has_rows(const Text& text, const std::vector<EditOp>& ops, bool before) {
    return std::any_of(ops.begin(), ops.end(), [&](const EditOp& op) {
      if (op.edit == (before ? Edit::added : Edit::removed)) return false;
      return text.blocks[before ? op.before : op.after].kind == BlockKind::table_row;
    });
  }

  // A block's key, a heading's without its bare section number; only read when one of the texts
  // numbers its headings so (Side::headings_count_up), the rest of the time the key.
  std::string unnumbered_key(const Side& side, std::size_t i) const {
    const Block& block = side.text.blocks[i];
    const bool numbering = before_.headings_count_up || after_.headings_count_up;
    const std::size_t number = numbering && block.kind == BlockKind::heading ? bare_heading_number_length(block.text) : 0;
    return number > 0 ? comparison_key(std::string_view(block.text).substr(number)) : side.keys[i];
  }

  static std::string texts_of(const Text& text, const std::vector<std::size_t>& blocks) {
    std::string out;
    for (std::size_t i : blocks) out += (out.empty() ? "" : " ") + text.blocks[i].text;
    return out;
  }

  // `keep_cells`: rows on both sides, their cell separators kept (an empty cell's place is a value).
  static std::string joined(const std::vector<std::string>& keys, bool keep_cells = false) {
    std::string out;
    for (std::string_view key : keys) {
      // A line keyed apart as a table of contents' entry is still its words here.
      if (key.substr(0, kContentsKeyPrefix.size()) == kContentsKeyPrefix) key.remove_prefix(kContentsKeyPrefix.size());
      (out += out.empty() ? "" : " ") += key;
    }
    // A table's cell separators are layout too: a list re-laid as a table says the same. So is
    // a bullet or a middle dot between two items of a line ("Released May 4 • Effective June 3")
    // when the items go on lines of their own; a key writes a lone bullet as a dash.
    if (!keep_cells) out.erase(std::remove(out.begin(), out.end(), '|'), out.end());
    for (std::size_t at = out.find(" - "); at != std::string::npos; at = out.find(" - ", at)) out.replace(at, 3, " ");
    // Spelling too: keys have no space between words (spelling.hpp joins compounds), and
    // the join must not add one. Folded until nothing more folds: a key folded again can
    // change ("p.obox" inside a longer word reads as two sentences glued), and both sides
    // must be read to the same point.
    constexpr unsigned kJoinSteps = kFoldWhitespace | kFoldPunctuation | kFoldSpelling;
    std::string folded = canonicalize(out, kJoinSteps);
    for (int round = 0; round < 3 && folded != out; ++round) folded = canonicalize(out = folded, kJoinSteps);
    return folded;
  }

  void place(Hunk& hunk, const std::vector<EditOp>& ops, const std::vector<std::size_t>& removed,
             const std::vector<std::size_t>& added) const {
    hunk.old_lines = removed.size();
    hunk.new_lines = added.size();
    // GNU convention: the first line of the side, or the line before when it has none.
    hunk.old_start = removed.empty() ? ops.front().before : removed.front() + 1;
    hunk.new_start = added.empty() ? ops.front().after : added.front() + 1;
    hunk.section = !added.empty() ? after_.section_at(added.front())
                                  : before_.section_at(removed.front());
  }

  const Side& before_;
  const Side& after_;
  const std::unordered_map<std::string, long>& balance_;
};


}  // namespace

std::vector<WordOp> diff_words(const std::string& before, const std::string& after) {
  std::vector<std::string> a = space_separated_words(before), b = space_separated_words(after);
  Interner interner;
  std::vector<int> ia, ib;
  ia.reserve(a.size());
  ib.reserve(b.size());
  for (const auto& w : a) ia.push_back(interner.id(w));
  for (const auto& w : b) ib.push_back(interner.id(w));

  std::vector<WordOp> ops;
  auto push = [&](char op, const std::string& word) {
    if (!ops.empty() && ops.back().op == op) {
      ops.back().text += ' ';
      ops.back().text += word;
    } else {
      ops.push_back({op, word, 0});
    }
  };
  // Removals before additions inside one changed stretch read best: "-old +new".
  std::vector<std::pair<char, const std::string*>> pending_add;
  for (const EditOp& op : edit_script(ia, ib)) {
    if (op.edit == Edit::added) {
      pending_add.emplace_back('+', &b[op.after]);
      continue;
    }
    if (op.edit == Edit::common) {
      for (auto& [c, w] : pending_add) push(c, *w);
      pending_add.clear();
      push('=', a[op.before]);
    } else {
      push('-', a[op.before]);
    }
  }
  for (auto& [c, w] : pending_add) push(c, *w);
  elide_context(ops);
  return ops;
}

void settle_lone_news(Change& change) {
  const bool substantive_left =
      std::any_of(change.hunks.begin(), change.hunks.end(), [](const Hunk& hunk) { return !hunk.cosmetic; });
  if (!substantive_left) {
    for (Hunk& hunk : change.hunks) {
      // A help article's save stamp is no date of effect, alone or not.
      const bool stamp = hunk.cosmetic && hunk.cosmetic_kinds == std::vector<std::string>{"date_stamp"} &&
                         replaces_a_date_line(hunk) && !is_authored_stamp(hunk.lines[0].text) && !hunk.page_date;
      if (stamp || adds_update_notice(hunk)) {
        hunk.cosmetic = false;
        hunk.cosmetic_kinds.clear();
      }
    }
  }
  tally(change);
}

Change diff_texts(const Text& before_text, const Text& after_text) {
  Change change;
  Side before(before_text), after(after_text);
  std::set<std::string> contents;
  for (const Side* side : {&before, &after}) {
    const std::vector<bool> entries = table_of_contents_blocks(side->text, side->keys);
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (entries[i]) contents.insert(side->keys[i]);
  }
  if (!contents.empty()) {
    before.key_apart(contents);
    after.key_apart(contents);
  }

  Interner interner;
  std::vector<int> a, b;
  a.reserve(before.keys.size());
  b.reserve(after.keys.size());
  for (const auto& key : before.keys) a.push_back(interner.id(key));
  for (const auto& key : after.keys) b.push_back(interner.id(key));

  // How many more times each key occurs after than before, under what it is read under: 0
  // means a removed-and-added block only moved.
  before.place_keys();
  after.place_keys();
  std::unordered_map<std::string, long> balance;
  for (const auto& key : before.placed) --balance[key];
  for (const auto& key : after.placed) ++balance[key];

  const std::vector<EditOp> script = edit_script(a, b);
  HunkBuilder builder(before, after, balance);
  std::vector<Hunk> hunks;
  std::vector<EditOp> run;
  auto close_run = [&] {
    if (!run.empty()) hunks.push_back(builder.build(run));
    run.clear();
  };
  // A run of reworded blocks (same key) and a run of added/removed blocks are separate
  // hunks even when adjacent: the items renumbered after an inserted list item must not
  // make the insertion's hunk, or the renumbering, look like something else.
  bool run_is_reworded = false;
  for (const EditOp& op : script) {
    const bool reworded = op.edit == Edit::common;
    if (reworded && before.rendered[op.before] == after.rendered[op.after]) {
      close_run();
      continue;
    }
    if (!run.empty() && reworded != run_is_reworded) close_run();
    run_is_reworded = reworded;
    run.push_back(op);
  }
  close_run();
  mark_tables_of_contents(hunks, before_text, after_text);
  mark_duplicate_copies(hunks, after.keys);
  mark_heading_copies(hunks, before_text, after_text);
  mark_repeated_edits(hunks, before.keys);
  mark_page_controls(hunks);
  mark_markup_only_blocks(hunks);
  mark_link_card_sources(hunks);
  mark_icon_names(hunks, before_text, after_text);
  mark_share_widgets(hunks);
  mark_ad_slots(hunks, before_text, after_text);
  mark_link_rewrites(hunks, before_text, after_text);
  mark_typos(hunks, before_text, after_text);
  mark_lost_link_labels(hunks);
  mark_navigation(hunks);
  mark_legal_links_rows(hunks, before_text, after_text);
  mark_link_columns(hunks, before_text, after_text);
  mark_site_menu(hunks, before_text, after_text);
  mark_page_chrome(hunks, before_text, after_text);
  mark_translated_files(hunks, before_text, after_text);
  mark_generated_summaries(hunks, before_text, after_text);
  mark_corrected_cross_references(hunks, before_text, after_text);
  mark_reference_words(hunks);
  mark_document_head(hunks, before_text, after_text);
  mark_breadcrumbs(hunks, before_text, after_text);
  mark_section_headings(hunks, before_text, after_text);
  mark_merged_sections(hunks, before_text, after_text);
  mark_heading_articles(hunks);
  mark_heading_labels(hunks, before_text, after_text);
  mark_moved_date_lines(hunks, before_text, after_text);
  mark_repeated_date_lines(hunks, before_text, after_text);
  mark_reread_numeric_dates(hunks, before_text, after_text);
  mark_coarser_dates(hunks);
  mark_relative_stamps(hunks, before_text, after_text);
  mark_update_notices(hunks, after_text);
  mark_previous_versions(hunks, before_text, before.keys, after.keys);
  mark_stale_date_lines(hunks, after_text);
  mark_page_dates(hunks, before_text, after_text);
  mark_time_zone_shift(hunks, before.keys, after.keys);  // before the date stamps: a stamp moved otherwise breaks the shift
  mark_date_stamps(hunks);
  mark_references_left_behind(hunks, before_text, after_text);  // last: it undoes a cosmetic reading
  change.hunks = std::move(hunks);
  tally(change);
  return change;
}

}  // namespace tosdiff
