#include "tosdiff/pipeline/extraction_rules.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/model/record.hpp"

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

std::vector<std::string> urls_of(const json& pages) {
  std::vector<std::string> urls;
  for (const json& page : pages) urls.push_back(page.value("url", std::string()));
  return urls;
}

}  // namespace

std::string extraction_rules(const DocumentSpec& document, bool rendered) {
  json rules;
  rules["extraction"] = kExtractionVersion;
  rules["compareLinks"] = document.compare_links;
  json pages = json::array();
  for (const SourceSpec& source : document.sources)
    pages.push_back({{"url", source.url},
                     {"select", specs_json(source.select)},
                     {"remove", specs_json(source.remove)},
                     {"executeClientScripts", source.execute_client_scripts && rendered}});
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
  const bool several = std::max(a.size(), b.size()) > 1;
  const std::vector<std::optional<std::size_t>> earlier = pair_by_address(urls_of(a), urls_of(b));
  std::vector<bool> kept(a.size(), false);
  for (std::size_t i = 0; i < b.size(); ++i) {
    const json& pb = b[i];
    if (!earlier[i]) {
      // A page added to the document: its text is taken as it is (decide.cpp reread), not
      // reported as terms added.
      out.push_back("page " + std::to_string(i + 1) + " added to the document: " + pb.value("url", std::string("?")) +
                    " (compared with the page as an earlier version had it, else its text " + std::string(kTakenAsItIs) +
                    ")");
      continue;
    }
    kept[*earlier[i]] = true;
    const json& pa = a[*earlier[i]];
    const std::string which = several ? " of page " + std::to_string(i + 1) : "";
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
                    " now: what that reads differently is " + std::string(kTakenAsItIs) + ")");
  }
  for (std::size_t j = 0; j < a.size(); ++j)
    if (!kept[j])
      out.push_back("page " + std::to_string(j + 1) + " taken out of the document: " + a[j].value("url", std::string("?")));
  if (out.empty()) out.push_back("the rules changed");
  return out;
}

std::vector<std::optional<std::size_t>> pair_by_address(const std::vector<std::string>& then_urls,
                                                        const std::vector<std::string>& now_urls) {
  std::vector<std::optional<std::size_t>> earlier(now_urls.size());
  std::vector<bool> taken(then_urls.size(), false);
  for (std::size_t i = 0; i < now_urls.size(); ++i)
    for (std::size_t j = 0; j < then_urls.size() && !earlier[i]; ++j)
      if (!taken[j] && then_urls[j] == now_urls[i]) earlier[i] = j, taken[j] = true;
  for (std::size_t i = 0, j = 0; i < now_urls.size(); ++i) {
    if (earlier[i]) continue;
    while (j < then_urls.size() && taken[j]) ++j;
    if (j < then_urls.size()) earlier[i] = j, taken[j] = true;
  }
  return earlier;
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
