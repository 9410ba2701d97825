#pragma once
// Mojibake: UTF-8 text a page's pipeline read as windows-1252 (or Latin-1) and encoded again,
// so that "’" comes out as "â€™" and "é" as "Ã©". A site's template or CMS does this to one
// edition and not the next; the words are the same.

#include <string>
#include <string_view>

namespace tosdiff {

// `text` with every run of characters that windows-1252 (or Latin-1) writes as the bytes of a
// well-formed multi-byte UTF-8 sequence replaced by that sequence's character: "â€™" reads
// "’", "Ã©" reads "é". Everything else is kept, a lone "é" or "Ã" included.
std::string undo_mojibake(std::string_view text);

// `text` without the "Â" a non-breaking space leaves when read as windows-1252 once its space
// was made a plain one ("Â Â XFINITY Privacy Policy" for "XFINITY Privacy Policy": contrib
// replay, a cable operator's policy, the marks coming and going between captures): an "Â"
// standing alone between spaces or at the text's edges, the spaces around it then one. An
// "Â" inside a word ("Âge", "CÂBLE") is kept.
std::string without_stray_nbsp_marks(std::string_view text);

}  // namespace tosdiff
