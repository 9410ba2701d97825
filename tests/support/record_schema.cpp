// valijson reports a bad schema by calling abort() unless this is set: a test should fail
// with the reason instead.
#define VALIJSON_USE_EXCEPTIONS 1

#include "support/record_schema.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace tosdiff::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Debian 12's valijson (1.0) knows drafts 3, 4 and 7; the schema is draft 2020-12. Of the
// keywords it uses (if/then/else, const, contains, $defs reached by JSON pointer, boolean
// schemas...), only dependentRequired is newer than draft 7, which spells the same rule
// `dependencies` with arrays of names. Translated here rather than ignored: valijson skips
// keywords it does not know, which would silently drop those rules; for the same reason, a
// newer keyword with no draft 7 equivalent stops the tests until this loader handles it.
void to_draft7(json& node) {
  static const char* const kNewerKeywords[] = {
      "dependentSchemas", "prefixItems", "unevaluatedItems", "unevaluatedProperties", "minContains",
      "maxContains", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor"};
  if (node.is_array()) {
    for (json& item : node) to_draft7(item);
    return;
  }
  if (!node.is_object()) return;
  for (const char* keyword : kNewerKeywords)
    if (node.contains(keyword))
      throw std::runtime_error(std::string("the schema uses ") + keyword +
                               ", which valijson 1.0 would ignore: teach tests/support/record_schema.cpp to check it");
  for (auto& [key, value] : node.items()) {
    if (key == "properties" || key == "$defs") {
      for (auto& [name, schema] : value.items()) to_draft7(schema);  // names are not keywords
    } else if (key != "enum" && key != "const" && key != "required" && key != "dependentRequired") {
      to_draft7(value);
    }
  }
  if (node.contains("dependentRequired")) {
    if (node.contains("dependencies")) throw std::runtime_error("schema has both dependentRequired and dependencies");
    node["dependencies"] = node["dependentRequired"];
    node.erase("dependentRequired");
  }
}

std::string schema_path() { return std::string(TOSDIFF_SOURCE_DIR) + "/docs/change-record.schema.json"; }

struct LoadedSchema {
  json document;  // the schema as translated
  valijson::Schema schema;
};

// Loaded and parsed once for the whole test binary (thread-safe: a function-local static).
const valijson::Schema& record_schema() {
  static const std::unique_ptr<LoadedSchema> loaded = [] {
    auto out = std::make_unique<LoadedSchema>();
    std::ifstream in(schema_path(), std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + schema_path());
    std::ostringstream text;
    text << in.rdbuf();
    out->document = json::parse(text.str());
    if (out->document.value("$schema", "") != "https://json-schema.org/draft/2020-12/schema")
      throw std::runtime_error(schema_path() + ": not the draft 2020-12 schema this loader translates");
    to_draft7(out->document);
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(out->document);
    parser.populateSchema(adapter, out->schema);
    return out;
  }();
  return loaded->schema;
}

// valijson's context ("<root>", "[hunks]", "[0]", "[significance]") as a JSON pointer.
std::string json_path(const std::vector<std::string>& context) {
  std::string out;
  for (const std::string& part : context) {
    if (part == "<root>") continue;
    out += "/";
    out += part.size() >= 2 && part.front() == '[' && part.back() == ']' ? part.substr(1, part.size() - 2) : part;
  }
  return out.empty() ? "/" : out;
}

std::string describe(const json& record) {
  if (!record.is_object()) return "a " + std::string(record.type_name()) + " value";
  std::string out = "record";
  for (const char* key : {"platform", "document", "status"})
    if (auto it = record.find(key); it != record.end() && it->is_string()) out += " " + it->get<std::string>();
  if (auto it = record.find("error"); it != record.end() && it->is_object() && it->contains("kind"))
    out += " (" + it->at("kind").dump() + ")";
  return out;
}

}  // namespace

std::vector<std::string> record_schema_errors(const json& record) {
  const valijson::Schema& schema = record_schema();
  valijson::Validator validator;  // strong types: 1 is not "1"
  valijson::adapters::NlohmannJsonAdapter target(record);
  valijson::ValidationResults results;
  std::vector<std::string> errors;
  if (validator.validate(schema, target, &results)) return errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) errors.push_back(json_path(error.context) + ": " + error.description);
  if (errors.empty()) errors.push_back("/: invalid (valijson gave no reason)");
  return errors;
}

void expect_valid_record(const json& record, const std::string& where) {
  const std::vector<std::string> errors = record_schema_errors(record);
  if (errors.empty()) return;
  std::string message = describe(record) + (where.empty() ? "" : " (" + where + ")") +
                        " does not validate against docs/change-record.schema.json:";
  for (const auto& e : errors) message += "\n  " + e;
  message += "\nthe record: " + record.dump(-1, ' ', false, json::error_handler_t::replace);
  ADD_FAILURE() << message;
}

void expect_valid_record(const nlohmann::ordered_json& record, const std::string& where) {
  expect_valid_record(json::parse(record.dump(-1, ' ', false, json::error_handler_t::replace)), where);
}

bool is_change_record(const json& value) {
  return value.is_object() && value.contains("schema_version") && value.contains("status");
}

std::size_t expect_valid_archived_records(const std::string& data_dir) {
  std::size_t checked = 0;
  std::error_code ec;
  if (!fs::is_directory(data_dir, ec)) return 0;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(data_dir, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    // <data>/<platform>/<document>/records/<n>.json: what check, accept and verify --repair write.
    if (p.extension() != ".json" || p.parent_path().filename() != "records" || !it->is_regular_file(ec)) continue;
    const fs::path relative = p.lexically_relative(data_dir);
    if (std::distance(relative.begin(), relative.end()) == 4) files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    json record;
    try {
      record = json::parse(text.str());
    } catch (const json::exception& e) {
      ADD_FAILURE() << p.string() << " is not JSON: " << e.what();
      continue;
    }
    expect_valid_record(record, p.string());
    ++checked;
  }
  return checked;
}

}  // namespace tosdiff::testing
