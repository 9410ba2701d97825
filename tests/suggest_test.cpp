// extract/suggest: the select and remove proposed for a page name the element tosdiff reads
// and the furniture it drops, readably, and reproduce tosdiff's own text.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/extract/suggest.hpp"

namespace tosdiff {
namespace {

using Strings = std::vector<std::string>;

const std::string kPolicy =
    "<h1>Privacy Policy</h1><h2>1. What we collect</h2><p>We collect the data you give us when you create an account "
    "and when you use the service every day.</p><h2>2. Sharing</h2><p>We never sell your personal data, and we share "
    "it only with the processors that run the service for us.</p>";

SelectorSuggestion suggest(const std::string& body) {
  auto s = suggest_selectors("<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>");
  EXPECT_TRUE(s) << (s ? "" : s.error().message);
  return s ? *s : SelectorSuggestion{};
}

TEST(Suggest, NamesTheMainElementReadably) {
  const auto by_main = suggest("<nav class=\"menu\"><a href=\"/\">Home</a></nav><main>" + kPolicy + "</main>");
  EXPECT_EQ(by_main.select, Strings{"main"});
  EXPECT_EQ(by_main.why, "the page's <main>");
  EXPECT_TRUE(by_main.agrees);
  EXPECT_EQ(by_main.agreement, 1);

  const auto by_id = suggest("<nav><a href=\"/\">Home</a> <a href=\"/a\">About</a> <a href=\"/b\">Blog</a></nav>"
                             "<div id=\"policy-text\">" + kPolicy + "</div><footer><p>\u00a9 2026 Acme</p></footer>");
  EXPECT_EQ(by_id.select, Strings{"#policy-text"});
  EXPECT_TRUE(by_id.agrees);

  const auto by_class = suggest("<div class=\"layout\"><div class=\"legal-body\">" + kPolicy +
                                "</div><div class=\"legal-body-footer\"><a href=\"/x\">x</a><a href=\"/y\">y</a>"
                                "<a href=\"/z\">z</a></div></div>");
  EXPECT_EQ(by_class.select, Strings{"div.legal-body"}) << by_class.why;
  EXPECT_TRUE(by_class.agrees);
}

TEST(Suggest, RemovesTheFurnitureInsideTheSelection) {
  const auto s = suggest("<main><div class=\"cookie-banner\"><p>We use cookies. Accept all cookies?</p></div>" + kPolicy +
                         "<div class=\"share-buttons\"><a href=\"https://twitter.com/share\">Share on Twitter</a></div>"
                         "</main>");
  EXPECT_EQ(s.select, Strings{"main"});
  EXPECT_EQ(s.remove, (Strings{".cookie-banner", ".share-buttons"}));
  EXPECT_TRUE(s.agrees);
  // The proposal is the text tosdiff reads: normalize with it gives the same blocks.
  NormalizeOptions with;
  with.select.emplace_back(std::string("main"));
  for (const auto& css : s.remove) with.remove.emplace_back(css);
  EXPECT_EQ(render_text(*normalize("<html><body><main><div class=\"cookie-banner\"><p>We use cookies. Accept all "
                                   "cookies?</p></div>" + kPolicy + "<div class=\"share-buttons\"><a href=\"https://"
                                   "twitter.com/share\">Share on Twitter</a></div></main></body></html>", with)),
            render_text(s.automatic));
}

TEST(Suggest, AnElementWithNoNameOfItsOwnIsNotNamedByAPath) {
  // The text sits in anonymous nested divs: a path of :nth-of-type steps would break with
  // any change of layout, so the proposal stays with the body tosdiff reads.
  const auto s = suggest("<div><div><div>" + kPolicy + "</div></div></div>");
  EXPECT_EQ(s.select, Strings{"body"});
  EXPECT_TRUE(s.agrees);
}

TEST(Suggest, APageWithoutTextIsAnError) {
  auto s = suggest_selectors("<html><body><script>render()</script></body></html>");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().kind, ErrorKind::empty);
}

}  // namespace
}  // namespace tosdiff
