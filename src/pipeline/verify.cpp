#include "tosdiff/pipeline/verify.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "tosdiff/archive/notes.hpp"
#include "tosdiff/model/ids.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/pipeline/variant_memory.hpp"
#include "tosdiff/classify/classify.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/util/sha256.hpp"

namespace tosdiff {
namespace {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

bool is_temp_file(const fs::path& path) {
  return path.filename().string().rfind(std::string(kTempFilePrefix), 0) == 0;
}

class DocumentVerifier {
 public:
  DocumentVerifier(const Archive& archive, std::string platform, std::string document, bool repair,
                   const Rules& rules, VerifyReport& report)
      : archive_(archive), platform_(std::move(platform)), document_(std::move(document)), repair_(repair),
        rules_(rules), report_(report), dir_(archive.document_dir(platform_, document_)) {}

  void run() {
    ++report_.documents;
    try {
      remove_temp_files();
      DocumentIndex index;
      if (!load_or_rebuild(index)) return;
      fill_gaps(index);
      check_versions(index);
      check_snapshots(index);
      check_pending(index);
      check_notes();
      check_unreferenced(index);
    } catch (const std::exception& e) {
      // One document's damage never stops the verification of the others.
      add("", "unreadable", std::string(e.what()) + " (left as it is)");
    }
    report_.findings.insert(report_.findings.end(), unsynced_.begin(), unsynced_.end());
  }

 private:
  std::string rel(const std::string& inside) const { return platform_ + "/" + document_ + "/" + inside; }

  VerifyFinding& add(const std::string& inside, const std::string& kind, const std::string& message,
                     bool problem = true) {
    report_.findings.push_back({rel(inside), kind, message, problem, false});
    return report_.findings.back();
  }

  bool file_hashes_to(const fs::path& path, const std::string& sha, std::string* content = nullptr) {
    ++report_.files;
    std::string bytes = read_whole_file(path);
    bool ok = sha256_hex(bytes) == sha;
    if (content) *content = std::move(bytes);
    return ok;
  }

  // The archive's writers are stopped (the lock is held): a temp file is what a killed
  // run was writing. tosdiff never reads one.
  void remove_temp_files() {
    std::error_code ec;
    std::vector<fs::path> temps;
    for (const auto& entry : fs::recursive_directory_iterator(dir_, ec))
      if (entry.is_regular_file() && is_temp_file(entry.path())) temps.push_back(entry.path());
    for (const auto& path : temps) {
      auto& f = add(fs::relative(path, dir_, ec).generic_string(), "leftover",
                    "temp file of an interrupted write (never read by tosdiff)", false);
      if (repair_ && fs::remove(path, ec)) f.repaired = true;
    }
  }

  bool load_or_rebuild(DocumentIndex& index) {
    const fs::path path = dir_ / "index.json";
    std::error_code ec;
    if (fs::symlink_status(path, ec).type() != fs::file_type::not_found) {
      try {
        index = archive_.load(platform_, document_);
        ++report_.files;
        return true;
      } catch (const ArchiveError& e) {
        auto& f = add("index.json", "corrupt", e.what());
        if (!repair_) return false;
        // Rebuilt in memory first, and the damaged index copied aside, never renamed away:
        // until the new index is durable, the old one stays where it was.
        if (!rebuild_index(index)) return false;
        set_aside_damaged_index();
        commit(index);
        f.repaired = true;
        return true;
      }
    }
    if (archive_.index_absence(platform_, document_) != IndexAbsence::lost) {
      // Nothing was ever archived here (or a first check was killed before it committed):
      // the files are that check's leftovers.
      index = DocumentIndex{};
      index.platform = platform_;
      index.document = document_;
      for (const std::string& file : archive_.garbage_files(index)) {
        if (is_temp_file(file)) continue;
        auto& f = add(file, "leftover", "written by a first check killed before it committed", false);
        if (repair_ && fs::remove(dir_ / file, ec)) f.repaired = true;
      }
      if (fs::exists(dir_ / ".transaction", ec)) {
        auto& f = add(".transaction", "leftover", "a first check was killed while writing", false);
        if (repair_ && fs::remove(dir_ / ".transaction", ec)) f.repaired = true;
      }
      return false;
    }
    auto& f = add("index.json", "missing", "the document's versions are archived but its index is gone");
    if (repair_ && rebuild_index(index)) {
      commit(index);
      f.repaired = true;
      return true;
    }
    return false;
  }

  // A repair's write is done once its file is renamed into place: a directory sync that
  // fails after it is a finding of its own. Thrown on, it ended the document's verification
  // as "unreadable ... (left as it is)" for an index or record that had been replaced, and
  // left the rest of the document unverified.
  void commit(const DocumentIndex& index) {
    archive_.commit(index, Sync::file_only);
    made_durable(dir_, "index.json");
  }
  // (Kept aside until the document is done: add() may move the findings whose references
  // the callers hold.)
  void made_durable(const fs::path& directory, const std::string& file) {
    try {
      sync_directory(directory);
    } catch (const ArchiveError& e) {
      unsynced_.push_back({rel(file), "unsynced", std::string(e.what()) + ": repaired, but a power cut could undo it",
                           true, false});
    }
  }

  // A copy of the damaged index beside it (index.json.corrupt, .corrupt.2, ...), durable
  // before anything replaces the original. Throws ArchiveError (and nothing is replaced)
  // when the copy cannot be written, on a full disk say.
  void set_aside_damaged_index() {
    std::error_code ec;
    fs::path aside = dir_ / "index.json.corrupt";
    for (int n = 2; fs::symlink_status(aside, ec).type() != fs::file_type::not_found; ++n)
      aside = dir_ / ("index.json.corrupt." + std::to_string(n));
    write_file_atomically(aside, read_whole_file(dir_ / "index.json"), Sync::full);
  }

  // What the archive says of version `number` when its index does not: its change record
  // (when it describes that version and its text hashes to it), else the text alone (its
  // date then the file's). Nothing when neither can vouch for it.
  std::optional<VersionEntry> version_from_files(std::uint64_t number) {
    const std::string id = std::to_string(number);
    const fs::path text_path = dir_ / "versions" / (id + ".txt");
    const fs::path record_path = dir_ / "records" / (id + ".json");
    std::error_code ec;
    if (!fs::exists(text_path, ec)) return std::nullopt;
    std::string text;
    try {
      text = read_whole_file(text_path);
    } catch (const ArchiveError&) {
      return std::nullopt;
    }
    VersionEntry v;
    v.number = number;
    v.sha256 = sha256_hex(text);
    try {
      const ordered_json record = ordered_json::parse(read_whole_file(record_path));
      const ordered_json& current = record.at("current");
      if (current.at("version").get<std::string>() == id && current.at("sha256").get<std::string>() == v.sha256) {
        v.captured_at = current.value("captured_at", "");
        v.snapshots = current.value("snapshots", std::vector<std::string>{});
        if (v.snapshots.empty() && current.contains("snapshot_sha256"))
          v.snapshots.push_back(current["snapshot_sha256"].get<std::string>());
        v.status = status_from_string(record.value("status", "")).value_or(Status::changed);
        v.significance = significance_from_string(record.value("significance", "")).value_or(Significance::none);
        v.cosmetic_kinds = record.value("cosmetic_kinds", std::vector<std::string>{});
        v.summary = record.value("summary", "");
        v.reverts_to = record.value("reverts_to", "");
        return v;
      }
    } catch (const std::exception&) {
      // no record, or one that cannot vouch for this text: the text alone then
    }
    const auto written = fs::last_write_time(text_path, ec);
    if (!ec)
      v.captured_at = format_utc(std::chrono::time_point_cast<std::chrono::system_clock::duration>(
          std::chrono::file_clock::to_sys(written)));
    v.status = Status::changed;
    return v;
  }

  // Version and record numbers present on disk.
  std::set<std::uint64_t> numbers_on_disk() const {
    std::set<std::uint64_t> out;
    std::error_code ec;
    for (const char* sub : {"versions", "records"}) {
      for (const auto& entry : fs::directory_iterator(dir_ / sub, ec)) {
        std::string name;
        const ArchiveFileKind kind = archive_file_kind(std::string(sub) + "/" + entry.path().filename().string(), &name);
        if (kind == ArchiveFileKind::version || kind == ArchiveFileKind::record) out.insert(std::stoull(name));
      }
    }
    return out;
  }

  // The index from the version texts and change records on disk: every version a record
  // or a text vouches for.
  bool rebuild_index(DocumentIndex& index) {
    index = DocumentIndex{};
    index.platform = platform_;
    index.document = document_;
    std::error_code ec;
    for (std::uint64_t number : numbers_on_disk())
      if (auto v = version_from_files(number)) index.versions.push_back(std::move(*v));
    if (index.versions.empty()) return false;
    if (index.versions.front().status == Status::changed && index.versions.front().significance == Significance::none)
      index.versions.front().status = Status::new_document;
    for (const VersionEntry& v : index.versions) add_snapshots_of(index, v);
    CheckEntry last;
    last.at = index.versions.back().captured_at;
    last.status = index.versions.back().status;
    index.last_check = last;
    return true;
  }

  // The snapshots a version names that are on disk, into the index (their metadata is what
  // the version's record knew: the declared URLs).
  void add_snapshots_of(DocumentIndex& index, const VersionEntry& v) {
    std::vector<std::string> urls;
    try {
      const ordered_json record = ordered_json::parse(read_whole_file(dir_ / "records" / (v.id() + ".json")));
      if (record.contains("urls")) urls = record["urls"].get<std::vector<std::string>>();
      else if (record.contains("url")) urls.push_back(record["url"].get<std::string>());
    } catch (const std::exception&) {
    }
    std::error_code ec;
    for (std::size_t i = 0; i < v.snapshots.size(); ++i) {
      const std::string& sha = v.snapshots[i];
      std::string name;
      if (archive_file_kind("snapshots/" + sha + ".html", &name) != ArchiveFileKind::snapshot) continue;
      if (index.find_snapshot(sha) || !fs::exists(dir_ / "snapshots" / (sha + ".html"), ec)) continue;
      SnapshotMeta meta;
      meta.sha256 = sha;
      meta.url = i < urls.size() ? urls[i] : "";
      meta.final_url = meta.url;
      meta.status = 200;
      meta.fetched_at = v.captured_at;
      meta.bytes = fs::file_size(dir_ / "snapshots" / (sha + ".html"), ec);
      index.snapshots.push_back(meta);
      if (!meta.url.empty()) index.set_latest(meta.url, sha);
    }
  }

  // Versions whose files exist but that the index does not name: below its last version
  // (a gap), or above it when no interrupted run explains them (an index that lost its
  // tail). Re-inserted by a repair; an interrupted run's files are left to
  // check_unreferenced.
  void fill_gaps(DocumentIndex& index) {
    const std::uint64_t last = index.versions.empty() ? 0 : index.versions.back().number;
    const bool interrupted = archive_.interrupted(index);
    bool changed = false;
    for (std::uint64_t number : numbers_on_disk()) {
      if (index.find_version(std::to_string(number))) continue;
      if (number > last && interrupted) continue;
      auto v = version_from_files(number);
      if (!v) continue;  // nothing vouches for it: check_unreferenced sets it aside
      auto& f = add("versions/" + v->id() + ".txt", "gap",
                    "version " + v->id() + " is archived but missing from the index");
      gaps_.insert(number);
      if (!repair_) continue;
      auto at = std::find_if(index.versions.begin(), index.versions.end(),
                             [&](const VersionEntry& e) { return e.number > number; });
      const VersionEntry inserted = *v;
      index.versions.insert(at, std::move(*v));
      add_snapshots_of(index, inserted);
      f.repaired = true;
      changed = true;
    }
    if (changed) commit(index);
  }

  void check_versions(DocumentIndex& index) {
    for (std::size_t k = 0; k < index.versions.size(); ++k) {
      const VersionEntry& v = index.versions[k];
      const std::string version_file = "versions/" + v.id() + ".txt";
      std::error_code ec;
      if (!fs::exists(dir_ / version_file, ec)) {
        add(version_file, "missing", "version " + v.id() + "'s text is gone; it cannot be rebuilt");
      } else if (!file_hashes_to(dir_ / version_file, v.sha256)) {
        add(version_file, "corrupt", "version " + v.id() + "'s text does not hash to the index's sha256");
      }
      const std::string record_file = "records/" + v.id() + ".json";
      std::string problem = record_problem(dir_ / record_file, v);
      if (problem.empty()) continue;
      auto& f = add(record_file, fs::exists(dir_ / record_file, ec) ? "corrupt" : "missing", problem);
      if (repair_ && rebuild_record(index, k)) f.repaired = true;
    }
  }

  std::string record_problem(const fs::path& path, const VersionEntry& v) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return "the change record of version " + v.id() + " is gone";
    ++report_.files;
    try {
      ordered_json record = ordered_json::parse(read_whole_file(path));
      const auto& current = record.at("current");
      if (current.at("version") != v.id() || current.at("sha256") != v.sha256)
        return "the change record does not describe version " + v.id();
    } catch (const nlohmann::json::parse_error&) {
      return "the change record is not valid JSON (half-written or damaged)";
    } catch (const std::exception&) {
      return "the change record is valid JSON but not a change record of version " + v.id();
    }
    return {};
  }

  // A record rebuilt from two texts alone is not what check compared when the rules that read
  // the page changed (the previous page read again with today's rules) or the page came back in
  // a language (the latest version in it): the index, the commit point, says what the version
  // was, and the rebuilt record says the same (a red team's find: a rules change rebuilt as a
  // major substantive change in the digest, a real change back in English rebuilt as a
  // translation).
  static void agree_with_the_index(ChangeRecord& record, const VersionEntry& v) {
    if (record.status != Status::changed || record.significance == v.significance ||
        (v.significance != Significance::cosmetic && v.significance != Significance::substantive))
      return;
    record.significance = v.significance;
    record.cosmetic_kinds = v.cosmetic_kinds;
    // The hunks say so too: their significance is the record's to the schema.
    if (record.change) {
      for (Hunk& hunk : record.change->hunks) {
        hunk.cosmetic = v.significance == Significance::cosmetic;
        hunk.cosmetic_kinds.clear();
        // A version's own kinds (a rules change, a flip, a translation) are no hunk's.
        if (hunk.cosmetic)
          for (const std::string& kind : v.cosmetic_kinds)
            if (kind != "rules_changed" && kind != "flapping" && kind != "language") hunk.cosmetic_kinds.push_back(kind);
        if (hunk.cosmetic && hunk.cosmetic_kinds.empty()) hunk.cosmetic_kinds = {"layout"};
        if (hunk.cosmetic) hunk.topics.clear(), hunk.flags.clear();
      }
      tally(*record.change);
    }
    if (v.significance == Significance::cosmetic) {
      record.severity = Severity::info;
      record.section.clear();
      record.topics.clear();
      record.regulations.clear();
      record.flags.clear();
    } else if (record.severity < Severity::minor) {
      record.severity = Severity::minor;
    }
    record.warnings.push_back("its diff is the two archived texts' alone: the version was compared otherwise when it "
                              "was archived (with new rules, or in another language); significance as archived");
  }

  // Version k's record again, from its text and the one before it, by the one record builder
  // with the rules check uses: the same record check wrote (but for the title, which the
  // archive does not keep).
  bool rebuild_record(const DocumentIndex& index, std::size_t k) {
    const VersionEntry& v = index.versions[k];
    std::string text;
    try {
      if (!file_hashes_to(archive_.version_path(index, v.number), v.sha256, &text)) return false;
    } catch (const ArchiveError&) {
      return false;
    }
    RecordInput input;
    input.platform = platform_;
    input.document = document_;
    input.checked_at = v.captured_at;
    for (const auto& [url, sha] : index.latest_by_url) input.urls.push_back(url);
    input.current = v;
    const Text after = parse_text(text);
    input.current_text = &after;
    Text before;
    if (k > 0) {
      const VersionEntry& previous = index.versions[k - 1];
      std::string previous_text;
      try {
        if (!file_hashes_to(archive_.version_path(index, previous.number), previous.sha256, &previous_text)) return false;
      } catch (const ArchiveError&) {
        return false;
      }
      before = parse_text(previous_text);
      input.previous = previous;
      input.previous_text = &before;
      input.history.assign(index.versions.begin(), index.versions.begin() + static_cast<std::ptrdiff_t>(k));
      VariantMemory variants = variant_memory(archive_, index, k, v.captured_at);
      input.variant_edits = std::move(variants.edits);
      input.variants_seen_in = std::move(variants.seen_in);
    }
    input.warnings.push_back("rebuilt by `tosdiff verify --repair` from the archived versions");
    input.rules = &rules_;
    BuiltRecord built = build_record(input);
    agree_with_the_index(built.record, v);
    archive_.put_record(index, v.number,
                        record_to_json(built.record).dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n",
                        Sync::file_only);
    made_durable(archive_.record_path(index, v.number).parent_path(), "records/" + v.id() + ".json");
    return true;
  }

  void check_snapshots(const DocumentIndex& index) {
    for (const SnapshotMeta& s : index.snapshots) {
      const std::string file = "snapshots/" + s.sha256 + ".html";
      std::error_code ec;
      if (!fs::exists(dir_ / file, ec)) {
        add(file, "missing", "the raw page fetched " + s.fetched_at + " from " + s.url + " is gone");
      } else if (!file_hashes_to(dir_ / file, s.sha256)) {
        add(file, "corrupt", "the raw page does not hash to its name");
      }
    }
  }

  void check_pending(DocumentIndex& index) {
    if (!index.pending) return;
    std::error_code ec;
    std::string problem;
    const std::string file = "pending/" + index.pending->sha256 + ".txt";
    if (!fs::exists(dir_ / file, ec)) problem = "the text awaiting acceptance is gone";
    else if (!file_hashes_to(dir_ / file, index.pending->sha256)) problem = "the text awaiting acceptance is damaged";
    if (problem.empty()) return;
    auto& f = add(file, fs::exists(dir_ / file, ec) ? "corrupt" : "missing", problem);
    if (repair_) {
      index.pending.reset();
      commit(index);
      f.repaired = true;
    }
  }

  // People's notes: read as `history` reads them; damaged ones are theirs to mend, never
  // tosdiff's to rewrite or delete.
  void check_notes() {
    try {
      read_notes(archive_, platform_, document_);
    } catch (const ArchiveError& e) {
      add("notes.json", "corrupt", std::string(e.what()) + " (left as it is: notes are written by people)");
    }
  }

  void check_unreferenced(DocumentIndex& index) {
    const bool interrupted = archive_.interrupted(index);
    const std::uint64_t last = index.versions.empty() ? 0 : index.versions.back().number;
    std::error_code ec;
    for (const std::string& file : archive_.unreferenced_files(index)) {
      std::string name;
      switch (archive_file_kind(file, &name)) {
        case ArchiveFileKind::temp:
        case ArchiveFileKind::set_aside:
        case ArchiveFileKind::marker:
        case ArchiveFileKind::index:
        case ArchiveFileKind::notes:
          continue;
        case ArchiveFileKind::unknown:
          add(file, "unknown", "not a file tosdiff writes; left alone", false);
          continue;
        case ArchiveFileKind::version:
        case ArchiveFileKind::record:
          if (gaps_.count(std::stoull(name))) continue;  // reported as a gap already
          if (interrupted && std::stoull(name) > last) {
            auto& f = add(file, "leftover", "written by a run killed before it committed", false);
            if (repair_ && fs::remove(dir_ / file, ec)) f.repaired = true;
          } else {
            // Nothing vouches for it (fill_gaps took what could be taken), but it is history:
            // set aside, never deleted.
            auto& f = add(file, "orphan", "named by no index and not a readable version; set aside in attic/");
            if (repair_) {
              fs::create_directories((dir_ / "attic" / file).parent_path(), ec);
              fs::rename(dir_ / file, dir_ / "attic" / file, ec);
              if (!ec) f.repaired = true;
            }
          }
          continue;
        case ArchiveFileKind::snapshot:
        case ArchiveFileKind::pending:
          break;
      }
      auto& f = interrupted ? add(file, "leftover", "written by a run killed before it committed", false)
                            : add(file, "orphan", "named by no index");
      if (repair_ && fs::remove(dir_ / file, ec)) f.repaired = true;
    }
    if (interrupted) {
      auto& f = add(".transaction", "leftover", "a run was killed while writing; the next check finishes its cleanup", false);
      if (repair_) {
        archive_.recover(index);
        f.repaired = true;
      }
    }
  }

  const Archive& archive_;
  std::string platform_, document_;
  bool repair_;
  const Rules& rules_;
  VerifyReport& report_;
  fs::path dir_;
  std::set<std::uint64_t> gaps_;  // version numbers fill_gaps found missing from the index
  std::vector<VerifyFinding> unsynced_;  // repairs in place whose directory sync failed
};

}  // namespace

std::size_t VerifyReport::open_problems() const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                [](const VerifyFinding& f) { return f.problem && !f.repaired; }));
}

VerifyReport verify_archive(const Archive& archive, bool repair, const Rules& rules) {
  VerifyReport report;
  for (const auto& [platform, document] : archive.document_directories())
    DocumentVerifier(archive, platform, document, repair, rules, report).run();
  return report;
}

}  // namespace tosdiff
