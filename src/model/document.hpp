#pragma once
// What a declaration says of one document: its pages, and for each the selectors of the text
// to keep and to drop. Parsed from Open Terms Archive declarations by catalog/, used by the
// pipeline and the normalizer.

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

  std::string key() const { return platform_id + "/" + document_id; }
  std::string title() const;  // "AI21 Labs — Terms of Service"
};

}  // namespace tosdiff
