#pragma once
// gzip bodies for tests that serve compressed pages (and gzip bombs).

#include <cstddef>
#include <string>

namespace tosdiff::testing {

// gzip of `zeros` zero bytes, compressed in pieces so the test never holds the plain text:
// 50 MB of zeros is about 50 KB on the wire.
std::string gzip_zeros(std::size_t zeros);
std::string gzip(const std::string& text);

}  // namespace tosdiff::testing
