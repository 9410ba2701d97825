#pragma once
// Platform and document ids: what names a directory of the archive, so what must never be
// able to climb out of it.

#include <string>
#include <string_view>

namespace tosdiff {

// Lowercase, runs of other characters than a-z0-9 turned into '-', trimmed.
std::string slugify(std::string_view text);
// True for 1-64 characters of a-z, 0-9 and '-', not starting or ending with '-'.
bool is_valid_id(std::string_view id);

}  // namespace tosdiff
