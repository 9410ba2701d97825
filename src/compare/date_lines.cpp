#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/date_reading.hpp"

#include <algorithm>
#include <cctype>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/relative_stamps.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMovedDateLineWords = 8;

// Digits at i, 1 to `most` of them, not inside a longer number: their count, or 0.
std::size_t digits_at(std::string_view s, std::size_t i, std::size_t most) {
  if (i > 0 && is_ascii_digit(s[i - 1])) return 0;
  std::size_t n = 0;
  while (i + n < s.size() && is_ascii_digit(s[i + n])) ++n;
  return n >= 1 && n <= most ? n : 0;
}

std::string two_digits(std::string_view digits) { return digits.size() == 1 ? "0" + std::string(digits) : std::string(digits); }

// Every numeric date "d/m/yyyy" of `s` (separators "/", "." or "-", the same twice): `visit`
// gets its first and second numbers as two digits, its year, and where it starts and ends.
template <typename Visit>
void for_each_numeric_date(std::string_view s, Visit visit) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::size_t a = digits_at(s, i, 2);
    if (a == 0) continue;
    const std::size_t sep1 = i + a;
    if (sep1 >= s.size() || (s[sep1] != '/' && s[sep1] != '.' && s[sep1] != '-')) continue;
    const std::size_t b = digits_at(s, sep1 + 1, 2);
    const std::size_t sep2 = sep1 + 1 + b;
    if (b == 0 || sep2 >= s.size() || s[sep2] != s[sep1]) continue;
    const std::size_t y = digits_at(s, sep2 + 1, 4);
    if (y != 4 || (sep2 + 5 < s.size() && is_ascii_digit(s[sep2 + 5]))) continue;
    visit(two_digits(s.substr(i, a)), two_digits(s.substr(sep1 + 1, b)), std::string(s.substr(sep2 + 1, 4)), i,
          sep2 + 5);
    i = sep2 + 4;
  }
}

bool is_month(const std::string& two) { return two >= "01" && two <= "12"; }
bool is_day(const std::string& two) { return two >= "01" && two <= "31"; }

enum class DateOrder { unknown, day_first, month_first, mixed };

// How a text writes its numeric dates, told by those whose first or second number is over 12.
DateOrder numeric_date_order(const Text& text) {
  DateOrder order = DateOrder::unknown;
  const auto seen = [&](DateOrder one) { order = order == DateOrder::unknown || order == one ? one : DateOrder::mixed; };
  for (const Block& block : text.blocks)
    for_each_numeric_date(block.text, [&](const std::string& first, const std::string& second, const std::string&,
                                          std::size_t, std::size_t) {
      if (first > "12" && is_day(first) && is_month(second)) seen(DateOrder::day_first);
      if (second > "12" && is_day(second) && is_month(first)) seen(DateOrder::month_first);
    });
  return order;
}

// Both readings of "d/m/yyyy", when both are dates.
void add_numeric_readings(std::string_view s, std::set<std::string>& dates) {
  for_each_numeric_date(s, [&](const std::string& first, const std::string& second, const std::string& year,
                               std::size_t, std::size_t) {
    auto add = [&](const std::string& month, const std::string& day) {
      if (is_month(month) && is_day(day)) dates.insert(year + "-" + month + "-" + day);
    };
    add(second, first);  // day first
    add(first, second);  // month first
  });
}

// The dates a line names, its numeric ones read in `order` (the page's: numeric_date_order);
// where the page never tells, only a numeric date with one reading ("13/05/2026", "05/05/2026"):
// "04/05/2026" is April 5 to some readers and May 4 to others (a red team's find: a date line
// moved to the page's foot and its date of effect a month later, taken for the same date).
std::set<std::string> dates_read(std::string_view text, DateOrder order) {
  std::set<std::string> dates;
  const std::string rewritten = rewrite_dates(text);
  for (std::size_t i = 0; i + 10 <= rewritten.size(); ++i)
    if (is_iso_date_at(rewritten, i)) dates.insert(rewritten.substr(i, 10));
  for_each_numeric_date(text, [&](const std::string& first, const std::string& second, const std::string& year,
                                  std::size_t, std::size_t) {
    const bool day_first = is_month(second) && is_day(first), month_first = is_month(first) && is_day(second);
    const std::string as_day_first = year + "-" + second + "-" + first, as_month_first = year + "-" + first + "-" + second;
    if (day_first && (order == DateOrder::day_first || !month_first || as_day_first == as_month_first))
      dates.insert(as_day_first);
    else if (month_first && (order == DateOrder::month_first || !day_first)) dates.insert(as_month_first);
  });
  return dates;
}

bool shares_a_date(const std::set<std::string>& dates, const std::set<std::string>& others) {
  return std::any_of(dates.begin(), dates.end(), [&](const std::string& date) { return others.count(date) > 0; });
}

// A line that is only a date with its label ("Updated May 25, 2018", "Effective: 2018-05-25",
// "May 25, 2018"): its date when so, else "". A line that says anything more ("Opt out by May
// 25, 2018") is no such line.
std::string labelled_date(const Block& block) {
  if (block.kind == BlockKind::heading || count_space_separated_words(block.text) > kMovedDateLineWords) return "";
  const std::string folded(trim(canonicalize(block.text, kFoldDateFormat | kFoldPunctuation)));
  if (folded.size() != 10 || !is_iso_date_at(folded, 0)) return "";
  return folded;
}

}  // namespace

std::vector<std::string> words_besides_dates(std::string_view line) {
  const std::string rewritten = rewrite_dates(line);
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i <= rewritten.size(); ++i) {
    if (i < rewritten.size() && is_iso_date_at(rewritten, i)) {
      i += 9;
      continue;
    }
    if (i < rewritten.size() && is_letter_byte(rewritten[i])) {
      word += rewritten[i];
      continue;
    }
    if (!word.empty()) words.push_back(tosdiff::ascii_lower(word));
    word.clear();
  }
  return words;
}

std::set<std::string> dates_named(std::string_view text) {
  std::set<std::string> dates;
  const std::string rewritten = rewrite_dates(text);
  for (std::size_t i = 0; i + 10 <= rewritten.size(); ++i)
    if (is_iso_date_at(rewritten, i)) dates.insert(rewritten.substr(i, 10));
  add_numeric_readings(text, dates);
  return dates;
}

bool is_date_line(std::string_view block_text) {
  return count_space_separated_words(block_text) <= kMovedDateLineWords && !dates_named(block_text).empty();
}

void mark_moved_date_lines(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  // Each text's own numeric dates tell their order; else the other text's (the same site's);
  // else how the two spell their dates out ("10 December 2021": day first; "May 4, 2026":
  // month first).
  DateOrder before_order = numeric_date_order(before), after_order = numeric_date_order(after);
  if (before_order == DateOrder::unknown) before_order = after_order;
  if (after_order == DateOrder::unknown) after_order = before_order;
  if (before_order == DateOrder::unknown) {
    int balance = 0;
    for (const Text* text : {&before, &after})
      for (const Block& block : text->blocks) balance += month_name_first_balance(block.text);
    before_order = after_order = balance > 0 ? DateOrder::month_first : balance < 0 ? DateOrder::day_first : DateOrder::unknown;
  }
  const auto read = [&](const LineOp& line, std::string_view text) {
    return dates_read(text, line.op == '-' ? before_order : after_order);
  };
  std::set<std::string> removed_dates, added_dates;
  for (const Hunk& hunk : hunks)
    for (const LineOp& line : hunk.lines) {
      const Block block = parse_block(line.text);
      if (block.kind == BlockKind::heading || !is_date_line(block.text)) continue;
      for (const std::string& date : read(line, block.text)) (line.op == '-' ? removed_dates : added_dates).insert(date);
    }
  if (removed_dates.empty() || added_dates.empty()) return;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    const char op = hunk.lines.front().op;
    const std::set<std::string>& elsewhere = op == '+' ? removed_dates : added_dates;
    const bool moved = std::all_of(hunk.lines.begin(), hunk.lines.end(), [&](const LineOp& line) {
      const Block block = parse_block(line.text);
      return line.op == op && block.kind != BlockKind::heading && is_date_line(block.text) &&
             shares_a_date(read(line, block.text), elsewhere);
    });
    if (moved) mark_cosmetic(hunk, "date_format");
  }
}

void mark_repeated_date_lines(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  std::set<std::string> before_lines, kept_dates;
  for (const Block& block : before.blocks)
    if (!labelled_date(block).empty()) before_lines.insert(block.text);
  for (const Block& block : after.blocks)
    if (const std::string date = labelled_date(block); !date.empty() && before_lines.count(block.text)) kept_dates.insert(date);
  if (kept_dates.empty()) return;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    const char op = hunk.lines.front().op;
    const bool repeated = std::all_of(hunk.lines.begin(), hunk.lines.end(), [&](const LineOp& line) {
      return line.op == op && kept_dates.count(labelled_date(parse_block(line.text))) > 0;
    });
    if (repeated) mark_cosmetic(hunk, "date_format");
  }
}

namespace {

// `line` with its numeric dates written as YYYY-MM-DD, read in `order`.
std::string with_dates_read(std::string_view line, DateOrder order) {
  std::string out;
  std::size_t copied = 0;
  for_each_numeric_date(line, [&](const std::string& first, const std::string& second, const std::string& year,
                                  std::size_t begin, std::size_t end) {
    const std::string& month = order == DateOrder::day_first ? second : first;
    const std::string& day = order == DateOrder::day_first ? first : second;
    if (!is_month(month) || !is_day(day)) return;
    out.append(line.substr(copied, begin - copied)).append(year + "-" + month + "-" + day);
    copied = end;
  });
  return out.append(line.substr(copied));
}

}  // namespace

void mark_reread_numeric_dates(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  // Most changes write no numeric date: the texts are read for their order only when one does.
  const bool writes_a_numeric_date = std::any_of(hunks.begin(), hunks.end(), [](const Hunk& hunk) {
    return !hunk.cosmetic && std::any_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) {
      bool found = false;
      for_each_numeric_date(line.text, [&](const std::string&, const std::string&, const std::string&, std::size_t,
                                           std::size_t) { found = true; });
      return found;
    });
  });
  if (!writes_a_numeric_date) return;
  DateOrder order = numeric_date_order(before);
  const DateOrder after_order = numeric_date_order(after);
  if (order == DateOrder::unknown) order = after_order;
  // No numeric date over 12 on either side: a page naming its months in French, German,
  // Spanish... writes its numeric dates day first ("1 de marzo de 2026" written "01/03/2026": a
  // red team's find, an alert). An English page may write them either way.
  if (order == DateOrder::unknown) {
    for (const Text* text : {&before, &after})
      for (const Block& block : text->blocks)
        if (order == DateOrder::unknown && names_a_month_in_another_language(block.text)) order = DateOrder::day_first;
  }
  if (order != DateOrder::day_first && order != DateOrder::month_first) return;
  if (after_order != DateOrder::unknown && after_order != order) return;
  constexpr unsigned kSteps = kFoldDateFormat | kFoldToWords;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    std::vector<std::string_view> removed, added;
    for (const LineOp& line : hunk.lines) (line.op == '-' ? removed : added).push_back(line.text);
    if (removed.empty() || removed.size() != added.size()) continue;
    bool reread = true;
    for (std::size_t k = 0; k < removed.size() && reread; ++k) {
      const std::string was = with_dates_read(removed[k], order), is = with_dates_read(added[k], order);
      reread = (was != removed[k] || is != added[k]) && canonicalize(was, kSteps) == canonicalize(is, kSteps);
    }
    if (reread) mark_cosmetic(hunk, "date_format");
  }
}

namespace {

// A clock time at i ("12:39", "9:05:10"): its length, else 0.
std::size_t clock_time_at(std::string_view s, std::size_t i) {
  const std::size_t hours = digits_at(s, i, 2);
  if (hours == 0 || i + hours >= s.size() || s[i + hours] != ':') return 0;
  std::size_t end = i + hours;
  for (int part = 0; part < 2 && end < s.size() && s[end] == ':'; ++part) {
    if (digits_at(s, end + 1, 2) != 2) break;
    end += 3;
  }
  return end > i + hours && (end >= s.size() || !is_ascii_digit(s[end])) ? end - i : 0;
}

// The words a page writes around a clock time ("at 3:15 pm UTC", "um 12:39 Uhr"): none changes
// the date.
bool is_word_before_time(const std::string& word) { return is_one_of(word, {"at", "\xC3\xA0", "um", "-", "\xE2\x80\x93"}); }
bool is_word_after_time(const std::string& word) {
  // A meridiem or a zone (relative_stamps.hpp), not another clock: that one is a time of its own.
  return (word.find(':') == std::string::npos && is_time_word(tosdiff::ascii_lower(word))) || word == "Uhr" || word == "h";
}

// A line as a date line's skeleton: its dates written "\x01" (rewrite_dates' ISO dates, and a
// month of a year when `month_of_year` is set: "April 2019"), its clock times and their words
// left out, every other character kept. Two lines of one skeleton say the same but their date.
struct DateSkeleton {
  std::vector<std::string> tokens;
  std::vector<std::string> dates;  // "2019-04-29", or "2019-04" for a month of a year
  std::vector<std::string> times;  // "12:39"
};

DateSkeleton date_skeleton(std::string_view line, bool month_of_year) {
  DateSkeleton out;
  const std::vector<std::string> words = space_separated_words(rewrite_dates(line));
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& word = words[k];
    if (const std::size_t time = clock_time_at(word, 0); time > 0 && (time == word.size() || !is_ascii_digit(word[time]))) {
      out.times.push_back(word.substr(0, time));
      if (!out.tokens.empty() && is_word_before_time(out.tokens.back())) out.tokens.pop_back();
      std::string rest = word.substr(time);  // "3:15pm", "12:39,"
      while (k + 1 < words.size() && rest.empty() && is_word_after_time(words[k + 1])) ++k;
      if (is_word_after_time(rest)) rest.clear();
      if (!rest.empty()) out.tokens.push_back(rest);
      continue;
    }
    if (month_of_year && k + 1 < words.size() && is_month_name(trim_ascii_punctuation(word))) {
      const std::string year = words[k + 1].substr(0, 4);
      if (year.size() == 4 && std::all_of(year.begin(), year.end(), is_ascii_digit) &&
          (words[k + 1].size() == 4 || !is_ascii_digit(words[k + 1][4]))) {
        const std::set<std::string> first = dates_named("1 " + std::string(trim_ascii_punctuation(word)) + " " + year);
        if (first.size() == 1) {
          out.dates.push_back(first.begin()->substr(0, 7));
          out.tokens.push_back("\x01" + words[k + 1].substr(4));
          ++k;
          continue;
        }
      }
    }
    std::string token;
    for (std::size_t i = 0; i < word.size();) {
      if (is_iso_date_at(word, i)) {
        out.dates.push_back(word.substr(i, 10));
        token += '\x01';
        i += 10;
      } else {
        token += word[i++];
      }
    }
    out.tokens.push_back(token);
  }
  return out;
}

// What a page's stamp of its last edit says beside its date, in the languages tosdiff reads:
// "Last updated:", "Page modified on", "Mis à jour le", "Stand:", "Zuletzt aktualisiert am".
// Never a deadline's or a scope's words ("until", "before", "by", "Effective": a date of effect
// said with less is another date; a review's finds).
bool is_stamp_word(const std::string& word) {
  return is_one_of(word, {"last", "updated", "update", "modified", "revised", "revision", "published", "posted", "page",
                          "this", "was", "on", "date", "mis", "\xC3\xA0", "jour", "derni\xC3\xA8re", "mise", "le",
                          "stand", "zuletzt", "aktualisiert", "ge\xC3\xA4ndert", "am", "actualizado", "actualizaci\xC3\xB3n",
                          "\xC3\xBAltima", "el", "aggiornato", "ultimo", "aggiornamento", "il", "bijgewerkt", "laatst", "op",
                          "atualizado", "atualiza\xC3\xA7\xC3\xA3o", "em"});
}
bool is_edit_word(const std::string& word) {
  return is_one_of(word, {"updated", "modified", "revised", "published", "posted", "jour", "aktualisiert",
                          "ge\xC3\xA4ndert", "actualizado", "actualizaci\xC3\xB3n", "aggiornato", "aggiornamento",
                          "bijgewerkt", "atualizado", "atualiza\xC3\xA7\xC3\xA3o"});
}

// `coarser` writes the one date of `precise` with less (its day, or its time, left out), the
// rest of the line the same to the character and a stamp's words at most (a bare date, "Last
// updated:"); a time only under a word of an edit ("Last updated ... 12:39").
bool writes_the_date_with_less(std::string_view precise, std::string_view coarser) {
  if (count_space_separated_words(precise) > kMovedDateLineWords || count_space_separated_words(coarser) > kMovedDateLineWords)
    return false;
  const DateSkeleton full = date_skeleton(precise, false), less = date_skeleton(coarser, true);
  if (full.dates.size() != 1 || less.dates.size() != 1 || full.tokens != less.tokens) return false;
  bool stamp = false;
  for (const std::string& token : full.tokens) {
    if (token.find('\x01') != std::string::npos) continue;
    const std::string word = tosdiff::ascii_lower(trim_ascii_punctuation(token));
    if (!word.empty() && !is_stamp_word(word)) return false;
    stamp = stamp || is_edit_word(word);
  }
  // A time changed is the page's stamp moving (relative_stamps.hpp), not a date said with less.
  if (!less.times.empty() && less.times != full.times) return false;
  const bool day_left_out = less.dates[0].size() == 7 && full.dates[0].substr(0, 7) == less.dates[0];
  if (day_left_out) return true;
  // The same day: its time left out, under an edit's word only.
  return less.dates[0] == full.dates[0] && less.times != full.times && stamp;
}

}  // namespace

void mark_coarser_dates(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.size() != 2) continue;
    const LineOp* removed = nullptr;
    const LineOp* added = nullptr;
    for (const LineOp& line : hunk.lines) (line.op == '-' ? removed : added) = &line;
    if (!removed || !added) continue;
    const Block before = parse_block(removed->text), after = parse_block(added->text);
    if (before.kind != after.kind) continue;
    // Less said: the day or the time left out; or the time alone put in (the day the same).
    const std::set<std::string> after_dates = dates_named(after.text);
    const bool time_put_in = !after_dates.empty() && after_dates == dates_named(before.text);
    if (writes_the_date_with_less(before.text, after.text) ||
        (time_put_in && writes_the_date_with_less(after.text, before.text)))
      mark_cosmetic(hunk, "date_format");
  }
}

}  // namespace tosdiff
