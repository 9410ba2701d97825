#pragma once
// Classification of a change: which topics its changed words touch (AI training, data sale,
// arbitration, ...), which regulations those implicate, which protections were removed or
// permissions added (flags), and how severe it is. Deterministic and explainable: every
// topic and flag carries the phrases that matched, and the rules are data (the built-in
// src/rules/topics.json, extended or overridden by the user's own file; docs/topics.md).
// Pure functions: no I/O here; the caller reads the user's rules file.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/record.hpp"

namespace tosdiff {

// A rules file that cannot be used: the message names the file and the bad rule.
class RulesError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One compiled pattern (syntax in docs/topics.md): words matched whole and case-insensitively,
// `word*` a prefix, `word+` the word and its inflections, `a|b` alternatives, `word?` an
// optional word, `~N` up to N other words between two terms.
struct PatternTerm {
  struct Alternative {
    std::string word;                // lowercase
    char mode = '=';                 // '=' exact, '*' prefix, '+' inflections
    std::vector<std::string> forms;  // mode '+': every form accepted
  };
  std::vector<Alternative> alternatives;
  bool optional = false;
  std::size_t gap = 0;  // up to this many other words may come before this term
};

struct Pattern {
  std::string source;
  std::vector<PatternTerm> terms;
};

struct Regulation {
  std::string id, name, reason;
  std::vector<Pattern> when;  // implicated only when one matches the topic's evidence; empty: always
};

struct TopicRule {
  std::string id, label;
  int weight = 1;  // 1..3
  std::vector<Pattern> patterns, exclude;
  std::vector<Regulation> regulations;
  bool disabled = false;  // only in an overlay: removes the built-in topic of that id
};

struct FlagRule {
  std::string id, label;
  std::string direction;  // removed | added: the side of the change the patterns must leave
  std::string kind;       // right_removed | permission_added
  std::vector<Pattern> patterns, exclude;
  bool disabled = false;
};

struct Rules {
  std::vector<TopicRule> topics;
  std::vector<FlagRule> flags;

  const TopicRule* topic(const std::string& id) const;
};

// Compiles one pattern; throws RulesError saying what is wrong with it.
Pattern compile_pattern(std::string_view source);

// Parses and validates a rules file's text. `origin` (a path, or "built-in rules") starts every
// error message. A disabled entry needs only its id. Throws RulesError.
Rules parse_rules(std::string_view json_text, const std::string& origin);

// Applies a user's rules over `base`: an entry with a known id replaces it in place, a new id
// is appended, `"disabled": true` removes it (an unknown id there is an error).
void overlay_rules(Rules& base, const Rules& overlay, const std::string& origin);

// The built-in rules (src/rules/topics.json compiled into the binary), and them parsed once.
std::string_view builtin_rules_json();
const Rules& builtin_rules();

// The phrases of `text` that `pattern` matches (every word counts as changed), for tests and
// for explaining a rule.
std::vector<std::string> match_phrases(const Pattern& pattern, std::string_view text);

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

// The severity of a substantive change (formula in docs/topics.md): `words` changed words
// (added + removed, substantive hunks), `topic_points` the largest topic weight (one less when
// found only in headings), `flags` distinct flags raised.
Severity severity_for(std::size_t words, int topic_points, std::size_t flags, int* score = nullptr);

// Sets the classification fields of a result: status new -> severity "info"; status changed ->
// classify() its change (a cosmetic one is "info", without topics); other statuses: none.
void classify_result(ChangeRecord& result, const Rules& rules);

}  // namespace tosdiff
