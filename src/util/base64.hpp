#pragma once
// Base64 (RFC 4648 section 4: the standard alphabet, '=' padding, no line breaks), by
// OpenSSL.

#include <string>
#include <string_view>

namespace tosdiff {

// The base64 encoding of `bytes` (any bytes; "" for none).
std::string base64(std::string_view bytes);

}  // namespace tosdiff
