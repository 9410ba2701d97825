#include "tosdiff/app/target_names.hpp"

#include <algorithm>

#include "tosdiff/app/cli.hpp"
#include "tosdiff/util/did_you_mean.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates, const std::string& otherwise) {
  if (auto near = closest(word, candidates)) return " (did you mean `" + *near + "`?)";
  return otherwise.empty() ? "" : " (" + otherwise + ")";
}

// The platform id `name` designates: an id (any case), else an alias, else an archived
// platform; "" when none.
std::string platform_id(const Catalog* catalog, const ArchivedDocuments& archived, std::string_view name) {
  const std::string id = ascii_lower(name);
  if (catalog && catalog->find(id)) return id;
  if (catalog) {
    std::vector<std::string> owners;
    for (const Platform& p : catalog->platforms())
      if (contains(p.aliases, id)) owners.push_back(p.id);
    if (owners.size() == 1) return owners.front();
    if (owners.size() > 1)
      throw UsageError("'" + std::string(name) + "' is an alias of " + join(owners, " and ") + ": name one of them");
  }
  for (const auto& [platform, document] : archived)
    if (platform == id) return id;
  return "";
}

std::vector<std::string> platform_names(const Catalog* catalog, const ArchivedDocuments& archived) {
  std::vector<std::string> names;
  if (catalog) {
    for (const Platform& p : catalog->platforms()) names.push_back(p.id);
    for (const Platform& p : catalog->platforms()) names.insert(names.end(), p.aliases.begin(), p.aliases.end());
  }
  for (const auto& [platform, document] : archived)
    if (!contains(names, platform)) names.push_back(platform);
  return names;
}

}  // namespace

std::vector<NamedDocument> resolve_target(const Catalog* catalog, const ArchivedDocuments& archived,
                                          std::string_view name) {
  const std::size_t slash = name.find('/');
  const std::string_view platform_name = name.substr(0, slash);
  const std::string id = platform_id(catalog, archived, platform_name);
  if (id.empty())
    throw UsageError("unknown platform '" + std::string(platform_name) + "'" +
                     suggestion(platform_name, platform_names(catalog, archived), "see `tosdiff list`"));

  std::vector<NamedDocument> documents;
  if (const Platform* platform = catalog ? catalog->find(id) : nullptr)
    for (const DocumentSpec& doc : platform->documents) documents.push_back({id, doc.document_id, &doc});
  for (const auto& [platform, binding] : archived) {
    const std::string& document = binding;  // clang 14 (the fuzz build) cannot capture a binding
    if (platform != id) continue;
    const bool declared = std::any_of(documents.begin(), documents.end(),
                                      [&](const NamedDocument& d) { return d.document == document; });
    if (!declared) documents.push_back({id, document, nullptr});
  }
  if (slash == std::string_view::npos) return documents;

  const std::string_view document_name = name.substr(slash + 1);
  const std::string document_id = ascii_lower(document_name);
  for (const NamedDocument& d : documents)
    if (d.document == document_id) return {d};
  std::vector<std::string> known;
  for (const NamedDocument& d : documents) known.push_back(d.document);
  throw UsageError("unknown document '" + std::string(document_name) + "' of platform '" + id + "'" +
                   suggestion(document_name, known, "known: " + join(known, ", ")));
}

}  // namespace tosdiff
