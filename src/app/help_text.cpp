#include "tosdiff/app/help_text.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace tosdiff {
namespace {

constexpr std::size_t kWidth = 100;       // a help line's length at most
constexpr std::size_t kMaxNameColumn = 30;

// Words of `text` wrapped to kWidth, every line after the first indented by `indent`.
std::string wrap(const std::string& text, std::size_t first_column, std::size_t indent) {
  std::istringstream words(text);
  std::string word, out;
  std::size_t column = first_column;
  bool first = true;
  while (words >> word) {
    if (!first && column + 1 + word.size() > kWidth) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
    } else if (!first) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    first = false;
  }
  return out;
}

struct Row {
  std::string name, description;
};

std::string rows(const std::vector<Row>& rows) {
  std::size_t column = 0;
  for (const Row& r : rows)
    if (r.name.size() + 2 <= kMaxNameColumn) column = std::max(column, r.name.size() + 2);
  std::string out;
  for (const Row& r : rows) {
    std::string line = "  " + r.name;
    if (line.size() + 2 > column + 2) {
      out += line + "\n" + std::string(column + 2, ' ');
    } else {
      line.resize(column + 2, ' ');
      out += line;
    }
    out += wrap(r.description, column + 2, column + 2) + "\n";
  }
  return out;
}

std::string option_names(const CLI::Option& option) {
  std::string names;
  for (const std::string& s : option.get_snames()) names += (names.empty() ? "-" : ", -") + s;
  for (const std::string& l : option.get_lnames()) names += (names.empty() ? "--" : ", --") + l;
  return names;
}

Row option_row(const CLI::Option& option) {
  Row row;
  row.name = option_names(option);
  if (const std::string p = placeholder(option); !p.empty()) row.name += " " + p;
  row.description = option.get_description();
  if (!option.get_default_str().empty()) row.description += " (default: " + option.get_default_str() + ")";
  return row;
}

bool is_help(const CLI::App& app, const CLI::Option* option) { return option == app.get_help_ptr(); }

std::string positional_usage(const CLI::Option& option) {
  std::string text = placeholder(option);
  if (option.get_expected_max() > 1) text += "...";
  return option.get_required() ? text : "[" + text + "]";
}

std::string command_help(const CLI::App& app) {
  std::string out = "Usage: " + usage_line(app) + "\n\n" + wrap(app.get_description() + ".", 0, 0) + "\n";
  std::vector<Row> arguments, options;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_positional()) {
      arguments.push_back({placeholder(*option) + (option->get_expected_max() > 1 ? "..." : ""),
                           option->get_description()});
    } else if (!is_help(app, option)) {
      options.push_back(option_row(*option));
    }
  }
  if (const CLI::Option* help = app.get_help_ptr()) options.push_back({option_names(*help), "show this help"});
  if (!arguments.empty()) out += "\nArguments:\n" + rows(arguments);
  out += "\nOptions:\n" + rows(options);
  out += "\n" + wrap("Global options (--data-dir, --catalog, --config, -q, -v...) may come before or after the "
                     "command: see `tosdiff --help`.",
                     0, 0) +
         "\n";
  return out;
}

std::string commands_list(const CLI::App& top) {
  std::vector<Row> commands;
  for (const CLI::App* sub : top.get_subcommands([](const CLI::App*) { return true; }))
    if (!sub->get_group().empty()) commands.push_back({sub->get_name(), sub->get_description()});
  return "Commands:\n" + rows(commands);
}

std::string top_help(const CLI::App& top) {
  std::string out = top.get_description() + "\n\nUsage: " + usage_line(top) + "\n\n" + commands_list(top);
  std::vector<Row> options;
  for (const CLI::Option* option : top.get_options())
    if (!is_help(top, option) && option != top.get_version_ptr()) options.push_back(option_row(*option));
  if (const CLI::Option* help = top.get_help_ptr())
    options.push_back({option_names(*help), "show this help; after a command, that command's arguments and options"});
  if (const CLI::Option* version = top.get_version_ptr())
    options.push_back({option_names(*version), "print tosdiff's version"});
  out += "\nGlobal options (before or after the command):\n" + rows(options);
  out += "\nRun `tosdiff help COMMAND` (or `tosdiff COMMAND --help`) for the arguments and options of a command.\n";
  if (!top.get_footer().empty()) out += "\n" + top.get_footer() + "\n";
  return out;
}

}  // namespace

std::string placeholder(const CLI::Option& option) {
  if (!option.get_positional() && option.get_type_size() == 0) return "";
  return option.get_option_text();
}

std::string usage_line(const CLI::App& app) {
  if (!app.get_parent()) return app.get_name() + " [GLOBAL OPTIONS] COMMAND [ARGUMENTS] [OPTIONS]";
  std::string line = app.get_parent()->get_name() + " " + app.get_name();
  for (const CLI::Option* option : app.get_options([](const CLI::Option* o) { return o->get_positional(); }))
    line += " " + positional_usage(*option);
  const bool has_options = !app.get_options([&](const CLI::Option* o) { return !o->get_positional() && o != app.get_help_ptr(); }).empty();
  return has_options ? line + " [OPTIONS]" : line;
}

std::string brief_usage(const CLI::App& top) {
  return "Usage: " + usage_line(top) + "\n\n" + commands_list(top) + "\n" +
         wrap("Run `tosdiff help` for the global options, the exit codes and the environment, and `tosdiff help "
              "COMMAND` for the arguments and options of a command.",
              0, 0) +
         "\n";
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string, CLI::AppFormatMode) const {
  return app->get_parent() ? command_help(*app) : top_help(*app);
}

}  // namespace tosdiff
