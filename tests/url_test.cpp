#include "tosdiff/util/url.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace tosdiff {
namespace {

// ---- resolve_url: RFC 3986 section 5.4 --------------------------------------------------

constexpr const char* kRfcBase = "http://a/b/c/d;p?q";

TEST(ResolveUrl, Rfc3986NormalExamples) {
  const std::vector<std::pair<const char*, const char*>> examples = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
  };
  for (const auto& [ref, expected] : examples)
    EXPECT_EQ(resolve_url(kRfcBase, ref), expected) << "reference '" << ref << "'";
}

TEST(ResolveUrl, Rfc3986AbnormalExamples) {
  const std::vector<std::pair<const char*, const char*>> examples = {
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},  // strict parser
  };
  for (const auto& [ref, expected] : examples)
    EXPECT_EQ(resolve_url(kRfcBase, ref), expected) << "reference '" << ref << "'";
}

TEST(ResolveUrl, AbsoluteReferencesIgnoreTheBase) {
  EXPECT_EQ(resolve_url("https://example.com/legal/terms", "https://other.org/privacy"),
            "https://other.org/privacy");
  EXPECT_EQ(resolve_url("https://example.com/legal/terms", "mailto:legal@example.com"),
            "mailto:legal@example.com");
  EXPECT_EQ(resolve_url("https://example.com/a/", "https://other.org/x/../y"), "https://other.org/y");
}

TEST(ResolveUrl, SchemeRelativeTakesTheBaseScheme) {
  EXPECT_EQ(resolve_url("https://example.com/legal/terms", "//cdn.example.net/x.pdf"),
            "https://cdn.example.net/x.pdf");
}

TEST(ResolveUrl, BaseWithoutPathOrWithDirectory) {
  EXPECT_EQ(resolve_url("https://example.com", "privacy"), "https://example.com/privacy");
  EXPECT_EQ(resolve_url("https://example.com/legal/", "privacy"), "https://example.com/legal/privacy");
  EXPECT_EQ(resolve_url("https://example.com/legal/terms#top", "#section-2"),
            "https://example.com/legal/terms#section-2");
}

TEST(ResolveUrl, SurroundingWhitespaceIsTrimmed) {
  EXPECT_EQ(resolve_url("https://example.com/legal/terms", "  privacy\n"),
            "https://example.com/legal/privacy");
}

TEST(ResolveUrl, UnresolvableReferenceIsReturnedUnchanged) {
  EXPECT_EQ(resolve_url("", "privacy"), "privacy");
  EXPECT_EQ(resolve_url("not a url", "/terms"), "/terms");
}

// An href read as a browser reads it (WHATWG): tabs and line breaks dropped, blanks, controls
// and non-ASCII bytes percent-encoded, the same whether the page wrote the link relative or
// absolute (libcurl alone encodes only relative ones, in lowercase, with '+' for a blank in
// a query); the host is left as written.
TEST(ResolveUrl, EncodesLikeABrowser) {
  EXPECT_EQ(resolve_url("https://example.com/de/", "\xC3\xBC"
                        "ber uns?q=\xC3\xA4 b#f g"),
            "https://example.com/de/%C3%BCber%20uns?q=%C3%A4%20b#f%20g");
  EXPECT_EQ(resolve_url("https://example.com/", "https://example.com/de/\xC3\xBC"
                        "ber uns"),
            "https://example.com/de/%C3%BCber%20uns");
  EXPECT_EQ(resolve_url("https://example.com/", "/terms\n/v2\t/x"), "https://example.com/terms/v2/x");
  EXPECT_EQ(resolve_url("https://example.com/", "/a\x01" "b"), "https://example.com/a%01b");
  EXPECT_EQ(resolve_url("https://example.com/", "https://b\xC3\xBC" "cher.de/x"), "https://b\xC3\xBC" "cher.de/x");
  EXPECT_EQ(resolve_url("https://example.com/", "/%7e/%c3%bc"), "https://example.com/%7e/%c3%bc");  // as written
}

// RFC 3986 and WHATWG keep an empty query or fragment; libcurl drops them.
TEST(ResolveUrl, EmptyQueryAndFragmentKept) {
  EXPECT_EQ(resolve_url(kRfcBase, "g?"), "http://a/b/c/g?");
  EXPECT_EQ(resolve_url(kRfcBase, "g#"), "http://a/b/c/g#");
  EXPECT_EQ(resolve_url(kRfcBase, "?"), "http://a/b/c/d;p?");
  EXPECT_EQ(resolve_url(kRfcBase, "#"), "http://a/b/c/d;p?q#");
  EXPECT_EQ(resolve_url(kRfcBase, "//g?#"), "http://g?#");
  EXPECT_EQ(resolve_url("https://example.com/a?", ""), "https://example.com/a?");
}

TEST(ResolveUrl, FragmentOfTheBaseIsNotPartOfItsPath) {
  EXPECT_EQ(resolve_url("https://example.com/a/b#x/y", "c"), "https://example.com/a/c");
  EXPECT_EQ(resolve_url("https://example.com/a/b#x/y", "#z"), "https://example.com/a/b#z");
  EXPECT_EQ(resolve_url("https://example.com/a/b?q=/x/y#f", "?r"), "https://example.com/a/b?r");
}

TEST(ResolveUrl, WhatwgReadingOfHostsAndSlashes) {
  EXPECT_EQ(resolve_url(kRfcBase, "http:///g"), "http://g/");
  EXPECT_EQ(resolve_url("https://example.com/x", "///cdn.example.net/y"), "https://cdn.example.net/y");
  EXPECT_EQ(resolve_url(kRfcBase, "https://example.com:/x"), "https://example.com/x");
  EXPECT_EQ(resolve_url(kRfcBase, "https://0x7f.1/x"), "https://127.0.0.1/x");
  EXPECT_EQ(resolve_url(kRfcBase, "https://[0:0::1]/x"), "https://[::1]/x");
}

TEST(ResolveUrl, OpaqueReferencesAreReturnedAsWritten) {
  EXPECT_EQ(resolve_url(kRfcBase, "tel:+1 555 0100"), "tel:+1 555 0100");
  EXPECT_EQ(resolve_url(kRfcBase, "a:b/../c"), "a:b/../c");
}

TEST(ResolveUrl, InvalidAbsoluteReferenceIsReturnedTrimmed) {
  EXPECT_EQ(resolve_url(kRfcBase, " https://ex ample.com/x "), "https://ex ample.com/x");
  EXPECT_EQ(resolve_url(kRfcBase, "https://example.com:99999/x"), "https://example.com:99999/x");
}

TEST(ResolveUrl, FileBase) {
  EXPECT_EQ(resolve_url("file:///srv/site/terms.html", "privacy.html"), "file:///srv/site/privacy.html");
  EXPECT_EQ(resolve_url("file:///srv/site/terms.html", "../x?y#z"), "file:///srv/x?y#z");
  EXPECT_EQ(resolve_url("file:///srv/site/terms.html", "?y"), "file:///srv/site/terms.html?y");
}

// ---- canonical_link -------------------------------------------------------------------------

TEST(CanonicalLink, HttpBecomesHttpsAndHostIsLowercase) {
  EXPECT_EQ(canonical_link("http://Example.COM/Legal/Terms"), "https://example.com/Legal/Terms");
  EXPECT_EQ(canonical_link("HTTPS://EXAMPLE.com/x"), "https://example.com/x");
}

TEST(CanonicalLink, DefaultPortsDropped) {
  EXPECT_EQ(canonical_link("http://example.com:80/x"), "https://example.com/x");
  EXPECT_EQ(canonical_link("https://example.com:443/x"), "https://example.com/x");
  EXPECT_EQ(canonical_link("https://example.com:8443/x"), "https://example.com:8443/x");
  EXPECT_EQ(canonical_link("http://example.com:8080/x"), "https://example.com:8080/x");
}

TEST(CanonicalLink, TrailingSlashDropped) {
  EXPECT_EQ(canonical_link("https://example.com/legal/"), "https://example.com/legal");
  EXPECT_EQ(canonical_link("https://example.com/"), canonical_link("https://example.com"));
  EXPECT_EQ(canonical_link("https://example.com/legal/?a=1"), "https://example.com/legal?a=1");
}

TEST(CanonicalLink, WwwDropped) {
  EXPECT_EQ(canonical_link("https://www.example.com/terms"), "https://example.com/terms");
  EXPECT_EQ(canonical_link("https://WWW.Example.com/terms"), "https://example.com/terms");
  // Only a leading "www." label.
  EXPECT_EQ(canonical_link("https://wwwexample.com/terms"), "https://wwwexample.com/terms");
}

TEST(CanonicalLink, FragmentDropped) {
  EXPECT_EQ(canonical_link("https://example.com/terms#section-4"), "https://example.com/terms");
  EXPECT_EQ(canonical_link("https://example.com/terms?lang=en#top"), "https://example.com/terms?lang=en");
}

TEST(CanonicalLink, UserinfoDropped) {
  EXPECT_EQ(canonical_link("https://user:secret@example.com/x"), "https://example.com/x");
}

TEST(CanonicalLink, UtmParametersDropped) {
  EXPECT_EQ(canonical_link("https://example.com/terms?utm_source=news&utm_medium=email&utm_campaign=x"),
            "https://example.com/terms");
  EXPECT_EQ(canonical_link("https://example.com/terms?UTM_Source=x&lang=en"), "https://example.com/terms?lang=en");
  EXPECT_EQ(canonical_link("https://example.com/terms?utm_content=a&utm_term=b&utm_id=c"),
            "https://example.com/terms");
}

TEST(CanonicalLink, ClickIdsDropped) {
  EXPECT_EQ(canonical_link("https://example.com/p?gclid=EAIaIQobChMI"), "https://example.com/p");
  EXPECT_EQ(canonical_link("https://example.com/p?fbclid=IwAR2xyz"), "https://example.com/p");
  EXPECT_EQ(canonical_link("https://example.com/p?msclkid=abc"), "https://example.com/p");
  EXPECT_EQ(canonical_link("https://example.com/p?a=1&gclid=x&b=2&fbclid=y"), "https://example.com/p?a=1&b=2");
}

TEST(CanonicalLink, UuidValuedParametersDropped) {
  EXPECT_EQ(canonical_link("https://example.com/p?session=123e4567-e89b-12d3-a456-426614174000&lang=en"),
            "https://example.com/p?lang=en");
  EXPECT_EQ(canonical_link("https://example.com/p?rid=3F2504E0-4F89-11D3-9A0C-0305E82C3301"),
            "https://example.com/p");
}

TEST(CanonicalLink, LongTokenParametersDropped) {
  EXPECT_EQ(canonical_link("https://example.com/p?token=a8f5f167f44f4964e6c998dee827110c"),
            "https://example.com/p");
  EXPECT_EQ(canonical_link("https://example.com/p?nonce=Xy12Ab34Cd56Ef78Gh90"), "https://example.com/p");
  EXPECT_EQ(canonical_link("https://example.com/p?sid=deadbeefcafebabe&page=2"), "https://example.com/p?page=2");
}

TEST(CanonicalLink, Base64TokenWithPaddingDropped) {
  // Standard base64 ends in '=' padding; the header promises "long hex or base64 tokens".
  EXPECT_EQ(canonical_link("https://example.com/p?state=QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
            "https://example.com/p");
}

TEST(CanonicalLink, OrdinaryParametersKept) {
  EXPECT_EQ(canonical_link("https://example.com/p?lang=en&page=2&q=privacy"),
            "https://example.com/p?lang=en&page=2&q=privacy");
  EXPECT_EQ(canonical_link("https://example.com/p?section=termsofserviceandprivacy"),
            "https://example.com/p?section=termsofserviceandprivacy");
  EXPECT_EQ(canonical_link("https://example.com/p?flag"), "https://example.com/p?flag");
  EXPECT_EQ(canonical_link("https://example.com/p?region=en-US"), "https://example.com/p?region=en-US");
}

// A document slug that carries a version number is the link's meaning: a change from v2 to
// v3 must stay visible.
TEST(CanonicalLink, VersionedSlugParameterKept) {
  EXPECT_NE(canonical_link("https://example.com/legal?doc=terms-of-service-v2"),
            canonical_link("https://example.com/legal?doc=terms-of-service-v3"));
}

TEST(CanonicalLink, AllParametersDroppedLeavesNoQuestionMark) {
  std::string out = canonical_link("https://example.com/p?utm_source=a&gclid=b");
  EXPECT_EQ(out.find('?'), std::string::npos) << out;
}

TEST(CanonicalLink, NonHttpUrlsOnlyTrimmed) {
  EXPECT_EQ(canonical_link("  mailto:Legal@Example.com "), "mailto:Legal@Example.com");
  EXPECT_EQ(canonical_link("ftp://Example.com/file/"), "ftp://Example.com/file/");
  EXPECT_EQ(canonical_link("/relative/path/"), "/relative/path/");
}

TEST(CanonicalLink, EquivalentFormsAgree) {
  const std::string a = canonical_link("http://www.example.com:80/terms/?utm_source=x#top");
  const std::string b = canonical_link("https://example.com/terms");
  EXPECT_EQ(a, b);
  EXPECT_EQ(canonical_link(a), a);  // idempotent
}

// The default port of the scheme the link was written with: https on port 80 is another
// origin.
TEST(CanonicalLink, OnlyTheSchemesOwnDefaultPortDropped) {
  EXPECT_EQ(canonical_link("https://example.com:80/x"), "https://example.com:80/x");
  EXPECT_EQ(canonical_link("https://example.com:0443/x"), "https://example.com/x");
}

// An archived link written raw and the same link written encoded compare equal.
TEST(CanonicalLink, PercentEncodingFolded) {
  EXPECT_EQ(canonical_link("https://example.com/\xC3\xBC" "ber?q=\xC3\xA4"), "https://example.com/%C3%BCber?q=%C3%A4");
  EXPECT_EQ(canonical_link("https://example.com/%c3%bc" "ber?q=%c3%a4"), "https://example.com/%C3%BCber?q=%C3%A4");
  EXPECT_EQ(canonical_link("https://example.com/a b"), "https://example.com/a%20b");
}

// Parameter names and values are judged decoded: escapes are not letters and digits.
TEST(CanonicalLink, ParametersJudgedDecoded) {
  EXPECT_EQ(canonical_link("https://example.com/x?%75tm_source=a&lang=en"), "https://example.com/x?lang=en");
  EXPECT_EQ(canonical_link("https://example.com/login?next=https%3A%2F%2Fexample.com%2Fterms"),
            "https://example.com/login?next=https%3A%2F%2Fexample.com%2Fterms");
  EXPECT_EQ(canonical_link("https://example.com/x?doc=Datenschutzerkl%C3%A4rung-f%C3%BCr-Kunden"),
            "https://example.com/x?doc=Datenschutzerkl%C3%A4rung-f%C3%BCr-Kunden");
}

TEST(CanonicalLink, DotSegmentsRemoved) {
  EXPECT_EQ(canonical_link("https://example.com/a/./b/../c/"), "https://example.com/a/c");
}

TEST(CanonicalLink, IdempotentWhenTheHostChangesMeaningWithoutWww) {
  const std::string once = canonical_link("https://www.2/x");
  EXPECT_EQ(canonical_link(once), once);
}

TEST(CanonicalLink, UnparsableUrlsOnlyTrimmed) {
  EXPECT_EQ(canonical_link(" https://ex ample.com/x "), "https://ex ample.com/x");
  EXPECT_EQ(canonical_link("http:g"), "http:g");
}

TEST(CanonicalLink, PathCaseAndDifferentPathsStayDifferent) {
  EXPECT_NE(canonical_link("https://example.com/Terms"), canonical_link("https://example.com/terms"));
  EXPECT_NE(canonical_link("https://example.com/terms?v=1"), canonical_link("https://example.com/terms?v=2"));
}

// ---- url_host / url_scheme -----------------------------------------------------------------

TEST(UrlHost, ExtractsLowercaseHost) {
  EXPECT_EQ(url_host("https://Example.COM/x"), "example.com");
  EXPECT_EQ(url_host("https://user:pw@Example.com:8080/x?y#z"), "example.com");
  EXPECT_EQ(url_host("http://[::1]:8080/x"), "[::1]");
  EXPECT_EQ(url_host("//cdn.example.net/x"), "cdn.example.net");
  EXPECT_EQ(url_host("http://127.0.0.1:1234"), "127.0.0.1");
  EXPECT_EQ(url_host("https://example.com?q=1"), "example.com");
}

TEST(UrlHost, EmptyWhenThereIsNone) {
  EXPECT_EQ(url_host("mailto:someone@example.com"), "");
  EXPECT_EQ(url_host("/just/a/path"), "");
  EXPECT_EQ(url_host("file:///etc/hosts"), "");
  EXPECT_EQ(url_host("https://"), "");
  EXPECT_EQ(url_host(""), "");
}

TEST(UrlHost, EmptyForAnInvalidHostOrPort) {
  EXPECT_EQ(url_host("https://ex ample.com/x"), "");
  EXPECT_EQ(url_host("https://example.com:99999/x"), "");
  EXPECT_EQ(url_host("https://example.com/a b"), "example.com");  // a blank in the path is not the host's
}

TEST(UrlScheme, ExtractsLowercaseScheme) {
  EXPECT_EQ(url_scheme("HTTPS://example.com"), "https");
  EXPECT_EQ(url_scheme("http://example.com"), "http");
  EXPECT_EQ(url_scheme("file:///tmp/x.html"), "file");
  EXPECT_EQ(url_scheme("javascript:void(0)"), "javascript");
  EXPECT_EQ(url_scheme("  ftp://x "), "ftp");
}

TEST(UrlScheme, EmptyWhenThereIsNone) {
  EXPECT_EQ(url_scheme("/relative:colon"), "");
  EXPECT_EQ(url_scheme("page?x=a:b"), "");
  EXPECT_EQ(url_scheme("#frag:x"), "");
  EXPECT_EQ(url_scheme("1http://x"), "");
  EXPECT_EQ(url_scheme(":nothing"), "");
  EXPECT_EQ(url_scheme("a_b:c"), "");  // RFC 3986: letters, digits, '+', '-', '.'
  EXPECT_EQ(url_scheme("a b:c"), "");
  EXPECT_EQ(url_scheme(""), "");
}

}  // namespace
}  // namespace tosdiff
