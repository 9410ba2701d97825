#pragma once
// One function per command, called by the CLI dispatcher with parsed options. Each returns
// its exit code (exit_codes.hpp) and prints to the given streams.

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <memory>

#include "tosdiff/app/config.hpp"
#include "tosdiff/catalog/catalog.hpp"
#include "tosdiff/classify/classify.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/fetch/fetcher.hpp"
#include "tosdiff/report/record_text.hpp"

namespace tosdiff {

struct GlobalOptions {
  std::string data_dir;               // "" = from the environment
  std::vector<std::string> catalogs;  // --catalog, in order
  int verbosity = 0;                  // -1 quiet, 0 normal, 1 verbose
  std::string color = "auto";         // auto | always | never
  std::string rules;                  // --rules FILE; "" = $XDG_CONFIG_HOME/tosdiff/topics.json if any
  std::string config;                 // --config FILE; "" = $XDG_CONFIG_HOME/tosdiff/config.json if any
};

// What every command shares: where the archive is, which catalog, how to print.
class Context {
 public:
  // `terminal_err` is stderr without the text sanitizer (terminal_text.hpp), for the
  // progress line's own control sequences; it defaults to `err`.
  Context(GlobalOptions options, std::ostream& out, std::ostream& err);
  Context(GlobalOptions options, std::ostream& out, std::ostream& err, std::ostream& terminal_err);

  const GlobalOptions& options() const { return options_; }
  std::ostream& out() const { return out_; }
  std::ostream& err() const { return err_; }
  std::ostream& terminal_err() const { return terminal_err_; }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  TextStyle style() const { return style_; }
  bool quiet() const { return options_.verbosity < 0; }
  bool verbose() const { return options_.verbosity > 0; }

  // The catalog: built-in declarations under the user's directories (from --catalog, else
  // $TOSDIFF_CATALOG, else $XDG_CONFIG_HOME/tosdiff/catalog when it exists). Loaded once,
  // with its diagnostics: a broken declaration is a problem of its platform only, which the
  // commands handle (select_documents, report_catalog_problems). Only a problem of the
  // catalog itself (a directory that does not exist) is a UsageError.
  const Catalog& catalog();
  bool user_catalog_given();

  // What the selected documents are for: fetching them (`check`: retired documents are left
  // out, and naming one is a UsageError) or reading their archive (retired ones included).
  enum class Purpose { fetch, read };

  // Documents of the catalog named by "PLATFORM" or "PLATFORM/DOCUMENT": ids in any case, or a
  // platform's alias. UsageError when unknown (with the closest name: "did you mean"), or when
  // the platform's declaration is broken (the message lists its problems). With no names: the
  // user's platforms if a user catalog was given, else the built-in ones, without the broken
  // platforms (report_catalog_problems tells of them).
  std::vector<DocumentSpec> select_documents(const std::vector<std::string>& names, Purpose purpose);
  // Exactly one document of the catalog by "PLATFORM/DOCUMENT", to read its archive.
  DocumentSpec one_document(const std::string& name);

  // For the commands that only read the archive (history, show, diff, digest): the documents
  // a name designates among the catalog's and the archive's own document directories, so that
  // what was archived stays readable when its declaration is not in the catalog (a retired
  // platform, a TOSDIFF_CATALOG forgotten in a cron job) or is broken (warned about). A
  // document known only to the archive is titled from its latest change record. A catalog
  // that cannot be loaded is warned about and left out. UsageError when the name is in neither.
  std::vector<DocumentSpec> archived_documents(const std::string& name);
  DocumentSpec archived_document(const std::string& name);  // exactly one: PLATFORM/DOCUMENT
  // The catalog, or nullptr when it cannot be loaded (warned about once on stderr).
  const Catalog* catalog_if_loadable();

  // Prints, once per run, on stderr: which declaration shadows which ("tosdiff: note: ...",
  // not with --quiet), and each error of a broken declaration ("tosdiff: error: <file>:
  // <where>: <message>"). With `names` (the command line's PLATFORM[/DOCUMENT], any case or
  // an alias), only the named platforms' are printed, and one line counts the other broken
  // declarations. Returns the number of broken platforms whose errors were printed: the
  // command then ends with exit code 3 (document_failed).
  std::size_t report_catalog_problems(const std::vector<std::string>& names = {});

  // The user's catalog directories, as resolved from --catalog, $TOSDIFF_CATALOG, or
  // $XDG_CONFIG_HOME/tosdiff/catalog.
  std::vector<std::filesystem::path> catalog_directories() const;

  // The classification rules: the built-in ones with the user's file over them (--rules FILE,
  // else $XDG_CONFIG_HOME/tosdiff/topics.json or ~/.config/tosdiff/topics.json when it
  // exists). Loaded once; a bad file is a UsageError naming the bad rule.
  const Rules& rules();

  // The configuration file (--config FILE, else $XDG_CONFIG_HOME/tosdiff/config.json when it
  // exists): read and checked once; a bad one is a UsageError naming the file and the key.
  const Config& config();

  // The time stamped on what the run archives: the system clock, or the fixed instant of
  // $TOSDIFF_NOW ("2026-03-01T12:00:00Z"), which replays of archived page histories use to
  // check each snapshot at its own date (bench/replay). A malformed value is a UsageError.
  const Clock& clock();

 private:
  GlobalOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  std::ostream& terminal_err_;
  std::filesystem::path data_dir_;
  TextStyle style_;
  std::optional<Catalog> catalog_;
  bool user_catalog_ = false;
  bool catalog_failed_ = false;
  bool catalog_reported_ = false;
  std::set<std::string> broken_warned_;  // platforms whose broken declaration was warned about
  std::optional<Rules> rules_;
  std::optional<Config> config_;
  std::unique_ptr<Clock> clock_;
};

std::filesystem::path default_data_dir();

// `check`'s options as given on the command line: a value not given is empty, and the
// configuration file's "check" section, then tosdiff's default, fill it (settings.hpp).
struct CheckCommandOptions {
  std::vector<std::string> targets;
  bool json = false;
  bool exit_code = false;
  bool compare_links = false;  // compare link targets too, for every document checked
  std::optional<int> jobs, per_host;
  std::optional<double> delay, timeout, lock_wait;
  std::optional<std::size_t> max_size;
  std::optional<Severity> min_severity;
  // Alerts (docs/alerts.md), on top of the configuration file's.
  std::vector<std::string> notify_exec, notify_webhook, notify_email;
  bool no_alerts = false;    // neither send alerts nor retry the outbox
  bool no_cache = false;     // no conditional requests: every page fetched in full
  bool no_browser = false;   // read every page as HTTP gives it: no headless Chromium
  std::string browser;       // the Chromium binary ("" = chromium-headless-shell, then chromium)
};
int command_check(Context& context, const CheckCommandOptions& options);

// `tosdiff digest`: the changes archived in a period (digest.hpp, docs/digest.md).
struct DigestCommandOptions {
  std::vector<std::string> targets;  // PLATFORM or PLATFORM/DOCUMENT; none = all
  std::string since = "7d", until;   // "" = now
  std::string format = "text";       // text | markdown | html | json
};
int command_digest(Context& context, const DigestCommandOptions& options);

struct ListCommandOptions {
  std::string pattern;  // "" = everything; a substring, or a glob when it has * ? or [
  bool json = false;
};
int command_list(Context& context, const ListCommandOptions& options);

// Makes the text held back as a suspicious shrink current, on the user's word.
int command_accept(Context& context, const std::string& target, bool json, double lock_wait_seconds);

struct ShowCommandOptions {
  std::string target;
  std::string at;  // a date or a version id; "" = current
  bool raw = false;      // the raw page as fetched, not the normalized text
  bool error = false;    // with raw: the page of the last failed check
  std::size_t page = 1;  // with raw: which of a combined document's pages (1-based)
};
int command_show(Context& context, const ShowCommandOptions& options);

struct DiffCommandOptions {
  std::string target;
  bool json = false;             // --json: the same as format "json"
  std::string format = "text";   // text | json | html
  std::string from, to;  // dates or version ids; "" = the latest change
};
int command_diff(Context& context, const DiffCommandOptions& options);

// Every version of the documents `target` names, with the notes written about them, in
// the order they were made.
int command_history(Context& context, const std::string& target, bool json);

// `tosdiff note PLATFORM/DOCUMENT TEXT`: keeps a note with the document's archived history
// (archive/notes.hpp), under the lock.
struct NoteCommandOptions {
  std::string target, text;
  double lock_wait_seconds = 30;
};
int command_note(Context& context, const NoteCommandOptions& options);

// `tosdiff notify --test`: a sample change record, made by the record builder from two
// small texts, sent to every alert target the configuration file and the --notify-* flags
// give (their filters set aside, no retry, nothing queued), each result printed. Exit 3
// when a delivery failed, 2 when there is no target.
struct NotifyCommandOptions {
  bool test = false;
  std::vector<std::string> notify_exec, notify_webhook, notify_email;
};
int command_notify(Context& context, const NotifyCommandOptions& options);

// Checks the archive's files against the indexes; with repair, mends what can be mended.
// Exit code 0 when no problem is left, 3 otherwise.
int command_verify(Context& context, bool repair, bool json, double lock_wait_seconds);

struct NormalizeCommandOptions {
  std::string file;  // "-" = stdin
  std::vector<std::string> select, remove;
  std::string base_url;
  bool links = false;
  bool suggest = false;  // propose select/remove, as `add` does, instead of printing the text
};
int command_normalize(Context& context, const NormalizeCommandOptions& options);

int command_validate(Context& context, const std::string& path);

// `tosdiff add URL`: fetches the page (rendered in headless Chromium when it is a JavaScript
// shell), proposes `select` and `remove` that tosdiff's own reading agrees with
// (pipeline/declaration_draft.hpp), shows the text it would track, and writes the terms
// entry into the platform's Open Terms Archive declaration in the user's catalog directory
// (the last --catalog / $TOSDIFF_CATALOG one, else $XDG_CONFIG_HOME/tosdiff/catalog),
// atomically, the file's other entries kept. Exit 3 when the page is not a document tosdiff
// can track, 2 for a bad URL or an entry already declared (without --force).
struct AddCommandOptions {
  std::string url;
  std::string name;                        // the platform's name ("" = from the host)
  std::string type = "Terms of Service";   // the terms type: the document id
  bool dry_run = false;                    // show, write nothing
  bool force = false;                      // replace an entry the declaration already has
  bool no_browser = false;
  std::string browser;
};
int command_add(Context& context, const AddCommandOptions& options);
// `normalize FILE --suggest`: the proposal of `add` for a local file's bytes (HTML, a PDF,
// text), with the text it gives and the terms entry to put in a declaration.
int command_suggest(Context& context, const std::string& file, const std::string& bytes);

// For shell completion: every name a PLATFORM[/DOCUMENT] argument takes, one a line (platform
// ids and aliases of the catalog's usable platforms, their PLATFORM/DOCUMENT keys, then the
// archive's own), each once; with documents_only, the keys alone. Never fails for a catalog
// that cannot be loaded: what is known is printed.
int command_names(Context& context, bool documents_only);

}  // namespace tosdiff
