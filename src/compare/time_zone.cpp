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

// The key with every date moved by `shift` days; counts the dates.
std::string shifted(const std::string& key, long shift, std::size_t& dates) {
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (!is_iso_date_at(key, i)) {
      out += key[i];
      continue;
    }
    ++dates;
    out += iso(days_from_civil(std::atol(key.substr(i, 4).c_str()), std::atol(key.substr(i + 5, 2).c_str()),
                               std::atol(key.substr(i + 8, 2).c_str())) +
               shift);
    i += 9;
  }
  return out;
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
    for (std::size_t i = 0; i < old_keys.size() && same; ++i) same = shifted(old_keys[i], shift, dates) == new_keys[i];
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
