#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/normalize.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <functional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace tosdiff {
namespace {

namespace fs = std::filesystem;

// ---- golden files ---------------------------------------------------------------------------
//
// fixtures/normalize/<case>.html is normalized with the options of the optional sidecar
// <case>.json and compared byte for byte with <case>.txt. A normalizer error is written as
// "ERROR <kind>: <message>\n". With TOSDIFF_UPDATE_GOLDEN=1 the .txt files are written
// instead (see fixtures/normalize/README.md).

fs::path golden_dir() { return fs::path(TOSDIFF_FIXTURES_DIR) / "normalize"; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> golden_cases() {
  std::vector<std::string> cases;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(golden_dir(), ec))
    if (entry.path().extension() == ".html") cases.push_back(entry.path().stem().string());
  std::sort(cases.begin(), cases.end());
  return cases;
}

SelectorSpec selector_from_json(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  RangeSelector range;
  range.start_before = j.value("startBefore", "");
  range.start_after = j.value("startAfter", "");
  range.end_before = j.value("endBefore", "");
  range.end_after = j.value("endAfter", "");
  return range;
}

NormalizeOptions options_for(const std::string& name) {
  NormalizeOptions options;
  const fs::path sidecar = golden_dir() / (name + ".json");
  if (!fs::exists(sidecar)) return options;
  const nlohmann::json j = nlohmann::json::parse(read_file(sidecar));
  for (const auto& s : j.value("select", nlohmann::json::array())) options.select.push_back(selector_from_json(s));
  for (const auto& s : j.value("remove", nlohmann::json::array())) options.remove.push_back(selector_from_json(s));
  options.base_url = j.value("base_url", "");
  options.include_links = j.value("include_links", false);
  options.strip_boilerplate = j.value("strip_boilerplate", true);
  return options;
}

std::string normalized_output(const std::string& html, const NormalizeOptions& options) {
  Result<Text> text = normalize(html, options);
  if (!text) return "ERROR " + std::string(to_string(text.error().kind)) + ": " + text.error().message + "\n";
  return render_text(*text);
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesExpectedText) {
  const std::string name = GetParam();
  const std::string html = read_file(golden_dir() / (name + ".html"));
  const std::string actual = normalized_output(html, options_for(name));
  const fs::path expected_path = golden_dir() / (name + ".txt");

  const char* update = std::getenv("TOSDIFF_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(expected_path, std::ios::binary) << actual;
    std::cout << "[ updated  ] " << expected_path.string() << "\n";
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing; run with TOSDIFF_UPDATE_GOLDEN=1 to "
                                         << "create it, then check it by hand";
  EXPECT_EQ(actual, read_file(expected_path)) << "golden file " << expected_path;

  // What is archived must read back to the same text.
  if (actual.rfind("ERROR ", 0) != 0) {
    EXPECT_EQ(render_text(parse_text(actual)), actual);
  }
}

std::string case_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string out;
  for (char c : info.param) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

INSTANTIATE_TEST_SUITE_P(Normalize, Golden, ::testing::ValuesIn(golden_cases()), case_test_name);

TEST(GoldenFiles, ArePresentAndPaired) {
  const auto cases = golden_cases();
  EXPECT_GE(cases.size(), 25u) << "fixtures missing from " << golden_dir();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(golden_dir(), ec)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".json") {
      EXPECT_TRUE(fs::exists(golden_dir() / (entry.path().stem().string() + ".html")))
          << entry.path() << " has no .html";
    }
  }
}

// ---- direct tests ---------------------------------------------------------------------------

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size() || (len == 2 && c < 0xC2)) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

std::string norm(const std::string& html, const NormalizeOptions& options = {}) {
  return normalized_output(html, options);
}

TEST(Normalize, IsDeterministic) {
  std::string html;
  for (const auto& name : golden_cases()) html += read_file(golden_dir() / (name + ".html"));
  NormalizeOptions options;
  options.include_links = true;
  options.base_url = "https://example.com/";
  const std::string once = norm(html, options);
  const std::string twice = norm(html, options);
  EXPECT_EQ(once, twice);
  EXPECT_FALSE(once.empty());
}

// Pages up to ParsedHtml::kArenaMaxInput are parsed into an arena, larger ones with malloc;
// both give the same text, and many parses in a row reuse the arena's memory.
TEST(Normalize, ArenaAndMallocParsesGiveTheSameText) {
  std::string html;
  for (const auto& name : golden_cases()) html += read_file(golden_dir() / (name + ".html"));
  ASSERT_LT(html.size(), ParsedHtml::kArenaMaxInput);
  NormalizeOptions options;
  const std::string small = norm(html, options);
  // A comment is kept until gumbo (only script/style/svg contents are dropped before it).
  const std::string big = norm("<!--" + std::string(ParsedHtml::kArenaMaxInput, 'x') + "-->" + html, options);
  EXPECT_EQ(big, small);
  for (int i = 0; i < 20; ++i) ASSERT_EQ(norm(html, options), small) << "parse " << i;
}

TEST(Normalize, EmptyAndWhitespaceOnlyInput) {
  EXPECT_EQ(norm(""), "");
  EXPECT_EQ(norm("   \n\t "), "");
  EXPECT_EQ(norm("<html><body>  <p> </p> <div>&nbsp;</div></body></html>"), "");
}

TEST(Normalize, PlainTextWithoutTags) {
  EXPECT_EQ(norm("Just some text."), "Just some text.\n");
}

TEST(Normalize, SelectorErrorsAreReportedNotThrown) {
  NormalizeOptions options;
  options.select = {std::string("p:hover")};
  Result<Text> text = normalize("<p>x</p>", options);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::selector);
  EXPECT_NE(text.error().message.find("p:hover"), std::string::npos) << text.error().message;

  NormalizeOptions remove;
  remove.remove = {std::string("[unclosed=")};  // the end closes the bracket, not the missing value
  Result<Text> removed = normalize("<p>x</p>", remove);
  ASSERT_FALSE(removed.ok());
  EXPECT_EQ(removed.error().kind, ErrorKind::selector);
}

TEST(Normalize, NoMatchNamesTheSelectors) {
  NormalizeOptions options;
  RangeSelector range;
  range.start_after = "#a";
  range.end_before = "#b";
  options.select = {std::string("#nothing"), range};
  Result<Text> text = normalize("<p id=a>a</p><p>x</p>", options);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::no_match);
  EXPECT_NE(text.error().message.find("'#nothing'"), std::string::npos) << text.error().message;
  EXPECT_NE(text.error().message.find("{startAfter: '#a', endBefore: '#b'}"), std::string::npos)
      << text.error().message;
}

TEST(Normalize, TooLarge) {
  NormalizeOptions options;
  options.max_html_bytes = 10;
  Result<Text> text = normalize("<p>more than ten bytes</p>", options);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::too_large);
  options.max_html_bytes = 100;
  EXPECT_TRUE(normalize("<p>small</p>", options).ok());
}

TEST(Normalize, BoilerplateKeptWhenStrippingIsOff) {
  const std::string html = "<body><nav><a href='/'>Home</a></nav><p>Text.</p></body>";
  EXPECT_EQ(norm(html), "Text.\n");
  NormalizeOptions options;
  options.strip_boilerplate = false;
  EXPECT_EQ(norm(html, options), "Home\nText.\n");
}

TEST(Normalize, BlocksCarryStructure) {
  Result<Text> text = normalize("<h2>T</h2><ol start=3><li>a<ul><li>b</li></ul></li></ol><table><tr><td>x</td><td>y</td></tr></table>", {});
  ASSERT_TRUE(text.ok());
  ASSERT_EQ(text->blocks.size(), 4u);
  EXPECT_EQ(text->blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(text->blocks[0].level, 2);
  EXPECT_EQ(text->blocks[1].kind, BlockKind::list_item);
  EXPECT_EQ(text->blocks[1].marker, "3.");
  EXPECT_EQ(text->blocks[1].level, 0);
  EXPECT_EQ(text->blocks[2].marker, "-");
  EXPECT_EQ(text->blocks[2].level, 1);
  EXPECT_EQ(text->blocks[3].kind, BlockKind::table_row);
  EXPECT_EQ(text->blocks[3].text, "x | y");
  for (const Block& b : text->blocks) EXPECT_EQ(b.text.find('\n'), std::string::npos);
}

std::string nested_divs(std::size_t depth, const std::string& inner) {
  std::string html = "<!DOCTYPE html><html><body>";
  html.reserve(depth * 11 + inner.size() + 64);
  for (std::size_t i = 0; i < depth; ++i) html += "<div>";
  html += inner;
  for (std::size_t i = 0; i < depth; ++i) html += "</div>";
  return html + "</body></html>";
}

// Runs `body` in a child process, so that a crash fails this one test instead of ending the
// whole test run. The child's result comes back through a pipe.
struct ChildOutcome {
  bool exited = false;
  int signal = 0;
  std::string output;
  double seconds = 0;
};

ChildOutcome run_in_child(const std::function<std::string()>& body) {
  ChildOutcome outcome;
  int fds[2];
  if (::pipe(fds) != 0) return outcome;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    const std::string out = body();
    for (std::size_t done = 0; done < out.size();) {
      ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
      if (n <= 0) ::_exit(2);
      done += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) outcome.output.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outcome.exited = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  outcome.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  return outcome;
}

TEST(Normalize, TwentyThousandNestedDivsFinishQuickly) {
  const std::string html = nested_divs(20000, "<p>Deep text.</p>");
  ChildOutcome outcome = run_in_child([&] { return norm(html); });
  ASSERT_TRUE(outcome.exited) << "the normalizer crashed (signal " << outcome.signal << ")";
  EXPECT_EQ(outcome.output, "Deep text.\n");
  EXPECT_LT(outcome.seconds, 3.0);
}

TEST(Normalize, TwentyThousandUnclosedDivsFinishQuickly) {
  std::string html = "<body>";
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += "Unclosed deep text.";
  ChildOutcome outcome = run_in_child([&] { return norm(html); });
  ASSERT_TRUE(outcome.exited) << "the normalizer crashed (signal " << outcome.signal << ")";
  EXPECT_EQ(outcome.output, "Unclosed deep text.\n");
  EXPECT_LT(outcome.seconds, 3.0);
}

// More than 64 open elements (the walker's initial stack capacity) around list items, table
// cells and headings: the structure must survive the stack growing.
TEST(Normalize, DeepNestingAroundStructure) {
  std::string inner = "<ol start=7><li>";
  for (int i = 0; i < 150; ++i) inner += "<div>";
  inner += "Deep item";
  for (int i = 0; i < 150; ++i) inner += "</div>";
  inner += "</li></ol><table><tr><td>";
  for (int i = 0; i < 150; ++i) inner += "<span>";
  inner += "cell one";
  for (int i = 0; i < 150; ++i) inner += "</span>";
  inner += "</td><td>cell two</td></tr></table><h3>";
  for (int i = 0; i < 150; ++i) inner += "<span>";
  inner += "Deep heading";
  for (int i = 0; i < 150; ++i) inner += "</span>";
  inner += "</h3><p>After.</p>";
  const std::string html = nested_divs(100, inner);
  ChildOutcome outcome = run_in_child([&] { return norm(html); });
  ASSERT_TRUE(outcome.exited) << "the normalizer crashed (signal " << outcome.signal << ")";
  EXPECT_EQ(outcome.output, "7. Deep item\ncell one | cell two\n### Deep heading\nAfter.\n");
}

TEST(Normalize, NulByteDoesNotEndTheInput) {
  static constexpr char kHtml[] = "<p>one</p>\0<p>two</p>";
  const std::string html(kHtml, sizeof kHtml - 1);
  ASSERT_EQ(html.size(), 21u);
  const std::string out = norm(html);
  EXPECT_NE(out.find("one"), std::string::npos) << out;
  EXPECT_NE(out.find("two"), std::string::npos) << out;
}

TEST(Normalize, InvalidUtf8DoesNotCrashAndGivesValidText) {
  const std::string html = "<p>caf\xE9 ok</p><p>\xF0\x9F</p><p>end \xC3</p>";
  Result<Text> text = normalize(html, {});
  ASSERT_TRUE(text.ok());
  const std::string out = render_text(*text);
  EXPECT_NE(out.find("ok"), std::string::npos);
  EXPECT_TRUE(valid_utf8(out)) << out;
}

TEST(Normalize, LinksInsideSelectedArea) {
  NormalizeOptions options;
  options.select = {std::string("#terms")};
  options.include_links = true;
  options.base_url = "http://example.com/a/b";
  // The archive keeps the real target; tracking parameters are folded when comparing.
  EXPECT_EQ(norm("<div id=terms><p>See <a href='c?gclid=1'>this</a>.</p></div>", options),
            "See [this](http://example.com/a/c?gclid=1).\n");
}

// ---- check_selectors / describe ------------------------------------------------------------

TEST(CheckSelectors, AcceptsValidSpecs) {
  RangeSelector range;
  range.start_after = "h2#start";
  range.end_before = ".end, footer";
  EXPECT_TRUE(check_selectors({}).ok());
  EXPECT_TRUE(check_selectors({std::string("main"), std::string("div.a > p:not(.b)"), range}).ok());
}

TEST(CheckSelectors, NamesTheFirstProblem) {
  auto bad = check_selectors({std::string("main"), std::string("a::after"), std::string("b:hover")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::selector);
  EXPECT_NE(bad.error().message.find("a::after"), std::string::npos) << bad.error().message;
}

TEST(CheckSelectors, RangeNeedsExactlyOneStartAndOneEnd) {
  RangeSelector both_starts;
  both_starts.start_after = "#a";
  both_starts.start_before = "#b";
  both_starts.end_before = "#c";
  auto r1 = check_selectors({both_starts});
  ASSERT_FALSE(r1.ok());
  EXPECT_NE(r1.error().message.find("exactly one"), std::string::npos) << r1.error().message;

  RangeSelector no_end;
  no_end.start_after = "#a";
  EXPECT_FALSE(check_selectors({no_end}).ok());

  RangeSelector empty;
  EXPECT_FALSE(check_selectors({empty}).ok());

  RangeSelector bad_inner;
  bad_inner.start_before = "#a";
  bad_inner.end_after = "p:has(b)";
  auto r4 = check_selectors({bad_inner});
  ASSERT_FALSE(r4.ok());
  EXPECT_NE(r4.error().message.find(":has"), std::string::npos) << r4.error().message;
}

TEST(Describe, CssAndRange) {
  EXPECT_EQ(describe(SelectorSpec{std::string("main .terms")}), "'main .terms'");
  RangeSelector range;
  range.start_after = "#a";
  range.end_before = "#b";
  EXPECT_EQ(describe(SelectorSpec{range}), "{startAfter: '#a', endBefore: '#b'}");
  RangeSelector other;
  other.start_before = "h1";
  other.end_after = "p.last";
  EXPECT_EQ(describe(SelectorSpec{other}), "{startBefore: 'h1', endAfter: 'p.last'}");
  EXPECT_EQ(describe(SelectorSpec{RangeSelector{}}), "{}");
}

}  // namespace
}  // namespace tosdiff

namespace tosdiff {
namespace {

// Found by fuzz_normalize: a link's start and its text's leading space made two spaces, and
// a line break inside an href split the block in two.
TEST(NormalizeRegression, LinkBoundariesFoldWhitespaceAndHrefsKeepOneLine) {
  NormalizeOptions plain;
  auto text = normalize(" r <a> o", plain);
  ASSERT_TRUE(text);
  EXPECT_EQ(render_text(*text), "r o\n");
  NormalizeOptions links;
  links.include_links = true;
  links.base_url = "https://example.com/";
  auto linked = normalize("<p>Read <a href=\"/x\">  the terms </a> now. <a href=\"/terms\nv2\">v2</a></p>", links);
  ASSERT_TRUE(linked);
  EXPECT_EQ(render_text(*linked), "Read [the terms](https://example.com/x) now. [v2](https://example.com/termsv2)\n");
}

// Found by fuzz_normalize's long run: an empty link wrote the pending space, and the link
// after it wrote another.
TEST(NormalizeRegression, EmptyLinkBeforeALinkLeavesOneSpace) {
  NormalizeOptions plain;
  auto text = normalize("<p>See <a href=\"/a\"></a> <a href=\"/b\">terms</a></p>", plain);
  ASSERT_TRUE(text);
  EXPECT_EQ(render_text(*text), "See terms\n");
  NormalizeOptions links;
  links.include_links = true;
  auto linked = normalize("<p>See <a href=\"/a\"></a> <a href=\"https://example.com/b\">terms</a></p>", links);
  ASSERT_TRUE(linked);
  EXPECT_EQ(render_text(*linked), "See [terms](https://example.com/b)\n");
}

// Dating replay (raw snapshots): a video module under a dating site's terms (an embedded player,
// "How it works", a line of pitch, "Start free today"), put in one day and taken away the next.
TEST(NormalizeFurniture, AVideoModuleWithItsPitchAndButtonIsFurniture) {
  const std::string terms = "<h1>Terms</h1><p>You may cancel your subscription at any time in your account settings.</p>";
  const std::string module =
      "<div class=\"video-module\"><lite-youtube videoid=\"x1\"></lite-youtube><div class=\"headline\">How it works</div>"
      "<p>Finding someone has never been easier with the Lumen you know.</p><a href=\"/register\">Start free today</a></div>";
  EXPECT_EQ(norm(terms + module), norm(terms));
  const std::string frame = "<div><iframe src=\"https://www.youtube.com/embed/x1\"></iframe><a href=\"/join\">Join now</a></div>";
  EXPECT_EQ(norm(terms + frame), norm(terms));
  // Twins: a policy's section showing a video has a heading and says more; a video without a
  // button is a caption; a box of text without a video is the document's.
  const std::string section = "<div><h2>How we use your data</h2><video src=\"a.mp4\"></video><p>We use your messages to "
                              "train our models.</p><a href=\"/optout\">Opt out</a></div>";
  EXPECT_NE(norm(terms + section).find("train our models"), std::string::npos);
  const std::string caption = "<div><video src=\"a.mp4\"></video><p>We record calls for quality.</p></div>";
  EXPECT_NE(norm(terms + caption).find("We record calls"), std::string::npos);
  const std::string box = "<div><p>We share your profile with partners.</p><a href=\"/more\">Learn more</a></div>";
  EXPECT_NE(norm(terms + box).find("We share your profile"), std::string::npos);
  // A review's finds: a clause beside a video and a link to more, a period with a call to sign up.
  const std::string clause = "<div><video src=\"a.mp4\"></video><p>We record your video calls to train our models.</p>"
                             "<a href=\"/more\">Learn more</a></div>";
  EXPECT_NE(norm(terms + clause).find("We record your video calls"), std::string::npos);
  const std::string period = "<div><video src=\"a.mp4\"></video><p>We keep your recordings for 30 days.</p>"
                             "<a href=\"/join\">Start free today</a></div>";
  EXPECT_NE(norm(terms + period).find("30 days"), std::string::npos);
}

}  // namespace
}  // namespace tosdiff
