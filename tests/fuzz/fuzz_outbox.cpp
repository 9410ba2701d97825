// Fuzzes the outbox entry reader (outbox_entry_from_json) on any JSON value: an entry of
// <data>/.outbox/ that a crash, a full disk or a hand edit damaged must be set aside
// (Outbox::entries moves it to given-up/), never crash the next check.
//
// Input: bytes parsed as JSON (inputs that are not JSON are skipped).
// Invariants:
//   - outbox_entry_from_json throws nothing but std::runtime_error (JsonFieldError and its
//     own "not an outbox entry") and nlohmann's exceptions;
//   - an entry it accepts has a target key, at least one record, attempts in [0, 10^6];
//   - written (outbox_entry_to_json) and read back, it is stable.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "tosdiff/notify/outbox.hpp"

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
      return;
    }
    OutboxEntry entry;
    try {
      entry = outbox_entry_from_json(input);
    } catch (const nlohmann::json::exception&) {
      return;
    } catch (const std::runtime_error&) {
      return;
    }
    FUZZ_CHECK(!entry.target_key.empty(), "accepted an entry without a target key");
    FUZZ_CHECK(!entry.records.empty(), "accepted an entry without records");
    FUZZ_CHECK(entry.attempts >= 0 && entry.attempts <= 1000000, "attempts " + std::to_string(entry.attempts));
    (void)Outbox::exhausted(entry, std::chrono::system_clock::time_point{});
    const auto replace = ordered_json::error_handler_t::replace;
    const std::string once = outbox_entry_to_json(entry).dump(2, ' ', false, replace);
    OutboxEntry again;
    try {
      again = outbox_entry_from_json(ordered_json::parse(once));
    } catch (const std::exception& e) {
      FUZZ_CHECK(false, std::string("a written entry does not read back: ") + e.what() + "\n" + excerpt(once, 400));
    }
    const std::string twice = outbox_entry_to_json(again).dump(2, ' ', false, replace);
    const std::string thrice =
        outbox_entry_to_json(outbox_entry_from_json(ordered_json::parse(twice))).dump(2, ' ', false, replace);
    FUZZ_CHECK(twice == thrice, "the entry does not read back to the same:\n" + excerpt(twice, 400) + "\n---\n" +
                                    excerpt(thrice, 400));
  });
}
