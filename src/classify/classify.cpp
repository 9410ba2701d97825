#include "tosdiff/classify/classify.hpp"

#include <algorithm>
#include <utility>

#include "tosdiff/classify/hunk_sides.hpp"
#include "tosdiff/classify/pattern_match.hpp"
#include "tosdiff/classify/side_match.hpp"
#include "tosdiff/classify/token.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kEvidencePerHunk = 5;   // phrases kept per topic or flag of a hunk
constexpr std::size_t kEvidencePerRecord = 8; // phrases kept per flag of a record
constexpr std::size_t kEvidenceForRegulations = 64;

void add_evidence(std::vector<std::string>& evidence, const std::string& text, std::size_t cap) {
  if (evidence.size() >= cap) return;
  const std::string key = lowercase(text);
  for (const auto& e : evidence)
    if (lowercase(e) == key) return;
  evidence.push_back(text);
}

struct HunkTopic {
  TopicMatch match;
  const TopicRule* rule = nullptr;
  std::vector<std::string> all_evidence;  // for regulations' `when`
};

std::vector<HunkTopic> hunk_topics(const HunkSides& sides, const Tokens& headings, const Rules& rules) {
  std::vector<HunkTopic> text, section;
  const WordSet heading_words = word_set(headings);
  for (const TopicRule& rule : rules.topics) {
    const SideMatch removed = match_rule(rule.patterns, rule.exclude, sides.removed, sides.removed_words);
    const SideMatch added = match_rule(rule.patterns, rule.exclude, sides.added, sides.added_words);
    HunkTopic topic;
    topic.rule = &rule;
    topic.match.id = rule.id;
    topic.match.label = rule.label;
    if (!removed.counted.empty() || !added.counted.empty()) {
      // "removed" only when the new text no longer says it at all, "added" only when the old
      // text did not: a clause edited around its topic's words is "changed".
      topic.match.where = removed.counted.empty() && removed.all == 0   ? "added"
                          : added.counted.empty() && added.all == 0     ? "removed"
                                                                        : "changed";
      // Phrases of the added side first: what the text says now.
      for (Span s : added.counted) {
        add_evidence(topic.match.evidence, phrase(sides.added, s), kEvidencePerHunk);
        add_evidence(topic.all_evidence, phrase(sides.added, s), kEvidenceForRegulations);
      }
      for (Span s : removed.counted) {
        add_evidence(topic.match.evidence, phrase(sides.removed, s), kEvidencePerHunk);
        add_evidence(topic.all_evidence, phrase(sides.removed, s), kEvidenceForRegulations);
      }
      text.push_back(std::move(topic));
      continue;
    }
    const SideMatch heading = match_rule(rule.patterns, rule.exclude, headings, heading_words);
    if (heading.counted.empty()) continue;
    topic.match.where = "section";
    for (Span s : heading.counted) {
      add_evidence(topic.match.evidence, phrase(headings, s), kEvidencePerHunk);
      add_evidence(topic.all_evidence, phrase(headings, s), kEvidenceForRegulations);
    }
    section.push_back(std::move(topic));
  }
  // Found in the text before found in headings; heavier first; then in rules order.
  auto heavier = [](const HunkTopic& a, const HunkTopic& b) { return a.rule->weight > b.rule->weight; };
  std::stable_sort(text.begin(), text.end(), heavier);
  std::stable_sort(section.begin(), section.end(), heavier);
  text.insert(text.end(), std::make_move_iterator(section.begin()), std::make_move_iterator(section.end()));
  return text;
}

// How often each flag's patterns match each side of a hunk: a flag raised in one hunk is
// withdrawn when another hunk's other side says the same (the sentence moved).
struct FlagCounts {
  std::vector<std::size_t> removed, added;  // per flag rule
};

std::vector<FlagMatch> hunk_flags(const HunkSides& sides, const Rules& rules, FlagCounts& counts) {
  std::vector<FlagMatch> flags;
  for (const FlagRule& rule : rules.flags) {
    const SideMatch old_side = match_rule(rule.patterns, rule.exclude, sides.removed, sides.removed_words);
    const SideMatch new_side = match_rule(rule.patterns, rule.exclude, sides.added, sides.added_words);
    counts.removed.push_back(old_side.all);
    counts.added.push_back(new_side.all);
    const bool removal = rule.direction == "removed";
    const SideMatch& here = removal ? old_side : new_side;
    const SideMatch& there = removal ? new_side : old_side;
    const Tokens& from = removal ? sides.removed : sides.added;
    // The phrase itself changed, and the other side does not say it at all: it went away
    // (or came), rather than being reworded around.
    if (here.direct.empty() || there.all > 0) continue;
    FlagMatch flag;
    flag.id = rule.id;
    flag.label = rule.label;
    flag.direction = rule.direction;
    flag.kind = rule.kind;
    for (Span s : here.direct) add_evidence(flag.evidence, phrase(from, s), kEvidencePerHunk);
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::size_t changed_words(const Hunk& hunk) {
  const DiffStats s = hunk_stats(hunk);
  return s.words_added + s.words_removed;
}

bool evidence_matches(const std::vector<Pattern>& when, const std::vector<std::string>& evidence) {
  for (const std::string& e : evidence) {
    Tokens tokens;
    tokenize(e, nullptr, true, true, tokens);
    number_sentences(tokens);
    for (const Pattern& p : when)
      if (!find_matches(p, tokens).empty()) return true;
  }
  return false;
}

// A topic of the record while its hunks are read: when it was first seen, and the evidence
// of all its hunks (for regulations' `when`).
struct SeenTopic {
  RecordTopic topic;
  std::size_t first = 0;
  std::vector<std::string> evidence;
};

void note_topic(std::vector<SeenTopic>& seen, const HunkTopic& t) {
  auto it = std::find_if(seen.begin(), seen.end(), [&](const SeenTopic& s) { return s.topic.id == t.match.id; });
  if (it == seen.end()) {
    SeenTopic s;
    s.topic.id = t.match.id;
    s.topic.label = t.match.label;
    s.topic.weight = t.rule->weight;
    s.topic.where = "section";
    s.first = seen.size();
    seen.push_back(std::move(s));
    it = seen.end() - 1;
  }
  ++it->topic.hunks;
  if (t.match.where != "section") it->topic.where = "text";
  for (const auto& e : t.all_evidence) add_evidence(it->evidence, e, kEvidenceForRegulations);
}

// A flag stands when no other hunk says on the other side what this one took away (or
// added): a promise removed here and restated elsewhere was moved, not dropped. Drops the
// others from their hunks and returns the record's flags (one per id, evidence pooled).
std::vector<FlagMatch> standing_flags(const std::vector<Hunk*>& flagged, const std::vector<FlagCounts>& counts,
                                      const Rules& rules) {
  std::vector<FlagMatch> out;
  for (std::size_t k = 0; k < flagged.size(); ++k) {
    Hunk& hunk = *flagged[k];
    std::vector<FlagMatch> kept;
    for (FlagMatch& f : hunk.flags) {
      std::size_t r = 0;
      while (rules.flags[r].id != f.id) ++r;
      bool restated = false;
      for (std::size_t other = 0; other < counts.size(); ++other)
        if (other != k) restated = restated || (f.direction == "removed" ? counts[other].added[r] : counts[other].removed[r]) > 0;
      if (!restated) kept.push_back(std::move(f));
    }
    hunk.flags = std::move(kept);
    for (const FlagMatch& f : hunk.flags) {
      auto it = std::find_if(out.begin(), out.end(), [&](const FlagMatch& g) { return g.id == f.id; });
      if (it == out.end()) {
        out.push_back(f);
        continue;
      }
      for (const auto& e : f.evidence) add_evidence(it->evidence, e, kEvidencePerRecord);
    }
  }
  return out;
}

// Fills the record's topics (a topic found only in headings weighs one less; heavier first,
// then first seen) and the regulations they implicate; returns the topic points.
int rank_topics(std::vector<SeenTopic>& seen, const Rules& rules, Classification& out) {
  auto effective = [](const RecordTopic& t) { return t.where == "text" ? t.weight : t.weight - 1; };
  std::stable_sort(seen.begin(), seen.end(), [&](const SeenTopic& a, const SeenTopic& b) {
    if (effective(a.topic) != effective(b.topic)) return effective(a.topic) > effective(b.topic);
    return a.first < b.first;
  });
  int topic_points = 0;
  for (const SeenTopic& s : seen) {
    topic_points = std::max(topic_points, effective(s.topic));
    out.topics.push_back(s.topic);
    const TopicRule* rule = rules.topic(s.topic.id);
    if (!rule) continue;
    for (const Regulation& g : rule->regulations) {
      if (std::any_of(out.regulations.begin(), out.regulations.end(), [&](const RegulationRef& r) { return r.id == g.id; }))
        continue;
      if (!g.when.empty() && !evidence_matches(g.when, s.evidence)) continue;
      out.regulations.push_back({g.id, g.name, g.reason, s.topic.id});
    }
  }
  return topic_points;
}

}  // namespace

Classification classify(Change& change, const Rules& rules) {
  Classification out;
  std::vector<SeenTopic> seen;
  std::size_t words = 0, largest = 0;
  const Hunk* biggest = nullptr;
  std::vector<FlagCounts> counts;  // per substantive hunk
  std::vector<Hunk*> flagged;
  for (Hunk& hunk : change.hunks) {
    hunk.topics.clear();
    hunk.flags.clear();
    if (hunk.cosmetic) continue;
    const std::size_t n = changed_words(hunk);
    words += n;
    if (!biggest || n > largest) {
      biggest = &hunk;
      largest = n;
    }
    const HunkSides sides = sides_of(hunk);
    const Tokens headings = heading_tokens(hunk.section);
    for (HunkTopic& t : hunk_topics(sides, headings, rules)) {
      note_topic(seen, t);
      hunk.topics.push_back(std::move(t.match));
    }
    counts.emplace_back();
    hunk.flags = hunk_flags(sides, rules, counts.back());
    flagged.push_back(&hunk);
  }
  out.flags = standing_flags(flagged, counts, rules);
  if (!biggest) {
    out.severity = Severity::info;
    return out;
  }
  out.section = biggest->section;
  const int topic_points = rank_topics(seen, rules, out);
  out.severity = severity_for(words, topic_points, out.flags.size(), &out.score);
  return out;
}

bool touches_a_topic(const Hunk& hunk, const Rules& rules) {
  const HunkSides sides = sides_of(hunk);
  if (!hunk_topics(sides, heading_tokens(hunk.section), rules).empty()) return true;
  FlagCounts counts;
  return !hunk_flags(sides, rules, counts).empty();
}

bool words_touch_a_topic_besides(const Hunk& hunk, const Rules& rules, std::string_view topic_id) {
  const HunkSides sides = sides_of(hunk);
  for (const HunkTopic& topic : hunk_topics(sides, Tokens{}, rules))
    if (topic.rule == nullptr || topic.rule->id != topic_id) return true;
  FlagCounts counts;
  return !hunk_flags(sides, rules, counts).empty();
}

bool words_touch_a_topic(const Hunk& hunk, const Rules& rules) { return words_touch_a_topic_besides(hunk, rules, ""); }

void classify_result(ChangeRecord& result, const Rules& rules) {
  result.severity = Severity::unclassified;
  result.section.clear();
  result.topics.clear();
  result.regulations.clear();
  result.flags.clear();
  if (result.status == Status::new_document) {
    result.severity = Severity::info;
    return;
  }
  if (result.status != Status::changed || !result.change) return;
  if (result.significance != Significance::substantive) {
    for (Hunk& h : result.change->hunks) {
      h.topics.clear();
      h.flags.clear();
    }
    result.severity = Severity::info;
    return;
  }
  Classification c = classify(*result.change, rules);
  result.severity = c.severity;
  result.section = std::move(c.section);
  result.topics = std::move(c.topics);
  result.regulations = std::move(c.regulations);
  result.flags = std::move(c.flags);
}

}  // namespace tosdiff
