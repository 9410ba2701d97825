#include "tosdiff/pipeline/record_builder.hpp"

#include <algorithm>
#include <chrono>

#include "tosdiff/classify/classify.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/compare/pointers.hpp"
#include "tosdiff/compare/update_notice.hpp"
#include "tosdiff/extract/language.hpp"
#include "tosdiff/extract/page_verdict.hpp"
#include "tosdiff/pipeline/variant_memory.hpp"
#include "tosdiff/report/record_text.hpp"
#include "tosdiff/util/clock.hpp"

namespace tosdiff {
namespace {

// A text seen recently comes back (A/B variants, two caches behind a balancer): the record
// names the version it reverts to. Once the document has already made this very flip
// before, it is flapping, and the flip is cosmetic. So is the way back from a version that
// lived under kBlip: a variant served for a few hours (a regional page, a stale cache) was
// the news, if any; its end is not (replay: a dating site alternating its US and EU terms).
void mark_flapping(ChangeRecord& r) {
  r.significance = Significance::cosmetic;
  auto& kinds = r.cosmetic_kinds;
  kinds.push_back("flapping");
  std::sort(kinds.begin(), kinds.end());
  kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
}

constexpr std::chrono::hours kBlip{36};
// A translation shares under half of the two texts' distinct words (measured: the 66 switches
// of language in the replays of four collections share 0.006 to 0.29 of them).
constexpr double kTranslationMaxOverlap = 0.5;

// A stale copy: a cache or a mirror serves an older text of the document for days, then the
// current one again (replays: a dating app's privacy policy, the version of months before
// served for a week; a store's developer terms, for two days). The older text's arrival named
// the version it reverts to and was reported; the way back to the text it displaced, within
// kStaleCopy, restores what the reader was last told of, and is flapping. Longer, the old text
// was the document for a while, and its replacement is news again.
constexpr std::chrono::hours kStaleCopy{24 * 14};

// A page that is flapping now: kFlappingNow of its recent versions (from `first` on) are
// flapping changes made within kFlappingWindow. It serves three or more texts by turns
// (replays: a retailer's terms in several editions, 1,683 versions in four years; a
// platform's policy with and without a feedback widget), so a text seen recently coming back
// is one of them again, even when this very pair of texts never followed each other before.
// The trade: a clause added and withdrawn while the page flaps is reported once, when added.
constexpr std::size_t kFlappingNow = 2;
constexpr std::chrono::hours kFlappingWindow{24 * 90};

bool flapping_now(const std::vector<VersionEntry>& history, std::size_t first, const std::string& checked_at) {
  std::chrono::system_clock::time_point now, at;
  if (!parse_utc(checked_at, now)) return false;
  std::size_t flapping = 0;
  for (std::size_t i = first; i < history.size(); ++i) {
    if (has_kind(history[i].cosmetic_kinds, "flapping") && parse_utc(history[i].captured_at, at) &&
        now - at < kFlappingWindow)
      ++flapping;
  }
  return flapping >= kFlappingNow;
}

void note_flapping(ChangeRecord& r, const std::vector<VersionEntry>& history, const std::string& sha,
                   const std::string& checked_at) {
  constexpr std::size_t kRecent = 10;
  if (history.empty()) return;
  const VersionEntry& current = history.back();  // the version this change follows
  const std::size_t first = history.size() > kRecent ? history.size() - kRecent : 0;
  for (std::size_t i = history.size() - 1; i-- > first;) {  // skip the current one
    if (history[i].sha256 == sha) {
      r.reverts_to = history[i].id();
      break;
    }
  }
  if (r.reverts_to.empty()) return;
  if (flapping_now(history, first, checked_at)) {
    mark_flapping(r);
    return;
  }
  // This very flip made before is flapping while the text it replaces stood briefly: one that
  // stood for weeks was the document, and its replacement is news again (a red team's find: an
  // AI-training opt-out removed, restored, then removed again 100 days later, read as a flip).
  std::chrono::system_clock::time_point since, now;
  const bool stood_briefly = parse_utc(current.captured_at, since) && parse_utc(checked_at, now) &&
                             now - since < kVariantStood;
  for (std::size_t i = first + 1; i < history.size() && stood_briefly; ++i) {
    if (history[i - 1].sha256 == current.sha256 && history[i].sha256 == sha) {
      mark_flapping(r);
      return;
    }
  }
  if (history.size() >= 2 && history[history.size() - 2].sha256 == sha && parse_utc(current.captured_at, since) &&
      parse_utc(checked_at, now) && (now - since < kBlip || (!current.reverts_to.empty() && now - since < kStaleCopy)))
    mark_flapping(r);
}

}  // namespace

std::optional<LanguageChange> language_switch(const Text& before, const Text& after) {
  const std::string from = detect_language(before), to = detect_language(after);
  if (from.empty() || to.empty() || from == to) return std::nullopt;
  // A translation shares few words with the original (names, numbers). A page in two
  // languages whose majority tipped, clauses added in one of them, keeps most of its words: its
  // edits are news, compared word by word (a review: a Russian and English page given two
  // English clauses read as a switch to English, the clauses unreported).
  if (vocabulary_overlap(before, after) >= kTranslationMaxOverlap) return std::nullopt;
  return LanguageChange{from, to, ""};
}

VersionRef version_ref(const VersionEntry& v) {
  VersionRef ref;
  ref.version = v.id();
  ref.captured_at = v.captured_at;
  ref.sha256 = v.sha256;
  ref.snapshots = v.snapshots;
  if (!v.snapshots.empty()) ref.snapshot_sha256 = v.snapshots.front();
  return ref;
}

RecordInput record_input_for(const DocumentSpec& spec) {
  RecordInput input;
  input.platform = spec.platform_id;
  input.document = spec.document_id;
  input.title = spec.title();
  for (const auto& source : spec.sources) input.urls.push_back(source.url);
  return input;
}

BuiltRecord build_record(const RecordInput& in) {
  BuiltRecord out;
  ChangeRecord& r = out.record;
  VersionEntry& v = out.version;
  v = in.current;
  r.platform = in.platform;
  r.document = in.document;
  r.title = in.title;
  r.urls = in.urls;
  r.checked_at = in.checked_at;
  r.warnings = in.warnings;
  r.accepted = in.accepted;

  if (!in.previous) {
    r.status = Status::new_document;
    if (in.current_text) {
      r.blocks = in.current_text->blocks.size();
      r.words = count_text_words(*in.current_text);
    }
  } else {
    r.previous = version_ref(*in.previous);
    static const Text kNoText;
    const Text& before = in.previous_text ? *in.previous_text : kNoText;
    const Text& after = in.current_text ? *in.current_text : kNoText;
    const Rules& rules = in.rules ? *in.rules : builtin_rules();
    Change change = diff_texts(before, after);
    reread_update_notices(change,
                          [&](const Hunk& hunk) { return words_touch_a_topic_besides(hunk, rules, "changes_to_terms"); });
    if (change.substantive)
      mark_page_margins(change, before, after, [&](const Hunk& hunk) { return touches_a_topic(hunk, rules); });
    if (change.substantive) mark_pointers(change, [&](const Hunk& hunk) { return words_touch_a_topic(hunk, rules); });
    if (change.substantive) {
      if (const std::size_t switched = mark_variants(change, in.variant_edits))
        r.warnings.push_back(std::to_string(switched) + (switched == 1 ? " changed place switches" : " changed places switch") +
                             " between two variants this page alternates between (as in version " +
                             in.variants_seen_in + "): cosmetic (variant)");
    }
    r.status = change.hunks.empty() ? Status::unchanged : Status::changed;
    r.significance = change.substantive ? Significance::substantive : Significance::cosmetic;
    r.cosmetic_kinds = change.cosmetic_kinds;
    r.change = std::move(change);
    if (!in.rules_changed.empty()) {
      r.rules_changed = in.rules_changed;
      if (r.status == Status::unchanged) {
        // The page did not change; only what reads it did: a version all the same (the
        // archive's text is the new reading), cosmetic, never an alert.
        r.status = Status::changed;
        r.significance = Significance::cosmetic;
        r.cosmetic_kinds = {"rules_changed"};
      }
    }
    // A page that switched language says the same thing in other words: a translation is not
    // compared word by word (it would read as a total rewrite, with every right "removed").
    // Back in a language archived before, the caller compares with that earlier text instead,
    // and what differs from it is a change like any other.
    std::optional<LanguageChange> language = in.language_changed;
    if (!language && in.previous_text && in.current_text) language = language_switch(*in.previous_text, *in.current_text);
    if (language) {
      r.language_changed = language;
      if (language->compared_with.empty() || r.status == Status::unchanged) {
        r.status = Status::changed;
        r.significance = Significance::cosmetic;
        r.cosmetic_kinds = {"language"};
      }
    }
    if (r.status == Status::changed) note_flapping(r, in.history, v.sha256, in.checked_at);
  }
  classify_result(r, in.rules ? *in.rules : builtin_rules());
  v.status = r.status == Status::new_document ? Status::new_document : Status::changed;
  v.significance = r.status == Status::changed ? r.significance : Significance::none;
  v.cosmetic_kinds = r.cosmetic_kinds;
  v.reverts_to = r.reverts_to;
  r.current = version_ref(v);
  v.summary = summarize(r);
  return out;
}

}  // namespace tosdiff
