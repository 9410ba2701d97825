#include "tosdiff/archive/notes.hpp"

#include <nlohmann/json.hpp>

#include "tosdiff/util/atomic_file.hpp"
#include "tosdiff/util/bounded_file.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

// A notes file larger than this is not one tosdiff wrote (1,000 notes of the largest size).
constexpr std::size_t kMaxNotesFileBytes = 1000 * kMaxNoteBytes;

std::string string_field(const ordered_json& object, const char* key, bool required) {
  auto it = object.find(key);
  if (it == object.end()) {
    if (required) throw ArchiveError(std::string("a note has no \"") + key + "\"");
    return "";
  }
  if (!it->is_string()) throw ArchiveError(std::string("a note's \"") + key + "\" is not a string");
  return it->get<std::string>();
}

}  // namespace

std::filesystem::path notes_path(const Archive& archive, const std::string& platform, const std::string& document) {
  return archive.document_dir(platform, document) / "notes.json";
}

std::vector<Note> read_notes(const Archive& archive, const std::string& platform, const std::string& document) {
  const auto path = notes_path(archive, platform, document);
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return {};
  const BoundedRead read = read_bounded_file(path, kMaxNotesFileBytes);
  if (!read.ok()) throw ArchiveError(path.string() + ": " + read.problem);
  std::vector<Note> notes;
  try {
    const ordered_json root = ordered_json::parse(read.text);
    if (!root.is_object() || !root.contains("notes") || !root["notes"].is_array())
      throw ArchiveError("not an object with a \"notes\" array");
    for (const ordered_json& item : root["notes"]) {
      if (!item.is_object()) throw ArchiveError("a note is not an object");
      notes.push_back({string_field(item, "at", true), string_field(item, "version", false), string_field(item, "text", true)});
    }
  } catch (const nlohmann::json::exception& e) {
    throw ArchiveError(path.string() + ": not valid JSON (" + e.what() + ")");
  } catch (const ArchiveError& e) {
    throw ArchiveError(path.string() + ": " + e.what());
  }
  return notes;
}

void add_note(const Archive& archive, const std::string& platform, const std::string& document, const Note& note) {
  std::vector<Note> notes = read_notes(archive, platform, document);
  notes.push_back(note);
  ordered_json root;
  root["notes"] = ordered_json::array();
  for (const Note& n : notes) {
    ordered_json item;
    item["at"] = n.at;
    if (!n.version.empty()) item["version"] = n.version;
    item["text"] = n.text;
    root["notes"].push_back(std::move(item));
  }
  write_file_atomically(notes_path(archive, platform, document),
                        root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n");
}

}  // namespace tosdiff
