#include "tosdiff/extract/selector.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace tosdiff {
namespace {

// Owns the parsed tree and the source buffer: gumbo's original_tag points into the latter.
class Doc {
 public:
  explicit Doc(std::string html) : html_(std::move(html)) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    output_ = gumbo_parse_with_options(&options, html_.data(), html_.size());
  }
  ~Doc() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;

  const GumboNode* document() const { return output_->document; }
  const GumboNode* root() const { return output_->root; }

  // Each match named by its id when it has one, else by its tag name: short, readable
  // expectations that still pin document order.
  std::vector<std::string> select(std::string_view text) const {
    Result<Selector> selector = Selector::parse(text);
    EXPECT_TRUE(selector.ok()) << text << ": " << (selector.ok() ? "" : selector.error().message);
    if (!selector.ok()) return {"<parse error>"};
    std::vector<std::string> names;
    for (const GumboNode* node : select_all(document(), *selector)) {
      const char* id = attribute(node, "id");
      names.push_back(id != nullptr ? id : element_name(node));
    }
    return names;
  }

  const GumboNode* by_id(std::string_view id) const {
    Result<Selector> any = Selector::parse("*");
    for (const GumboNode* node : select_all(document(), *any)) {
      const char* value = attribute(node, "id");
      if (value != nullptr && id == value) return node;
    }
    return nullptr;
  }

 private:
  std::string html_;
  GumboOutput* output_ = nullptr;
};

using Names = std::vector<std::string>;

std::string parse_error(std::string_view text) {
  Result<Selector> selector = Selector::parse(text);
  if (selector.ok()) return "<parsed>";
  EXPECT_EQ(selector.error().kind, ErrorKind::selector);
  return selector.error().message;
}

// ---------------------------------------------------------------------------------------
// Parsing

TEST(SelectorParse, AcceptsEverySupportedForm) {
  const char* const kForms[] = {
      "div", "*", "#main", ".note", "DIV", "my-widget", "a.b.c#d",
      "[href]", "[href=x]", "[a~=v]", "[lang|=en]", "[a^=v]", "[a$=v]", "[a*=v]",
      "[a='x y']", "[a=\"x\\\"y\"]", "[a=x i]", "[a=x I]", "[a='x' s]", "[ a = x ]",
      "[a=\"x\"i]", "a b", "a > b", "a>b", "a + b", "a+b", "a ~ b", "a~b",
      "a, b", "a ,b,c", "  a  ", "\ta\n>\fb\r",
      ":not(.a)", ":not(.a, #b)", "a:not(div.x[y]:first-child)", ":not(:not(.a))",
      ":first-child", ":last-child", ":only-child", ":first-of-type", ":last-of-type",
      ":only-of-type", ":empty", ":FIRST-CHILD", ":Not(a)",
      ":nth-child(2n+1)", ":nth-child(2n + 1)", ":nth-child( -n+3 )", ":nth-child(+5)",
      ":nth-child(-5)", ":nth-child(n)", ":nth-child(-n)", ":nth-child(+n)", ":nth-child(odd)",
      ":nth-child(EVEN)", ":nth-child(3n-2)", ":nth-child(3n- 2)", ":nth-child(3n -2)",
      ":nth-child(0n+0)", ":nth-child(2N+1)", ":nth-last-child(2)", ":nth-of-type(2n)",
      ":nth-last-of-type(odd)",
      ".md\\:flex", ".w-1\\/2", "#a\\.b", ".\\31 0", ".\\000031x", "-foo", "--x", "._a",
      ".caf\xc3\xa9", "h1 + p ~ ul > li li",
  };
  for (const char* form : kForms) {
    Result<Selector> selector = Selector::parse(form);
    EXPECT_TRUE(selector.ok()) << "'" << form << "': "
                               << (selector.ok() ? "" : selector.error().message);
    if (selector.ok()) {
      EXPECT_EQ(selector->text(), form);
    }
  }
}

TEST(SelectorParse, RejectsUnsupportedFeaturesByName) {
  EXPECT_EQ(parse_error("a:hover"), "unsupported pseudo-class ':hover' in 'a:hover'");
  EXPECT_EQ(parse_error("p::before"), "unsupported pseudo-element '::before' in 'p::before'");
  EXPECT_EQ(parse_error("p:after"), "unsupported pseudo-element ':after' in 'p:after'");
  EXPECT_EQ(parse_error("div:has(p)"), "unsupported pseudo-class ':has()' in 'div:has(p)'");
  EXPECT_EQ(parse_error(":is(a, b)"), "unsupported pseudo-class ':is()' in ':is(a, b)'");
  EXPECT_EQ(parse_error(":where(a)"), "unsupported pseudo-class ':where()' in ':where(a)'");
  EXPECT_EQ(parse_error(":root"), "unsupported pseudo-class ':root' in ':root'");
  EXPECT_EQ(parse_error("svg|rect"), "unsupported namespace prefix 'svg|' in 'svg|rect'");
  EXPECT_EQ(parse_error("*|a"), "unsupported namespace prefix '*|' in '*|a'");
  EXPECT_EQ(parse_error("|a"), "unsupported namespace prefix '|' in '|a'");
  EXPECT_EQ(parse_error("[xlink|href]"),
            "unsupported namespace prefix 'xlink|' in '[xlink|href]'");
  EXPECT_EQ(parse_error("[*|href]"), "unsupported namespace prefix '*|' in '[*|href]'");
  EXPECT_EQ(parse_error("[a!=b]"), "unsupported attribute operator '!=' at offset 2 in '[a!=b]'");
  EXPECT_EQ(parse_error("[a=b x]"), "unsupported attribute flag 'x' at offset 5 in '[a=b x]'");
  EXPECT_EQ(parse_error("li:nth-child(2n of .a)"),
            "unsupported ':nth-child(An+B of S)' form in 'li:nth-child(2n of .a)'");
  EXPECT_EQ(parse_error(":not(a b)").rfind("unsupported combinator inside ':not()'", 0), 0u);
  EXPECT_EQ(parse_error(":not(a>b)").rfind("unsupported combinator inside ':not()'", 0), 0u);
}

TEST(SelectorParse, RejectsMalformedInputWithOffsets) {
  EXPECT_EQ(parse_error(""), "empty selector in ''");
  EXPECT_EQ(parse_error("   "), "empty selector in '   '");
  EXPECT_EQ(parse_error("a,"), "empty selector in list at offset 2 in 'a,'");
  EXPECT_EQ(parse_error(",a"), "empty selector in list at offset 0 in ',a'");
  EXPECT_EQ(parse_error("a,,b"), "empty selector in list at offset 2 in 'a,,b'");
  EXPECT_EQ(parse_error("div >"), "trailing combinator '>' at offset 4 in 'div >'");
  EXPECT_EQ(parse_error("a + , b"), "trailing combinator '+' at offset 2 in 'a + , b'");
  EXPECT_EQ(parse_error("> a"), "unexpected combinator '>' at offset 0 in '> a'");
  EXPECT_EQ(parse_error("a > > b"), "unexpected combinator '>' at offset 4 in 'a > > b'");
  EXPECT_EQ(parse_error("a)"), "unexpected ')' at offset 1 in 'a)'");
  EXPECT_EQ(parse_error("a]"), "unexpected ']' at offset 1 in 'a]'");
  EXPECT_EQ(parse_error("["), "unterminated '[' at offset 0 in '['");
  EXPECT_EQ(parse_error("a[href="), "missing attribute value after the operator of '[' at offset 1 in 'a[href='");
  EXPECT_EQ(parse_error("[a=\"x\ny\"]"), "unescaped newline in string at offset 5 in '[a=\"x\ny\"]'");
  EXPECT_EQ(parse_error(":nth-child("), "missing ')' to close ':nth-child(' at offset 10 in ':nth-child('");
  EXPECT_EQ(parse_error(":not(.a,"), "empty selector in list at offset 8 in ':not(.a,'");
  EXPECT_EQ(parse_error(":nth-child(2n+)"),
            "invalid argument to ':nth-child()' at offset 14 in ':nth-child(2n+)'");
  EXPECT_EQ(parse_error(":nth-child(+ 5)"),
            "invalid argument to ':nth-child()' at offset 11 in ':nth-child(+ 5)'");
  EXPECT_EQ(parse_error(":nth-child(2 n)"),
            "invalid argument to ':nth-child()' at offset 13 in ':nth-child(2 n)'");
  EXPECT_EQ(parse_error(":nth-child()"),
            "invalid argument to ':nth-child()' at offset 11 in ':nth-child()'");
  EXPECT_EQ(parse_error(":nth-child"),
            "':nth-child' requires an argument in parentheses at offset 0 in ':nth-child'");
  EXPECT_EQ(parse_error(":not()"), "empty selector in list at offset 5 in ':not()'");
  EXPECT_EQ(parse_error("#"), "expected a name after '#' at offset 0 in '#'");
  EXPECT_EQ(parse_error("#1a"), "expected a name after '#' at offset 0 in '#1a'");
  EXPECT_EQ(parse_error(".a."), "expected a name after '.' at offset 2 in '.a.'");
  EXPECT_EQ(parse_error("a:"), "expected a pseudo-class name after ':' at offset 1 in 'a:'");
  EXPECT_EQ(parse_error(".a\\"), "incomplete escape at offset 2 in '.a\\'");
  EXPECT_EQ(parse_error("[a=1]"),
            "attribute value must be an identifier or a quoted string, got '1' at offset 3 in "
            "'[a=1]'");
  EXPECT_EQ(parse_error("*div"), "unexpected 'd' at offset 1 in '*div'");
  EXPECT_EQ(parse_error("a/**/b"), "unexpected '/' at offset 1 in 'a/**/b'");
  EXPECT_EQ(parse_error(std::string_view("a\0b", 3)).rfind("unexpected byte 0x00 at offset 1", 0),
            0u);
}

// CSS Syntax 3: the end of the input closes open strings, brackets and parentheses (a parse
// error that leaves the selector valid). Browsers and nwsapi, which Open Terms Archive's
// engine runs, accept these, and Open Terms Archive declarations use them
// (an attribute selector whose value runs to the end).
TEST(SelectorParse, TheEndOfTheTextClosesWhatIsOpen) {
  Doc doc(R"(<body><img id="gif" src="data:image/gif;base64,AA"><img id="png" src="a.png">
             <a id="x" href="x">x</a><p id="odd" class="a">1</p><p id="even" data-v="x]">2</p>
             <p id="last" data-v="it's">3</p></body>)");
  const std::vector<std::pair<std::string, std::string>> same = {
      {"img[src^='data:image/gif", "img[src^='data:image/gif']"},
      {"img[src^=\"data:image/g", "img[src^=\"data:image/g\"]"},
      {"a[href=\"x\"", "a[href=\"x\"]"},
      {"a[href='x'", "a[href='x']"},
      {"a[href=x i", "a[href=x i]"},
      {"[href", "[href]"},
      {"p:not(.a", "p:not(.a)"},
      {"p:nth-child(2n+1", "p:nth-child(2n+1)"},
      {"p:nth-of-type(odd", "p:nth-of-type(odd)"},
      {"[data-v='x]", "[data-v='x]']"},  // the string runs to the end, ']' included
      {"[data-v='it\\'s", "[data-v=\"it's\"]"},
      {"[data-v='x]\\", "[data-v='x]']"},  // a backslash at the end of a string does nothing
  };
  for (const auto& [open, closed] : same) {
    Result<Selector> parsed = Selector::parse(open);
    ASSERT_TRUE(parsed.ok()) << open << ": " << parsed.error().message;
    EXPECT_EQ(doc.select(open), doc.select(closed)) << open;
    EXPECT_FALSE(doc.select(closed).empty()) << closed;
  }
}

TEST(SelectorParse, BoundsNestingAndLength) {
  std::string nested;
  for (int i = 0; i < 100; ++i) nested += ":not(";
  nested += "a";
  for (int i = 0; i < 100; ++i) nested += ")";
  EXPECT_NE(parse_error(nested).find("nested too deeply"), std::string::npos);

  std::string ok_nesting = ":not(:not(:not(a)))";
  EXPECT_TRUE(Selector::parse(ok_nesting).ok());

  std::string chain = "a";
  for (int i = 0; i < 100000; ++i) chain += " a";
  EXPECT_NE(parse_error(chain).find("too many compound selectors"), std::string::npos);
}

// Random soup of selector characters: parse must return (ok or Error) and matching must
// terminate, whatever comes in. A cheap stand-in until the libFuzzer target exists.
TEST(SelectorParse, SurvivesRandomInput) {
  const std::string alphabet = "ab*#.:[]()=~|^$\"'\\ ,>+-n12ioddevnt\n\xc3\xa9";
  const char* const kWords[] = {":not(", ":nth-child(", ":first-child", "[a", "]", ")", "::"};
  Doc doc("<div id=a class='x y'><p>t</p><span lang=en-US></span></div>");
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  int parsed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::uint32_t length = next() % 24;
    for (std::uint32_t i = 0; i < length; ++i) {
      if (next() % 5 == 0) {
        text += kWords[next() % (sizeof(kWords) / sizeof(kWords[0]))];
      } else {
        text += alphabet[next() % alphabet.size()];
      }
    }
    Result<Selector> selector = Selector::parse(text);
    if (!selector.ok()) {
      EXPECT_EQ(selector.error().kind, ErrorKind::selector);
      EXPECT_NE(selector.error().message.find(text), std::string::npos);
      continue;
    }
    ++parsed;
    select_all(doc.document(), *selector);
  }
  EXPECT_GT(parsed, 100);  // the generator must exercise matching too
}

// ---------------------------------------------------------------------------------------
// Matching: simple selectors

TEST(SelectorMatch, TypeSelectorsAreCaseInsensitive) {
  Doc doc("<div id=d1><P id=p1>x</P><span id=s1></span></div>");
  EXPECT_EQ(doc.select("p"), Names({"p1"}));
  EXPECT_EQ(doc.select("P"), Names({"p1"}));
  EXPECT_EQ(doc.select("SpAn"), Names({"s1"}));
  EXPECT_EQ(doc.select("div *"), Names({"p1", "s1"}));
  EXPECT_EQ(doc.select("*"), Names({"html", "head", "body", "d1", "p1", "s1"}));
}

TEST(SelectorMatch, IdAndClassAreCaseSensitive) {
  Doc doc("<p id=Main class='Note  big\tx'></p><p id=main class=note></p>");
  EXPECT_EQ(doc.select("#Main"), Names({"Main"}));
  EXPECT_EQ(doc.select("#main"), Names({"main"}));
  EXPECT_EQ(doc.select(".Note"), Names({"Main"}));
  EXPECT_EQ(doc.select(".note"), Names({"main"}));
  EXPECT_EQ(doc.select(".big.x"), Names({"Main"}));
  EXPECT_EQ(doc.select(".big.note"), Names({}));
  EXPECT_EQ(doc.select("p#main.note"), Names({"main"}));
  EXPECT_EQ(doc.select("#main#Main"), Names({}));
  EXPECT_EQ(doc.select(".Not"), Names({}));  // a prefix is not a class
}

TEST(SelectorMatch, UnknownTagsMatchByOriginalName) {
  Doc doc(
      "<dialog id=dl open></dialog><my-widget id=w1><x-y id=xy></x-y></my-widget>"
      "<MY-WIDGET id=w2 data-x=1></MY-WIDGET><picture id=pic></picture>");
  EXPECT_EQ(doc.select("dialog"), Names({"dl"}));
  EXPECT_EQ(doc.select("my-widget"), Names({"w1", "w2"}));
  EXPECT_EQ(doc.select("My-Widget[data-x]"), Names({"w2"}));
  EXPECT_EQ(doc.select("my-widget > x-y"), Names({"xy"}));
  EXPECT_EQ(doc.select("picture"), Names({"pic"}));
  EXPECT_EQ(doc.select("my-widge"), Names({}));
  EXPECT_EQ(doc.select("my-widget:first-of-type"), Names({"w1"}));
  EXPECT_EQ(doc.select("my-widget:last-of-type"), Names({"w2"}));
  EXPECT_EQ(element_name(doc.by_id("w2")), "my-widget");
  EXPECT_EQ(element_name(doc.by_id("dl")), "dialog");
}

TEST(SelectorMatch, EscapedTailwindClassesAndIds) {
  Doc doc(
      "<div id=a.b class='md:flex w-1/2 hover:bg-red-500 10 [&>p]:mt-2'></div>"
      "<div id=other class='flex'></div>");
  EXPECT_EQ(doc.select(".md\\:flex"), Names({"a.b"}));
  EXPECT_EQ(doc.select(".w-1\\/2"), Names({"a.b"}));
  EXPECT_EQ(doc.select(".hover\\:bg-red-500"), Names({"a.b"}));
  EXPECT_EQ(doc.select(".\\[\\&\\>p\\]\\:mt-2"), Names({"a.b"}));
  EXPECT_EQ(doc.select("#a\\.b"), Names({"a.b"}));
  EXPECT_EQ(doc.select(".\\31 0"), Names({"a.b"}));   // hex escape, space terminates it
  EXPECT_EQ(doc.select(".\\000031\\30"), Names({"a.b"}));
  EXPECT_EQ(doc.select(".md\\3a flex"), Names({"a.b"}));
  EXPECT_EQ(doc.select(".flex"), Names({"other"}));
}

TEST(SelectorMatch, NonAsciiNames) {
  Doc doc("<p id=p1 class='caf\xc3\xa9'></p><p id=p2 class='\xe2\x9c\x93'></p>");
  EXPECT_EQ(doc.select(".caf\xc3\xa9"), Names({"p1"}));
  EXPECT_EQ(doc.select(".\\2713"), Names({"p2"}));
  EXPECT_EQ(doc.select(".\\\xe2\x9c\x93"), Names({"p2"}));
}

// ---------------------------------------------------------------------------------------
// Matching: attributes

TEST(SelectorMatch, AttributeOperators) {
  Doc doc(
      "<a id=a1 href='https://example.com/terms' lang=en-US class='x y'></a>"
      "<a id=a2 href='/privacy.pdf' lang=en></a>"
      "<a id=a3 lang=english rel=''></a>");
  EXPECT_EQ(doc.select("[href]"), Names({"a1", "a2"}));
  EXPECT_EQ(doc.select("[rel]"), Names({"a3"}));
  EXPECT_EQ(doc.select("[rel='']"), Names({"a3"}));
  EXPECT_EQ(doc.select("[lang=en]"), Names({"a2"}));
  EXPECT_EQ(doc.select("[lang|=en]"), Names({"a1", "a2"}));
  EXPECT_EQ(doc.select("[lang^=en]"), Names({"a1", "a2", "a3"}));
  EXPECT_EQ(doc.select("[href^='https://']"), Names({"a1"}));
  EXPECT_EQ(doc.select("[href$='.pdf']"), Names({"a2"}));
  EXPECT_EQ(doc.select("[href*=example]"), Names({"a1"}));
  EXPECT_EQ(doc.select("[class~=x]"), Names({"a1"}));
  EXPECT_EQ(doc.select("[class~=y]"), Names({"a1"}));
  EXPECT_EQ(doc.select("[class~='x y']"), Names({}));
  EXPECT_EQ(doc.select("[class='x y']"), Names({"a1"}));
  // Empty operands never match for ^= $= *= ~=, per Selectors 3.
  EXPECT_EQ(doc.select("[href^='']"), Names({}));
  EXPECT_EQ(doc.select("[href$='']"), Names({}));
  EXPECT_EQ(doc.select("[href*='']"), Names({}));
  EXPECT_EQ(doc.select("[class~='']"), Names({}));
}

TEST(SelectorMatch, AttributeNamesAreCaseInsensitiveValuesAreNot) {
  Doc doc("<div id=d1 DATA-Role=Main></div><svg id=s1 viewBox='0 0 1 1'></svg>");
  EXPECT_EQ(doc.select("[data-role]"), Names({"d1"}));
  EXPECT_EQ(doc.select("[DATA-ROLE=Main]"), Names({"d1"}));
  EXPECT_EQ(doc.select("[data-role=main]"), Names({}));
  EXPECT_EQ(doc.select("[data-role=main i]"), Names({"d1"}));
  EXPECT_EQ(doc.select("[data-role='MAIN' i]"), Names({"d1"}));
  EXPECT_EQ(doc.select("[data-role^=ma i]"), Names({"d1"}));
  EXPECT_EQ(doc.select("[data-role$=AIN i]"), Names({"d1"}));
  EXPECT_EQ(doc.select("[data-role*=AI i]"), Names({"d1"}));
  EXPECT_EQ(doc.select("[data-role=Main s]"), Names({"d1"}));
  EXPECT_EQ(doc.select("[viewbox]"), Names({"s1"}));  // gumbo keeps SVG's camelCase
  EXPECT_STREQ(attribute(doc.by_id("d1"), "data-role"), "Main");
  EXPECT_EQ(attribute(doc.by_id("d1"), "missing"), nullptr);
}

TEST(SelectorMatch, QuotedValuesWithSpacesAndEscapes) {
  Doc doc(
      "<p id=p1 title='Terms of Service'></p>"
      "<p id=p2 title='say \"hi\"'></p>"
      "<p id=p3 title=\"it's\"></p>"
      "<p id=p4 title='a\\b'></p>");
  EXPECT_EQ(doc.select("[title='Terms of Service']"), Names({"p1"}));
  EXPECT_EQ(doc.select("[title=\"Terms of Service\"]"), Names({"p1"}));
  EXPECT_EQ(doc.select("[title*='of S']"), Names({"p1"}));
  EXPECT_EQ(doc.select("[title=\"say \\\"hi\\\"\"]"), Names({"p2"}));
  EXPECT_EQ(doc.select("[title='say \"hi\"']"), Names({"p2"}));
  EXPECT_EQ(doc.select("[title='it\\'s']"), Names({"p3"}));
  EXPECT_EQ(doc.select("[title='a\\\\b']"), Names({"p4"}));
  EXPECT_EQ(doc.select("[title='Terms\\20of\\20Service']"), Names({"p1"}));
  EXPECT_EQ(doc.select("[title='Terms of \\\nService']"), Names({"p1"}));  // continuation
  EXPECT_EQ(doc.select("[title=Terms\\ of\\ Service]"), Names({"p1"}));
}

// ---------------------------------------------------------------------------------------
// Matching: combinators

TEST(SelectorMatch, DescendantAndChild) {
  Doc doc(
      "<div id=outer><p id=p1>x</p><section id=sec><p id=p2>y</p></section></div>"
      "<p id=p3>z</p>");
  EXPECT_EQ(doc.select("div p"), Names({"p1", "p2"}));
  EXPECT_EQ(doc.select("div > p"), Names({"p1"}));
  EXPECT_EQ(doc.select("section > p"), Names({"p2"}));
  EXPECT_EQ(doc.select("body > p"), Names({"p3"}));
  EXPECT_EQ(doc.select("html p"), Names({"p1", "p2", "p3"}));
  EXPECT_EQ(doc.select("div div"), Names({}));
}

TEST(SelectorMatch, AdjacentAndGeneralSiblingsSkipTextAndComments) {
  Doc doc(
      "<ul id=list><li id=l1>a</li> text <!-- c --> <li id=l2>b</li>\n"
      "<li id=l3>c</li></ul>"
      "<div><h2 id=h>t</h2>text<p id=q1>1</p><span id=s></span><p id=q2>2</p></div>"
      "<p id=q3>outside</p>");
  EXPECT_EQ(doc.select("ul > li + li"), Names({"l2", "l3"}));
  EXPECT_EQ(doc.select("li + li + li"), Names({"l3"}));
  EXPECT_EQ(doc.select("li ~ li"), Names({"l2", "l3"}));
  EXPECT_EQ(doc.select("h2 ~ p"), Names({"q1", "q2"}));
  EXPECT_EQ(doc.select("h2 + p"), Names({"q1"}));
  EXPECT_EQ(doc.select("h2 + span"), Names({}));
  EXPECT_EQ(doc.select("span + p"), Names({"q2"}));
  EXPECT_EQ(doc.select("div ~ p"), Names({"q3"}));
}

TEST(SelectorMatch, LongChainsNeedBacktracking) {
  Doc doc(
      "<div class=a id=a1>"
      "  <div class=b id=b1>"
      "    <div class=a id=a2>"
      "      <section id=sec><ul><li id=li1><span id=sp1></span></li>"
      "                          <li id=li2><span id=sp2></span></li></ul></section>"
      "    </div>"
      "  </div>"
      "</div>");
  EXPECT_EQ(doc.select(".a .b .a span"), Names({"sp1", "sp2"}));
  EXPECT_EQ(doc.select(".a > .b > .a > section ul > li:last-child > span"), Names({"sp2"}));
  EXPECT_EQ(doc.select("html body .a .b .a section ul li + li span"), Names({"sp2"}));
  EXPECT_EQ(doc.select(".b .b span"), Names({}));
  EXPECT_EQ(doc.select(".a > .a span"), Names({}));
  // The nearest ".a" ancestor (a2) is not a child of body: the descendant combinator must
  // keep climbing to a1 instead of giving up after the failed "body >".
  EXPECT_EQ(doc.select("body > .a li"), Names({"li1", "li2"}));
  EXPECT_EQ(doc.select("body > .a .a li"), Names({"li1", "li2"}));
  EXPECT_EQ(doc.select("li + li ~ li"), Names({}));
}

TEST(SelectorMatch, SiblingThenDescendantBacktracking) {
  // "h1 ~ div p": the p's div ancestor that has an h1 before it is not the nearest one.
  Doc doc(
      "<h1></h1><div id=outer><div id=inner><p id=p1></p></div></div>"
      "<section><div id=alone><p id=p2></p></div></section>");
  EXPECT_EQ(doc.select("h1 ~ div p"), Names({"p1"}));
  EXPECT_EQ(doc.select("h1 + div > div > p"), Names({"p1"}));
  EXPECT_EQ(doc.select("h1 ~ div > p"), Names({}));
}

// ---------------------------------------------------------------------------------------
// Matching: pseudo-classes

TEST(SelectorMatch, NotWithList) {
  Doc doc("<p id=p1 class=a></p><p id=b></p><p id=p3></p><p id=p4 class='a c'></p>");
  EXPECT_EQ(doc.select("p:not(.a, #b)"), Names({"p3"}));
  EXPECT_EQ(doc.select("p:not(.a)"), Names({"b", "p3"}));
  EXPECT_EQ(doc.select("p:not(.a):not(#b)"), Names({"p3"}));
  EXPECT_EQ(doc.select("p:not(.a.c)"), Names({"p1", "b", "p3"}));
  EXPECT_EQ(doc.select("p:not(:first-child)"), Names({"b", "p3", "p4"}));
  EXPECT_EQ(doc.select("p:not(:not(.c))"), Names({"p4"}));
  EXPECT_EQ(doc.select("body > :not(p)"), Names({}));
}

TEST(SelectorMatch, NthChild) {
  std::string html = "<ol>";
  for (int i = 1; i <= 6; ++i) {
    html += "<li id=i" + std::to_string(i) + "></li>";
    if (i == 3) html += "text<!--c-->";
  }
  html += "</ol>";
  Doc doc(html);
  EXPECT_EQ(doc.select("li:nth-child(2n+1)"), Names({"i1", "i3", "i5"}));
  EXPECT_EQ(doc.select("li:nth-child( 2n + 1 )"), Names({"i1", "i3", "i5"}));
  EXPECT_EQ(doc.select("li:nth-child(odd)"), Names({"i1", "i3", "i5"}));
  EXPECT_EQ(doc.select("li:nth-child(even)"), Names({"i2", "i4", "i6"}));
  EXPECT_EQ(doc.select("li:nth-child(-n+2)"), Names({"i1", "i2"}));
  EXPECT_EQ(doc.select("li:nth-child(+5)"), Names({"i5"}));
  EXPECT_EQ(doc.select("li:nth-child(3n)"), Names({"i3", "i6"}));
  EXPECT_EQ(doc.select("li:nth-child(3n-1)"), Names({"i2", "i5"}));
  EXPECT_EQ(doc.select("li:nth-child(n+5)"), Names({"i5", "i6"}));
  EXPECT_EQ(doc.select("li:nth-child(-2n+3)"), Names({"i1", "i3"}));
  EXPECT_EQ(doc.select("li:nth-child(0)"), Names({}));
  EXPECT_EQ(doc.select("li:nth-child(-1)"), Names({}));
  EXPECT_EQ(doc.select("li:nth-child(n)"), Names({"i1", "i2", "i3", "i4", "i5", "i6"}));
  EXPECT_EQ(doc.select("li:nth-child(99999999999999999999)"), Names({}));
  EXPECT_EQ(doc.select("li:nth-last-child(2)"), Names({"i5"}));
  EXPECT_EQ(doc.select("li:nth-last-child(-n+2)"), Names({"i5", "i6"}));
  EXPECT_EQ(doc.select("li:first-child"), Names({"i1"}));
  EXPECT_EQ(doc.select("li:last-child"), Names({"i6"}));
  EXPECT_EQ(doc.select("li:only-child"), Names({}));
  EXPECT_EQ(doc.select("ol:only-child"), Names({"ol"}));
}

TEST(SelectorMatch, OfTypePseudoClasses) {
  Doc doc(
      "<div><h2 id=h1></h2><p id=p1></p><h2 id=h2></h2><p id=p2></p><p id=p3></p>"
      "<x-note id=x1></x-note><y-note id=y1></y-note><x-note id=x2></x-note></div>");
  EXPECT_EQ(doc.select("p:first-of-type"), Names({"p1"}));
  EXPECT_EQ(doc.select("p:last-of-type"), Names({"p3"}));
  EXPECT_EQ(doc.select("h2:last-of-type"), Names({"h2"}));
  EXPECT_EQ(doc.select("div > :first-of-type"), Names({"h1", "p1", "x1", "y1"}));
  EXPECT_EQ(doc.select("p:nth-of-type(2)"), Names({"p2"}));
  EXPECT_EQ(doc.select("p:nth-last-of-type(2)"), Names({"p2"}));
  EXPECT_EQ(doc.select(":only-of-type"),
            Names({"html", "head", "body", "div", "y1"}));
  EXPECT_EQ(doc.select("p:first-child"), Names({}));
  EXPECT_EQ(doc.select("x-note:last-of-type"), Names({"x2"}));
}

TEST(SelectorMatch, RootAndEmpty) {
  Doc doc("<div id=e1></div><div id=e2><!-- only a comment --></div><div id=e3> </div>"
          "<div id=e4><span id=e5></span></div>");
  EXPECT_EQ(doc.select("html:first-child"), Names({"html"}));
  EXPECT_EQ(doc.select("html:only-child"), Names({"html"}));
  EXPECT_EQ(doc.select("div:empty"), Names({"e1", "e2"}));
  EXPECT_EQ(doc.select("body :empty"), Names({"e1", "e2", "e5"}));
  EXPECT_EQ(doc.select("head:empty"), Names({"head"}));  // gumbo's implied, childless head
}

TEST(SelectorMatch, SelectorListsReturnEachElementOnceInDocumentOrder) {
  Doc doc("<div id=d1 class=a><p id=p1 class=a></p></div><p id=p2></p>");
  EXPECT_EQ(doc.select("p, div"), Names({"d1", "p1", "p2"}));
  EXPECT_EQ(doc.select(".a, p, #p1, div p"), Names({"d1", "p1", "p2"}));
}

TEST(SelectorMatch, NestedMatchesAreAllReturnedInDocumentOrder) {
  Doc doc("<div id=o><div id=m><div id=i></div></div><div id=s></div></div>");
  EXPECT_EQ(doc.select("div"), Names({"o", "m", "i", "s"}));
  EXPECT_EQ(doc.select("div div"), Names({"m", "i", "s"}));
}

TEST(SelectorMatch, TemplateContentsAreSearched) {
  Doc doc("<template id=t><p id=inner class=x></p></template>");
  EXPECT_EQ(doc.select("template"), Names({"t"}));
  EXPECT_EQ(doc.select("template > p.x"), Names({"inner"}));
  EXPECT_EQ(element_name(doc.by_id("t")), "template");
}

TEST(SelectorMatch, NonElementsNeverMatch) {
  Doc doc("<p id=p1>text<!--c--></p>");
  Result<Selector> any = Selector::parse("*");
  ASSERT_TRUE(any.ok());
  const GumboNode* p = doc.by_id("p1");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(any->matches(doc.document()));
  EXPECT_FALSE(any->matches(nullptr));
  EXPECT_FALSE(any->matches(static_cast<const GumboNode*>(p->v.element.children.data[0])));
  EXPECT_TRUE(any->matches(p));
  EXPECT_EQ(element_name(doc.document()), "");
  EXPECT_EQ(attribute(doc.document(), "id"), nullptr);
  // A subtree root is included when it matches.
  std::vector<const GumboNode*> self = select_all(p, *any);
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0], p);
  EXPECT_TRUE(select_all(nullptr, *any).empty());
}

TEST(SelectorMatch, CopiesAndMovesKeepWorking) {
  Doc doc("<p id=p1 class=a></p>");
  Result<Selector> parsed = Selector::parse(".a");
  ASSERT_TRUE(parsed.ok());
  Selector copy = *parsed;
  Selector moved = std::move(*parsed);
  Selector assigned = copy;
  assigned = moved;
  EXPECT_TRUE(copy.matches(doc.by_id("p1")));
  EXPECT_TRUE(moved.matches(doc.by_id("p1")));
  EXPECT_TRUE(assigned.matches(doc.by_id("p1")));
  EXPECT_EQ(assigned.text(), ".a");
}

TEST(SelectorMatch, DeeplyNestedDocumentDoesNotExhaustTheStack) {
  constexpr int kDepth = 5000;
  std::string html;
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "<p id=deep class=x>leaf</p>";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  Doc doc(html);

  Result<Selector> divs = Selector::parse("div");
  ASSERT_TRUE(divs.ok());
  EXPECT_EQ(select_all(doc.document(), *divs).size(), static_cast<std::size_t>(kDepth));
  EXPECT_EQ(doc.select("body > div > div > div div div p.x:only-child"), Names({"deep"}));
  EXPECT_EQ(doc.select("div:only-child > p"), Names({"deep"}));
  EXPECT_EQ(doc.select("body > div"), Names({"div"}));
  EXPECT_EQ(doc.select("section p"), Names({}));
  // Every div walks all its ancestors looking for a span: quadratic but must not recurse.
  EXPECT_EQ(doc.select("span div"), Names({}));
}

}  // namespace
}  // namespace tosdiff
