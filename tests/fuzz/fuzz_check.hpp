#pragma once
// What every fuzz target shares: an invariant check that aborts (so libFuzzer, or the replay
// driver under the sanitizer build, reports the input), and a reference UTF-8 validator the
// targets hold the project's is_valid_utf8 against.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

// Aborts with the condition, the place and a short note when an invariant does not hold.
#define FUZZ_CHECK(cond, note)                                                              \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "\nfuzz invariant violated: %s\n  at %s:%d\n  %s\n", #cond,       \
                   __FILE__, __LINE__, std::string(note).c_str());                          \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)

namespace tosdiff::fuzz {

// Runs the body of a target; an exception escaping it is a finding (the pipeline promises
// values, not throws, for page content), reported with its message.
template <class F>
int run_guarded(F&& body) {
  try {
    body();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "\nfuzz: uncaught exception: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "\nfuzz: uncaught non-standard exception\n");
    std::abort();
  }
  return 0;
}

// Well-formed UTF-8 per Unicode 15 table 3-7: no overlongs, no surrogates, <= U+10FFFF.
// Written independently of src/charset.cpp on purpose.
inline bool reference_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    if (i + k >= s.size()) return false;
    auto b = static_cast<unsigned char>(s[i + k]);
    return b >= lo && b <= hi;
  };
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      i += 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(1)) return false;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (!cont(1, lo, hi) || !cont(2)) return false;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (!cont(1, lo, hi) || !cont(2) || !cont(3)) return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A short printable excerpt for messages.
inline std::string excerpt(std::string_view s, std::size_t max = 120) {
  std::string out;
  for (char c : s.substr(0, max)) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) {
      out += c;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    }
  }
  if (s.size() > max) out += "...";
  return out;
}

}  // namespace tosdiff::fuzz
