#include "tosdiff/pipeline/decide.hpp"

#include <algorithm>
#include <utility>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/extract/document_kind.hpp"
#include "tosdiff/extract/error_page.hpp"
#include "tosdiff/extract/js_shell.hpp"
#include "tosdiff/extract/missing_part.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/extract/page_verdict.hpp"
#include "tosdiff/extract/writing_system.hpp"
#include "tosdiff/extract/pdf_text.hpp"
#include "tosdiff/extract/plain_text.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/util/sha256.hpp"

namespace tosdiff {
namespace {

// The words an error message must have taken the place of, on a long page, to be a part of
// the page that failed to load (a fifth of a shorter one does too).
constexpr std::size_t kErrorPartWords = 500;

std::string http_reason(long status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

Outcome fail(Error error) {
  Outcome out;
  out.kind = Outcome::Kind::fail;
  out.record_check = error.kind != ErrorKind::interrupted;
  out.error = std::move(error);
  return out;
}

Outcome with_text(Outcome::Kind kind, Text text) {
  Outcome out;
  out.kind = kind;
  out.rendered = render_text(text);
  out.sha256 = sha256_hex(out.rendered);
  // The text as the archive keeps it and reads it back (a table row of one cell is a
  // paragraph there): every comparison below is with an archived text read back, and a check
  // and a later re-diff of the same two versions must give the same verdict.
  out.text = parse_text(out.rendered);
  return out;
}

// An HTTP error: a challenge page (blocked) or a plain http_status; never a version.
std::optional<Error> http_error(const Page& page) {
  const long status = page.response.status;
  if (status >= 200 && status < 400) return std::nullopt;
  NormalizeOptions whole_page;  // the page's own text, for telling a challenge apart
  auto text = normalize(page.utf8, whole_page);
  if (auto blocked = page_verdict(status, page.utf8, text ? *text : Text{}, page.source->url)) return blocked;
  const std::string reason = http_reason(status);
  return Error{ErrorKind::http_status,
               "HTTP " + std::to_string(status) + (reason.empty() ? "" : " " + reason) + " from " + page.source->url};
}

// The page's text: HTML through the normalizer (its selectors, the fallback when they stopped
// matching), a PDF through poppler, plain text by paragraphs.
Result<Text> extract(const Page& page, const DecideOptions& options, const std::string* anchor, NormalizeReport* report) {
  switch (page.content.kind) {
    case ContentKind::pdf: {
      auto text = pdf_to_text(page.response.body, PdfOptions{});
      if (text && text->blocks.empty())
        return Error{ErrorKind::pdf_no_text, "the PDF " + page.source->url + " has no text"};
      return text;
    }
    case ContentKind::plain_text:
      return plain_text_to_text(page.utf8);
    case ContentKind::unsupported:
      return Error{ErrorKind::unsupported_content, page.source->url + " is " + page.content.mime + ", not a document"};
    case ContentKind::html:
    case ContentKind::xhtml:
      break;
  }
  NormalizeOptions n;
  n.select = page.source->select;
  n.remove = page.source->remove;
  n.base_url = page.response.final_url.empty() ? page.source->url : page.response.final_url;
  n.include_links = options.compare_links;
  n.max_html_bytes = options.max_html_bytes;
  n.report = report;
  if (anchor) {
    n.fallback_on_no_match = true;
    n.anchor_text = *anchor;
  }
  return normalize(page.utf8, n);
}

std::size_t words_of(const Text& text) { return count_text_words(text); }

// Words of an archived text, as count_text_words() counts them (runs of non-spaces, a script
// written without spaces by its letters), line by line.
std::size_t words_of(std::string_view rendered) {
  std::size_t words = 0;
  for (std::size_t start = 0; start < rendered.size();) {
    const std::size_t end = std::min(rendered.find('\n', start), rendered.size());
    words += count_words(rendered.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// What the whole page is, when it is not a document: a challenge, an error page, or a page
// with no text at all (a parked domain, a bare redirect), with its text (no selector applied).
// A few words of another page stay the selector's no_match.
// A page with no text is judged too: a 170-byte page that only redirects to a captcha is
// blocked, a parked domain empty, not a selector to fix.
std::optional<std::pair<Error, Text>> whole_page_verdict(const Page& page, const DecideOptions& options,
                                                         std::size_t previous_words) {
  NormalizeOptions whole_page;
  whole_page.max_html_bytes = options.max_html_bytes;
  auto text = normalize(page.utf8, whole_page);
  if (!text) return std::nullopt;  // too large or too complex to read: the selector's error stands
  auto verdict = page_verdict(page.response.status, page.utf8, *text, page.source->url, previous_words);
  if (!verdict) return std::nullopt;
  // Empty only when there is nothing to read at all (or a parked domain's placeholder): a few
  // words of another page are a selector's no_match.
  const bool nothing = verdict->kind == ErrorKind::empty && (text->blocks.empty() || is_parked_domain(*text));
  if (verdict->kind != ErrorKind::blocked && verdict->kind != ErrorKind::error_page && !nothing) return std::nullopt;
  return std::make_pair(*verdict, std::move(*text));
}

// The text found in place of a selector that matched nothing came out empty, on a page that
// is not: the selector is what failed (no_match), not the page (empty is for pages with no
// text; whole_page_verdict() has judged this page to have some).
Error no_match_found_empty(const Error& empty) {
  return Error{ErrorKind::no_match, "the declaration's select matched nothing, and the text tosdiff found in its "
                                    "place is next to empty (" +
                                        empty.message + "), while the page itself has text: update the declaration"};
}

// The current version's pages read again with today's rules; nothing when one cannot be read,
// or when none was archived. A page the declaration added since has no archived page: its text
// today (`now`'s blocks [starts[i], starts[i + 1])) stands for it, taken as it is, so that a
// page added to a document is a rules change and not its whole text reported as new terms.
std::optional<Text> reread(const std::vector<std::optional<Page>>& pages, const Text& now,
                           const std::vector<std::size_t>& starts, const DecideOptions& options,
                           const std::string& anchor) {
  if (std::none_of(pages.begin(), pages.end(), [](const auto& page) { return page.has_value(); })) return std::nullopt;
  Text text;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (!pages[i]) {
      if (i + 1 >= starts.size()) return std::nullopt;
      text.blocks.insert(text.blocks.end(), now.blocks.begin() + static_cast<std::ptrdiff_t>(starts[i]),
                         now.blocks.begin() + static_cast<std::ptrdiff_t>(starts[i + 1]));
      continue;
    }
    const Page& page = *pages[i];
    NormalizeReport report;
    auto extracted = extract(page, options, nullptr, &report);
    if (!extracted && extracted.error().kind == ErrorKind::no_match)
      extracted = extract(page, options, pages.size() == 1 ? &anchor : nullptr, &report);
    if (!extracted) return std::nullopt;
    for (Block& block : extracted->blocks) text.blocks.push_back(std::move(block));
  }
  return text;
}

// The earlier version whose raw page one of `pages` is again, byte for byte, while every other
// page is the current version's: a stale copy of a page (of one page of a combined document)
// served for a while. Its text read with today's rules matches no earlier text after a rules
// change, and no earlier text at all when it is one page of several (a red team's finds: both
// reported as the clauses removed). The newest such version's id; none otherwise.
std::optional<std::string> stale_page_of(const std::vector<Page>& pages, const ArchivedState& archived) {
  std::optional<std::string> stale;
  for (const Page& page : pages) {
    if (std::find(archived.current_snapshots.begin(), archived.current_snapshots.end(), page.sha256) !=
        archived.current_snapshots.end())
      continue;
    const auto earlier = std::find_if(archived.earlier_versions.begin(), archived.earlier_versions.end(),
                                      [&](const auto& version) {
                                        return std::find(version.snapshots.begin(), version.snapshots.end(),
                                                         page.sha256) != version.snapshots.end();
                                      });
    if (earlier == archived.earlier_versions.end()) return std::nullopt;  // a page never archived: news
    if (!stale) stale = earlier->id;
  }
  return stale;
}

// The declaration now fetches from other addresses than the current version came from.
bool relocated(const std::vector<Page>& pages, const ArchivedState& archived) {
  if (archived.current_urls.empty()) return false;
  std::vector<std::string> now, then = archived.current_urls;
  for (const Page& page : pages) now.push_back(page.source->url);
  std::sort(now.begin(), now.end());
  std::sort(then.begin(), then.end());
  return now != then;
}

// Whether an HTML page read over plain HTTP (not yet rendered) should be rendered before it is
// read: its extraction found nothing usable, and the page looks like a script-built shell.
bool needs_browser(const Page& page, const Result<Text>& extracted, const std::optional<Error>& verdict,
                   const DecideOptions& options) {
  if (!options.can_render || page.rendered) return false;
  if (page.content.kind != ContentKind::html && page.content.kind != ContentKind::xhtml) return false;
  const bool poor = !extracted || verdict || words_of(*extracted) < kMinWords * 5;
  if (!poor) return false;
  ExtractionHints hints;
  hints.selector_given = !page.source->select.empty();
  hints.selector_matched = extracted || extracted.error().kind != ErrorKind::no_match;
  NormalizeOptions whole_page;
  whole_page.max_html_bytes = options.max_html_bytes;
  auto whole = normalize(page.utf8, whole_page);
  hints.whole_page_words = whole ? words_of(*whole) : 0;
  return looks_like_js_shell(page.utf8, hints);
}

}  // namespace

Outcome decide(const DocumentSpec& document, const std::vector<Page>& pages, const ArchivedState& archived,
               const DecideOptions& options) {
  const bool combined = pages.size() > 1;
  // How big the document was: a page far smaller than that is more likely an error page. Not
  // for a document made of several pages (one page is a part of it).
  const std::size_t previous_words = combined || !archived.has_current ? 0 : words_of(archived.current_text);
  auto interrupted = [&]() -> std::optional<Error> { return options.interrupt ? options.interrupt() : std::nullopt; };

  // 1. An HTTP error status: never a version, whatever the page says.
  for (const Page& page : pages)
    if (auto error = http_error(page)) return fail(*error);

  // 2. Each page's text: selected, or found again when the selector stopped matching.
  Text text;
  std::vector<std::size_t> page_starts = {0};  // where each page's blocks begin in `text`, and the end
  std::vector<std::string> warnings;
  std::vector<std::size_t> to_render;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const Page& page = pages[p];
    if (auto stop = interrupted()) return fail(*stop);
    if (page.content.kind == ContentKind::pdf && !page.source->select.empty())
      warnings.push_back("select does not apply to a PDF: its whole text is tracked" +
                         (combined ? " (page " + page.source->url + ")" : std::string()));
    NormalizeReport report;
    auto extracted = extract(page, options, nullptr, &report);
    const bool html = page.content.kind == ContentKind::html || page.content.kind == ContentKind::xhtml;
    std::optional<Error> verdict;
    if (extracted)
      verdict = page_verdict(page.response.status, html ? page.utf8 : std::string(), *extracted, page.source->url,
                             previous_words);
    // 3. A JavaScript shell is read once the browser has rendered it.
    if (needs_browser(page, extracted, verdict, options)) {
      to_render.push_back(p);
      continue;
    }
    if (!extracted && extracted.error().kind == ErrorKind::no_match && html) {
      // A challenge or an error page has no element the selector names: what the whole page
      // is comes first, so that the user is not sent to fix a selector that is not broken.
      if (auto whole_page = whole_page_verdict(page, options, previous_words)) {
        Outcome out = !combined && whole_page->first.kind != ErrorKind::empty
                          ? with_text(Outcome::Kind::hold, whole_page->second)
                          : fail(whole_page->first);
        if (out.kind == Outcome::Kind::hold && out.text.blocks.empty()) out = fail(whole_page->first);
        out.error = whole_page->first;
        out.warnings = warnings;
        return out;
      }
    }
    if (!extracted && extracted.error().kind == ErrorKind::no_match) {
      // The declaration's selector no longer matches (a redesign): look for the text itself,
      // anchored on what the document said last time, rather than go blind.
      const std::string anchor = combined ? std::string() : archived.current_text;
      extracted = extract(page, options, &anchor, &report);
      if (extracted) verdict = page_verdict(page.response.status, page.utf8, *extracted, page.source->url, previous_words);
      if (verdict && verdict->kind == ErrorKind::empty) {
        Outcome out = fail(no_match_found_empty(*verdict));
        out.warnings = warnings;
        return out;
      }
    }
    if (report.fell_back) warnings.push_back(report.note + (combined ? " (page " + page.source->url + ")" : ""));
    // A rendering cut off by the page's time limit: said, so that a text half filled is not
    // taken for the document without a word (a red team's find).
    // A placeholder the archived text has too is the page's for good (a widget that never
    // loads): only one it did not have says the text is half there.
    if (page.response.incomplete && extracted &&
        std::any_of(extracted->blocks.begin(), extracted->blocks.end(), [&](const Block& block) {
          return is_loading_placeholder(block.text) && archived.current_text.find(block.text) == std::string::npos;
        })) {
      // Still saying it is loading: half a text, never a version (the next check reads it
      // again), nor compared with the last one.
      Outcome out = fail(Error{ErrorKind::timeout, "the page at " + page.source->url +
                                                      " still said it was loading when its time ran out; nothing "
                                                      "archived (a longer --timeout may help)"});
      out.warnings = warnings;
      return out;
    }
    if (page.response.incomplete)
      warnings.push_back("the page was still loading, or without what select names, when its time ran out: read as "
                         "it was then" + (combined ? " (page " + page.source->url + ")" : std::string()));
    for (const std::string& spec : report.read_by_stable_classes)
      warnings.push_back("the declaration's " + spec +
                         " matched nothing as written; its class names matched once their build hash was set aside "
                         "(the site rebuilt its styles). Update the declaration" +
                         (combined ? " (page " + page.source->url + ")" : std::string()));
    if (!extracted) {
      Error error = extracted.error();
      // A selector that does not parse reaches here only from the declaration (validate
      // reports it; catalog/declaration.hpp says why the document is still checked).
      if (error.kind == ErrorKind::selector)
        error.message = "the declaration's selector does not parse, and " + page.source->url +
                        " is an HTML page: " + error.message;
      if (combined) error.message += " (page " + page.source->url + ")";
      Outcome out = fail(error);
      out.warnings = warnings;
      return out;
    }
    // 4. Is it the document at all? An error page or a challenge with text is held, so that
    // the user can take it with `tosdiff accept` if tosdiff is wrong about it.
    if (verdict) {
      Outcome out = !combined && verdict->kind != ErrorKind::empty ? with_text(Outcome::Kind::hold, std::move(*extracted))
                                                                   : fail(*verdict);
      out.error = verdict;
      out.warnings = warnings;
      return out;
    }
    for (Block& block : extracted->blocks) text.blocks.push_back(std::move(block));
    page_starts.push_back(text.blocks.size());
  }
  if (!to_render.empty()) {
    Outcome out;
    out.kind = Outcome::Kind::render;
    out.render_pages = std::move(to_render);
    return out;
  }
  if (auto stop = interrupted()) return fail(*stop);

  // 5. Against the current version: the same text, a collapse to hold back, or a new version.
  Outcome out = with_text(Outcome::Kind::new_version, std::move(text));
  out.warnings = std::move(warnings);
  if (!archived.has_current) return out;
  if (archived.current_sha256 == out.sha256) {
    out.kind = Outcome::Kind::unchanged;
    return out;
  }
  // Read another way only when the page was: a declaration switched to the browser but read
  // over HTTP (--no-browser, a rendering that fell back) reads as the archived version did, and
  // is compared with it (a red team's find: a clause added on that check taken as it is).
  const bool rendered = std::any_of(pages.begin(), pages.end(), [](const Page& page) { return page.rendered; });
  const bool declared_rendered = std::any_of(document.sources.begin(), document.sources.end(),
                                             [](const SourceSpec& source) { return source.execute_client_scripts; });
  if (archived.fetched_otherwise && rendered == declared_rendered) {
    out.rules_baseline = out.text;
    return out;
  }
  // The current version's own pages, read with today's rules: when that is not the archived
  // text, the rules changed (a declaration's selectors, tosdiff's extraction), and only the
  // difference from it is what the page changed.
  Text baseline = parse_text(archived.current_text);
  std::vector<std::optional<Page>> previous_pages;  // read from the archive once, for the rules and for scans
  if (archived.current_pages) {
    previous_pages = archived.current_pages();
    if (auto again = reread(previous_pages, out.text, page_starts, options, archived.current_text);
        again && render_text(*again) != archived.current_text) {
      baseline = *again;
      out.rules_baseline = std::move(*again);
    }
  }
  if (!out.rules_baseline) {
    if (auto language = language_switch(baseline, out.text)) out.switched_to = language->to;
    // An earlier version's text back (a stale copy, of a shorter edition too): the document's
    // own, never a suspicious one.
    const auto earlier = std::find_if(archived.earlier_versions.begin(), archived.earlier_versions.end(),
                                      [&](const auto& version) { return version.sha256 == out.sha256; });
    if (earlier != archived.earlier_versions.end()) {
      out.returns_to = earlier->id;
      return out;
    }
  }
  if (auto stale = stale_page_of(pages, archived)) {
    if (out.rules_baseline)
      if (auto language = language_switch(baseline, out.text)) out.switched_to = language->to;
    out.returns_to = *stale;
    out.rules_baseline.reset();  // held as the page's older copy, not compared
    return out;
  }
  // An error message opening a page that lost a fifth of its text or 500 words: a part of the
  // page that failed to load (replay: a German "es ist ein Fehler aufgetreten" in place of a
  // platform's rules, 1,654 of its 9,800 words, the rest of the page kept). Held like an
  // error page, not a version with the rules removed. Away from the opening, a short new block
  // giving an HTTP status code with the phrase (an error page inside the site's frame, its menus
  // above the message). A message the document already said is its text.
  const std::size_t words_now = words_of(out.text), words_before = words_of(baseline);
  const bool lost_a_part = words_now * 5 < words_before * 4 || words_now + kErrorPartWords <= words_before;
  std::optional<std::string> phrase = opening_error_phrase(out.text);
  if (!phrase && lost_a_part) phrase = new_status_error_message(out.text, baseline);
  if (phrase && lost_a_part && !says_phrase(baseline, *phrase)) {
    out.kind = Outcome::Kind::hold;
    out.error = Error{ErrorKind::error_page, "the page shows an error message ('" + *phrase +
                                                 "') where part of its text was (" + std::to_string(words_now) +
                                                 " words, down from " + std::to_string(words_before) + ")"};
    return out;
  }
  auto shrink = shrink_verdict(baseline, out.text);
  // A PDF's page turned into a scan: its words gone from the text, not from the document (a
  // red team's find: a page re-issued as an image read as 391 words deleted). Held as a
  // shrink, with the page named, until it lasts. Only pages without text the previous PDF of
  // that source did not have: a cover or a signature page that was always a picture says
  // nothing of a clause taken out now.
  if (!shrink && words_now < words_before) {
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const Page& page = pages[i];
      if (page.content.kind != ContentKind::pdf) continue;
      const std::vector<std::size_t> scanned = pdf_pages_without_text(page.response.body);
      if (scanned.empty()) continue;
      const Page* previous = i < previous_pages.size() && previous_pages[i] && previous_pages[i]->source == page.source
                                 ? &*previous_pages[i]
                                 : nullptr;
      if (previous && previous->content.kind == ContentKind::pdf &&
          pdf_pages_without_text(previous->response.body).size() >= scanned.size())
        continue;
      std::string which;
      for (std::size_t n : scanned) which += (which.empty() ? "" : ", ") + std::to_string(n);
      shrink = Error{ErrorKind::suspicious_shrink,
                     "the PDF " + page.source->url + " has " + (scanned.size() == 1 ? "a page" : "pages") +
                         " without a text layer (page " + which + ": a scan? tosdiff does not OCR), and its text " +
                         "lost words (" + std::to_string(words_now) + ", down from " +
                         std::to_string(words_before) + ")"};
      break;
    }
  }
  // Stretches of the page gone and nothing else changed: a page served or rendered in part,
  // held until seen on checks spanning a day, when what went is news (a previous version or a
  // second copy of the text taken down is not: that is a cosmetic change, and a version).
  if (!shrink) {
    if (const auto part = missing_part(baseline, out.text); part && diff_texts(baseline, out.text).substantive)
      shrink = Error{ErrorKind::suspicious_shrink, describe_missing_part(*part, words_before)};
  }
  const bool moved = relocated(pages, archived);
  // A wrong address: the declaration's new one serves a page whose title names another document
  // than the declared one, where the old text's did not ("privacy" edited to the cookie
  // policy's address; a red team's find: excused as the document moved, the other document
  // was reported as the terms). Held, never adopted, whatever it shares with the old page.
  if (moved && names_another_document(document.terms_type, out.text) &&
      !names_another_document(document.terms_type, baseline)) {
    out.kind = Outcome::Kind::hold;
    out.another_document = true;
    out.error = Error{ErrorKind::suspicious_shrink, "the declaration's new address serves another document ('" +
                                                        std::string(title_line(out.text)) + "', not the " +
                                                        document.terms_type + ")" +
                                                        (shrink ? ": " + shrink->message : std::string())};
    return out;
  }
  if (shrink && moved) {
    // The declaration moved the document to another address: a smaller text there is the
    // document's new home, not an error page. When it is a part of the old page and nothing
    // else changed (the old address served every document of the site), the page changed
    // nothing: its text is the baseline, and the record says the address changed.
    // Sections missing from the middle of a numbering are no page's own part: taken away with
    // the move, they are news.
    if (const auto part = missing_part(baseline, out.text); part && !part->by_numbering_only) {
      out.rules_baseline = out.text;
      out.warnings.push_back("the document moved to another address (the declaration's URL changed): its text there "
                             "is the part of the old page it was, unchanged");
    } else {
      out.warnings.push_back("the document moved to another address (the declaration's URL changed): " +
                             shrink->message + "; compared with the text at the old address");
    }
  } else if (shrink) {
    out.kind = Outcome::Kind::hold;
    out.error = shrink;
  }
  return out;
}

}  // namespace tosdiff
