#pragma once
// A selector list as the parser leaves it and the matcher reads it (internal to extract/;
// selector.hpp is the interface): complex selectors of compound selectors and combinators.

#include <cstdint>
#include <string>
#include <vector>

#include <gumbo.h>

#include "tosdiff/extract/class_hashes.hpp"

namespace tosdiff {

// An+B values are clamped to this (browsers clamp to 32 bits), so nth arithmetic never
// overflows.
constexpr std::int64_t kMaxNth = 2147483647;

enum class Combinator : std::uint8_t { kDescendant, kChild, kAdjacent, kSibling };

enum class AttrOp : std::uint8_t {
  kExists,     // [a]
  kEquals,     // [a=v]
  kIncludes,   // [a~=v]
  kDashMatch,  // [a|=v]
  kPrefix,     // [a^=v]
  kSuffix,     // [a$=v]
  kSubstring,  // [a*=v]
};

struct AttrTest {
  std::string name;  // lowercase
  std::string value;
  AttrOp op = AttrOp::kExists;
  bool ignore_case = false;
};

struct NthTest {
  std::int64_t a = 0;
  std::int64_t b = 0;
  bool from_end = false;
  bool of_type = false;
};

struct Compound {
  // GUMBO_TAG_LAST means "no type constraint" (absent type selector or '*').
  GumboTag tag = GUMBO_TAG_LAST;
  std::string type_name;  // lowercase; consulted for GUMBO_TAG_UNKNOWN elements
  std::vector<std::string> ids;
  std::vector<std::string> classes;
  // Classes read by their stable part (Selector::with_stable_class_names): a class token with
  // the stem and another hash of the same shape.
  std::vector<ClassStem> class_stems;
  std::vector<AttrTest> attrs;
  std::vector<NthTest> nths;
  bool empty = false;
  // Each entry is one :not(list): the element must match none of the list's compounds.
  std::vector<std::vector<Compound>> negations;
};

struct Complex {
  std::vector<Compound> compounds;       // left to right, as written
  std::vector<Combinator> combinators;   // combinators[i] sits between compounds[i], [i+1]
};

}  // namespace tosdiff
