#pragma once
// Cloudflare's e-mail address obfuscation: the CDN replaces every address on a page with
// "[email protected]" and keeps the address, XOR-encoded with a random key per page view, in
// a data-cfemail attribute (a script decodes it in the browser). Read as served, each fetch
// shows the placeholder or a fragment of the address; decoded, the text says what the reader
// sees. A pure function.

#include <optional>
#include <string>
#include <string_view>

namespace tosdiff {

// The address encoded in a data-cfemail value (hex: the key byte, then each byte of the
// address XOR the key), or nothing when it is not one (odd length, not hex, not an address).
std::optional<std::string> decode_cloudflare_email(std::string_view encoded);

}  // namespace tosdiff
