#pragma once
// What a declaration for one page should say (`tosdiff add`, `tosdiff normalize --suggest`),
// from the page as fetched, or rendered in the browser when it is a JavaScript shell: the
// page read the way a check reads it (status, content type, charset, page verdicts), an
// HTML page's `select` and `remove` proposed by extract/suggest.hpp, and the text tosdiff
// would track with them. A pure function of the page.

#include <optional>
#include <string>
#include <vector>

#include "tosdiff/extract/suggest.hpp"
#include "tosdiff/fetch/content_type.hpp"
#include "tosdiff/model/result.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

struct DraftPage {
  std::string url;           // as the user gave it (what the declaration fetches)
  long status = 200;
  std::string content_type;  // the header, "" when unknown (a local file)
  std::string body;          // the bytes
  bool rendered = false;     // the browser's DOM, not the HTTP body
};

struct DeclarationDraft {
  ContentKind kind = ContentKind::html;
  std::optional<SelectorSuggestion> selectors;  // HTML pages only
  Text text;                                    // what tosdiff would track
  bool execute_client_scripts = false;          // rendered: the page needs the browser
  std::vector<std::string> warnings;            // for the user, one sentence each
};

struct DraftOutcome {
  std::optional<DeclarationDraft> draft;
  bool needs_render = false;   // a JavaScript shell: render it, then draft again (rendered)
  std::optional<Error> error;  // the page is not a document tosdiff can track
};

// `can_render`: a browser is there; without one, a shell is drafted as it is, with a warning.
DraftOutcome draft_declaration(const DraftPage& page, bool can_render);

}  // namespace tosdiff
