#pragma once
// Platform and document ids: what names a directory of the archive, so what must never be
// able to climb out of it.

#include <string>
#include <string_view>

namespace tosdiff {

// Lowercase ASCII, runs of other characters than a-z0-9 turned into '-', trimmed. Letters
// with diacritics are first spelt with their base letter (Latin-1 Supplement, Latin
// Extended-A and the usual Extended-B letters: "Mon espace santé" -> "mon-espace-sante",
// ß -> ss, æ -> ae, ø -> o, Ł -> l), combining marks are dropped, and Cyrillic and Greek are
// transliterated ("Яндекс" -> "yandeks", "Ελλάδα" -> "ellada"). Other scripts are separators.
// Input that is not UTF-8 is read byte by byte (its bytes above 0x7F are separators).
std::string slugify(std::string_view text);

// The id of a platform or document named `name`: slugify(name); or, when that keeps no
// letter of a name written in another script (CJK, Arabic, ...) or is empty, "x-" and the
// first 8 hex digits of the SHA-256 of the UTF-8 name ("微信" -> "x-" + 8 hex digits), which is
// stable and tells two such names apart. Empty for an empty name.
std::string id_from_name(std::string_view name);

// True for 1-64 characters of a-z, 0-9 and '-', not starting or ending with '-'.
bool is_valid_id(std::string_view id);

}  // namespace tosdiff
