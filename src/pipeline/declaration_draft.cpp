#include "tosdiff/pipeline/declaration_draft.hpp"

#include "tosdiff/extract/js_shell.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/extract/page_verdict.hpp"
#include "tosdiff/extract/pdf_text.hpp"
#include "tosdiff/extract/plain_text.hpp"
#include "tosdiff/fetch/charset.hpp"

namespace tosdiff {
namespace {

DraftOutcome failed(Error error) {
  DraftOutcome out;
  out.error = std::move(error);
  return out;
}

}  // namespace

DraftOutcome draft_declaration(const DraftPage& page, bool can_render) {
  const ContentSniff content = sniff_content(page.content_type, page.body);
  const Utf8Text utf8 = to_utf8(page.body, page.content_type);
  // An HTTP error is never a document, whatever it says: a challenge page is named as one.
  if (page.status < 200 || page.status >= 400) {
    const auto whole = normalize(utf8.text, NormalizeOptions{});
    if (auto verdict = page_verdict(page.status, utf8.text, whole ? *whole : Text{}, page.url)) return failed(*verdict);
    return failed({ErrorKind::http_status, "HTTP " + std::to_string(page.status) + " from " + page.url});
  }
  DeclarationDraft draft;
  draft.kind = content.kind;
  draft.execute_client_scripts = page.rendered;
  switch (content.kind) {
    case ContentKind::pdf: {
      auto text = pdf_to_text(page.body, PdfOptions{});
      if (!text) return failed(text.error());
      if (text->blocks.empty()) return failed({ErrorKind::pdf_no_text, "the PDF " + page.url + " has no text"});
      draft.text = std::move(*text);
      draft.warnings.push_back("a PDF: its whole text is tracked (select does not apply)");
      break;
    }
    case ContentKind::plain_text:
      draft.text = plain_text_to_text(utf8.text);
      break;
    case ContentKind::unsupported:
      return failed({ErrorKind::unsupported_content, page.url + " is " + content.mime + ", not a document"});
    case ContentKind::html:
    case ContentKind::xhtml: {
      // A page whose text a script inserts: the browser's rendering is what to read.
      const auto whole = normalize(utf8.text, NormalizeOptions{});
      ExtractionHints hints;
      hints.whole_page_words = whole ? count_text_words(*whole) : 0;
      if (!page.rendered && hints.whole_page_words < kMinWords * 5 && looks_like_js_shell(utf8.text, hints)) {
        if (can_render) {
          DraftOutcome out;
          out.needs_render = true;
          return out;
        }
        draft.warnings.push_back("the page looks built by JavaScript and no browser is used: its HTML as served is read");
      }
      auto suggestion = suggest_selectors(utf8.text);
      if (!suggestion && !draft.warnings.empty() && suggestion.error().kind == ErrorKind::empty)
        return failed({ErrorKind::empty, "the page is built by JavaScript and, read without a browser, has no text"});
      if (!suggestion) return failed(suggestion.error());
      draft.text = suggestion->text;
      draft.selectors = std::move(*suggestion);
      if (!draft.selectors->agrees)
        draft.warnings.push_back("with the proposed selectors the text differs from what tosdiff finds on its own (" +
                                 std::to_string(static_cast<int>(draft.selectors->agreement * 100)) +
                                 "% of the words agree): review them");
      break;
    }
  }
  // A page that is not the document (a challenge, an error page served with 200, nothing).
  const bool html = content.kind == ContentKind::html || content.kind == ContentKind::xhtml;
  if (auto verdict = page_verdict(page.status, html ? utf8.text : std::string(), draft.text, page.url))
    return failed(*verdict);
  DraftOutcome out;
  out.draft = std::move(draft);
  return out;
}

}  // namespace tosdiff
