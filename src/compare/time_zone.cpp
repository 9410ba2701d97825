#include "tosdiff/compare/time_zone.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinShiftedDates = 3;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long days_from_civil(long y, long m, long d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string iso(long days) {  // days since 1970-01-01 as YYYY-MM-DD (Hinnant's civil_from_days)
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp + (mp < 10 ? 3 : -9);
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char out[80];
  std::snprintf(out, sizeof out, "%04ld-%02ld-%02ld", y, m, d);
  return out;
}

// The new key is the old one with each date the same or moved by `shift` days, nothing else
// different; counts the dates moved. A date that does not move is one the page writes as text
// (a policy's own date beside a change log rendered in the reader's time zone: pga replay, a
// social network's community standards, 40 dates of its log a day later, then back).
bool moved_or_kept(const std::string& old_key, const std::string& new_key, long shift, std::size_t& moved) {
  if (old_key.size() != new_key.size()) return false;
  for (std::size_t i = 0; i < old_key.size(); ++i) {
    if (!is_iso_date_at(old_key, i)) {
      if (old_key[i] != new_key[i]) return false;
      continue;
    }
    if (!is_iso_date_at(new_key, i)) return false;
    const std::string old_date = old_key.substr(i, 10), new_date = new_key.substr(i, 10);
    if (new_date != old_date) {
      const long day = days_from_civil(std::atol(old_date.substr(0, 4).c_str()), std::atol(old_date.substr(5, 2).c_str()),
                                       std::atol(old_date.substr(8, 2).c_str()));
      if (iso(day + shift) != new_date) return false;
      ++moved;
    }
    i += 9;
  }
  return true;
}

}  // namespace

void mark_time_zone_shift(std::vector<Hunk>& hunks, const std::vector<std::string>& old_keys,
                          const std::vector<std::string>& new_keys) {
  if (old_keys.size() != new_keys.size()) return;
  const bool substantive = std::any_of(hunks.begin(), hunks.end(), [](const Hunk& h) { return !h.cosmetic; });
  if (!substantive) return;
  for (long shift : {1L, -1L}) {
    std::size_t dates = 0;
    bool same = true;
    for (std::size_t i = 0; i < old_keys.size() && same; ++i) same = moved_or_kept(old_keys[i], new_keys[i], shift, dates);
    if (!same || dates < kMinShiftedDates) continue;
    for (Hunk& hunk : hunks) {
      if (hunk.cosmetic) continue;
      hunk.cosmetic = true;
      hunk.cosmetic_kinds = {"time_zone"};
    }
    return;
  }
}

}  // namespace tosdiff
