// Fuzzes the diff engine and the change record: two texts -> parse_text -> diff_texts ->
// record_to_json / record_to_text.
//
// Input: byte 0 = flags, then the old text, a NUL byte, the new text (archived form: one
// block per line). Bit 0 of the flags keeps the texts' bytes as they are; otherwise they are
// made valid UTF-8 first, as every text the pipeline archives is.
// Invariants:
//   - no hunk exactly when both texts render the same;
//   - hunks are ordered and disjoint, hold their removed blocks ('-', old_lines of them, the
//     old text's lines at old_start) then their added blocks ('+', new_lines, the new text's
//     lines at new_start), and applying them to the old text gives the new one;
//   - cosmetic hunks name known kinds, substantive ones none; the change's stats, flag and
//     kinds are what tally() computes from the hunks;
//   - each word diff alternates its ops; without elision it spells both sides' words;
//   - for valid UTF-8 texts, record_to_json(...).dump() does not throw, and reading the
//     record back (record_from_json) writes the same JSON again; for any bytes,
//     record_to_json_line does not throw and record_to_text is valid UTF-8.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "tosdiff/fetch/charset.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/record_text.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff::fuzz {
namespace {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos) space = text.size();
    if (space > start) words.emplace_back(text.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

std::vector<std::string> rendered_lines(const Text& text) {
  std::vector<std::string> out;
  for (const Block& b : text.blocks) out.push_back(render_block(b));
  return out;
}

bool same_stats(const DiffStats& a, const DiffStats& b) {
  return a.blocks_added == b.blocks_added && a.blocks_removed == b.blocks_removed &&
         a.blocks_changed == b.blocks_changed && a.words_added == b.words_added &&
         a.words_removed == b.words_removed;
}

void check_words(const Hunk& h, const Text& before, const Text& after) {
  for (std::size_t k = 1; k < h.words.size(); ++k)
    FUZZ_CHECK(h.words[k].op != h.words[k - 1].op, "two adjacent word ops of the same kind");
  bool elided = false;
  std::vector<std::string> old_words, new_words;
  for (const WordOp& w : h.words) {
    FUZZ_CHECK(w.op == '=' || w.op == '-' || w.op == '+', "unknown word op");
    FUZZ_CHECK(w.op == '=' || w.elided_words == 0, "elided words in a change");
    elided |= w.elided_words > 0;
    for (auto& word : split_words(w.text)) {
      if (w.op != '+') old_words.push_back(word);
      if (w.op != '-') new_words.push_back(word);
    }
  }
  if (elided) return;
  std::vector<std::string> want_old, want_new;
  for (std::size_t i = 0; i < h.old_lines; ++i)
    for (auto& word : split_words(before.blocks[h.old_start - 1 + i].text)) want_old.push_back(word);
  for (std::size_t j = 0; j < h.new_lines; ++j)
    for (auto& word : split_words(after.blocks[h.new_start - 1 + j].text)) want_new.push_back(word);
  FUZZ_CHECK(old_words == want_old, "the word diff does not spell the removed blocks");
  FUZZ_CHECK(new_words == want_new, "the word diff does not spell the added blocks");
}

void check_change(const Change& change, const Text& before, const Text& after) {
  const std::vector<std::string> a = rendered_lines(before), b = rendered_lines(after);
  FUZZ_CHECK(change.hunks.empty() == (a == b), a == b ? "hunks for equal texts" : "no hunk for different texts");

  static const std::set<std::string> known = {"whitespace", "quotes", "case", "punctuation",
                                              "date_format", "numbering", "link_target", "spelling", "date_stamp",
                                              "reorder", "layout", "update_notice", "counter", "table_of_contents",
                                              "page_control", "document_head", "navigation", "time_zone",
                                              "duplicate", "site_menu", "advertisement", "page_footer", "markup",
                                              "page_header", "previous_version"};
  std::vector<std::string> rebuilt;
  std::size_t next_old = 0;  // 0-based: lines of `a` consumed so far
  for (std::size_t n = 0; n < change.hunks.size(); ++n) {
    const Hunk& h = change.hunks[n];
    const std::string where = "hunk " + std::to_string(n);
    FUZZ_CHECK(h.old_lines + h.new_lines > 0, where + " is empty");
    FUZZ_CHECK(h.lines.size() == h.old_lines + h.new_lines, where + ": line count");
    // GNU convention: a side with no lines names the line before the hunk.
    const std::size_t old_begin = h.old_lines ? h.old_start - 1 : h.old_start;
    const std::size_t new_begin = h.new_lines ? h.new_start - 1 : h.new_start;
    FUZZ_CHECK(h.old_lines == 0 || h.old_start >= 1, where + ": old_start 0");
    FUZZ_CHECK(h.new_lines == 0 || h.new_start >= 1, where + ": new_start 0");
    FUZZ_CHECK(old_begin >= next_old, where + ": overlaps or goes back");
    FUZZ_CHECK(old_begin + h.old_lines <= a.size(), where + ": past the old text");
    FUZZ_CHECK(new_begin + h.new_lines <= b.size(), where + ": past the new text");
    for (std::size_t i = next_old; i < old_begin; ++i) rebuilt.push_back(a[i]);
    FUZZ_CHECK(rebuilt.size() == new_begin, where + ": new_start " + std::to_string(h.new_start) +
                                                " but " + std::to_string(rebuilt.size()) + " lines before it");
    for (std::size_t i = 0; i < h.lines.size(); ++i) {
      const LineOp& line = h.lines[i];
      if (i < h.old_lines) {
        FUZZ_CHECK(line.op == '-' && line.text == a[old_begin + i], where + ": removed line " + std::to_string(i));
      } else {
        FUZZ_CHECK(line.op == '+' && line.text == b[new_begin + i - h.old_lines], where + ": added line " + std::to_string(i));
        rebuilt.push_back(line.text);
      }
    }
    next_old = old_begin + h.old_lines;
    if (h.cosmetic) {
      FUZZ_CHECK(!h.cosmetic_kinds.empty(), where + ": cosmetic without a kind");
      for (const auto& kind : h.cosmetic_kinds) FUZZ_CHECK(known.count(kind), where + ": kind '" + kind + "'");
    } else {
      FUZZ_CHECK(h.cosmetic_kinds.empty(), where + ": substantive with cosmetic kinds");
    }
    check_words(h, before, after);
  }
  for (std::size_t i = next_old; i < a.size(); ++i) rebuilt.push_back(a[i]);
  FUZZ_CHECK(rebuilt == b, "applying the hunks to the old text does not give the new text");

  Change recount = change;
  tally(recount);
  FUZZ_CHECK(same_stats(recount.stats, change.stats) &&
                 same_stats(recount.substantive_stats, change.substantive_stats) &&
                 recount.substantive == change.substantive && recount.cosmetic_kinds == change.cosmetic_kinds,
             "the change's totals are not tally() of its hunks");
}

ChangeRecord make_record(const Change& change) {
  ChangeRecord r;
  r.platform = "fuzz";
  r.document = "terms-of-service";
  r.title = "Fuzz \u2014 Terms of Service";
  r.urls = {"https://example.com/terms"};
  r.status = Status::changed;
  r.checked_at = "2026-01-02T03:04:05Z";
  r.previous = VersionRef{"2026-01-01T00-00-00Z", "2026-01-01T00:00:00Z", std::string(64, 'a'), std::string(64, 'b'), {}};
  r.current = VersionRef{"2026-01-02T03-04-05Z", "2026-01-02T03:04:05Z", std::string(64, 'c'), std::string(64, 'd'), {}};
  r.change = change;
  r.significance = change.substantive ? Significance::substantive : Significance::cosmetic;
  r.cosmetic_kinds = change.cosmetic_kinds;
  return r;
}

}  // namespace
}  // namespace tosdiff::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tosdiff;
  using namespace tosdiff::fuzz;
  if (size < 1 || size > 64 * 1024) return 0;
  return run_guarded([&] {
    const bool raw = data[0] & 1;
    const std::string_view input = as_view(data + 1, size - 1);
    const std::size_t nul = input.find('\0');
    std::string old_text(input.substr(0, nul));
    std::string new_text(nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1));
    if (!raw) {
      old_text = repair_utf8(old_text);
      new_text = repair_utf8(new_text);
    }
    const Text before = parse_text(old_text), after = parse_text(new_text);
    const Change change = diff_texts(before, after);
    check_change(change, before, after);

    const ChangeRecord record = make_record(change);
    const std::string line = record_to_json_line(record);  // any bytes: must not throw
    FUZZ_CHECK(is_valid_utf8(line), "record_to_json_line gave invalid UTF-8");
    for (bool color : {false, true}) {
      const std::string text = record_to_text(record, TextStyle{color, true});
      FUZZ_CHECK(is_valid_utf8(text), "record_to_text gave invalid UTF-8");
    }
    if (raw) return;

    const nlohmann::ordered_json json = record_to_json(record);
    const std::string dumped = json.dump();  // strict: throws on invalid UTF-8
    const ChangeRecord back = record_from_json(nlohmann::ordered_json::parse(dumped));
    FUZZ_CHECK(record_to_json(back).dump() == dumped, "the record does not read back to the same JSON");
    FUZZ_CHECK(summarize(back) == summarize(record), "the summary changes when the record is read back");
  });
}
