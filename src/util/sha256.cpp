#include "tosdiff/util/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace tosdiff {

// OpenSSL's SHA-256 uses the CPU's SHA extensions where there are some (about ten times a
// portable implementation): every fetched page is hashed, so this is on the hot path.
std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1 || length != 32)
    throw std::runtime_error("OpenSSL could not compute a SHA-256");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace tosdiff
