#pragma once
// One Open Terms Archive declaration, and its history, read and checked.
//
// A declaration is one JSON file per platform, as Open Terms Archive writes them:
//   {"name": "...", "terms": {"<Terms type>": {"fetch": URL, "select": ..., "remove": ...,
//    "filter": [...], "executeClientScripts": bool, "combine": [{"fetch": ..., ...}]}}}
// ("documents" is the older name of "terms"; "importedFrom" is accepted and ignored).
// Selectors are CSS strings or range objects, alone or in arrays; one that does not parse is an
// error of its document only (Diagnostic::document_id). A combine entry inherits
// select/remove/filter/executeClientScripts from its terms entry unless it sets its own.
// tosdiff adds a few optional keys, ignored by other tools:
//   "id"             (top level) the platform id, instead of the one derived from the file
//   "aliases"        (top level) other names of the platform on the command line, each an id
//                    ("claude" for anthropic); a platform's own id wins over another's alias
//   "allowFileUrls"  (top level or per terms) accept file:// URLs (demos, tests)
//   "compareLinks"   (top level or per terms) compare link targets too
//   "perHost", "delay" (top level or per terms) politeness towards the host: transfers at
//                    once and seconds between requests, over check's --per-host/--delay
// Unknown keys anywhere are warnings that name the nearest known key ("selct": select?).
//
// The history, `<Service>.history.json` beside the declaration, gives per terms type the
// declarations that were in force before, each with "validUntil" (an ISO 8601 date) and the
// same fields as a terms entry. It is kept on each DocumentSpec (DocumentSpec::history). Its
// problems are warnings (the current declaration is what is checked), unless the file cannot
// be read at all (not JSON, not an object: an error of the platform). A terms type found
// only in the history is a retired document; a declaration with empty "terms" and a history
// is a retired platform (Open Terms Archive's way to stop tracking a service): listed, never
// fetched, its archive readable.
//
// Platform id = id_from_name(file stem) (or "id"); document id = id_from_name(terms type):
// see model/ids.hpp ("Claude.ai.json" -> "claude-ai", "Mon espace santé" -> "mon-espace-sante").

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
  std::string origin;  // the declaration's file path, or "built-in:<file>"; the last one merged
  bool built_in = false;
  // Every document is retired: the declaration has no terms, only a history.
  bool retired = false;
  std::vector<DocumentSpec> documents;
};

struct Diagnostic {
  enum class Severity { warning, error };
  Severity severity = Severity::error;
  std::string origin;    // file path or "built-in:<file>"
  std::string location;  // JSON path inside the file: "terms.Privacy Policy.select[1]"
  std::string message;
  // The platform the problem belongs to: an error makes that platform unusable, and only it.
  // Empty for a problem of the catalog itself (a directory that does not exist).
  std::string platform_id;
  // Set when the error belongs to that one document of the platform, not to the platform: a
  // selector that does not parse. Open Terms Archive never evaluates `select` on a PDF, and
  // some declarations put a sentence there for a PDF served from a URL without .pdf: only the
  // fetched content can say whether the selector matters. So the document stays listed and
  // checked; it fails with kind `selector` if its content is HTML, and a PDF is read whole.
  // `validate` still reports it as an error.
  std::string document_id;
};

struct ParsedDeclaration {
  Platform platform;                    // usable only when ok()
  std::vector<Diagnostic> diagnostics;  // every problem found, not only the first
  // No error of the platform (errors of one document, Diagnostic::document_id, leave it usable).
  bool ok() const;
};

// The text of a declaration's `.history.json`, and where it was read from.
struct HistoryText {
  std::string_view json;
  std::string origin;
};

// Parses and validates one declaration (and its history, when given). `file_stem` gives the
// default platform id. Pure: no file is read.
ParsedDeclaration parse_declaration(std::string_view json_text, std::string_view file_stem,
                                    const std::string& origin, const HistoryText* history = nullptr);

}  // namespace tosdiff
