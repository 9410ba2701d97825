#include "tosdiff/util/base64.hpp"

#include <openssl/evp.h>

namespace tosdiff {

std::string base64(std::string_view bytes) {
  // EVP_EncodeBlock takes an int length and writes a NUL after its output: whole groups of
  // three bytes at a time, into a buffer one longer than the result.
  constexpr std::size_t kChunk = 3 << 20;
  std::string out((bytes.size() + 2) / 3 * 4 + 1, '\0');
  std::size_t length = 0;
  for (std::size_t i = 0; i < bytes.size(); i += kChunk) {
    const std::string_view chunk = bytes.substr(i, kChunk);
    length += static_cast<std::size_t>(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data() + length),
                                                       reinterpret_cast<const unsigned char*>(chunk.data()),
                                                       static_cast<int>(chunk.size())));
  }
  out.resize(length);
  return out;
}

}  // namespace tosdiff
