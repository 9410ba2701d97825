#include "tosdiff/model/document.hpp"

namespace tosdiff {

std::string DocumentSpec::title() const { return platform_name + " \u2014 " + terms_type; }

const std::vector<SourceSpec>& DocumentSpec::sources_at(std::chrono::system_clock::time_point when) const {
  for (const PastDeclaration& past : history)
    if (when <= past.valid_until_time) return past.sources;
  if (retired && !history.empty()) return history.back().sources;
  return sources;
}

const std::vector<SourceSpec>& DocumentSpec::latest_sources() const {
  return retired && !history.empty() ? history.back().sources : sources;
}

std::string describe(const SelectorSpec& spec) {
  if (const auto* css = std::get_if<std::string>(&spec)) return "'" + *css + "'";
  const auto& r = std::get<RangeSelector>(spec);
  std::string out = "{";
  auto field = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    if (out.size() > 1) out += ", ";
    out += std::string(name) + ": '" + value + "'";
  };
  field("startBefore", r.start_before);
  field("startAfter", r.start_after);
  field("endBefore", r.end_before);
  field("endAfter", r.end_after);
  return out + "}";
}

}  // namespace tosdiff
