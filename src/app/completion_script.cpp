#include "tosdiff/app/completion_script.hpp"

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// A word in single quotes, for sh and fish alike ("it's" -> 'it'\''s' in sh; fish reads \'
// inside single quotes).
std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string fish_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The kind as the sh functions name it (_tosdiff_offer).
const char* sh_kind(ValueKind kind) {
  switch (kind) {
    case ValueKind::none: return "";
    case ValueKind::text: return "text";
    case ValueKind::file: return "file";
    case ValueKind::directory: return "dir";
    case ValueKind::target: return "target";
    case ValueKind::document: return "document";
    case ValueKind::command: return "command";
    case ValueKind::choice: return "choice";
  }
  return "text";
}

std::string printf_lines(const std::vector<std::string>& words) {
  std::string out = "printf '%s\\n'";
  for (const std::string& w : words) out += " " + sh_quote(w);
  return out;
}

std::vector<std::string> command_names(const CompletionModel& model) {
  std::vector<std::string> names;
  for (const CompletedCommand& c : model.commands) names.push_back(c.name);
  return names;
}

// The part bash and zsh share: the model as case tables, and the walk over the words.
std::string sh_core(const CompletionModel& model) {
  std::string out;
  out += "_tosdiff_commands() {\n  " + printf_lines(command_names(model)) + "\n}\n\n";

  out += "# _tosdiff_options COMMAND: the options it takes, then the global ones.\n_tosdiff_options() {\n  case $1 in\n";
  for (const CompletedCommand& c : model.commands) {
    std::vector<std::string> names;
    for (const CompletedOption& o : c.options) names.insert(names.end(), o.names.begin(), o.names.end());
    if (!names.empty()) out += "    " + sh_quote(c.name) + ") " + printf_lines(names) + " ;;\n";
  }
  std::vector<std::string> global;
  for (const CompletedOption& o : model.global) global.insert(global.end(), o.names.begin(), o.names.end());
  out += "  esac\n  " + printf_lines(global) + "\n}\n\n";

  out += "# _tosdiff_value COMMAND OPTION: what the option's value is; nothing for a flag.\n_tosdiff_value() {\n"
         "  case \"$1 $2\" in\n";
  for (const CompletedCommand& c : model.commands)
    for (const CompletedOption& o : c.options)
      if (o.value != ValueKind::none)
        for (const std::string& n : o.names) out += "    " + sh_quote(c.name + " " + n) + ") echo " + sh_kind(o.value) + "; return ;;\n";
  out += "  esac\n  case $2 in\n";
  for (const CompletedOption& o : model.global)
    if (o.value != ValueKind::none)
      for (const std::string& n : o.names) out += "    " + sh_quote(n) + ") echo " + sh_kind(o.value) + " ;;\n";
  out += "  esac\n}\n\n";

  out += "# _tosdiff_choices COMMAND OPTION: the fixed values of an option (\"\": of the command's argument).\n"
         "_tosdiff_choices() {\n  case \"$1 $2\" in\n";
  for (const CompletedCommand& c : model.commands) {
    for (const CompletedOption& o : c.options)
      if (o.value == ValueKind::choice)
        for (const std::string& n : o.names) out += "    " + sh_quote(c.name + " " + n) + ") " + printf_lines(o.choices) + "; return ;;\n";
    if (c.argument == ValueKind::choice) out += "    " + sh_quote(c.name + " ") + ") " + printf_lines(c.argument_choices) + "; return ;;\n";
  }
  out += "  esac\n  case $2 in\n";
  for (const CompletedOption& o : model.global)
    if (o.value == ValueKind::choice)
      for (const std::string& n : o.names) out += "    " + sh_quote(n) + ") " + printf_lines(o.choices) + " ;;\n";
  out += "  esac\n}\n\n";

  out += "# _tosdiff_argument COMMAND COUNT: what its next positional argument is, COUNT given.\n"
         "_tosdiff_argument() {\n  case $1 in\n";
  for (const CompletedCommand& c : model.commands) {
    if (c.argument == ValueKind::none) continue;
    out += "    " + sh_quote(c.name) + ") ";
    if (!c.many_arguments) out += "[ \"$2\" -gt 0 ] && { echo none; return; }; ";
    out += std::string("_tosdiff_offer ") + sh_kind(c.argument) + " \"$1\" \"\" ;;\n";
  }
  out += "    *) echo none ;;\n  esac\n}\n\n";

  out += R"(# _tosdiff_offer KIND COMMAND OPTION: the first line for the wrapper, then the candidates.
_tosdiff_offer() {
  case $1 in
    file) echo files ;;
    dir) echo dirs ;;
    target) echo words; _tosdiff_names ;;
    document) echo words; _tosdiff_names --documents ;;
    command) echo words; _tosdiff_commands ;;
    choice) echo words; _tosdiff_choices "$2" "$3" ;;
    *) echo none ;;
  esac
}

# _tosdiff_names [--documents]: the ids the tosdiff being completed knows, asked with the
# --data-dir and --catalog of the line. `bin` and `pass` are _tosdiff_complete's locals
# (bash and zsh scope them dynamically).
_tosdiff_names() {
  case $bin in '~/'*) bin=$HOME/${bin#??} ;; esac
  "$bin" "${pass[@]}" names "$@" 2>/dev/null
}

# _tosdiff_complete INDEX WORDS...: what the word at INDEX (0 = tosdiff) completes to.
_tosdiff_complete() {
  local index=$1 i=0 w cmd="" opt="" value="" pending="" cur="" positionals=0 bin=""
  local -a pass
  pass=()
  shift
  for w in "$@"; do
    if [ "$i" -eq "$index" ]; then cur=$w; break; fi
    if [ "$i" -eq 0 ]; then
      bin=$w
    elif [ -n "$value" ]; then
      # The option's value; bash splits --opt=value into three words.
      if [ "$w" != "=" ]; then
        [ -n "$pending" ] && pass+=("$pending" "$w")
        value='' pending=''
      fi
    else
      case $w in
        --data-dir=*|--catalog=*) pass+=("$w") ;;
        --data-dir|--catalog) pending=$w; opt=$w; value=$(_tosdiff_value "$cmd" "$w") ;;
        -*=*) ;;
        -*) opt=$w; value=$(_tosdiff_value "$cmd" "$w") ;;
        *) if [ -z "$cmd" ]; then cmd=$w; else positionals=$((positionals + 1)); fi ;;
      esac
    fi
    i=$((i + 1))
  done
  if [ -n "$value" ]; then _tosdiff_offer "$value" "$cmd" "$opt"; return; fi
  case $cur in
    -*) echo words; _tosdiff_options "$cmd"; return ;;
  esac
  if [ -z "$cmd" ]; then echo words; _tosdiff_commands; return; fi
  _tosdiff_argument "$cmd" "$positionals"
}
)";
  return out;
}

std::string bash_script(const CompletionModel& model) {
  return "# bash completion for tosdiff, generated by `tosdiff completions bash` from its command table.\n"
         "# Installed as share/bash-completion/completions/tosdiff; or: source <(tosdiff completions bash)\n\n" +
         sh_core(model) + R"(
_tosdiff() {
  local cur=${COMP_WORDS[COMP_CWORD]} out kind words=''
  [ "$cur" = "=" ] && cur=''
  out=$(_tosdiff_complete "$COMP_CWORD" "${COMP_WORDS[@]}")
  kind=${out%%$'\n'*}
  [ "$out" != "$kind" ] && words=${out#*$'\n'}
  local IFS=$'\n'
  case $kind in
    words) COMPREPLY=($(compgen -W "$words" -- "$cur")) ;;
    files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
    *) COMPREPLY=() ;;
  esac
}
complete -F _tosdiff tosdiff
)";
}

std::string zsh_script(const CompletionModel& model) {
  return "#compdef tosdiff\n"
         "# zsh completion for tosdiff, generated by `tosdiff completions zsh` from its command table.\n"
         "# Installed as _tosdiff in a directory of $fpath; or, after compinit: source <(tosdiff completions zsh)\n\n" +
         sh_core(model) + R"(
_tosdiff() {
  local out kind
  local -a candidates
  out=$(_tosdiff_complete $((CURRENT - 1)) "${words[@]}")
  kind=${out%%$'\n'*}
  candidates=()
  [[ "$out" != "$kind" ]] && candidates=("${(@f)${out#*$'\n'}}")
  case $kind in
    words) compadd -a candidates ;;
    files) _files ;;
    dirs) _files -/ ;;
  esac
}

if [ "$funcstack[1]" = "_tosdiff" ]; then
  _tosdiff "$@"
else
  compdef _tosdiff tosdiff
fi
)";
}

std::string fish_script(const CompletionModel& model) {
  std::string out =
      "# fish completion for tosdiff, generated by `tosdiff completions fish` from its command table.\n"
      "# Installed in fish's vendor_completions.d; or: tosdiff completions fish | source\n\n"
      "function __tosdiff_command --description 'The tosdiff command on the line, if any'\n"
      "    set -l skip 0\n"
      "    for token in (commandline -opc)[2..-1]\n"
      "        if test $skip = 1\n"
      "            set skip 0\n"
      "            continue\n"
      "        end\n"
      "        switch $token\n"
      "            case";
  for (const std::string& name : model.value_options) out += " " + fish_quote(name);
  out +=
      "\n                set skip 1\n"
      "            case '-*'\n"
      "            case '*'\n"
      "                echo $token\n"
      "                return\n"
      "        end\n"
      "    end\n"
      "end\n\n"
      "function __tosdiff_is --argument-names name --description 'Whether the line is of this command'\n"
      "    set -l command (__tosdiff_command)\n"
      "    test \"$command\" = \"$name\"\n"
      "end\n\n"
      "function __tosdiff_names --description 'The ids the tosdiff being completed knows'\n"
      "    set -l tokens (commandline -opc)\n"
      "    set -l pass\n"
      "    set -l n (count $tokens)\n"
      "    for i in (seq 2 $n)\n"
      "        switch $tokens[$i]\n"
      "            case --data-dir --catalog\n"
      "                if test $i -lt $n\n"
      "                    set -a pass $tokens[$i] $tokens[(math $i + 1)]\n"
      "                end\n"
      "            case '--data-dir=*' '--catalog=*'\n"
      "                set -a pass $tokens[$i]\n"
      "        end\n"
      "    end\n"
      "    command -q -- $tokens[1]; or return\n"
      "    $tokens[1] $pass names $argv 2>/dev/null\n"
      "end\n\n"
      "complete -c tosdiff -f\n";
  for (const CompletedCommand& c : model.commands)
    out += "complete -c tosdiff -n '__tosdiff_is \"\"' -a " + fish_quote(c.name) + " -d " + fish_quote(c.help) + "\n";

  // -x: takes a value and offers no file; -r -F: takes a file.
  auto value_flags = [&](ValueKind kind, const std::vector<std::string>& choices) -> std::string {
    switch (kind) {
      case ValueKind::none: return "";
      case ValueKind::file: return " -r -F";
      case ValueKind::directory: return " -x -a '(__fish_complete_directories (commandline -ct))'";
      case ValueKind::target: return " -x -a '(__tosdiff_names)'";
      case ValueKind::document: return " -x -a '(__tosdiff_names --documents)'";
      case ValueKind::command: return " -x -a " + fish_quote(join(command_names(model), " "));
      case ValueKind::choice: return " -x -a " + fish_quote(join(choices, " "));
      case ValueKind::text: return " -x";
    }
    return " -x";
  };
  auto option_rule = [&](const std::string& condition, const CompletedOption& o) {
    std::string rule = "complete -c tosdiff" + condition;
    for (const std::string& n : o.names) rule += (n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1));
    return rule + value_flags(o.value, o.choices) + " -d " + fish_quote(o.help) + "\n";
  };
  for (const CompletedOption& o : model.global) out += option_rule("", o);
  for (const CompletedCommand& c : model.commands) {
    const std::string condition = " -n " + fish_quote("__tosdiff_is " + c.name);
    for (const CompletedOption& o : c.options) out += option_rule(condition, o);
    if (c.argument == ValueKind::none || c.argument == ValueKind::text) continue;
    std::string argument = value_flags(c.argument, c.argument_choices);
    if (c.argument == ValueKind::file) argument = " -F";  // no option to require a value of
    else argument.replace(0, 3, "");                     // " -x -a ..." -> " -a ..."
    out += "complete -c tosdiff" + condition + argument + "\n";
  }
  return out;
}

}  // namespace

std::optional<Shell> shell_from_string(std::string_view name) {
  if (name == "bash") return Shell::bash;
  if (name == "zsh") return Shell::zsh;
  if (name == "fish") return Shell::fish;
  return std::nullopt;
}

std::string completion_script(const CompletionModel& model, Shell shell) {
  switch (shell) {
    case Shell::bash: return bash_script(model);
    case Shell::zsh: return zsh_script(model);
    case Shell::fish: return fish_script(model);
  }
  return {};
}

}  // namespace tosdiff
