#include "tosdiff/compare/numbering.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "tosdiff/util/case_fold.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Words of a quantity of time or data after a number: "30 Days", "12 Mois", "5 GB".
constexpr std::string_view kQuantityWords[] = {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
    "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "ann\xC3\xA9" "e", "ann\xC3\xA9" "es", "tag", "tage",
    "woche", "wochen", "monat", "monate", "jahr", "jahre", "d\xC3\xAD" "a", "d\xC3\xAD" "as", "mes", "meses",
    "a\xC3\xB1o", "a\xC3\xB1os", "giorno", "giorni", "mese", "mesi", "anno", "anni", "dag", "dagen", "maand", "maanden",
    "jaar", "jaren", "dia", "dias", "ano", "anos", "percent", "gb", "mb", "tb", "%",
    // German ordinals' nouns: "30. Tag nach Vertragsende" is the 30th day, no list's 30th item.
    "werktag", "werktage", "kalendertag", "kalendertage", "monats", "jahres", "mahnung", "stufe"};


char numbering_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool numbering_sentence_end(char c) { return c == '.' || c == ';' || c == ':' || c == '!' || c == '?'; }

bool is_roman_numeral(std::string_view w) {
  if (w.empty() || w.size() > 6) return false;
  for (char c : w) {
    char l = numbering_lower(c);
    if (l != 'i' && l != 'v' && l != 'x' && l != 'l' && l != 'c' && l != 'd' && l != 'm') return false;
  }
  return true;
}

// Length of a leading enumerator with its trailing space, or 0. Recognized: "4. ", "4) ",
// "(4) ", "(4). ", "4.2 ", "4.2.1. ", "(b) ", "b) ", "b. ", "iii. ", "(iv) ", optionally after
// "Section ", "Article " or "§". A bare "4 " or "I " is text, not numbering.
std::size_t enumerator_length(std::string_view s, bool dot_after_allowed = true) {
  std::size_t i = 0;
  bool prefixed = false;
  for (std::string_view prefix : {"section ", "article ", "clause ", "part ", "chapter ", "schedule ", "annex ",
                                   "appendix ", "artikel ", "abschnitt ", "ziffer ", "\xC2\xA7 ", "\xC2\xA7"}) {
    if (s.size() <= prefix.size()) continue;
    std::string head;
    for (char c : s.substr(0, prefix.size())) head += numbering_lower(c);
    if (head == prefix) {
      i = prefix.size();
      prefixed = true;
      break;
    }
  }
  const bool paren = i < s.size() && s[i] == '(';
  if (paren) ++i;
  const std::size_t start = i;
  while (i < s.size() && (is_ascii_letter(s[i]) || is_ascii_digit(s[i]) || s[i] == '.')) ++i;
  std::string_view body = s.substr(start, i - start);
  const bool dotted_end = !body.empty() && body.back() == '.';
  std::string_view core = dotted_end ? body.substr(0, body.size() - 1) : body;
  if (core.empty()) return 0;

  // Parts between dots: numbers, single letters or Roman numerals ("4.2", "A.1", "II.3").
  // Several parts need a number among them, so "U.S." or "e.g." is text.
  bool numeric = true, mixed = true, has_number = false;
  std::size_t parts = 0;
  for (std::size_t p = 0;;) {
    std::size_t q = core.find('.', p);
    std::string_view part = core.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p);
    const bool number = all_ascii_digits(part);
    has_number = has_number || number;
    if (!number) numeric = false;
    if (!number && !(part.size() == 1 && is_ascii_letter(part[0])) && !(part.size() <= 4 && is_roman_numeral(part))) mixed = false;
    ++parts;
    if (q == std::string_view::npos) break;
    p = q + 1;
  }
  const bool single = parts == 1;
  if (!single && mixed && has_number) numeric = true;
  const bool letter = single && core.size() == 1 && is_ascii_letter(core[0]);
  const bool roman = single && core.size() <= 4 && is_roman_numeral(core);
  if (!numeric && !letter && !roman) return 0;

  const bool closer = i < s.size() && s[i] == ')';
  if (closer) ++i;
  if (paren && !closer) return 0;
  // "(5). To use the platform": a bracketed enumerator with a dot after it (dating replay: an
  // app's terms, "(5.)" written "(5)." one day).
  const bool dot_after = dot_after_allowed && paren && closer && i < s.size() && s[i] == '.';
  if (dot_after) ++i;
  // "Section 6: Retention", "Article 6 – Retention": a prefixed number's colon or dash is its
  // mark, before a title (a red team's find: every heading restyled so, read as reworded).
  bool prefix_marked = false;
  if (prefixed && numeric && single && !paren && i < s.size()) {
    std::size_t mark = i;
    if (s[mark] == ':') {
      ++mark;
    } else if (s[mark] == ' ') {
      for (std::string_view dash : {"- ", "\xE2\x80\x93 ", "\xE2\x80\x94 ", "| "})
        if (s.substr(mark + 1, dash.size()) == dash) {
          mark += 1 + dash.size() - 1;
          break;
        }
    }
    if (mark != i && mark + 1 < s.size() && s[mark] == ' ' && s[mark + 1] >= 'A' && s[mark + 1] <= 'Z') {
      i = mark;
      prefix_marked = true;
    }
  }
  if (i >= s.size() || s[i] != ' ') return 0;  // a block that is only a number stays
  // "4." "4)" "(4)" mark an enumerator; "4.2" or "Section 5" only when a title follows
  // ("4.2 License"), since "1.5 million users" and "Section 5 applies" are text.
  const bool marked = dotted_end || closer || prefix_marked;
  std::size_t next = i;
  while (next < s.size() && s[next] == ' ') ++next;
  // An amount's currency or a size's unit is no title ("4.99 USD per month", "2.5 GB of
  // storage": a red team's find, a price changed read as a list renumbered).
  static constexpr std::string_view kCodes[] = {"USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "INR", "CNY", "SEK",
                                                "NOK", "DKK", "PLN", "BRL", "MXN", "KB",  "MB",  "GB",  "TB",  "KiB",
                                                "MiB", "GiB", "TiB"};
  std::size_t word_end = next;
  while (word_end < s.size() && is_ascii_letter(s[word_end])) ++word_end;
  const std::string_view word = s.substr(next, word_end - next);
  const bool a_code = std::find(std::begin(kCodes), std::end(kCodes), word) != std::end(kCodes);
  // "30. Tag", "7. Werktag": a German ordinal's number, what follows its noun.
  if (numeric && single && dotted_end && !prefixed && !paren &&
      std::find(std::begin(kQuantityWords), std::end(kQuantityWords), ascii_lower(word)) != std::end(kQuantityWords))
    return 0;
  const bool titled = next < s.size() && s[next] >= 'A' && s[next] <= 'Z' && !a_code;
  if (!marked && !(numeric && (!single || prefixed) && titled)) return 0;
  return i + 1;
}

}  // namespace

// An enumerator opening a block, and one opening a sentence inside it: paragraphs merged
// into one block keep their numbers ("... etc. 1.5. Your use ..."), and a list renumbered
// inside a merged block only moves them. Inside, only marked enumerators ("1.5.", "e.",
// "(b)", "6. e.") followed by a capitalized word count: "at least 13. Children" and "in 2024. 1.5
// million" stay text.
std::string strip_numbering(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = enumerator_length(s);
  // A run at the opening too: "5.1. 5.1. A subscription" (a number doubled by the page's
  // template) or "6. e. Deletion" is numbering up to the capitalized word.
  for (std::size_t next = i; i > 0;) {
    const std::size_t cut = enumerator_length(s.substr(next));
    const char mark = cut >= 2 ? s[next + cut - 2] : ' ';
    if (mark != '.' && mark != ')') break;
    next += cut;
    while (next < s.size() && s[next] == ' ') ++next;
    if (next < s.size() && s[next] >= 'A' && s[next] <= 'Z') i = next;
    else break;
  }
  for (; i < s.size(); ++i) {
    out += s[i];
    if (s[i] != ' ' || out.size() < 2) continue;
    const char before = out[out.size() - 2];
    if (!numbering_sentence_end(before)) continue;
    // "(6). If ..." inside a block only after a full stop ending a word of 5 lower-case letters
    // or more: "GDPR Art. (6). The" and "Legal basis: (a). We" are references and values (a
    // review's finds).
    std::size_t word_start = out.size() - 2;
    while (word_start > 0 && out[word_start - 1] >= 'a' && out[word_start - 1] <= 'z') --word_start;
    const bool after_a_word = before == '.' && out.size() - 2 - word_start >= 5 &&
                              (word_start == 0 || out[word_start - 1] == ' ');
    // A run of marked enumerators ("6. e. Deletion"), then a capitalized word.
    std::size_t next = i + 1;
    for (;;) {
      const std::size_t cut = enumerator_length(s.substr(next), after_a_word);
      const char mark = cut >= 2 ? s[next + cut - 2] : ' ';  // the character before its space
      if (mark != '.' && mark != ')') break;
      next += cut;
      while (next < s.size() && s[next] == ' ') ++next;
    }
    if (next > i + 1 && next < s.size() && s[next] >= 'A' && s[next] <= 'Z') i = next - 1;
  }
  return out;
}


std::size_t bare_heading_number_length(std::string_view heading) {
  std::size_t digits = 0;
  while (digits < heading.size() && is_ascii_digit(heading[digits])) ++digits;
  if (digits == 0 || digits > 2 || digits + 1 >= heading.size() || heading[digits] != ' ') return 0;
  const std::string_view rest = heading.substr(digits + 1);
  const std::string_view word = rest.substr(0, rest.find(' '));
  if (word.empty()) return 0;
  const unsigned char lead = static_cast<unsigned char>(word[0]);
  const std::size_t first = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  const std::string_view letter = word.substr(0, first);
  if (fold_letter_case(letter) == letter) return 0;  // not a capital
  const std::string lower = fold_letter_case(word);
  for (std::string_view quantity : kQuantityWords)
    if (lower == quantity) return 0;
  return digits + 1;
}

bool bare_heading_numbers_count_up(const Text& text) {
  constexpr std::size_t kMinNumbered = 3;
  std::size_t numbered = 0;
  long previous = 0;
  for (const Block& block : text.blocks) {
    if (block.kind != BlockKind::heading || bare_heading_number_length(block.text) == 0) continue;
    const long number = std::atol(block.text.c_str());
    if (numbered > 0 && number != previous + 1) return false;
    previous = number;
    ++numbered;
  }
  return numbered >= kMinNumbered;
}

}  // namespace tosdiff
