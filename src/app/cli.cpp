#include "tosdiff/app/cli.hpp"

#include <cmath>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/util/terminal_text.hpp"

namespace tosdiff {
namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0    every document processed\n"
    "  1    with --exit-code: a substantive change or a new document was recorded, nothing failed\n"
    "  2    usage or configuration error (bad option, unknown platform, a named platform's\n"
    "       declaration is broken; validate: a declaration has errors)\n"
    "  3    at least one document failed (fetch, HTTP status, no selector match, blocked page...),\n"
    "       or a declaration of the catalog is broken (check, list); the others were processed;\n"
    "       for verify: problems are left in the archive\n"
    "  4    tosdiff could not run (data dir unusable, another run holds the lock, nothing archived)\n"
    "  130/143  interrupted by SIGINT/SIGTERM\n"
    "\n"
    "Environment: TOSDIFF_DATA_DIR, XDG_DATA_HOME (data dir); TOSDIFF_CATALOG (colon-separated\n"
    "catalog dirs), XDG_CONFIG_HOME (catalog in $XDG_CONFIG_HOME/tosdiff/catalog, rules in\n"
    "$XDG_CONFIG_HOME/tosdiff/topics.json, configuration in $XDG_CONFIG_HOME/tosdiff/config.json);\n"
    "TOSDIFF_SMTP_URL, TOSDIFF_SMTP_FROM, TOSDIFF_SMTP_USER, TOSDIFF_SMTP_PASSWORD (email alerts); NO_COLOR.\n"
    "A failed alert delivery is reported on stderr and queued for the next check; it does not\n"
    "change the exit code (docs/alerts.md).";

// CLI11's Range lets NaN through (every comparison with it is false), and NaN would
// disable the limit it sets: numbers must be finite and in range.
CLI::Validator finite_range(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& input) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(input, value) || !std::isfinite(value))
          return "'" + input + "' is not a finite number";
        if (value < min || value > max)
          return "'" + input + "' is not in [" + CLI::detail::to_string(min) + " - " + CLI::detail::to_string(max) + "]";
        return {};
      },
      "FLOAT in [" + CLI::detail::to_string(min) + " - " + CLI::detail::to_string(max) + "]");
}

struct Parsed {
  GlobalOptions global;
  CheckCommandOptions check;
  bool list_json = false;
  ShowCommandOptions show;
  DiffCommandOptions diff;
  std::string history_target;
  bool history_json = false;
  NormalizeCommandOptions normalize;
  std::string validate_path;
  std::string accept_target;
  bool verify_repair = false, verify_json = false;
  bool accept_json = false;
  double lock_wait_seconds = 30;  // verify and accept (check has its own in CheckCommandOptions)
  std::string min_severity;       // check --min-severity, as written
  FetchLimits check_limits;       // check's limits as parsed (the defaults shown in --help)
  double check_lock_wait = 30;
  DigestCommandOptions digest;
  CLI::App* check_app = nullptr;  // to tell which options were given (config defaults, config.hpp)
};

struct Command {
  const char* name;
  const char* help;
  std::function<void(CLI::App&, Parsed&)> define;
  std::function<int(Context&, const Parsed&)> run;
};

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"check", "Fetch documents, archive what changed, report it",
       [](CLI::App& c, Parsed& p) {
         c.add_option("targets", p.check.targets, "PLATFORM or PLATFORM/DOCUMENT (default: the platforms of the catalogs you added, else the built-in ones)");
         c.add_flag("--json", p.check.json, "print one JSON object per document checked (JSON Lines)");
         c.add_flag("--exit-code", p.check.exit_code, "exit 1 when a substantive change or new document was recorded");
         c.add_flag("--compare-links", p.check.compare_links, "compare link targets too (tracking parameters folded)");
         c.add_option("--jobs", p.check_limits.jobs, "transfers at once")->check(CLI::Range(1, 256))->capture_default_str();
         c.add_option("--per-host", p.check_limits.per_host, "transfers at once to one host")->check(CLI::Range(1, 64))->capture_default_str();
         c.add_option("--delay", p.check_limits.delay_seconds, "seconds between requests to one host")->check(finite_range(0.0, 3600.0))->capture_default_str();
         c.add_option("--timeout", p.check_limits.timeout_seconds, "seconds allowed per request attempt")->check(finite_range(1.0, 3600.0))->capture_default_str();
         c.add_option("--max-size", p.check_limits.max_size, "largest page accepted, in bytes (decoded)")->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 32))->capture_default_str();
         c.add_option("--lock-wait", p.check_lock_wait, "seconds to wait for another run's lock")->check(finite_range(0.0, 86400.0))->capture_default_str();
         c.add_option("--notify-exec", p.check.notify_exec, "run CMD for each substantive change, the record on its stdin (repeatable)")->allow_extra_args(false);
         c.add_option("--notify-webhook", p.check.notify_webhook, "POST each substantive change's record to URL (repeatable)")->allow_extra_args(false);
         c.add_option("--notify-email", p.check.notify_email, "mail a digest of the run's substantive changes to ADDRESS (repeatable; SMTP from the configuration or TOSDIFF_SMTP_*)")->allow_extra_args(false);
         c.add_option("--min-severity", p.min_severity, "alert only on changes of at least this severity")->check(CLI::IsMember({"info", "minor", "moderate", "major"}));
         c.add_flag("--no-alerts", p.check.no_alerts, "send no alert and leave the outbox alone");
         c.add_flag("--no-browser", p.check.no_browser, "never render pages in headless Chromium (pages built by JavaScript stay unread)");
         c.add_option("--browser", p.check.browser, "the Chromium binary to render pages with (default: chromium-headless-shell, then chromium)")->option_text("PATH");
         p.check_app = &c;
       },
       [](Context& ctx, const Parsed& p) {
         // A value given on the command line, and only then, wins over the configuration file.
         CheckCommandOptions options = p.check;
         auto given = [&](const char* name) { return p.check_app && p.check_app->count(name) > 0; };
         if (given("--jobs")) options.jobs = p.check_limits.jobs;
         if (given("--per-host")) options.per_host = p.check_limits.per_host;
         if (given("--delay")) options.delay = p.check_limits.delay_seconds;
         if (given("--timeout")) options.timeout = p.check_limits.timeout_seconds;
         if (given("--max-size")) options.max_size = p.check_limits.max_size;
         if (given("--lock-wait")) options.lock_wait = p.check_lock_wait;
         if (given("--min-severity")) options.min_severity = severity_from_string(p.min_severity);
         return command_check(ctx, options);
       }},
      {"digest", "The changes archived in a period, grouped by platform, gravest first",
       [](CLI::App& c, Parsed& p) {
         c.add_option("targets", p.digest.targets, "PLATFORM or PLATFORM/DOCUMENT (default: every archived document)");
         c.add_option("--since", p.digest.since, "start: a duration before now (7d, 24h, 90m, 2w) or a date/time (UTC)")->capture_default_str();
         c.add_option("--until", p.digest.until, "end: a date (its end), a date/time or a duration before now (default: now)");
         c.add_option("--format", p.digest.format, "text, markdown, html or json")
             ->check(CLI::IsMember({"text", "markdown", "html", "json"}))
             ->capture_default_str();
       },
       [](Context& ctx, const Parsed& p) { return command_digest(ctx, p.digest); }},
      {"accept", "Make a text held back as not the document (suspicious shrink, block or error page) the current version",
       [](CLI::App& c, Parsed& p) {
         c.add_option("document", p.accept_target, "PLATFORM/DOCUMENT")->required();
         c.add_flag("--json", p.accept_json, "print the JSON change record");
         c.add_option("--lock-wait", p.lock_wait_seconds, "seconds to wait for another run's lock")->check(finite_range(0.0, 86400.0))->capture_default_str();
       },
       [](Context& ctx, const Parsed& p) { return command_accept(ctx, p.accept_target, p.accept_json, p.lock_wait_seconds); }},
      {"list", "List the catalog's platforms and documents, with their last status",
       [](CLI::App& c, Parsed& p) { c.add_flag("--json", p.list_json, "one JSON object per document"); },
       [](Context& ctx, const Parsed& p) { return command_list(ctx, p.list_json); }},
      {"show", "Print the archived normalized text of a document",
       [](CLI::App& c, Parsed& p) {
         c.add_option("document", p.show.target, "PLATFORM/DOCUMENT")->required();
         c.add_option("--at", p.show.at, "the version in force at a date (YYYY-MM-DD or ISO time) or a version number");
       },
       [](Context& ctx, const Parsed& p) { return command_show(ctx, p.show); }},
      {"diff", "Show the latest change of a document again, or compare two versions",
       [](CLI::App& c, Parsed& p) {
         c.add_option("document", p.diff.target, "PLATFORM/DOCUMENT")->required();
         c.add_flag("--json", p.diff.json, "print the JSON change record");
         c.add_option("--from", p.diff.from, "older version: number or date");
         c.add_option("--to", p.diff.to, "newer version: number or date (default: current)");
       },
       [](Context& ctx, const Parsed& p) { return command_diff(ctx, p.diff); }},
      {"history", "Every archived version and change, oldest first",
       [](CLI::App& c, Parsed& p) {
         c.add_option("target", p.history_target, "PLATFORM or PLATFORM/DOCUMENT")->required();
         c.add_flag("--json", p.history_json, "one JSON object per version");
       },
       [](Context& ctx, const Parsed& p) { return command_history(ctx, p.history_target, p.history_json); }},
      {"verify", "Check every archived file against the indexes; --repair mends what can be mended",
       [](CLI::App& c, Parsed& p) {
         c.add_flag("--repair", p.verify_repair, "delete orphans and leftovers, rebuild indexes and records");
         c.add_flag("--json", p.verify_json, "one JSON object per finding");
         c.add_option("--lock-wait", p.lock_wait_seconds, "seconds to wait for another run's lock")->check(finite_range(0.0, 86400.0))->capture_default_str();
       },
       [](Context& ctx, const Parsed& p) { return command_verify(ctx, p.verify_repair, p.verify_json, p.lock_wait_seconds); }},
      {"normalize", "Print the normalized text of a local HTML file",
       [](CLI::App& c, Parsed& p) {
         c.add_option("file", p.normalize.file, "HTML file, or - for standard input")->required();
         // allow_extra_args(false): CLI11 would otherwise read "[a=b]" as a bracketed list.
         c.add_option("--select", p.normalize.select, "CSS selector of the text to keep (repeatable)")->allow_extra_args(false);
         c.add_option("--remove", p.normalize.remove, "CSS selector of what to drop (repeatable)")->allow_extra_args(false);
         c.add_option("--base-url", p.normalize.base_url, "URL the page came from (resolves links)");
         c.add_flag("--links", p.normalize.links, "keep link targets as [text](url)");
       },
       [](Context& ctx, const Parsed& p) { return command_normalize(ctx, p.normalize); }},
      {"validate", "Check declarations and print every problem",
       [](CLI::App& c, Parsed& p) {
         c.add_option("path", p.validate_path, "a declaration file or a directory (default: the configured catalogs)");
       },
       [](Context& ctx, const Parsed& p) { return command_validate(ctx, p.validate_path); }},
  };
  return table;
}

}  // namespace

int run_cli(int argc, char** argv, const OutputStreams& streams) {
  Parsed parsed;
  CLI::App app{"tosdiff: tracks changes to terms of service and privacy policies", "tosdiff"};
  app.footer(kExitCodes);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("tosdiff ") + TOSDIFF_VERSION);
  app.add_option("--data-dir", parsed.global.data_dir,
                 "archive directory (default: $TOSDIFF_DATA_DIR, $XDG_DATA_HOME/tosdiff, ~/.local/share/tosdiff)");
  app.add_option("--catalog", parsed.global.catalogs, "directory of declarations to add (repeatable)")->allow_extra_args(false);
  app.add_option("--rules", parsed.global.rules,
                 "classification rules over the built-in ones (default: $XDG_CONFIG_HOME/tosdiff/topics.json if it exists)");
  app.add_option("--config", parsed.global.config,
                 "configuration file: check defaults, alerts (default: $XDG_CONFIG_HOME/tosdiff/config.json if it exists)");
  bool quiet = false, verbose = false;
  auto* q = app.add_flag("-q,--quiet", quiet, "report only substantive changes and failures");
  app.add_flag("-v,--verbose", verbose, "report unchanged documents and cosmetic changes too")->excludes(q);
  app.add_option("--color", parsed.global.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();

  // Global options are accepted after the command too (`tosdiff check --quiet`, as cron
  // lines are usually written): a subcommand passes what it does not know to the top.
  app.fallthrough();
  std::vector<std::pair<CLI::App*, const Command*>> subcommands;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    sub->footer(kExitCodes);
    command.define(*sub, parsed);
    subcommands.emplace_back(sub, &command);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 returns its own codes (100+) for parse errors: the contract says 2.
    app.exit(e);
    return exit_code::usage;
  }
  parsed.global.verbosity = quiet ? -1 : verbose ? 1 : 0;
  // JSON goes out exact: its consumers are programs, and its escaping covers C0 controls.
  const bool json = parsed.check.json || parsed.list_json || parsed.history_json || parsed.diff.json ||
                    parsed.verify_json || parsed.accept_json || parsed.digest.format == "json";
  if (streams.stdout_filter) streams.stdout_filter->set_exact(json);

  Context context(parsed.global, std::cout, std::cerr, streams.terminal_err ? *streams.terminal_err : std::cerr);
  for (const auto& [sub, command] : subcommands)
    if (sub->parsed()) return command->run(context, parsed);
  throw UsageError("no command given (try --help)");
}

}  // namespace tosdiff
