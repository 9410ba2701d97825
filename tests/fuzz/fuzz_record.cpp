// Fuzzes the change record reader (record_from_json) on any JSON value: records are read
// back from records/<n>.json by `diff`, `history`, `digest` and the outbox, and a damaged or
// hand-edited one must be an error, never undefined behaviour.
//
// Input: bytes parsed as JSON (inputs that are not JSON are skipped).
// Invariants:
//   - record_from_json throws nothing but JsonFieldError and nlohmann's exceptions;
//   - a record it accepts can be used: summarize() does not throw, record_to_text() is
//     valid UTF-8, record_to_json(...).dump() does not throw (invalid UTF-8 replaced);
//   - written again and read back, it is stable: record_to_json(record_from_json(J)) == J
//     for J = record_to_json(record_from_json(input)).

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "tosdiff/util/json_fields.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/record_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tosdiff;
  using namespace tosdiff::fuzz;
  using ordered_json = nlohmann::ordered_json;
  if (size > 128 * 1024) return 0;
  return run_guarded([&] {
    ordered_json input;
    try {
      input = ordered_json::parse(as_view(data, size));
    } catch (const nlohmann::json::exception&) {
      return;  // not JSON: the callers' parse error, not the reader's business
    }
    ChangeRecord record;
    try {
      record = record_from_json(input);
    } catch (const JsonFieldError&) {
      return;
    } catch (const nlohmann::json::exception&) {
      return;
    }
    const std::string summary = summarize(record);
    TextStyle style;
    style.verbose = true;
    const std::string text = record_to_text(record, style);
    FUZZ_CHECK(reference_valid_utf8(text), "record_to_text is not valid UTF-8: " + excerpt(text));
    const auto replace = ordered_json::error_handler_t::replace;
    const ordered_json once = record_to_json(record);
    const std::string once_text = once.dump(2, ' ', false, replace);
    ChangeRecord again;
    try {
      again = record_from_json(ordered_json::parse(once_text));
    } catch (const std::exception& e) {
      FUZZ_CHECK(false, std::string("a written record does not read back: ") + e.what() + "\n" + excerpt(once_text, 400));
    }
    const ordered_json twice = record_to_json(again);
    const ordered_json thrice = record_to_json(record_from_json(ordered_json::parse(twice.dump(-1, ' ', false, replace))));
    FUZZ_CHECK(twice == thrice, "the record does not read back to the same:\n" + excerpt(twice.dump(-1, ' ', false, replace), 400) +
                                    "\n---\n" + excerpt(thrice.dump(-1, ' ', false, replace), 400));
  });
}
