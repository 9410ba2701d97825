#include "tosdiff/catalog/catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "tosdiff/util/clock.hpp"
#include "tosdiff/util/did_you_mean.hpp"
#include "tosdiff/util/sha256.hpp"

namespace tosdiff {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "tosdiff-catalog-test-XXXXXX").string();
    char* made = ::mkdtemp(pattern.data());
    if (made == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  void write(const std::string& name, const std::string& content) const {
    std::ofstream out(path_ / name, std::ios::binary);
    out << content;
  }

 private:
  fs::path path_;
};

ParsedDeclaration parse(const std::string& json, const std::string& stem = "example") {
  return parse_declaration(json, stem, stem + ".json");
}

std::vector<Diagnostic> errors_of(const ParsedDeclaration& p) {
  std::vector<Diagnostic> out;
  for (const auto& d : p.diagnostics)
    if (d.severity == Diagnostic::Severity::error) out.push_back(d);
  return out;
}

std::vector<Diagnostic> warnings_of(const ParsedDeclaration& p) {
  std::vector<Diagnostic> out;
  for (const auto& d : p.diagnostics)
    if (d.severity == Diagnostic::Severity::warning) out.push_back(d);
  return out;
}

std::string dump(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics)
    out += std::string(d.severity == Diagnostic::Severity::error ? "error " : "warning ") + d.origin + " [" +
           d.location + "] " + d.message + "\n";
  return out;
}

const DocumentSpec* find_doc(const Platform& platform, const std::string& id) {
  for (const auto& d : platform.documents)
    if (d.document_id == id) return &d;
  return nullptr;
}

std::string css(const SelectorSpec& spec) {
  const auto* s = std::get_if<std::string>(&spec);
  return s ? *s : "<range>";
}

// ---- slugify / is_valid_id --------------------------------------------------------------------

TEST(Slugify, Examples) {
  EXPECT_EQ(slugify("Claude.ai"), "claude-ai");
  EXPECT_EQ(slugify("AI21 Labs"), "ai21-labs");
  EXPECT_EQ(slugify("Terms of Service"), "terms-of-service");
  EXPECT_EQ(slugify("Privacy  Policy"), "privacy-policy");
  EXPECT_EQ(slugify("Developer/API Terms"), "developer-api-terms");
  EXPECT_EQ(slugify("already-a-slug"), "already-a-slug");
  EXPECT_EQ(slugify("23andMe"), "23andme");
}

TEST(Slugify, EdgeCases) {
  EXPECT_EQ(slugify("  --\xC3\x84-- "), "a");  // a letter with a diacritic, then its base letter
  EXPECT_EQ(slugify(""), "");
  EXPECT_EQ(slugify("---"), "");
  EXPECT_EQ(slugify("--a--b--"), "a-b");
  EXPECT_EQ(slugify("  Trailing. "), "trailing");
  EXPECT_EQ(slugify("Caf\xC3\xA9 Terms"), "cafe-terms");
  EXPECT_EQ(slugify("A_B"), "a-b");
}

TEST(Slugify, ResultIsAlwaysAValidIdOrEmpty) {
  for (const char* text : {"Claude.ai", "  --\xC3\x84-- ", "X (Twitter)", "Meta AI", "...", "a", "1"}) {
    std::string slug = slugify(text);
    EXPECT_TRUE(slug.empty() || is_valid_id(slug)) << text << " -> " << slug;
  }
}

TEST(IsValidId, AcceptsAndRejects) {
  EXPECT_TRUE(is_valid_id("a"));
  EXPECT_TRUE(is_valid_id("ai21"));
  EXPECT_TRUE(is_valid_id("terms-of-service"));
  EXPECT_TRUE(is_valid_id("0"));
  EXPECT_TRUE(is_valid_id(std::string(64, 'x')));
  EXPECT_FALSE(is_valid_id(std::string(65, 'x')));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("-a"));
  EXPECT_FALSE(is_valid_id("a-"));
  EXPECT_FALSE(is_valid_id("A"));
  EXPECT_FALSE(is_valid_id("a_b"));
  EXPECT_FALSE(is_valid_id("a.b"));
  EXPECT_FALSE(is_valid_id("a/b"));
  EXPECT_FALSE(is_valid_id(".."));
  EXPECT_FALSE(is_valid_id("a b"));
  EXPECT_FALSE(is_valid_id(std::string("a\0", 2)));
}

// ---- parse_declaration ----------------------------------------------------------------------

TEST(ParseDeclaration, MinimalDeclaration) {
  auto p = parse(R"({"name": "Example Corp", "terms": {"Terms of Service": {"fetch": "https://example.com/tos"}}})",
                 "Example Corp");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_TRUE(p.diagnostics.empty()) << dump(p.diagnostics);
  EXPECT_EQ(p.platform.id, "example-corp");
  EXPECT_EQ(p.platform.name, "Example Corp");
  EXPECT_EQ(p.platform.origin, "Example Corp.json");
  ASSERT_EQ(p.platform.documents.size(), 1u);
  const DocumentSpec& d = p.platform.documents[0];
  EXPECT_EQ(d.platform_id, "example-corp");
  EXPECT_EQ(d.platform_name, "Example Corp");
  EXPECT_EQ(d.document_id, "terms-of-service");
  EXPECT_EQ(d.terms_type, "Terms of Service");
  EXPECT_EQ(d.key(), "example-corp/terms-of-service");
  EXPECT_EQ(d.title(), "Example Corp \xE2\x80\x94 Terms of Service");
  ASSERT_EQ(d.sources.size(), 1u);
  EXPECT_EQ(d.sources[0].url, "https://example.com/tos");
  EXPECT_TRUE(d.sources[0].select.empty());
  EXPECT_TRUE(d.sources[0].remove.empty());
  EXPECT_TRUE(d.sources[0].filters.empty());
  EXPECT_FALSE(d.sources[0].execute_client_scripts);
  EXPECT_FALSE(d.allow_file_urls);
  EXPECT_FALSE(d.compare_links);
}

TEST(ParseDeclaration, OlderDocumentsKey) {
  auto p = parse(R"({"name": "Old", "documents": {"Privacy Policy": {"fetch": "https://example.com/privacy"}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  ASSERT_EQ(p.platform.documents.size(), 1u);
  EXPECT_EQ(p.platform.documents[0].document_id, "privacy-policy");
}

TEST(ParseDeclaration, SelectAndRemoveAsStringsAndArrays) {
  auto p = parse(R"({"name": "S", "terms": {
      "Terms of Service": {"fetch": "https://example.com/a", "select": "main", "remove": ".ad"},
      "Privacy Policy": {"fetch": "https://example.com/b", "select": ["article", "#extra"],
                         "remove": [".banner", "footer .links"]}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  const DocumentSpec* tos = find_doc(p.platform, "terms-of-service");
  const DocumentSpec* pp = find_doc(p.platform, "privacy-policy");
  ASSERT_TRUE(tos && pp);
  ASSERT_EQ(tos->sources[0].select.size(), 1u);
  EXPECT_EQ(css(tos->sources[0].select[0]), "main");
  ASSERT_EQ(tos->sources[0].remove.size(), 1u);
  EXPECT_EQ(css(tos->sources[0].remove[0]), ".ad");
  ASSERT_EQ(pp->sources[0].select.size(), 2u);
  EXPECT_EQ(css(pp->sources[0].select[0]), "article");
  EXPECT_EQ(css(pp->sources[0].select[1]), "#extra");
  ASSERT_EQ(pp->sources[0].remove.size(), 2u);
  EXPECT_EQ(css(pp->sources[0].remove[1]), "footer .links");
}

TEST(ParseDeclaration, RangeSelectorObjects) {
  auto p = parse(R"({"name": "R", "terms": {"Terms": {"fetch": "https://example.com/",
      "select": [{"startAfter": "#begin", "endBefore": "#end"}, "main"],
      "remove": {"startBefore": "h2.ads", "endAfter": "p.ads-end"}}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  const SourceSpec& s = p.platform.documents.at(0).sources.at(0);
  ASSERT_EQ(s.select.size(), 2u);
  const auto* range = std::get_if<RangeSelector>(&s.select[0]);
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(range->start_after, "#begin");
  EXPECT_EQ(range->end_before, "#end");
  EXPECT_TRUE(range->start_before.empty());
  EXPECT_TRUE(range->end_after.empty());
  EXPECT_EQ(css(s.select[1]), "main");
  ASSERT_EQ(s.remove.size(), 1u);
  const auto* remove = std::get_if<RangeSelector>(&s.remove[0]);
  ASSERT_NE(remove, nullptr);
  EXPECT_EQ(remove->start_before, "h2.ads");
  EXPECT_EQ(remove->end_after, "p.ads-end");
}

TEST(ParseDeclaration, BadRangeSelectorsAreErrors) {
  auto both_starts = parse(R"({"name": "R", "terms": {"Terms": {"fetch": "https://example.com/",
      "select": {"startAfter": "#a", "startBefore": "#b", "endBefore": "#c"}}}})");
  EXPECT_FALSE(both_starts.ok());
  auto no_end = parse(R"({"name": "R", "terms": {"Terms": {"fetch": "https://example.com/",
      "select": {"startAfter": "#a"}}}})");
  EXPECT_FALSE(no_end.ok());
  auto unknown_key = parse(R"({"name": "R", "terms": {"Terms": {"fetch": "https://example.com/",
      "select": {"startAfter": "#a", "endBefore": "#b", "middle": "#c"}}}})");
  EXPECT_FALSE(unknown_key.ok());
  auto not_string = parse(R"({"name": "R", "terms": {"Terms": {"fetch": "https://example.com/",
      "select": {"startAfter": 3, "endBefore": "#b"}}}})");
  EXPECT_FALSE(not_string.ok());
  auto number = parse(R"({"name": "R", "terms": {"Terms": {"fetch": "https://example.com/", "select": 42}}})");
  EXPECT_FALSE(number.ok());
}

TEST(ParseDeclaration, CombineInheritsAndOverridesSelectRemoveAndFilter) {
  auto p = parse(R"({"name": "C", "terms": {"Privacy Policy": {
      "select": ["main"], "remove": [".nav"], "filter": ["removeTrackers"],
      "combine": [
        {"fetch": "https://example.com/one"},
        {"fetch": "https://example.com/two", "select": ".article", "remove": []},
        {"fetch": "https://example.com/three", "filter": []}
      ]}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  const DocumentSpec& d = p.platform.documents.at(0);
  ASSERT_EQ(d.sources.size(), 3u);
  EXPECT_EQ(d.sources[0].url, "https://example.com/one");
  ASSERT_EQ(d.sources[0].select.size(), 1u);
  EXPECT_EQ(css(d.sources[0].select[0]), "main");
  ASSERT_EQ(d.sources[0].remove.size(), 1u);
  EXPECT_EQ(css(d.sources[0].remove[0]), ".nav");
  EXPECT_EQ(d.sources[0].filters, std::vector<std::string>{"removeTrackers"});

  ASSERT_EQ(d.sources[1].select.size(), 1u);
  EXPECT_EQ(css(d.sources[1].select[0]), ".article");
  EXPECT_TRUE(d.sources[1].remove.empty());
  EXPECT_EQ(d.sources[1].filters, std::vector<std::string>{"removeTrackers"});

  EXPECT_EQ(css(d.sources[2].select.at(0)), "main");
  EXPECT_TRUE(d.sources[2].filters.empty());
}

TEST(ParseDeclaration, CombineErrors) {
  EXPECT_FALSE(parse(R"({"name": "C", "terms": {"T": {"combine": []}}})").ok());
  EXPECT_FALSE(parse(R"({"name": "C", "terms": {"T": {"combine": [{"select": "main"}]}}})").ok());
  EXPECT_FALSE(parse(R"({"name": "C", "terms": {"T": {"combine": "https://example.com"}}})").ok());
  EXPECT_FALSE(
      parse(R"({"name": "C", "terms": {"T": {"fetch": "https://example.com", "combine": [{"fetch": "https://e.com"}]}}})")
          .ok());
  EXPECT_FALSE(parse(R"({"name": "C", "terms": {"T": {"select": "main"}}})").ok());
}

TEST(ParseDeclaration, IdOverride) {
  auto p = parse(R"({"name": "Whatever Name", "id": "custom-id", "terms": {"T": {"fetch": "https://example.com"}}})",
                 "file-stem");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_EQ(p.platform.id, "custom-id");
  EXPECT_EQ(p.platform.documents.at(0).platform_id, "custom-id");
}

TEST(ParseDeclaration, InvalidIdIsAnError) {
  for (const char* id : {"\"Bad Id\"", "\"../x\"", "\"\"", "42", "\"-x\""}) {
    auto p = parse(std::string(R"({"name": "N", "id": )") + id + R"(, "terms": {"T": {"fetch": "https://example.com"}}})");
    EXPECT_FALSE(p.ok()) << id;
    auto errors = errors_of(p);
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].location, "id");
  }
}

TEST(ParseDeclaration, FileStemWithoutLatinLettersGetsAHashId) {
  auto accented = parse(R"({"name": "N", "terms": {"T": {"fetch": "https://example.com"}}})", "\xC3\x84\xC3\x96");
  ASSERT_TRUE(accented.ok()) << dump(accented.diagnostics);
  EXPECT_EQ(accented.platform.id, "ao");
  auto cjk = parse(R"({"name": "N", "terms": {"T": {"fetch": "https://example.com"}}})", "\xE5\xBE\xAE\xE4\xBF\xA1");
  ASSERT_TRUE(cjk.ok()) << dump(cjk.diagnostics);
  EXPECT_EQ(cjk.platform.id, id_from_name("\xE5\xBE\xAE\xE4\xBF\xA1"));
  EXPECT_EQ(cjk.platform.id.rfind("x-", 0), 0u) << cjk.platform.id;
}

TEST(ParseDeclaration, TermsTypeWithoutLettersGetsAHashIdAndDuplicatesAreErrors) {
  auto p = parse(R"({"name": "N", "terms": {"!!!": {"fetch": "https://example.com"}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_EQ(p.platform.documents.at(0).document_id, id_from_name("!!!"));
  auto dup = parse(R"({"name": "N", "terms": {"Terms of Use": {"fetch": "https://example.com/a"},
                                             "terms-of-use": {"fetch": "https://example.com/b"}}})");
  EXPECT_FALSE(dup.ok()) << "two terms types with the same id";
}

TEST(ParseDeclaration, UnknownFilterNamesAreWarnings) {
  auto p = parse(R"({"name": "F", "terms": {"T": {"fetch": "https://example.com",
      "filter": ["removeShareButtons", "someUnknownFilter"]}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_EQ(warnings_of(p).size(), 2u) << dump(p.diagnostics);
  EXPECT_EQ(p.platform.documents.at(0).sources.at(0).filters,
            (std::vector<std::string>{"removeShareButtons", "someUnknownFilter"}));
  EXPECT_NE(warnings_of(p)[1].message.find("someUnknownFilter"), std::string::npos);
  EXPECT_EQ(warnings_of(p)[1].location, "terms.T.filter[1]");
}

TEST(ParseDeclaration, FilterGivenAsObjectIsAWarning) {
  auto p = parse(R"({"name": "F", "terms": {"T": {"fetch": "https://example.com",
      "filter": [{"removeQueryParams": ["utm_source", "ref"]}]}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  auto warnings = warnings_of(p);
  ASSERT_EQ(warnings.size(), 1u) << dump(p.diagnostics);
  EXPECT_NE(warnings[0].message.find("removeQueryParams"), std::string::npos);
  EXPECT_EQ(p.platform.documents.at(0).sources.at(0).filters, std::vector<std::string>{"removeQueryParams"});
}

TEST(ParseDeclaration, FilterNotAnArrayIsAnError) {
  EXPECT_FALSE(parse(R"({"name": "F", "terms": {"T": {"fetch": "https://example.com", "filter": "x"}}})").ok());
  EXPECT_FALSE(parse(R"({"name": "F", "terms": {"T": {"fetch": "https://example.com", "filter": [3]}}})").ok());
}

// The page is rendered in headless Chromium: nothing to warn about.
TEST(ParseDeclaration, ExecuteClientScriptsIsReadWithoutAWarning) {
  auto p = parse(R"({"name": "E", "terms": {"T": {"fetch": "https://example.com", "executeClientScripts": true}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_EQ(warnings_of(p).size(), 0u);
  EXPECT_TRUE(p.platform.documents.at(0).sources.at(0).execute_client_scripts);
  EXPECT_FALSE(parse(R"({"name": "E", "terms": {"T": {"fetch": "https://example.com", "executeClientScripts": "yes"}}})")
                   .ok());
}

TEST(ParseDeclaration, UnknownTopLevelKeyIsAWarning) {
  auto p = parse(R"({"name": "U", "homepage": "x", "terms": {"T": {"fetch": "https://example.com"}}})");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(warnings_of(p).size(), 1u);
  EXPECT_EQ(warnings_of(p)[0].location, "homepage");
}

TEST(ParseDeclaration, InvalidCssSelectorIsAnErrorNamingIt) {
  auto p = parse(R"({"name": "S", "terms": {"Terms of Service": {"fetch": "https://example.com",
      "select": ["main", "a:hover"], "remove": "div::before"}}})");
  EXPECT_TRUE(p.ok());  // errors of the document, not of the platform (OtaCatalog below)
  auto errors = errors_of(p);
  ASSERT_EQ(errors.size(), 2u) << dump(p.diagnostics);
  EXPECT_EQ(errors[0].document_id, "terms-of-service");
  EXPECT_EQ(errors[1].document_id, "terms-of-service");
  EXPECT_EQ(errors[0].location, "terms.Terms of Service.select[1]");
  EXPECT_NE(errors[0].message.find("a:hover"), std::string::npos) << errors[0].message;
  EXPECT_EQ(errors[1].location, "terms.Terms of Service.remove");
  EXPECT_NE(errors[1].message.find("div::before"), std::string::npos) << errors[1].message;
  EXPECT_EQ(errors[0].origin, "example.json");
}

// A range is a structure: a bad part of it is the declaration's error, not the content's.
TEST(ParseDeclaration, InvalidSelectorInsideARangeIsAnError) {
  auto p = parse(R"j({"name": "S", "terms": {"T": {"fetch": "https://example.com",
      "select": {"startAfter": "h2:has(a)", "endBefore": "#end"}}}})j");
  EXPECT_FALSE(p.ok());
  auto errors = errors_of(p);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].message.find(":has"), std::string::npos) << errors[0].message;
}

TEST(ParseDeclaration, FileUrlNeedsAllowFileUrls) {
  auto refused = parse(R"({"name": "F", "terms": {"T": {"fetch": "file:///tmp/page.html"}}})");
  EXPECT_FALSE(refused.ok());
  auto errors = errors_of(refused);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("allowFileUrls"), std::string::npos);
  EXPECT_EQ(errors[0].location, "terms.T.fetch");

  auto allowed = parse(R"({"name": "F", "allowFileUrls": true, "terms": {"T": {"fetch": "file:///tmp/page.html"}}})");
  ASSERT_TRUE(allowed.ok()) << dump(allowed.diagnostics);
  EXPECT_TRUE(allowed.platform.documents.at(0).allow_file_urls);
  EXPECT_EQ(allowed.platform.documents.at(0).sources.at(0).url, "file:///tmp/page.html");

  auto per_terms = parse(R"({"name": "F", "terms": {"T": {"allowFileUrls": true, "fetch": "file:///tmp/page.html"},
                                                  "U": {"fetch": "file:///tmp/other.html"}}})");
  EXPECT_FALSE(per_terms.ok());
  EXPECT_EQ(errors_of(per_terms).size(), 1u) << dump(per_terms.diagnostics);
  EXPECT_EQ(errors_of(per_terms).at(0).location, "terms.U.fetch");
}

TEST(ParseDeclaration, NonHttpSchemesAreErrors) {
  for (const char* url : {"ftp://example.com/terms", "gopher://x", "javascript:alert(1)", "example.com/terms",
                          "https://", "", "/relative"}) {
    auto p = parse(std::string(R"({"name": "N", "terms": {"T": {"fetch": ")") + url + R"("}}})");
    EXPECT_FALSE(p.ok()) << url;
  }
  EXPECT_FALSE(parse(R"({"name": "N", "terms": {"T": {"fetch": 7}}})").ok());
}

TEST(ParseDeclaration, CompareLinksFlag) {
  auto p = parse(R"({"name": "L", "compareLinks": true, "terms": {
      "A": {"fetch": "https://example.com/a"},
      "B": {"fetch": "https://example.com/b", "compareLinks": false}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_TRUE(find_doc(p.platform, "a")->compare_links);
  EXPECT_FALSE(find_doc(p.platform, "b")->compare_links);
  EXPECT_FALSE(parse(R"({"name": "L", "compareLinks": "yes", "terms": {"A": {"fetch": "https://example.com"}}})").ok());
}

TEST(ParseDeclaration, MissingNameOrTerms) {
  auto no_name = parse(R"({"terms": {"T": {"fetch": "https://example.com"}}})");
  EXPECT_FALSE(no_name.ok());
  EXPECT_EQ(errors_of(no_name).at(0).location, "name");
  EXPECT_FALSE(parse(R"({"name": "", "terms": {"T": {"fetch": "https://example.com"}}})").ok());
  EXPECT_FALSE(parse(R"({"name": 5, "terms": {"T": {"fetch": "https://example.com"}}})").ok());
  auto no_terms = parse(R"({"name": "N"})");
  EXPECT_FALSE(no_terms.ok());
  EXPECT_EQ(errors_of(no_terms).at(0).location, "terms");
  EXPECT_FALSE(parse(R"({"name": "N", "terms": {}})").ok());
  EXPECT_FALSE(parse(R"({"name": "N", "terms": []})").ok());
  EXPECT_FALSE(parse(R"({"name": "N", "terms": {"T": "https://example.com"}})").ok());
}

TEST(ParseDeclaration, NotJson) {
  for (const char* text : {"", "{", "not json", "{\"name\": \"x\",}", "[1, 2]", "\"string\"", "null"}) {
    auto p = parse(text);
    EXPECT_FALSE(p.ok()) << text;
    EXPECT_FALSE(errors_of(p).empty()) << text;
  }
}

TEST(ParseDeclaration, EveryProblemIsCollected) {
  auto p = parse(R"({"id": "Bad Id", "terms": {
      "Terms of Service": {"fetch": "ftp://example.com/tos", "select": "a:hover"},
      "Privacy Policy": {"fetch": "file:///etc/passwd", "remove": ["::marker"]},
      "Cookie Policy": {"fetch": "https://example.com/cookies", "filter": ["x"]}}})");
  EXPECT_FALSE(p.ok());
  auto errors = errors_of(p);
  std::vector<std::string> where;
  for (const auto& e : errors) where.push_back(e.location);
  std::sort(where.begin(), where.end());
  EXPECT_EQ(where, (std::vector<std::string>{"id", "name", "terms.Privacy Policy.fetch", "terms.Privacy Policy.remove[0]",
                                             "terms.Terms of Service.fetch", "terms.Terms of Service.select"}))
      << dump(p.diagnostics);
  EXPECT_EQ(warnings_of(p).size(), 1u) << dump(p.diagnostics);
}

// ---- Catalog -----------------------------------------------------------------------------------

TEST(Catalog, BuiltInCatalogLoadsWithoutErrors) {
  Catalog catalog = Catalog::load({});
  EXPECT_FALSE(catalog.has_errors()) << dump(catalog.diagnostics());
  EXPECT_GE(catalog.platforms().size(), 40u);
  const Platform* ai21 = catalog.find("ai21");
  ASSERT_NE(ai21, nullptr);
  EXPECT_TRUE(ai21->built_in);
  EXPECT_EQ(ai21->name, "AI21 Labs");
  EXPECT_NE(find_doc(*ai21, "terms-of-use"), nullptr);
  EXPECT_NE(find_doc(*ai21, "privacy-policy"), nullptr);
  EXPECT_EQ(find_doc(*ai21, "terms-of-use")->sources.at(0).url, "https://www.ai21.com/terms-policies/terms-of-use/");
  EXPECT_TRUE(catalog.user_platforms().empty());
  EXPECT_EQ(catalog.find("no-such-platform"), nullptr);
}

TEST(Catalog, BuiltInPlatformIdsAreUniqueAndValid) {
  Catalog catalog = Catalog::load({});
  std::vector<std::string> ids;
  for (const Platform& p : catalog.platforms()) {
    EXPECT_TRUE(is_valid_id(p.id)) << p.id;
    EXPECT_FALSE(p.documents.empty()) << p.id;
    for (const DocumentSpec& d : p.documents) {
      EXPECT_TRUE(is_valid_id(d.document_id)) << d.key();
      EXPECT_FALSE(d.sources.empty()) << d.key();
    }
    ids.push_back(p.id);
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
  EXPECT_EQ(ids.size(), builtin_declarations().size());
}

TEST(Catalog, UserDeclarationMergesIntoTheBuiltInAndSkipsOtherFiles) {
  TempDir dir;
  dir.write("my-ai21.json", R"j({"name": "AI21 (mine)", "id": "ai21",
      "terms": {"Only Terms": {"fetch": "https://example.com/mine"}}})j");
  dir.write("ai21.history.json", "this is not even JSON");  // no ai21.json beside it: not read
  dir.write("notes.txt", "{ not json }");
  dir.write("README.md", "# readme");
  dir.write(".hidden.json", "{ broken");
  dir.write("local.json", R"({"name": "Local Co", "terms": {"Terms": {"fetch": "https://local.example/terms"}}})");
  Catalog catalog = Catalog::load({dir.path()});
  EXPECT_FALSE(catalog.has_errors()) << dump(catalog.diagnostics());
  const Platform* ai21 = catalog.find("ai21");
  ASSERT_NE(ai21, nullptr);
  EXPECT_FALSE(ai21->built_in);
  EXPECT_EQ(ai21->name, "AI21 (mine)");
  // Per document: the built-in documents stay, the user's is added.
  ASSERT_NE(find_doc(*ai21, "only-terms"), nullptr);
  ASSERT_NE(find_doc(*ai21, "terms-of-use"), nullptr);
  EXPECT_EQ(find_doc(*ai21, "terms-of-use")->origin, "built-in:ai21.json");
  EXPECT_EQ(find_doc(*ai21, "only-terms")->origin, (dir.path() / "my-ai21.json").string());
  for (const DocumentSpec& d : ai21->documents) EXPECT_EQ(d.platform_name, "AI21 (mine)") << d.key();
  EXPECT_EQ(std::count_if(catalog.platforms().begin(), catalog.platforms().end(),
                          [](const Platform& p) { return p.id == "ai21"; }),
            1);
  ASSERT_EQ(catalog.shadows().size(), 1u);
  EXPECT_EQ(catalog.shadows()[0].shadowed, "built-in:ai21.json");
  EXPECT_TRUE(catalog.shadows()[0].replaced.empty());
  EXPECT_EQ(catalog.shadows()[0].added, std::vector<std::string>{"only-terms"});
  const Platform* local = catalog.find("local");
  ASSERT_NE(local, nullptr);
  auto users = catalog.user_platforms();
  ASSERT_EQ(users.size(), 2u);
  for (const auto& d : catalog.diagnostics()) {
    EXPECT_EQ(d.origin.find("history"), std::string::npos) << dump(catalog.diagnostics());
    EXPECT_EQ(d.origin.find("notes.txt"), std::string::npos) << dump(catalog.diagnostics());
    EXPECT_EQ(d.origin.find(".hidden"), std::string::npos) << dump(catalog.diagnostics());
  }
}

TEST(Catalog, BrokenUserDeclarationIsReportedAndLeftOut) {
  TempDir dir;
  dir.write("broken.json", R"({"name": "Broken", "terms": {"T": {"fetch": "ftp://x"}}})");
  dir.write("fine.json", R"({"name": "Fine", "terms": {"T": {"fetch": "https://fine.example"}}})");
  Catalog catalog = Catalog::load({dir.path()});
  EXPECT_TRUE(catalog.has_errors());
  EXPECT_FALSE(catalog.has_catalog_errors());
  EXPECT_TRUE(catalog.is_broken("broken"));
  EXPECT_FALSE(catalog.is_broken("fine"));
  EXPECT_EQ(catalog.broken_platforms(), std::vector<std::string>{"broken"});
  EXPECT_EQ(catalog.find("broken"), nullptr);
  EXPECT_NE(catalog.find("fine"), nullptr);
  bool named = false;
  for (const auto& d : catalog.diagnostics())
    if (d.origin.find("broken.json") != std::string::npos) named = true;
  EXPECT_TRUE(named) << dump(catalog.diagnostics());
}

TEST(Catalog, BrokenUserDeclarationDoesNotRemoveTheBuiltIn) {
  TempDir dir;
  dir.write("ai21.json", R"({"name": "AI21", "id": "ai21", "terms": {}})");
  Catalog catalog = Catalog::load({dir.path()});
  EXPECT_TRUE(catalog.has_errors());
  const Platform* ai21 = catalog.find("ai21");
  ASSERT_NE(ai21, nullptr);
  EXPECT_TRUE(ai21->built_in);
  EXPECT_TRUE(catalog.is_broken("ai21"));  // the commands refuse it, and say why
}

TEST(Catalog, TwoDeclarationsWithOneIdInOneDirectoryAreAnError) {
  TempDir dir;
  dir.write("Foo.Bar.json", R"({"name": "A", "terms": {"T": {"fetch": "https://a.example"}}})");
  dir.write("foo-bar.json", R"({"name": "B", "terms": {"T": {"fetch": "https://b.example"}}})");
  Catalog catalog = Catalog::load({dir.path()});
  EXPECT_TRUE(catalog.has_errors());
  bool named = false;
  for (const auto& d : catalog.diagnostics())
    if (d.severity == Diagnostic::Severity::error && d.message.find("Foo.Bar.json") != std::string::npos &&
        d.origin.find("foo-bar.json") != std::string::npos)
      named = true;
  EXPECT_TRUE(named) << dump(catalog.diagnostics());
}

TEST(Catalog, ALaterDirectoryReplacesAPlatformsDocumentAndSaysSo) {
  TempDir first, second;
  first.write("a.json", R"({"name": "A", "id": "same", "terms": {"T": {"fetch": "https://a.example"}}})");
  second.write("b.json", R"({"name": "B", "id": "same", "terms": {"T": {"fetch": "https://b.example"}}})");
  Catalog catalog = Catalog::load({first.path(), second.path()});
  EXPECT_FALSE(catalog.has_errors());
  ASSERT_NE(catalog.find("same"), nullptr);
  EXPECT_EQ(catalog.find("same")->name, "B");  // the later directory
  ASSERT_EQ(catalog.find("same")->documents.size(), 1u);
  const DocumentSpec& t = catalog.find("same")->documents[0];
  EXPECT_EQ(t.sources.at(0).url, "https://b.example");
  EXPECT_EQ(t.shadows, (first.path() / "a.json").string());
  ASSERT_EQ(catalog.shadows().size(), 1u);
  EXPECT_EQ(catalog.shadows()[0].origin, (second.path() / "b.json").string());
  EXPECT_EQ(catalog.shadows()[0].replaced, std::vector<std::string>{"t"});
}

TEST(Catalog, MissingDirectoryIsAnError) {
  TempDir dir;
  Catalog catalog = Catalog::load({dir.path() / "does-not-exist"});
  EXPECT_TRUE(catalog.has_errors());
  EXPECT_TRUE(catalog.has_catalog_errors());
  EXPECT_TRUE(catalog.broken_platforms().empty());
  EXPECT_NE(catalog.find("ai21"), nullptr);
}

TEST(Catalog, LoadOnlyReadsJustTheGivenFileOrDirectory) {
  TempDir dir;
  dir.write("solo.json", R"({"name": "Solo", "terms": {"T": {"fetch": "https://solo.example"}}})");
  dir.write("x.history.json", "nope");
  Catalog from_dir = Catalog::load_only(dir.path());
  EXPECT_FALSE(from_dir.has_errors()) << dump(from_dir.diagnostics());
  ASSERT_EQ(from_dir.platforms().size(), 1u);
  EXPECT_EQ(from_dir.platforms()[0].id, "solo");
  Catalog from_file = Catalog::load_only(dir.path() / "solo.json");
  ASSERT_EQ(from_file.platforms().size(), 1u);
  Catalog missing = Catalog::load_only(dir.path() / "missing.json");
  EXPECT_TRUE(missing.has_errors());
}

TEST(Declaration, PolitenessPerHostAndDelayAreReadAndChecked) {
  auto parsed = parse_declaration(R"({"name": "P", "perHost": 1, "delay": 2.5,
      "terms": {"Terms of Service": {"fetch": "https://p.example/terms"},
                "Privacy Policy": {"fetch": "https://p.example/privacy", "delay": 0}}})",
                                  "P", "p.json");
  ASSERT_TRUE(parsed.ok());
  for (const auto& doc : parsed.platform.documents) {
    EXPECT_EQ(doc.per_host, 1);
    EXPECT_DOUBLE_EQ(doc.delay_seconds, doc.document_id == "privacy-policy" ? 0.0 : 2.5);
  }
  auto bad = parse_declaration(R"({"name": "P", "perHost": 0, "terms": {"T": {"fetch": "https://p.example/"}}})", "P", "p.json");
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace tosdiff

namespace tosdiff {
namespace {

// Found by fuzz_declaration: a number out of double's range made the JSON parser throw an
// exception parse_declaration did not catch.
TEST(DeclarationRegression, NumberOutOfRangeIsADiagnosticNotAnException) {
  ParsedDeclaration parsed = parse_declaration("9e889", "X", "x.json");
  EXPECT_FALSE(parsed.ok());
  ASSERT_FALSE(parsed.diagnostics.empty());
  EXPECT_NE(parsed.diagnostics[0].message.find("not valid JSON"), std::string::npos);
}

}  // namespace
}  // namespace tosdiff

// ---- Whole Open Terms Archive collections, as they are --------------------------------------

namespace tosdiff {
namespace {

std::chrono::system_clock::time_point utc(const std::string& text) {
  std::chrono::system_clock::time_point t;
  if (!parse_utc(text, t)) throw std::runtime_error("bad date " + text);
  return t;
}

bool has_diagnostic(const std::vector<Diagnostic>& diagnostics, Diagnostic::Severity severity,
                    const std::string& location, const std::string& text) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return d.severity == severity && d.location == location && d.message.find(text) != std::string::npos;
  });
}

const auto kError = Diagnostic::Severity::error;
const auto kWarning = Diagnostic::Severity::warning;

// 1. A broken declaration is a problem of its platform only.
TEST(OtaCatalog, ABrokenDeclarationFailsItsPlatformOnly) {
  TempDir dir;
  dir.write("Broken.json", R"({"name": "Broken", "terms": {"Terms": {"fetch": 42}})");  // not even JSON
  dir.write("Bad Selector.json", R"({"name": "Bad", "terms": {"Terms": {"fetch": "https://b.example", "select": "a:hover"}}})");
  dir.write("Good.json", R"({"name": "Good", "terms": {"Terms": {"fetch": "https://good.example"}}})");
  Catalog catalog = Catalog::load({dir.path()});
  EXPECT_FALSE(catalog.has_catalog_errors());
  EXPECT_EQ(catalog.broken_platforms(), (std::vector<std::string>{"broken"}));
  ASSERT_NE(catalog.find("good"), nullptr);
  EXPECT_EQ(catalog.find("broken"), nullptr);
  for (const Diagnostic& d : catalog.diagnostics()) EXPECT_FALSE(d.platform_id.empty()) << d.message;
}

// 1b. A selector that does not parse is an error of its document, which stays listed: only
// its content can say whether the selector matters (a PDF ignores it, an HTML page fails).
TEST(OtaCatalog, AnUnparsableSelectorIsAnErrorOfItsDocumentOnly) {
  TempDir dir;
  dir.write("Bad Selector.json", R"({"name": "Bad", "terms": {
      "Terms": {"fetch": "https://b.example/conditions", "select": "A sentence written where `select` goes"},
      "Privacy": {"fetch": "https://b.example/privacy", "select": "main"}}})");
  Catalog catalog = Catalog::load({dir.path()});
  EXPECT_TRUE(catalog.has_errors());  // validate reports it
  EXPECT_TRUE(catalog.broken_platforms().empty()) << dump(catalog.diagnostics());
  EXPECT_FALSE(catalog.is_broken("bad-selector"));
  EXPECT_TRUE(catalog.errors_of("bad-selector").empty());
  const auto errors = catalog.document_errors("bad-selector");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].location, "terms.Terms.select");
  EXPECT_EQ(errors[0].document_id, "terms");
  EXPECT_EQ(errors[0].origin, (dir.path() / "Bad Selector.json").string());
  const Platform* bad = catalog.find("bad-selector");
  ASSERT_NE(bad, nullptr);
  ASSERT_EQ(bad->documents.size(), 2u);
  const DocumentSpec* terms = find_doc(*bad, "terms");
  ASSERT_NE(terms, nullptr);
  ASSERT_EQ(terms->sources.at(0).select.size(), 1u);  // kept, for the check to judge
  EXPECT_EQ(std::get<std::string>(terms->sources[0].select[0]), "A sentence written where `select` goes");
}

// 2. Retired services: empty terms and a history.
TEST(OtaCatalog, EmptyTermsWithAHistoryIsARetiredPlatform) {
  TempDir dir;
  dir.write("Arcadia.json", R"({"name": "Arcadia", "terms": {}})");
  dir.write("Arcadia.history.json", R"({
      "Terms of Service": [{"fetch": "https://arcadia.example/tos", "select": "main",
                            "validUntil": "2024-05-31T00:00:00.000Z"}],
      "Privacy Policy": [{"fetch": "https://arcadia.example/privacy", "validUntil": "2024-05-31T00:00:00.000Z"}]})");
  Catalog catalog = Catalog::load_only(dir.path());
  EXPECT_FALSE(catalog.has_errors()) << dump(catalog.diagnostics());
  EXPECT_TRUE(catalog.diagnostics().empty()) << dump(catalog.diagnostics());
  const Platform* arcadia = catalog.find("arcadia");
  ASSERT_NE(arcadia, nullptr);
  EXPECT_TRUE(arcadia->retired);
  ASSERT_EQ(arcadia->documents.size(), 2u);
  const DocumentSpec* tos = find_doc(*arcadia, "terms-of-service");
  ASSERT_NE(tos, nullptr);
  EXPECT_TRUE(tos->retired);
  EXPECT_TRUE(tos->sources.empty());  // nothing to fetch
  ASSERT_EQ(tos->history.size(), 1u);
  EXPECT_EQ(tos->latest_sources().at(0).url, "https://arcadia.example/tos");
  EXPECT_EQ(tos->origin, (dir.path() / "Arcadia.json").string());
}

TEST(OtaCatalog, EmptyTermsWithoutAHistoryIsAnError) {
  auto p = parse(R"({"name": "Gone", "terms": {}})", "Gone");
  EXPECT_FALSE(p.ok());
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kError, "terms", "history")) << dump(p.diagnostics);
  const std::string empty_history = "{}";
  HistoryText history{empty_history, "Gone.history.json"};
  auto q = parse_declaration(R"({"name": "Gone", "terms": {}})", "Gone", "Gone.json", &history);
  EXPECT_FALSE(q.ok()) << "a history without terms leaves nothing to list";
}

TEST(OtaCatalog, ATermsTypeOnlyInTheHistoryIsARetiredDocument) {
  const std::string text = R"({"Old Policy": [{"fetch": "https://x.example/old", "validUntil": "2022-01-01T00:00:00Z"}],
                               "Terms of Service": [{"fetch": "https://x.example/tos-v1", "validUntil": "2022-06-01T00:00:00Z"}]})";
  HistoryText history{text, "X.history.json"};
  auto p = parse_declaration(R"({"name": "X", "terms": {"Terms of Service": {"fetch": "https://x.example/tos"}}})", "X",
                             "X.json", &history);
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_FALSE(p.platform.retired);
  ASSERT_EQ(p.platform.documents.size(), 2u);
  EXPECT_FALSE(find_doc(p.platform, "terms-of-service")->retired);
  EXPECT_EQ(find_doc(p.platform, "terms-of-service")->history.size(), 1u);
  EXPECT_TRUE(find_doc(p.platform, "old-policy")->retired);
}

// 3. The history is parsed, ordered and kept; its problems are warnings.
TEST(OtaCatalog, HistoryIsParsedOrderedAndAnswersWhichRulesWereInForce) {
  const std::string text = R"({"Terms of Service": [
      {"fetch": "https://x.example/tos-v2", "select": ["#v2"], "remove": ".ad", "validUntil": "2023-05-01T12:00:00.500Z"},
      {"combine": [{"fetch": "https://x.example/a"}, {"fetch": "https://x.example/b", "select": "#b"}],
       "select": "main", "filter": ["f"], "executeClientScripts": true, "validUntil": "2022-01-01T01:00:00+01:00"}]})";
  HistoryText history{text, "X.history.json"};
  auto p = parse_declaration(
      R"({"name": "X", "terms": {"Terms of Service": {"fetch": "https://x.example/tos", "select": "article"}}})", "X",
      "X.json", &history);
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_TRUE(p.diagnostics.empty()) << "filters and scripts of the past are not warned about: " << dump(p.diagnostics);
  const DocumentSpec& doc = p.platform.documents.at(0);
  ASSERT_EQ(doc.history.size(), 2u);
  // Oldest first, whatever the file's order.
  EXPECT_EQ(doc.history[0].valid_until, "2022-01-01T01:00:00+01:00");  // as declared
  EXPECT_EQ(doc.history[0].valid_until_time, utc("2022-01-01T00:00:00Z"));
  EXPECT_EQ(doc.history[1].valid_until, "2023-05-01T12:00:00.500Z");
  EXPECT_EQ(doc.history[1].valid_until_time, utc("2023-05-01T12:00:00Z") + std::chrono::milliseconds(500));
  ASSERT_EQ(doc.history[0].sources.size(), 2u);
  EXPECT_EQ(css(doc.history[0].sources[0].select.at(0)), "main");  // inherited
  EXPECT_EQ(css(doc.history[0].sources[1].select.at(0)), "#b");
  EXPECT_TRUE(doc.history[0].sources[0].execute_client_scripts);
  EXPECT_EQ(doc.history[0].sources[0].filters, std::vector<std::string>{"f"});
  EXPECT_EQ(css(doc.history[1].sources.at(0).remove.at(0)), ".ad");
  EXPECT_TRUE(doc.history[0].complete && doc.history[1].complete);
  // Open Terms Archive's rule: the first past declaration valid until at or after the date.
  EXPECT_EQ(doc.sources_at(utc("2021-06-01")).at(0).url, "https://x.example/a");
  EXPECT_EQ(doc.sources_at(utc("2022-01-01T00:00:00Z")).at(0).url, "https://x.example/a");
  EXPECT_EQ(doc.sources_at(utc("2022-01-01T00:00:01Z")).at(0).url, "https://x.example/tos-v2");
  EXPECT_EQ(doc.sources_at(utc("2024-01-01")).at(0).url, "https://x.example/tos");
}

TEST(OtaCatalog, HistoryProblemsAreWarningsUnlessTheFileIsUnreadable) {
  const std::string text = R"({"Terms of Service": [
      {"fetch": "https://x.example/v1", "select": "a:hover", "validUntil": "2022-01-01T00:00:00Z"},
      {"fetch": "https://x.example/v0", "validUntil": "yesterday"},
      {"fetch": "https://x.example/v2", "selct": "main", "validUntil": "2022-02-01T00:00:00Z"},
      "not an object"],
     "Privacy Policy": {"fetch": "https://x.example/p", "validUntil": "2022-01-01T00:00:00Z"}})";
  HistoryText history{text, "X.history.json"};
  auto p = parse_declaration(R"({"name": "X", "terms": {"Terms of Service": {"fetch": "https://x.example/tos"}}})", "X",
                             "X.json", &history);
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kWarning, "Terms of Service[0].select", "a:hover")) << dump(p.diagnostics);
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kWarning, "Terms of Service[1].validUntil", "ignored"));
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kWarning, "Terms of Service[2].selct", "did you mean \"select\"?"));
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kWarning, "Terms of Service[3]", "object"));
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kWarning, "Privacy Policy", "array"));
  for (const Diagnostic& d : p.diagnostics) EXPECT_EQ(d.origin, "X.history.json") << d.message;
  const DocumentSpec& doc = p.platform.documents.at(0);
  ASSERT_EQ(doc.history.size(), 2u);  // the entry without a date cannot be placed in time
  EXPECT_FALSE(doc.history[0].complete);  // its selector was dropped
  EXPECT_TRUE(doc.history[1].complete);   // an unknown key is not a missing rule
  EXPECT_EQ(p.platform.documents.size(), 1u) << "Privacy Policy's history was unusable";

  for (const char* bad : {"not json", "[]", "\"text\""}) {
    HistoryText unreadable{bad, "X.history.json"};
    auto q = parse_declaration(R"({"name": "X", "terms": {"T": {"fetch": "https://x.example/"}}})", "X", "X.json",
                               &unreadable);
    EXPECT_FALSE(q.ok()) << bad;
    EXPECT_EQ(errors_of(q).at(0).origin, "X.history.json");
  }
}

TEST(OtaCatalog, HistoryFilesAreReadBesideTheirDeclaration) {
  TempDir dir;
  dir.write("A.json", R"({"name": "A", "terms": {"T": {"fetch": "https://a.example/"}}})");
  dir.write("A.history.json", R"({"T": [{"fetch": "https://a.example/old", "validUntil": "2020-01-01T00:00:00Z"}]})");
  dir.write("B.json", R"({"name": "B", "terms": {"T": {"fetch": "https://b.example/"}}})");
  dir.write("B.history.json", "{ broken");
  dir.write("Orphan.history.json", "{ not read }");
  Catalog catalog = Catalog::load_only(dir.path());
  ASSERT_NE(catalog.find("a"), nullptr);
  EXPECT_EQ(catalog.find("a")->documents.at(0).history.size(), 1u);
  EXPECT_TRUE(catalog.is_broken("b"));
  EXPECT_EQ(catalog.errors_of("b").at(0).origin, (dir.path() / "B.history.json").string());
  EXPECT_EQ(catalog.broken_platforms(), std::vector<std::string>{"b"});
  Catalog one = Catalog::load_only(dir.path() / "A.json");
  EXPECT_EQ(one.find("a")->documents.at(0).history.size(), 1u);
}

// 4. Several catalogs merge per document, and say which declaration shadows which.
TEST(OtaCatalog, LaterCatalogsMergePerDocument) {
  TempDir first, second, third;
  first.write("Acme.json", R"({"name": "Acme", "terms": {"Terms of Service": {"fetch": "https://acme.example/tos"},
                                                        "Privacy Policy": {"fetch": "https://acme.example/pp"}}})");
  second.write("Acme.json", R"({"name": "Acme Inc.", "terms": {"Privacy Policy": {"fetch": "https://acme.example/pp2"},
                                                             "Cookie Policy": {"fetch": "https://acme.example/cookies"}}})");
  third.write("acme.json", R"({"name": "Acme Inc.", "terms": {"Cookie Policy": {"fetch": "https://acme.example/c3"},
                                                            "Terms of Service": {"fetch": "https://acme.example/tos3"}}})");
  Catalog catalog = Catalog::load({first.path(), second.path(), third.path()});
  EXPECT_FALSE(catalog.has_errors()) << dump(catalog.diagnostics());
  const Platform* acme = catalog.find("acme");
  ASSERT_NE(acme, nullptr);
  EXPECT_EQ(acme->name, "Acme Inc.");
  ASSERT_EQ(acme->documents.size(), 3u);
  EXPECT_EQ(find_doc(*acme, "terms-of-service")->sources.at(0).url, "https://acme.example/tos3");
  EXPECT_EQ(find_doc(*acme, "privacy-policy")->sources.at(0).url, "https://acme.example/pp2");
  EXPECT_EQ(find_doc(*acme, "cookie-policy")->sources.at(0).url, "https://acme.example/c3");
  EXPECT_EQ(find_doc(*acme, "privacy-policy")->shadows, (first.path() / "Acme.json").string());
  EXPECT_EQ(find_doc(*acme, "cookie-policy")->shadows, (second.path() / "Acme.json").string());
  EXPECT_EQ(find_doc(*acme, "cookie-policy")->origin, (third.path() / "acme.json").string());
  // Once per pair of declarations: second over first; third over second, third over first.
  ASSERT_EQ(catalog.shadows().size(), 3u);
  EXPECT_EQ(catalog.shadows()[0].replaced, std::vector<std::string>{"privacy-policy"});
  EXPECT_EQ(catalog.shadows()[0].added, std::vector<std::string>{"cookie-policy"});
  EXPECT_EQ(catalog.shadows()[1].shadowed, (second.path() / "Acme.json").string());
  EXPECT_EQ(catalog.shadows()[1].replaced, std::vector<std::string>{"cookie-policy"});
  EXPECT_EQ(catalog.shadows()[2].shadowed, (first.path() / "Acme.json").string());
  EXPECT_EQ(catalog.shadows()[2].replaced, std::vector<std::string>{"terms-of-service"});
}

TEST(OtaCatalog, ARetiredDeclarationRetiresTheDocumentsItNames) {
  TempDir first, second;
  first.write("Acme.json", R"({"name": "Acme", "terms": {"Terms of Service": {"fetch": "https://acme.example/tos"},
                                                        "Privacy Policy": {"fetch": "https://acme.example/pp"}}})");
  second.write("Acme.json", R"({"name": "Acme", "terms": {}})");
  second.write("Acme.history.json",
               R"({"Terms of Service": [{"fetch": "https://acme.example/tos", "validUntil": "2024-01-01T00:00:00Z"}]})");
  Catalog catalog = Catalog::load({first.path(), second.path()});
  EXPECT_FALSE(catalog.has_errors()) << dump(catalog.diagnostics());
  const Platform* acme = catalog.find("acme");
  ASSERT_NE(acme, nullptr);
  EXPECT_TRUE(find_doc(*acme, "terms-of-service")->retired);
  EXPECT_FALSE(find_doc(*acme, "privacy-policy")->retired);
  EXPECT_FALSE(acme->retired);
}

// 5. Ids: accented letters spelt in ASCII, other scripts transliterated or hashed.
TEST(OtaIds, AccentedLatinLettersAreSpeltWithTheirBaseLetter) {
  EXPECT_EQ(slugify("Mon espace sant\xC3\xA9"), "mon-espace-sante");
  EXPECT_EQ(slugify("Stra\xC3\x9F" "e"), "strasse");
  EXPECT_EQ(slugify("\xC3\x86sir \xC3\x98resund"), "aesir-oresund");
  EXPECT_EQ(slugify("\xC5\x81\xC3\xB3\x64\xC5\xBA"), "lodz");                    // Łódź
  EXPECT_EQ(slugify("\xC5\x92uvre \xC4\xB2sselmeer"), "oeuvre-ijsselmeer");     // Œuvre Ĳsselmeer
  EXPECT_EQ(slugify("Bo\xC3\xAEte \xC3\xA0 lettres"), "boite-a-lettres");
  EXPECT_EQ(slugify("\xC8\x98tiri \xC8\x9A\x61r\xC4\x83"), "stiri-tara");        // Știri Țară (Extended-B)
  EXPECT_EQ(slugify("Cafe\xCC\x81"), "cafe");                                    // combining acute
  EXPECT_EQ(slugify("\xC3\x97 \xC3\xB7"), "");                                   // × ÷ are not letters
  EXPECT_EQ(slugify("\xC3\xBF\xC3\xBE\xC3\xB0"), "ythd");                        // ÿþð
}

TEST(OtaIds, CyrillicAndGreekAreTransliterated) {
  EXPECT_EQ(slugify("\xD0\xAF\xD0\xBD\xD0\xB4\xD0\xB5\xD0\xBA\xD1\x81"), "yandeks");  // Яндекс
  EXPECT_EQ(slugify("\xD0\x92\xD0\x9A\xD0\xBE\xD0\xBD\xD1\x82\xD0\xB0\xD0\xBA\xD1\x82\xD0\xB5"), "vkontakte");
  EXPECT_EQ(slugify("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1"), "ellada");  // Ελλάδα
}

TEST(OtaIds, NamesWithoutLettersGetAStableHashId) {
  const std::string weixin = "\xE5\xBE\xAE\xE4\xBF\xA1";  // 微信
  const std::string weibo = "\xE5\xBE\xAE\xE5\x8D\x9A";   // 微博
  EXPECT_EQ(id_from_name(weixin), "x-" + sha256_hex(weixin).substr(0, 8));
  EXPECT_EQ(id_from_name(weixin), id_from_name(weixin));
  EXPECT_NE(id_from_name(weixin), id_from_name(weibo));
  EXPECT_NE(id_from_name(weixin + " 2"), id_from_name(weibo + " 2")) << "the digits alone would collide";
  EXPECT_EQ(id_from_name(weixin + " WeChat"), "wechat");
  EXPECT_EQ(id_from_name("Terms of Service"), "terms-of-service");
  EXPECT_EQ(id_from_name("123"), "123");
  EXPECT_EQ(id_from_name(""), "");
  for (const std::string& name : {weixin, weibo, std::string("!!!"), std::string("\xD8\xB4\xD8\xB1\xD9\x88\xD8\xB7")})
    EXPECT_TRUE(is_valid_id(id_from_name(name))) << id_from_name(name);
  EXPECT_EQ(slugify("\xFF\xFEnot utf-8"), "not-utf-8");
}

// 6. Unknown keys anywhere are warnings with a suggestion.
TEST(OtaDidYouMean, EditDistanceAndClosest) {
  EXPECT_EQ(edit_distance("selct", "select"), 1u);
  EXPECT_EQ(edit_distance("slecet", "select"), 2u);
  EXPECT_EQ(edit_distance("remvoe", "remove"), 1u);  // a transposition is one edit
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("Fetch", "fetch"), 0u);
  const std::vector<std::string> keys = {"fetch", "select", "remove", "filter", "executeClientScripts", "combine"};
  EXPECT_EQ(closest("selct", keys), "select");
  EXPECT_EQ(closest("filters", keys), "filter");
  EXPECT_EQ(closest("executeClientScript", keys), "executeClientScripts");
  EXPECT_EQ(closest("homepage", keys), std::nullopt);
  EXPECT_EQ(closest("ab", {"id"}), std::nullopt) << "two edits of a two-letter word is another word";
  EXPECT_EQ(closest("nme", {"name", "id"}), "name");
  EXPECT_EQ(did_you_mean_suffix("selct", keys), " (did you mean \"select\"?)");
  EXPECT_EQ(did_you_mean_suffix("zzz", keys), "");
}

TEST(OtaDidYouMean, UnknownKeysWarnEverywhereWithASuggestion) {
  auto p = parse(R"({"name": "U", "nmae": "x", "importedFrom": "https://example.com/tosback",
      "terms": {"T": {"fetch": "https://u.example", "selct": "main", "remove": ".x",
                      "executeClientScript": true},
                "C": {"combine": [{"fetch": "https://u.example/a", "fliter": ["f"]}], "select": "main"}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kWarning, "nmae", "did you mean \"name\"?")) << dump(p.diagnostics);
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kWarning, "terms.T.selct", "did you mean \"select\"?"));
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kWarning, "terms.T.executeClientScript", "\"executeClientScripts\""));
  EXPECT_TRUE(has_diagnostic(p.diagnostics, kWarning, "terms.C.combine[0].fliter", "did you mean \"filter\"?"));
  EXPECT_EQ(warnings_of(p).size(), 4u) << "importedFrom is Open Terms Archive's own key: " << dump(p.diagnostics);
  auto range = parse(R"({"name": "R", "terms": {"T": {"fetch": "https://r.example",
      "select": {"startafter": "#a", "endBefore": "#b"}}}})");
  EXPECT_FALSE(range.ok());
  EXPECT_TRUE(has_diagnostic(range.diagnostics, kError, "terms.T.select", "did you mean \"startAfter\"?"))
      << dump(range.diagnostics);
}

// 8. Inputs are bounded: size, and regular files only.
TEST(OtaBounded, OversizedAndNonRegularFilesAreErrorsOfThatFile) {
  TempDir dir;
  dir.write("Good.json", R"({"name": "Good", "terms": {"T": {"fetch": "https://good.example"}}})");
  dir.write("Huge.json", R"({"name": "Huge", "terms": {"T": {"fetch": "https://huge.example"}}, "pad": ")" +
                             std::string(kMaxDeclarationBytes, 'x') + "\"}");
  dir.write("Big.json", R"({"name": "Big", "terms": {"T": {"fetch": "https://big.example"}}})");
  dir.write("Big.history.json", "{\"T\": [], \"pad\": \"" + std::string(kMaxDeclarationBytes, 'x') + "\"}");
  ASSERT_EQ(::mkfifo((dir.path() / "Fifo.json").c_str(), 0600), 0);
  fs::create_directory(dir.path() / "Folder.json");
  Catalog catalog = Catalog::load_only(dir.path());  // returns: the FIFO is never waited on
  EXPECT_NE(catalog.find("good"), nullptr);
  EXPECT_EQ(catalog.broken_platforms(), (std::vector<std::string>{"big", "fifo", "folder", "huge"}));
  EXPECT_NE(catalog.errors_of("huge").at(0).message.find("larger than 1 MiB"), std::string::npos);
  EXPECT_NE(catalog.errors_of("fifo").at(0).message.find("FIFO"), std::string::npos);
  EXPECT_NE(catalog.errors_of("folder").at(0).message.find("directory"), std::string::npos);
  EXPECT_EQ(catalog.errors_of("big").at(0).origin, (dir.path() / "Big.history.json").string());
  Catalog zero = Catalog::load_only("/dev/zero");
  ASSERT_TRUE(zero.has_errors());
  EXPECT_NE(zero.diagnostics().at(0).message.find("character device"), std::string::npos);
}

}  // namespace
}  // namespace tosdiff
