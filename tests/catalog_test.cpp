#include "tosdiff/catalog/catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

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
  EXPECT_EQ(slugify("  --\xC3\x84-- "), "");  // only a non-ASCII letter and separators
  EXPECT_EQ(slugify(""), "");
  EXPECT_EQ(slugify("---"), "");
  EXPECT_EQ(slugify("--a--b--"), "a-b");
  EXPECT_EQ(slugify("  Trailing. "), "trailing");
  EXPECT_EQ(slugify("Caf\xC3\xA9 Terms"), "caf-terms");
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

TEST(ParseDeclaration, FileStemThatGivesNoIdIsAnError) {
  auto p = parse(R"({"name": "N", "terms": {"T": {"fetch": "https://example.com"}}})", "\xC3\x84\xC3\x96");
  EXPECT_FALSE(p.ok());
}

TEST(ParseDeclaration, TermsTypeThatGivesNoIdIsAnError) {
  auto p = parse(R"({"name": "N", "terms": {"!!!": {"fetch": "https://example.com"}}})");
  EXPECT_FALSE(p.ok());
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

TEST(ParseDeclaration, ExecuteClientScriptsIsAWarning) {
  auto p = parse(R"({"name": "E", "terms": {"T": {"fetch": "https://example.com", "executeClientScripts": true}}})");
  ASSERT_TRUE(p.ok()) << dump(p.diagnostics);
  EXPECT_EQ(warnings_of(p).size(), 1u);
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
  EXPECT_FALSE(p.ok());
  auto errors = errors_of(p);
  ASSERT_EQ(errors.size(), 2u) << dump(p.diagnostics);
  EXPECT_EQ(errors[0].location, "terms.Terms of Service.select[1]");
  EXPECT_NE(errors[0].message.find("a:hover"), std::string::npos) << errors[0].message;
  EXPECT_EQ(errors[1].location, "terms.Terms of Service.remove");
  EXPECT_NE(errors[1].message.find("div::before"), std::string::npos) << errors[1].message;
  EXPECT_EQ(errors[0].origin, "example.json");
}

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

TEST(Catalog, UserDeclarationReplacesBuiltInAndSkipsOtherFiles) {
  TempDir dir;
  dir.write("my-ai21.json", R"j({"name": "AI21 (mine)", "id": "ai21",
      "terms": {"Only Terms": {"fetch": "https://example.com/mine"}}})j");
  dir.write("ai21.history.json", "this is not even JSON");
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
  ASSERT_EQ(ai21->documents.size(), 1u);
  EXPECT_EQ(ai21->documents[0].document_id, "only-terms");
  EXPECT_EQ(std::count_if(catalog.platforms().begin(), catalog.platforms().end(),
                          [](const Platform& p) { return p.id == "ai21"; }),
            1);
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

TEST(Catalog, ALaterDirectoryOverridesAPlatformWithAWarning) {
  TempDir first, second;
  first.write("a.json", R"({"name": "A", "id": "same", "terms": {"T": {"fetch": "https://a.example"}}})");
  second.write("b.json", R"({"name": "B", "id": "same", "terms": {"T": {"fetch": "https://b.example"}}})");
  Catalog catalog = Catalog::load({first.path(), second.path()});
  EXPECT_FALSE(catalog.has_errors());
  ASSERT_NE(catalog.find("same"), nullptr);
  EXPECT_EQ(catalog.find("same")->name, "B");  // the later directory
  bool warned = false;
  for (const auto& d : catalog.diagnostics())
    if (d.severity == Diagnostic::Severity::warning && d.message.find("same") != std::string::npos) warned = true;
  EXPECT_TRUE(warned) << dump(catalog.diagnostics());
}

TEST(Catalog, MissingDirectoryIsAnError) {
  TempDir dir;
  Catalog catalog = Catalog::load({dir.path() / "does-not-exist"});
  EXPECT_TRUE(catalog.has_errors());
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
