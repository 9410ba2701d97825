#include "tosdiff/verify.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "tosdiff/catalog.hpp"
#include "tosdiff/check.hpp"
#include "tosdiff/classify.hpp"
#include "tosdiff/diff.hpp"
#include "tosdiff/page_check.hpp"
#include "tosdiff/record.hpp"
#include "tosdiff/sha256.hpp"

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
                   VerifyReport& report)
      : archive_(archive), platform_(std::move(platform)), document_(std::move(document)), repair_(repair),
        report_(report), dir_(archive.document_dir(platform_, document_)) {}

  void run() {
    ++report_.documents;
    remove_temp_files();
    DocumentIndex index;
    if (!load_or_rebuild(index)) return;
    check_versions(index);
    check_snapshots(index);
    check_pending(index);
    check_unreferenced(index);
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
    if (fs::exists(path, ec)) {
      try {
        index = archive_.load(platform_, document_);
        ++report_.files;
        return true;
      } catch (const ArchiveError& e) {
        auto& f = add("index.json", "corrupt", e.what());
        if (!repair_) return false;
        // Rebuilt in memory first: the damaged index is only set aside for a good one.
        if (!rebuild_index(index)) return false;
        fs::rename(path, dir_ / "index.json.corrupt", ec);
        archive_.commit(index);
        f.repaired = true;
        return true;
      }
    }
    // No index, and a transaction marker or no change record: a first check that was killed
    // before it committed. Nothing was ever archived here; the files are its leftovers.
    // A first check writes at most one record; more means an index that was lost.
    std::size_t records = 0;
    for (const auto& entry : fs::directory_iterator(dir_ / "records", ec)) records += entry.is_regular_file() ? 1 : 0;
    if (records == 0 || (records == 1 && fs::exists(dir_ / ".transaction", ec))) {
      index = DocumentIndex{};
      index.platform = platform_;
      index.document = document_;
      for (const std::string& file : archive_.unreferenced_files(index)) {
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
    auto& f = add("index.json", "missing", "the document directory has no index");
    if (repair_ && rebuild_index(index)) {
      archive_.commit(index);
      f.repaired = true;
      return true;
    }
    return false;
  }

  // The change records hold, for every version, what the index said of it.
  bool rebuild_index(DocumentIndex& index) {
    index = DocumentIndex{};
    index.platform = platform_;
    index.document = document_;
    std::map<std::uint64_t, ordered_json> records;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_ / "records", ec)) {
      const std::string stem = entry.path().stem().string();
      if (entry.path().extension() != ".json" || stem.empty() ||
          stem.find_first_not_of("0123456789") != std::string::npos || stem[0] == '0')
        continue;
      try {
        records[std::stoull(stem)] = ordered_json::parse(read_whole_file(entry.path()));
      } catch (const std::exception&) {
        // a corrupt record cannot vouch for its version
      }
    }
    if (records.empty()) return false;
    std::map<std::string, SnapshotMeta> snapshots;
    for (const auto& [number, record] : records) {
      const auto& current = record.value("current", ordered_json::object());
      if (current.value("version", "") != std::to_string(number)) continue;
      VersionEntry v;
      v.number = number;
      v.captured_at = current.value("captured_at", "");
      v.sha256 = current.value("sha256", "");
      v.snapshots = current.value("snapshots", std::vector<std::string>{});
      if (v.snapshots.empty() && current.contains("snapshot_sha256")) v.snapshots.push_back(current["snapshot_sha256"]);
      v.status = record.value("status", "");
      v.significance = record.value("significance", "");
      v.cosmetic_kinds = record.value("cosmetic_kinds", std::vector<std::string>{});
      v.summary = record.value("summary", "");
      v.reverts_to = record.value("reverts_to", "");
      std::vector<std::string> urls = record.contains("urls") ? record["urls"].get<std::vector<std::string>>()
                                                               : std::vector<std::string>{record.value("url", "")};
      for (std::size_t i = 0; i < v.snapshots.size(); ++i) {
        const std::string& sha = v.snapshots[i];
        if (!fs::exists(dir_ / "snapshots" / (sha + ".html"), ec)) continue;
        SnapshotMeta meta;
        meta.sha256 = sha;
        meta.url = i < urls.size() ? urls[i] : "";
        meta.final_url = meta.url;
        meta.status = 200;
        meta.fetched_at = v.captured_at;
        meta.bytes = fs::file_size(dir_ / "snapshots" / (sha + ".html"), ec);
        snapshots[sha] = meta;
        if (!meta.url.empty()) index.set_latest(meta.url, sha);
      }
      index.versions.push_back(std::move(v));
    }
    if (index.versions.empty()) return false;
    for (auto& [sha, meta] : snapshots) index.snapshots.push_back(meta);
    CheckEntry last;
    last.at = index.versions.back().captured_at;
    last.status = index.versions.back().status;
    index.last_check = last;
    return true;
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
    } catch (const std::exception&) {
      return "the change record is not valid JSON (half-written or damaged)";
    }
    return {};
  }

  // Version k's record again, from its text and the one before it.
  bool rebuild_record(const DocumentIndex& index, std::size_t k) {
    const VersionEntry& v = index.versions[k];
    std::string text;
    try {
      if (!file_hashes_to(archive_.version_path(index, v.number), v.sha256, &text)) return false;
    } catch (const ArchiveError&) {
      return false;
    }
    CheckResult r;
    r.platform = platform_;
    r.document = document_;
    r.checked_at = v.captured_at;
    for (const auto& [url, sha] : index.latest_by_url) r.urls.push_back(url);
    r.current = version_ref(v);
    Text after = parse_text(text);
    if (k == 0) {
      r.status = "new";
      r.blocks = after.blocks.size();
      r.words = count_text_words(after);
    } else {
      const VersionEntry& previous = index.versions[k - 1];
      std::string before;
      try {
        if (!file_hashes_to(archive_.version_path(index, previous.number), previous.sha256, &before)) return false;
      } catch (const ArchiveError&) {
        return false;
      }
      r.status = "changed";
      r.previous = version_ref(previous);
      r.change = diff_texts(parse_text(before), after);
      r.significance = v.significance.empty() ? (r.change->substantive ? "substantive" : "cosmetic") : v.significance;
      r.cosmetic_kinds = v.cosmetic_kinds;
      r.reverts_to = v.reverts_to;
    }
    r.warnings.push_back("rebuilt by `tosdiff verify --repair` from the archived versions");
    classify_result(r, builtin_rules());
    archive_.put_record(index, v.number,
                        record_to_json(r).dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n");
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
      archive_.commit(index);
      f.repaired = true;
    }
  }

  void check_unreferenced(const DocumentIndex& index) {
    const bool interrupted = archive_.interrupted(index);
    for (const std::string& file : archive_.unreferenced_files(index)) {
      if (is_temp_file(file) || file == "index.json.corrupt") continue;
      auto& f = interrupted ? add(file, "leftover", "written by a run killed before it committed", false)
                            : add(file, "orphan", "named by no index");
      if (repair_) {
        std::error_code ec;
        if (fs::remove(dir_ / file, ec)) f.repaired = true;
      }
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
  VerifyReport& report_;
  fs::path dir_;
};

}  // namespace

std::size_t VerifyReport::open_problems() const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                [](const VerifyFinding& f) { return f.problem && !f.repaired; }));
}

VerifyReport verify_archive(const Archive& archive, bool repair) {
  VerifyReport report;
  std::error_code ec;
  std::vector<std::pair<std::string, std::string>> documents;
  for (const auto& p : fs::directory_iterator(archive.root(), ec)) {
    if (!p.is_directory() || !is_valid_id(p.path().filename().string())) continue;
    for (const auto& d : fs::directory_iterator(p.path(), ec))
      if (d.is_directory() && is_valid_id(d.path().filename().string()))
        documents.emplace_back(p.path().filename().string(), d.path().filename().string());
  }
  std::sort(documents.begin(), documents.end());
  for (const auto& [platform, document] : documents) {
    DocumentVerifier(archive, platform, document, repair, report).run();
  }
  return report;
}

}  // namespace tosdiff
