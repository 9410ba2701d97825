#include "tosdiff/catalog/declaration_file.hpp"

#include <nlohmann/json.hpp>

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json selectors(const std::vector<std::string>& list) {
  if (list.size() == 1) return list.front();
  return list;
}

}  // namespace

DeclarationEdit with_terms_entry(std::string_view existing, const std::string& name, const std::string& type,
                                 const TermsEntry& entry, ExistingEntry existing_entry) {
  DeclarationEdit out;
  ordered_json root;
  if (existing.empty()) {
    root["name"] = name;
    root["terms"] = ordered_json::object();
  } else {
    try {
      root = ordered_json::parse(existing.begin(), existing.end());
    } catch (const nlohmann::json::exception& e) {
      out.problem = std::string("it is not valid JSON (") + e.what() + ")";
      return out;
    }
    if (!root.is_object()) {
      out.problem = "it is not a JSON object";
      return out;
    }
  }
  const char* key = root.contains("terms") ? "terms" : root.contains("documents") ? "documents" : "terms";
  if (!root.contains(key)) root[key] = ordered_json::object();
  ordered_json& terms = root[key];
  if (!terms.is_object()) {
    out.problem = std::string("its \"") + key + "\" is not an object";
    return out;
  }
  if (terms.contains(type)) {
    if (existing_entry == ExistingEntry::keep) {
      out.problem = "it already declares \"" + type + "\"";
      return out;
    }
    out.replaced = true;
  }
  ordered_json e;
  e["fetch"] = entry.fetch;
  if (!entry.select.empty()) e["select"] = selectors(entry.select);
  if (!entry.remove.empty()) e["remove"] = selectors(entry.remove);
  if (entry.execute_client_scripts) e["executeClientScripts"] = true;
  terms[type] = std::move(e);
  out.text = root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
  return out;
}

}  // namespace tosdiff
