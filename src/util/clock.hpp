#pragma once
// The time tosdiff stamps on what it archives, behind an interface so tests can fix it.

#include <chrono>
#include <string>

namespace tosdiff {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

// Always the same instant: for tests, and for replays of archived pages (TOSDIFF_NOW).
// Moves only when told to.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point at) : at_(at) {}
  std::chrono::system_clock::time_point now() const override { return at_; }
  void set(std::chrono::system_clock::time_point at) { at_ = at; }
  void advance(std::chrono::system_clock::duration by) { at_ += by; }

 private:
  std::chrono::system_clock::time_point at_;
};

// "2026-11-29T12:00:00Z" (UTC, whole seconds).
std::string format_utc(std::chrono::system_clock::time_point time);
// Parses "2026-11-29", "2026-11-29T12:00:00Z" or "2026-11-29T12:00:00" (UTC), the time
// optionally with fractional seconds ("2026-11-29T12:00:00.779Z", kept to the microsecond);
// false when not, and for years outside 1678-2261 (what a system_clock time_point holds).
bool parse_utc(const std::string& text, std::chrono::system_clock::time_point& out);
// parse_utc, or a time with a UTC offset instead of "Z" ("2024-02-13T16:39:36+01:00",
// "...+0100"), as RFC 3339 and JavaScript's Date write them (Open Terms Archive's validUntil).
bool parse_timestamp(const std::string& text, std::chrono::system_clock::time_point& out);

}  // namespace tosdiff
