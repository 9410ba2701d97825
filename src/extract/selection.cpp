#include "tosdiff/extract/selection.hpp"

#include <utility>
#include <variant>

namespace tosdiff {
namespace {

Result<Selector> parse_selector(const std::string& text) {
  auto parsed = Selector::parse(text);
  if (!parsed) return Error{ErrorKind::selector, parsed.error().message};
  return std::move(parsed).value();
}

Result<CompiledSpec> compile(const SelectorSpec& spec) {
  CompiledSpec compiled;
  compiled.description = describe(spec);
  if (const auto* css = std::get_if<std::string>(&spec)) {
    auto selector = parse_selector(*css);
    if (!selector) return selector.error();
    compiled.css = std::move(selector).value();
    return compiled;
  }
  const auto& range = std::get<RangeSelector>(spec);
  bool one_start = range.start_before.empty() != range.start_after.empty();
  bool one_end = range.end_before.empty() != range.end_after.empty();
  if (!one_start || !one_end)
    return Error{ErrorKind::selector, "range selector " + compiled.description +
                                 " needs exactly one of startBefore/startAfter and one of "
                                 "endBefore/endAfter"};
  compiled.start_after = !range.start_after.empty();
  compiled.end_after = !range.end_after.empty();
  auto start = parse_selector(compiled.start_after ? range.start_after : range.start_before);
  if (!start) return start.error();
  auto end = parse_selector(compiled.end_after ? range.end_after : range.end_before);
  if (!end) return end.error();
  compiled.start = std::move(start).value();
  compiled.end = std::move(end).value();
  return compiled;
}

}  // namespace

Result<std::vector<CompiledSpec>> compile_all(const std::vector<SelectorSpec>& specs) {
  std::vector<CompiledSpec> out;
  for (const SelectorSpec& spec : specs) {
    auto compiled = compile(spec);
    if (!compiled) return compiled.error();
    out.push_back(std::move(compiled).value());
  }
  return out;
}

std::optional<CompiledSpec> with_stable_class_names(const CompiledSpec& spec) {
  CompiledSpec loose = spec;
  bool changed = false;
  for (std::optional<Selector>* selector : {&loose.css, &loose.start, &loose.end}) {
    if (!*selector) continue;
    if (std::optional<Selector> stable = (*selector)->with_stable_class_names()) {
      *selector = std::move(stable);
      changed = true;
    }
  }
  if (!changed) return std::nullopt;
  return loose;
}

bool add_matches(const FlatDocument& doc, const CompiledSpec& spec, IntervalSet& set,
                 std::vector<std::uint32_t>* roots) {
  bool matched = false;
  const auto n = static_cast<std::uint32_t>(doc.nodes.size());
  if (spec.css) {
    for (std::uint32_t i = 0; i < n; ++i) {
      if (is_element(doc.nodes[i]) && spec.css->matches(doc.nodes[i])) {
        set.add(i, doc.end[i]);
        if (roots) roots->push_back(i);
        matched = true;
        i = doc.end[i] - 1;  // nested matches add nothing the union does not have
      }
    }
    return matched;
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!is_element(doc.nodes[i]) || !spec.start->matches(doc.nodes[i])) continue;
    std::uint32_t begin = spec.start_after ? doc.end[i] : i;
    for (std::uint32_t j = begin; j < n; ++j) {
      if (is_element(doc.nodes[j]) && spec.end->matches(doc.nodes[j])) {
        set.add(begin, spec.end_after ? doc.end[j] : j);
        return true;
      }
    }
    return false;
  }
  return false;
}

}  // namespace tosdiff
