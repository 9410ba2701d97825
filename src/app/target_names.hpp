#pragma once
// What a name on the command line designates: "PLATFORM" or "PLATFORM/DOCUMENT", matched
// against the catalog (ids in any case, or a platform's "aliases") and, for the commands that
// read the archive, against the archive's own document directories. An unknown name is a
// UsageError that says the closest known one ("did you mean `openai`?").

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tosdiff/catalog/catalog.hpp"

namespace tosdiff {

struct NamedDocument {
  std::string platform, document;      // ids, as archived
  const DocumentSpec* spec = nullptr;  // the catalog's declaration, when it has one
};

using ArchivedDocuments = std::vector<std::pair<std::string, std::string>>;  // (platform, document)

// The documents `name` designates, the catalog's first (declaration order), then those only
// archived. `catalog` may be null (not loadable); `archived` is empty for the commands that
// need declarations. Throws UsageError for an unknown platform or document, and for an alias
// that several platforms claim.
std::vector<NamedDocument> resolve_target(const Catalog* catalog, const ArchivedDocuments& archived,
                                          std::string_view name);

}  // namespace tosdiff
