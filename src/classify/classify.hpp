#pragma once
// Classification of a change: which topics its changed words touch (AI training, data sale,
// arbitration, ...), which regulations those implicate, which protections were removed or
// permissions added (flags), and how severe it is. Deterministic and explainable: every
// topic and flag carries the phrases that matched, and the rules are data (the built-in
// data/rules/topics.json, extended or overridden by the user's own file; docs/topics.md).
// Pure functions: no I/O here; the caller reads the user's rules file.
// The pattern language is pattern.hpp, the rules file rules.hpp, the severity formula
// severity.hpp; this header brings them along.

#include <string>
#include <vector>

#include "tosdiff/classify/pattern.hpp"
#include "tosdiff/classify/rules.hpp"
#include "tosdiff/classify/severity.hpp"
#include "tosdiff/model/change.hpp"
#include "tosdiff/model/record.hpp"

namespace tosdiff {

// Record-level result of classify().
struct Classification {
  Severity severity = Severity::unclassified;
  int score = 0;                      // size + topic + flag points (docs/topics.md)
  std::vector<std::string> section;   // heading path of the largest substantive hunk
  std::vector<RecordTopic> topics;    // ordered by weight (section-only one less), then first seen
  std::vector<RegulationRef> regulations;
  std::vector<FlagMatch> flags;
};

// Fills `topics` and `flags` of every substantive hunk of `change` (cosmetic hunks get none)
// and returns the record-level classification. A change without substantive hunks is "info".
Classification classify(Change& change, const Rules& rules);

// Whether the classifier finds anything in one hunk, as if it were substantive: a topic of
// its changed words or of the headings above it, or a flag. What makes page furniture news
// (compare/page_margins.hpp).
bool touches_a_topic(const Hunk& hunk, const Rules& rules);
// The same, its changed words only, whatever the headings above them: a sentence that only
// points elsewhere says nothing of its section's subject (compare/pointers.hpp).
bool words_touch_a_topic(const Hunk& hunk, const Rules& rules);
// The same, one topic aside: an update notice touches "changes_to_terms" by what it is; any
// other topic or flag is what its update does (compare/update_notice.hpp).
bool words_touch_a_topic_besides(const Hunk& hunk, const Rules& rules, std::string_view topic_id);
// Sets the classification fields of a result: status new -> severity "info"; status changed ->
// classify() its change (a cosmetic one is "info", without topics); other statuses: none.
void classify_result(ChangeRecord& result, const Rules& rules);

}  // namespace tosdiff
