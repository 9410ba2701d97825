#include "tosdiff/compare/counters.hpp"

#include <algorithm>
#include <array>

#include "tosdiff/compare/relative_stamps.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// A number as counters write it: 2613, 12,345, 3.4M, 3k. Returns its length at i, or 0.
std::size_t number_at(std::string_view s, std::size_t i) {
  if (i > 0 && (is_ascii_digit(s[i - 1]) || is_ascii_letter(s[i - 1]))) return 0;
  std::size_t j = i;
  while (j < s.size() && is_ascii_digit(s[j])) {
    ++j;
    if (j + 1 < s.size() && (s[j] == ',' || s[j] == '.') && is_ascii_digit(s[j + 1])) ++j;
  }
  if (j == i) return 0;
  if (j < s.size() && (s[j] == 'K' || s[j] == 'k' || s[j] == 'M' || s[j] == 'B')) ++j;
  return j - i;
}

// The phrase `word` (lower case, single spaces) at i, any case, spaces as runs; its length.
std::size_t phrase_at(std::string_view s, std::size_t i, std::string_view phrase) {
  std::size_t j = i;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    if (phrase[k] == ' ') {
      if (j >= s.size() || s[j] != ' ') return 0;
      while (j < s.size() && s[j] == ' ') ++j;
      continue;
    }
    if (j >= s.size() || lower(s[j]) != phrase[k]) return 0;
    ++j;
  }
  return j - i;
}

std::size_t spaces_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && s[j] == ' ') ++j;
  return j - i;
}

// "found this helpful" and its variants, at i: the length, or 0.
std::size_t found_helpful_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  for (std::string_view who : {"people ", "users ", "members ", "readers "})
    if (std::size_t n = phrase_at(s, j, who)) {
      j += n;
      break;
    }
  for (std::string_view tail : {"found this helpful", "found this useful", "found this article helpful"})
    if (std::size_t n = phrase_at(s, j, tail)) return j + n - i;
  return 0;
}

// "min read", "days ago" and their variants at i, ended by anything but a letter: the length,
// or 0.
std::size_t time_widget_at(std::string_view s, std::size_t i) {
  static constexpr std::string_view kUnits[] = {"seconds", "second", "secs", "sec", "minutes", "minute", "mins",
                                                "min", "hours", "hour", "hrs", "hr", "days", "day", "weeks",
                                                "week", "months", "month", "years", "year"};
  for (std::string_view unit : kUnits) {
    const std::size_t n = phrase_at(s, i, unit);
    if (n == 0) continue;
    const std::size_t gap = spaces_at(s, i + n);
    if (gap == 0) return 0;
    for (std::string_view tail : {"read", "ago"}) {
      const std::size_t t = phrase_at(s, i + n + gap, tail);
      const std::size_t end = i + n + gap + t;
      if (t != 0 && (end == s.size() || !is_ascii_letter(s[end]))) return end - i;
    }
    return 0;
  }
  return 0;
}

// The number at i follows a comparison ("more than 30 days ago", "fewer than 1K views"): a
// limit the terms set, not a widget's count (a red team's finds: a retention period and a
// programme's threshold changed, read as counters).
bool after_a_comparison(std::string_view s, std::size_t i) {
  static constexpr std::string_view kComparisons[] = {
      "more than", "less than", "fewer than", "older than", "greater than", "over", "under", "at least", "at most",
      "up to", "within", "exceeds", "exceeding", "minimum", "maximum", "min.", "max.", "than", "above", "below"};
  std::size_t end = i;
  while (end > 0 && s[end - 1] == ' ') --end;
  if (end == i) return false;
  for (std::string_view comparison : kComparisons) {
    if (end < comparison.size()) continue;
    const std::size_t start = end - comparison.size();
    if (equals_ignoring_case(s.substr(start, comparison.size()), comparison) &&
        (start == 0 || !is_ascii_letter(s[start - 1])))
      return true;
  }
  return false;
}

// Whether a reading time's label (relative_stamps.hpp kReadingLabels), then a colon or not,
// ends right before the number at i.
bool after_a_reading_label(std::string_view s, std::size_t i) {
  std::size_t end = i;
  while (end > 0 && s[end - 1] == ' ') --end;
  if (end > 0 && s[end - 1] == ':') --end;
  while (end > 0 && s[end - 1] == ' ') --end;
  for (std::string_view label : kReadingLabels) {
    if (end < label.size()) continue;
    const std::size_t start = end - label.size();
    if (equals_ignoring_case(s.substr(start, label.size()), label) && (start == 0 || !is_ascii_letter(s[start - 1])))
      return true;
  }
  return false;
}

// The end of a counter phrase whose first number starts at i (0 when none), with the spans
// of its numbers.
std::size_t counter_at(std::string_view s, std::size_t i, std::array<std::pair<std::size_t, std::size_t>, 2>& numbers,
                       std::size_t& count) {
  count = 0;
  const std::size_t first = number_at(s, i);
  if (first == 0 || after_a_comparison(s, i)) return 0;
  numbers[count++] = {i, first};
  std::size_t j = i + first;
  const std::size_t gap = spaces_at(s, j);
  // N out of N ... found this helpful
  for (std::string_view of : {"out of ", "of ", "/ "}) {
    std::size_t n = phrase_at(s, j + gap, of);
    if (n == 0 && of == "/ " && j + gap < s.size() && s[j + gap] == '/') n = 1 + spaces_at(s, j + gap + 1);
    if (n == 0) continue;
    const std::size_t second_at = j + gap + n;
    const std::size_t second = number_at(s, second_at);
    if (second == 0) break;
    std::size_t k = second_at + second;
    const std::size_t tail = found_helpful_at(s, k + spaces_at(s, k));
    if (tail == 0) break;
    numbers[count++] = {second_at, second};
    return k + spaces_at(s, k) + tail;
  }
  if (gap > 0)
    if (std::size_t tail = found_helpful_at(s, j + gap)) return j + gap + tail;
  // N min read | N days ago: a reading time and a relative date, as a page's widget writes
  // them (terms write durations forward: "within 30 days", never "30 days ago").
  if (gap > 0)
    if (std::size_t tail = time_widget_at(s, j + gap)) return j + gap + tail;
  // A reading time with its label first, in a line of its own or beside a date ("Temps de
  // lecture : 5 min", "Lesezeit: 5 Minuten": a red team's find, the English one was read).
  if (gap > 0 && after_a_reading_label(s, i))
    for (std::string_view unit : kReadingUnits) {
      const std::size_t n = phrase_at(s, j + gap, unit);
      if (n != 0 && (j + gap + n == s.size() || !is_ascii_letter(s[j + gap + n]))) return j + gap + n;
    }
  // N views | likes | reactions | upvotes with the number abbreviated as only a page's widget
  // writes it (3.4M, 5.6K: terms write "at least 10,000 views", a threshold and news when it
  // moves), ended by anything but a lower-case letter (a page glues "3.4M viewsLast updated").
  const char last = s[i + first - 1];
  if (last != 'K' && last != 'k' && last != 'M' && last != 'B') {
    count = 0;
    return 0;
  }
  for (std::string_view unit : {"views", "likes", "reactions", "upvotes"}) {
    const std::size_t n = phrase_at(s, j + gap, unit);
    if (n == 0) continue;
    const std::size_t end = j + gap + n;
    if (end < s.size() && s[end] >= 'a' && s[end] <= 'z') continue;
    return end;
  }
  // The label first, as a help centre's article header writes it: "Views: 1.9MLast updated",
  // the number ending the line or glued to the next label ("Creators need views: 10K before
  // payouts" is a threshold).
  if (j == s.size() || (s[j] >= 'A' && s[j] <= 'Z')) {
    std::size_t b = i;
    while (b > 0 && s[b - 1] == ' ') --b;
    if (b > 0 && s[b - 1] == ':') --b;
    for (std::string_view unit : {"views", "likes", "reactions", "upvotes"}) {
      if (b < unit.size() || tosdiff::ascii_lower(s.substr(b - unit.size(), unit.size())) != unit) continue;
      if (b > unit.size() && is_ascii_letter(s[b - unit.size() - 1])) continue;
      return j;
    }
  }
  count = 0;
  return 0;
}

// A block that is a count and its unit and nothing else ("688 views"; a page's widget can glue
// the article's date to it: "05/01/2024688 views"): a counter whatever the number's form, no
// term is written so. The trailing digits of the first word become "#". Empty when not one.
std::string lone_counter(std::string_view s) {
  const std::string_view text = trim(s);
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || text.find(' ', space + 1) != std::string_view::npos) return {};
  std::string unit(text.substr(space + 1));
  for (char& c : unit) c = lower(c);
  if (unit != "views" && unit != "likes" && unit != "reactions" && unit != "upvotes") return {};
  // The count, maybe abbreviated ("14/01/20242.5k views": p2b replay, a marketplace's seller
  // terms on its help centre). The date glued before it is the article's, and stays.
  std::size_t digits = space;
  if (digits > 0 && (text[digits - 1] == 'k' || text[digits - 1] == 'K' || text[digits - 1] == 'M')) --digits;
  const std::size_t count_end = digits;
  while (digits > 0 && (is_ascii_digit(text[digits - 1]) || text[digits - 1] == ',')) --digits;
  // "2.5k": one decimal before the abbreviation's letter.
  if (count_end < space && digits >= 2 && text[digits - 1] == '.' && is_ascii_digit(text[digits - 2])) {
    digits -= 2;
    while (digits > 0 && (is_ascii_digit(text[digits - 1]) || text[digits - 1] == ',')) --digits;
  }
  if (digits == count_end || !is_ascii_digit(text[count_end - 1])) return {};
  return std::string(text.substr(0, digits)) + "# " + unit;
}

// A media player's clock at i, "1:05" or "1:02:05": the seconds it reads, or -1.
long player_clock_at(std::string_view s, std::size_t& i) {
  long seconds = 0;
  int fields = 0;
  while (true) {
    const std::size_t start = i;
    long field = 0;
    while (i < s.size() && is_ascii_digit(s[i]) && i - start < 2) field = field * 10 + (s[i++] - '0');
    if (i == start || (fields > 0 && i - start != 2)) return -1;  // "1:5" is no clock
    seconds = seconds * 60 + field;
    ++fields;
    if (i >= s.size() || s[i] != ':') break;
    ++i;
  }
  return fields >= 2 && fields <= 3 ? seconds : -1;
}

// A block that is an embedded video's time display and nothing else, "0:00 / 1:00": the time
// played and the length, the first no later than the second. It flips with every rendering of
// the player (replay: a platform's community guidelines, "0:00 / 0:00" and "0:00 / 1:00" by
// turns). Empty when not one.
std::string player_time(std::string_view s) {
  const std::string_view text = trim(s);
  std::size_t i = 0;
  const long played = player_clock_at(text, i);
  i += spaces_at(text, i);
  if (played < 0 || i >= text.size() || text[i] != '/') return {};
  i += spaces_at(text, i + 1) + 1;
  const long length = player_clock_at(text, i);
  if (length < 0 || i != text.size() || played > length) return {};
  return "#:## / #:##";
}

// A cookie scanner's count of a category's cookies, "Necessary (46)", "Marketing (59)",
// "Statistiques (12)": the category's name and its count alone on the line. The scanner counts
// again at each scan; the cookies themselves are rows of their own (france replay: a ride-hailing
// app's cookie declaration, each scan's counts an alert). Empty when not one.
std::string cookie_category_count(std::string_view s) {
  static constexpr std::string_view kCategories[] = {
      "necessary", "strictly necessary", "preferences", "statistics", "marketing", "unclassified", "functional",
      "performance", "analytics", "advertising", "targeting", "n\xC3\xA9" "cessaires", "strictement n\xC3\xA9" "cessaires",
      "pr\xC3\xA9" "f\xC3\xA9" "rences", "statistiques", "non class\xC3\xA9s", "fonctionnels", "publicitaires",
      "notwendig", "pr\xC3\xA4" "ferenzen", "statistiken", "nicht klassifiziert", "necesarias", "preferencias",
      "estad\xC3\xADsticas", "no clasificadas", "necessari", "preferenze", "statistiche", "non classificati",
      "noodzakelijk", "voorkeuren", "statistieken", "niet geclassificeerd", "necess\xC3\xA1rios", "prefer\xC3\xAA" "ncias",
      "estat\xC3\xADsticas", "n\xC3\xA3o classificados"};
  const std::string_view text = trim(s);
  if (text.size() < 4 || text.back() != ')') return {};
  const std::size_t open = text.rfind('(');
  if (open == std::string_view::npos || open == 0 || text[open - 1] != ' ' || open + 2 > text.size() - 1) return {};
  for (std::size_t i = open + 1; i + 1 < text.size(); ++i)
    if (!is_ascii_digit(text[i])) return {};
  std::string label(trim(text.substr(0, open)));
  for (char& c : label) c = lower(c);
  if (std::find(std::begin(kCategories), std::end(kCategories), label) == std::end(kCategories)) return {};
  return std::string(trim(text.substr(0, open))) + " (#)";
}

// A cookie scanner's count of a cookie's instances, "[x3]" after its name ("Name: deviceId
// [x2]"): how many hosts set it at this scan. No term is written so. Its length at i, or 0.
std::size_t instance_count_at(std::string_view s, std::size_t i) {
  if (s[i] != '[' || i + 3 >= s.size() || (s[i + 1] != 'x' && s[i + 1] != 'X')) return 0;
  std::size_t j = i + 2;
  while (j < s.size() && is_ascii_digit(s[j])) ++j;
  if (j == i + 2 || j >= s.size() || s[j] != ']') return 0;
  return j + 1 - i;
}

}  // namespace

std::string fold_counters(std::string_view s) {
  if (std::string lone = lone_counter(s); !lone.empty()) return lone;
  if (std::string category = cookie_category_count(s); !category.empty()) return category;
  if (std::string clock = player_time(s); !clock.empty()) return clock;
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    std::array<std::pair<std::size_t, std::size_t>, 2> numbers{};
    std::size_t count = 0;
    // A cookie's instance count is dropped whole: a cookie set by one host has none.
    if (const std::size_t marker = instance_count_at(s, i); marker != 0) {
      i += marker;
      while (!out.empty() && out.back() == ' ' && i < s.size() && s[i] == ' ') out.pop_back();
      continue;
    }
    const std::size_t end = is_ascii_digit(s[i]) ? counter_at(s, i, numbers, count) : 0;
    if (end == 0) {
      out += s[i++];
      continue;
    }
    std::size_t at = i;
    for (std::size_t n = 0; n < count; ++n) {
      out.append(s.substr(at, numbers[n].first - at));
      out += '#';
      at = numbers[n].first + numbers[n].second;
    }
    out.append(s.substr(at, end - at));
    i = end;
  }
  return out;
}

}  // namespace tosdiff
