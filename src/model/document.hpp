#pragma once
// What a declaration says of one document: its pages, and for each the selectors of the text
// to keep and to drop. Parsed from Open Terms Archive declarations by catalog/, used by the
// pipeline and the normalizer.

#include <chrono>
#include <string>
#include <variant>
#include <vector>

namespace tosdiff {

// Open Terms Archive's range selector: the content between two elements, in document order.
// Exactly one of start_before/start_after and one of end_before/end_after is set.
struct RangeSelector {
  std::string start_before, start_after, end_before, end_after;  // CSS selectors
};

// One entry of a declaration's `select` or `remove`: a CSS selector (list) or a range.
using SelectorSpec = std::variant<std::string, RangeSelector>;

// Human-readable form of a spec, for messages: the CSS text, or "{startAfter: ..., ...}".
std::string describe(const SelectorSpec& spec);

struct SourceSpec {  // one page of a document
  std::string url;
  std::vector<SelectorSpec> select;
  std::vector<SelectorSpec> remove;
  std::vector<std::string> filters;  // names of Open Terms Archive filters (not run)
  bool execute_client_scripts = false;
};

// A declaration of the document that was in force until `valid_until` (Open Terms Archive's
// `<Service>.history.json`): the rules to re-extract a snapshot taken then.
struct PastDeclaration {
  std::string valid_until;                           // as declared: "2024-05-31T00:00:00.000Z"
  std::chrono::system_clock::time_point valid_until_time;  // the same instant
  std::vector<SourceSpec> sources;
  bool complete = true;  // false when the entry had problems (warned): some rules are missing
};

struct DocumentSpec {
  std::string platform_id;
  std::string platform_name;
  std::string document_id;
  std::string terms_type;         // as declared: "Terms of Service"
  std::vector<SourceSpec> sources;  // one page, or several for a combined document
  bool allow_file_urls = false;
  bool compare_links = false;
  int per_host = 0;             // "perHost": transfers at once to its host (0: --per-host)
  double delay_seconds = -1;    // "delay": seconds between requests to its host (<0: --delay)
  // Past declarations, oldest valid_until first (entries without a readable validUntil are
  // left out). Empty when the declaration has no history.
  std::vector<PastDeclaration> history;
  // No current declaration: the terms type is only in the history (a retired service, or
  // terms the service no longer publishes). Nothing to fetch; its archive stays readable.
  bool retired = false;
  std::string origin;   // the declaration file it was read from ("built-in:<file>" if built in)
  std::string shadows;  // the origin of the declaration of the same document it replaced, if any

  std::string key() const { return platform_id + "/" + document_id; }
  // The sources in force at `when`, by Open Terms Archive's rule: the first past declaration
  // whose valid_until is at or after `when`, else the current one (`sources`; empty for a
  // retired document, whose last past declaration is then the one in force).
  const std::vector<SourceSpec>& sources_at(std::chrono::system_clock::time_point when) const;
  // The sources as last declared: `sources`, or for a retired document its last past ones.
  const std::vector<SourceSpec>& latest_sources() const;
  std::string title() const;  // "AI21 Labs — Terms of Service"
};

}  // namespace tosdiff
