// Fuzzes the charset stage: to_utf8 with a Content-Type taken from the input, and the UTF-8
// helpers it is built on.
//
// Input: byte 0 = n (low 6 bits) and a flag (bit 6); the next n bytes are the Content-Type
// value (with the flag: the charset label alone, sent as "text/html; charset=<label>"); the
// rest is the body.
// Invariants:
//   - to_utf8's text is valid UTF-8 (is_valid_utf8 and an independent validator agree), does
//     not start with a BOM, and names an encoding and a known source consistent with the
//     steps: "header" = the header's label, "meta" = the prescan's answer, "valid-utf8" = the
//     bytes unchanged;
//   - is_valid_utf8 agrees with the independent validator on the raw bytes too;
//   - repair_utf8 gives valid UTF-8, leaves valid UTF-8 alone, and is idempotent;
//   - resolve_charset_label is idempotent on what it returns; the prescan returns a resolved
//     name, never utf-16.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "tosdiff/fetch/charset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tosdiff;
  using namespace tosdiff::fuzz;
  if (size < 1) return 0;
  return run_guarded([&] {
    const std::size_t n = std::min<std::size_t>(data[0] & 0x3F, size - 1);
    const std::string_view field = as_view(data + 1, n);
    const std::string_view body = as_view(data + 1 + n, size - 1 - n);
    const std::string content_type =
        (data[0] & 0x40) ? "text/html; charset=" + std::string(field) : std::string(field);

    // The validators agree with each other on anything.
    const bool valid_body = is_valid_utf8(body);
    FUZZ_CHECK(valid_body == reference_valid_utf8(body),
               "is_valid_utf8 says " + std::string(valid_body ? "valid" : "invalid") + " for '" + excerpt(body) + "'");

    const std::string repaired = repair_utf8(body);
    FUZZ_CHECK(reference_valid_utf8(repaired), "repair_utf8 gave invalid UTF-8");
    if (valid_body) FUZZ_CHECK(repaired == body, "repair_utf8 changed valid UTF-8");
    FUZZ_CHECK(repair_utf8(repaired) == repaired, "repair_utf8 is not idempotent");

    // Labels.
    const std::string label = content_type_charset(content_type);
    const std::string_view resolved = resolve_charset_label(label);
    if (!resolved.empty())
      FUZZ_CHECK(resolve_charset_label(resolved) == resolved, "label '" + std::string(resolved) + "' does not resolve to itself");
    const std::string_view meta = prescan_meta_charset(body);
    if (!meta.empty()) {
      FUZZ_CHECK(resolve_charset_label(meta) == meta, "prescan returned an unresolved name '" + std::string(meta) + "'");
      FUZZ_CHECK(meta != "utf-16le" && meta != "utf-16be", "prescan returned " + std::string(meta));
    }

    // The whole stage.
    const Utf8Text out = to_utf8(body, content_type);
    FUZZ_CHECK(reference_valid_utf8(out.text),
               "to_utf8 gave invalid UTF-8 (" + out.encoding + " from " + out.source + ")");
    FUZZ_CHECK(is_valid_utf8(out.text), "is_valid_utf8 rejects to_utf8's output");
    FUZZ_CHECK(!out.text.starts_with("\xEF\xBB\xBF"), "to_utf8 left a BOM (" + out.encoding + ")");
    FUZZ_CHECK(!out.encoding.empty(), "no encoding named");
    FUZZ_CHECK(resolve_charset_label(out.encoding) == out.encoding, "encoding '" + out.encoding + "' is not canonical");
    if (out.source == "header") {
      FUZZ_CHECK(out.encoding == resolved, "header source but encoding " + out.encoding + " != " + std::string(resolved));
    } else if (out.source == "meta") {
      FUZZ_CHECK(out.encoding == meta, "meta source but encoding " + out.encoding + " != " + std::string(meta));
    } else if (out.source == "valid-utf8") {
      FUZZ_CHECK(valid_body && out.text == body && out.encoding == "utf-8", "valid-utf8 source changed the bytes");
    } else if (out.source == "fallback") {
      FUZZ_CHECK(out.encoding == "windows-1252" && !valid_body, "fallback with " + out.encoding);
    } else {
      FUZZ_CHECK(out.source == "bom", "unknown source '" + out.source + "'");
    }
    if (valid_body && !body.starts_with("\xEF\xBB\xBF") && out.encoding == "utf-8")
      FUZZ_CHECK(out.text == body, "valid UTF-8 decoded as UTF-8 changed");

    const Utf8Text again = to_utf8(body, content_type);
    FUZZ_CHECK(again.text == out.text && again.encoding == out.encoding && again.source == out.source,
               "to_utf8 is not deterministic");
  });
}
