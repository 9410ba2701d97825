#pragma once
// The per-document decision of a check, as a pure function: the fetched pages and what the
// archive holds in, the outcome out — a new version, the same text, a text held back, an
// error, or pages to render in the browser first. No file system, no network, no clock: the caller reads the archive before and writes
// it after (pipeline/document_check.hpp).

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tosdiff/fetch/content_type.hpp"
#include "tosdiff/fetch/fetcher.hpp"
#include "tosdiff/model/document.hpp"
#include "tosdiff/model/result.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// One page of a document, fetched (a 304 restored from the archive by the caller), or
// rendered in the browser.
struct Page {
  const SourceSpec* source = nullptr;
  FetchResponse response;
  std::string sha256;     // of the raw bytes
  ContentSniff content;   // what the bytes are (fetch/content_type.hpp)
  std::string utf8;       // the page transcoded (HTML and plain text; empty for a PDF)
  bool rendered = false;  // the bytes are the DOM the browser rendered
};

// What the archive says of the document before the check.
struct ArchivedState {
  bool has_current = false;
  std::string current_sha256;  // of the current version's text
  std::string current_text;    // the current version's text as archived ("" without one)
  std::vector<std::string> current_urls;  // the URLs the current version's pages came from
  // The earlier versions (all but the current one), newest first: a text that is one of
  // theirs is the document's own text back, never a suspicious one (the check holds it until
  // it lasts: document_check.hpp kReturnAdoptChecks); and so is a raw page one of them was
  // read from, served again byte for byte, whatever the rules that read it now.
  struct EarlierVersion {
    std::string id;
    std::string sha256;                  // of its text
    std::vector<std::string> snapshots;  // its raw pages' SHA-256
  };
  std::vector<EarlierVersion> earlier_versions;
  std::vector<std::string> current_snapshots;  // the current version's raw pages' SHA-256
  // The current version's raw pages as archived, one per page of today's declaration (found
  // by address, else in order: an address the declaration changed), read only when the new
  // text differs from the current one (the one read of the archive decide may cause): re-read
  // with today's rules, they tell a change of the page from a change of the rules that read
  // it. Nothing for a page the declaration added since (its text is taken as it is); an empty
  // list when none can be read.
  std::function<std::vector<std::optional<Page>>()> current_pages;
  // The current version's pages were read another way (extraction_rules.hpp fetched_otherwise):
  // the new text is then its own baseline, a rules change.
  bool fetched_otherwise = false;
};

struct DecideOptions {
  bool compare_links = false;
  // A browser can render pages: a page that turns out to be a JavaScript shell is sent
  // there (Outcome::Kind::render) instead of being read as it is.
  bool can_render = false;
  std::size_t max_html_bytes = 16u << 20;
  // Asked between stages: an error to stop with (the run is stopping, the document is over
  // its time budget), or nothing to go on.
  std::function<std::optional<Error>()> interrupt;
};

struct Outcome {
  enum class Kind {
    unchanged,    // the text is the current version's
    new_version,  // a text to archive as the next version (the first, or a change)
    hold,         // a text not to trust yet (a suspicious shrink, an error page with text):
                  // kept as pending for `tosdiff accept`, and an error now
    fail,         // an error; nothing to archive but the pages, kept for inspection
    render,       // pages that are JavaScript shells: render them, then decide again
  };
  Kind kind = Kind::fail;
  Text text;                // unchanged, new_version, hold
  std::string rendered;     // render_text(text)
  std::string sha256;       // of `rendered`
  std::optional<Error> error;  // hold, fail
  // fail: whether the check is recorded at all (an interrupted one leaves the document as it
  // was) and whether the pages (some may not have arrived) are kept.
  bool record_check = true;
  std::vector<std::size_t> render_pages;  // render: which pages (indices into `pages`)
  // new_version: the current version's pages re-read with today's rules (the declaration's
  // selectors, tosdiff's extraction) when that gives another text than the archived one: the
  // rules changed, and the new text is compared with this, like with like.
  std::optional<Text> rules_baseline;
  // hold: the declaration's new address serves another document than the declared one (its
  // edits, while held, are not this document's).
  bool another_document = false;
  // new_version, rules unchanged: the language the text is in when it is not the current
  // version's ("fr"; record_builder.hpp language_switch), "" otherwise. The check holds such a
  // text until it lasts (document_check.hpp kReturnAdoptChecks).
  std::string switched_to;
  // new_version, rules unchanged: the id of the newest earlier version with this very text.
  std::string returns_to;
  std::vector<std::string> warnings;
};

Outcome decide(const DocumentSpec& document, const std::vector<Page>& pages, const ArchivedState& archived,
               const DecideOptions& options);

}  // namespace tosdiff
