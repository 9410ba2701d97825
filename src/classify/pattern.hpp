#pragma once
// The pattern language of the classification rules (docs/topics.md): compiling a pattern,
// and the phrases a pattern finds in a text. Pure functions.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/classify/rules_error.hpp"

namespace tosdiff {

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

// Compiles one pattern; throws RulesError saying what is wrong with it.
Pattern compile_pattern(std::string_view source);

// The phrases of `text` that `pattern` matches (every word counts as changed), for tests and
// for explaining a rule.
std::vector<std::string> match_phrases(const Pattern& pattern, std::string_view text);

}  // namespace tosdiff
