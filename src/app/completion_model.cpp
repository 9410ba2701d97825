#include "tosdiff/app/completion_model.hpp"

#include <CLI/CLI.hpp>

#include "tosdiff/app/help_text.hpp"

namespace tosdiff {
namespace {

// A value's kind, from its placeholder: the placeholders are the command table's vocabulary
// (help shows them), so a new option says what it takes by how it is written. One not
// listed here completes as free text, which is never wrong, only less helpful.
ValueKind kind_of(const std::string& placeholder) {
  if (placeholder.empty()) return ValueKind::none;
  if (placeholder == "DIR") return ValueKind::directory;
  if (placeholder == "FILE" || placeholder == "FILE|-" || placeholder == "DIR|FILE" || placeholder == "PATH")
    return ValueKind::file;
  if (placeholder == "PLATFORM[/DOCUMENT]" || placeholder == "PATTERN") return ValueKind::target;
  if (placeholder == "PLATFORM/DOCUMENT") return ValueKind::document;
  if (placeholder == "COMMAND") return ValueKind::command;
  return ValueKind::text;
}

CompletedOption completed(const CLI::Option& option,
                          const std::map<const CLI::Option*, std::vector<std::string>>& choices) {
  CompletedOption out;
  for (const std::string& s : option.get_snames()) out.names.push_back("-" + s);
  for (const std::string& l : option.get_lnames()) out.names.push_back("--" + l);
  out.help = option.get_description();
  out.value = kind_of(placeholder(option));
  if (auto it = choices.find(&option); it != choices.end()) {
    out.value = ValueKind::choice;
    out.choices = it->second;
  }
  return out;
}

}  // namespace

CompletionModel completion_model(const CLI::App& top,
                                 const std::map<const CLI::Option*, std::vector<std::string>>& choices) {
  CompletionModel model;
  for (const CLI::Option* option : top.get_options()) {
    model.global.push_back(completed(*option, choices));
    if (model.global.back().value != ValueKind::none)
      for (const std::string& name : model.global.back().names) model.value_options.push_back(name);
  }
  for (const CLI::App* sub : top.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden: for tosdiff's own scripts
    CompletedCommand command;
    command.name = sub->get_name();
    command.help = sub->get_description();
    for (const CLI::Option* option : sub->get_options()) {
      if (option == sub->get_help_ptr()) continue;  // the global -h, --help
      if (option->get_positional()) {
        const CompletedOption argument = completed(*option, choices);
        command.argument = argument.value;
        command.argument_choices = argument.choices;
        command.many_arguments = option->get_expected_max() > 1;
      } else {
        command.options.push_back(completed(*option, choices));
      }
    }
    model.commands.push_back(std::move(command));
  }
  return model;
}

}  // namespace tosdiff
