#include "tosdiff/pipeline/document_check.hpp"

#include <algorithm>

#include "tosdiff/fetch/charset.hpp"
#include "tosdiff/fetch/content_type.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/util/sha256.hpp"

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
  for (const SelectorSpec& spec : source.select)
    if (const auto* css = std::get_if<std::string>(&spec)) request.wait_for.push_back(*css);
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

ArchivedState DocumentCheck::archived_state() const {
  ArchivedState state;
  const DocumentIndex& index = transaction_->index();
  if (const VersionEntry* current = index.current()) {
    state.has_current = true;
    state.current_sha256 = current->sha256;
    state.current_text = archive_.read_version(index, *current);
  }
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

// A suspicious text: an error now, kept as pending so `tosdiff accept` can take it.
ChangeRecord DocumentCheck::finish_hold(Error error, const Outcome& outcome, const std::vector<Page>& pages) {
  PendingText pending;
  pending.sha256 = outcome.sha256;
  pending.at = checked_at_;
  pending.reason = error;
  for (const Page& page : pages) pending.snapshots.push_back(page.sha256);
  transaction_->hold(std::move(pending), outcome.rendered);
  error.message += "; if this is the real document, run `tosdiff accept " + spec_.key() + "`";
  return finish_error(error, pages, true);
}

ChangeRecord DocumentCheck::finish_text(const Outcome& outcome, const std::vector<Page>& pages) {
  transaction_->store_pages(to_store(pages), checked_at_, true);
  transaction_->drop_pending();  // a good text supersedes one awaiting acceptance
  std::vector<std::string> snapshots;
  for (const Page& page : pages) snapshots.push_back(page.sha256);
  return record_version(snapshots, outcome.text, outcome.rendered, outcome.sha256, false, outcome.warnings);
}

// The text, as the current version again (unchanged) or as the next one.
ChangeRecord DocumentCheck::record_version(const std::vector<std::string>& snapshots, const Text& text,
                                           const std::string& rendered, const std::string& sha, bool accepted,
                                           std::vector<std::string> warnings) {
  const DocumentIndex& index = transaction_->index();
  const VersionEntry* current = index.current();
  if (current && current->sha256 == sha) {
    result_.status = Status::unchanged;
    result_.current = version_ref(*current);
    transaction_->note_unchanged(checked_at_);
    return commit();
  }
  RecordInput input;
  input.platform = spec_.platform_id;
  input.document = spec_.document_id;
  input.title = spec_.title();
  input.urls = result_.urls;
  input.checked_at = checked_at_;
  input.current.number = current ? current->number + 1 : 1;
  input.current.captured_at = checked_at_;
  input.current.sha256 = sha;
  input.current.snapshots = snapshots;
  input.current_text = &text;
  Text before;
  if (current) {
    input.previous = *current;
    before = parse_text(archive_.read_version(index, *current));
    input.previous_text = &before;
    input.history = index.versions;
  }
  input.accepted = accepted;
  input.warnings = std::move(warnings);
  input.rules = options_.rules;
  BuiltRecord built = build_record(input);
  const FetchedWith fetched_with = result_.fetched_with;
  result_ = std::move(built.record);
  result_.fetched_with = fetched_with;
  transaction_->add_version(
      std::move(built.version), rendered,
      record_to_json(result_).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  return commit();
}

ChangeRecord DocumentCheck::commit() {
  transaction_->commit();
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
  return record_version(pending.snapshots, text, rendered, pending.sha256, true,
                        {"accepted on purpose: " + std::string(to_string(pending.reason.kind)) + ": " +
                         pending.reason.message});
}

ChangeRecord DocumentCheck::complete_commit(bool data_synced) {
  try {
    transaction_->complete_commit(data_synced);
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

// The archive could not be written: what was committed before stays as it was. The record
// may have been built already (the write failed after it): nothing of the change it
// describes (versions, diff, classification, size) belongs in an error record; its
// warnings still hold.
ChangeRecord DocumentCheck::archive_failure(const ArchiveError& e) {
  std::vector<std::string> warnings = std::move(result_.warnings);
  result_ = base_record();
  result_.status = Status::error;
  result_.error = Error{ErrorKind::archive, e.what()};
  result_.warnings = std::move(warnings);
  return result_;
}

}  // namespace tosdiff
