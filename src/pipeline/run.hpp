#pragma once
// `tosdiff check`: the whole pipeline for a set of documents. Fetches every page (all at
// once, politely), then for each document as its pages arrive: transcode, normalize, compare
// with the archived current version, and archive what is new. One document's failure is its
// own result; it never stops the others and never touches their archive entries.

#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/model/document.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/fetch/browser.hpp"
#include "tosdiff/fetch/fetcher.hpp"
#include "tosdiff/model/record.hpp"

namespace tosdiff {

struct Rules;  // classify.hpp

struct CheckSummary {
  std::size_t checked = 0, created = 0, substantive = 0, cosmetic = 0, unchanged = 0, errors = 0;
};

using ReportFn = std::function<void(const ChangeRecord&)>;

// The caller holds the ArchiveLock. `report` is called once per document, in the order
// documents complete. A fetcher stopped early (FetchLimits::stop) leaves documents not
// finished reported as errors of kind "interrupted", their archive entries as they were.
// `max_page_bytes` is the fetch size cap; the normalizer accepts what it lets through
// (transcoding can triple a legacy-encoded page). New and changed records are classified
// (classify.hpp) with `rules`, the built-in rules when null.
// `stop` (a signal handler's flag) is looked at between a document's stages: a document not
// finished when it is set ends as "interrupted", its archive entry as it was. A document whose
// processing (transcoding, normalizing, comparing) takes longer than
// `document_budget_seconds` ends as an error of kind "time_budget", never as a version.
//
// `renderer` renders the pages of JavaScript: a page whose declaration says
// executeClientScripts is rendered instead of fetched, and a page fetched over HTTP that turns
// out to be a JavaScript shell is rendered before it is read (the record's fetcher says
// "browser"). Without a renderer, every page is read as HTTP gives it.
CheckSummary check_documents(const std::vector<DocumentSpec>& documents, const Archive& archive,
                             Fetcher& fetcher, const Clock& clock, const ReportFn& report,
                             std::size_t max_page_bytes = 10u << 20, const Rules* rules = nullptr,
                             const std::atomic<bool>* stop = nullptr, double document_budget_seconds = 60,
                             PageRenderer* renderer = nullptr);

// `tosdiff accept`: makes the text held back as suspicious (pending) the current version,
// on the user's word. Returns the record (status "changed"), or an error result of kind
// "nothing_pending". The caller holds the ArchiveLock.
ChangeRecord accept_pending(const DocumentSpec& document, const Archive& archive, const Clock& clock,
                           const Rules* rules = nullptr);

}  // namespace tosdiff
