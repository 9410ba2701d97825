#include "tosdiff/util/clock.hpp"

#include <cstdio>
#include <ctime>

namespace tosdiff {

std::string format_utc(std::chrono::system_clock::time_point time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

namespace {

// parse_utc, and with `offsets` also a UTC offset instead of "Z" ("+02:00", "+0200").
bool parse_time(const std::string& text, std::chrono::system_clock::time_point& out, bool offsets) {
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &consumed) != 3 ||
      consumed != 10)
    return false;
  std::string rest = text.substr(10);
  long fraction = 0;  // microseconds
  long offset_seconds = 0;  // local time minus UTC
  if (!rest.empty()) {
    int more = 0;
    if (std::sscanf(rest.c_str(), "T%2d:%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &more) != 3)
      return false;
    rest = rest.substr(static_cast<std::size_t>(more));
    // Fractional seconds (".779Z", as JavaScript's toISOString() writes them).
    if (!rest.empty() && rest[0] == '.') {
      std::size_t digits = 1;
      while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
        if (digits <= 6) fraction = fraction * 10 + (rest[digits] - '0');
        ++digits;
      }
      if (digits == 1) return false;
      for (std::size_t d = digits; d <= 6; ++d) fraction *= 10;  // to microseconds
      rest = rest.substr(digits);
    }
    if (offsets && rest.size() >= 5 && (rest[0] == '+' || rest[0] == '-')) {
      int hours = 0, minutes = 0, used = 0;
      const bool colon = rest.size() == 6 && rest[3] == ':';
      if ((rest.size() != 5 && !colon) ||
          std::sscanf(rest.c_str() + 1, colon ? "%2d:%2d%n" : "%2d%2d%n", &hours, &minutes, &used) != 2 ||
          used != static_cast<int>(rest.size()) - 1 || hours > 23 || minutes > 59)
        return false;
      offset_seconds = (rest[0] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
      rest.clear();
    }
    if (!rest.empty() && rest != "Z") return false;
  }
  // system_clock counts nanoseconds in 64 bits, 1677-09-21 to 2262-04-11: from_time_t of a
  // year outside overflowed (undefined behaviour; found by fuzz_outbox with a created_at of
  // "0000-01-01T00:00:00Z", and reachable from `--since`, `--at` and every date read from the
  // archive). Whole years inside, so that a day added to a date (`--at` means its end) fits.
  if (tm.tm_year < 1678 || tm.tm_year > 2261) return false;
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour < 0 || tm.tm_hour > 23 ||
      tm.tm_min < 0 || tm.tm_min > 59 || tm.tm_sec < 0 || tm.tm_sec > 60)
    return false;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::time_t t = timegm(&tm);
  if (t == static_cast<std::time_t>(-1)) return false;
  out = std::chrono::system_clock::from_time_t(t) + std::chrono::microseconds(fraction) -
        std::chrono::seconds(offset_seconds);
  return true;
}

}  // namespace

bool parse_utc(const std::string& text, std::chrono::system_clock::time_point& out) {
  return parse_time(text, out, false);
}

bool parse_timestamp(const std::string& text, std::chrono::system_clock::time_point& out) {
  return parse_time(text, out, true);
}

}  // namespace tosdiff
