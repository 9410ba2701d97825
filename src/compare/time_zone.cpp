#include "tosdiff/compare/time_zone.hpp"

#include <cstdlib>
#include <optional>
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

struct Dated {
  std::string shape;       // the comparison key with each date replaced by '#'
  std::vector<long> days;  // each date, in order
};

Dated dated(const std::string& line) {
  const std::string key = comparison_key(line);
  Dated out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    bool date = i + 10 <= key.size() && key[i + 4] == '-' && key[i + 7] == '-';
    for (std::size_t k = 0; k < 10 && date; ++k)
      if (k != 4 && k != 7) date = is_ascii_digit(key[i + k]);
    if (!date) {
      out.shape += key[i];
      continue;
    }
    out.shape += '#';
    out.days.push_back(days_from_civil(std::atol(key.substr(i, 4).c_str()), std::atol(key.substr(i + 5, 2).c_str()),
                                       std::atol(key.substr(i + 8, 2).c_str())));
    i += 9;
  }
  return out;
}

}  // namespace

void mark_time_zone_shift(std::vector<Hunk>& hunks) {
  std::optional<long> shift;
  std::size_t dates = 0;
  std::vector<Hunk*> shifted;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    if (hunk.old_lines != hunk.new_lines || hunk.old_lines == 0) return;
    for (std::size_t i = 0; i < hunk.old_lines; ++i) {
      const LineOp &removed = hunk.lines[i], &added = hunk.lines[hunk.old_lines + i];
      if (removed.op != '-' || added.op != '+') return;
      const Dated before = dated(removed.text), after = dated(added.text);
      if (before.shape != after.shape || before.days.size() != after.days.size() || before.days.empty()) return;
      for (std::size_t k = 0; k < before.days.size(); ++k) {
        const long moved = after.days[k] - before.days[k];
        if (moved == 0) continue;
        if ((moved != 1 && moved != -1) || (shift && *shift != moved)) return;
        shift = moved;
        ++dates;
      }
    }
    shifted.push_back(&hunk);
  }
  if (dates < kMinShiftedDates) return;
  for (Hunk* hunk : shifted) {
    hunk->cosmetic = true;
    hunk->cosmetic_kinds = {"time_zone"};
  }
}

}  // namespace tosdiff
