#include "tosdiff/catalog/catalog.hpp"

#include <algorithm>
#include <map>

#include "tosdiff/util/bounded_file.hpp"

namespace tosdiff {
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_declaration_name(const std::string& name) {
  return ends_with(name, ".json") && name.size() > 5 && name[0] != '.' && !ends_with(name, ".history.json");
}

}  // namespace

Catalog::Loaded Catalog::read_declaration(const std::filesystem::path& file) {
  Loaded loaded;
  loaded.file = file;
  const std::string stem = file.stem().string();
  BoundedRead declaration = read_bounded_file(file, kMaxDeclarationBytes);
  if (!declaration.ok()) {
    loaded.parsed.diagnostics.push_back(
        {Diagnostic::Severity::error, file.string(), "", declaration.problem, id_from_name(stem), ""});
    return loaded;
  }
  // Open Terms Archive's history sits beside the declaration: <Service>.history.json.
  const std::filesystem::path history_file = file.parent_path() / (stem + ".history.json");
  std::error_code ec;
  const bool has_history = std::filesystem::symlink_status(history_file, ec).type() != std::filesystem::file_type::not_found &&
                           !ec;
  BoundedRead history;
  if (has_history) history = read_bounded_file(history_file, kMaxDeclarationBytes);
  const HistoryText history_text{history.text, history_file.string()};
  loaded.parsed = parse_declaration(declaration.text, stem, file.string(),
                                    has_history && history.ok() ? &history_text : nullptr);
  if (has_history && !history.ok()) {
    const std::string id = loaded.parsed.platform.id.empty() ? id_from_name(stem) : loaded.parsed.platform.id;
    loaded.parsed.diagnostics.push_back({Diagnostic::Severity::error, history_file.string(), "", history.problem, id, ""});
  }
  return loaded;
}

void Catalog::add_group(std::vector<Loaded> group) {
  // Two usable declarations of one id in one directory ("Foo.Bar.json" and "foo-bar.json"):
  // which one the user meant cannot be guessed, so neither silently wins.
  std::map<std::string, std::vector<std::size_t>> by_id;
  for (std::size_t i = 0; i < group.size(); ++i)
    if (group[i].parsed.ok()) by_id[group[i].parsed.platform.id].push_back(i);
  for (const auto& [id, members] : by_id) {
    if (members.size() < 2) continue;
    for (std::size_t i : members) {
      std::string others;
      for (std::size_t j : members)
        if (j != i) others += (others.empty() ? "" : ", ") + group[j].parsed.platform.origin;
      group[i].parsed.diagnostics.push_back(
          {Diagnostic::Severity::error, group[i].parsed.platform.origin, "",
           "platform id '" + id + "' is also the id of " + others +
               " in the same directory: rename one file or give it another \"id\"",
           id, ""});
    }
  }
  for (Loaded& loaded : group) {
    diagnostics_.insert(diagnostics_.end(), loaded.parsed.diagnostics.begin(), loaded.parsed.diagnostics.end());
    if (loaded.parsed.ok()) merge(std::move(loaded.parsed.platform));
  }
}

void Catalog::merge(Platform platform) {
  auto existing = std::find_if(platforms_.begin(), platforms_.end(),
                               [&](const Platform& p) { return p.id == platform.id; });
  if (existing == platforms_.end()) {
    platforms_.push_back(std::move(platform));
    return;
  }
  // Per document: the later declaration replaces the documents it declares, adds the new
  // ones, and leaves the others as they were.
  std::vector<Shadow> shadows;  // one per earlier declaration shadowed, in order
  std::vector<std::string> added;
  for (DocumentSpec& doc : platform.documents) {
    auto same = std::find_if(existing->documents.begin(), existing->documents.end(),
                             [&](const DocumentSpec& d) { return d.document_id == doc.document_id; });
    if (same == existing->documents.end()) {
      added.push_back(doc.document_id);
      existing->documents.push_back(std::move(doc));
      continue;
    }
    auto shadow = std::find_if(shadows.begin(), shadows.end(), [&](const Shadow& s) { return s.shadowed == same->origin; });
    if (shadow == shadows.end()) shadow = shadows.insert(shadows.end(), Shadow{platform.id, platform.origin, same->origin, {}, {}});
    shadow->replaced.push_back(doc.document_id);
    doc.shadows = same->origin;
    *same = std::move(doc);
  }
  if (shadows.empty()) shadows.push_back(Shadow{platform.id, platform.origin, existing->origin, {}, {}});
  shadows.front().added = std::move(added);
  shadows_.insert(shadows_.end(), shadows.begin(), shadows.end());

  existing->name = platform.name;
  // A user's declaration that leaves out "aliases" (an Open Terms Archive file has none) must
  // not take away the names the built-in one gave: the aliases add up.
  for (std::string& alias : platform.aliases)
    if (std::find(existing->aliases.begin(), existing->aliases.end(), alias) == existing->aliases.end())
      existing->aliases.push_back(std::move(alias));
  existing->origin = platform.origin;
  existing->built_in = existing->built_in && platform.built_in;
  for (DocumentSpec& doc : existing->documents) {
    doc.platform_id = existing->id;
    doc.platform_name = existing->name;  // one title per platform
  }
  existing->retired = std::all_of(existing->documents.begin(), existing->documents.end(),
                                  [](const DocumentSpec& d) { return d.retired; });
}

void Catalog::add_directory(const std::filesystem::path& directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    diagnostics_.push_back({Diagnostic::Severity::error, directory.string(), "",
                            "catalog directory does not exist or is not a directory", "", ""});
    return;
  }
  // Every *.json name, whatever its type: a FIFO or a directory named *.json is reported as
  // an error of that file (read_bounded_file refuses it), not silently skipped.
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
    if (is_declaration_name(entry.path().filename().string())) files.push_back(entry.path());
  if (ec)
    diagnostics_.push_back({Diagnostic::Severity::error, directory.string(), "",
                            "cannot list the catalog directory: " + ec.message(), "", ""});
  std::sort(files.begin(), files.end());  // deterministic order, whatever readdir says
  std::vector<Loaded> group;
  for (const auto& file : files) group.push_back(read_declaration(file));
  add_group(std::move(group));
}

Catalog Catalog::load(const std::vector<std::filesystem::path>& directories) {
  Catalog catalog;
  std::vector<Loaded> builtins;
  for (const BuiltinDeclaration& builtin : builtin_declarations()) {
    std::filesystem::path name(builtin.file_name);
    Loaded loaded;
    loaded.file = name;
    loaded.parsed = parse_declaration(builtin.json, name.stem().string(), "built-in:" + name.string());
    loaded.parsed.platform.built_in = true;
    builtins.push_back(std::move(loaded));
  }
  catalog.add_group(std::move(builtins));
  for (const auto& directory : directories) catalog.add_directory(directory);
  return catalog;
}

Catalog Catalog::load_only(const std::filesystem::path& target) {
  Catalog catalog;
  std::error_code ec;
  if (std::filesystem::is_directory(target, ec)) {
    catalog.add_directory(target);
  } else {
    std::vector<Loaded> one;
    one.push_back(read_declaration(target));
    catalog.add_group(std::move(one));
  }
  return catalog;
}

const Platform* Catalog::find(std::string_view platform_id) const {
  for (const Platform& p : platforms_)
    if (p.id == platform_id) return &p;
  return nullptr;
}

bool Catalog::has_errors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::error;
  });
}

bool Catalog::has_catalog_errors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::error && d.platform_id.empty();
  });
}

namespace {
// An error that makes its platform unusable: not a catalog's, not one document's.
bool breaks_platform(const Diagnostic& d) {
  return d.severity == Diagnostic::Severity::error && !d.platform_id.empty() && d.document_id.empty();
}
}  // namespace

bool Catalog::is_broken(std::string_view platform_id) const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                     [&](const Diagnostic& d) { return breaks_platform(d) && d.platform_id == platform_id; });
}

std::vector<std::string> Catalog::broken_platforms() const {
  std::vector<std::string> ids;
  for (const Diagnostic& d : diagnostics_)
    if (breaks_platform(d) && std::find(ids.begin(), ids.end(), d.platform_id) == ids.end())
      ids.push_back(d.platform_id);
  return ids;
}

std::vector<Diagnostic> Catalog::errors_of(std::string_view platform_id) const {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : diagnostics_)
    if (breaks_platform(d) && d.platform_id == platform_id) out.push_back(d);
  return out;
}

std::vector<Diagnostic> Catalog::document_errors(std::string_view platform_id) const {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : diagnostics_)
    if (d.severity == Diagnostic::Severity::error && !d.document_id.empty() && d.platform_id == platform_id)
      out.push_back(d);
  return out;
}

std::vector<const Platform*> Catalog::user_platforms() const {
  std::vector<const Platform*> out;
  for (const Platform& p : platforms_)
    if (!p.built_in) out.push_back(&p);
  return out;
}

}  // namespace tosdiff
