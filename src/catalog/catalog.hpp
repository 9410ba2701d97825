#pragma once
// The catalog: which documents to track, read from Open Terms Archive declarations.
//
// A declaration is one JSON file per platform, as Open Terms Archive writes them:
//   {"name": "...", "terms": {"<Terms type>": {"fetch": URL, "select": ..., "remove": ...,
//    "filter": [...], "executeClientScripts": bool, "combine": [{"fetch": ..., ...}]}}}
// ("documents" is the older name of "terms"). Selectors are CSS strings or range objects,
// alone or in arrays. A combine entry inherits select/remove/filter from its terms entry
// unless it sets its own. tosdiff adds a few optional keys, ignored by other tools:
//   "id"             (top level) the platform id, instead of the one derived from the file
//   "aliases"        (top level) other names of the platform on the command line, each an id
//                    ("claude" for anthropic); a platform's own id wins over another's alias
//   "allowFileUrls"  (top level or per terms) accept file:// URLs (demos, tests)
//   "compareLinks"   (top level or per terms) compare link targets too
//   "perHost", "delay" (top level or per terms) politeness towards the host: transfers at
//                    once and seconds between requests, over check's --per-host/--delay
//
// Platform id = the file stem (or "id"), lowercased, runs of characters other than a-z0-9
// turned into "-", trimmed: "Claude.ai.json" -> "claude-ai". Document id = the terms type
// the same way. Ids are checked so they can only ever name a directory inside the archive.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/document.hpp"
#include "tosdiff/model/ids.hpp"

namespace tosdiff {

struct Platform {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;  // "aliases": other names the command line accepts
  std::string origin;  // the declaration's file path, or "built-in"
  bool built_in = false;
  std::vector<DocumentSpec> documents;
};

struct Diagnostic {
  enum class Severity { warning, error };
  Severity severity = Severity::error;
  std::string origin;    // file path or "built-in:<id>"
  std::string location;  // JSON path inside the declaration: "terms.Privacy Policy.select[1]"
  std::string message;
};


struct ParsedDeclaration {
  Platform platform;                     // valid only when no error diagnostics
  std::vector<Diagnostic> diagnostics;  // every problem found, not only the first
  bool ok() const;
};

// Parses and validates one declaration. `file_stem` gives the default platform id.
ParsedDeclaration parse_declaration(std::string_view json_text, std::string_view file_stem,
                                    const std::string& origin);

class Catalog {
 public:
  // The built-in declarations, then each directory in order; a later platform with the
  // same id replaces an earlier one. Files that are not *.json, and Open Terms Archive's
  // *.history.json, are skipped. Problems are collected in diagnostics(), never thrown;
  // a platform whose declaration has errors is left out.
  static Catalog load(const std::vector<std::filesystem::path>& directories);
  // One file or directory, without the built-in declarations (for `validate`).
  static Catalog load_only(const std::filesystem::path& file_or_directory);

  const std::vector<Platform>& platforms() const { return platforms_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  const Platform* find(std::string_view platform_id) const;
  bool has_errors() const;

  // Platforms that came from the user's directories (not built in).
  std::vector<const Platform*> user_platforms() const;

 private:
  void add_file(const std::filesystem::path& file, bool built_in);
  void add(ParsedDeclaration parsed);

  std::vector<Platform> platforms_;
  std::vector<Diagnostic> diagnostics_;
};

// The declarations compiled into the binary: (file name, JSON text).
struct BuiltinDeclaration {
  const char* file_name;
  const char* json;
};
const std::vector<BuiltinDeclaration>& builtin_declarations();

}  // namespace tosdiff
