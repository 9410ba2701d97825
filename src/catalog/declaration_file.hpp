#pragma once
// Writing a declaration (`tosdiff add`): a platform's Open Terms Archive declaration with one
// terms entry set, as OTA writes them ({"name": ..., "terms": {TYPE: {"fetch": URL, "select":
// ..., "remove": ..., "executeClientScripts": true}}}, 2-space indentation). Pure: the
// caller reads the existing file and writes the result atomically.

#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

struct TermsEntry {
  std::string fetch;
  std::vector<std::string> select, remove;  // CSS; one is written as a string, more as an array
  bool execute_client_scripts = false;
};

// How to treat a terms type the declaration already has.
enum class ExistingEntry { keep, replace };

struct DeclarationEdit {
  std::string text;     // the new declaration, when `problem` is empty
  std::string problem;  // why it could not be made: one sentence
  bool replaced = false;  // the terms type was there and was replaced
};

// The declaration `existing` ("" when there is no file yet: a new declaration named `name`)
// with `type` set to `entry`, every other key and entry kept as it was. A problem when
// `existing` is not a JSON object with an object "terms" (or the older "documents"), and when
// it already has `type` and `existing_entry` is keep.
DeclarationEdit with_terms_entry(std::string_view existing, const std::string& name, const std::string& type,
                                 const TermsEntry& entry, ExistingEntry existing_entry);

}  // namespace tosdiff
