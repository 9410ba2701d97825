#pragma once
// The catalog: which documents to track, read from Open Terms Archive declarations
// (declaration.hpp: the format, ids, history, retired services).
//
// Catalogs stack: the built-in declarations, then each directory in order. A later
// declaration of a platform merges into it per document: a document of the same id is
// replaced, a new one added, the others kept (a Shadow says which declaration shadows which).
// Inside one directory, two files of one platform id are an error of that platform.
//
// A declaration with errors makes its platform unusable, and only it (an error of one document,
// a selector that does not parse, leaves the platform usable: Diagnostic::document_id): the catalog keeps the
// problems (diagnostics(), is_broken()) and every other platform; the commands decide (list
// and check go on and exit 3, validate exits 2, a broken platform named on the command line
// is a usage error). A file that is not a regular file or is larger than
// kMaxDeclarationBytes is an error of that file, never read.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/catalog/declaration.hpp"

namespace tosdiff {

inline constexpr std::size_t kMaxDeclarationBytes = std::size_t{1} << 20;  // 1 MiB, a declaration or its history

// A declaration that replaced or extended the documents of an earlier one of the same platform.
struct Shadow {
  std::string platform_id;
  std::string origin;                  // the later declaration
  std::string shadowed;                // the earlier one
  std::vector<std::string> replaced;   // document ids of `shadowed` that `origin` replaces
  std::vector<std::string> added;      // document ids `origin` adds (only in the first Shadow of `origin`)
};

class Catalog {
 public:
  // The built-in declarations, then each directory in order. Files that are not *.json,
  // hidden files and *.history.json (read with their declaration) are skipped. Problems are
  // collected in diagnostics(), never thrown.
  static Catalog load(const std::vector<std::filesystem::path>& directories);
  // One file or directory, without the built-in declarations (for `validate`).
  static Catalog load_only(const std::filesystem::path& file_or_directory);

  // Usable platforms (retired ones included), in order of first declaration. A platform whose
  // later declaration is broken keeps its earlier documents here, and is_broken() says so.
  const std::vector<Platform>& platforms() const { return platforms_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  const std::vector<Shadow>& shadows() const { return shadows_; }
  const Platform* find(std::string_view platform_id) const;
  bool has_errors() const;
  // Errors that belong to no declaration (a catalog directory that does not exist).
  bool has_catalog_errors() const;
  // True when a declaration of this platform has errors.
  bool is_broken(std::string_view platform_id) const;
  // The ids of the platforms with a broken declaration, each once, in order of the errors.
  std::vector<std::string> broken_platforms() const;
  // The error diagnostics that break one platform.
  std::vector<Diagnostic> errors_of(std::string_view platform_id) const;
  // The errors of single documents of a usable platform (Diagnostic::document_id): those
  // documents are listed and checked, and fail at check time when the error matters.
  std::vector<Diagnostic> document_errors(std::string_view platform_id) const;

  // Platforms that came from the user's directories (declared, at least in part, there).
  std::vector<const Platform*> user_platforms() const;

 private:
  struct Loaded {
    ParsedDeclaration parsed;
    std::filesystem::path file;
  };
  void add_directory(const std::filesystem::path& directory);
  static Loaded read_declaration(const std::filesystem::path& file);
  // Adds one directory's (or the built-in set's) declarations: a platform id declared twice
  // in it is an error of that platform; the others are merged.
  void add_group(std::vector<Loaded> group);
  void merge(Platform platform);

  std::vector<Platform> platforms_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<Shadow> shadows_;
};

// The declarations compiled into the binary: (file name, JSON text).
struct BuiltinDeclaration {
  const char* file_name;
  const char* json;
};
const std::vector<BuiltinDeclaration>& builtin_declarations();

}  // namespace tosdiff
