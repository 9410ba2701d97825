#pragma once
// What the views of changes (the digest in its formats, the diff page, the Atom feed) say
// about one change, said once: its kind ("major", "new", "cosmetic"), its names from the
// record's title, when it was captured, its summary without the title, and the places shown.

#include <cstddef>
#include <string>
#include <vector>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

// Regulations named in a view before "+N more".
inline constexpr std::size_t kNamedRegulations = 6;

std::string plural(std::size_t n, const std::string& one, const std::string& many);
std::string upper(std::string text);

// The platform's and the document's names, from the catalog title "<platform> — <terms type>"
// (the ids when the title says nothing).
std::string platform_name(const ChangeRecord& record);
std::string document_name(const ChangeRecord& record);

// "2026-11-29T12:00:00Z" -> "2026-11-29 12:00 UTC"; anything else as it is.
std::string readable_time(const std::string& iso);

// The severity of a substantive change ("major"... or "changed" when unclassified), "new"
// for a first version, "cosmetic" otherwise.
std::string kind_word(const ChangeRecord& record);

// "version 3 (was 2), 2026-11-29 12:00 UTC".
std::string version_phrase(const ChangeRecord& record, const std::string& captured_at);

// The summary without the document's title, which a view's heading already gives:
// "§ '8. Disputes' changed: +49/−30 words in 4 places; ...", "first version archived (...)".
std::string short_summary(const ChangeRecord& record);

// The substantive hunks a view shows, at most `limit`, and how many more there are.
std::vector<const Hunk*> shown_hunks(const ChangeRecord& record, std::size_t limit, std::size_t& more);

// At most `limit` names, then "+N more".
std::vector<std::string> first_of(std::vector<std::string> names, std::size_t limit);

bool http_url(const std::string& url);

}  // namespace tosdiff
