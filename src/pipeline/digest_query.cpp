#include "tosdiff/pipeline/digest_query.hpp"

#include <nlohmann/json.hpp>

#include "tosdiff/report/record_json.hpp"
#include "tosdiff/util/clock.hpp"

namespace tosdiff {

using ordered_json = nlohmann::ordered_json;
using time_point = std::chrono::system_clock::time_point;

std::vector<DigestEntry> archived_changes(const Archive& archive, time_point since, time_point until,
                                          const std::vector<std::string>& names, std::vector<std::string>& warnings,
                                          std::vector<std::string>& unreadable) {
  std::vector<DigestEntry> out;
  std::vector<bool> matched(names.size(), false);
  // Every document directory, not only those with an index: a lost index is a problem to
  // report, not a document that never changed.
  for (const auto& [platform, document] : archive.document_directories()) {
    bool wanted = names.empty();
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == platform || names[i] == platform + "/" + document) {
        wanted = true;
        matched[i] = true;
      }
    }
    if (!wanted) continue;
    DocumentIndex index;
    try {
      index = archive.load(platform, document);
    } catch (const std::exception& e) {
      unreadable.push_back(platform + "/" + document + ": " + e.what());
      continue;
    }
    for (const VersionEntry& v : index.versions) {
      time_point captured;
      if (!parse_utc(v.captured_at, captured) || captured < since || captured > until) continue;
      DigestEntry entry;
      entry.captured_at = v.captured_at;
      try {
        entry.record = record_from_json(ordered_json::parse(archive.read_record(index, v)));
      } catch (const std::exception& e) {
        // The index still says what happened; the details are lost with the record.
        warnings.push_back(platform + "/" + document + " version " + v.id() + ": record unreadable (" + e.what() + ")");
        entry.record.platform = platform;
        entry.record.document = document;
        entry.record.status = v.status;
        entry.record.significance = v.significance;
        entry.record.cosmetic_kinds = v.cosmetic_kinds;
        entry.record.checked_at = v.captured_at;
      }
      if (entry.record.status != Status::new_document && entry.record.status != Status::changed) continue;
      out.push_back(std::move(entry));
    }
  }
  for (std::size_t i = 0; i < names.size(); ++i)
    if (!matched[i]) warnings.push_back("nothing archived for " + names[i]);
  return out;
}

}  // namespace tosdiff
