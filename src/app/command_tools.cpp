// Commands that work on local files (normalize, validate), and the names completion offers.

#include <algorithm>
#include <iostream>
#include <iterator>
#include <set>
#include <ostream>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/util/atomic_file.hpp"
#include "tosdiff/fetch/charset.hpp"
#include "tosdiff/app/cli.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {

int command_normalize(Context& context, const NormalizeCommandOptions& options) {
  std::string bytes;
  if (options.file == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    try {
      bytes = read_whole_file(options.file);
    } catch (const ArchiveError& e) {
      throw UsageError(e.what());
    }
  }
  if (options.suggest) {
    if (!options.select.empty() || !options.remove.empty())
      throw UsageError("--suggest proposes the selectors itself: it takes no --select or --remove");
    return command_suggest(context, options.file, bytes);
  }
  NormalizeOptions normalize_options;
  for (const auto& s : options.select) normalize_options.select.emplace_back(s);
  for (const auto& s : options.remove) normalize_options.remove.emplace_back(s);
  normalize_options.base_url = options.base_url;
  normalize_options.include_links = options.links;
  auto text = normalize(to_utf8(bytes, "").text, normalize_options);
  if (!text) {
    if (text.error().kind == ErrorKind::selector) throw UsageError(text.error().message);
    context.err() << "tosdiff: error: " << text.error().kind << ": " << text.error().message << "\n";
    return exit_code::document_failed;
  }
  context.out() << render_text(*text);
  return exit_code::ok;
}

int command_validate(Context& context, const std::string& path) {
  Catalog catalog;
  if (path.empty()) {
    catalog = Catalog::load(context.catalog_directories());
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw UsageError("no such file or directory: " + path);
    catalog = Catalog::load_only(path);
  }
  std::size_t errors = 0, warnings = 0, documents = 0;
  for (const Diagnostic& d : catalog.diagnostics()) {
    const bool error = d.severity == Diagnostic::Severity::error;
    (error ? errors : warnings)++;
    if (!error && !context.verbose() && d.message.rfind("executeClientScripts", 0) == 0) continue;
    context.out() << d.origin << (d.location.empty() ? "" : ": " + d.location) << ": "
                  << (error ? "error" : "warning") << ": " << d.message << "\n";
  }
  for (const Shadow& s : catalog.shadows()) {
    context.out() << s.origin << ": note: shadows " << s.shadowed << " (platform '" << s.platform_id << "'";
    if (!s.replaced.empty()) context.out() << "; replaces " << join(s.replaced, ", ");
    if (!s.added.empty()) context.out() << "; adds " << join(s.added, ", ");
    context.out() << ")\n";
  }
  // Valid: the platforms without errors; retired documents are valid but not counted as such.
  std::size_t platforms = 0, retired = 0;
  for (const Platform& p : catalog.platforms()) {
    if (catalog.is_broken(p.id)) continue;
    ++platforms;
    const std::vector<Diagnostic> broken_documents = catalog.document_errors(p.id);
    for (const DocumentSpec& doc : p.documents) {
      const bool has_error = std::any_of(broken_documents.begin(), broken_documents.end(),
                                         [&](const Diagnostic& d) { return d.document_id == doc.document_id; });
      if (!has_error) ++(doc.retired ? retired : documents);
    }
  }
  context.out() << counted(platforms, "platform") << ", " << counted(documents, "document") << " valid";
  if (retired > 0) context.out() << " (and " << retired << " retired)";
  context.out() << "; " << counted(errors, "error") << ", " << counted(warnings, "warning") << "\n";
  return errors ? exit_code::usage : exit_code::ok;
}

int command_names(Context& context, bool documents_only) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  auto add = [&](const std::string& name) {
    if (seen.insert(name).second) names.push_back(name);
  };
  if (const Catalog* catalog = context.catalog_if_loadable()) {
    for (const Platform& platform : catalog->platforms()) {
      if (catalog->is_broken(platform.id)) continue;
      if (!documents_only) {
        add(platform.id);
        for (const std::string& alias : platform.aliases) add(alias);
      }
      for (const DocumentSpec& doc : platform.documents) add(doc.key());
    }
  }
  for (const auto& [platform, document] : Archive(context.data_dir()).document_directories()) {
    if (!documents_only) add(platform);
    add(platform + "/" + document);
  }
  for (const std::string& name : names) context.out() << name << "\n";
  return exit_code::ok;
}

}  // namespace tosdiff
