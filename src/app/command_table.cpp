#include "tosdiff/app/command_table.hpp"

#include <cmath>

#include "tosdiff/app/completion_model.hpp"
#include "tosdiff/app/completion_script.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/app/help_text.hpp"
#include "tosdiff/util/did_you_mean.hpp"
#include "tosdiff/util/strings.hpp"

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
// disable the limit it sets: numbers must be finite and in range. The validators have no
// description: help shows the option's placeholder, not a type.
CLI::Validator finite_range(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& input) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(input, value) || !std::isfinite(value))
          return "'" + input + "' is not a number";
        if (value < min || value > max)
          return "'" + input + "' is not from " + CLI::detail::to_string(min) + " to " + CLI::detail::to_string(max);
        return {};
      },
      "");
}

CLI::Validator whole_range(std::uint64_t min, std::uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& input) -> std::string {
        std::uint64_t value = 0;
        if (input.empty() || input.find_first_not_of("0123456789") != std::string::npos ||
            !CLI::detail::lexical_cast(input, value) || value < min || value > max)
          return "'" + input + "' is not a whole number from " + std::to_string(min) + " to " + std::to_string(max);
        return {};
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> values) {
  return CLI::Validator(
      [values](std::string& input) -> std::string {
        if (std::find(values.begin(), values.end(), input) != values.end()) return {};
        std::string message = "'" + input + "' is not one of " + join(values, ", ");
        if (auto near = closest(input, values)) message += " (did you mean `" + *near + "`?)";
        return message;
      },
      "");
}

// A fixed set of values: checked, with the closest one suggested, and offered by completion.
CLI::Option* choose(CLI::Option* option, Parsed& parsed, std::vector<std::string> values) {
  parsed.choices[option] = values;
  return option->check(one_of(std::move(values)));
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"check", "Fetch documents, archive what changed, report it",
       [](CLI::App& c, Parsed& p) {
         c.add_option("targets", p.check.targets, "a platform (all its documents) or one document; default: the platforms of the catalogs you added, else the built-in ones")->option_text("PLATFORM[/DOCUMENT]");
         c.add_flag("--json", p.check.json, "print one JSON object per document checked (JSON Lines)");
         c.add_flag("--exit-code", p.check.exit_code, "exit 1 when a substantive change or new document was recorded");
         c.add_flag("--compare-links", p.check.compare_links, "compare link targets too (tracking parameters folded)");
         c.add_option("--jobs", p.check_limits.jobs, "transfers at once")->check(whole_range(1, 256))->capture_default_str()->option_text("N");
         c.add_option("--per-host", p.check_limits.per_host, "transfers at once to one host")->check(whole_range(1, 64))->capture_default_str()->option_text("N");
         c.add_option("--delay", p.check_limits.delay_seconds, "seconds between requests to one host")->check(finite_range(0.0, 3600.0))->capture_default_str()->option_text("SECONDS");
         c.add_option("--timeout", p.check_limits.timeout_seconds, "seconds allowed per request attempt")->check(finite_range(1.0, 3600.0))->capture_default_str()->option_text("SECONDS");
         c.add_option("--max-size", p.check_limits.max_size, "largest page accepted, in bytes (decoded)")->check(whole_range(1024, std::uint64_t{1} << 32))->capture_default_str()->option_text("BYTES");
         c.add_option("--lock-wait", p.check_lock_wait, "seconds to wait for another run's lock")->check(finite_range(0.0, 86400.0))->capture_default_str()->option_text("SECONDS");
         c.add_flag("--no-cache", p.check.no_cache, "fetch every page in full: no conditional request (If-None-Match, If-Modified-Since)");
         c.add_option("--notify-exec", p.check.notify_exec, "run CMD for each substantive change, the record on its stdin (repeatable)")->allow_extra_args(false)->option_text("CMD");
         c.add_option("--notify-webhook", p.check.notify_webhook, "POST each substantive change's record to URL (repeatable)")->allow_extra_args(false)->option_text("URL");
         c.add_option("--notify-email", p.check.notify_email, "mail a digest of the run's substantive changes to ADDRESS (repeatable; SMTP from the configuration or TOSDIFF_SMTP_*)")->allow_extra_args(false)->option_text("ADDRESS");
         choose(c.add_option("--min-severity", p.min_severity, "alert only on changes of at least this severity: info, minor, moderate or major"), p, {"info", "minor", "moderate", "major"})->option_text("LEVEL");
         c.add_flag("--no-alerts", p.check.no_alerts, "send no alert and leave the outbox alone");
         c.add_option("--browser", p.check.browser, "the Chromium binary that renders pages built by JavaScript (default: chromium-headless-shell, then chromium)")->option_text("PATH");
         c.add_flag("--no-browser", p.check.no_browser, "never render pages in headless Chromium (pages built by JavaScript stay unread)");
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
         c.add_option("targets", p.digest.targets, "a platform or one document (default: every archived document)")->option_text("PLATFORM[/DOCUMENT]");
         c.add_option("--since", p.digest.since, "start: a duration before now (7d, 24h, 90m, 2w) or a date/time (UTC)")->capture_default_str()->option_text("7d|24h|DATE");
         c.add_option("--until", p.digest.until, "end: a date (its end), a date/time or a duration before now (default: now)")->option_text("DATE");
         choose(c.add_option("--format", p.digest.format, "text, markdown, html, json, or atom (an Atom 1.0 feed)"), p, {"text", "markdown", "html", "json", "atom"})
             ->capture_default_str()
             ->option_text("FORMAT");
       },
       [](Context& ctx, const Parsed& p) { return command_digest(ctx, p.digest); }},
      {"accept", "Make a text held back (a suspicious shrink, block or error page; an earlier text or another language until it lasts) the current version",
       [](CLI::App& c, Parsed& p) {
         c.add_option("document", p.accept_target, "the document whose held-back text to accept")->required()->option_text("PLATFORM/DOCUMENT");
         c.add_flag("--json", p.accept_json, "print the JSON change record");
         c.add_option("--lock-wait", p.lock_wait_seconds, "seconds to wait for another run's lock")->check(finite_range(0.0, 86400.0))->capture_default_str()->option_text("SECONDS");
       },
       [](Context& ctx, const Parsed& p) { return command_accept(ctx, p.accept_target, p.accept_json, p.lock_wait_seconds); }},
      {"list", "List the catalog's platforms and documents (and those only archived), with their last status",
       [](CLI::App& c, Parsed& p) {
         c.add_option("pattern", p.list.pattern, "only what matches: a piece of a platform or document id or name, or a glob (open*, */privacy*), any case")->option_text("PATTERN");
         c.add_flag("--json", p.list.json, "one JSON object per document");
       },
       [](Context& ctx, const Parsed& p) { return command_list(ctx, p.list); }},
      {"show", "Print the archived normalized text of a document, or the raw page it was read from",
       [](CLI::App& c, Parsed& p) {
         c.add_option("document", p.show.target, "the document (archived; its platform need not be in the catalog)")->required()->option_text("PLATFORM/DOCUMENT");
         c.add_option("--at", p.show.at, "the version in force at a date (YYYY-MM-DD or ISO time), or a version (v2 or 2)")->option_text("DATE|VERSION");
         c.add_flag("--raw", p.show.raw, "the page as it was fetched (HTML, PDF...), byte for byte, instead of the normalized text");
         c.add_flag("--error", p.show.error, "with --raw: the page of the last failed check (a block page, an error page...)");
         c.add_option("--page", p.show.page, "with --raw: which page of a document made of several")->check(whole_range(1, 1000))->capture_default_str()->option_text("N");
       },
       [](Context& ctx, const Parsed& p) { return command_show(ctx, p.show); }},
      {"diff", "Show the latest change of a document again, or compare two versions",
       [](CLI::App& c, Parsed& p) {
         c.add_option("document", p.diff.target, "the document (archived; its platform need not be in the catalog)")->required()->option_text("PLATFORM/DOCUMENT");
         c.add_flag("--json", p.diff.json, "print the JSON change record (--format json)");
         choose(c.add_option("--format", p.diff.format, "text, json, or html (one self-contained page)"), p, {"text", "json", "html"})
             ->capture_default_str()
             ->option_text("FORMAT");
         c.add_option("--from", p.diff.from, "older version: v1, 1 or a date (default: the one --to's change was compared with)")->option_text("DATE|VERSION");
         c.add_option("--to", p.diff.to, "newer version: v2, 2 or a date (default: current)")->option_text("DATE|VERSION");
       },
       [](Context& ctx, const Parsed& p) { return command_diff(ctx, p.diff); }},
      {"history", "Every archived version and change, oldest first",
       [](CLI::App& c, Parsed& p) {
         c.add_option("target", p.history_target, "a platform (every document of it) or one document, archived")->required()->option_text("PLATFORM[/DOCUMENT]");
         c.add_flag("--json", p.history_json, "one JSON object per version");
       },
       [](Context& ctx, const Parsed& p) { return command_history(ctx, p.history_target, p.history_json); }},
      {"note", "Keep a note with a document's archived history (shown by history and the digest)",
       [](CLI::App& c, Parsed& p) {
         c.add_option("document", p.note.target, "the document (archived)")->required()->option_text("PLATFORM/DOCUMENT");
         c.add_option("text", p.note.text, "the note")->required()->option_text("TEXT");
         c.add_option("--lock-wait", p.note.lock_wait_seconds, "seconds to wait for another run's lock")->check(finite_range(0.0, 86400.0))->capture_default_str()->option_text("SECONDS");
       },
       [](Context& ctx, const Parsed& p) { return command_note(ctx, p.note); }},
      {"notify", "Send a sample change to every configured alert target and say how each went",
       [](CLI::App& c, Parsed& p) {
         c.add_flag("--test", p.notify.test, "send the sample (required: notify has nothing else to do yet)")->required();
         c.add_option("--notify-exec", p.notify.notify_exec, "also run CMD, as check --notify-exec does (repeatable)")->allow_extra_args(false)->option_text("CMD");
         c.add_option("--notify-webhook", p.notify.notify_webhook, "also POST to URL, as check --notify-webhook does (repeatable)")->allow_extra_args(false)->option_text("URL");
         c.add_option("--notify-email", p.notify.notify_email, "also mail ADDRESS, as check --notify-email does (repeatable)")->allow_extra_args(false)->option_text("ADDRESS");
       },
       [](Context& ctx, const Parsed& p) { return command_notify(ctx, p.notify); }},
      {"verify", "Check every archived file against the indexes; --repair mends what can be mended",
       [](CLI::App& c, Parsed& p) {
         c.add_flag("--repair", p.verify_repair, "delete orphans and leftovers, rebuild indexes and records");
         c.add_flag("--json", p.verify_json, "one JSON object per finding");
         c.add_option("--lock-wait", p.lock_wait_seconds, "seconds to wait for another run's lock")->check(finite_range(0.0, 86400.0))->capture_default_str()->option_text("SECONDS");
       },
       [](Context& ctx, const Parsed& p) { return command_verify(ctx, p.verify_repair, p.verify_json, p.lock_wait_seconds); }},
      {"normalize", "Print the normalized text of a local HTML file",
       [](CLI::App& c, Parsed& p) {
         c.add_option("file", p.normalize.file, "HTML file, or - for standard input")->required()->option_text("FILE|-");
         // allow_extra_args(false): CLI11 would otherwise read "[a=b]" as a bracketed list.
         c.add_option("--select", p.normalize.select, "CSS selector of the text to keep (repeatable)")->allow_extra_args(false)->option_text("CSS");
         c.add_option("--remove", p.normalize.remove, "CSS selector of what to drop (repeatable)")->allow_extra_args(false)->option_text("CSS");
         c.add_option("--base-url", p.normalize.base_url, "URL the page came from (resolves links)")->option_text("URL");
         c.add_flag("--links", p.normalize.links, "keep link targets as [text](url)");
         c.add_flag("--suggest", p.normalize.suggest, "propose select and remove for a declaration, as add does, and show the text they give");
       },
       [](Context& ctx, const Parsed& p) { return command_normalize(ctx, p.normalize); }},
      {"validate", "Check declarations and print every problem",
       [](CLI::App& c, Parsed& p) {
         c.add_option("path", p.validate_path, "a declaration file or a directory (default: the configured catalogs)")->option_text("DIR|FILE");
       },
       [](Context& ctx, const Parsed& p) { return command_validate(ctx, p.validate_path); }},
      {"add", "Write a declaration for a page: fetch it, propose select and remove, show the text",
       [](CLI::App& c, Parsed& p) {
         c.add_option("url", p.add.url, "the page (http or https)")->required()->option_text("URL");
         c.add_option("--name", p.add.name, "the platform's name, which names the file and the id (default: from the host)")->option_text("NAME");
         c.add_option("--type", p.add.type, "the terms type, which names the document")->capture_default_str()->option_text("TYPE");
         c.add_flag("--dry-run", p.add.dry_run, "show the declaration and the text, write nothing");
         c.add_flag("--force", p.add.force, "replace the terms type if the declaration already has it");
         c.add_option("--browser", p.add.browser, "the Chromium binary, for a page built by JavaScript")->option_text("PATH");
         c.add_flag("--no-browser", p.add.no_browser, "read the page as HTTP serves it, never in headless Chromium");
       },
       [](Context& ctx, const Parsed& p) { return command_add(ctx, p.add); }},
      {"completions", "Print the shell completion script for bash, zsh or fish",
       [](CLI::App& c, Parsed& p) {
         choose(c.add_option("shell", p.completion_shell, "the shell: bash, zsh or fish")->required(), p, {"bash", "zsh", "fish"})
             ->option_text("SHELL");
       },
       [](Context& ctx, const Parsed& p) {
         ctx.out() << completion_script(completion_model(*p.top, p.choices), *shell_from_string(p.completion_shell));
         return exit_code::ok;
       }},
      // The completions ask the tosdiff being completed for ids (completion_script.hpp).
      {"names", "List the platform ids, aliases and PLATFORM/DOCUMENT keys of the catalog and the archive",
       [](CLI::App& c, Parsed& p) { c.add_flag("--documents", p.names_documents, "only PLATFORM/DOCUMENT keys"); },
       [](Context& ctx, const Parsed& p) { return command_names(ctx, p.names_documents); },
       true},
  };
  return table;
}


std::vector<std::pair<CLI::App*, const Command*>> define_command_line(CLI::App& app, Parsed& parsed) {
  parsed.top = &app;
  app.formatter(std::make_shared<HelpFormatter>());
  app.footer(kExitCodes);
  app.require_subcommand(0, 1);
  // Unknown options and surplus arguments are collected and reported by cli.cpp, with the
  // closest option the command takes (CLI11's own message would only list them).
  app.allow_extras();
  app.set_version_flag("--version", std::string("tosdiff ") + TOSDIFF_VERSION);
  app.add_option("--data-dir", parsed.global.data_dir,
                 "archive directory (default: $TOSDIFF_DATA_DIR, $XDG_DATA_HOME/tosdiff, ~/.local/share/tosdiff)")
      ->option_text("DIR");
  app.add_option("--catalog", parsed.global.catalogs, "directory of declarations to add (repeatable)")
      ->allow_extra_args(false)
      ->option_text("DIR");
  app.add_option("--rules", parsed.global.rules,
                 "classification rules over the built-in ones (default: $XDG_CONFIG_HOME/tosdiff/topics.json if it exists)")
      ->option_text("FILE");
  app.add_option("--config", parsed.global.config,
                 "configuration file: check defaults, alerts (default: $XDG_CONFIG_HOME/tosdiff/config.json if it exists)")
      ->option_text("FILE");
  auto* q = app.add_flag("-q,--quiet", parsed.quiet, "report only substantive changes and failures");
  app.add_flag("-v,--verbose", parsed.verbose, "report unchanged documents and cosmetic changes too")->excludes(q);
  choose(app.add_option("--color", parsed.global.color, "auto, always or never"), parsed, {"auto", "always", "never"})
      ->capture_default_str()
      ->option_text("WHEN");

  // Global options are accepted after the command too (`tosdiff check --quiet`, as cron
  // lines are usually written): a subcommand passes what it does not know to the top.
  app.fallthrough();
  std::vector<std::pair<CLI::App*, const Command*>> subcommands;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    if (command.hidden) sub->group("");
    command.define(*sub, parsed);
    subcommands.emplace_back(sub, &command);
  }
  // `help X` is rewritten to `X --help` before parsing (cli.cpp): this definition is what
  // --help and completion show of it.
  app.add_subcommand(kHelpCommand, "Show the global options, or the arguments and options of one command")
      ->add_option("command", parsed.help_topic, "the command to explain")
      ->option_text("COMMAND");
  return subcommands;
}

}  // namespace tosdiff
