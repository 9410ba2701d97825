#pragma once
// Turns fetched bytes into valid UTF-8, the only encoding gumbo understands.
// Precedence, as browsers do it (WHATWG "encoding sniffing", simplified):
//   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE): it wins over everything, and is removed;
//   2. the charset parameter of the Content-Type header;
//   3. <meta charset=...> or <meta http-equiv="Content-Type" content="...charset=..."> in the
//      first 1024 bytes;
//   4. UTF-8 when the bytes are valid UTF-8;
//   5. windows-1252.
// Labels are resolved like the WHATWG Encoding Standard does (e.g. "latin1", "iso-8859-1",
// "ascii" all mean windows-1252; "utf8" means UTF-8). Transcoding uses glibc iconv, except
// windows-1252 which uses a hand table (iconv's CP1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D
// undefined; WHATWG maps them to C1 controls). An unknown label falls through to the next
// step. Invalid sequences become U+FFFD: the result is always valid UTF-8, whatever the input.

#include <string>
#include <string_view>

#include "tosdiff/util/utf8.hpp"  // is_valid_utf8, repair_utf8: part of what callers use with to_utf8

namespace tosdiff {

struct Utf8Text {
  std::string text;       // valid UTF-8, no BOM
  std::string encoding;   // canonical name used, lowercase: "utf-8", "windows-1252", "shift_jis", ...
  std::string source;     // where it came from: "bom", "header", "meta", "valid-utf8", "fallback"
};

Utf8Text to_utf8(std::string_view bytes, std::string_view content_type_header);

// The building blocks of to_utf8, exposed for tests and for callers that only need one step.

// Canonical lowercase encoding name for a WHATWG label ("Latin1" -> "windows-1252",
// "sjis" -> "shift_jis"), or "" when the label is unknown or unsupported. Surrounding ASCII
// whitespace is ignored. The gbk labels resolve to "gb18030" (same decoder); "replacement" and
// "x-user-defined" are not supported and resolve to "".
std::string_view resolve_charset_label(std::string_view label);

// The raw (unresolved) charset parameter of a Content-Type value, unquoted; "" when absent.
std::string content_type_charset(std::string_view content_type);

// The encoding declared by a <meta> in the first 1024 bytes (WHATWG prescan), already resolved
// and with utf-16le/utf-16be mapped to utf-8 as the prescan requires; "" when none is found.
std::string_view prescan_meta_charset(std::string_view bytes);

}  // namespace tosdiff
