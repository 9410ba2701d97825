// `tosdiff history` (every version of a document, with the notes written about it) and
// `tosdiff note` (writes one).

#include <algorithm>
#include <ostream>

#include <nlohmann/json.hpp>

#include "tosdiff/app/cli.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/archive/archive.hpp"
#include "tosdiff/archive/notes.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string padded(std::string text, std::size_t width) {
  text.resize(std::max(text.size(), width), ' ');
  return text;
}

void print_version(std::ostream& out, const Archive& archive, const DocumentIndex& index, const DocumentSpec& doc,
                   const VersionEntry& v, bool json) {
  // The severity is in the version's record (records older than classification have none).
  std::string severity;
  ordered_json topics = ordered_json::array(), regulations = ordered_json::array();
  try {
    const ordered_json record = ordered_json::parse(archive.read_record(index, v));
    severity = record.value("severity", "");
    for (const auto& t : record.value("topics", ordered_json::array()))
      topics.push_back({{"id", t.value("id", "")}, {"label", t.value("label", "")}});
    for (const auto& g : record.value("regulations", ordered_json::array())) regulations.push_back(g.value("id", ""));
  } catch (const std::exception&) {
  }
  if (json) {
    ordered_json j;
    j["platform"] = doc.platform_id;
    j["document"] = doc.document_id;
    j["version"] = v.id();
    j["captured_at"] = v.captured_at;
    j["status"] = std::string(to_string(v.status));
    if (v.significance != Significance::none) j["significance"] = std::string(to_string(v.significance));
    if (!v.cosmetic_kinds.empty()) j["cosmetic_kinds"] = v.cosmetic_kinds;
    if (!v.reverts_to.empty()) j["reverts_to"] = v.reverts_to;
    j["sha256"] = v.sha256;
    j["summary"] = v.summary;
    if (!severity.empty()) j["severity"] = severity;
    if (!topics.empty()) j["topics"] = topics;
    if (!regulations.empty()) j["regulations"] = regulations;
    out << json_line(j) << "\n";
    return;
  }
  const std::string kind(v.status == Status::new_document ? "new" : to_string(v.significance));
  out << doc.key() << "  v" << v.id() << "  " << v.captured_at << "  " << padded(kind, 11) << "  "
      << padded(severity.empty() ? "-" : severity, 8) << "  " << v.summary << "\n";
}

void print_note(std::ostream& out, const DocumentSpec& doc, const Note& note, bool json) {
  if (json) {
    ordered_json j;
    j["platform"] = doc.platform_id;
    j["document"] = doc.document_id;
    j["note"] = note.text;
    j["at"] = note.at;
    if (!note.version.empty()) j["version"] = note.version;
    out << json_line(j) << "\n";
    return;
  }
  // One line, as the versions are: a note's own line breaks shown as " / ".
  std::string text = note.text;
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 3)) text.replace(at, 1, " / ");
  out << doc.key() << "  " << padded(note.version.empty() ? "-" : "v" + note.version, 2) << "  " << note.at << "  "
      << padded("note", 11) << "  " << padded("", 8) << "  " << text << "\n";
}

}  // namespace

int command_history(Context& context, const std::string& target, bool json) {
  std::vector<DocumentSpec> docs = context.archived_documents(target);
  Archive archive(context.data_dir());
  std::ostream& out = context.out();
  bool any = false;
  for (const DocumentSpec& doc : docs) {
    DocumentIndex index = archive.load(doc.platform_id, doc.document_id);
    std::vector<Note> notes;
    try {
      notes = read_notes(archive, doc.platform_id, doc.document_id);
    } catch (const ArchiveError& e) {
      context.err() << "tosdiff: warning: " << e.what() << " (the notes are left out)\n";
    }
    // Versions and notes in the order they were made (both are UTC times of one format); a
    // note written in the same second as a version follows it.
    std::size_t n = 0;
    for (const VersionEntry& v : index.versions) {
      for (; n < notes.size() && notes[n].at < v.captured_at; ++n) print_note(out, doc, notes[n], json);
      print_version(out, archive, index, doc, v, json);
      any = true;
    }
    for (; n < notes.size(); ++n) print_note(out, doc, notes[n], json);
  }
  if (!any && !json) out << "nothing archived for " << target << " yet\n";
  return exit_code::ok;
}

int command_note(Context& context, const NoteCommandOptions& options) {
  const std::string text(trim(options.text));
  if (text.empty()) throw UsageError("a note needs some text");
  if (text.size() > kMaxNoteBytes)
    throw UsageError("a note is at most " + std::to_string(kMaxNoteBytes / 1024) + " KiB (this one is " +
                     std::to_string(text.size()) + " bytes)");
  if (repair_utf8(text) != text) throw UsageError("a note must be UTF-8 text");
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
      throw UsageError("a note is text: no control characters but line breaks and tabs");
  DocumentSpec doc = context.archived_document(options.target);
  Archive archive(context.data_dir());
  ArchiveLock lock(context.data_dir(), options.lock_wait_seconds);  // one writer of notes.json at a time
  const DocumentIndex index = archive.load(doc.platform_id, doc.document_id);
  if (!index.current())
    throw FatalError("nothing archived for " + doc.key() + " yet: a note goes with a document's history "
                     "(run `tosdiff check " + doc.key() + "` first)");
  const Note note{format_utc(context.clock().now()), index.current()->id(), text};
  add_note(archive, doc.platform_id, doc.document_id, note);
  if (!context.quiet())
    context.out() << "noted on " << doc.key() << " (version " << note.version << ", " << note.at << ")\n";
  return exit_code::ok;
}

}  // namespace tosdiff
