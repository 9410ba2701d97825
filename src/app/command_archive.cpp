// The commands that read the archive: list, show, diff, history.

#include <ostream>

#include <nlohmann/json.hpp>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/pipeline/run.hpp"
#include "tosdiff/app/cli.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/util/json_fields.hpp"
#include "tosdiff/pipeline/verify.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

DocumentIndex load_existing(const Archive& archive, const DocumentSpec& doc) {
  DocumentIndex index = archive.load(doc.platform_id, doc.document_id);
  if (index.versions.empty())
    throw FatalError("nothing archived for " + doc.key() + " yet (run `tosdiff check " + doc.key() + "`)");
  return index;
}

// A version named by its number, or the one in force at a date (the last captured at or
// before it).
const VersionEntry& resolve_version(const DocumentIndex& index, const std::string& spec, const std::string& key) {
  if (const VersionEntry* v = index.find_version(spec)) return *v;
  std::chrono::system_clock::time_point when;
  if (!parse_utc(spec, when)) throw UsageError("'" + spec + "' is neither a version number of " + key + " nor a date");
  if (spec.size() == 10) when += std::chrono::hours(24) - std::chrono::seconds(1);  // a day means its end
  const VersionEntry* found = nullptr;
  for (const auto& v : index.versions) {
    std::chrono::system_clock::time_point captured;
    if (parse_utc(v.captured_at, captured) && captured <= when) found = &v;
  }
  if (!found) throw FatalError("no version of " + key + " was archived by " + spec);
  return *found;
}

// The version archived just before `version` (itself for the first): the index's order,
// whatever the numbers (an index may have a gap until `verify --repair` fills it).
const VersionEntry& version_before(const DocumentIndex& index, const VersionEntry& version) {
  const VersionEntry* before = &version;
  for (const VersionEntry& v : index.versions) {
    if (&v == &version) break;
    before = &v;
  }
  return *before;
}

}  // namespace

int command_list(Context& context, bool json) {
  Archive archive(context.data_dir());
  std::ostream& out = context.out();
  const Catalog& catalog = context.catalog();
  // Broken declarations: told on stderr, left out of the list, exit code 3 at the end.
  const std::size_t broken_platforms = context.report_catalog_problems();
  for (const Platform& platform : catalog.platforms()) {
    if (catalog.is_broken(platform.id)) continue;
    for (const DocumentSpec& doc : platform.documents) {
      DocumentIndex index;
      std::string problem;
      try {
        index = archive.load(doc.platform_id, doc.document_id);
      } catch (const ArchiveError& e) {
        problem = e.what();
      }
      const std::string status = !problem.empty()   ? "archive-error"
                                 : doc.retired      ? "retired"
                                 : index.last_check ? std::string(to_string(index.last_check->status))
                                                    : "never checked";
      if (json) {
        ordered_json j;
        j["platform"] = doc.platform_id;
        j["document"] = doc.document_id;
        j["title"] = doc.title();
        j["urls"] = ordered_json::array();
        for (const auto& s : doc.latest_sources()) j["urls"].push_back(s.url);
        j["built_in"] = platform.built_in;
        j["retired"] = doc.retired;
        j["origin"] = doc.origin;
        if (!doc.shadows.empty()) j["shadows"] = doc.shadows;
        j["versions"] = index.versions.size();
        j["last_status"] = !problem.empty()   ? ordered_json("archive-error")
                           : index.last_check ? ordered_json(std::string(to_string(index.last_check->status)))
                                              : ordered_json(nullptr);
        if (!problem.empty()) j["archive_error"] = problem;
        j["last_checked_at"] = index.last_check ? ordered_json(index.last_check->at) : ordered_json(nullptr);
        if (index.last_check && index.last_check->error)
          j["last_error"] = {{"kind", std::string(to_string(index.last_check->error->kind))},
                             {"message", index.last_check->error->message}};
        out << dump(j) << "\n";
      } else {
        std::string line = doc.key();
        line.resize(std::max<std::size_t>(line.size() + 2, 44), ' ');
        line += status;
        if (index.last_check) line += " " + index.last_check->at;
        if (!index.versions.empty()) line += "  v" + index.versions.back().id();
        out << line << "  " << doc.title() << "\n";
      }
    }
  }
  return broken_platforms > 0 ? exit_code::document_failed : exit_code::ok;
}

int command_show(Context& context, const ShowCommandOptions& options) {
  DocumentSpec doc = context.one_document(options.target);
  Archive archive(context.data_dir());
  DocumentIndex index = load_existing(archive, doc);
  const VersionEntry& version = options.at.empty() ? *index.current() : resolve_version(index, options.at, doc.key());
  context.out() << archive.read_version(index, version);
  return exit_code::ok;
}

int command_diff(Context& context, const DiffCommandOptions& options) {
  DocumentSpec doc = context.one_document(options.target);
  Archive archive(context.data_dir());
  DocumentIndex index = load_existing(archive, doc);
  TextStyle style = context.style();
  style.verbose = true;  // asked for explicitly: show cosmetic hunks too

  ChangeRecord result;
  if (options.from.empty() && options.to.empty()) {
    const VersionEntry& latest = *index.current();
    const std::string path = archive.record_path(index, latest.number).string();
    try {
      result = record_from_json(ordered_json::parse(archive.read_record(index, latest)));
    } catch (const nlohmann::json::exception& e) {
      throw ArchiveError(path + ": the change record of version " + latest.id() + " is damaged (" + e.what() +
                         "); run `tosdiff verify --repair` to rebuild it");
    } catch (const JsonFieldError& e) {
      throw ArchiveError(path + ": the change record of version " + latest.id() + " is damaged (" + e.what() +
                         "); run `tosdiff verify --repair` to rebuild it");
    }
  } else {
    const VersionEntry& to = options.to.empty() ? *index.current() : resolve_version(index, options.to, doc.key());
    const VersionEntry& from = options.from.empty() ? version_before(index, to) : resolve_version(index, options.from, doc.key());
    // Two versions compared on their own, by the record builder check uses.
    const Text before = parse_text(archive.read_version(index, from));
    const Text after = parse_text(archive.read_version(index, to));
    RecordInput input;
    input.platform = doc.platform_id;
    input.document = doc.document_id;
    input.title = doc.title();
    for (const auto& s : doc.latest_sources()) input.urls.push_back(s.url);
    input.checked_at = to.captured_at;
    input.current = to;
    input.current_text = &after;
    input.previous = from;
    input.previous_text = &before;
    input.rules = &context.rules();
    result = build_record(input).record;
  }
  if (options.json) {
    context.out() << record_to_json(result).dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  } else {
    context.out() << (result.status == Status::unchanged ? doc.key() + ": the versions are identical\n"
                                                   : record_to_text(result, style));
  }
  return exit_code::ok;
}

int command_history(Context& context, const std::string& target, bool json) {
  std::vector<DocumentSpec> docs = context.select_documents({target}, Context::Purpose::read);
  Archive archive(context.data_dir());
  std::ostream& out = context.out();
  bool any = false;
  for (const DocumentSpec& doc : docs) {
    DocumentIndex index = archive.load(doc.platform_id, doc.document_id);
    for (const VersionEntry& v : index.versions) {
      any = true;
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
        out << dump(j) << "\n";
      } else {
        std::string kind(v.status == Status::new_document ? "new" : to_string(v.significance));
        std::string line = doc.key() + "  v" + v.id() + "  " + v.captured_at + "  ";
        kind.resize(std::max<std::size_t>(kind.size(), 11), ' ');
        if (severity.empty()) severity = "-";
        severity.resize(std::max<std::size_t>(severity.size(), 8), ' ');
        out << line << kind << "  " << severity << "  " << v.summary << "\n";
      }
    }
  }
  if (!any && !json) out << "nothing archived for " << target << " yet\n";
  return exit_code::ok;
}

int command_verify(Context& context, bool repair, bool json, double lock_wait_seconds) {
  std::error_code ec;
  if (!std::filesystem::exists(context.data_dir(), ec)) {
    // Nothing was ever archived (or a first run was killed before it made the directory).
    if (!json) context.out() << "no archive at " << context.data_dir().string() << ": nothing to verify\n";
    return exit_code::ok;
  }
  if (!std::filesystem::is_directory(context.data_dir(), ec))
    throw FatalError(context.data_dir().string() + " is not a directory");
  Archive archive(context.data_dir());
  ArchiveLock lock(context.data_dir(), lock_wait_seconds);  // no writer may run while files are judged
  VerifyReport report = verify_archive(archive, repair, context.rules());
  std::ostream& out = context.out();
  std::size_t problems = 0, leftovers = 0, repaired = 0;
  for (const VerifyFinding& f : report.findings) {
    (f.problem ? problems : leftovers)++;
    if (f.repaired) ++repaired;
    if (json) {
      out << dump(ordered_json{{"path", f.path}, {"kind", f.kind}, {"problem", f.problem},
                               {"repaired", f.repaired}, {"message", f.message}})
          << "\n";
    } else {
      out << (f.problem ? "problem " : "note    ") << f.kind << "  " << f.path << ": " << f.message
          << (f.repaired ? " [repaired]" : "") << "\n";
    }
  }
  if (!json)
    out << report.documents << " documents, " << report.files << " files checked; " << problems << " problems, "
        << leftovers << " leftovers of interrupted runs, " << repaired << " repaired; "
        << report.open_problems() << " problems left\n";
  return report.open_problems() == 0 ? exit_code::ok : exit_code::document_failed;
}

}  // namespace tosdiff
