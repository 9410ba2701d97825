#include "tosdiff/classify/rules.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

namespace tosdiff {
namespace {

using json = nlohmann::json;

std::string describe(const std::string& kind, std::size_t index, const json& entry) {
  if (entry.is_object() && entry.contains("id") && entry["id"].is_string())
    return kind + " '" + entry["id"].get<std::string>() + "'";
  return kind + "s[" + std::to_string(index) + "]";
}

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

class RuleReader {
 public:
  RuleReader(const std::string& origin, std::string where, const json& entry)
      : origin_(origin), where_(std::move(where)), entry_(entry) {}

  [[noreturn]] void fail(const std::string& message) const {
    throw RulesError(origin_ + ": " + where_ + ": " + message);
  }

  void allow_only(std::initializer_list<const char*> keys) const {
    for (const auto& item : entry_.items()) {
      const std::string& key = item.key();
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
        fail("unknown key '" + key + "'");
    }
  }

  std::string string(const char* key, bool required) const {
    if (!entry_.contains(key)) {
      if (required) fail(std::string("'") + key + "' is missing");
      return {};
    }
    if (!entry_[key].is_string()) fail(std::string("'") + key + "' must be a string");
    std::string value = entry_[key].get<std::string>();
    if (required && value.empty()) fail(std::string("'") + key + "' is empty");
    return value;
  }

  std::vector<Pattern> patterns(const char* key, bool required) const {
    std::vector<Pattern> out;
    if (!entry_.contains(key)) {
      if (required) fail(std::string("'") + key + "' is missing");
      return out;
    }
    return patterns_of(entry_[key], key, required);
  }

  std::vector<Pattern> patterns_of(const json& list, const std::string& key, bool required) const {
    std::vector<Pattern> out;
    if (!list.is_array()) fail("'" + key + "' must be an array of pattern strings");
    if (required && list.empty()) fail("'" + key + "' is empty");
    for (const json& p : list) {
      if (!p.is_string()) fail("'" + key + "' must be an array of pattern strings");
      try {
        out.push_back(compile_pattern(p.get<std::string>()));
      } catch (const RulesError& e) {
        fail(e.what());
      }
    }
    return out;
  }

  bool disabled() const {
    if (!entry_.contains("disabled")) return false;
    if (!entry_["disabled"].is_boolean()) fail("'disabled' must be true or false");
    return entry_["disabled"].get<bool>();
  }

 private:
  const std::string& origin_;
  std::string where_;
  const json& entry_;
};

TopicRule read_topic(const json& entry, std::size_t index, const std::string& origin) {
  RuleReader r(origin, describe("topic", index, entry), entry);
  if (!entry.is_object()) r.fail("must be an object");
  r.allow_only({"id", "label", "weight", "patterns", "exclude", "regulations", "disabled", "comment"});
  TopicRule rule;
  rule.id = r.string("id", true);
  if (!valid_id(rule.id)) r.fail("id must be lowercase letters, digits and '_', starting with a letter");
  rule.disabled = r.disabled();
  if (rule.disabled) return rule;
  rule.label = r.string("label", true);
  if (!entry.contains("weight")) r.fail("'weight' is missing");
  if (!entry["weight"].is_number_integer() || entry["weight"].get<int>() < 1 || entry["weight"].get<int>() > 3)
    r.fail("'weight' must be 1, 2 or 3");
  rule.weight = entry["weight"].get<int>();
  rule.patterns = r.patterns("patterns", true);
  rule.exclude = r.patterns("exclude", false);
  if (entry.contains("regulations")) {
    const json& list = entry["regulations"];
    if (!list.is_array()) r.fail("'regulations' must be an array");
    for (std::size_t k = 0; k < list.size(); ++k) {
      RuleReader g(origin, describe("topic", index, entry) + " regulations[" + std::to_string(k) + "]", list[k]);
      if (!list[k].is_object()) g.fail("must be an object with id, name and reason");
      g.allow_only({"id", "name", "reason", "when", "comment"});
      Regulation regulation;
      regulation.id = g.string("id", true);
      regulation.name = g.string("name", true);
      regulation.reason = g.string("reason", true);
      regulation.when = g.patterns("when", false);
      rule.regulations.push_back(std::move(regulation));
    }
  }
  return rule;
}

FlagRule read_flag(const json& entry, std::size_t index, const std::string& origin) {
  RuleReader r(origin, describe("flag", index, entry), entry);
  if (!entry.is_object()) r.fail("must be an object");
  r.allow_only({"id", "label", "direction", "kind", "patterns", "exclude", "disabled", "comment"});
  FlagRule rule;
  rule.id = r.string("id", true);
  if (!valid_id(rule.id)) r.fail("id must be lowercase letters, digits and '_', starting with a letter");
  rule.disabled = r.disabled();
  if (rule.disabled) return rule;
  rule.label = r.string("label", true);
  rule.direction = r.string("direction", true);
  if (rule.direction != "removed" && rule.direction != "added") r.fail("'direction' must be \"removed\" or \"added\"");
  rule.kind = r.string("kind", false);
  if (rule.kind.empty()) rule.kind = rule.direction == "removed" ? "right_removed" : "permission_added";
  if (rule.kind != "right_removed" && rule.kind != "permission_added")
    r.fail("'kind' must be \"right_removed\" or \"permission_added\"");
  rule.patterns = r.patterns("patterns", true);
  rule.exclude = r.patterns("exclude", false);
  return rule;
}

template <typename Rule>
void overlay(std::vector<Rule>& base, const std::vector<Rule>& more, const std::string& kind, const std::string& origin) {
  for (const Rule& rule : more) {
    auto it = std::find_if(base.begin(), base.end(), [&](const Rule& r) { return r.id == rule.id; });
    if (rule.disabled) {
      if (it == base.end())
        throw RulesError(origin + ": " + kind + " '" + rule.id + "': disables a " + kind + " that does not exist");
      base.erase(it);
    } else if (it != base.end()) {
      *it = rule;
    } else {
      base.push_back(rule);
    }
  }
}

}  // namespace

const TopicRule* Rules::topic(const std::string& id) const {
  for (const TopicRule& t : topics)
    if (t.id == id) return &t;
  return nullptr;
}

Rules parse_rules(std::string_view json_text, const std::string& origin) {
  json doc;
  try {
    doc = json::parse(json_text.begin(), json_text.end());
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw RulesError(origin + ": not valid JSON: " + e.what());
  }
  if (!doc.is_object()) throw RulesError(origin + ": must be a JSON object with \"topics\" and/or \"flags\"");
  for (const auto& [key, value] : doc.items()) {
    (void)value;
    if (key != "version" && key != "topics" && key != "flags" && key != "comment")
      throw RulesError(origin + ": unknown key '" + key + "' (expected version, topics, flags)");
  }
  if (doc.contains("version") && doc["version"] != 1) throw RulesError(origin + ": 'version' must be 1");
  Rules rules;
  std::set<std::string> ids;
  if (doc.contains("topics")) {
    if (!doc["topics"].is_array()) throw RulesError(origin + ": 'topics' must be an array");
    for (std::size_t i = 0; i < doc["topics"].size(); ++i) {
      rules.topics.push_back(read_topic(doc["topics"][i], i, origin));
      if (!ids.insert("topic " + rules.topics.back().id).second)
        throw RulesError(origin + ": topic '" + rules.topics.back().id + "': defined twice");
    }
  }
  if (doc.contains("flags")) {
    if (!doc["flags"].is_array()) throw RulesError(origin + ": 'flags' must be an array");
    for (std::size_t i = 0; i < doc["flags"].size(); ++i) {
      rules.flags.push_back(read_flag(doc["flags"][i], i, origin));
      if (!ids.insert("flag " + rules.flags.back().id).second)
        throw RulesError(origin + ": flag '" + rules.flags.back().id + "': defined twice");
    }
  }
  return rules;
}

void overlay_rules(Rules& base, const Rules& more, const std::string& origin) {
  overlay(base.topics, more.topics, "topic", origin);
  overlay(base.flags, more.flags, "flag", origin);
}

const Rules& builtin_rules() {
  static const Rules rules = [] {
    Rules parsed = parse_rules(builtin_rules_json(), "built-in rules");
    Rules empty;
    overlay_rules(empty, parsed, "built-in rules");  // a "disabled" entry makes no sense here: refused
    return empty;
  }();
  return rules;
}

}  // namespace tosdiff
