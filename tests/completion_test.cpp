// Shell completion and installation, against the real binary and real shells: the scripts
// the build renders (build/completions/, what `cmake --install` and the .deb install) are
// loaded into bash, zsh and fish and asked what a line completes to: commands, options, fixed
// values, files, and platform/document ids from the catalog and the archive of the line's
// --data-dir and --catalog. (The .deb itself: tests/package_test.sh.)

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/shipped_binary.hpp"
#include "support/tosdiff_helpers.hpp"

namespace tosdiff::testing {
namespace {

const std::string kCompletions = TOSDIFF_COMPLETIONS_DIR;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string quoted(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A program's path on $PATH ("" when it is not installed): run_process does not search.
std::string program(const std::string& name) {
  ProcessResult r = run_process({"/bin/sh", "-c", "command -v " + name});
  return r.exit_code == 0 && !r.out.empty() ? r.out.substr(0, r.out.find('\n')) : "";
}

// The commands `tosdiff --help` lists.
std::vector<std::string> help_commands() {
  std::vector<std::string> out;
  bool in = false;
  for (const std::string& line : lines_of(run_process({TOSDIFF_SHIPPED_BINARY, "--help"}).out)) {
    if (line == "Commands:") {
      in = true;
      continue;
    }
    if (in && line.rfind("  ", 0) != 0) break;
    if (in && line[2] != ' ') out.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return out;
}

std::string page(const std::string& title, const std::string& clause) {
  return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><main><h1>" + title + "</h1><h2>1. " +
         "Scope</h2><p>" + clause + " Read them carefully before you use the service, as they apply to you.</p><h2>2. " +
         "Disputes</h2><p>These terms are governed by the laws of Delaware, unless the law says otherwise.</p></main>" +
         "</body></html>";
}

class Completion : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.set("/terms", html(page("Terms of Service", "These terms govern your use of the service.")));
    server_.set("/privacy", html(page("Privacy Policy", "We collect the data you give us to run the service.")));
    json decl = declaration("Example Platform", "example",
                            {{"Terms of Service", server_.url("/terms")}, {"Privacy Policy", server_.url("/privacy")}});
    decl["aliases"] = {"sample"};
    write_text_file(dir_ / "catalog/Example.json", decl.dump(2));
    // An archived platform the catalog of the line below does not declare.
    write_text_file(dir_ / "old/Gone.json", declaration("Gone", "gone", {{"Terms of Service", server_.url("/terms")}}).dump(2));
    ProcessResult check = run_process({TOSDIFF_SHIPPED_BINARY, "--data-dir", dir_ / "data", "--catalog", dir_ / "old", "check", "gone"});
    ASSERT_EQ(check.exit_code, 0) << check.err;
  }

  // What bash's completion function offers for `words` (the last one being completed).
  std::vector<std::string> bash(const std::vector<std::string>& words) {
    std::string line;
    for (const std::string& w : words) line += " " + quoted(w);
    const std::string script = "source " + quoted(kCompletions + "/tosdiff") + "\nCOMP_WORDS=(" + line +
                               ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_tosdiff\n"
                               "if [ ${#COMPREPLY[@]} -gt 0 ]; then printf '%s\\n' \"${COMPREPLY[@]}\"; fi\n";
    ProcessResult r = run_process({program("bash"), "--norc", "--noprofile", "-c", script}, env());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    std::vector<std::string> out = lines_of(r.out);
    std::sort(out.begin(), out.end());
    return out;
  }

  // A line with the test's archive and catalog, then `rest`; `tosdiff` is the binary's path,
  // as the completion asks that program for ids.
  std::vector<std::string> line(std::vector<std::string> rest) const {
    std::vector<std::string> words = {TOSDIFF_SHIPPED_BINARY, "--data-dir", dir_ / "data", "--catalog", dir_ / "catalog"};
    words.insert(words.end(), rest.begin(), rest.end());
    return words;
  }

  std::vector<std::string> env() const { return {"HOME=" + dir_.path(), "TOSDIFF_CATALOG=", "XDG_CONFIG_HOME=" + dir_ / "config"}; }

  TempDir dir_;
  HttpTestServer server_;
};

using Words = std::vector<std::string>;

TEST_F(Completion, BashCompletesCommandsOptionsValuesAndIds) {
  // The commands are those of --help, hidden `names` left out.
  Words commands = help_commands();
  ASSERT_GE(commands.size(), 12u);
  std::sort(commands.begin(), commands.end());
  EXPECT_EQ(bash({"tosdiff", ""}), commands);
  EXPECT_EQ(bash({"tosdiff", "di"}), (Words{"diff", "digest"}));
  EXPECT_EQ(bash({"tosdiff", "--quiet", "--color", "never", "ch"}), (Words{"check"}));
  // Options: the command's and the global ones, after the command.
  EXPECT_EQ(bash({"tosdiff", "check", "--no-"}), (Words{"--no-alerts", "--no-browser", "--no-cache"}));
  EXPECT_EQ(bash({"tosdiff", "check", "--q"}), (Words{"--quiet"}));
  EXPECT_EQ(bash({"tosdiff", "diff", "--f"}), (Words{"--format", "--from"}));
  // Fixed values, also after bash's split of --format=.
  EXPECT_EQ(bash({"tosdiff", "digest", "--format", ""}), (Words{"atom", "html", "json", "markdown", "text"}));
  EXPECT_EQ(bash({"tosdiff", "digest", "--format", "=", "m"}), (Words{"markdown"}));
  EXPECT_EQ(bash({"tosdiff", "check", "--min-severity", "m"}), (Words{"major", "minor", "moderate"}));
  EXPECT_EQ(bash({"tosdiff", "--color", ""}), (Words{"always", "auto", "never"}));
  EXPECT_EQ(bash({"tosdiff", "completions", "z"}), (Words{"zsh"}));
  EXPECT_EQ(bash({"tosdiff", "help", "ver"}), (Words{"verify"}));
  // A value that is free text offers nothing (not the ids, not the commands).
  EXPECT_EQ(bash({"tosdiff", "check", "--jobs", ""}), Words{});
  // Files and directories.
  write_text_file(dir_ / "pages/policy.html", "<p>x</p>");
  std::filesystem::create_directories(dir_ / "pages/sub");
  EXPECT_EQ(bash({"tosdiff", "normalize", dir_ / "pages/"}), (Words{dir_ / "pages/policy.html", dir_ / "pages/sub"}));
  EXPECT_EQ(bash({"tosdiff", "--data-dir", dir_ / "pages/"}), (Words{dir_ / "pages/sub"}));

  // Ids: the line's catalog (ids, aliases, keys) and its archive (`gone`, not in that catalog).
  EXPECT_EQ(bash(line({"check", "exa"})), (Words{"example", "example/privacy-policy", "example/terms-of-service"}));
  EXPECT_EQ(bash(line({"check", "sam"})), (Words{"sample"}));
  EXPECT_EQ(bash(line({"history", "gon"})), (Words{"gone", "gone/terms-of-service"}));
  // PLATFORM/DOCUMENT arguments: the keys only; one argument, then nothing.
  EXPECT_EQ(bash(line({"show", "gone"})), (Words{"gone/terms-of-service"}));
  EXPECT_EQ(bash(line({"show", "gone/terms-of-service", ""})), Words{});
  // Built-in platforms too, when the line names no catalog.
  EXPECT_EQ(bash({TOSDIFF_SHIPPED_BINARY, "--data-dir", dir_ / "data", "check", "clau"}), (Words{"claude"}));
  // A tosdiff that is not there: nothing, and no error on the terminal.
  EXPECT_EQ(bash({dir_ / "no-such-tosdiff", "check", "exa"}), Words{});
}

TEST_F(Completion, TheInstalledScriptsAreWhatTheBinaryRenders) {
  for (const auto& [shell, file] : std::vector<std::pair<std::string, std::string>>{
           {"bash", "tosdiff"}, {"zsh", "_tosdiff"}, {"fish", "tosdiff.fish"}}) {
    ProcessResult rendered = run_process({TOSDIFF_SHIPPED_BINARY, "completions", shell});
    ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
    EXPECT_EQ(rendered.out, read_text_file(kCompletions + "/" + file)) << shell;
  }
  ProcessResult registered = run_process({program("bash"), "--norc", "--noprofile", "-c",
                                          "source " + quoted(kCompletions + "/tosdiff") + "; complete -p tosdiff"});
  EXPECT_EQ(registered.out, "complete -F _tosdiff tosdiff\n");
  ProcessResult odd = run_process({TOSDIFF_SHIPPED_BINARY, "completions", "tcsh"});
  EXPECT_EQ(odd.exit_code, 2);
  EXPECT_NE(odd.err.find("'tcsh' is not one of bash, zsh, fish"), std::string::npos) << odd.err;
}

TEST_F(Completion, ZshRegistersTheFunctionAndCompletesTheSameWay) {
  const std::string zsh_path = program("zsh");
  if (zsh_path.empty()) GTEST_SKIP() << "zsh is not installed (scripts/setup.sh installs it)";
  // compinit, then the script as a user sources it. _tosdiff_complete prints what _tosdiff
  // hands to compadd (which keeps the candidates that start with the word) or _files.
  auto zsh = [&, zsh_path](const std::vector<std::string>& words) {
    std::string line;
    for (const std::string& w : words) line += " " + quoted(w);
    const std::string script = "autoload -Uz compinit && compinit -u -d " + quoted(dir_ / "zcompdump") +
                               "\nsource " + quoted(kCompletions + "/_tosdiff") +
                               "\nprint -r -- \"registered: $_comps[tosdiff]\"\n"
                               "words=(" + line + ")\n_tosdiff_complete $((${#words} - 1)) \"${words[@]}\"\n";
    ProcessResult r = run_process({zsh_path, "-f", "-c", script}, env());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    Words out;
    for (const std::string& l : lines_of(r.out))
      if (out.size() < 2 || l.rfind(words.back(), 0) == 0) out.push_back(l);
    return out;
  };
  EXPECT_EQ(zsh({"tosdiff", "ch"}), (Words{"registered: _tosdiff", "words", "check"}));
  EXPECT_EQ(zsh({"tosdiff", "digest", "--format", ""}), (Words{"registered: _tosdiff", "words", "text", "markdown", "html", "json", "atom"}));
  EXPECT_EQ(zsh({"tosdiff", "--data-dir", ""}), (Words{"registered: _tosdiff", "dirs"}));
  EXPECT_EQ(zsh({"tosdiff", "normalize", ""}), (Words{"registered: _tosdiff", "files"}));
  EXPECT_EQ(zsh(line({"show", "e"})), (Words{"registered: _tosdiff", "words", "example/privacy-policy", "example/terms-of-service"}));
  EXPECT_EQ(zsh(line({"check", "gon"})), (Words{"registered: _tosdiff", "words", "gone", "gone/terms-of-service"}));
}

TEST_F(Completion, FishCompletesCommandsOptionsAndIds) {
  const std::string fish_path = program("fish");
  if (fish_path.empty()) GTEST_SKIP() << "fish is not installed (scripts/setup.sh installs it)";
  auto fish = [&, fish_path](const std::string& line) {
    ProcessResult r = run_process({fish_path, "--no-config", "-c",
                                   "source " + quoted(kCompletions + "/tosdiff.fish") + "; complete -C " + quoted(line)},
                                  env());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    std::vector<std::string> words;
    for (const std::string& l : lines_of(r.out)) words.push_back(l.substr(0, l.find('\t')));
    std::sort(words.begin(), words.end());
    return words;
  };
  EXPECT_EQ(fish("tosdiff di"), (Words{"diff", "digest"}));
  EXPECT_EQ(fish("tosdiff --data-dir /tmp ch"), (Words{"check"}));
  EXPECT_EQ(fish("tosdiff check --no-"), (Words{"--no-alerts", "--no-browser", "--no-cache"}));
  EXPECT_EQ(fish("tosdiff digest --format "), (Words{"atom", "html", "json", "markdown", "text"}));
  const std::string prefix = quoted(TOSDIFF_SHIPPED_BINARY) + " --data-dir " + quoted(dir_ / "data") + " --catalog " +
                             quoted(dir_ / "catalog");
  EXPECT_EQ(fish(prefix + " show gon"), (Words{"gone/terms-of-service"}));
  EXPECT_EQ(fish(prefix + " check sa"), (Words{"sample"}));
}

// `cmake --install` puts the binary, the man page, the completions and the documentation
// with its examples where a system looks for them.
TEST(Install, PutsEveryFileWhereItIsLookedFor) {
  TempDir prefix;
  ProcessResult install = run_process({TOSDIFF_CMAKE, "--install", TOSDIFF_BUILD_DIR, "--prefix", prefix.path()},
                                      {}, std::chrono::seconds(120));
  ASSERT_EQ(install.exit_code, 0) << install.out << install.err;
  for (const char* path :
       {"bin/tosdiff", "share/man/man1/tosdiff.1.gz", "share/bash-completion/completions/tosdiff",
        "share/zsh/vendor-completions/_tosdiff", "share/fish/vendor_completions.d/tosdiff.fish",
        "share/doc/tosdiff/README.md", "share/doc/tosdiff/copyright", "share/doc/tosdiff/examples/crontab",
        "share/doc/tosdiff/examples/tosdiff.service", "share/doc/tosdiff/examples/tosdiff.timer"})
    EXPECT_TRUE(std::filesystem::is_regular_file(prefix / path)) << path;
  ProcessResult version = run_process({prefix / "bin/tosdiff", "--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("tosdiff ", 0), 0u) << version.out;
  // The man page as man reads it.
  ProcessResult man = run_process({"/bin/sh", "-c", "zcat " + quoted(prefix / "share/man/man1/tosdiff.1.gz") + " | head -5"});
  EXPECT_NE(man.out.find(".TH TOSDIFF 1"), std::string::npos) << man.out;
}

}  // namespace
}  // namespace tosdiff::testing
