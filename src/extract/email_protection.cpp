#include "tosdiff/extract/email_protection.hpp"

namespace tosdiff {
namespace {

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> decode_cloudflare_email(std::string_view encoded) {
  if (encoded.size() < 8 || encoded.size() % 2 != 0 || encoded.size() > 512) return std::nullopt;
  std::string out;
  int key = -1;
  bool at = false;
  for (std::size_t i = 0; i < encoded.size(); i += 2) {
    const int high = hex_digit_value(encoded[i]), low = hex_digit_value(encoded[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    const int byte = high * 16 + low;
    if (key < 0) {
      key = byte;
      continue;
    }
    const char c = static_cast<char>(byte ^ key);
    // An address is printable ASCII without spaces: anything else is not what we think.
    if (c <= ' ' || c > '~') return std::nullopt;
    at = at || c == '@';
    out += c;
  }
  if (!at) return std::nullopt;
  return out;
}

}  // namespace tosdiff
