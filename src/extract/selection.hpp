#pragma once
// What a declaration's `select` and `remove` lists pick out of a document (internal to
// extract/): each spec compiled, and its matches as intervals of the flat document.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/interval_set.hpp"
#include "tosdiff/extract/selector.hpp"
#include "tosdiff/model/document.hpp"
#include "tosdiff/model/result.hpp"

namespace tosdiff {

// A CSS selector (`css`), or a range between a start and an end boundary (`start`, `end`,
// each taken before or after the boundary element's subtree).
struct CompiledSpec {
  std::optional<Selector> css;
  std::optional<Selector> start, end;
  bool start_after = false, end_after = false;
  std::string description;
};

// Compiles every spec; the first error (kind "selector": a selector that does not parse, or
// a range without exactly one start and one end boundary).
Result<std::vector<CompiledSpec>> compile_all(const std::vector<SelectorSpec>& specs);

// The spec with its classes written with a build's hash read by their stable part
// (Selector::with_stable_class_names), or nothing when it names no such class.
std::optional<CompiledSpec> with_stable_class_names(const CompiledSpec& spec);

// Adds the intervals a spec selects; returns whether it matched anything. A CSS spec adds the
// subtree of each outermost matching element (and, when `roots` is given, appends its
// position there); a range spec adds the span from the first element matching its start to
// the next one matching its end.
bool add_matches(const FlatDocument& doc, const CompiledSpec& spec, IntervalSet& set,
                 std::vector<std::uint32_t>* roots);

}  // namespace tosdiff
