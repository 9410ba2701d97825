#pragma once
// One document's check, from its pages' fetch results to the archive and the change record:
// gather the pages, decide (decide.hpp, pure), build the record (record_builder.hpp, pure),
// write (archive/transaction.hpp). run() reads top to bottom.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/archive/transaction.hpp"
#include "tosdiff/classify/classify.hpp"
#include "tosdiff/fetch/browser.hpp"
#include "tosdiff/fetch/fetcher.hpp"
#include "tosdiff/model/document.hpp"
#include "tosdiff/model/record.hpp"
#include "tosdiff/pipeline/decide.hpp"
#include "tosdiff/util/clock.hpp"

namespace tosdiff {

struct DocumentCheckOptions {
  std::size_t max_html_bytes = 16u << 20;
  const Rules* rules = nullptr;               // the built-in rules when null
  const std::atomic<bool>* stop = nullptr;    // a stopping run: documents not finished are left as they were
  double budget_seconds = 60;                 // processing time allowed per document
  CommitMode commit = CommitMode::immediate;
  bool can_render = false;                    // a browser is there for JavaScript shells
  ConditionalRequests conditional = ConditionalRequests::yes;  // no: every page fetched in full
};

// A text held back for a suspicious shrink is taken as the document once the same text (or
// a cosmetic variant) has come back on this many checks spanning at least kAdoptAfter: a
// language redirect, an A/B test or a maintenance template rarely lasts three checks over a
// whole day, while a relocated or rewritten document does; with a daily cron that is three
// days of errors, not months of blindness. `tosdiff accept` still takes it at once.
inline constexpr std::uint64_t kAdoptAfterChecks = 3;
inline constexpr auto kAdoptAfter = std::chrono::hours(24);
// A text the page showed before (an earlier version's, not the current one's), back after
// another, is held the same way until it lasts: taken, and reported, once seen on this many
// checks in a row spanning at least kReturnAdoptAfter; the current text back first, and it is
// dropped unreported. A cache or a mirror serving a stale copy for a few hours, or a regional
// edition answered to one request, is gone by the next check (contrib replay: 61 alerts of
// 6,714 were such returns, lasting under a day, a 2011 statement and a 2022 policy among
// them); a text put back on purpose stays, and is reported one check later (the next
// day with a daily cron). Fewer checks than the shrink's: a revert is the page's own text,
// not a suspicious one. So is the page in another language than the current version's (a
// geolocated or negotiated answer: contrib replay, a telecom's policy in Spanish for six
// hours, six times, each alerted against its last Spanish text).
inline constexpr std::uint64_t kReturnAdoptChecks = 2;
inline constexpr auto kReturnAdoptAfter = std::chrono::hours(12);
// A held text that changes substantively keeps its clock only while it is the same page
// edited: this much of the two texts' vocabulary in common (vocabulary_overlap); less, and it
// is another page, held back from scratch. The same page edited has its edit told too
// (held_change.hpp); another page's is not.
inline constexpr double kSamePageOverlap = 0.5;
// And it is adopted only if it looks like the document: this share of its vocabulary found in
// the archived version (a shortened policy), or this many markers of legal prose in any of the
// seven languages (a translation; error_page.hpp legal_markers), or the archived version's
// title (its first heading within kTitleWithinBlocks blocks, of kTitleMinWords words or more:
// "Cookie Policy" rewritten short in plain words), or another language than the archived
// version's with a document's name at the top (a translation: a language switch, never an
// alert; error_page.hpp opens_with_document_name). An error screen or a home
// page in the document's language has none of these, and a page of headings only (a
// summary linking to the policy's sections) or another page (page_verdict.hpp
// is_another_page) is never adopted.
// Or it points to the document's editions, opening with a document's name and with
// kHubDocumentNames blocks of at most kHubBlockWords words naming a legal document: a help centre's terms page turned into links to each
// country's terms, a group's privacy centre listing its policy in each language (contrib
// replay: held back for two years and a half, and for months, each check an error while the
// address served that page; taken, the reader learns it the next day, and its links changing
// after).
inline constexpr std::size_t kHubDocumentNames = 3;
inline constexpr std::size_t kHubBlockWords = 30;
inline constexpr double kDocumentVocabularyShare = 0.6;
inline constexpr std::size_t kAdoptLegalMarkers = 3;
inline constexpr std::size_t kTitleWithinBlocks = 3;
inline constexpr std::size_t kTitleMinWords = 2;
// Never a text of fewer words, whatever it shares: an app shell left with the title and the
// date line shares all of its ten words with the document (replay: pga, a 60 kB terms page
// served as its empty shell for a day).
inline constexpr std::size_t kAdoptMinWords = 50;
// A held text whose title names another document than the declared terms type while the
// archived version's did not (document_kind.hpp: a cookie policy where the privacy policy
// was, a declaration's address edited to the wrong page) is never adopted either.
bool looks_like_the_document(const Text& held, const Text& archived, std::string_view terms_type = {});
// A page back in a language it had before is compared with the latest of these many earlier
// versions in that language (older ones are not read).
inline constexpr std::size_t kLanguageLookBack = 20;
// ... and whose language the page left at most this long ago, or longer ago with no
// substantive version since (document_check.cpp says why).
inline constexpr std::chrono::hours kLanguageLeftWithin{24 * 30};

class DocumentCheck {
 public:
  DocumentCheck(const DocumentSpec& spec, const Archive& archive, const Clock& clock, DocumentCheckOptions options);

  // Conditional request headers for a page whose archived snapshot is still on disk (none
  // with ConditionalRequests::no).
  FetchRequest request_for(const SourceSpec& source) const;
  // What the browser should render for a page: its URL, waiting for the declaration's CSS
  // selectors.
  RenderRequest render_request_for(const SourceSpec& source) const;
  void set_response(std::size_t source_index, Result<FetchResponse> response);
  // A page rendered in the browser: declared (executeClientScripts) or found to be a
  // JavaScript shell by a first run().
  void set_rendered(std::size_t source_index, Result<RenderedPage> rendered);
  bool complete() const { return received_ == spec_.sources.size(); }
  // After run(): pages to render before the document can be decided (run() again once each
  // has been set_rendered()). Empty when run() reached an outcome.
  const std::vector<std::size_t>& pages_to_render() const { return to_render_; }

  // The check, once every page has arrived. With CommitMode::group the index is not
  // committed yet (awaiting_commit()): see archive/transaction.hpp.
  ChangeRecord run();
  // `tosdiff accept`: the pending text becomes the current version. Error kind
  // nothing_pending when there is none; throws ArchiveError when the archive cannot be read.
  ChangeRecord accept();

  bool awaiting_commit() const { return transaction_ && transaction_->awaiting_commit(); }
  bool wrote_files() const { return transaction_ && transaction_->wrote_files(); }
  ChangeRecord complete_commit(bool data_synced);
  void cleanup();
  ChangeRecord abandon(const std::string& why);

 private:
  std::optional<Error> gather_pages(std::vector<Page>& pages);
  bool restore_from_archive(Page& page) const;
  ArchivedState archived_state() const;
  std::optional<Error> over_limits() const;
  ChangeRecord finish_error(const Error& error, const std::vector<Page>& pages, bool record_check);
  ChangeRecord finish_hold(Error error, const Outcome& outcome, const std::vector<Page>& pages);
  ChangeRecord finish_text(const Outcome& outcome, const std::vector<Page>& pages);
  ChangeRecord finish_until_it_lasts(const std::string& returns_to, const std::string& language, const Outcome& outcome,
                                     const std::vector<Page>& pages);
  ChangeRecord record_version(const std::vector<std::string>& snapshots, const Text& text, const std::string& rendered,
                              const std::string& sha, bool accepted, std::vector<std::string> warnings);
  void add_version(const std::vector<std::string>& snapshots, const Text& text, const std::string& rendered,
                   const std::string& sha, const std::string& captured_at, bool accepted,
                   std::vector<std::string> warnings, const std::string& first_seen = "");
  PendingText first_sighting(const Outcome& outcome, const std::vector<Page>& pages) const;
  bool held_long_enough(const PendingText& pending, std::uint64_t checks, std::chrono::hours span) const;
  ChangeRecord archive_failure(const ArchiveError& e);
  ChangeRecord internal_failure(const std::exception& e);
  ChangeRecord nothing_kept(Error error);
  ChangeRecord commit();
  ChangeRecord base_record() const;
  std::vector<PageToStore> to_store(const std::vector<Page>& pages) const;

  const DocumentSpec& spec_;
  const Archive& archive_;
  const Clock& clock_;
  DocumentCheckOptions options_;
  std::optional<DocumentTransaction> transaction_;
  std::string load_error_;
  std::vector<std::optional<Result<FetchResponse>>> responses_;
  std::vector<bool> rendered_;       // per source: its response is the browser's DOM
  std::size_t received_ = 0;
  std::vector<Page> pages_;          // gathered, kept while pages are being rendered
  std::vector<std::size_t> to_render_;
  std::optional<Error> render_error_;
  const Text* rules_baseline_ = nullptr;  // set while finish_text() records a version  // a page of the second round could not be rendered
  std::chrono::steady_clock::time_point started_;
  std::string checked_at_;
  ChangeRecord result_;
};

}  // namespace tosdiff
