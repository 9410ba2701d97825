// Fuzzes the declaration parser (Open Terms Archive JSON) on arbitrary bytes.
//
// Input: the file's bytes; when they hold a NUL byte, what follows the first one is the
// declaration's history (<stem>.history.json). The file stem is fixed ("Fuzz.Platform" ->
// "fuzz-platform").
// Invariants:
//   - parse_declaration never throws or crashes, whatever the bytes;
//   - ok() exactly when no diagnostic is an error; every diagnostic has a message and the
//     origin given;
//   - a declaration that is ok is usable as is: valid platform and document ids (they name
//     archive directories), unique document ids, every document has at least one source,
//     every URL is http(s) with a host or file:// where allowed, every select/remove entry
//     compiles (CSS parses, ranges have exactly one start and one end);
//   - with a history: a diagnostic comes from one of the two files; a retired document has
//     no source and a history, any other document a source; past declarations are in
//     validUntil order and their selectors compile too.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "tosdiff/catalog/catalog.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff::fuzz {
namespace {

void check_specs(const std::vector<SelectorSpec>& specs, const std::string& where) {
  for (const SelectorSpec& spec : specs) {
    Result<bool> checked = check_selectors({spec});
    FUZZ_CHECK(checked.ok(), where + ": accepted selector does not compile: " +
                                 (checked.ok() ? "" : checked.error().message));
    if (const auto* range = std::get_if<RangeSelector>(&spec)) {
      FUZZ_CHECK(range->start_before.empty() != range->start_after.empty(), where + ": range start");
      FUZZ_CHECK(range->end_before.empty() != range->end_after.empty(), where + ": range end");
    }
  }
}

}  // namespace
}  // namespace tosdiff::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tosdiff;
  using namespace tosdiff::fuzz;
  if (size > 64 * 1024) return 0;
  return run_guarded([&] {
    const std::string origin = "fuzz/Fuzz.Platform.json";
    const std::string history_origin = "fuzz/Fuzz.Platform.history.json";
    const std::string_view input = as_view(data, size);
    const std::size_t nul = input.find('\0');
    const HistoryText history{nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1), history_origin};
    const ParsedDeclaration parsed = parse_declaration(input.substr(0, nul), "Fuzz.Platform", origin,
                                                       nul == std::string_view::npos ? nullptr : &history);
    bool any_error = false;
    for (const Diagnostic& d : parsed.diagnostics) {
      any_error |= d.severity == Diagnostic::Severity::error;
      FUZZ_CHECK(!d.message.empty(), "a diagnostic without a message at '" + d.location + "'");
      FUZZ_CHECK(d.origin == origin || (nul != std::string_view::npos && d.origin == history_origin),
                 "diagnostic origin '" + d.origin + "'");
    }
    FUZZ_CHECK(parsed.ok() == !any_error, "ok() disagrees with the diagnostics");
    if (!parsed.ok()) return;

    const Platform& platform = parsed.platform;
    FUZZ_CHECK(is_valid_id(platform.id), "accepted platform id '" + excerpt(platform.id) + "'");
    FUZZ_CHECK(!platform.name.empty(), "accepted an empty platform name");
    FUZZ_CHECK(!platform.documents.empty(), "accepted a platform without documents");
    std::set<std::string> ids;
    for (const DocumentSpec& doc : platform.documents) {
      const std::string where = "document '" + excerpt(doc.terms_type) + "'";
      FUZZ_CHECK(is_valid_id(doc.document_id), where + ": id '" + excerpt(doc.document_id) + "'");
      FUZZ_CHECK(doc.platform_id == platform.id, where + ": platform id differs");
      FUZZ_CHECK(ids.insert(doc.document_id).second, where + ": duplicate document id " + doc.document_id);
      FUZZ_CHECK(doc.retired == doc.sources.empty(), where + ": retired without a history, or with sources");
      FUZZ_CHECK(!doc.retired || !doc.history.empty(), where + ": retired without a history");
      for (std::size_t i = 0; i < doc.history.size(); ++i) {
        FUZZ_CHECK(i == 0 || doc.history[i - 1].valid_until_time <= doc.history[i].valid_until_time,
                   where + ": history out of order");
        for (const SourceSpec& source : doc.history[i].sources) {
          check_specs(source.select, where + " past select");
          check_specs(source.remove, where + " past remove");
        }
      }
      for (const SourceSpec& source : doc.sources) {
        const std::string scheme = url_scheme(source.url);
        FUZZ_CHECK(!source.url.empty(), where + ": empty URL");
        if (scheme == "file") {
          FUZZ_CHECK(doc.allow_file_urls, where + ": file:// URL without allowFileUrls");
        } else {
          FUZZ_CHECK(scheme == "http" || scheme == "https", where + ": URL '" + excerpt(source.url) + "'");
          FUZZ_CHECK(!url_host(source.url).empty(), where + ": URL without host '" + excerpt(source.url) + "'");
        }
        check_specs(source.select, where + " select");
        check_specs(source.remove, where + " remove");
      }
    }
  });
}
