#include "tosdiff/compare/date_reading.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

char lower_date_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

struct Token {
  std::size_t begin, end;  // byte range in the source
  bool word;               // letters or digits; else a single other character
};

bool is_ordinal_suffix(std::string_view letters) {
  if (letters.size() != 2) return false;
  char a = lower_date_char(letters[0]), b = lower_date_char(letters[1]);
  return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h') ||
         (a == 'e' && b == 'r');  // French "1er"
}

// The bytes of a Latin letter written in UTF-8 at `i` ("é", "ä", "ç": two bytes, lead byte
// 0xC3 to 0xC9), 0 for anything else: dashes and quotes (three bytes) stay apart from words,
// so "Effective—May 1, 2026" still reads its date.
std::size_t latin_letter_bytes(std::string_view s, std::size_t i) {
  if (i + 1 >= s.size()) return 0;
  const unsigned char lead = static_cast<unsigned char>(s[i]), next = static_cast<unsigned char>(s[i + 1]);
  if (lead < 0xC3 || lead > 0xC9 || next < 0x80 || next > 0xBF) return 0;
  if (lead == 0xC3 && (next == 0x97 || next == 0xB7)) return 0;  // × and ÷
  return 2;
}

// The length of the letter or digit at `i`: 1 for ASCII, 2 for a Latin letter, 0 for another
// character.
std::size_t word_char_bytes(std::string_view s, std::size_t i) {
  if (is_ascii_letter(s[i]) || is_ascii_digit(s[i])) return 1;
  return latin_letter_bytes(s, i);
}

// Words of letters and digits. Digits glued to following letters are split ("2026Previous",
// where a page put a link right after a date) unless the letters are an ordinal suffix.
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < s.size();) {
    if (word_char_bytes(s, i) > 0) {
      std::size_t j = i;
      while (j < s.size() && word_char_bytes(s, j) > 0) j += word_char_bytes(s, j);
      std::size_t digits_end = i;
      while (digits_end < j && is_ascii_digit(s[digits_end])) ++digits_end;
      if (digits_end > i && digits_end < j) {
        std::size_t letters_end = digits_end;
        while (letters_end < j && !is_ascii_digit(s[letters_end])) letters_end += word_char_bytes(s, letters_end);
        if (!is_ordinal_suffix(s.substr(digits_end, letters_end - digits_end))) {
          tokens.push_back({i, digits_end, true});
          i = digits_end;
          continue;
        }
      }
      tokens.push_back({i, j, true});
      i = j;
    } else {
      tokens.push_back({i, i + 1, false});
      ++i;
    }
  }
  return tokens;
}

// The months in the other languages of the collections tosdiff reads (French, German,
// Spanish, Italian, Portuguese, Dutch), written in full, lower case, UTF-8: "31. Januar 2022",
// "1er août 2024", "31 de enero de 2022" are dates like "January 31, 2022".
struct MonthName {
  std::string_view name;
  int month;
};
constexpr MonthName kOtherMonths[] = {
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"decembre", 12},
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
    {"dezember", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"dezembro", 12},
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    {"novembro", 11},
    // Polish, as a date writes them (genitive) and alone.
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6}, {"lipca", 7},
    {"sierpnia", 8}, {"wrze\xC5\x9Bnia", 9}, {"pa\xC5\xBA" "dziernika", 10}, {"listopada", 11}, {"grudnia", 12},
    {"stycze\xC5\x84", 1}, {"luty", 2}, {"marzec", 3}, {"kwiecie\xC5\x84", 4}, {"maj", 5}, {"czerwiec", 6},
    {"lipiec", 7}, {"sierpie\xC5\x84", 8}, {"wrzesie\xC5\x84", 9}, {"pa\xC5\xBA" "dziernik", 10}, {"listopad", 11},
    {"grudzie\xC5\x84", 12},
    // Their abbreviations a date writes, with or without a dot (the English ones are their
    // names' first three letters; words of another meaning, "set", "out", "sie", are left out).
    {"janv", 1}, {"f\xC3\xA9vr", 2}, {"fevr", 2}, {"avr", 4}, {"juil", 7}, {"d\xC3\xA9" "c", 12},
    {"m\xC3\xA4r", 3}, {"mrz", 3}, {"okt", 10}, {"dez", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
    {"gen", 1}, {"giu", 6}, {"lug", 7}, {"ott", 10}, {"fev", 2}, {"mrt", 3}};

// ASCII and Latin-1's capitals in lower case ("MÄRZ" -> "märz"); other bytes as they are.
std::string latin_lower(std::string_view word) {
  std::string lower(word);
  for (std::size_t i = 0; i < lower.size(); ++i) {
    lower[i] = lower_date_char(lower[i]);
    const unsigned char next = i + 1 < lower.size() ? static_cast<unsigned char>(lower[i + 1]) : 0;
    if (static_cast<unsigned char>(lower[i]) == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      lower[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return lower;
}

int month_number(std::string_view word) {
  // Every word of every key is asked (rewrite_dates): one lookup, not a walk of the lists.
  static const std::unordered_map<std::string, int> kMonths = [] {
    static constexpr std::array<std::string_view, 12> names = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    std::unordered_map<std::string, int> months;
    for (const MonthName& other : kOtherMonths) months.emplace(other.name, other.month);
    months["sept"] = 9;
    for (std::size_t m = 0; m < names.size(); ++m) {
      months[std::string(names[m])] = static_cast<int>(m) + 1;  // English first where both write it
      months.emplace(names[m].substr(0, 3), static_cast<int>(m) + 1);
    }
    return months;
  }();
  if (word.size() < 3 || word.size() > 16) return 0;
  const auto found = kMonths.find(latin_lower(word));
  return found == kMonths.end() ? 0 : found->second;
}

// "17", "17th", "1st", "2nd", "3rd" -> day number, else 0.
int day_number(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && is_ascii_digit(word[digits])) ++digits;
  if (digits == 0 || digits > 2) return 0;
  std::string suffix;
  for (char c : word.substr(digits)) suffix += lower_date_char(c);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" && suffix != "er") return 0;
  int day = std::stoi(std::string(word.substr(0, digits)));
  if (suffix == "er" && day != 1) return 0;  // French "1er", the first of the month only
  return day >= 1 && day <= 31 ? day : 0;
}

bool valid_day(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

int year_number(std::string_view word) {
  if (word.size() != 4 || !is_ascii_digit(word[0]) || !is_ascii_digit(word[1]) || !is_ascii_digit(word[2]) || !is_ascii_digit(word[3]))
    return 0;
  int year = std::stoi(std::string(word));
  return year >= 1900 && year <= 2199 ? year : 0;
}

std::string iso_date(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

class DateScanner {
 public:
  explicit DateScanner(std::string_view s) : s_(s), tokens_(tokenize(s)) {}

  std::string run() {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t t = 0; t < tokens_.size(); ++t) {
      std::optional<Match> match = match_at(t);
      if (!match || !valid_day(match->year, match->month, match->day)) continue;
      out.append(s_.substr(copied, tokens_[t].begin - copied));
      out += iso_date(match->year, match->month, match->day);
      copied = tokens_[match->last].end;
      t = match->last;
    }
    out.append(s_.substr(copied));
    return out;
  }

 private:
  struct Match {
    int year, month, day;
    std::size_t last;  // last token of the date
  };

  std::string_view text(std::size_t t) const {
    return s_.substr(tokens_[t].begin, tokens_[t].end - tokens_[t].begin);
  }
  bool is_word(std::size_t t) const { return t < tokens_.size() && tokens_[t].word; }
  bool is_char(std::size_t t, char c) const {
    return t < tokens_.size() && !tokens_[t].word && s_[tokens_[t].begin] == c;
  }
  // Skips spaces, and one optional `punct` character with spaces around it.
  std::size_t skip(std::size_t t, char punct = 0) const {
    while (is_char(t, ' ')) ++t;
    if (punct && is_char(t, punct)) {
      ++t;
      while (is_char(t, ' ')) ++t;
    }
    return t;
  }

  std::optional<Match> match_at(std::size_t t) const {
    if (!is_word(t)) return std::nullopt;
    // Whole words only: not inside "abc2025-01-01".
    if (t > 0 && tokens_[t - 1].word) return std::nullopt;
    // A day of the week before the date is the same date: "Tuesday, March 3, 2026", "Tue, 3
    // Mar 2026", "mardi 3 mars 2026" (a red team's find: a template adding it was an alert).
    if (is_weekday(text(t))) {
      std::size_t d = skip(t + 1, '.');
      d = skip(d, ',');
      if (d != t + 1 && is_word(d) && !is_weekday(text(d)))
        if (auto m = date_at(d)) return m;
      if (is_word(t + 1) || is_char(t + 1, ' '))
        if (auto m = date_at(skip(t + 1))) return m;
      return std::nullopt;
    }
    return date_at(t);
  }

  static bool is_weekday(std::string_view word) {
    static constexpr std::string_view kDays[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunes",
        "martes", "mi\xC3\xA9rcoles", "jueves", "viernes", "s\xC3\xA1" "bado", "domingo", "luned\xC3\xAC",
        "marted\xC3\xAC", "mercoled\xC3\xAC", "gioved\xC3\xAC", "venerd\xC3\xAC", "sabato", "domenica",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
    const std::string lower = latin_lower(word);
    return std::find(std::begin(kDays), std::end(kDays), lower) != std::end(kDays);
  }

  std::optional<Match> date_at(std::size_t t) const {
    if (!is_word(t)) return std::nullopt;
    if (auto m = month_first(t)) return m;
    if (auto m = day_first(t)) return m;
    if (auto m = iso(t)) return m;
    return numeric(t);
  }

  // "03/03/2026", "13.03.2026", "03-13-2026": day and month in either order, taken only
  // when the reading is unambiguous (the two are equal, one is over 12, or dots separate
  // them). "03/04/2026" is left alone: April 3 to some readers, March 4 to others.
  std::optional<Match> numeric(std::size_t t) const {
    for (char sep : {'/', '.', '-'}) {
      if (!is_char(t + 1, sep) || !is_word(t + 2) || !is_char(t + 3, sep) || !is_word(t + 4)) continue;
      std::string_view first = text(t), second = text(t + 2);
      if (first.size() > 2 || second.size() > 2 || !all_ascii_digits(first) || !all_ascii_digits(second)) continue;
      // A year of four figures, or of two (a short date style: "3/3/26", this century's).
      const std::string_view year_text = text(t + 4);
      const int year = year_text.size() == 2 && all_ascii_digits(year_text) ? 2000 + std::stoi(std::string(year_text))
                                                                            : year_number(year_text);
      if (!year) continue;
      // Not the head of a longer dotted number ("1.2.2026.5").
      if (is_char(t + 5, sep) && is_word(t + 6)) continue;
      const int a = std::stoi(std::string(first)), b = std::stoi(std::string(second));
      if (a < 1 || b < 1 || a > 31 || b > 31) continue;
      if (a == b && a <= 12) return Match{year, a, a, t + 4};
      // Dots: day first wherever dates are written so ("01.03.2026", German, Dutch, Polish
      // pages; a red team's find: "1. März 2026" written so was an alert).
      if (sep == '.' && b <= 12) return Match{year, b, a, t + 4};
      if (a > 12 && b <= 12) return Match{year, b, a, t + 4};
      if (b > 12 && a <= 12) return Match{year, a, b, t + 4};
    }
    return std::nullopt;
  }

  // "December 17, 2025", "Dec. 17th 2025"
  std::optional<Match> month_first(std::size_t t) const {
    int month = month_number(text(t));
    if (!month) return std::nullopt;
    std::size_t d = skip(t + 1, '.');
    if (!is_word(d)) return std::nullopt;
    int day = day_number(text(d));
    if (!day) return std::nullopt;
    std::size_t y = skip(d + 1, ',');
    if (!is_word(y)) return std::nullopt;
    int year = year_number(text(y));
    if (!year) return std::nullopt;
    return Match{year, month, day, y};
  }

  // The token after an ordinal's mark glued to a day ("1\u00B0 marzo", "1\u00BA de mar\u00E7o",
  // "1.\u00BA de"): the Italian and Portuguese first of a month (a red team's find). `t` when
  // none is there. The mark's bytes are tokens of their own.
  std::size_t after_ordinal_mark(std::size_t t) const {
    if (t >= tokens_.size() || tokens_[t].word) return t;
    std::size_t at = tokens_[t].begin;
    if (s_[at] == '.') ++at;
    const std::string_view rest = s_.substr(at);
    for (std::string_view mark : {"\xC2\xB0", "\xC2\xBA", "\xC2\xAA"}) {
      if (rest.substr(0, mark.size()) != mark) continue;
      std::size_t after = t;
      while (after < tokens_.size() && tokens_[after].begin < at + mark.size()) ++after;
      return after;
    }
    return t;
  }

  // The word between a date's day and month, or month and year: "17th of Dec. 2025", "31 de
  // enero de 2022", "31 de enero del 2022".
  bool is_date_connector(std::size_t t) const {
    if (!is_word(t)) return false;
    const std::string word = latin_lower(text(t));
    return word == "of" || word == "de" || word == "del";
  }

  // "17 December 2025", "17th of Dec. 2025", "17 December, 2025", "31. Januar 2022",
  // "1er août 2024", "31 de enero de 2022"
  std::optional<Match> day_first(std::size_t t) const {
    int day = day_number(text(t));
    if (!day) return std::nullopt;
    std::size_t m = skip(after_ordinal_mark(t + 1), '.');
    if (is_date_connector(m)) m = skip(m + 1);
    if (!is_word(m)) return std::nullopt;
    int month = month_number(text(m));
    if (!month) return std::nullopt;
    std::size_t y = skip(m + 1, '.');
    y = skip(y, ',');
    if (is_date_connector(y)) y = skip(y + 1);
    if (!is_word(y)) return std::nullopt;
    int year = year_number(text(y));
    if (!year) return std::nullopt;
    return Match{year, month, day, y};
  }

  // "2025-12-17" or "2025/12/17"
  std::optional<Match> iso(std::size_t t) const {
    int year = year_number(text(t));
    if (!year) return std::nullopt;
    for (char sep : {'-', '/'}) {
      if (!is_char(t + 1, sep) || !is_word(t + 2) || !is_char(t + 3, sep) || !is_word(t + 4)) continue;
      std::string_view mm = text(t + 2), dd = text(t + 4);
      if (mm.size() > 2 || dd.size() > 2 || !is_ascii_digit(mm[0]) || !is_ascii_digit(dd[0])) continue;
      if (!all_ascii_digits(mm) || !all_ascii_digits(dd)) continue;
      int month = std::stoi(std::string(mm)), day = std::stoi(std::string(dd));
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      return Match{year, month, day, sep == '-' ? time_of_day_after(t + 4) : t + 4};
    }
    return std::nullopt;
  }

  // The last token of an ISO 8601 time of day glued to a date's day ("T10:15", "T00:00:00.000Z",
  // "T10:15:00+01:00"), or `day` when none follows: a timestamp says its date (a red team's
  // find: "March 3, 2026" written "2026-03-03T00:00:00.000Z" was an alert).
  std::size_t time_of_day_after(std::size_t day) const {
    const auto digits = [&](std::size_t t, std::size_t max) {
      return is_word(t) && text(t).size() <= max && all_ascii_digits(text(t));
    };
    std::size_t t = day + 1;
    if (!is_word(t)) return day;
    const std::string_view hour = text(t);
    if (hour.size() < 2 || hour.size() > 3 || (hour[0] != 'T' && hour[0] != 't') || !all_ascii_digits(hour.substr(1)))
      return day;
    std::size_t last = t;
    for (int part = 0; part < 2 && is_char(last + 1, ':') && digits(last + 2, 2); ++part) last += 2;
    if (last == t) return day;  // "T10" alone is no time
    if (is_char(last + 1, '.') && digits(last + 2, 9)) last += 2;
    if (is_word(last + 1) && (text(last + 1) == "Z" || text(last + 1) == "z")) {
      ++last;
    } else if ((is_char(last + 1, '+') || is_char(last + 1, '-')) && digits(last + 2, 2) && is_char(last + 3, ':') &&
               digits(last + 4, 2)) {
      last += 4;
    }
    return last;
  }

  std::string_view s_;
  std::vector<Token> tokens_;
};

}  // namespace

std::string rewrite_dates(std::string_view text) { return DateScanner(text).run(); }

bool names_a_month_of_a_year(std::string_view text) {
  const std::vector<std::string> words = space_separated_words(text);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view month = words[i], year = words[i + 1];
    while (!year.empty() && (year.back() == ':' || year.back() == ',' || year.back() == '.' || year.back() == ')'))
      year.remove_suffix(1);
    if (year.size() != 4 || !all_ascii_digits(year) || (year.substr(0, 2) != "19" && year.substr(0, 2) != "20")) continue;
    if (month_number(month) != 0) return true;
  }
  return false;
}

int month_name_first_balance(std::string_view text) {
  std::vector<std::string> words = space_separated_words(text);
  for (std::string& word : words)
    while (!word.empty() && std::string_view(",.;:()").find(word.back()) != std::string_view::npos) word.pop_back();
  int balance = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (month_number(words[i]) == 0) continue;
    if (i > 0 && day_number(words[i - 1]) > 0) --balance;
    else if (i + 1 < words.size() && day_number(words[i + 1]) > 0) ++balance;
  }
  return balance;
}

bool names_a_month_in_another_language(std::string_view text) {
  for (std::string word : space_separated_words(text)) {
    while (!word.empty() && std::string_view(",.;:()").find(word.back()) != std::string_view::npos) word.pop_back();
    if (word.size() < 3) continue;
    const std::string lower = latin_lower(word);
    // Not a name both languages write alike ("juni" is Dutch and German, "april" and
    // "augustus" are English too: only names no English month is).
    if (month_number(word) == 0 || lower.size() == 3) continue;
    static constexpr std::string_view kEnglish[] = {"january", "february", "march", "april", "may", "june", "july",
                                                    "august", "september", "october", "november", "december", "sept"};
    if (std::find(std::begin(kEnglish), std::end(kEnglish), lower) == std::end(kEnglish)) return true;
  }
  return false;
}

bool is_month_name(std::string_view word) { return month_number(word) != 0; }

}  // namespace tosdiff
