#pragma once
// The classification rules: topics (with the regulations they implicate) and flags, as data
// (the built-in data/rules/topics.json, extended or overridden by the user's own file;
// docs/topics.md). Parsing and validating a rules file's text, and overlaying one on another.
// Pure functions: the caller reads the user's file.

#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/classify/pattern.hpp"
#include "tosdiff/classify/rules_error.hpp"

namespace tosdiff {

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

// Parses and validates a rules file's text. `origin` (a path, or "built-in rules") starts every
// error message. A disabled entry needs only its id. Throws RulesError.
Rules parse_rules(std::string_view json_text, const std::string& origin);

// Applies a user's rules over `base`: an entry with a known id replaces it in place, a new id
// is appended, `"disabled": true` removes it (an unknown id there is an error).
void overlay_rules(Rules& base, const Rules& overlay, const std::string& origin);

// The built-in rules (data/rules/topics.json compiled into the binary), and them parsed once.
std::string_view builtin_rules_json();
const Rules& builtin_rules();

}  // namespace tosdiff
