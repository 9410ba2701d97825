#include "tosdiff/catalog/catalog.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tosdiff/extract/normalize.hpp"  // check_selectors
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

using nlohmann::json;

class DeclarationParser {
 public:
  DeclarationParser(std::string_view file_stem, const std::string& origin)
      : file_stem_(file_stem), origin_(origin) {}

  ParsedDeclaration parse(std::string_view text) {
    json root;
    try {
      root = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 9e889
      error("", std::string("not valid JSON: ") + e.what());
      return std::move(result_);
    }
    if (!root.is_object()) {
      error("", "a declaration must be a JSON object");
      return std::move(result_);
    }
    parse_platform(root);
    return std::move(result_);
  }

 private:
  void error(const std::string& where, const std::string& message) {
    result_.diagnostics.push_back({Diagnostic::Severity::error, origin_, where, message});
  }
  void warning(const std::string& where, const std::string& message) {
    result_.diagnostics.push_back({Diagnostic::Severity::warning, origin_, where, message});
  }

  void parse_platform(const json& root) {
    Platform& platform = result_.platform;
    platform.origin = origin_;
    if (auto it = root.find("name"); it != root.end() && it->is_string() && !it->get<std::string>().empty()) {
      platform.name = it->get<std::string>();
    } else {
      error("name", "\"name\" must be a non-empty string");
    }
    if (auto it = root.find("id"); it != root.end()) {
      if (!it->is_string() || !is_valid_id(it->get<std::string>())) {
        error("id", "\"id\" must be 1-64 characters of a-z, 0-9 and '-', not starting or ending with '-'");
      } else {
        platform.id = it->get<std::string>();
      }
    } else {
      platform.id = slugify(file_stem_);
      if (!is_valid_id(platform.id))
        error("", "cannot derive a platform id from the file name '" + std::string(file_stem_) +
                      "': set \"id\"");
    }
    platform.aliases = parse_aliases(root, platform.id);
    const bool allow_file = flag(root, "allowFileUrls", "allowFileUrls", false);
    const bool compare_links = flag(root, "compareLinks", "compareLinks", false);
    const double per_host = number(root, "perHost", "perHost", 0, 1, 64);
    const double delay = number(root, "delay", "delay", -1, 0, 3600);

    const char* terms_key = root.contains("terms") ? "terms" : root.contains("documents") ? "documents" : nullptr;
    if (!terms_key) {
      error("terms", "\"terms\" (or the older \"documents\") is missing");
      return;
    }
    const json& terms = root[terms_key];
    if (!terms.is_object() || terms.empty()) {
      error(terms_key, "\"" + std::string(terms_key) + "\" must be a non-empty object");
      return;
    }
    static const std::set<std::string> known_top = {"name",         "id",           "terms",   "documents",
                                                    "allowFileUrls", "compareLinks", "perHost", "delay",
                                                    "aliases",      "$schema"};
    for (const auto& [key, value] : root.items()) {
      (void)value;
      if (!known_top.count(key)) warning(key, "unknown key \"" + key + "\" ignored");
    }
    std::set<std::string> document_ids;
    for (const auto& [type, entry] : terms.items()) {
      const std::string where = std::string(terms_key) + "." + type;
      DocumentSpec doc;
      doc.platform_id = platform.id;
      doc.platform_name = platform.name;
      doc.terms_type = type;
      doc.document_id = slugify(type);
      if (!is_valid_id(doc.document_id)) {
        error(where, "the terms type '" + type + "' does not give a valid document id");
        continue;
      }
      if (!document_ids.insert(doc.document_id).second) {
        error(where, "two terms types give the same document id '" + doc.document_id + "'");
        continue;
      }
      if (!entry.is_object()) {
        error(where, "must be an object with \"fetch\" or \"combine\"");
        continue;
      }
      doc.allow_file_urls = flag(entry, "allowFileUrls", where + ".allowFileUrls", allow_file);
      doc.compare_links = flag(entry, "compareLinks", where + ".compareLinks", compare_links);
      doc.per_host = static_cast<int>(number(entry, "perHost", where + ".perHost", per_host, 1, 64));
      doc.delay_seconds = number(entry, "delay", where + ".delay", delay, 0, 3600);
      parse_document(entry, where, doc);
      platform.documents.push_back(std::move(doc));
    }
  }

  // "aliases": other names a platform goes by (a product, a former name), each written as an
  // id is, so the command line finds it by them. An alias that is also another platform's id
  // gives way to that id when names are looked up.
  std::vector<std::string> parse_aliases(const json& root, const std::string& platform_id) {
    std::vector<std::string> aliases;
    auto it = root.find("aliases");
    if (it == root.end()) return aliases;
    if (!it->is_array()) {
      error("aliases", "\"aliases\" must be an array of names");
      return aliases;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& alias = (*it)[i];
      const std::string where = "aliases[" + std::to_string(i) + "]";
      if (!alias.is_string() || !is_valid_id(alias.get<std::string>()))
        error(where, "an alias must be 1-64 characters of a-z, 0-9 and '-', not starting or ending with '-'");
      else if (alias.get<std::string>() == platform_id ||
               std::find(aliases.begin(), aliases.end(), alias.get<std::string>()) != aliases.end())
        warning(where, "alias '" + alias.get<std::string>() + "' given twice (or the platform id itself): ignored");
      else
        aliases.push_back(alias.get<std::string>());
    }
    return aliases;
  }

  double number(const json& object, const char* key, const std::string& where, double fallback, double low,
                double high) {
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (!it->is_number() || it->get<double>() < low || it->get<double>() > high) {
      error(where, std::string("\"") + key + "\" must be a number from " + std::to_string(static_cast<int>(low)) +
                       " to " + std::to_string(static_cast<int>(high)));
      return fallback;
    }
    return it->get<double>();
  }

  bool flag(const json& object, const char* key, const std::string& where, bool fallback) {
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (!it->is_boolean()) {
      error(where, std::string("\"") + key + "\" must be true or false");
      return fallback;
    }
    return it->get<bool>();
  }

  void parse_document(const json& entry, const std::string& where, DocumentSpec& doc) {
    SourceSpec inherited;
    parse_source_fields(entry, where, inherited, nullptr);
    const bool has_fetch = entry.contains("fetch");
    const bool has_combine = entry.contains("combine");
    if (has_fetch == has_combine) {
      error(where, has_fetch ? "has both \"fetch\" and \"combine\"" : "needs \"fetch\" or \"combine\"");
      return;
    }
    if (has_fetch) {
      SourceSpec source = inherited;
      source.url = parse_url(entry["fetch"], where + ".fetch", doc.allow_file_urls);
      doc.sources.push_back(std::move(source));
    } else {
      const json& combine = entry["combine"];
      if (!combine.is_array() || combine.empty()) {
        error(where + ".combine", "\"combine\" must be a non-empty array");
        return;
      }
      for (std::size_t i = 0; i < combine.size(); ++i) {
        const std::string item_where = where + ".combine[" + std::to_string(i) + "]";
        if (!combine[i].is_object() || !combine[i].contains("fetch")) {
          error(item_where, "each combine entry must be an object with \"fetch\"");
          continue;
        }
        SourceSpec source;
        parse_source_fields(combine[i], item_where, source, &inherited);
        source.url = parse_url(combine[i]["fetch"], item_where + ".fetch", doc.allow_file_urls);
        doc.sources.push_back(std::move(source));
      }
    }
  }

  // select/remove/filter/executeClientScripts of an entry; missing ones come from `parent`.
  void parse_source_fields(const json& entry, const std::string& where, SourceSpec& source,
                           const SourceSpec* parent) {
    if (entry.contains("select"))
      source.select = parse_selectors(entry["select"], where + ".select");
    else if (parent)
      source.select = parent->select;
    if (entry.contains("remove"))
      source.remove = parse_selectors(entry["remove"], where + ".remove");
    else if (parent)
      source.remove = parent->remove;
    if (entry.contains("filter"))
      source.filters = parse_filters(entry["filter"], where + ".filter");
    else if (parent)
      source.filters = parent->filters;
    if (entry.contains("executeClientScripts")) {
      const json& value = entry["executeClientScripts"];
      if (value.is_boolean()) {
        source.execute_client_scripts = value.get<bool>();
      } else {
        error(where + ".executeClientScripts", "must be true or false");
      }
    } else if (parent) {
      source.execute_client_scripts = parent->execute_client_scripts;
    }
    if (source.execute_client_scripts && (!parent || !parent->execute_client_scripts))
      warning(where, "executeClientScripts: tosdiff does not run the page's JavaScript; the "
                     "text is read from the HTML as served");
  }

  std::string parse_url(const json& value, const std::string& where, bool allow_file) {
    if (!value.is_string() || value.get<std::string>().empty()) {
      error(where, "\"fetch\" must be a URL string");
      return {};
    }
    std::string url = value.get<std::string>();
    std::string scheme = url_scheme(url);
    if (scheme == "file") {
      if (!allow_file)
        error(where, "file:// URL '" + url + "' needs \"allowFileUrls\": true in the declaration");
    } else if (scheme != "http" && scheme != "https") {
      error(where, "'" + url + "' is not an http(s) URL");
    } else if (url_host(url).empty()) {
      error(where, "'" + url + "' has no host, or an invalid host or port");
    }
    return url;
  }

  std::vector<SelectorSpec> parse_selectors(const json& value, const std::string& where) {
    std::vector<SelectorSpec> specs;
    auto one = [&](const json& item, const std::string& item_where) {
      if (item.is_string()) {
        specs.emplace_back(item.get<std::string>());
      } else if (item.is_object()) {
        RangeSelector range;
        for (const auto& [key, v] : item.items()) {
          std::string* field = key == "startBefore" ? &range.start_before
                               : key == "startAfter" ? &range.start_after
                               : key == "endBefore"  ? &range.end_before
                               : key == "endAfter"   ? &range.end_after
                                                     : nullptr;
          if (!field) {
            error(item_where, "unknown range selector key \"" + key + "\"");
          } else if (!v.is_string() || v.get<std::string>().empty()) {
            error(item_where + "." + key, "must be a CSS selector string");
          } else {
            *field = v.get<std::string>();
          }
        }
        specs.emplace_back(range);
      } else {
        error(item_where, "a selector must be a CSS string or a range object");
        return;
      }
      if (auto checked = check_selectors({specs.back()}); !checked) {
        error(item_where, checked.error().message);
        specs.pop_back();
      }
    };
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) one(value[i], where + "[" + std::to_string(i) + "]");
    } else {
      one(value, where);
    }
    return specs;
  }

  std::vector<std::string> parse_filters(const json& value, const std::string& where) {
    std::vector<std::string> names;
    if (!value.is_array()) {
      error(where, "\"filter\" must be an array of filter names");
      return names;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const json& item = value[i];
      std::string name;
      if (item.is_string()) {
        name = item.get<std::string>();
      } else if (item.is_object() && item.size() == 1) {
        name = item.begin().key();  // {"removeQueryParams": [...]} in newer declarations
      } else {
        error(where + "[" + std::to_string(i) + "]", "a filter must be a name");
        continue;
      }
      names.push_back(name);
      warning(where + "[" + std::to_string(i) + "]",
              "filter '" + name + "' is an Open Terms Archive JavaScript filter tosdiff does not "
              "run; ignored (tosdiff's own noise handling applies)");
    }
    return names;
  }

  std::string_view file_stem_;
  std::string origin_;
  ParsedDeclaration result_;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool is_declaration_file(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return path.extension() == ".json" && name.size() > 5 &&
         name.find(".history.json") == std::string::npos && name[0] != '.';
}

}  // namespace

bool ParsedDeclaration::ok() const {
  return std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::error;
  });
}

ParsedDeclaration parse_declaration(std::string_view json_text, std::string_view file_stem,
                                    const std::string& origin) {
  return DeclarationParser(file_stem, origin).parse(json_text);
}

void Catalog::add(ParsedDeclaration parsed) {
  diagnostics_.insert(diagnostics_.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  if (!parsed.ok()) return;
  auto same = std::find_if(platforms_.begin(), platforms_.end(),
                           [&](const Platform& p) { return p.id == parsed.platform.id; });
  if (same != platforms_.end()) {
    // Two files of one directory with one id ("Foo.Bar.json" and "foo-bar.json"): which one
    // the user meant cannot be guessed, so neither silently wins.
    if (!same->built_in && !parsed.platform.built_in &&
        std::filesystem::path(same->origin).parent_path() == std::filesystem::path(parsed.platform.origin).parent_path()) {
      diagnostics_.push_back({Diagnostic::Severity::error, parsed.platform.origin, "",
                              "platform id '" + parsed.platform.id + "' is also the id of " + same->origin +
                                  " in the same directory: rename one file or give it another \"id\""});
      return;
    }
    if (!same->built_in && !parsed.platform.built_in)
      diagnostics_.push_back({Diagnostic::Severity::warning, parsed.platform.origin, "",
                              "platform id '" + parsed.platform.id + "' also declared in " +
                                  same->origin + "; this one is used"});
    *same = std::move(parsed.platform);
  } else {
    platforms_.push_back(std::move(parsed.platform));
  }
}

void Catalog::add_file(const std::filesystem::path& file, bool built_in) {
  std::string text;
  try {
    text = read_file(file);
  } catch (const std::exception& e) {
    diagnostics_.push_back({Diagnostic::Severity::error, file.string(), "", e.what()});
    return;
  }
  ParsedDeclaration parsed = parse_declaration(text, file.stem().string(), file.string());
  parsed.platform.built_in = built_in;
  add(std::move(parsed));
}

Catalog Catalog::load(const std::vector<std::filesystem::path>& directories) {
  Catalog catalog;
  for (const BuiltinDeclaration& builtin : builtin_declarations()) {
    std::filesystem::path name(builtin.file_name);
    ParsedDeclaration parsed =
        parse_declaration(builtin.json, name.stem().string(), "built-in:" + name.string());
    parsed.platform.built_in = true;
    catalog.add(std::move(parsed));
  }
  for (const auto& directory : directories) {
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
      catalog.diagnostics_.push_back({Diagnostic::Severity::error, directory.string(), "",
                                      "catalog directory does not exist or is not a directory"});
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
      if (entry.is_regular_file() && is_declaration_file(entry.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // deterministic order, whatever readdir says
    for (const auto& file : files) catalog.add_file(file, false);
  }
  return catalog;
}

Catalog Catalog::load_only(const std::filesystem::path& target) {
  Catalog catalog;
  std::error_code ec;
  if (std::filesystem::is_directory(target, ec)) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(target, ec))
      if (entry.is_regular_file() && is_declaration_file(entry.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) catalog.add_file(file, false);
  } else {
    catalog.add_file(target, false);
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

std::vector<const Platform*> Catalog::user_platforms() const {
  std::vector<const Platform*> out;
  for (const Platform& p : platforms_)
    if (!p.built_in) out.push_back(&p);
  return out;
}

}  // namespace tosdiff
