// The documentation agrees with the binary: for every command `tosdiff --help` lists, the
// options of `tosdiff COMMAND --help` are exactly those of the command's lines in README.md's
// "Command line" block, of its entry in docs/tosdiff.1's SYNOPSIS, and of the option items of
// its entry under COMMANDS; the global options likewise (README's first line, the man page's
// first synopsis, its OPTIONS section). An option counts as present when any of its names
// (-q or --quiet) is. And every example to copy and paste (a `tosdiff ...` line in a code
// block of README.md or docs/*.md, or in the man page's EXAMPLES) names a command that exists
// with options that command takes.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace tosdiff::testing {
namespace {

using Names = std::set<std::string>;
using Options = std::vector<Names>;  // each option: its names

std::string source(const std::string& relative) {
  std::ifstream in(std::string(TOSDIFF_SOURCE_DIR) + "/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The option names in a piece of text: "-x" or "--name" not glued to a word before them.
Names option_tokens(const std::string& text) {
  Names out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '-') continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '-')) continue;
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '-') ++j;
    if (j >= text.size() || !std::isalpha(static_cast<unsigned char>(text[j]))) continue;
    std::size_t end = j;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
    out.insert(text.substr(i, end - i));
    i = end;
  }
  return out;
}

// roff to text: "\-" is "-", font changes go.
std::string unroff(std::string line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      if (line[i + 1] == '-') { out += '-'; ++i; continue; }
      if (line[i + 1] == 'f' && i + 2 < line.size()) { i += 2; continue; }
      if (line[i + 1] == '&') { ++i; continue; }
    }
    out += line[i];
  }
  return out;
}

// The help page's options: the rows of its "Options:" or "Global options" section.
Options help_options(const std::string& help) {
  Options out;
  bool in_options = false;
  for (const std::string& line : lines_of(help)) {
    if (line.rfind("Options:", 0) == 0 || line.rfind("Global options (", 0) == 0) {
      in_options = true;
      continue;
    }
    if (line.empty() || line[0] != ' ') {
      in_options = false;
      continue;
    }
    if (!in_options || line.rfind("  -", 0) != 0) continue;
    // "  -q, --quiet      report ..." / "  --jobs N   transfers ...": names up to the placeholder.
    Names names;
    std::istringstream words(line);
    for (std::string word; words >> word;) {
      const bool more = !word.empty() && word.back() == ',';
      if (more) word.pop_back();
      if (word.empty() || word[0] != '-') break;
      names.insert(word);
      if (!more) break;
    }
    if (names.count("--help") || names.count("--version")) continue;  // every page has them
    out.push_back(names);
  }
  return out;
}

std::string help_of(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {TOSDIFF_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_process(argv, {"NO_COLOR=1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

std::vector<std::string> commands() {
  std::vector<std::string> out;
  bool in_commands = false;
  for (const std::string& line : lines_of(help_of({"--help"}))) {
    if (line == "Commands:") {
      in_commands = true;
      continue;
    }
    if (in_commands && line.rfind("  ", 0) != 0) break;
    if (in_commands && line[2] != ' ') out.push_back(line.substr(2, line.find(' ', 2) - 2));  // not a wrapped description
  }
  return out;
}

// The fenced block after "### Command line" in README.md, by command ("" = global options).
std::map<std::string, Names> readme_block() {
  std::map<std::string, Names> out;
  const std::string readme = source("README.md");
  const std::size_t heading = readme.find("### Command line");
  EXPECT_NE(heading, std::string::npos);
  const std::size_t start = readme.find("```\n", heading) + 4;
  const std::size_t end = readme.find("```", start);
  std::string current;
  for (const std::string& line : lines_of(readme.substr(start, end - start))) {
    if (line.rfind("tosdiff ", 0) == 0) {
      current = "";
    } else if (line.size() > 2 && line.rfind("  ", 0) == 0 && std::islower(static_cast<unsigned char>(line[2]))) {
      current = line.substr(2, line.find(' ', 2) - 2);
      out[current];
    }
    const Names tokens = option_tokens(line);
    out[current].insert(tokens.begin(), tokens.end());
  }
  return out;
}

// docs/tosdiff.1: the SYNOPSIS entries, by command ("" = the global synopsis).
std::map<std::string, Names> man_synopsis() {
  std::map<std::string, Names> out;
  bool in = false;
  std::string current;
  for (const std::string& raw : lines_of(source("docs/tosdiff.1"))) {
    if (raw.rfind(".SH", 0) == 0) {
      in = raw == ".SH SYNOPSIS";
      continue;
    }
    if (!in) continue;
    const std::string line = unroff(raw);
    if (line.rfind(".B tosdiff", 0) == 0) {
      current = line.size() > 11 ? line.substr(11, line.find(' ', 11) - 11) : "";
      out[current];
      continue;
    }
    const Names tokens = option_tokens(line);
    out[current].insert(tokens.begin(), tokens.end());
  }
  return out;
}

// docs/tosdiff.1: the option items (".TP" then a line naming an option) of each command's
// entry under COMMANDS, and of the OPTIONS section ("").
std::map<std::string, Names> man_items(const std::vector<std::string>& command_names) {
  std::map<std::string, Names> out;
  std::string section, current;
  bool after_tp = false;
  for (const std::string& raw : lines_of(source("docs/tosdiff.1"))) {
    if (raw.rfind(".SH ", 0) == 0) {
      section = raw.substr(4);
      current = section == "OPTIONS" ? "" : "-";
      after_tp = false;
      continue;
    }
    if (section != "COMMANDS" && section != "OPTIONS") continue;
    if (raw == ".TP") {
      after_tp = true;
      continue;
    }
    if (!after_tp) continue;
    after_tp = false;
    std::string line = unroff(raw);
    if (line.rfind(".B", 0) != 0) continue;
    std::string first = line.substr(line.find(' ') + 1);
    if (!first.empty() && first[0] == '"') first = first.substr(1);
    const std::string word = first.substr(0, first.find_first_of(" \""));
    if (section == "COMMANDS" && std::find(command_names.begin(), command_names.end(), word) != command_names.end()) {
      current = word;
      out[current];
      continue;
    }
    if (word.rfind("-", 0) == 0) {
      const Names tokens = option_tokens(line);
      out[current].insert(tokens.begin(), tokens.end());
    }
  }
  return out;
}

std::string names_of(const Names& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "|") + n;
  return out;
}

// Both ways: every option of the help is in `documented`, every name documented is an option.
void expect_same(const Options& help, const Names& documented, const std::string& where) {
  Names all;
  for (const Names& option : help) {
    all.insert(option.begin(), option.end());
    bool found = false;
    for (const auto& name : option) found = found || documented.count(name);
    EXPECT_TRUE(found) << names_of(option) << " is missing from " << where;
  }
  for (const auto& name : documented) {
    if (name != "-h" && name != "--help" && name != "--version") {
      EXPECT_TRUE(all.count(name)) << name << " is in " << where << " but not in the --help";
    }
  }
}

TEST(CliDocs, EveryCommandsOptionsAreInTheReadmeAndTheManPageAndNothingElse) {
  const std::vector<std::string> names = commands();
  ASSERT_GE(names.size(), 11u);
  const auto readme = readme_block();
  const auto synopsis = man_synopsis();
  const auto items = man_items(names);
  for (const std::string& command : names) {
    SCOPED_TRACE(command);
    const Options options = help_options(help_of({command, "--help"}));
    ASSERT_TRUE(readme.count(command)) << "README's command-line block has no line for " << command;
    ASSERT_TRUE(synopsis.count(command)) << "the man page's SYNOPSIS has no entry for " << command;
    expect_same(options, readme.at(command), "README.md's command-line block, " + command);
    expect_same(options, synopsis.at(command), "docs/tosdiff.1 SYNOPSIS, " + command);
    if (command == "help") continue;  // no option: no entry needed beyond the synopsis
    ASSERT_TRUE(items.count(command)) << "docs/tosdiff.1 COMMANDS has no entry for " << command;
    expect_same(options, items.at(command), "docs/tosdiff.1 COMMANDS, " + command);
  }
  for (const auto& [command, documented] : readme) {
    if (!command.empty()) {
      EXPECT_NE(std::find(names.begin(), names.end(), command), names.end()) << "README documents a command " << command;
    }
  }
  for (const auto& [command, documented] : synopsis) {
    if (!command.empty()) {
      EXPECT_NE(std::find(names.begin(), names.end(), command), names.end()) << "the man page documents a command " << command;
    }
  }
}

TEST(CliDocs, TheGlobalOptionsAreInTheReadmeAndTheManPage) {
  const Options global = help_options(help_of({"--help"}));
  ASSERT_GE(global.size(), 6u);
  expect_same(global, readme_block().at(""), "README.md's command-line block, first line");
  expect_same(global, man_synopsis().at(""), "docs/tosdiff.1 SYNOPSIS, first entry");
  expect_same(global, man_items(commands()).at(""), "docs/tosdiff.1 OPTIONS");
}

// Where "tosdiff" starts a command in a line: at its start, after a prompt, `sudo`, `&&`,
// `|`, `;`, an assignment, '(' or '`', or as the last part of a path to a bin or build
// directory ("/usr/local/bin/tosdiff", "build/tosdiff"); not as an argument ("--target
// tosdiff", "useradd ... tosdiff").
bool starts_command(const std::string& line, std::size_t at) {
  if (at == 0) return true;
  const char before = line[at - 1];
  if (before == '(' || before == '`') return true;
  if (before == '/') {
    const std::string path = line.substr(0, at);
    return path.size() >= 4 && (path.compare(path.size() - 4, 4, "bin/") == 0 ||
                                (path.size() >= 6 && path.compare(path.size() - 6, 6, "build/") == 0));
  }
  if (before != ' ') return false;
  std::istringstream in(line.substr(0, at));
  std::string word, last;
  while (in >> word) last = word;
  return last.empty() || last == "$" || last == "sudo" || last == "&&" || last == "|" || last == ";" ||
         last.find('=') != std::string::npos;
}

// The `tosdiff ...` invocations of `lines`: the shell words after "tosdiff", up to a comment,
// a pipe, a redirection or the end of the command; a quoted word is one argument.
std::vector<std::vector<std::string>> invocations(const std::vector<std::string>& lines) {
  std::vector<std::vector<std::string>> out;
  for (const std::string& line : lines) {
    for (std::size_t at = line.find("tosdiff "); at != std::string::npos; at = line.find("tosdiff ", at + 1)) {
      if (!starts_command(line, at)) continue;
      std::vector<std::string> words;
      const std::string rest = line.substr(at + 8);
      std::size_t i = 0;
      while (i < rest.size()) {
        while (i < rest.size() && rest[i] == ' ') ++i;
        if (i >= rest.size()) break;
        if (rest[i] == '\'' || rest[i] == '"') {  // a quoted argument: never an option
          const std::size_t close = rest.find(rest[i], i + 1);
          words.push_back("ARG");
          i = close == std::string::npos ? rest.size() : close + 1;
          continue;
        }
        std::size_t end = rest.find(' ', i);
        std::string word = rest.substr(i, end == std::string::npos ? std::string::npos : end - i);
        i = end == std::string::npos ? rest.size() : end;
        if (word == "#" || word == "|" || word == "&&" || word == ";" || word[0] == '>' || word[0] == '<') break;
        bool ends = false;
        while (!word.empty() && std::string(")`;'\",.").find(word.back()) != std::string::npos) {
          ends = true;
          word.pop_back();
        }
        if (!word.empty()) words.push_back(word);
        if (ends) break;
      }
      out.push_back(words);
      break;
    }
  }
  return out;
}

// Lines inside the fenced code blocks of a Markdown text.
std::vector<std::string> code_lines(const std::string& markdown) {
  std::vector<std::string> out;
  bool in = false;
  for (const std::string& line : lines_of(markdown)) {
    if (line.rfind("```", 0) == 0) {
      in = !in;
      continue;
    }
    if (in) out.push_back(line);
  }
  return out;
}

// Lines of the man page's EXAMPLES section, as text.
std::vector<std::string> man_example_lines() {
  std::vector<std::string> out;
  bool in = false;
  for (const std::string& raw : lines_of(source("docs/tosdiff.1"))) {
    if (raw.rfind(".SH", 0) == 0) in = raw == ".SH EXAMPLES";
    else if (in && !raw.empty() && raw[0] != '.') out.push_back(unroff(raw));
  }
  return out;
}

TEST(CliDocs, EveryExampleNamesACommandAndOptionsItTakes) {
  const std::vector<std::string> names = commands();
  std::map<std::string, Names> accepted;  // by command, its options and the global ones
  Names global;
  for (const Names& option : help_options(help_of({"--help"}))) global.insert(option.begin(), option.end());
  global.insert({"--help", "-h", "--version"});
  for (const std::string& command : names) {
    accepted[command] = global;
    for (const Names& option : help_options(help_of({command, "--help"})))
      accepted[command].insert(option.begin(), option.end());
  }
  const std::set<std::string> takes_value = {"--data-dir", "--catalog", "--rules", "--config", "--color"};
  std::size_t checked = 0;
  auto check = [&](const std::vector<std::string>& words, const std::string& where) {
    std::string command;
    for (std::size_t i = 0; i < words.size() && command.empty(); ++i) {
      if (words[i][0] != '-') command = words[i];
      else if (takes_value.count(words[i])) ++i;
    }
    if (command.empty() || command.find_first_of("$<[") != std::string::npos) return;  // a synopsis, not an example
    ++checked;
    ASSERT_TRUE(accepted.count(command)) << where << ": `tosdiff " << command << "` is not a command";
    for (const std::string& word : words) {
      if (word.size() < 2 || word[0] != '-' || std::isdigit(static_cast<unsigned char>(word[1]))) continue;
      const std::string name = word.substr(0, word.find('='));
      EXPECT_TRUE(accepted[command].count(name)) << where << ": `tosdiff " << command << "` takes no " << name;
    }
  };
  for (const char* doc : {"README.md", "docs/alerts.md", "docs/digest.md", "docs/scheduling.md",
                                 "docs/archive-layout.md", "docs/change-record.md"})
    for (const auto& words : invocations(code_lines(source(doc)))) check(words, doc);
  for (const auto& words : invocations(man_example_lines())) check(words, "docs/tosdiff.1 EXAMPLES");
  EXPECT_GE(checked, 40u) << "the examples were not found";
}

TEST(CliDocs, TheDocumentsDoNotContradictTheBinary) {
  const std::string man = source("docs/tosdiff.1");
  const std::string readme = source("README.md");
  // Global options may follow the command.
  EXPECT_EQ(man.find("must be given"), std::string::npos);
  // `check ai21` fetches as many documents as the built-in ai21 declaration has.
  const std::string ai21 = source("data/catalog/ai21.json");
  std::size_t declared = 0;
  for (std::size_t at = ai21.find("\"fetch\""); at != std::string::npos; at = ai21.find("\"fetch\"", at + 1)) ++declared;
  EXPECT_EQ(declared, 3u);
  EXPECT_NE(readme.find("tosdiff check ai21                 # fetch AI21 Labs' three documents"), std::string::npos);
  // The crontab's comments say what the line under them does: exit 1 only comes with --exit-code.
  std::string comments;
  for (const std::string& line : lines_of(source("docs/examples/crontab"))) {
    if (line.rfind("#", 0) == 0) {
      std::string lower = line;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      comments += lower + "\n";
      continue;
    }
    if (line.find("tosdiff") != std::string::npos) {
      const bool says_exit_1 = comments.find("exit code 1") != std::string::npos || comments.find("exit 1") != std::string::npos;
      if (says_exit_1) {
        EXPECT_NE(line.find("--exit-code"), std::string::npos) << comments << line;
      }
    }
    if (line.empty() || line.find("tosdiff") != std::string::npos) comments.clear();
  }
  // Pages built by JavaScript are rendered in a browser, and the documents say so.
  for (const std::string* text : {&readme, &man}) {
    EXPECT_NE(text->find("Chromium"), std::string::npos);
    EXPECT_NE(text->find("executeClientScripts"), std::string::npos);
  }
  EXPECT_EQ(man.find("tosdiff never runs a page's JavaScript"), std::string::npos);
}

}  // namespace
}  // namespace tosdiff::testing
