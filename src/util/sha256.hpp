#pragma once
// SHA-256 (FIPS 180-4), for content addresses in the archive (OpenSSL libcrypto).

#include <string>
#include <string_view>

namespace tosdiff {

std::string sha256_hex(std::string_view data);  // 64 lowercase hex digits

}  // namespace tosdiff
