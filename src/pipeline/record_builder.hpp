#pragma once
// The one record builder: every change record tosdiff writes or shows — a check's, an
// `accept`'s, one `verify --repair` rebuilds, one `diff` computes between two versions — is
// made here, from the same inputs in the same way, so that they never disagree. A pure
// function: texts, versions and rules in, the record out.

#include <optional>
#include <string>
#include <vector>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/classify/classify.hpp"
#include "tosdiff/compare/variants.hpp"
#include "tosdiff/model/document.hpp"
#include "tosdiff/model/record.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

struct RecordInput {
  std::string platform, document, title;
  std::vector<std::string> urls;
  std::string checked_at;
  // The version the record makes (or, for `diff`, the newer one), with its text. Its number,
  // captured_at, sha256 and snapshots are taken as given; status, significance, cosmetic
  // kinds, reverts_to and summary are what the builder decides.
  VersionEntry current;
  const Text* current_text = nullptr;
  // The version it follows, with its text; none for a first version.
  std::optional<VersionEntry> previous;
  const Text* previous_text = nullptr;
  // The versions archived before `current`, oldest first: a text that comes back after a
  // recent version is marked reverts_to, and the same flip made again is cosmetic
  // (flapping). Empty for `diff`, which compares two versions on their own.
  std::vector<VersionEntry> history;
  // Edits of the document's recent flapping changes (variant_memory.hpp), and the version
  // that last made them: a place that switches the same way again is cosmetic ("variant").
  std::vector<WordEdit> variant_edits;
  std::string variants_seen_in;
  bool accepted = false;  // made by `tosdiff accept`
  // The rules that read the previous version differ from today's (extraction_rules.hpp), and
  // previous_text is that version's page read with today's rules: what differs is what the
  // page changed; nothing differing makes a cosmetic "rules_changed" change.
  std::vector<std::string> rules_changed;
  // The page switched language, and previous_text is the latest earlier version in the new
  // language (compared_with). When absent, the builder tells a switch itself from
  // previous_text and current_text (language_switch): a translation, cosmetic ("language").
  std::optional<LanguageChange> language_changed;
  std::vector<std::string> warnings;
  const Rules* rules = nullptr;  // the built-in rules when null
};

struct BuiltRecord {
  ChangeRecord record;
  VersionEntry version;  // `current`, with the decided fields filled in
};

// An input naming `spec`'s document (platform, document, title, declared pages), the rest to fill.
RecordInput record_input_for(const DocumentSpec& spec);

// Status new (no previous), changed, or unchanged (a `diff` of identical texts); the diff,
// significance, cosmetic kinds, flapping, classification and summary.
BuiltRecord build_record(const RecordInput& input);

// The two texts are in different languages, both told apart (extract/language.hpp), and share
// under half of their distinct words, as a translation does: from and to, compared_with empty;
// nothing otherwise (a page in two languages whose majority tipped is no switch).
std::optional<LanguageChange> language_switch(const Text& before, const Text& after);

// How a change record names an archived version.
VersionRef version_ref(const VersionEntry& version);

}  // namespace tosdiff
