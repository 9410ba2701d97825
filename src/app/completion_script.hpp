#pragma once
// Shell completion scripts for tosdiff, rendered from its command table (completion_model.hpp):
// `tosdiff completions bash|zsh|fish` prints one, and the build installs the same text.
// Commands, options and fixed values are written into the script; platform and document
// ids, which change with the catalog and the archive, are asked of the tosdiff being
// completed, as `tosdiff [--data-dir DIR] [--catalog DIR]... names [--documents]` (the
// options as the command line being completed gives them).
//
// bash and zsh share one function, _tosdiff_complete INDEX WORDS...: it prints what the word
// at INDEX (0 = tosdiff itself) completes to: a first line "words", "files", "dirs" or
// "none", then for "words" the candidates, one a line. Each shell's wrapper offers them.
// fish's script is made of its own `complete` rules.

#include <optional>
#include <string>
#include <string_view>

#include "tosdiff/app/completion_model.hpp"

namespace tosdiff {

enum class Shell { bash, zsh, fish };

std::optional<Shell> shell_from_string(std::string_view name);

std::string completion_script(const CompletionModel& model, Shell shell);

}  // namespace tosdiff
