#include "tosdiff/extract/raw_text.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tosdiff/extract/normalize.hpp"

namespace tosdiff {
namespace {

std::string both_ways(const std::string& html, bool prune) {
  NormalizeOptions options;
  options.prune_raw_text = prune;
  auto text = normalize(html, options);
  return text ? render_text(*text) : "ERROR " + std::string(to_string(text.error().kind));
}

TEST(PruneRawText, DropsScriptAndStyleContents) {
  EXPECT_EQ(prune_raw_text("<p>a</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>b</p>"),
            "<p>a</p><script></script><style></style><p>b</p>");
  EXPECT_EQ(prune_raw_text("<SCRIPT type=x>1 < 2</SCRIPT >"), "<SCRIPT type=x></SCRIPT >");
}

TEST(PruneRawText, LeavesWhatTheTokenizerWouldNotTreatAsRawText) {
  // Inside attribute values, comments, RCDATA and foreign content, "<script" is not a tag.
  for (const char* html : {"<div title='<script>x</script>'>t</div>",
                           "<!-- <script>x</script> --><p>t</p>",
                           "<textarea><script>x</script></textarea>",
                           "<title><style>x</style></title>",
                           "<svg><p>breaks out of foreign content</p><script>x</script></svg>",
                           "<svg><foreignObject><div>html</div></foreignObject></svg>",
                           "<math><style>x</style></math>",
                           "<script><!--<script>x</script>--></script>",  // escaped states: kept whole
                           "<script>unclosed",
                           "<p>1 < 2 and <3</p>",
                           "<!-->", "<!--->", "<"}) {
    EXPECT_EQ(prune_raw_text(html), html) << html;
  }
}

TEST(PruneRawText, InlineSvgDrawingIsDroppedAndWhatFollowsPruned) {
  EXPECT_EQ(prune_raw_text("<svg viewBox='0 0 8 8'><path d='M0 0h8'/><svg><g/></svg><style>s</style></svg>"
                           "<p>text</p><script>x</script>"),
            "<svg viewBox='0 0 8 8'></svg><p>text</p><script></script>");
  // Left to gumbo when it may hold HTML, and what follows is still pruned.
  EXPECT_EQ(prune_raw_text("<svg><p>t</p></svg><script>x</script>"), "<svg><p>t</p></svg><script></script>");
}

TEST(PruneRawText, NormalizedTextIsTheSameWithAndWithoutIt) {
  const std::vector<std::string> tricky = {
      "<body><p>a</p><script>document.write('<p>b</p>')</script><p>c</p></body>",
      "<body><style>.x{content:'</p>'}</style><div>text</div></body>",
      "<body><div data-x=\"<script>\">one</div><script>two</script><div>three</div></body>",
      "<body><svg><script>if (a < b) {}</script><text>svg text</text></svg><p>after</p></body>",
      "<body><svg><path d='M0'/><p>escaped</p></svg><p>after</p></body>",
      "<body><svg><desc><div>desc</div></desc></svg><p>after</p><svg/><p>self-closed</p></body>",
      "<body><script><!-- document.write('<script>x</script>') --></script><p>after</p></body>",
      "<body><noscript><p>no script</p></noscript><p>shown</p></body>",
  };
  for (const auto& html : tricky) EXPECT_EQ(both_ways(html, true), both_ways(html, false)) << html;
  // And every fixture page the project has.
  int pages = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(TOSDIFF_FIXTURES_DIR)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    EXPECT_EQ(both_ways(buffer.str(), true), both_ways(buffer.str(), false)) << entry.path();
    ++pages;
  }
  EXPECT_GT(pages, 40);
}

TEST(PruneRawText, AbsurdNestingIsFlattenedAndItsTextKept) {
  std::string html = "<body>";
  for (int i = 0; i < 30000; ++i) html += "<div>";
  html += "Deep text.";
  for (int i = 0; i < 30000; ++i) html += "</div>";
  html += "<p>After.</p></body>";
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(both_ways(html, true), "Deep text.\nAfter.\n");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  // Unclosed ones too.
  std::string unclosed = "<body>";
  for (int i = 0; i < 30000; ++i) unclosed += "<span>";
  unclosed += "Still here.";
  EXPECT_EQ(both_ways(unclosed, true), "Still here.\n");
}

}  // namespace
}  // namespace tosdiff
