#pragma once
// Helpers shared by the integration tests: replies, the JSON Lines tosdiff prints, files.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/http_test_server.hpp"
#include "support/record_schema.hpp"

namespace tosdiff::testing {

using nlohmann::json;

inline HttpReply html(const std::string& body, int status = 200) {
  HttpReply reply;
  reply.status = status;
  reply.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  reply.body = body;
  return reply;
}

// The JSON Lines a command printed (`check --json`, `accept --json`...). Every line that is a
// change record is validated against docs/change-record.schema.json on the way: every
// integration test that reads records is a schema test too.
inline std::vector<json> json_lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream in(out);
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    lines.push_back(json::parse(line));
    if (is_change_record(lines.back())) expect_valid_record(lines.back(), "line " + std::to_string(number) + " of the output");
  }
  return lines;
}

inline const json* find_document(const std::vector<json>& lines, const std::string& document) {
  for (const auto& l : lines)
    if (l.value("document", "") == document) return &l;
  return nullptr;
}

inline std::size_t count_files(const std::string& dir) {
  std::size_t n = 0;
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) return 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().filename() != ".lock") ++n;
  return n;
}


// An Open Terms Archive declaration: platform `name` with the given id, one document per
// (terms type, URL).
inline json declaration(const std::string& name, const std::string& id,
                        const std::vector<std::pair<std::string, std::string>>& documents) {
  json out;
  out["name"] = name;
  out["id"] = id;
  for (const auto& [type, url] : documents) out["terms"][type] = {{"fetch", url}};
  return out;
}

// The text of a fixture file under fixtures/.
inline std::string fixture(const std::string& relative) {
  std::ifstream in(std::string(TOSDIFF_FIXTURES_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace tosdiff::testing
