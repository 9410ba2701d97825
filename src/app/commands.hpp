#pragma once
// One function per command, called by the CLI dispatcher with parsed options. Each returns
// its exit code (exit_codes.hpp) and prints to the given streams.

#include <filesystem>
#include <iosfwd>
#include <optional>
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

  // Documents named by "PLATFORM" or "PLATFORM/DOCUMENT" (UsageError when unknown, or when
  // the platform's declaration is broken: the message lists its problems). With no names:
  // the user's platforms if a user catalog was given, else the built-in ones, without the
  // broken platforms (report_catalog_problems tells of them).
  std::vector<DocumentSpec> select_documents(const std::vector<std::string>& names, Purpose purpose);
  // Exactly one document by "PLATFORM/DOCUMENT", to read its archive.
  DocumentSpec one_document(const std::string& name);

  // Prints, once per run, on stderr: which declaration shadows which ("tosdiff: note: ...",
  // not with --quiet), and each error of a broken declaration ("tosdiff: error: <file>:
  // <where>: <message>"). With `names` (the command line's PLATFORM[/DOCUMENT]), only the
  // named platforms' are printed, and one line counts the other broken declarations.
  // Returns the number of broken platforms whose errors were printed: the command then ends
  // with exit code 3 (document_failed).
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
  bool catalog_reported_ = false;
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

int command_list(Context& context, bool json);

// Makes the text held back as a suspicious shrink current, on the user's word.
int command_accept(Context& context, const std::string& target, bool json, double lock_wait_seconds);

struct ShowCommandOptions {
  std::string target;
  std::string at;  // a date or a version id; "" = current
};
int command_show(Context& context, const ShowCommandOptions& options);

struct DiffCommandOptions {
  std::string target;
  bool json = false;
  std::string from, to;  // dates or version ids; "" = the latest change
};
int command_diff(Context& context, const DiffCommandOptions& options);

int command_history(Context& context, const std::string& target, bool json);

// Checks the archive's files against the indexes; with repair, mends what can be mended.
// Exit code 0 when no problem is left, 3 otherwise.
int command_verify(Context& context, bool repair, bool json, double lock_wait_seconds);

struct NormalizeCommandOptions {
  std::string file;  // "-" = stdin
  std::vector<std::string> select, remove;
  std::string base_url;
  bool links = false;
};
int command_normalize(Context& context, const NormalizeCommandOptions& options);

int command_validate(Context& context, const std::string& path);

}  // namespace tosdiff
