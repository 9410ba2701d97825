#include "tosdiff/archive/archive.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tosdiff/model/ids.hpp"
#include "tosdiff/util/json_fields.hpp"

namespace tosdiff {
namespace {

using ordered_json = nlohmann::ordered_json;

constexpr int kIndexSchemaVersion = 1;

void check_id(const std::string& id, const char* what) {
  // Ids become directory names; anything else could climb out of the data dir.
  if (!is_valid_id(id)) throw ArchiveError(std::string("invalid ") + what + " id '" + id + "'");
}

void check_sha(const std::string& sha) {
  bool ok = sha.size() == 64 && std::all_of(sha.begin(), sha.end(), [](char c) {
              return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            });
  if (!ok) throw ArchiveError("invalid snapshot name '" + sha + "'");
}

ordered_json error_to_json(const Error& e) {
  return {{"kind", std::string(to_string(e.kind))}, {"message", e.message}};
}

// An enum of the index, read from its name; an unknown name is a malformed index.
template <class Enum>
Enum enum_field(const ordered_json& j, const char* key, std::optional<Enum> (*parse)(std::string_view), Enum absent) {
  if (!field(j, key)) return absent;
  const std::string text = string_field(j, key);
  if (auto value = parse(text)) return *value;
  throw ArchiveError(std::string("field \"") + key + "\" has an unknown value '" + text + "'");
}

Error error_from_json(const ordered_json& j) {
  return Error{enum_field(j, "kind", error_kind_from_string, ErrorKind::network), string_field(j, "message")};
}

ordered_json check_to_json(const CheckEntry& c) {
  ordered_json j;
  j["at"] = c.at;
  j["status"] = std::string(to_string(c.status));
  if (c.error) j["error"] = error_to_json(*c.error);
  if (!c.snapshots.empty()) j["snapshots"] = c.snapshots;
  return j;
}

// Every field is read for its type (json_fields.hpp): an index edited by hand or damaged on
// disk is an ArchiveError naming the field, never a crash or a number cast out of range.
CheckEntry check_from_json(const ordered_json& j) {
  as_object(j, "a check entry");
  CheckEntry c;
  c.at = string_field(j, "at");
  c.status = enum_field(j, "status", status_from_string, Status::unchanged);
  if (const ordered_json* error = field(j, "error")) c.error = error_from_json(as_object(*error, "a check's error"));
  c.snapshots = strings_field(j, "snapshots");
  return c;
}

}  // namespace

const VersionEntry* DocumentIndex::find_version(std::string_view id) const {
  for (const auto& v : versions)
    if (v.id() == id) return &v;
  return nullptr;
}

const SnapshotMeta* DocumentIndex::find_snapshot(std::string_view sha256) const {
  for (const auto& s : snapshots)
    if (s.sha256 == sha256) return &s;
  return nullptr;
}

const SnapshotMeta* DocumentIndex::latest_snapshot(std::string_view url) const {
  for (const auto& [u, sha] : latest_by_url)
    if (u == url) return find_snapshot(sha);
  return nullptr;
}

void DocumentIndex::set_latest(const std::string& url, const std::string& sha256) {
  for (auto& [u, sha] : latest_by_url) {
    if (u == url) {
      sha = sha256;
      return;
    }
  }
  latest_by_url.emplace_back(url, sha256);
}

std::string index_to_json(const DocumentIndex& index) {
  ordered_json j;
  j["schema_version"] = kIndexSchemaVersion;
  j["platform"] = index.platform;
  j["document"] = index.document;
  ordered_json versions = ordered_json::array();
  for (const auto& v : index.versions) {
    ordered_json e;
    e["version"] = v.id();
    e["captured_at"] = v.captured_at;
    e["sha256"] = v.sha256;
    e["snapshots"] = v.snapshots;
    e["status"] = std::string(to_string(v.status));
    if (v.significance != Significance::none) e["significance"] = std::string(to_string(v.significance));
    if (!v.cosmetic_kinds.empty()) e["cosmetic_kinds"] = v.cosmetic_kinds;
    if (!v.summary.empty()) e["summary"] = v.summary;
    if (!v.reverts_to.empty()) e["reverts_to"] = v.reverts_to;
    if (!v.rules.empty()) e["rules"] = v.rules;
    versions.push_back(std::move(e));
  }
  j["versions"] = std::move(versions);
  ordered_json snapshots = ordered_json::array();
  for (const auto& s : index.snapshots) {
    ordered_json e;
    e["sha256"] = s.sha256;
    e["url"] = s.url;
    e["final_url"] = s.final_url;
    e["status"] = s.status;
    e["content_type"] = s.content_type;
    if (!s.etag.empty()) e["etag"] = s.etag;
    if (!s.last_modified.empty()) e["last_modified"] = s.last_modified;
    e["fetched_at"] = s.fetched_at;
    e["bytes"] = s.bytes;
    snapshots.push_back(std::move(e));
  }
  j["snapshots"] = std::move(snapshots);
  ordered_json latest = ordered_json::object();
  for (const auto& [url, sha] : index.latest_by_url) latest[url] = sha;
  j["latest_snapshot_by_url"] = std::move(latest);
  if (index.last_check) j["last_check"] = check_to_json(*index.last_check);
  ordered_json errors = ordered_json::array();
  for (const auto& e : index.recent_errors) errors.push_back(check_to_json(e));
  j["recent_errors"] = std::move(errors);
  if (index.pending) {
    const PendingText& p = *index.pending;
    ordered_json pending = {{"sha256", p.sha256},
                            {"at", p.at},
                            {"first_at", p.since()},
                            {"checks", p.checks}};
    if (!p.returns_to.empty()) pending["returns_to"] = p.returns_to;
    if (!p.language.empty()) pending["language"] = p.language;
    if (!p.held_until_it_lasts()) pending["error"] = error_to_json(p.reason);
    pending["snapshots"] = p.snapshots;
    j["pending"] = std::move(pending);
  }
  // Texts come from the web: never let an invalid byte make the archive unwritable.
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

DocumentIndex index_from_json(std::string_view text) {
  DocumentIndex index;
  try {
    ordered_json j = ordered_json::parse(text.begin(), text.end());
    as_object(j, "the index");
    if (integer_field(j, "schema_version", 0, 0, 1000) != kIndexSchemaVersion)
      throw ArchiveError("unsupported index schema_version " + j.value("schema_version", ordered_json()).dump());
    index.platform = required_string(j, "platform");
    index.document = required_string(j, "document");
    if (!field(j, "versions") || !field(j, "snapshots")) throw ArchiveError("no versions or snapshots list");
    for (const auto& e : array_field(j, "versions")) {
      as_object(e, "a version entry");
      VersionEntry v;
      const std::string id = required_string(e, "version");
      if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos || id[0] == '0')
        throw ArchiveError("malformed version id '" + id + "'");
      v.number = std::stoull(id);
      if (!index.versions.empty() && v.number <= index.versions.back().number)
        throw ArchiveError("version " + id + " comes after version " + index.versions.back().id());
      v.captured_at = required_string(e, "captured_at");
      v.sha256 = required_string(e, "sha256");
      check_sha(v.sha256);
      v.snapshots = strings_field(e, "snapshots");
      v.status = enum_field(e, "status", status_from_string, Status::changed);
      v.significance = enum_field(e, "significance", significance_from_string, Significance::none);
      v.cosmetic_kinds = strings_field(e, "cosmetic_kinds");
      v.summary = string_field(e, "summary");
      v.reverts_to = string_field(e, "reverts_to");
      v.rules = string_field(e, "rules");
      index.versions.push_back(std::move(v));
    }
    for (const auto& e : array_field(j, "snapshots")) {
      as_object(e, "a snapshot entry");
      SnapshotMeta s;
      s.sha256 = required_string(e, "sha256");
      check_sha(s.sha256);
      s.url = string_field(e, "url");
      s.final_url = string_field(e, "final_url");
      s.status = static_cast<long>(count_field(e, "status", 0, 999));
      s.content_type = string_field(e, "content_type");
      s.etag = string_field(e, "etag");
      s.last_modified = string_field(e, "last_modified");
      s.fetched_at = string_field(e, "fetched_at");
      s.bytes = count_field(e, "bytes");
      index.snapshots.push_back(std::move(s));
    }
    for (const auto& [url, sha] : object_field(j, "latest_snapshot_by_url").items()) {
      if (!sha.is_string()) throw ArchiveError("latest_snapshot_by_url holds a non-string");
      index.latest_by_url.emplace_back(url, sha.get<std::string>());
    }
    if (const ordered_json* last = field(j, "last_check")) index.last_check = check_from_json(*last);
    for (const auto& e : array_field(j, "recent_errors")) index.recent_errors.push_back(check_from_json(e));
    if (const ordered_json* p = field(j, "pending")) {
      as_object(*p, "pending");
      PendingText pending;
      pending.sha256 = required_string(*p, "sha256");
      check_sha(pending.sha256);
      pending.at = string_field(*p, "at");
      pending.first_at = string_field(*p, "first_at", pending.at);
      pending.checks = count_field(*p, "checks", 1);
      pending.returns_to = string_field(*p, "returns_to");
      pending.language = string_field(*p, "language");
      if (!pending.held_until_it_lasts()) pending.reason = error_from_json(object_field(*p, "error"));
      pending.snapshots = strings_field(*p, "snapshots");
      index.pending = std::move(pending);
    }
  } catch (const ArchiveError& e) {
    throw ArchiveError(std::string("malformed index: ") + e.what());
  } catch (const JsonFieldError& e) {
    throw ArchiveError(std::string("malformed index: ") + e.what());
  } catch (const nlohmann::json::exception& e) {
    throw ArchiveError(std::string("malformed index: ") + e.what());
  } catch (const std::logic_error& e) {  // stoull
    throw ArchiveError(std::string("malformed index: ") + e.what());
  }
  return index;
}

std::filesystem::path Archive::document_dir(const std::string& platform, const std::string& document) const {
  check_id(platform, "platform");
  check_id(document, "document");
  return root_ / platform / document;
}

std::filesystem::path Archive::snapshot_path(const DocumentIndex& index, const std::string& sha256) const {
  check_sha(sha256);
  return document_dir(index.platform, index.document) / "snapshots" / (sha256 + ".html");
}

std::filesystem::path Archive::version_path(const DocumentIndex& index, std::uint64_t number) const {
  return document_dir(index.platform, index.document) / "versions" / (std::to_string(number) + ".txt");
}

std::filesystem::path Archive::record_path(const DocumentIndex& index, std::uint64_t number) const {
  return document_dir(index.platform, index.document) / "records" / (std::to_string(number) + ".json");
}

std::filesystem::path Archive::pending_path(const DocumentIndex& index, const std::string& sha256) const {
  check_sha(sha256);
  return document_dir(index.platform, index.document) / "pending" / (sha256 + ".txt");
}

void Archive::put_pending(const DocumentIndex& index, const std::string& sha256, std::string_view text,
                          Sync sync) const {
  write_file_atomically(pending_path(index, sha256), text, sync);
}

std::string Archive::read_pending(const DocumentIndex& index) const {
  if (!index.pending) throw ArchiveError("nothing is pending for " + index.platform + "/" + index.document);
  return read_whole_file(pending_path(index, index.pending->sha256));
}

DocumentIndex Archive::load(const std::string& platform, const std::string& document) const {
  const auto path = document_dir(platform, document) / "index.json";
  std::error_code ec;
  const bool present = std::filesystem::symlink_status(path, ec).type() != std::filesystem::file_type::not_found;
  if (!present) {
    if (index_absence(platform, document) == IndexAbsence::lost)
      throw ArchiveError(path.string() + " is missing but versions of " + platform + "/" + document +
                         " are archived; run `tosdiff verify --repair` to rebuild it from the change records");
    DocumentIndex index;
    index.platform = platform;
    index.document = document;
    return index;
  }
  DocumentIndex index;
  try {
    index = index_from_json(read_whole_file(path));
  } catch (const ArchiveError& e) {
    throw ArchiveError(path.string() + ": " + e.what() + "; run `tosdiff verify --repair` to rebuild it");
  }
  if (index.platform != platform || index.document != document)
    throw ArchiveError(path.string() + ": names " + index.platform + "/" + index.document +
                       "; run `tosdiff verify --repair` to rebuild it");
  return index;
}

IndexAbsence Archive::index_absence(const std::string& platform, const std::string& document) const {
  const auto dir = document_dir(platform, document);
  std::uint64_t highest = 0;
  bool any = false;
  std::error_code ec;
  for (const char* sub : {"versions", "records"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir / sub, ec)) {
      std::string name;
      const std::string relative = std::string(sub) + "/" + entry.path().filename().string();
      const ArchiveFileKind kind = archive_file_kind(relative, &name);
      if (kind != ArchiveFileKind::version && kind != ArchiveFileKind::record) continue;
      any = true;
      highest = std::max<std::uint64_t>(highest, std::stoull(name));
    }
  }
  if (!any) return IndexAbsence::never_checked;
  // The marker of a first check says so; version 1 is all such a check writes.
  if (highest == 1) {
    try {
      const auto marker = nlohmann::json::parse(read_whole_file(dir / ".transaction"));
      if (marker.is_object() && marker.value("first", false) == true) return IndexAbsence::interrupted_first_check;
    } catch (const std::exception&) {
      // no marker, or not one of ours: the versions are history
    }
  }
  return IndexAbsence::lost;
}

std::vector<std::pair<std::string, std::string>> Archive::documents() const {
  std::vector<std::pair<std::string, std::string>> out;
  std::error_code ec;
  for (const auto& p : std::filesystem::directory_iterator(root_, ec)) {
    if (!p.is_directory() || !is_valid_id(p.path().filename().string())) continue;
    for (const auto& d : std::filesystem::directory_iterator(p.path(), ec)) {
      if (d.is_directory() && is_valid_id(d.path().filename().string()) &&
          std::filesystem::exists(d.path() / "index.json"))
        out.emplace_back(p.path().filename().string(), d.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<std::string, std::string>> Archive::document_directories() const {
  std::vector<std::pair<std::string, std::string>> out;
  std::error_code ec;
  for (const auto& p : std::filesystem::directory_iterator(root_, ec)) {
    if (!p.is_directory() || p.is_symlink() || !is_valid_id(p.path().filename().string())) continue;
    for (const auto& d : std::filesystem::directory_iterator(p.path(), ec))
      if (d.is_directory() && !d.is_symlink() && is_valid_id(d.path().filename().string()))
        out.emplace_back(p.path().filename().string(), d.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Archive::read_version(const DocumentIndex& index, const VersionEntry& version) const {
  return read_whole_file(version_path(index, version.number));
}

std::string Archive::read_record(const DocumentIndex& index, const VersionEntry& version) const {
  return read_whole_file(record_path(index, version.number));
}

std::optional<std::string> Archive::read_snapshot(const DocumentIndex& index, const std::string& sha256) const {
  const auto path = snapshot_path(index, sha256);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  return read_whole_file(path);
}

void Archive::put_snapshot(const DocumentIndex& index, const std::string& sha256, std::string_view bytes,
                           Sync sync) const {
  // Written even when a file of that name exists: the index does not name it, so it is an
  // orphan of an interrupted run whose content nothing vouches for.
  write_file_atomically(snapshot_path(index, sha256), bytes, sync);
}

void Archive::put_version(const DocumentIndex& index, std::uint64_t number, std::string_view text,
                          Sync sync) const {
  write_file_atomically(version_path(index, number), text, sync);
}

void Archive::put_record(const DocumentIndex& index, std::uint64_t number, std::string_view json,
                         Sync sync) const {
  write_file_atomically(record_path(index, number), json, sync);
}

void Archive::commit(const DocumentIndex& index, Sync sync) const {
  write_file_atomically(index_path(index), index_to_json(index), sync);
}

std::filesystem::path Archive::index_path(const DocumentIndex& index) const {
  return document_dir(index.platform, index.document) / "index.json";
}

void Archive::begin_transaction(const DocumentIndex& index) const {
  // Not synced: it only matters to a run killed after it, and the kernel keeps it for that.
  // A power cut can lose it while later files survive; they are then orphans, which
  // `verify` reports and repairs, never damage.
  // "first": the document had no index when the transaction began, so that a check killed
  // before its first commit is told apart from an index lost later (index_absence).
  std::error_code ec;
  const bool first = index.versions.empty() && !std::filesystem::exists(index_path(index), ec);
  write_file_atomically(document_dir(index.platform, index.document) / ".transaction",
                        "{\"pid\": " + std::to_string(::getpid()) + ", \"first\": " + (first ? "true" : "false") + "}\n",
                        Sync::none);
}

void Archive::end_transaction(const DocumentIndex& index) const {
  // The marker goes only once all the garbage has: a deletion that fails (an I/O error)
  // leaves the transaction open, and the next check or `verify --repair` deletes the rest.
  // Removed anyway, the marker made what was left an orphan: a problem for `verify`,
  // instead of the leftover of an interrupted run.
  const auto dir = document_dir(index.platform, index.document);
  bool all_gone = true;
  for (const std::string& relative : garbage_files(index)) {
    std::error_code ec;
    std::filesystem::remove(dir / relative, ec);
    all_gone = all_gone && !ec;
  }
  if (!all_gone) return;
  // No directory fsync: if the removal is lost in a crash, the marker only makes the next
  // check collect garbage that is not there.
  std::error_code ec;
  std::filesystem::remove(dir / ".transaction", ec);
}

bool Archive::interrupted(const DocumentIndex& index) const {
  std::error_code ec;
  return std::filesystem::exists(document_dir(index.platform, index.document) / ".transaction", ec);
}

ArchiveFileKind archive_file_kind(std::string_view relative, std::string* name) {
  auto is_hex64 = [](std::string_view t) {
    return t.size() == 64 && std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  };
  auto is_number = [](std::string_view t) {
    return !t.empty() && t.size() <= 18 && t[0] != '0' && t.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const std::size_t slash = relative.rfind('/');
  const std::string_view file = slash == std::string_view::npos ? relative : relative.substr(slash + 1);
  const std::string_view folder = slash == std::string_view::npos ? std::string_view() : relative.substr(0, slash);
  if (file.substr(0, kTempFilePrefix.size()) == kTempFilePrefix) return ArchiveFileKind::temp;
  auto stem_with = [&](std::string_view dir, std::string_view extension, auto valid) {
    if (folder != dir || file.size() <= extension.size() || file.substr(file.size() - extension.size()) != extension)
      return false;
    const std::string_view stem = file.substr(0, file.size() - extension.size());
    if (!valid(stem)) return false;
    if (name) *name = std::string(stem);
    return true;
  };
  if (folder.empty()) {
    if (file == "index.json") return ArchiveFileKind::index;
    if (file == "notes.json") return ArchiveFileKind::notes;
    if (file == ".transaction") return ArchiveFileKind::marker;
    if (file.substr(0, 18) == "index.json.corrupt") return ArchiveFileKind::set_aside;
    return ArchiveFileKind::unknown;
  }
  if (stem_with("snapshots", ".html", is_hex64)) return ArchiveFileKind::snapshot;
  if (stem_with("versions", ".txt", is_number)) return ArchiveFileKind::version;
  if (stem_with("records", ".json", is_number)) return ArchiveFileKind::record;
  if (stem_with("pending", ".txt", is_hex64)) return ArchiveFileKind::pending;
  return ArchiveFileKind::unknown;
}

std::vector<std::string> Archive::unreferenced_files(const DocumentIndex& index) const {
  std::set<std::string> named = {"index.json", ".transaction", "notes.json"};
  for (const auto& s : index.snapshots) named.insert("snapshots/" + s.sha256 + ".html");
  for (const auto& v : index.versions) {
    named.insert("versions/" + v.id() + ".txt");
    named.insert("records/" + v.id() + ".json");
  }
  if (index.pending) named.insert("pending/" + index.pending->sha256 + ".txt");
  std::vector<std::string> out;
  const auto dir = document_dir(index.platform, index.document);
  std::error_code ec;
  const std::string prefix = dir.generic_string() + "/";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    // Paths under `dir` start with it: no need for fs::relative, which resolves every
    // component of both paths (a readlink each).
    std::string relative = entry.path().generic_string().substr(prefix.size());
    if (!named.count(relative)) out.push_back(relative);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Archive::garbage_files(const DocumentIndex& index) const {
  const std::uint64_t last = index.versions.empty() ? 0 : index.versions.back().number;
  std::vector<std::string> out;
  for (const std::string& relative : unreferenced_files(index)) {
    std::string name;
    switch (archive_file_kind(relative, &name)) {
      case ArchiveFileKind::snapshot:
      case ArchiveFileKind::pending:
      case ArchiveFileKind::temp:
        out.push_back(relative);
        break;
      case ArchiveFileKind::version:
      case ArchiveFileKind::record:
        if (std::stoull(name) > last) out.push_back(relative);
        break;
      default:
        break;  // not tosdiff's to delete: set-aside indexes, files it did not write
    }
  }
  return out;
}

std::vector<std::string> Archive::collect_garbage(const DocumentIndex& index) const {
  std::vector<std::string> removed;
  const auto dir = document_dir(index.platform, index.document);
  for (const std::string& relative : garbage_files(index)) {
    std::error_code ec;
    if (std::filesystem::remove(dir / relative, ec)) removed.push_back(relative);
  }
  return removed;
}

void Archive::recover(const DocumentIndex& index) const {
  if (interrupted(index)) end_transaction(index);
}

ArchiveLock::ArchiveLock(const std::filesystem::path& root, double wait_seconds) {
  std::error_code ec;
  std::filesystem::create_directories(root, ec);
  if (ec) throw ArchiveError("cannot create data directory " + root.string() + ": " + ec.message());
  const auto path = root / ".lock";
  // O_NOFOLLOW: a symbolic link planted at .lock must not make tosdiff write through it.
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK, 0644);
  if (fd_ < 0) {
    const int error = errno;
    if (error == ELOOP)
      throw ArchiveError(path.string() + " is a symbolic link; remove it (tosdiff makes its own lock file)");
    throw ArchiveError("cannot open " + path.string() + ": " + std::strerror(error));
  }
  // A regular file with one name: a hard link to another file would make the pid written
  // below land in that file.
  struct stat info {};
  if (::fstat(fd_, &info) != 0 || !S_ISREG(info.st_mode) || info.st_nlink != 1) {
    ::close(fd_);
    throw ArchiveError(path.string() + " is not a plain file of its own (a directory, device or hard link); "
                       "remove it (tosdiff makes its own lock file)");
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int error = errno;
      ::close(fd_);
      throw ArchiveError("cannot lock " + path.string() + ": " + std::strerror(error));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      char pid[32] = {0};
      ssize_t n = ::pread(fd_, pid, sizeof pid - 1, 0);
      std::string holder = n > 0 ? std::string(pid, static_cast<std::size_t>(n)) : "unknown";
      while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
      ::close(fd_);
      char waited[32];
      std::snprintf(waited, sizeof waited, "%g", wait_seconds);
      throw ArchiveError("another tosdiff run (pid " + holder + ") is writing " + root.string() +
                         "; gave up waiting after " + waited + " s (--lock-wait)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  // The pid is informative only: the lock itself is the flock, released on exit or kill.
  // Truncated only after the checks above made sure the file is ours alone.
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::pwrite(fd_, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size()))
    (void)!::ftruncate(fd_, static_cast<off_t>(pid.size()));
}

ArchiveLock::~ArchiveLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace tosdiff
