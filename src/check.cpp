#include "tosdiff/check.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "tosdiff/charset.hpp"
#include "tosdiff/sha256.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kRecentErrorsKept = 10;

struct Page {
  const SourceSpec* source = nullptr;
  FetchResponse response;  // for a 304, the archived snapshot's bytes and metadata
  std::string sha256;
};

std::size_t count_words(const Text& text) {
  std::size_t words = 0;
  for (const Block& block : text.blocks) {
    bool in_word = false;
    for (char c : block.text) {
      bool space = c == ' ';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
  }
  return words;
}

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

// One document's check, from its pages' fetch results to the archive and the result.
class DocumentCheck {
 public:
  DocumentCheck(const DocumentSpec& spec, const Archive& archive, const Clock& clock)
      : spec_(spec), archive_(archive), clock_(clock) {
    result_.platform = spec.platform_id;
    result_.document = spec.document_id;
    result_.title = spec.title();
    for (const auto& source : spec.sources) result_.urls.push_back(source.url);
    try {
      index_ = archive.load(spec.platform_id, spec.document_id);
      loaded_ = true;
    } catch (const ArchiveError& e) {
      load_error_ = e.what();
    }
  }

  // Conditional request headers for a page whose archived snapshot is still on disk.
  FetchRequest request_for(const SourceSpec& source) const {
    FetchRequest request;
    request.url = source.url;
    request.allow_file = spec_.allow_file_urls;
    if (!loaded_) return request;
    if (const SnapshotMeta* meta = index_.latest_snapshot(source.url)) {
      std::error_code ec;
      if (std::filesystem::exists(archive_.snapshot_path(index_, meta->sha256), ec)) {
        request.etag = meta->etag;
        request.last_modified = meta->last_modified;
      }
    }
    return request;
  }

  void set_response(std::size_t source_index, Result<FetchResponse> response) {
    if (responses_.empty()) responses_.resize(spec_.sources.size());
    responses_[source_index] = std::move(response);
    ++received_;
  }
  bool complete() const { return received_ == spec_.sources.size(); }

  CheckResult run() {
    result_.checked_at = format_utc(clock_.now());
    if (!loaded_) return fail({"archive", load_error_}, false);
    try {
      return process();
    } catch (const ArchiveError& e) {
      // The archive could not be written: what was committed before stays as it was.
      result_.status = "error";
      result_.error = Error{"archive", e.what()};
      result_.previous.reset();
      result_.current.reset();
      result_.change.reset();
      return result_;
    }
  }

 private:
  CheckResult process() {
    std::vector<Page> pages;
    for (std::size_t i = 0; i < spec_.sources.size(); ++i) {
      Result<FetchResponse>& fetched = *responses_[i];
      if (!fetched) return fail(fetched.error(), true);
      Page page;
      page.source = &spec_.sources[i];
      page.response = std::move(fetched).value();
      if (page.response.not_modified) {
        if (!restore_from_archive(page)) return fail({"archive", "the server answered 304 Not Modified for " + page.source->url + " but the archived snapshot is missing"}, true);
      } else {
        page.sha256 = sha256_hex(page.response.body);
      }
      pages.push_back(std::move(page));
    }
    for (const Page& page : pages) {
      long status = page.response.status;
      if (status >= 400 || (status != 0 && status < 200)) {
        std::string reason = http_reason(status);
        return fail({"http_status", "HTTP " + std::to_string(status) + (reason.empty() ? "" : " " + reason) +
                                        " from " + page.source->url},
                    true, pages);
      }
    }
    Text text;
    for (const Page& page : pages) {
      NormalizeReport report;
      auto extracted = extract_text(page.response, *page.source, spec_.compare_links, nullptr, &report);
      if (!extracted && extracted.error().kind == "no_match") {
        // The declaration's selector no longer matches (a redesign): look for the text
        // itself, anchored on what the document said last time, rather than go blind.
        std::string anchor = pages.size() == 1 ? previous_text() : std::string();
        extracted = extract_text(page.response, *page.source, spec_.compare_links, &anchor, &report);
      }
      if (report.fell_back) result_.warnings.push_back(report.note + (pages.size() > 1 ? " (page " + page.source->url + ")" : ""));
      if (!extracted) {
        Error error = extracted.error();
        if (pages.size() > 1) error.message += " (page " + page.source->url + ")";
        return fail(error, true, pages);
      }
      for (Block& block : extracted->blocks) text.blocks.push_back(std::move(block));
    }
    if (text.blocks.empty()) return fail({"empty", "no text found on the page"}, true, pages);
    return record(pages, text);
  }

  std::string previous_text() {
    const VersionEntry* current = index_.current();
    return current ? archive_.read_version(index_, *current) : std::string();
  }

  bool restore_from_archive(Page& page) {
    const SnapshotMeta* meta = index_.latest_snapshot(page.source->url);
    if (!meta) return false;
    auto bytes = archive_.read_snapshot(index_, meta->sha256);
    if (!bytes) return false;
    page.response.body = std::move(*bytes);
    page.response.status = meta->status;
    page.response.content_type = meta->content_type;
    page.response.final_url = meta->final_url;
    page.response.etag = page.response.etag.empty() ? meta->etag : page.response.etag;
    page.response.last_modified = page.response.last_modified.empty() ? meta->last_modified : page.response.last_modified;
    page.sha256 = meta->sha256;
    return true;
  }

  // Stores the pages' raw bytes and points "latest" at them; the snapshots no longer named
  // by a version, an error or a latest pointer are forgotten (their files pruned after
  // commit), so unchanged texts do not pile up megabytes of identical pages.
  void store_pages(const std::vector<Page>& pages) {
    for (const Page& page : pages) {
      if (!index_.find_snapshot(page.sha256)) {
        archive_.put_snapshot(index_, page.sha256, page.response.body);
        SnapshotMeta meta;
        meta.sha256 = page.sha256;
        meta.url = page.source->url;
        meta.final_url = page.response.final_url;
        meta.status = page.response.status;
        meta.content_type = page.response.content_type;
        meta.etag = page.response.etag;
        meta.last_modified = page.response.last_modified;
        meta.fetched_at = result_.checked_at;
        meta.bytes = page.response.body.size();
        index_.snapshots.push_back(std::move(meta));
      } else if (SnapshotMeta* meta = find_meta(page.sha256)) {
        // Same bytes, maybe new validators: keep the newest for conditional requests.
        if (!page.response.etag.empty()) meta->etag = page.response.etag;
        if (!page.response.last_modified.empty()) meta->last_modified = page.response.last_modified;
      }
    }
  }

  void set_latest(const std::vector<Page>& pages) {
    for (const Page& page : pages) index_.set_latest(page.source->url, page.sha256);
  }

  SnapshotMeta* find_meta(const std::string& sha) {
    for (auto& s : index_.snapshots)
      if (s.sha256 == sha) return &s;
    return nullptr;
  }

  void forget_unreferenced_snapshots() {
    std::vector<std::string> named;
    for (const auto& v : index_.versions) named.insert(named.end(), v.snapshots.begin(), v.snapshots.end());
    for (const auto& e : index_.recent_errors) named.insert(named.end(), e.snapshots.begin(), e.snapshots.end());
    for (const auto& [url, sha] : index_.latest_by_url) named.push_back(sha);
    auto& s = index_.snapshots;
    s.erase(std::remove_if(s.begin(), s.end(),
                           [&](const SnapshotMeta& m) {
                             return std::find(named.begin(), named.end(), m.sha256) == named.end();
                           }),
            s.end());
  }

  void commit() {
    forget_unreferenced_snapshots();
    archive_.commit(index_);
    archive_.prune_snapshots(index_);
  }

  // An error result. The previous version stays current; the raw pages, if any, are kept
  // for inspection.
  CheckResult fail(Error error, bool write_index, const std::vector<Page>& pages = {}) {
    result_.status = "error";
    result_.error = std::move(error);
    if (!write_index) return result_;
    CheckEntry entry;
    entry.at = result_.checked_at;
    entry.status = "error";
    entry.error_kind = result_.error->kind;
    entry.error_message = result_.error->message;
    store_pages(pages);
    for (const Page& page : pages) entry.snapshots.push_back(page.sha256);
    index_.last_check = entry;
    index_.recent_errors.push_back(entry);
    if (index_.recent_errors.size() > kRecentErrorsKept)
      index_.recent_errors.erase(index_.recent_errors.begin());
    commit();
    return result_;
  }

  VersionRef ref_of(const VersionEntry& v) const {
    VersionRef ref;
    ref.version = v.id();
    ref.captured_at = v.captured_at;
    ref.sha256 = v.sha256;
    ref.snapshots = v.snapshots;
    if (!v.snapshots.empty()) ref.snapshot_sha256 = v.snapshots.front();
    return ref;
  }

  CheckResult record(const std::vector<Page>& pages, const Text& text) {
    const std::string rendered = render_text(text);
    const std::string sha = sha256_hex(rendered);
    const VersionEntry* current = index_.current();
    CheckEntry entry;
    entry.at = result_.checked_at;

    if (current && current->sha256 == sha) {
      result_.status = "unchanged";
      result_.current = ref_of(*current);
      entry.status = "unchanged";
      store_pages(pages);
      set_latest(pages);
      index_.last_check = entry;
      commit();
      return result_;
    }

    VersionEntry version;
    version.number = current ? current->number + 1 : 1;
    version.captured_at = result_.checked_at;
    version.sha256 = sha;
    for (const Page& page : pages) version.snapshots.push_back(page.sha256);

    if (!current) {
      result_.status = "new";
      result_.blocks = text.blocks.size();
      result_.words = count_words(text);
    } else {
      result_.status = "changed";
      result_.previous = ref_of(*current);
      Text before = parse_text(archive_.read_version(index_, *current));
      result_.change = diff_texts(before, text);
      result_.significance = result_.change->substantive ? "substantive" : "cosmetic";
      result_.cosmetic_kinds = result_.change->cosmetic_kinds;
    }
    version.status = result_.status;
    version.significance = result_.significance;
    version.cosmetic_kinds = result_.cosmetic_kinds;
    result_.current = ref_of(version);
    version.summary = summarize(result_);

    store_pages(pages);
    set_latest(pages);
    archive_.put_version(index_, version.number, rendered);
    archive_.put_record(index_, version.number, record_to_json(result_).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
    entry.status = result_.status;
    index_.versions.push_back(std::move(version));
    index_.last_check = entry;
    commit();
    return result_;
  }

  const DocumentSpec& spec_;
  const Archive& archive_;
  const Clock& clock_;
  DocumentIndex index_;
  bool loaded_ = false;
  std::string load_error_;
  std::vector<std::optional<Result<FetchResponse>>> responses_;
  std::size_t received_ = 0;
  CheckResult result_;
};

}  // namespace

Result<Text> extract_text(const FetchResponse& page, const SourceSpec& source, bool compare_links,
                          const std::string* fallback_anchor, NormalizeReport* report) {
  Utf8Text utf8 = to_utf8(page.body, page.content_type);
  NormalizeOptions options;
  if (fallback_anchor) {
    options.fallback_on_no_match = true;
    options.anchor_text = *fallback_anchor;
    options.report = report;
  }
  options.select = source.select;
  options.remove = source.remove;
  options.base_url = page.final_url.empty() ? source.url : page.final_url;
  options.include_links = compare_links;
  return normalize(utf8.text, options);
}

CheckSummary check_documents(const std::vector<DocumentSpec>& documents, const Archive& archive,
                             Fetcher& fetcher, const Clock& clock, const ReportFn& report) {
  std::vector<std::unique_ptr<DocumentCheck>> checks;
  std::vector<FetchRequest> requests;
  std::vector<std::pair<std::size_t, std::size_t>> owner;  // request -> (document, source)
  for (std::size_t d = 0; d < documents.size(); ++d) {
    checks.push_back(std::make_unique<DocumentCheck>(documents[d], archive, clock));
    for (std::size_t s = 0; s < documents[d].sources.size(); ++s) {
      requests.push_back(checks.back()->request_for(documents[d].sources[s]));
      owner.emplace_back(d, s);
    }
  }
  CheckSummary summary;
  auto tally = [&](const CheckResult& r) {
    ++summary.checked;
    if (r.status == "new") ++summary.created;
    else if (r.status == "unchanged") ++summary.unchanged;
    else if (r.status == "error") ++summary.errors;
    else if (r.significance == "substantive") ++summary.substantive;
    else ++summary.cosmetic;
    report(r);
  };
  fetcher.fetch_all(requests, [&](std::size_t index, Result<FetchResponse> response) {
    auto [d, s] = owner[index];
    checks[d]->set_response(s, std::move(response));
    if (checks[d]->complete()) {
      tally(checks[d]->run());
      checks[d].reset();  // frees its pages now: memory stays bounded by what is in flight
    }
  });
  // A fetcher that stopped early (interrupted) may leave documents without every page.
  for (std::size_t d = 0; d < checks.size(); ++d) {
    if (!checks[d]) continue;
    CheckResult r;
    r.platform = documents[d].platform_id;
    r.document = documents[d].document_id;
    r.title = documents[d].title();
    r.status = "error";
    r.checked_at = format_utc(clock.now());
    r.error = Error{"interrupted", "the run stopped before this document was fetched"};
    tally(r);
  }
  return summary;
}

}  // namespace tosdiff
