#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/app/cli.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/target_names.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::vector<std::string> split_colon(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, ':'))
    if (!part.empty()) parts.push_back(part);
  return parts;
}

bool color_wanted(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (!env("NO_COLOR").empty()) return false;
  if (env("TERM") == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace

std::filesystem::path default_data_dir() {
  if (std::string dir = env("TOSDIFF_DATA_DIR"); !dir.empty()) return dir;
  if (std::string xdg = env("XDG_DATA_HOME"); !xdg.empty()) return std::filesystem::path(xdg) / "tosdiff";
  std::string home = env("HOME");
  if (home.empty()) throw UsageError("cannot find a data directory: set --data-dir, TOSDIFF_DATA_DIR or HOME");
  return std::filesystem::path(home) / ".local" / "share" / "tosdiff";
}

Context::Context(GlobalOptions options, std::ostream& out, std::ostream& err)
    : Context(std::move(options), out, err, err) {}

Context::Context(GlobalOptions options, std::ostream& out, std::ostream& err, std::ostream& terminal_err)
    : options_(std::move(options)), out_(out), err_(err), terminal_err_(terminal_err) {
  data_dir_ = options_.data_dir.empty() ? default_data_dir() : std::filesystem::path(options_.data_dir);
  style_.color = color_wanted(options_.color);
  style_.verbose = options_.verbosity > 0;
}

const Config& Context::config() {
  if (!config_) {
    try {
      config_ = load_config(options_.config, process_environment());
    } catch (const ConfigError& e) {
      throw UsageError(std::string("configuration: ") + e.what());
    }
  }
  return *config_;
}

const Clock& Context::clock() {
  if (!clock_) {
    const std::string now = env("TOSDIFF_NOW");
    std::chrono::system_clock::time_point at;
    if (now.empty()) clock_ = std::make_unique<SystemClock>();
    else if (parse_utc(now, at)) clock_ = std::make_unique<FixedClock>(at);
    else throw UsageError("TOSDIFF_NOW='" + now + "' is not a UTC date such as 2026-03-01T12:00:00Z");
  }
  return *clock_;
}

std::vector<std::filesystem::path> Context::catalog_directories() const {
  std::vector<std::filesystem::path> dirs;
  if (!options_.catalogs.empty()) {
    for (const auto& c : options_.catalogs) dirs.emplace_back(c);
    return dirs;
  }
  if (std::string list = env("TOSDIFF_CATALOG"); !list.empty()) {
    for (const auto& c : split_colon(list)) dirs.emplace_back(c);
    return dirs;
  }
  std::filesystem::path config;
  if (std::string xdg = env("XDG_CONFIG_HOME"); !xdg.empty()) config = xdg;
  else if (std::string home = env("HOME"); !home.empty()) config = std::filesystem::path(home) / ".config";
  if (!config.empty()) {
    std::error_code ec;
    auto dir = config / "tosdiff" / "catalog";
    if (std::filesystem::is_directory(dir, ec)) dirs.push_back(dir);
  }
  return dirs;
}

const Catalog& Context::catalog() {
  if (catalog_) return *catalog_;
  const auto dirs = catalog_directories();
  user_catalog_ = !dirs.empty();
  catalog_ = Catalog::load(dirs);
  // A declaration's errors belong to its platform (select_documents, report_catalog_problems);
  // a catalog directory that is not there is how tosdiff was called.
  if (catalog_->has_catalog_errors()) {
    std::string message = "the catalog cannot be loaded:";
    for (const Diagnostic& d : catalog_->diagnostics())
      if (d.severity == Diagnostic::Severity::error && d.platform_id.empty())
        message += "\n  " + d.origin + (d.location.empty() ? "" : ": " + d.location) + ": " + d.message;
    throw UsageError(message);
  }
  return *catalog_;
}

const Rules& Context::rules() {
  if (rules_) return *rules_;
  std::filesystem::path file = options_.rules;
  if (file.empty()) {
    std::filesystem::path config;
    if (std::string xdg = env("XDG_CONFIG_HOME"); !xdg.empty()) config = xdg;
    else if (std::string home = env("HOME"); !home.empty()) config = std::filesystem::path(home) / ".config";
    std::error_code ec;
    if (!config.empty() && std::filesystem::is_regular_file(config / "tosdiff" / "topics.json", ec))
      file = config / "tosdiff" / "topics.json";
  }
  Rules rules = builtin_rules();
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UsageError("cannot read the rules file " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    try {
      overlay_rules(rules, parse_rules(text.str(), file.string()), file.string());
    } catch (const RulesError& e) {
      throw UsageError(std::string("bad classification rules: ") + e.what());
    }
  }
  rules_ = std::move(rules);
  return *rules_;
}

bool Context::user_catalog_given() {
  catalog();
  return user_catalog_;
}

namespace {

std::string diagnostic_line(const Diagnostic& d) {
  return d.origin + (d.location.empty() ? "" : ": " + d.location) + ": " + d.message;
}

// A broken platform named on the command line: how it was called is wrong.
[[noreturn]] void throw_broken(const Catalog& cat, const std::string& platform_id) {
  std::string message = "platform '" + platform_id + "' cannot be used: its declaration has errors";
  for (const Diagnostic& d : cat.errors_of(platform_id)) message += "\n  " + diagnostic_line(d);
  throw UsageError(message);
}

// The platform id a command-line name designates in the catalog: its id in any case, or an
// alias; the name lowercased when it is neither (a broken platform has no aliases to go by).
std::string platform_id_of(const Catalog& cat, const std::string& name) {
  const std::string platform = ascii_lower(name.substr(0, name.find('/')));
  if (cat.find(platform) || cat.is_broken(platform)) return platform;
  try {
    const std::vector<NamedDocument> named = resolve_target(&cat, {}, platform);
    if (!named.empty()) return named.front().platform;
  } catch (const UsageError&) {
    // Unknown, or an alias of several: select_documents says so.
  }
  return platform;
}

}  // namespace

std::vector<DocumentSpec> Context::select_documents(const std::vector<std::string>& names, Purpose purpose) {
  const Catalog& cat = catalog();
  const bool fetch = purpose == Purpose::fetch;
  std::vector<DocumentSpec> out;
  if (names.empty()) {
    std::vector<const Platform*> platforms = cat.user_platforms();
    // The built-in platforms only when the user's catalogs declare none: not when all they
    // declare is broken (built-in declarations never are).
    if (platforms.empty() && cat.broken_platforms().empty())
      for (const Platform& p : cat.platforms()) platforms.push_back(&p);
    for (const Platform* p : platforms) {
      if (cat.is_broken(p->id)) continue;  // report_catalog_problems tells of it
      for (const DocumentSpec& doc : p->documents)
        if (!fetch || !doc.retired) out.push_back(doc);
    }
    return out;
  }
  for (const std::string& name : names) {
    const std::string platform_id = platform_id_of(cat, name);
    if (cat.is_broken(platform_id)) throw_broken(cat, platform_id);
    std::vector<NamedDocument> named;
    try {
      named = resolve_target(&cat, {}, name);
    } catch (const UsageError& e) {
      // Archived but no longer declared: say why it cannot be checked.
      const ArchivedDocuments archived = Archive(data_dir_).document_directories();
      try {
        resolve_target(nullptr, archived, name);
      } catch (const UsageError&) {
        throw e;
      }
      throw UsageError("'" + name + "' is archived but not in the catalog: checking it needs its declaration "
                       "(--catalog DIR or TOSDIFF_CATALOG); `tosdiff history " + name + "` reads what was archived");
    }
    const bool whole_platform = name.find('/') == std::string::npos;
    if (const Platform* platform = cat.find(platform_id); fetch && whole_platform && platform && platform->retired)
      throw UsageError("platform '" + platform_id + "' is retired (its declaration has no terms, only a history): "
                       "nothing to check; its archive stays readable (`tosdiff history " + platform_id + "`)");
    for (const NamedDocument& d : named) {
      if (fetch && d.spec->retired) {
        if (whole_platform) continue;
        throw UsageError("document '" + d.platform + "/" + d.document + "' is retired (only in the declaration's "
                         "history): nothing to check; its archive stays readable (`tosdiff history " + d.platform +
                         "/" + d.document + "`)");
      }
      out.push_back(*d.spec);
    }
  }
  // The same document named twice is checked once.
  std::vector<DocumentSpec> unique;
  for (auto& doc : out) {
    bool seen = false;
    for (const auto& u : unique) seen = seen || u.key() == doc.key();
    if (!seen) unique.push_back(std::move(doc));
  }
  return unique;
}

DocumentSpec Context::one_document(const std::string& name) {
  if (name.find('/') == std::string::npos)
    throw UsageError("'" + name + "' names a platform; give PLATFORM/DOCUMENT");
  return select_documents({name}, Purpose::read).front();
}

std::size_t Context::report_catalog_problems(const std::vector<std::string>& names) {
  const Catalog& cat = catalog();
  if (catalog_reported_) return 0;
  catalog_reported_ = true;
  std::vector<std::string> named;
  for (const std::string& name : names) named.push_back(platform_id_of(cat, name));
  auto wanted = [&](const std::string& platform_id) {
    return names.empty() || std::find(named.begin(), named.end(), platform_id) != named.end();
  };
  if (!quiet()) {
    for (const Shadow& s : cat.shadows()) {
      if (!wanted(s.platform_id)) continue;
      err_ << "tosdiff: note: " << s.origin << " shadows " << s.shadowed << " (platform '" << s.platform_id << "'";
      if (!s.replaced.empty()) err_ << "; replaces " << join(s.replaced, ", ");
      if (!s.added.empty()) err_ << "; adds " << join(s.added, ", ");
      err_ << ")\n";
    }
    // An error of one document leaves its platform usable: said, not counted as broken.
    for (const Platform& p : cat.platforms())
      if (wanted(p.id))
        for (const Diagnostic& d : cat.document_errors(p.id)) err_ << "tosdiff: warning: " << diagnostic_line(d) << "\n";
  }
  std::size_t reported = 0, others = 0;
  for (const std::string& platform_id : cat.broken_platforms()) {
    if (!wanted(platform_id)) {
      ++others;
      continue;
    }
    ++reported;
    for (const Diagnostic& d : cat.errors_of(platform_id)) err_ << "tosdiff: error: " << diagnostic_line(d) << "\n";
  }
  if (others > 0 && !quiet())
    err_ << "tosdiff: warning: the declarations of " << counted(others, "other platform")
         << " have errors (`tosdiff validate` lists them)\n";
  return reported;
}

const Catalog* Context::catalog_if_loadable() {
  if (catalog_failed_) return nullptr;
  try {
    return &catalog();
  } catch (const UsageError& e) {
    catalog_failed_ = true;
    // "the catalog cannot be loaded:\n  FILE: MESSAGE\n...": the first problem is enough here.
    const std::string message = e.what();
    const std::size_t detail = message.find('\n');
    err_ << "tosdiff: warning: the catalog cannot be loaded, reading the archive without it"
         << (detail == std::string::npos ? ": " + message
                                         : ": " + std::string(trim(message.substr(detail + 1, message.find('\n', detail + 1) - detail - 1))))
         << " (`tosdiff validate` lists every problem)\n";
    return nullptr;
  }
}

namespace {

// A document the catalog does not declare, titled as its latest change record says.
DocumentSpec archived_spec(const Archive& archive, const std::string& platform, const std::string& document) {
  DocumentSpec spec;
  spec.platform_id = platform;
  spec.document_id = document;
  spec.platform_name = platform;
  spec.terms_type = document;
  try {
    const DocumentIndex index = archive.load(platform, document);
    if (const VersionEntry* current = index.current()) {
      const std::string title =
          nlohmann::json::parse(archive.read_record(index, *current)).value("title", std::string());
      static const std::string kSeparator = " \u2014 ";  // "<platform name> — <terms type>"
      if (const std::size_t at = title.find(kSeparator); at != std::string::npos) {
        spec.platform_name = title.substr(0, at);
        spec.terms_type = title.substr(at + kSeparator.size());
      }
    }
  } catch (const std::exception&) {
    // Untitled: the commands that read it report what is wrong with it.
  }
  return spec;
}

}  // namespace

std::vector<DocumentSpec> Context::archived_documents(const std::string& name) {
  const Catalog* cat = catalog_if_loadable();
  const Archive archive(data_dir_);
  std::vector<NamedDocument> named;
  const std::string platform_id = cat ? platform_id_of(*cat, name) : "";
  try {
    named = resolve_target(cat, archive.document_directories(), name);
  } catch (const UsageError&) {
    // Neither declared (usable) nor archived: a broken declaration is the better explanation.
    if (cat && cat->is_broken(platform_id)) throw_broken(*cat, platform_id);
    throw;
  }
  // A broken declaration does not hide what was archived under it: read, with a word why the
  // titles may be the archive's own.
  if (cat && cat->is_broken(platform_id) && broken_warned_.insert(platform_id).second)
    err_ << "tosdiff: warning: the declaration of platform '" << platform_id
         << "' has errors (`tosdiff validate` lists them); reading its archive\n";
  std::vector<DocumentSpec> out;
  for (const NamedDocument& d : named)
    out.push_back(d.spec ? *d.spec : archived_spec(archive, d.platform, d.document));
  return out;
}

DocumentSpec Context::archived_document(const std::string& name) {
  if (name.find('/') == std::string::npos)
    throw UsageError("'" + name + "' names a platform; give PLATFORM/DOCUMENT");
  return archived_documents(name).front();
}

}  // namespace tosdiff
