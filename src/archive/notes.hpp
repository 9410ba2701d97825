#pragma once
// Notes: what people write about a document's history (`tosdiff note`), kept with it in the
// archive as <data>/<platform>/<document>/notes.json (docs/archive-layout.md):
//   {"notes": [{"at": "2026-11-29T12:00:00Z", "version": "3", "text": "..."}, ...]}
// oldest first. tosdiff never reads a note to decide anything: they are shown by `history`
// and the digest, and kept by every command (verify names the file, never deletes it).

#include <string>
#include <vector>

#include "tosdiff/archive/archive.hpp"

namespace tosdiff {

struct Note {
  std::string at;       // UTC ISO time it was written
  std::string version;  // the document's current version then ("" = none archived yet)
  std::string text;
};

// The longest note, in bytes: a note is a remark, not a document.
inline constexpr std::size_t kMaxNoteBytes = 64 * 1024;

// The document's notes, oldest first; none when it has no notes.json. Throws ArchiveError
// naming the file when it cannot be read or is not notes.
std::vector<Note> read_notes(const Archive& archive, const std::string& platform, const std::string& document);

// Adds a note: notes.json rewritten atomically (write_file_atomically), with the earlier
// notes kept. The caller holds the ArchiveLock. Throws ArchiveError when the existing file
// cannot be read (it is left as it is) or the new one cannot be written.
void add_note(const Archive& archive, const std::string& platform, const std::string& document, const Note& note);

std::filesystem::path notes_path(const Archive& archive, const std::string& platform, const std::string& document);

}  // namespace tosdiff
