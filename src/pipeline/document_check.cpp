#include "tosdiff/pipeline/document_check.hpp"

#include <algorithm>

#include "tosdiff/fetch/charset.hpp"
#include "tosdiff/fetch/content_type.hpp"
#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/extract/document_kind.hpp"
#include "tosdiff/extract/error_page.hpp"
#include "tosdiff/extract/language.hpp"
#include "tosdiff/extract/normalize.hpp"  // check_selectors
#include "tosdiff/extract/page_verdict.hpp"
#include "tosdiff/pipeline/extraction_rules.hpp"
#include "tosdiff/pipeline/held_change.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/pipeline/variant_memory.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/util/sha256.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {

DocumentCheck::DocumentCheck(const DocumentSpec& spec, const Archive& archive, const Clock& clock,
                             DocumentCheckOptions options)
    : spec_(spec), archive_(archive), clock_(clock), options_(options) {
  std::vector<std::string> urls;
  for (const auto& source : spec.sources) urls.push_back(source.url);
  try {
    transaction_.emplace(archive, archive.load(spec.platform_id, spec.document_id), urls, options.commit);
  } catch (const ArchiveError& e) {
    load_error_ = e.what();
  }
}

FetchRequest DocumentCheck::request_for(const SourceSpec& source) const {
  FetchRequest request;
  request.url = source.url;
  request.allow_file = spec_.allow_file_urls;
  request.per_host = spec_.per_host;
  request.delay_seconds = spec_.delay_seconds;
  if (!transaction_ || options_.conditional == ConditionalRequests::no) return request;
  const DocumentIndex& index = transaction_->index();
  if (const SnapshotMeta* meta = index.latest_snapshot(source.url)) {
    std::error_code ec;
    if (std::filesystem::exists(archive_.snapshot_path(index, meta->sha256), ec)) {
      request.etag = meta->etag;
      request.last_modified = meta->last_modified;
    }
  }
  return request;
}

RenderRequest DocumentCheck::render_request_for(const SourceSpec& source) const {
  RenderRequest request;
  request.url = source.url;
  // As Open Terms Archive does: the page is read once what the declaration selects is there.
  // A selector that does not parse (an error of this document, catalog/declaration.hpp) is not
  // waited for: the content decides, a PDF ignores it and an HTML page fails on it in decide().
  for (const SelectorSpec& spec : source.select)
    if (const auto* css = std::get_if<std::string>(&spec); css && check_selectors({spec}))
      request.wait_for.push_back(*css);
  return request;
}

void DocumentCheck::set_response(std::size_t source_index, Result<FetchResponse> response) {
  if (responses_.empty()) {
    responses_.resize(spec_.sources.size());
    rendered_.assign(spec_.sources.size(), false);
  }
  responses_[source_index] = std::move(response);
  ++received_;
}

void DocumentCheck::set_rendered(std::size_t source_index, Result<RenderedPage> rendered) {
  Result<FetchResponse> response = Error{ErrorKind::browser_failed, ""};
  if (rendered) {
    FetchResponse r;
    r.status = rendered->status;
    r.body = std::move(rendered->html);
    r.final_url = std::move(rendered->final_url);
    // The DOM is serialized as UTF-8 whatever the page was sent as.
    r.content_type = "text/html; charset=utf-8";
    r.seconds = rendered->seconds;
    r.incomplete = !rendered->settled;
    response = std::move(r);
  } else {
    response = rendered.error();
  }
  if (!pages_.empty()) {
    // A second round: the page a first run() found to be a JavaScript shell.
    if (!response) {
      render_error_ = response.error();
      return;
    }
    Page& page = pages_[source_index];
    page.response = std::move(response).value();
    page.sha256 = sha256_hex(page.response.body);
    page.content = sniff_content(page.response.content_type, page.response.body);
    page.utf8 = to_utf8(page.response.body, page.response.content_type).text;
    page.rendered = true;
    return;
  }
  set_response(source_index, std::move(response));
  rendered_[source_index] = true;
}

ChangeRecord DocumentCheck::base_record() const {
  ChangeRecord r;
  r.fetched_with = FetchedWith::http;
  r.platform = spec_.platform_id;
  r.document = spec_.document_id;
  r.title = spec_.title();
  for (const auto& source : spec_.sources) r.urls.push_back(source.url);
  r.checked_at = checked_at_;
  return r;
}

// A page's way through a check, top to bottom.
ChangeRecord DocumentCheck::run() {
  started_ = std::chrono::steady_clock::now();
  checked_at_ = format_utc(clock_.now());
  result_ = base_record();
  if (!transaction_) {
    // The archive cannot say what this document was: nothing is written, nothing decided.
    result_.status = Status::error;
    result_.error = Error{ErrorKind::archive, load_error_};
    return result_;
  }
  try {
    if (to_render_.empty()) transaction_->recover();  // a run killed while writing this document: finish its cleanup
    std::vector<Page>& pages = pages_;
    // A page that went through the browser says so, failed or not (a red team's find: a
    // rendering's timeout reported as read over HTTP).
    if (!to_render_.empty() || std::find(rendered_.begin(), rendered_.end(), true) != rendered_.end())
      result_.fetched_with = FetchedWith::browser;
    if (!to_render_.empty()) {
      // The second round: the pages the browser has rendered replaced the shells.
      to_render_.clear();
      if (render_error_) return finish_error(*render_error_, pages, render_error_->kind != ErrorKind::interrupted);
    } else {
      if (auto error = gather_pages(pages)) return finish_error(*error, {}, error->kind != ErrorKind::interrupted);
      responses_.clear();  // the bytes are in `pages` now
    }
    if (std::any_of(pages.begin(), pages.end(), [](const Page& p) { return p.rendered; }))
      result_.fetched_with = FetchedWith::browser;

    DecideOptions decide_options;
    decide_options.compare_links = spec_.compare_links;
    decide_options.max_html_bytes = options_.max_html_bytes;
    decide_options.can_render = options_.can_render;
    decide_options.interrupt = [this] { return over_limits(); };
    const Outcome outcome = decide(spec_, pages, archived_state(), decide_options);
    result_.warnings = outcome.warnings;

    switch (outcome.kind) {
      case Outcome::Kind::render:
        to_render_ = outcome.render_pages;  // the caller renders them, then calls run() again
        return result_;
      case Outcome::Kind::fail:
        return finish_error(*outcome.error, outcome.record_check ? pages : std::vector<Page>{}, outcome.record_check);
      case Outcome::Kind::hold:
        return finish_hold(*outcome.error, outcome, pages);
      case Outcome::Kind::unchanged:
      case Outcome::Kind::new_version:
        return finish_text(outcome, pages);
    }
    return result_;
  } catch (const ArchiveError& e) {
    return archive_failure(e);
  } catch (const std::exception& e) {
    return internal_failure(e);
  }
}

// Every page's response, or the first error. A 304 is the archived snapshot again.
std::optional<Error> DocumentCheck::gather_pages(std::vector<Page>& pages) {
  for (std::size_t i = 0; i < spec_.sources.size(); ++i) {
    Result<FetchResponse>& fetched = *responses_[i];
    if (!fetched) return fetched.error();
    Page page;
    page.source = &spec_.sources[i];
    page.response = std::move(fetched).value();
    page.rendered = rendered_[i];
    if (page.response.not_modified) {
      if (!restore_from_archive(page))
        return Error{ErrorKind::archive, "the server answered 304 Not Modified for " + page.source->url +
                                             " but the archived snapshot is missing"};
    } else {
      page.sha256 = sha256_hex(page.response.body);
    }
    // What the bytes are decides how they are read; a PDF or an image is never transcoded.
    page.content = sniff_content(page.response.content_type, page.response.body);
    if (page.content.kind != ContentKind::pdf && page.content.kind != ContentKind::unsupported)
      page.utf8 = to_utf8(page.response.body, page.response.content_type).text;
    pages.push_back(std::move(page));
  }
  return std::nullopt;
}

bool DocumentCheck::restore_from_archive(Page& page) const {
  const DocumentIndex& index = transaction_->index();
  const SnapshotMeta* meta = index.latest_snapshot(page.source->url);
  if (!meta) return false;
  auto bytes = archive_.read_snapshot(index, meta->sha256);
  if (!bytes) return false;
  page.response.body = std::move(*bytes);
  page.response.status = meta->status;
  page.response.content_type = meta->content_type;
  page.response.final_url = meta->final_url;
  if (page.response.etag.empty()) page.response.etag = meta->etag;
  if (page.response.last_modified.empty()) page.response.last_modified = meta->last_modified;
  page.sha256 = meta->sha256;
  return true;
}

namespace {

// The newest page from `url` that a version of the document was read from; none when none was.
const SnapshotMeta* last_archived(const DocumentIndex& index, const std::string& url) {
  for (auto version = index.versions.rbegin(); version != index.versions.rend(); ++version)
    for (const std::string& sha : version->snapshots)
      if (const SnapshotMeta* meta = index.find_snapshot(sha); meta && meta->url == url) return meta;
  return nullptr;
}

}  // namespace

ArchivedState DocumentCheck::archived_state() const {
  ArchivedState state;
  const DocumentIndex& index = transaction_->index();
  const VersionEntry* current = index.current();
  if (!current) return state;
  state.has_current = true;
  state.current_sha256 = current->sha256;
  state.current_text = archive_.read_version(index, *current);
  state.fetched_otherwise = fetched_otherwise(current->rules, extraction_rules(spec_));
  for (auto it = index.versions.rbegin(); it != index.versions.rend(); ++it)
    if (it->number != current->number) state.earlier_versions.push_back({it->id(), it->sha256, it->snapshots});
  state.current_snapshots = current->snapshots;
  for (const std::string& sha : current->snapshots)
    if (const SnapshotMeta* meta = index.find_snapshot(sha)) state.current_urls.push_back(meta->url);
  if (state.current_urls.size() != current->snapshots.size()) state.current_urls.clear();  // not all known
  // The current version's pages, one per source of today's declaration: the page archived
  // from its address, else the next one left in order (an address the declaration changed),
  // else the page an earlier version had from that address (a page taken out of the document
  // and put back: a red team's find, its changes meanwhile taken as they were), else none (a
  // page the declaration added). An empty list when one cannot be read.
  state.current_pages = [this, current]() {
    const DocumentIndex& index = transaction_->index();
    std::vector<const SnapshotMeta*> archived;
    for (const std::string& sha : current->snapshots) {
      archived.push_back(index.find_snapshot(sha));
      if (!archived.back()) return std::vector<std::optional<Page>>{};
    }
    std::vector<std::string> then_urls, now_urls;
    for (const SnapshotMeta* meta : archived) then_urls.push_back(meta->url);
    for (const SourceSpec& source : spec_.sources) now_urls.push_back(source.url);
    const std::vector<std::optional<std::size_t>> which = pair_by_address(then_urls, now_urls);
    std::vector<std::optional<Page>> pages(spec_.sources.size());
    for (std::size_t i = 0; i < which.size(); ++i) {
      const SnapshotMeta* meta = which[i] ? archived[*which[i]] : last_archived(index, spec_.sources[i].url);
      if (!meta) continue;
      auto bytes = archive_.read_snapshot(index, meta->sha256);
      if (!bytes) return std::vector<std::optional<Page>>{};
      Page page;
      page.source = &spec_.sources[i];
      page.response.body = std::move(*bytes);
      page.response.status = meta->status;
      page.response.content_type = meta->content_type;
      page.response.final_url = meta->final_url;
      page.sha256 = meta->sha256;
      page.content = sniff_content(page.response.content_type, page.response.body);
      if (page.content.kind != ContentKind::pdf && page.content.kind != ContentKind::unsupported)
        page.utf8 = to_utf8(page.response.body, page.response.content_type).text;
      pages[i] = std::move(page);
    }
    return pages;
  };
  return state;
}

std::optional<Error> DocumentCheck::over_limits() const {
  if (options_.stop && options_.stop->load())
    return Error{ErrorKind::interrupted, "the run stopped while this document was processed"};
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  if (seconds > options_.budget_seconds)
    return Error{ErrorKind::time_budget, "processing took " + std::to_string(static_cast<int>(seconds)) +
                                             " s, over the budget of " +
                                             std::to_string(static_cast<int>(options_.budget_seconds)) + " s per document"};
  return std::nullopt;
}

std::vector<PageToStore> DocumentCheck::to_store(const std::vector<Page>& pages) const {
  std::vector<PageToStore> out;
  for (const Page& page : pages) {
    PageToStore p;
    p.url = page.source->url;
    p.sha256 = page.sha256;
    p.bytes = page.response.body;
    p.final_url = page.response.final_url;
    p.content_type = page.response.content_type;
    p.etag = page.response.etag;
    p.last_modified = page.response.last_modified;
    p.status = page.response.status;
    out.push_back(std::move(p));
  }
  return out;
}

// An error. The previous version stays current; the raw pages, if any, are kept for
// inspection. Without `record_check` (an interrupted run), the document stays exactly as it was.
ChangeRecord DocumentCheck::finish_error(const Error& error, const std::vector<Page>& pages, bool record_check) {
  result_.status = Status::error;
  result_.error = error;
  if (!record_check) return result_;
  transaction_->store_pages(to_store(pages), checked_at_, false);
  std::vector<std::string> snapshots;
  for (const Page& page : pages) snapshots.push_back(page.sha256);
  transaction_->note_error(checked_at_, error, snapshots);
  return commit();
}

// A suspicious text: an error now, kept as pending so `tosdiff accept` can take it. A text
// held back for a suspicious shrink never blinds the tracker for good: a held text that is
// stable (the same text, a cosmetic variant, or edits of the same page) on kAdoptAfterChecks
// checks spanning kAdoptAfter is adopted as the document, if it still looks like one.
//
// Why not at once when the held text changes again: on real history that adopted an app's
// error screen (its wording changed between two checks) and a home page in place of a policy.
// A page being edited is still adopted, a day later: its edits keep the clock running as long
// as they are edits of the held text (kSamePageOverlap of their vocabulary in common); another
// page altogether starts the clock again. And a text is only adopted when it looks like the
// document (looks_like_the_document): a shorter policy shares its vocabulary with the
// archived version, a translation has the vocabulary of legal prose in its language; an
// error screen or a home page has neither, and stays held until `tosdiff accept`. Either way,
// while it is held, an edit of the held page is told with the error (held_change.hpp).
ChangeRecord DocumentCheck::finish_hold(Error error, const Outcome& outcome, const std::vector<Page>& pages) {
  const DocumentIndex& index = transaction_->index();
  PendingText pending = first_sighting(outcome, pages);
  pending.reason = error;
  const bool shrink = error.kind == ErrorKind::suspicious_shrink;
  bool unlike_document = false;
  std::optional<HeldChange> held_change;
  if (shrink && index.pending && !index.pending->held_until_it_lasts() &&
      index.pending->reason.kind == ErrorKind::suspicious_shrink) {
    const PendingText before = *index.pending;
    const Text held = parse_text(archive_.read_pending(index));
    const Change edit = diff_texts(held, outcome.text);
    const bool same_page = !edit.substantive || vocabulary_overlap(held, outcome.text) >= kSamePageOverlap;
    if (same_page) {
      pending.first_at = before.since();
      pending.checks = before.checks + 1;
    }
    // The current version's text, read at most once: adoption and the held change both ask.
    std::optional<Text> archived;
    auto archived_text = [&]() -> const Text& {
      if (!archived) {
        const VersionEntry* current = index.current();
        archived = current ? parse_text(archive_.read_version(index, *current)) : Text{};
      }
      return *archived;
    };
    if (held_long_enough(pending, kAdoptAfterChecks, kAdoptAfter)) {
      if (looks_like_the_document(outcome.text, archived_text(), spec_.terms_type)) {
        transaction_->store_pages(to_store(pages), checked_at_, true);
        transaction_->drop_pending();
        return record_version(pending.snapshots, outcome.text, outcome.rendered, outcome.sha256, false,
                              {"adopted: this text was held back as suspicious_shrink since " + pending.first_at +
                               " and came back on " + std::to_string(pending.checks) +
                               " checks; tosdiff takes it as the document (" + error.message + ")"});
      }
      unlike_document = true;
    }
    // Still held: the held page edited is told, though neither text is a version
    // (held_change.hpp); not another page altogether, not another document at a moved address
    // (its edits are not this document's), and not across a change of the rules that read the
    // page (the pending text keeps no trace of them: the difference could be the rules').
    if (edit.substantive && same_page && !outcome.another_document && !outcome.rules_baseline)
      held_change = held_change_between(held, outcome.text, archived_text(), HeldTimes{before.since(), before.at},
                                        spec_, checked_at_, options_.rules);
  }
  const std::uint64_t seen = pending.checks;
  const std::string since = pending.first_at;
  transaction_->hold(std::move(pending), outcome.rendered);
  error.message += "; if this is the real document, run `tosdiff accept " + spec_.key() + "`";
  if (shrink && unlike_document)
    error.message += " (held back on " + std::to_string(seen) + " checks since " + since +
                     "; not taken as the document by itself: it shares little with the archived text and does "
                     "not read like legal text)";
  else if (shrink)
    error.message += " (held back on " + std::to_string(seen) + (seen == 1 ? " check" : " checks") + " since " +
                     since + "; taken as the document after " + std::to_string(kAdoptAfterChecks) +
                     " checks spanning a day)";
  if (held_change) {
    result_.warnings.push_back(held_change_warning(*held_change));
    result_.held_change = std::move(held_change);
  }
  return finish_error(error, pages, true);
}

// The text held back as this check saw it: its first sighting, unless the hold goes on.
PendingText DocumentCheck::first_sighting(const Outcome& outcome, const std::vector<Page>& pages) const {
  PendingText pending;
  pending.sha256 = outcome.sha256;
  pending.at = checked_at_;
  pending.first_at = checked_at_;
  for (const Page& page : pages) pending.snapshots.push_back(page.sha256);
  return pending;
}

bool DocumentCheck::held_long_enough(const PendingText& pending, std::uint64_t checks,
                                     std::chrono::hours span) const {
  std::chrono::system_clock::time_point first, now;
  if (!parse_utc(pending.first_at, first) || !parse_utc(checked_at_, now)) return false;
  return pending.checks >= checks && now - first >= span;
}

namespace {

// The comparison key of a text's title: its first heading among its first blocks, when it has
// a few words ("Cookie Policy"); "" otherwise.
std::string title_key(const Text& text) {
  for (std::size_t i = 0; i < text.blocks.size() && i < kTitleWithinBlocks; ++i) {
    const Block& block = text.blocks[i];
    if (block.kind != BlockKind::heading) continue;
    if (count_space_separated_words(block.text) < kTitleMinWords) return "";
    return comparison_key(block.text);
  }
  return "";
}

}  // namespace

bool looks_like_the_document(const Text& held, const Text& archived, std::string_view terms_type) {
  if (count_text_words(held) < kAdoptMinWords) return false;
  if (names_another_document(terms_type, held) && !names_another_document(terms_type, archived)) return false;
  // A summary of the policy's headings shares all its vocabulary; a home page may carry a
  // data notice with legal words: neither is the document, however long it stays.
  if (is_headings_only(held) || is_another_page(archived, held)) return false;
  if (vocabulary_share(held, archived) >= kDocumentVocabularyShare || legal_markers(held) >= kAdoptLegalMarkers)
    return true;
  // The document's editions, one link each: what the address serves now (a help centre's page
  // linking the terms of each country; a group's privacy centre, its policy in each language).
  // Opening with the document's name: a home page's footer links three policies too.
  if (opens_with_document_name(held) && blocks_naming_a_document(held, kHubBlockWords) >= kHubDocumentNames) return true;
  const std::string title = title_key(held);
  if (!title.empty() && title == title_key(archived)) return true;
  // The page in another language, stable for a day, opening with a document's name: a
  // translation served in its place ("Nutzungsbedingungen", a fifth of the English). Taken,
  // it is a language switch (cosmetic, never an alert), and the page back in its language is
  // compared with its old text (build_record).
  const std::string from = detect_language(archived), to = detect_language(held);
  return !from.empty() && !to.empty() && from != to && opens_with_document_name(held);
}

ChangeRecord DocumentCheck::finish_text(const Outcome& outcome, const std::vector<Page>& pages) {
  // An earlier text back, or the page in another language (decide tells them, never after a
  // change of rules): held until it lasts.
  if (!outcome.returns_to.empty() || !outcome.switched_to.empty())
    return finish_until_it_lasts(outcome.returns_to, outcome.switched_to, outcome, pages);
  transaction_->store_pages(to_store(pages), checked_at_, true);
  transaction_->drop_pending();  // a good text supersedes one awaiting acceptance
  std::vector<std::string> snapshots;
  for (const Page& page : pages) snapshots.push_back(page.sha256);
  rules_baseline_ = outcome.rules_baseline ? &*outcome.rules_baseline : nullptr;
  ChangeRecord record = record_version(snapshots, outcome.text, outcome.rendered, outcome.sha256, false, outcome.warnings);
  rules_baseline_ = nullptr;
  return record;
}

// The text of an earlier version back, or the page in another language (kReturnAdoptChecks
// says why they wait): the check is `unchanged`, the current version stays, and the text is
// pending, its clock running while it comes back check after check (the same text; for a
// language, any text in it: a translation with a changing stamp must not wait forever).
// Lasting, it becomes the next version, dated when taken (a digest of that day lists it), its
// record timed from when the page first showed it (a variant's way back within 36 hours is
// flapping: record_builder.cpp). The current text back drops it (finish_text), unreported;
// `tosdiff accept` takes it at once.
ChangeRecord DocumentCheck::finish_until_it_lasts(const std::string& returns_to, const std::string& language,
                                                  const Outcome& outcome, const std::vector<Page>& pages) {
  const DocumentIndex& index = transaction_->index();
  PendingText pending = first_sighting(outcome, pages);
  pending.returns_to = returns_to;
  pending.language = language;
  // The same hold: the page still in that language, whichever of its texts (a stale and a
  // fresh translation by turns must not restart it at every check); or the same earlier text
  // again.
  const bool same_hold = index.pending && (!language.empty() ? index.pending->language == language
                                                             : index.pending->returns_to == returns_to &&
                                                                   index.pending->sha256 == pending.sha256);
  if (same_hold) {
    pending.first_at = index.pending->since();
    pending.checks = index.pending->checks + 1;
  }
  // The pages are what the site serves now: the next request asks whether they changed.
  transaction_->store_pages(to_store(pages), checked_at_, true);
  if (held_long_enough(pending, kReturnAdoptChecks, kReturnAdoptAfter)) {
    transaction_->drop_pending();
    std::vector<std::string> warnings = outcome.warnings;
    warnings.push_back((!language.empty() ? "the page shows the document in '" + language + "'"
                                          : "the page shows the text of version " + returns_to + " again") +
                       ", since " + pending.first_at + " (" + std::to_string(pending.checks) +
                       " checks): tosdiff takes it as the document");
    add_version(pending.snapshots, outcome.text, outcome.rendered, outcome.sha256, checked_at_, false,
                std::move(warnings), pending.first_at);
    return commit();
  }
  const VersionEntry& current = *index.current();
  transaction_->hold(std::move(pending), outcome.rendered);
  transaction_->note_unchanged(checked_at_);
  result_.status = Status::unchanged;
  result_.current = version_ref(current);
  // Not a warning: nothing for the reader to do, and a cron mail for every stale copy would be
  // the noise this hold keeps out. The record says it; -v prints it.
  result_.held_return = returns_to;
  result_.held_language = language;
  return commit();
}

// The text, as the current version again (unchanged) or as the next one.
ChangeRecord DocumentCheck::record_version(const std::vector<std::string>& snapshots, const Text& text,
                                           const std::string& rendered, const std::string& sha, bool accepted,
                                           std::vector<std::string> warnings) {
  const VersionEntry* current = transaction_->index().current();
  if (current && current->sha256 == sha) {
    result_.status = Status::unchanged;
    result_.current = version_ref(*current);
    transaction_->note_unchanged(checked_at_);
    return commit();
  }
  add_version(snapshots, text, rendered, sha, checked_at_, accepted, std::move(warnings));
  return commit();
}

// The next version, built by the one record builder and written into the transaction
// (committed by the caller). result_ becomes its record.
void DocumentCheck::add_version(const std::vector<std::string>& snapshots, const Text& text,
                                const std::string& rendered, const std::string& sha, const std::string& captured_at,
                                bool accepted, std::vector<std::string> warnings, const std::string& first_seen) {
  const DocumentIndex& index = transaction_->index();
  const VersionEntry* current = index.current();
  RecordInput input = record_input_for(spec_);
  // A text held until it lasted is timed from when the page first showed it (a variant's way
  // back within 36 hours is flapping: record_builder.cpp), and dated when taken, so that a
  // digest of the day it was taken lists it.
  input.checked_at = first_seen.empty() ? captured_at : first_seen;
  input.current.number = current ? current->number + 1 : 1;
  input.current.captured_at = captured_at;
  input.current.sha256 = sha;
  input.current.snapshots = snapshots;
  // How this check read the page; a text taken by `accept` was read by an earlier check, as
  // declared.
  input.current.rules = extraction_rules(spec_, accepted || result_.fetched_with == FetchedWith::browser);
  input.current_text = &text;
  Text before, same_language;
  if (current) {
    input.previous = *current;
    before = parse_text(archive_.read_version(index, *current));
    input.previous_text = &before;
    input.history = index.versions;
    VariantMemory variants = variant_memory(archive_, index, index.versions.size(), captured_at);
    input.variant_edits = std::move(variants.edits);
    input.variants_seen_in = std::move(variants.seen_in);
    if (rules_baseline_) {
      // Like with like: the previous version's page read with today's rules.
      input.previous_text = rules_baseline_;
      input.rules_changed = rules_difference(current->rules, input.current.rules);
      if (input.rules_changed.empty())
        input.rules_changed.push_back("tosdiff reads the page differently than when version " + current->id() +
                                      " was archived");
    } else if (auto language = language_switch(before, text)) {
      // The page switched language. Back in a language archived before, the change is what
      // differs from the latest text in that language; else a translation (record_builder).
      // A language left long ago, after which the document's changes were reported in the
      // other language, is a translation again: what differs from the text the page stopped
      // showing months ago was reported already (replay: a platform's German page, back after
      // a year of English versions). When nothing was reported meanwhile (the other language
      // stood still for two years), that difference is news, and compared (replay: a dating
      // site's new English terms after two years of an unchanged French page).
      std::size_t looked = 0;
      const VersionEntry* newer = nullptr;  // the version that replaced *it
      bool reported_since = false;          // a substantive version after *it
      std::chrono::system_clock::time_point now;
      const bool dated = parse_utc(captured_at, now);
      for (auto it = index.versions.rbegin(); it != index.versions.rend() && looked < kLanguageLookBack;
           newer = &*it, ++it) {
        if (newer && newer->significance == Significance::substantive) reported_since = true;
        if (it->number == current->number) continue;
        ++looked;
        std::chrono::system_clock::time_point left;
        if (!dated || !newer || !parse_utc(newer->captured_at, left)) break;
        if (now - left > kLanguageLeftWithin && reported_since) break;
        try {
          Text earlier = parse_text(archive_.read_version(index, *it));
          if (detect_language(earlier) != language->to) continue;
          same_language = std::move(earlier);
          language->compared_with = it->id();
          input.previous_text = &same_language;
          break;
        } catch (const ArchiveError&) {
          break;  // an older version unreadable: compared with the current one, as a translation
        }
      }
      input.language_changed = std::move(language);
    }
  }
  input.accepted = accepted;
  input.warnings = std::move(warnings);
  input.rules = options_.rules;
  BuiltRecord built = build_record(input);
  const FetchedWith fetched_with = result_.fetched_with;
  result_ = std::move(built.record);
  result_.fetched_with = fetched_with;
  result_.checked_at = checked_at_;  // a held text's record was timed from its first sight
  transaction_->add_version(
      std::move(built.version), rendered,
      record_to_json(result_).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
}

ChangeRecord DocumentCheck::commit() {
  if (auto not_durable = transaction_->commit()) result_.warnings.push_back(*not_durable);
  return result_;
}

ChangeRecord DocumentCheck::accept() {
  checked_at_ = format_utc(clock_.now());
  result_ = base_record();
  if (!transaction_) throw ArchiveError(load_error_);
  const DocumentIndex& index = transaction_->index();
  if (!index.pending) {
    result_.status = Status::error;
    result_.error = Error{ErrorKind::nothing_pending, "nothing is waiting for acceptance"};
    return result_;
  }
  const PendingText pending = *index.pending;
  const Text text = parse_text(archive_.read_pending(index));
  const std::string rendered = render_text(text);
  if (sha256_hex(rendered) != pending.sha256)
    throw ArchiveError(archive_.pending_path(index, pending.sha256).string() + " does not match the index");
  transaction_->drop_pending();  // the commit drops the pending file
  const std::string why =
      !pending.returns_to.empty() ? "the text of version " + pending.returns_to + ", back since " + pending.first_at
      : !pending.language.empty() ? "the page in '" + pending.language + "', since " + pending.first_at
                                  : std::string(to_string(pending.reason.kind)) + ": " + pending.reason.message;
  return record_version(pending.snapshots, text, rendered, pending.sha256, true, {"accepted on purpose: " + why});
}

ChangeRecord DocumentCheck::complete_commit(bool data_synced) {
  try {
    if (auto not_durable = transaction_->complete_commit(data_synced)) result_.warnings.push_back(*not_durable);
    return result_;
  } catch (const ArchiveError& e) {
    return archive_failure(e);
  }
}

void DocumentCheck::cleanup() {
  if (transaction_) transaction_->cleanup();
}

ChangeRecord DocumentCheck::abandon(const std::string& why) {
  if (transaction_) transaction_->abandon();
  return archive_failure(ArchiveError(why));
}

// A fault of tosdiff's own on this document's pages (an exception no stage expected): this
// document's error, never the end of the run, and nothing of the check is kept, as after a
// failed write; the next check meets the same pages again (replay: one document's pages
// threw std::out_of_range in a worker thread, and the whole run was terminated).
ChangeRecord DocumentCheck::internal_failure(const std::exception& e) {
  return nothing_kept(Error{ErrorKind::internal, std::string("tosdiff failed on this document: ") + e.what() +
                                                     " (a bug in tosdiff: please report it; the archive is as it "
                                                     "was before this check)"});
}

// The archive could not be written: what was committed before stays as it was.
ChangeRecord DocumentCheck::archive_failure(const ArchiveError& e) {
  return nothing_kept(Error{ErrorKind::archive, e.what()});
}

// The record may have been built already (the write failed after it): nothing of the change
// it describes (versions, diff, classification, size) belongs in an error record; its
// warnings still hold.
ChangeRecord DocumentCheck::nothing_kept(Error error) {
  // The transaction stays open, as after a kill, for the next run to finish
  // (DocumentTransaction::abandon): ending it now would collect against the uncommitted index.
  if (transaction_) transaction_->abandon();
  std::vector<std::string> warnings = std::move(result_.warnings);
  result_ = base_record();
  result_.status = Status::error;
  result_.error = std::move(error);
  result_.warnings = std::move(warnings);
  return result_;
}

}  // namespace tosdiff
