#include "tosdiff/pipeline/decide.hpp"

#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/extract/page_verdict.hpp"
#include "tosdiff/util/sha256.hpp"

namespace tosdiff {
namespace {

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
  out.text = std::move(text);
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

Result<Text> extract(const Page& page, const DecideOptions& options, const std::string* anchor, NormalizeReport* report) {
  NormalizeOptions n;
  n.select = page.source->select;
  n.remove = page.source->remove;
  n.base_url = page.response.final_url.empty() ? page.source->url : page.response.final_url;
  n.include_links = options.compare_links;
  n.max_html_bytes = options.max_html_bytes;
  if (anchor) {
    n.fallback_on_no_match = true;
    n.anchor_text = *anchor;
    n.report = report;
  }
  return normalize(page.utf8, n);
}

}  // namespace

Outcome decide(const DocumentSpec& document, const std::vector<Page>& pages, const ArchivedState& archived,
               const DecideOptions& options) {
  (void)document;
  const bool combined = pages.size() > 1;
  auto interrupted = [&]() -> std::optional<Error> { return options.interrupt ? options.interrupt() : std::nullopt; };

  // 1. An HTTP error status: never a version, whatever the page says.
  for (const Page& page : pages)
    if (auto error = http_error(page)) return fail(*error);

  // 2. Each page's text: selected, or found again when the selector stopped matching.
  Text text;
  std::vector<std::string> warnings;
  for (const Page& page : pages) {
    if (auto stop = interrupted()) return fail(*stop);
    NormalizeReport report;
    auto extracted = extract(page, options, nullptr, &report);
    if (!extracted && extracted.error().kind == ErrorKind::no_match) {
      // The declaration's selector no longer matches (a redesign): look for the text itself,
      // anchored on what the document said last time, rather than go blind.
      const std::string anchor = combined ? std::string() : archived.current_text;
      extracted = extract(page, options, &anchor, &report);
    }
    if (report.fell_back) warnings.push_back(report.note + (combined ? " (page " + page.source->url + ")" : ""));
    if (!extracted) {
      Error error = extracted.error();
      if (combined) error.message += " (page " + page.source->url + ")";
      Outcome out = fail(error);
      out.warnings = warnings;
      return out;
    }
    // 3. Is it the document at all? An error page or a challenge with text is held, so that
    // the user can take it with `tosdiff accept` if tosdiff is wrong about it.
    if (auto not_the_document = page_verdict(page.response.status, page.utf8, *extracted, page.source->url)) {
      Outcome out = !combined && not_the_document->kind != ErrorKind::empty
                        ? with_text(Outcome::Kind::hold, std::move(*extracted))
                        : fail(*not_the_document);
      out.error = not_the_document;
      out.warnings = warnings;
      return out;
    }
    for (Block& block : extracted->blocks) text.blocks.push_back(std::move(block));
  }
  if (auto stop = interrupted()) return fail(*stop);

  // 4. Against the current version: the same text, a collapse to hold back, or a new version.
  Outcome out = with_text(Outcome::Kind::new_version, std::move(text));
  out.warnings = std::move(warnings);
  if (archived.has_current && archived.current_sha256 == out.sha256) {
    out.kind = Outcome::Kind::unchanged;
  } else if (archived.has_current) {
    if (auto shrink = shrink_verdict(parse_text(archived.current_text), out.text)) {
      out.kind = Outcome::Kind::hold;
      out.error = shrink;
    }
  }
  return out;
}

}  // namespace tosdiff
