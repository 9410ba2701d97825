#include "tosdiff/catalog/declaration.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "tosdiff/extract/normalize.hpp"  // check_selectors
#include "tosdiff/util/clock.hpp"
#include "tosdiff/util/did_you_mean.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

using nlohmann::json;

// The keys each object may have: Open Terms Archive's (its JSON schemas) and tosdiff's own.
const std::vector<std::string> kTopKeys = {"name",          "terms",        "documents", "importedFrom", "id",
                                           "aliases",       "allowFileUrls", "compareLinks", "perHost",  "delay",
                                           "$schema"};
const std::vector<std::string> kTermsKeys = {"fetch",         "select",       "remove",  "filter", "executeClientScripts",
                                             "combine",       "allowFileUrls", "compareLinks", "perHost", "delay"};
const std::vector<std::string> kCombineKeys = {"fetch", "select", "remove", "filter", "executeClientScripts"};
const std::vector<std::string> kHistoryKeys = {"validUntil", "fetch",  "select", "remove",
                                               "filter",     "executeClientScripts", "combine"};
const std::vector<std::string> kRangeKeys = {"startBefore", "startAfter", "endBefore", "endAfter"};

bool known(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

class DeclarationParser {
 public:
  DeclarationParser(std::string_view file_stem, const std::string& origin)
      : file_stem_(file_stem), origin_(origin) {}

  ParsedDeclaration parse(std::string_view text, const HistoryText* history) {
    json root;
    if (read_json(text, "a declaration", root)) parse_platform(root, history);
    // Every problem belongs to the platform, even one found before its id was known.
    std::string platform_id = result_.platform.id.empty() ? id_from_name(file_stem_) : result_.platform.id;
    for (Diagnostic& d : result_.diagnostics) d.platform_id = platform_id;
    return std::move(result_);
  }

 private:
  // The file is JSON and an object, or an error (also in the history: a file that cannot be
  // read at all is not a detail of the past).
  bool read_json(std::string_view text, const char* what, json& root) {
    try {
      root = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 9e889
      report(Diagnostic::Severity::error, "", std::string("not valid JSON: ") + e.what());
      return false;
    }
    if (!root.is_object()) {
      report(Diagnostic::Severity::error, "", std::string(what) + " must be a JSON object");
      return false;
    }
    return true;
  }

  void report(Diagnostic::Severity severity, const std::string& where, const std::string& message) {
    result_.diagnostics.push_back({severity, origin_, where, message, "", ""});
    ++problems_;
  }
  // A problem of the declaration: an error; in the history, a warning.
  void error(const std::string& where, const std::string& message) {
    report(in_history_ ? Diagnostic::Severity::warning : Diagnostic::Severity::error, where, message);
  }
  void warning(const std::string& where, const std::string& message) {
    report(Diagnostic::Severity::warning, where, message);
  }
  // An error of the document being read only (Diagnostic::document_id says why).
  void document_error(const std::string& where, const std::string& message) {
    report(Diagnostic::Severity::error, where, message);
    result_.diagnostics.back().document_id = current_document_;
  }

  void warn_unknown_keys(const json& object, const std::vector<std::string>& keys, const std::string& where) {
    for (const auto& [key, value] : object.items()) {
      (void)value;
      if (known(keys, key)) continue;
      warning(where.empty() ? key : where + "." + key,
              "unknown key \"" + key + "\" ignored" + did_you_mean_suffix(key, keys));
    }
  }

  void parse_platform(const json& root, const HistoryText* history) {
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
      platform.id = id_from_name(file_stem_);
      if (!is_valid_id(platform.id))
        error("", "cannot derive a platform id from the file name '" + std::string(file_stem_) +
                      "' (" + platform.id + "): set \"id\"");
    }
    platform.aliases = parse_aliases(root, platform.id);
    allow_file_ = flag(root, "allowFileUrls", "allowFileUrls", false);
    compare_links_ = flag(root, "compareLinks", "compareLinks", false);
    per_host_ = number(root, "perHost", "perHost", 0, 1, 64);
    delay_ = number(root, "delay", "delay", -1, 0, 3600);
    warn_unknown_keys(root, kTopKeys, "");

    const char* terms_key = root.contains("terms") ? "terms" : root.contains("documents") ? "documents" : nullptr;
    if (!terms_key) {
      error("terms", "\"terms\" (or the older \"documents\") is missing");
      return;
    }
    const json& terms = root[terms_key];
    if (!terms.is_object()) {
      error(terms_key, "\"" + std::string(terms_key) + "\" must be an object");
      return;
    }
    if (terms.empty() && !history) {
      error(terms_key, "\"" + std::string(terms_key) + "\" is empty and there is no " + std::string(file_stem_) +
                           ".history.json beside it: nothing to track");
      return;
    }
    std::set<std::string> document_ids;
    for (const auto& [type, entry] : terms.items()) {
      const std::string where = std::string(terms_key) + "." + type;
      DocumentSpec doc = new_document(type);
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
      warn_unknown_keys(entry, kTermsKeys, where);
      doc.allow_file_urls = flag(entry, "allowFileUrls", where + ".allowFileUrls", allow_file_);
      doc.compare_links = flag(entry, "compareLinks", where + ".compareLinks", compare_links_);
      doc.per_host = static_cast<int>(number(entry, "perHost", where + ".perHost", per_host_, 1, 64));
      doc.delay_seconds = number(entry, "delay", where + ".delay", delay_, 0, 3600);
      current_document_ = doc.document_id;
      parse_document(entry, where, doc);
      current_document_.clear();
      platform.documents.push_back(std::move(doc));
    }
    if (history) parse_history(*history);
    if (terms.empty() && platform.documents.empty()) {
      error(terms_key, "\"" + std::string(terms_key) + "\" is empty and the history declares no terms: nothing to track");
      return;
    }
    platform.retired = std::all_of(platform.documents.begin(), platform.documents.end(),
                                   [](const DocumentSpec& d) { return d.retired; });
  }

  DocumentSpec new_document(const std::string& type) const {
    DocumentSpec doc;
    doc.platform_id = result_.platform.id;
    doc.platform_name = result_.platform.name;
    doc.terms_type = type;
    doc.document_id = id_from_name(type);
    doc.origin = origin_;
    doc.allow_file_urls = allow_file_;
    doc.compare_links = compare_links_;
    doc.per_host = static_cast<int>(per_host_);
    doc.delay_seconds = delay_;
    return doc;
  }

  // The history: per terms type, the past declarations. Attached to the document of the same
  // id, or a retired document when the terms type is no longer declared.
  void parse_history(const HistoryText& history) {
    const std::string declaration_origin = origin_;
    origin_ = history.origin;
    json root;
    if (read_json(history.json, "a history file", root)) {
      in_history_ = true;
      std::set<std::string> seen;
      for (const auto& [type, entries] : root.items()) {
        DocumentSpec scratch = new_document(type);
        if (!is_valid_id(scratch.document_id)) {
          warning(type, "the terms type '" + type + "' does not give a valid document id; ignored");
          continue;
        }
        if (!seen.insert(scratch.document_id).second) {
          warning(type, "two terms types give the same document id '" + scratch.document_id + "'; ignored");
          continue;
        }
        if (!entries.is_array()) {
          warning(type, "must be an array of past declarations (each with \"validUntil\"); ignored");
          continue;
        }
        auto& documents = result_.platform.documents;
        auto current = std::find_if(documents.begin(), documents.end(),
                                    [&](const DocumentSpec& d) { return d.document_id == scratch.document_id; });
        if (current != documents.end()) scratch.allow_file_urls = current->allow_file_urls;
        std::vector<PastDeclaration> past = parse_past_declarations(type, entries, scratch);
        if (current != documents.end()) {
          current->history = std::move(past);
        } else if (!past.empty()) {
          scratch.retired = true;
          scratch.origin = declaration_origin;
          scratch.history = std::move(past);
          documents.push_back(std::move(scratch));
        }
      }
      in_history_ = false;
    }
    origin_ = declaration_origin;
  }

  std::vector<PastDeclaration> parse_past_declarations(const std::string& type, const json& entries,
                                                       const DocumentSpec& doc) {
    std::vector<PastDeclaration> past;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string where = type + "[" + std::to_string(i) + "]";
      const json& entry = entries[i];
      if (!entry.is_object()) {
        warning(where, "a past declaration must be an object; ignored");
        continue;
      }
      warn_unknown_keys(entry, kHistoryKeys, where);
      PastDeclaration declaration;
      auto until = entry.find("validUntil");
      if (until == entry.end() || !until->is_string() ||
          !parse_timestamp(until->get<std::string>(), declaration.valid_until_time)) {
        warning(where + ".validUntil", "\"validUntil\" must be a date such as 2024-05-31T00:00:00.000Z; "
                                       "this past declaration is ignored");
        continue;
      }
      declaration.valid_until = until->get<std::string>();
      const std::size_t problems_before = problems_;
      DocumentSpec parsed = doc;
      parse_document(entry, where, parsed);
      declaration.sources = std::move(parsed.sources);
      declaration.complete = problems_ == problems_before;
      past.push_back(std::move(declaration));
    }
    std::stable_sort(past.begin(), past.end(), [](const PastDeclaration& a, const PastDeclaration& b) {
      return a.valid_until_time < b.valid_until_time;
    });
    return past;
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
      return;
    }
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
      warn_unknown_keys(combine[i], kCombineKeys, item_where);
      SourceSpec source;
      parse_source_fields(combine[i], item_where, source, &inherited);
      source.url = parse_url(combine[i]["fetch"], item_where + ".fetch", doc.allow_file_urls);
      doc.sources.push_back(std::move(source));
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
            error(item_where, "unknown range selector key \"" + key + "\"" + did_you_mean_suffix(key, kRangeKeys));
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
        // Only a CSS string: a range with a missing end is a malformed declaration, whatever
        // the content turns out to be.
        if (in_history_ || current_document_.empty() || !std::holds_alternative<std::string>(specs.back())) {
          error(item_where, checked.error().message);
          specs.pop_back();
        } else {
          // Kept: at check time an HTML page fails on it (kind `selector`), a PDF ignores it.
          document_error(item_where, checked.error().message + " (the document is still checked: it fails with "
                                                               "`selector` unless its content is a PDF)");
        }
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
      if (!in_history_)
        warning(where + "[" + std::to_string(i) + "]",
                "filter '" + name + "' is an Open Terms Archive JavaScript filter tosdiff does not "
                "run; ignored (tosdiff's own noise handling applies)");
    }
    return names;
  }

  std::string_view file_stem_;
  std::string origin_;  // the file being read: the declaration, or its history
  std::string current_document_;  // the id of the current declaration's document being read
  ParsedDeclaration result_;
  bool in_history_ = false;
  std::size_t problems_ = 0;
  // The declaration's defaults for its documents.
  bool allow_file_ = false, compare_links_ = false;
  double per_host_ = 0, delay_ = -1;
};

}  // namespace

bool ParsedDeclaration::ok() const {
  return std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::error && d.document_id.empty();
  });
}

ParsedDeclaration parse_declaration(std::string_view json_text, std::string_view file_stem, const std::string& origin,
                                    const HistoryText* history) {
  return DeclarationParser(file_stem, origin).parse(json_text, history);
}

}  // namespace tosdiff
