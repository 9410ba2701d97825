#include "tosdiff/pipeline/digest_query.hpp"

#include <nlohmann/json.hpp>

#include "tosdiff/archive/notes.hpp"
#include "tosdiff/report/change_words.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/util/clock.hpp"

namespace tosdiff {

using ordered_json = nlohmann::ordered_json;
using time_point = std::chrono::system_clock::time_point;

namespace {

bool selected(const std::vector<std::string>& names, const std::string& platform, const std::string& document) {
  if (names.empty()) return true;
  for (const std::string& name : names)
    if (name == platform || name == platform + "/" + document) return true;
  return false;
}

}  // namespace

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

std::vector<DigestNote> archived_notes(const Archive& archive, time_point since, time_point until,
                                       const std::vector<std::string>& names, std::vector<std::string>& warnings) {
  std::vector<DigestNote> out;
  for (const auto& [platform, document] : archive.document_directories()) {
    if (!selected(names, platform, document)) continue;
    std::vector<Note> notes;
    try {
      notes = read_notes(archive, platform, document);
    } catch (const ArchiveError& e) {
      warnings.push_back(platform + "/" + document + ": notes unreadable (" + e.what() + ")");
      continue;
    }
    std::string platform_title = platform, document_title = document;
    bool titled = false;
    for (const Note& note : notes) {
      time_point at;
      if (!parse_utc(note.at, at) || at < since || at > until) continue;
      if (!titled) {
        titled = true;
        try {
          const DocumentIndex index = archive.load(platform, document);
          if (const VersionEntry* current = index.current()) {
            const ChangeRecord record = record_from_json(ordered_json::parse(archive.read_record(index, *current)));
            platform_title = platform_name(record);
            document_title = document_name(record);
          }
        } catch (const std::exception&) {
          // Untitled: archived_changes reports what is wrong with the document.
        }
      }
      out.push_back({platform, document, platform_title, document_title, note.at, note.version, note.text});
    }
  }
  return out;
}

}  // namespace tosdiff
