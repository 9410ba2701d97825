#include "tosdiff/pipeline/variant_memory.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "tosdiff/report/record_json.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/util/json_fields.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

std::optional<ChangeRecord> read_change(const Archive& archive, const DocumentIndex& index, const VersionEntry& v) {
  try {
    ChangeRecord record = record_from_json(nlohmann::ordered_json::parse(archive.read_record(index, v)));
    if (record.change) return record;
  } catch (const ArchiveError&) {
  } catch (const nlohmann::json::exception&) {
  } catch (const JsonFieldError&) {
  }
  return std::nullopt;
}

// A run with a name, a number or an address in it: what a regional edition or a second
// server changes ("Lumen Ltd, 4 Quay St" / "Lumen Inc., 100 Main St").
bool names_something(const std::string& run) {
  bool word_start = true;
  for (const char c : run) {
    if (is_ascii_digit(c) || (word_start && c >= 'A' && c <= 'Z')) return true;
    word_start = c == ' ' || c == '(' || c == '"';
  }
  return false;
}

// One place switching between two such runs: both sides there. A sentence added or taken
// away is never one (a clause withdrawn and put back later is news each time).
bool is_named_switch(const WordEdit& edit) {
  return !edit.removed.empty() && !edit.added.empty() && names_something(edit.removed) && names_something(edit.added);
}

// A whole hunk's swap counts as one place switching when it is about the size of a name and
// an address on each side, not a paragraph rewritten (that is news each time it comes back).
bool is_short_switch(const WordEdit& swap) {
  constexpr std::size_t kMaxSwitchWords = 30;
  return count_space_separated_words(swap.removed) <= kMaxSwitchWords &&
         count_space_separated_words(swap.added) <= kMaxSwitchWords;
}

}  // namespace

VariantMemory variant_memory(const Archive& archive, const DocumentIndex& index, std::size_t count,
                             const std::string& now) {
  VariantMemory memory;
  std::chrono::system_clock::time_point at;
  if (!parse_utc(now, at)) return memory;
  // A text that stood for weeks was the document: what replaces it is one of the page's
  // editions again only where it switches a name, a number or an address, as editions do
  // (replay: two regional editions, the flip back five months after the last); a clause put in
  // or taken away is news (a red team's find: an opt-out removed again after it stood 100 days,
  // read as a flip the page made before).
  bool stood = false;
  if (count > 0 && count <= index.versions.size()) {
    std::chrono::system_clock::time_point since;
    stood = parse_utc(index.versions[count - 1].captured_at, since) && at - since >= kVariantStood;
  }
  std::size_t read = 0;
  // The named switches of recent substantive changes, newest first, with their versions.
  std::vector<std::pair<std::string, std::vector<WordEdit>>> switches;
  for (std::size_t k = std::min(count, index.versions.size()); k-- > 0;) {
    if (read >= kVariantRecords && switches.size() >= kVariantRecords) break;
    const VersionEntry& v = index.versions[k];
    std::chrono::system_clock::time_point captured;
    if (!parse_utc(v.captured_at, captured)) continue;
    if (at - captured > kVariantMemory) break;  // older ones are older still
    const bool flapping = has_kind(v.cosmetic_kinds, "flapping");
    const bool variant = flapping || has_kind(v.cosmetic_kinds, "variant");
    if (variant && read < kVariantRecords) {
      ++read;
      const std::optional<ChangeRecord> record = read_change(archive, index, v);
      if (!record) continue;
      const std::size_t before = memory.edits.size();
      for (const Hunk& hunk : record->change->hunks) {
        const bool switched = flapping ? !hunk.cosmetic || has_kind(hunk.cosmetic_kinds, "variant")
                                       : has_kind(hunk.cosmetic_kinds, "variant");
        if (!switched) continue;
        for (WordEdit& edit : word_edits(hunk))
          if (!stood || is_named_switch(edit)) memory.edits.push_back(std::move(edit));
        if (WordEdit swap = hunk_swap(hunk); !stood || (is_named_switch(swap) && is_short_switch(swap)))
          memory.edits.push_back(std::move(swap));
      }
      if (memory.edits.size() > before && memory.seen_in.empty()) memory.seen_in = v.id();
    } else if (!variant && v.significance == Significance::substantive && switches.size() < kVariantRecords) {
      const std::optional<ChangeRecord> record = read_change(archive, index, v);
      if (!record) continue;
      std::vector<WordEdit> named;
      for (const Hunk& hunk : record->change->hunks)
        if (!hunk.cosmetic) {
          for (WordEdit& edit : word_edits(hunk))
            if (is_named_switch(edit)) named.push_back(std::move(edit));
          if (WordEdit swap = hunk_swap(hunk); is_named_switch(swap) && is_short_switch(swap))
            named.push_back(std::move(swap));
        }
      if (!named.empty()) switches.emplace_back(v.id(), std::move(named));
    }
  }
  // A place switched one way, then back the other in a later change: the page alternates
  // between the two, and a third switch is not news.
  for (std::size_t newer = 0; newer < switches.size(); ++newer) {
    std::set<std::pair<std::string, std::string>> undone;
    for (std::size_t older = newer + 1; older < switches.size(); ++older)
      for (const WordEdit& edit : switches[older].second) undone.emplace(edit.added, edit.removed);
    for (const WordEdit& edit : switches[newer].second) {
      if (!undone.count({edit.removed, edit.added})) continue;
      memory.edits.push_back(edit);
      if (memory.seen_in.empty()) memory.seen_in = switches[newer].first;
    }
  }
  return memory;
}

}  // namespace tosdiff
