// The commands that read the archive: list, show, diff, verify (history: command_history.cpp).

#include <algorithm>
#include <fnmatch.h>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/pipeline/extraction_rules.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/pipeline/run.hpp"
#include "tosdiff/app/cli.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/report/record_html.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/util/did_you_mean.hpp"
#include "tosdiff/util/json_fields.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/pipeline/verify.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

DocumentIndex load_existing(const Archive& archive, const DocumentSpec& doc) {
  DocumentIndex index = archive.load(doc.platform_id, doc.document_id);
  if (index.versions.empty())
    throw FatalError("nothing archived for " + doc.key() + " yet (run `tosdiff check " + doc.key() + "`)");
  return index;
}

// A version named as history and list print it ("v2") or by its number ("2"), or the one in
// force at a date (the last captured at or before it).
const VersionEntry& resolve_version(const DocumentIndex& index, const std::string& spec, const std::string& key) {
  const bool labelled = spec.size() > 1 && (spec[0] == 'v' || spec[0] == 'V') &&
                        spec.find_first_not_of("0123456789", 1) == std::string::npos;
  const std::string number = labelled ? spec.substr(1) : spec;
  if (const VersionEntry* v = index.find_version(number)) return *v;
  if (labelled || (!number.empty() && number.find_first_not_of("0123456789") == std::string::npos))
    throw UsageError(key + " has no version " + spec + " (" +
                     (index.versions.empty() ? std::string("none archived")
                                             : "v" + index.versions.front().id() + " to v" + index.versions.back().id()) +
                     ")");
  std::chrono::system_clock::time_point when;
  if (!parse_utc(spec, when))
    throw UsageError("'" + spec + "' is neither a version of " + key + " (v1, 2...) nor a date (YYYY-MM-DD)");
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

namespace {

// Whether `pattern` selects a document: a glob (with * ? or [) matching one of its names
// whole, else a piece of one of them; any case.
bool matches(const std::string& pattern, const std::vector<std::string>& names) {
  const bool glob = pattern.find_first_of("*?[") != std::string::npos;
  const std::string piece = ascii_lower(pattern);
  for (const std::string& name : names) {
    if (glob ? ::fnmatch(pattern.c_str(), name.c_str(), FNM_CASEFOLD) == 0
             : ascii_lower(name).find(piece) != std::string::npos)
      return true;
  }
  return false;
}

struct Listed {
  DocumentSpec doc;
  const Platform* platform = nullptr;  // null: only archived
};

}  // namespace

int command_list(Context& context, const ListCommandOptions& options) {
  Archive archive(context.data_dir());
  std::ostream& out = context.out();
  const Catalog& catalog = context.catalog();
  // Broken declarations: told on stderr, left out of the list, exit code 3 at the end.
  const std::size_t broken_platforms = context.report_catalog_problems();
  std::vector<Listed> listed;
  for (const Platform& platform : catalog.platforms()) {
    if (catalog.is_broken(platform.id)) continue;
    for (const DocumentSpec& doc : platform.documents) listed.push_back({doc, &platform});
  }
  // Documents archived under a platform or document the catalog no longer declares: their
  // history is still there, and `history`, `show`, `diff` and `digest` read it.
  for (const auto& [platform, document] : archive.documents()) {
    const Platform* declared = catalog.find(platform);
    const std::string& id = document;  // clang 14 (the fuzz build) cannot capture a binding
    const bool known = declared && std::any_of(declared->documents.begin(), declared->documents.end(),
                                               [&](const DocumentSpec& d) { return d.document_id == id; });
    if (!known && !catalog.is_broken(platform))
      for (DocumentSpec& doc : context.archived_documents(platform + "/" + document)) listed.push_back({doc, nullptr});
  }
  std::size_t shown = 0;
  for (const Listed& entry : listed) {
    const DocumentSpec& doc = entry.doc;
    if (!options.pattern.empty()) {
      std::vector<std::string> names = {doc.platform_id, doc.document_id, doc.key(), doc.platform_name, doc.terms_type,
                                        doc.title()};
      if (entry.platform) names.insert(names.end(), entry.platform->aliases.begin(), entry.platform->aliases.end());
      if (!matches(options.pattern, names)) continue;
    }
    ++shown;
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
    if (options.json) {
      ordered_json j;
      j["platform"] = doc.platform_id;
      j["document"] = doc.document_id;
      j["title"] = doc.title();
      j["urls"] = ordered_json::array();
      for (const auto& s : doc.latest_sources()) j["urls"].push_back(s.url);
      j["built_in"] = entry.platform && entry.platform->built_in;
      j["in_catalog"] = entry.platform != nullptr;
      if (entry.platform && !entry.platform->aliases.empty()) j["aliases"] = entry.platform->aliases;
      j["retired"] = doc.retired;
      if (entry.platform) j["origin"] = doc.origin;
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
      // A text held back: for `tosdiff accept`, or until it lasts.
      if (index.pending) {
        const PendingText& p = *index.pending;
        ordered_json pending;
        pending["since"] = p.since();
        pending["checks"] = p.checks;
        if (!p.returns_to.empty()) pending["returns_to"] = p.returns_to;
        if (!p.language.empty()) pending["language"] = p.language;
        if (!p.held_until_it_lasts()) pending["error"] = std::string(to_string(p.reason.kind));
        j["pending"] = std::move(pending);
      }
      out << json_line(j) << "\n";
    } else {
      std::string line = doc.key();
      line.resize(std::max<std::size_t>(line.size() + 2, 44), ' ');
      line += status;
      if (index.last_check) line += " " + index.last_check->at;
      if (!index.versions.empty()) line += "  v" + index.versions.back().id();
      if (index.pending) {
        const PendingText& p = *index.pending;
        line += !p.returns_to.empty() ? "  (v" + p.returns_to + "'s text back, held"
                : !p.language.empty() ? "  (in '" + p.language + "', held"
                                      : "  (a text held back: " + std::string(to_string(p.reason.kind));
        line += " since " + p.since() + ")";
      }
      out << line << "  " << doc.title() << (entry.platform ? "" : "  (archived only: not in the catalog)") << "\n";
    }
  }
  if (shown == 0 && !options.pattern.empty()) {
    std::vector<std::string> names;
    for (const Listed& entry : listed) {
      names.push_back(entry.doc.platform_id);
      names.push_back(entry.doc.document_id);
      if (entry.platform) names.insert(names.end(), entry.platform->aliases.begin(), entry.platform->aliases.end());
    }
    const auto near = closest(options.pattern, names);
    context.err() << "tosdiff: nothing in the catalog or the archive matches '" << options.pattern << "'"
                  << (near ? " (did you mean `" + *near + "`?)" : "") << "\n";
  }
  return broken_platforms > 0 ? exit_code::document_failed : exit_code::ok;
}

namespace {

// `show --raw`: the bytes of one page behind a version, or behind the last failed check.
int show_raw(Context& context, const Archive& archive, const DocumentSpec& doc, const ShowCommandOptions& options) {
  const DocumentIndex index = archive.load(doc.platform_id, doc.document_id);
  std::vector<std::string> pages;
  std::string what;
  if (options.error) {
    const CheckEntry* failed = index.recent_errors.empty() ? nullptr : &index.recent_errors.back();
    if (!failed) throw FatalError("no failed check of " + doc.key() + " is archived");
    if (failed->snapshots.empty())
      throw FatalError("the last failed check of " + doc.key() + " (" + failed->at + ", " +
                       (failed->error ? std::string(to_string(failed->error->kind)) : std::string("error")) +
                       ") kept no page: nothing was received");
    pages = failed->snapshots;
    what = "the failed check of " + failed->at;
  } else {
    load_existing(archive, doc);
    const VersionEntry& version = options.at.empty() ? *index.current() : resolve_version(index, options.at, doc.key());
    if (version.snapshots.empty()) throw FatalError("version " + version.id() + " of " + doc.key() + " names no page");
    pages = version.snapshots;
    what = "version " + version.id();
  }
  if (options.page > pages.size())
    throw UsageError(doc.key() + ": " + what + " has " + counted(pages.size(), "page") + ", not " +
                     std::to_string(options.page));
  const std::string& sha = pages[options.page - 1];
  const std::optional<std::string> bytes = archive.read_snapshot(index, sha);
  if (!bytes)
    throw FatalError("the page of " + what + " of " + doc.key() + " is not kept any more (snapshots/" + sha + ".html)");
  if (pages.size() > 1 && !context.quiet()) {
    const SnapshotMeta* meta = index.find_snapshot(sha);
    context.err() << "tosdiff: note: page " << options.page << " of " << pages.size() << " of " << what
                  << (meta ? " (" + meta->url + ")" : "") << "; --page N for the others\n";
  }
  context.out() << *bytes;
  return exit_code::ok;
}

}  // namespace

int command_show(Context& context, const ShowCommandOptions& options) {
  if (!options.raw && (options.error || options.page != 1)) throw UsageError("--error and --page go with --raw");
  if (options.error && !options.at.empty())
    throw UsageError("--error shows the page of the last failed check: it takes no --at");
  DocumentSpec doc = context.archived_document(options.target);
  Archive archive(context.data_dir());
  if (options.raw) return show_raw(context, archive, doc, options);
  DocumentIndex index = load_existing(archive, doc);
  const VersionEntry& version = options.at.empty() ? *index.current() : resolve_version(index, options.at, doc.key());
  context.out() << archive.read_version(index, version);
  return exit_code::ok;
}

namespace {

// The change record a check archived with `version` (a changed version), as it was written.
ChangeRecord archived_record(const Archive& archive, const DocumentIndex& index, const VersionEntry& version) {
  const std::string path = archive.record_path(index, version.number).string();
  try {
    return record_from_json(ordered_json::parse(archive.read_record(index, version)));
  } catch (const nlohmann::json::exception& e) {
    throw ArchiveError(path + ": the change record of version " + version.id() + " is damaged (" + e.what() +
                       "); run `tosdiff verify --repair` to rebuild it");
  } catch (const JsonFieldError& e) {
    throw ArchiveError(path + ": the change record of version " + version.id() + " is damaged (" + e.what() +
                       "); run `tosdiff verify --repair` to rebuild it");
  }
}

// A check compares like with like where two texts alone cannot: a version whose rules changed
// is compared with the previous page read with today's rules, a page back in its language with
// the last version in that language. Such a record says what the page changed; comparing the
// two archived texts again would report the rules' or the language's doing as changes of the
// terms (a red team's find).
bool compared_otherwise(const ChangeRecord& record) {
  return !record.rules_changed.empty() || record.language_changed.has_value();
}

}  // namespace

int command_diff(Context& context, const DiffCommandOptions& options) {
  if (options.json && options.format != "text" && options.format != "json")
    throw UsageError("--json and --format " + options.format + " cannot be combined");
  DocumentSpec doc = context.archived_document(options.target);
  Archive archive(context.data_dir());
  DocumentIndex index = load_existing(archive, doc);
  TextStyle style = context.style();
  style.verbose = true;  // asked for explicitly: show cosmetic hunks too

  ChangeRecord result;
  std::string captured_at;  // of the newer version
  if (options.from.empty() && options.to.empty()) {
    const VersionEntry& latest = *index.current();
    captured_at = latest.captured_at;
    result = archived_record(archive, index, latest);
  } else {
    const VersionEntry& to = options.to.empty() ? *index.current() : resolve_version(index, options.to, doc.key());
    captured_at = to.captured_at;
    // The change a check recorded with `to`, when it was compared otherwise than text against
    // text: shown as archived when --from is left out or names the version it was compared with.
    std::optional<ChangeRecord> recorded;
    if (to.status == Status::changed) {
      ChangeRecord record = archived_record(archive, index, to);
      if (compared_otherwise(record) && record.previous) recorded = std::move(record);
    }
    const VersionEntry& from = !options.from.empty() ? resolve_version(index, options.from, doc.key())
                               : recorded         ? resolve_version(index, recorded->previous->version, doc.key())
                                                  : version_before(index, to);
    if (recorded && recorded->previous->version == from.id()) {
      result = std::move(*recorded);
    } else {
      if (!from.rules.empty() && !to.rules.empty() && from.rules != to.rules && !context.quiet()) {
        std::string what;
        for (const std::string& sentence : rules_difference(from.rules, to.rules)) what += (what.empty() ? "" : "; ") + sentence;
        context.err() << "tosdiff: note: versions " << from.id() << " and " << to.id()
                      << " were read with different rules (" << what
                      << "): the comparison shows what the rules changed too\n";
      }
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
  }
  if (options.json || options.format == "json") {
    context.out() << record_to_json(result).dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  } else if (options.format == "html") {
    context.out() << record_to_html(result, captured_at);
  } else {
    context.out() << (result.status == Status::unchanged ? doc.key() + ": the versions are identical\n"
                                                   : record_to_text(result, style));
  }
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
      out << json_line(ordered_json{{"path", f.path}, {"kind", f.kind}, {"problem", f.problem},
                               {"repaired", f.repaired}, {"message", f.message}})
          << "\n";
    } else {
      out << (f.problem ? "problem " : "note    ") << f.kind << "  " << f.path << ": " << f.message
          << (f.repaired ? " [repaired]" : "") << "\n";
    }
  }
  if (!json)
    out << counted(report.documents, "document") << ", " << counted(report.files, "file") << " checked; "
        << counted(problems, "problem") << ", "
        << counted(leftovers, "leftover of an interrupted run", "leftovers of interrupted runs") << ", " << repaired
        << " repaired; " << counted(report.open_problems(), "problem") << " left\n";
  return report.open_problems() == 0 ? exit_code::ok : exit_code::document_failed;
}

}  // namespace tosdiff
