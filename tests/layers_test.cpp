// The house's shape, checked on the source tree itself (docs/architecture.md): every include
// between tosdiff's files follows the layer rule, the include graph has no cycle and no chain
// deeper than kMaxChain files, no source file is over kMaxLines lines, and only extract/
// includes gumbo. The build already refuses an include of a higher layer (each layer sees
// only its dependencies' headers); this test also names the offender and measures the rest.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxChain = 8;
constexpr std::size_t kMaxLines = 700;

// Which layers each layer may include, itself excepted (CMakeLists.txt's tosdiff_layer calls).
const std::map<std::string, std::set<std::string>>& allowed() {
  static const std::map<std::string, std::set<std::string>> rule = {
      {"util", {}},
      {"model", {"util"}},
      {"catalog", {"extract", "model", "util"}},
      {"fetch", {"model", "util"}},
      {"extract", {"model", "util"}},
      {"compare", {"model", "util"}},
      {"classify", {"model", "util"}},
      {"archive", {"model", "util"}},
      {"report", {"model", "util"}},
      {"notify", {"report", "model", "util"}},
      {"pipeline", {"fetch", "extract", "compare", "classify", "archive", "report", "model", "util"}},
      {"app", {"pipeline", "notify", "catalog", "fetch", "extract", "compare", "classify", "archive", "report",
               "model", "util"}},
  };
  return rule;
}

struct SourceFile {
  std::string layer;             // folder under src/
  std::vector<std::string> includes;  // "layer/name.hpp" of tosdiff's own headers
  std::vector<std::string> system;    // <...> includes
  std::size_t lines = 0;
};

std::map<std::string, SourceFile> scan() {  // key: "layer/name.ext"
  std::map<std::string, SourceFile> files;
  const fs::path src = fs::path(TOSDIFF_SOURCE_DIR) / "src";
  const std::regex own(R"re(^\s*#\s*include\s+"tosdiff/([a-z_]+/[a-z_0-9]+\.hpp)")re");
  const std::regex sys(R"re(^\s*#\s*include\s+<([^>]+)>)re");
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    SourceFile f;
    f.layer = entry.path().parent_path().filename().string();
    std::ifstream in(entry.path());
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
      ++f.lines;
      if (std::regex_search(line, m, own)) f.includes.push_back(m[1]);
      else if (std::regex_search(line, m, sys)) f.system.push_back(m[1]);
    }
    files[f.layer + "/" + entry.path().filename().string()] = std::move(f);
  }
  return files;
}

TEST(Layers, EveryIncludeFollowsTheLayerRule) {
  const auto files = scan();
  ASSERT_GT(files.size(), 50u);
  for (const auto& [name, file] : files) {
    ASSERT_TRUE(allowed().count(file.layer)) << name << " is in no known layer";
    for (const std::string& include : file.includes) {
      const std::string layer = include.substr(0, include.find('/'));
      EXPECT_TRUE(layer == file.layer || allowed().at(file.layer).count(layer))
          << name << " (layer " << file.layer << ") includes " << include << " (layer " << layer << ")";
      EXPECT_TRUE(files.count(include)) << name << " includes " << include << ", which does not exist";
    }
  }
}

TEST(Layers, TheIncludeGraphHasNoCycleAndNoDeepChain) {
  const auto files = scan();
  std::map<std::string, int> state;           // 0 new, 1 on the stack, 2 done
  std::map<std::string, std::size_t> depth;   // files on the longest chain starting here
  std::string deepest;
  std::function<std::size_t(const std::string&, std::vector<std::string>&)> visit =
      [&](const std::string& name, std::vector<std::string>& stack) -> std::size_t {
    if (state[name] == 2) return depth[name];
    if (state[name] == 1) {
      std::string cycle;
      for (const auto& s : stack) cycle += s + " -> ";
      ADD_FAILURE() << "include cycle: " << cycle << name;
      return 0;
    }
    state[name] = 1;
    stack.push_back(name);
    std::size_t longest = 0;
    auto it = files.find(name);
    if (it != files.end())
      for (const auto& include : it->second.includes) longest = std::max(longest, visit(include, stack));
    stack.pop_back();
    state[name] = 2;
    return depth[name] = longest + 1;
  };
  std::size_t longest = 0;
  for (const auto& [name, file] : files) {
    std::vector<std::string> stack;
    if (const std::size_t d = visit(name, stack); d > longest) {
      longest = d;
      deepest = name;
    }
  }
  RecordProperty("longest_include_chain", static_cast<int>(longest));
  std::cout << "longest include chain: " << longest << " files, from " << deepest << "\n";
  EXPECT_LE(longest, kMaxChain) << "from " << deepest;
}

TEST(Layers, NoSourceFileIsOverTheLimit) {
  for (const auto& [name, file] : scan()) EXPECT_LE(file.lines, kMaxLines) << name;
}

// A view into the text of a Block that parse_block() returned by value dies with the Block:
// "std::string_view t = parse_block(line).text;" and "for (std::string_view w :
// split(parse_block(line).text))" read freed memory (twice the sanitizer pass or a fixture
// caught one, 2026-12-03). Keep the Block in a variable first.
TEST(Layers, NoViewIntoATemporaryBlock) {
  const std::regex bound(R"re(std::string_view\s+\w+\s*=\s*[^;]*parse_block\()re");
  const std::regex ranged(R"re(for\s*\(\s*(const\s+)?std::string_view\s*&?\s*\w+\s*:[^;{]*parse_block\()re");
  const fs::path src = fs::path(TOSDIFF_SOURCE_DIR) / "src";
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
      if (line.find("parse_block(") == std::string::npos) continue;  // std::regex is slow at -O0
      EXPECT_FALSE(std::regex_search(line, bound) || std::regex_search(line, ranged))
          << entry.path().filename().string() << ":" << number << ": " << line;
    }
  }
  EXPECT_TRUE(std::regex_search("for (std::string_view label : glued_labels(parse_block(line.text).text))", ranged));
  EXPECT_TRUE(std::regex_search("const std::string_view text = parse_block(line).text;", bound));
  EXPECT_FALSE(std::regex_search("const Block block = parse_block(line.text);", bound));
}

TEST(Layers, OnlyExtractSeesGumbo) {
  for (const auto& [name, file] : scan()) {
    for (const std::string& include : file.system) {
      if (include == "gumbo.h") {
        EXPECT_EQ(file.layer, "extract") << name << " includes gumbo.h";
      }
    }
  }
}

}  // namespace
