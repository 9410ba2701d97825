#include "tosdiff/pipeline/variant_memory.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "tosdiff/report/record_json.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/util/json_fields.hpp"

namespace tosdiff {
namespace {

bool has_kind(const std::vector<std::string>& kinds, const char* kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

VariantMemory variant_memory(const Archive& archive, const DocumentIndex& index, std::size_t count,
                             const std::string& now) {
  VariantMemory memory;
  std::chrono::system_clock::time_point at;
  if (!parse_utc(now, at)) return memory;
  std::size_t read = 0;
  for (std::size_t k = std::min(count, index.versions.size()); k-- > 0 && read < kVariantRecords;) {
    const VersionEntry& v = index.versions[k];
    std::chrono::system_clock::time_point captured;
    if (!parse_utc(v.captured_at, captured)) continue;
    if (at - captured > kVariantMemory) break;  // older ones are older still
    const bool flapping = has_kind(v.cosmetic_kinds, "flapping");
    if (!flapping && !has_kind(v.cosmetic_kinds, "variant")) continue;
    ++read;
    ChangeRecord record;
    try {
      record = record_from_json(nlohmann::ordered_json::parse(archive.read_record(index, v)));
    } catch (const ArchiveError&) {
      continue;
    } catch (const nlohmann::json::exception&) {
      continue;
    } catch (const JsonFieldError&) {
      continue;
    }
    if (!record.change) continue;
    const std::size_t before = memory.edits.size();
    for (const Hunk& hunk : record.change->hunks) {
      const bool switched = flapping ? !hunk.cosmetic || has_kind(hunk.cosmetic_kinds, "variant")
                                     : has_kind(hunk.cosmetic_kinds, "variant");
      if (!switched) continue;
      for (WordEdit& edit : word_edits(hunk)) memory.edits.push_back(std::move(edit));
    }
    if (memory.edits.size() > before && memory.seen_in.empty()) memory.seen_in = v.id();
  }
  return memory;
}

}  // namespace tosdiff
