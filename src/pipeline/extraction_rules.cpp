#include "tosdiff/pipeline/extraction_rules.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "tosdiff/extract/normalize.hpp"

namespace tosdiff {
namespace {

using json = nlohmann::json;

json specs_json(const std::vector<SelectorSpec>& specs) {
  json out = json::array();
  for (const SelectorSpec& spec : specs) out.push_back(describe(spec));
  return out;
}

std::string shown(const json& value) {
  if (value.is_array() && value.empty()) return "(none)";
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Both rules' descriptions parsed; none when either is not (an archive older than them).
std::optional<std::pair<json, json>> parse_both(const std::string& then_text, const std::string& now_text) {
  try {
    return std::pair<json, json>(json::parse(then_text), json::parse(now_text));
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string extraction_rules(const DocumentSpec& document) {
  json rules;
  rules["extraction"] = kExtractionVersion;
  rules["compareLinks"] = document.compare_links;
  json pages = json::array();
  for (const SourceSpec& source : document.sources)
    pages.push_back({{"url", source.url},
                     {"select", specs_json(source.select)},
                     {"remove", specs_json(source.remove)},
                     {"executeClientScripts", source.execute_client_scripts}});
  rules["pages"] = std::move(pages);
  return rules.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<std::string> rules_difference(const std::string& then_text, const std::string& now_text) {
  std::vector<std::string> out;
  if (then_text == now_text) return out;
  const auto parsed = parse_both(then_text, now_text);
  if (!parsed) {
    out.push_back("the rules that read the previous version are not recorded (it was archived by an older tosdiff)");
    return out;
  }
  const auto& [then, now] = *parsed;
  if (then.value("extraction", 0) != now.value("extraction", 0))
    out.push_back("tosdiff's extraction: version " + std::to_string(then.value("extraction", 0)) + " \u2192 " +
                  std::to_string(now.value("extraction", 0)));
  if (then.value("compareLinks", false) != now.value("compareLinks", false))
    out.push_back(std::string("compareLinks: ") + (then.value("compareLinks", false) ? "on" : "off") + " \u2192 " +
                  (now.value("compareLinks", false) ? "on" : "off"));
  const json& a = then.contains("pages") ? then["pages"] : json::array();
  const json& b = now.contains("pages") ? now["pages"] : json::array();
  const std::size_t n = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const json empty = json::object();
    const json& pa = i < a.size() ? a[i] : empty;
    const json& pb = i < b.size() ? b[i] : empty;
    const std::string which = n > 1 ? " of page " + std::to_string(i + 1) : "";
    for (const char* key : {"url", "select", "remove"}) {
      const json va = pa.contains(key) ? pa[key] : json(), vb = pb.contains(key) ? pb[key] : json();
      if (va == vb) continue;
      out.push_back(std::string(std::string(key) == "url" ? "address" : key) + which + ": " + shown(va) + " \u2192 " +
                    shown(vb));
    }
    // Recorded since the twenty-seventh session: a version archived before says nothing of it.
    if (pa.contains("executeClientScripts") && pb.contains("executeClientScripts") &&
        pa["executeClientScripts"] != pb["executeClientScripts"])
      out.push_back("executeClientScripts" + which + ": " + shown(pa["executeClientScripts"]) + " \u2192 " +
                    shown(pb["executeClientScripts"]) + " (the page is read " +
                    (pb["executeClientScripts"] == true ? "in the browser" : "as the server sends it") +
                    " now: what that reads differently is taken as it is)");
  }
  if (out.empty()) out.push_back("the rules changed");
  return out;
}

bool fetched_otherwise(const std::string& then_text, const std::string& now_text) {
  if (then_text == now_text) return false;
  const auto parsed = parse_both(then_text, now_text);
  if (!parsed) return false;
  const auto& [then, now] = *parsed;
  const json& a = then.contains("pages") ? then["pages"] : json::array();
  const json& b = now.contains("pages") ? now["pages"] : json::array();
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    if (a[i].contains("executeClientScripts") && b[i].contains("executeClientScripts") &&
        a[i]["executeClientScripts"] != b[i]["executeClientScripts"])
      return true;
  return false;
}

}  // namespace tosdiff
