#include "tosdiff/app/cli.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/app/help_text.hpp"
#include "tosdiff/util/did_you_mean.hpp"
#include "tosdiff/util/strings.hpp"
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

struct Parsed {
  GlobalOptions global;
  CheckCommandOptions check;
  ListCommandOptions list;
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

// One command: its name and one-line help, how its arguments are parsed into Parsed, and
// the function that runs it. Every option has a placeholder (option_text) for --help.
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
         c.add_option("--min-severity", p.min_severity, "alert only on changes of at least this severity: info, minor, moderate or major")->check(one_of({"info", "minor", "moderate", "major"}))->option_text("LEVEL");
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
         c.add_option("--format", p.digest.format, "text, markdown, html or json")
             ->check(one_of({"text", "markdown", "html", "json"}))
             ->capture_default_str()
             ->option_text("FORMAT");
       },
       [](Context& ctx, const Parsed& p) { return command_digest(ctx, p.digest); }},
      {"accept", "Make a text held back as not the document (suspicious shrink, block or error page) the current version",
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
      {"show", "Print the archived normalized text of a document",
       [](CLI::App& c, Parsed& p) {
         c.add_option("document", p.show.target, "the document (archived; its platform need not be in the catalog)")->required()->option_text("PLATFORM/DOCUMENT");
         c.add_option("--at", p.show.at, "the version in force at a date (YYYY-MM-DD or ISO time), or a version (v2 or 2)")->option_text("DATE|VERSION");
       },
       [](Context& ctx, const Parsed& p) { return command_show(ctx, p.show); }},
      {"diff", "Show the latest change of a document again, or compare two versions",
       [](CLI::App& c, Parsed& p) {
         c.add_option("document", p.diff.target, "the document (archived; its platform need not be in the catalog)")->required()->option_text("PLATFORM/DOCUMENT");
         c.add_flag("--json", p.diff.json, "print the JSON change record");
         c.add_option("--from", p.diff.from, "older version: v1, 1 or a date (default: the one before --to)")->option_text("DATE|VERSION");
         c.add_option("--to", p.diff.to, "newer version: v2, 2 or a date (default: current)")->option_text("DATE|VERSION");
       },
       [](Context& ctx, const Parsed& p) { return command_diff(ctx, p.diff); }},
      {"history", "Every archived version and change, oldest first",
       [](CLI::App& c, Parsed& p) {
         c.add_option("target", p.history_target, "a platform (every document of it) or one document, archived")->required()->option_text("PLATFORM[/DOCUMENT]");
         c.add_flag("--json", p.history_json, "one JSON object per version");
       },
       [](Context& ctx, const Parsed& p) { return command_history(ctx, p.history_target, p.history_json); }},
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
       },
       [](Context& ctx, const Parsed& p) { return command_normalize(ctx, p.normalize); }},
      {"validate", "Check declarations and print every problem",
       [](CLI::App& c, Parsed& p) {
         c.add_option("path", p.validate_path, "a declaration file or a directory (default: the configured catalogs)")->option_text("DIR|FILE");
       },
       [](Context& ctx, const Parsed& p) { return command_validate(ctx, p.validate_path); }},
  };
  return table;
}

// `tosdiff help [COMMAND]` is `tosdiff [COMMAND] --help`: it has no function of its own.
constexpr const char* kHelpCommand = "help";

// Global options that take a value: the word after one of them is its value, not the command.
bool takes_value(const std::string& global_option) {
  return global_option == "--data-dir" || global_option == "--catalog" || global_option == "--rules" ||
         global_option == "--config" || global_option == "--color";
}

// Where the command is in `args`: the first word that is neither an option nor the value of
// a global option.
std::optional<std::size_t> command_position(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") return std::nullopt;
    if (args[i].size() > 1 && args[i][0] == '-') {
      if (takes_value(args[i])) ++i;
      continue;
    }
    return i;
  }
  return std::nullopt;
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const Command& c : commands()) names.emplace_back(c.name);
  names.emplace_back(kHelpCommand);
  return names;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto near = closest(word, candidates);
  return near ? " (did you mean `" + *near + "`?)" : "";
}

// `help X ...` -> `X --help`; `help` -> `--help`; `help help` and `help --help` stay as they
// are (help's own help).
void rewrite_help_command(std::vector<std::string>& args) {
  const auto at = command_position(args);
  if (!at || args[*at] != kHelpCommand) return;
  std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(*at) + 1, args.end());
  const auto topic = command_position(rest);
  const bool asks_help = std::find(rest.begin(), rest.end(), "--help") != rest.end() ||
                         std::find(rest.begin(), rest.end(), "-h") != rest.end();
  if ((!topic && asks_help) || (topic && rest[*topic] == kHelpCommand)) {
    args.resize(*at);
    args.insert(args.end(), {kHelpCommand, "--help"});
    return;
  }
  args.resize(*at);
  if (topic) args.push_back(rest[*topic]);
  args.emplace_back("--help");
}

int usage_error(const std::string& message, const std::string& see = "") {
  std::cerr << "tosdiff: error: " << message << "\n";
  if (!see.empty()) std::cerr << "tosdiff: see `" << see << "`\n";
  return exit_code::usage;
}

std::string help_command_for(const CLI::App* command) {
  return command ? std::string("tosdiff help ") + command->get_name() : "tosdiff help";
}

// Every name of every option `command` (or tosdiff itself) takes, for suggestions.
std::vector<std::string> option_names(const CLI::App& top, const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* app : {&top, command}) {
    if (!app) continue;
    for (const CLI::Option* o : app->get_options()) {
      for (const auto& l : o->get_lnames()) names.push_back("--" + l);
      for (const auto& s : o->get_snames()) names.push_back("-" + s);
    }
  }
  return names;
}

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && (text.size() < 2 || !(text[1] >= 'A' && text[1] <= 'Z')))
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

// CLI11's messages, said in tosdiff's words where they are about something tosdiff knows.
std::string parse_error_message(const CLI::ParseError& e, const CLI::App& top, const CLI::App* command) {
  const std::string what = e.what();
  const std::string name = what.substr(0, what.find(':'));
  const CLI::App& app = command ? *command : top;
  if (e.get_name() == "RequiredError") {
    const std::string missing = what.substr(0, what.find(" is required"));
    for (const CLI::Option* o : app.get_options())
      if (o->get_positional() && o->get_name(true, false) == missing)
        return "missing " + placeholder(*o) + " (usage: " + usage_line(app) + ")";
  }
  if (e.get_name() == "ArgumentMismatch" && what.find(" missing") != std::string::npos) {
    const CLI::Option* o = app.get_option_no_throw(name);
    if (!o) o = top.get_option_no_throw(name);
    if (o) return "option " + name + " needs a value (" + placeholder(*o) + ")";
  }
  if (e.get_name() == "ExcludesError") return "-q (--quiet) and -v (--verbose) cannot be combined";
  return lower_first(what);
}

}  // namespace

int run_cli(int argc, char** argv, const OutputStreams& streams) {
  std::vector<std::string> args(argv + 1, argv + argc);
  rewrite_help_command(args);

  Parsed parsed;
  CLI::App app{"tosdiff: tracks changes to terms of service and privacy policies", "tosdiff"};
  app.formatter(std::make_shared<HelpFormatter>());
  app.footer(kExitCodes);
  app.require_subcommand(0, 1);
  // Unknown options and surplus arguments are collected and reported below, with the
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
  bool quiet = false, verbose = false;
  auto* q = app.add_flag("-q,--quiet", quiet, "report only substantive changes and failures");
  app.add_flag("-v,--verbose", verbose, "report unchanged documents and cosmetic changes too")->excludes(q);
  app.add_option("--color", parsed.global.color, "auto, always or never")
      ->check(one_of({"auto", "always", "never"}))
      ->capture_default_str()
      ->option_text("WHEN");

  // Global options are accepted after the command too (`tosdiff check --quiet`, as cron
  // lines are usually written): a subcommand passes what it does not know to the top.
  app.fallthrough();
  std::vector<std::pair<CLI::App*, const Command*>> subcommands;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    command.define(*sub, parsed);
    subcommands.emplace_back(sub, &command);
  }
  std::string help_topic;
  app.add_subcommand(kHelpCommand, "Show the global options, or the arguments and options of one command")
      ->add_option("command", help_topic, "the command to explain")
      ->option_text("COMMAND");

  // An unknown command, said as such; unless the word follows an unknown option, whose value
  // it may be (`--data-dri DIR check`): that option is then the mistake, reported below.
  const std::vector<std::string> names = command_names();
  if (const auto at = command_position(args); at && std::find(names.begin(), names.end(), args[*at]) == names.end()) {
    const std::string before = *at > 0 ? args[*at - 1].substr(0, args[*at - 1].find('=')) : "";
    const auto known = option_names(app, nullptr);
    if (before.empty() || before[0] != '-' || std::find(known.begin(), known.end(), before) != known.end()) {
      const std::string near = did_you_mean(args[*at], names);
      return usage_error("unknown command '" + args[*at] + "'" + near, near.empty() ? "tosdiff help" : "");
    }
  }

  auto selected = [&]() -> CLI::App* {
    for (const auto& [sub, command] : subcommands)
      if (sub->parsed()) return sub;
    return nullptr;
  };
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return exit_code::ok;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help();
    return exit_code::ok;
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 would exit with its own codes (100+) for parse errors: the contract says 2.
    return usage_error(parse_error_message(e, app, selected()), help_command_for(selected()));
  }
  CLI::App* const command = selected();
  for (const std::string& extra : app.remaining(true)) {
    if (extra.size() > 1 && extra[0] == '-') {
      const std::string name = extra.substr(0, extra.find('='));
      const std::string near = did_you_mean(name, option_names(app, command));
      return usage_error("unknown option '" + name + "'" + (command ? std::string(" for `") + command->get_name() + "`" : "") + near,
                         near.empty() ? help_command_for(command) : "");
    }
  }
  if (!app.remaining(true).empty())
    return usage_error("unexpected argument '" + app.remaining(true).front() + "'" +
                           (command ? " (usage: " + usage_line(*command) + ")" : ""),
                       help_command_for(command));
  if (!command) {
    // A bare `tosdiff` (or global options alone): what can be done, on stderr.
    std::cerr << brief_usage(app);
    return exit_code::usage;
  }

  parsed.global.verbosity = quiet ? -1 : verbose ? 1 : 0;
  // JSON goes out exact: its consumers are programs, and its escaping covers C0 controls.
  const bool json = parsed.check.json || parsed.list.json || parsed.history_json || parsed.diff.json ||
                    parsed.verify_json || parsed.accept_json || parsed.digest.format == "json";
  if (streams.stdout_filter) streams.stdout_filter->set_exact(json);

  Context context(parsed.global, std::cout, std::cerr, streams.terminal_err ? *streams.terminal_err : std::cerr);
  for (const auto& [sub, entry] : subcommands)
    if (sub == command) return entry->run(context, parsed);
  throw UsageError("no command given (try `tosdiff help`)");
}

}  // namespace tosdiff
