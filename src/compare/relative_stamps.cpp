#include "tosdiff/compare/relative_stamps.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

using Words = std::vector<std::string>;

// A stamp is short: its update word, its age and its author.
constexpr std::size_t kStampWords = 12;
// Words before the update word: a help centre's byline ("Written by the Support Team.").
constexpr std::size_t kBylineWords = 6;
// A dated stamp with its time and byline: "Written by the Support Team. Last updated on May 3,
// 2025 at 10:02 AM".
constexpr std::size_t kTimedStampWords = 16;
// Words after the age: its author ("by Ann Lee").
constexpr std::size_t kAuthorWords = 4;

// How a language writes an age: words before it ("il y a", "vor", "hace", "há"), hedges
// ("over", "plus de"), counts ("a", "un"; digits always count), units, words after it ("ago",
// "fa", "geleden", "atrás").
struct AgeGrammar {
  std::initializer_list<std::string_view> lead, hedges, counts, units, tail;
};

const AgeGrammar kAgeGrammars[] = {
    {{}, {"over", "about", "almost", "nearly", "around", "under", "roughly", "more than", "less than"},
     {"a", "an", "one", "a few", "few", "several", "two", "three"},
     {"second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
      "week", "weeks", "month", "months", "year", "years"},
     {"ago"}},
    {{"il y a"}, {"plus de", "environ", "moins de", "près de"}, {"un", "une", "quelques"},
     {"minute", "minutes", "heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "année",
      "années"},
     {}},
    {{"vor"}, {"über", "etwa", "mehr als", "fast", "ca."}, {"einem", "einer", "einigen", "ein", "eine"},
     {"minute", "minuten", "stunde", "stunden", "tag", "tagen", "woche", "wochen", "monat", "monaten", "jahr",
      "jahren"},
     {}},
    {{"hace"}, {"más de", "unos", "unas", "alrededor de", "casi", "aproximadamente"}, {"un", "una"},
     {"minuto", "minutos", "hora", "horas", "día", "días", "semana", "semanas", "mes", "meses", "año", "años"},
     {}},
    {{}, {"più di", "circa", "quasi"}, {"un", "una", "uno"},
     {"minuto", "minuti", "ora", "ore", "giorno", "giorni", "settimana", "settimane", "mese", "mesi", "anno",
      "anni"},
     {"fa"}},
    {{}, {"meer dan", "ongeveer", "bijna", "ruim"}, {"een"},
     {"minuut", "minuten", "uur", "dag", "dagen", "week", "weken", "maand", "maanden", "jaar"},
     {"geleden"}},
    {{"há"}, {"mais de", "cerca de", "quase"}, {"um", "uma"},
     {"minuto", "minutos", "hora", "horas", "dia", "dias", "semana", "semanas", "mês", "meses", "ano", "anos"},
     {}},
    {{}, {"mais de", "cerca de", "quase"}, {"um", "uma"},
     {"minuto", "minutos", "hora", "horas", "dia", "dias", "semana", "semanas", "mês", "meses", "ano", "anos"},
     {"atrás"}},
    {{}, {"ponad", "oko\u0142o", "prawie"}, {"kilka"},
     {"minut\u0119", "minuty", "minut", "godzin\u0119", "godziny", "godzin", "dzie\u0144", "dni", "tydzie\u0144",
      "tygodnie", "tygodni", "miesi\u0105c", "miesi\u0105ce", "miesi\u0119cy", "rok", "lata", "lat"},
     {"temu"}},
};

// Days a stamp names without a count: only after an update word ("Updated today"), since
// alone they are any sentence's words.
constexpr std::string_view kDayWords[] = {
    "today", "yesterday", "this week", "this month", "last week", "last month", "just now",
    "aujourd'hui", "hier", "cette semaine", "heute", "gestern", "diese woche", "hoy", "ayer", "esta semana",
    "oggi", "ieri", "questa settimana", "vandaag", "gisteren", "deze week", "hoje", "ontem", "dzisiaj", "dzi\u015b",
    "wczoraj", "w tym tygodniu"};

constexpr std::string_view kUpdateWords[] = {
    "updated", "last updated", "modified", "last modified", "edited", "posted", "published", "revised",
    "last revised", "changed", "mis à jour", "mise à jour", "modifié", "modifiée", "actualisé", "aktualisiert",
    "zuletzt aktualisiert", "geändert", "actualizado", "actualizada", "modificado", "aggiornato", "aggiornata",
    "modificato", "bijgewerkt", "gewijzigd", "atualizado", "atualizada", "zaktualizowano", "zmieniono",
    "opublikowano"};

constexpr std::string_view kAuthorMarks[] = {"by", "par", "von", "por", "da", "door", "di", "de"};

// Punctuation around a stamp's words: ASCII marks, and the middle dot, dashes, quotes and
// guillemets as whole UTF-8 sequences.
constexpr std::string_view kEdgeMarks[] = {"\xC2\xB7", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x9C",
                                           "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB"};

std::size_t edge_mark_at_front(std::string_view w) {
  if (std::string_view(".,:;()[]|-\"'").find(w.front()) != std::string_view::npos) return 1;
  for (std::string_view mark : kEdgeMarks)
    if (w.substr(0, mark.size()) == mark) return mark.size();
  return 0;
}

std::size_t edge_mark_at_back(std::string_view w) {
  if (std::string_view(".,:;()[]|-\"'").find(w.back()) != std::string_view::npos) return 1;
  for (std::string_view mark : kEdgeMarks)
    if (w.size() >= mark.size() && w.substr(w.size() - mark.size()) == mark) return mark.size();
  return 0;
}

// The text with a space where a help centre's template glued two of its labels, a small letter
// against a capital ("Written by Jane DoeUpdated this week": the name's box and the stamp's,
// side by side without a space between them). Only for a stamp's few words: in a sentence a
// word such as "iPhone" is one.
std::string unglued(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && text[i] >= 'A' && text[i] <= 'Z' && text[i - 1] >= 'a' && text[i - 1] <= 'z') out += ' ';
    out += text[i];
  }
  return out;
}

// The words of a block, lower case, without the punctuation around them.
Words words_of(std::string_view text) {
  Words out;
  for (const std::string& raw : space_separated_words(unglued(text))) {
    std::string_view w = raw;
    for (std::size_t n = 0; !w.empty() && (n = edge_mark_at_front(w)) != 0;) w.remove_prefix(n);
    for (std::size_t n = 0; !w.empty() && (n = edge_mark_at_back(w)) != 0;) w.remove_suffix(n);
    if (w.empty()) continue;
    std::string word = ascii_lower(w);
    // An age written short ("2d", "5h", "3mo": a red team's find, "Updated 2d ago") is read as
    // it is written out: "2 days".
    std::size_t digits = 0;
    while (digits < word.size() && digits < 4 && is_ascii_digit(word[digits])) ++digits;
    if (digits > 0 && digits < word.size() && digits <= 3) {
      static constexpr std::pair<std::string_view, std::string_view> kShort[] = {
          {"s", "seconds"}, {"m", "minutes"}, {"min", "minutes"}, {"mins", "minutes"}, {"h", "hours"},
          {"hr", "hours"},  {"hrs", "hours"},  {"d", "days"},      {"w", "weeks"},     {"wk", "weeks"},
          {"wks", "weeks"}, {"mo", "months"}, {"y", "years"},     {"yr", "years"},    {"yrs", "years"}};
      const std::string_view unit = std::string_view(word).substr(digits);
      const auto* match = std::find_if(std::begin(kShort), std::end(kShort), [&](const auto& entry) { return entry.first == unit; });
      if (match != std::end(kShort)) {
        out.push_back(word.substr(0, digits));
        out.emplace_back(match->second);
        continue;
      }
    }
    out.push_back(std::move(word));
  }
  return out;
}

// The phrase (words separated by single spaces) at words[i]: its length in words, or 0.
std::size_t phrase_at(const Words& words, std::size_t i, std::string_view phrase) {
  std::size_t n = 0;
  while (!phrase.empty()) {
    const std::size_t space = phrase.find(' ');
    const std::string_view word = phrase.substr(0, space);
    if (i + n >= words.size() || words[i + n] != word) return 0;
    ++n;
    phrase = space == std::string_view::npos ? std::string_view() : phrase.substr(space + 1);
  }
  return n;
}

// The longest of `phrases` at words[i]: its length, or 0.
template <typename Phrases>
std::size_t any_phrase_at(const Words& words, std::size_t i, const Phrases& phrases) {
  std::size_t best = 0;
  for (std::string_view phrase : phrases)
    if (std::size_t n = phrase_at(words, i, phrase); n > best) best = n;
  return best;
}

// An age as `grammar` writes it at words[i]: its length in words, or 0.
std::size_t age_at(const Words& words, std::size_t i, const AgeGrammar& grammar) {
  std::size_t j = i;
  if (grammar.lead.size() != 0) {
    const std::size_t n = any_phrase_at(words, j, grammar.lead);
    if (n == 0) return 0;
    j += n;
  }
  j += any_phrase_at(words, j, grammar.hedges);
  if (j < words.size() && all_ascii_digits(words[j]) && words[j].size() <= 3)
    ++j;
  else if (std::size_t n = any_phrase_at(words, j, grammar.counts))
    j += n;
  else
    return 0;
  const std::size_t unit = any_phrase_at(words, j, grammar.units);
  if (unit == 0) return 0;
  j += unit;
  if (grammar.tail.size() != 0) {
    const std::size_t n = any_phrase_at(words, j, grammar.tail);
    if (n == 0) return 0;
    j += n;
  }
  return j - i;
}

// An update word ending just before words[end]: its length, or 0.
std::size_t update_word_before(const Words& words, std::size_t end) {
  for (std::size_t n = 3; n >= 1; --n)
    if (n <= end && any_phrase_at(words, end - n, kUpdateWords) == n) return n;
  return 0;
}

// What follows the age is nothing, or its author.
bool only_author_from(const Words& words, std::size_t i) {
  if (i == words.size()) return true;
  return words.size() - i <= kAuthorWords && any_phrase_at(words, i, kAuthorMarks) == 1;
}

}  // namespace

// The clock ("05:41", "11:11:02") or its meridiem or zone ("am", "p.m.", "utc").
bool is_time_word(const std::string& lower) {
  const std::size_t colon = lower.find(':');
  const bool clock = colon >= 1 && colon <= 2 && colon + 3 <= lower.size() && all_ascii_digits(lower.substr(0, colon)) &&
                     all_ascii_digits(lower.substr(colon + 1, 2));
  // The time zones a stamp names ("10:15 AM PST" / "6:15 PM UTC", the same instant: a red
  // team's find); not "et" or "pt", words of French and Portuguese.
  static const std::set<std::string, std::less<>> kZones = {
      "utc", "gmt", "cet", "cest", "pst", "pdt", "est", "edt", "cst", "cdt", "mst", "mdt", "akst", "akdt", "hst",
      "bst", "ist", "jst", "kst", "hkt", "sgt", "aest", "aedt", "acst", "awst", "nzst", "nzdt", "eet", "eest", "wet",
      "msk", "brt", "mez", "mesz", "z"};
  return clock || lower == "am" || lower == "pm" || lower == "a.m." || lower == "p.m." || kZones.count(lower) > 0;
}

namespace {

// The text without its times of day ("05:41", "11:11:02", "9:30 am", "9:30 PM UTC").
std::string without_times(std::string_view text) {
  std::string out;
  for (const std::string& word : space_separated_words(text))
    if (!is_time_word(ascii_lower(word))) (out += word) += ' ';
  return out;
}

// A date line whose time of day alone moved, its dates the same: "2024-06-17 05:41" then
// "2024-06-17 11:11" (contrib replay: a marketplace's terms, the stamp of the same day shown
// in another time zone). The date of effect is the date.
bool only_the_time_moved(std::string_view before, std::string_view after) {
  const std::set<std::string> dates = dates_named(before);
  if (dates.empty() || dates != dates_named(after) || count_space_separated_words(before) > kTimedStampWords ||
      count_space_separated_words(after) > kTimedStampWords)
    return false;
  const std::string before_day = without_times(before), after_day = without_times(after);
  return before_day == after_day && before_day.size() < before.size();
}

// Words a byline may hold beside its authors' names: "Written by Ann Lee and 2 others".
constexpr std::string_view kBylineFillers[] = {"and", "&", "others", "other", "more", "team", "the", "et", "autres",
                                             "und", "andere", "weitere", "y", "otros", "e", "altri", "en", "anderen",
                                             "outros", "de", "van", "von", "der"};
constexpr std::string_view kBylineMarks[] = {"written by", "posted by", "by", "rédigé par", "écrit par", "par",
                                             "geschrieben von", "verfasst von", "von", "escrito por", "por",
                                             "scritto da", "da", "geschreven door", "door"};

// A help article's byline: "Written by Ann Lee and 2 others", "Rédigé par l'équipe Lumen"; its
// authors' names capitalized, a count of others, nothing else. "By using the service you
// agree" is a sentence.
bool is_byline(std::string_view block_text) {
  const std::vector<std::string> written = space_separated_words(unglued(block_text));
  const Words words = words_of(block_text);
  if (words.size() < 2 || words.size() > kStampWords || written.size() != words.size()) return false;
  const std::size_t mark = any_phrase_at(words, 0, kBylineMarks);
  if (mark == 0 || mark == words.size()) return false;
  // In capitals every word looks like a name: "BY USING THE SITE AND SERVICES YOU UNDERSTAND AND
  // AGREE THAT:" is a clause's lead-in (p2b replay: a search portal's terms widened it to their
  // products, read as a byline replaced). A sentence's words are no names.
  static constexpr std::string_view kSentenceWords[] = {"the", "you", "your", "we", "our", "using", "use", "agree",
                                                        "that", "this", "these", "of", "to", "for", "with", "is", "are"};
  for (std::size_t i = mark; i < words.size(); ++i)
    if (std::find(std::begin(kSentenceWords), std::end(kSentenceWords), words[i]) != std::end(kSentenceWords)) return false;
  for (std::size_t i = mark; i < words.size(); ++i) {
    const char first = written[i].front();
    const bool name = (first >= 'A' && first <= 'Z') || static_cast<unsigned char>(first) >= 0x80;
    const bool filler = all_ascii_digits(words[i]) || any_phrase_at(words, i, kBylineFillers) == 1;
    if (!name && !filler) return false;
  }
  return true;
}

// A byline that says it names who wrote the page ("Written by Ann Lee"), not a bare "By ...",
// which may sign a contract.
constexpr std::string_view kWrittenByMarks[] = {"written by", "posted by", "rédigé par", "écrit par",
                                                "geschrieben von", "verfasst von", "escrito por", "scritto da",
                                                "geschreven door"};

bool is_written_by_line(std::string_view block_text) {
  return is_byline(block_text) && any_phrase_at(words_of(block_text), 0, kWrittenByMarks) > 0;
}

}  // namespace

bool is_relative_stamp(std::string_view block_text) {
  const Words words = words_of(block_text);
  if (words.empty() || words.size() > kStampWords) return false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::size_t age = 0;
    for (const AgeGrammar& grammar : kAgeGrammars)
      if (std::size_t n = age_at(words, i, grammar); n > age) age = n;
    const bool counted = age > 0;
    if (!counted) age = any_phrase_at(words, i, kDayWords);
    if (age == 0) continue;
    std::size_t end = i + age;
    const std::size_t before = update_word_before(words, i);
    const std::size_t after = before == 0 ? any_phrase_at(words, end, kUpdateWords) : 0;
    end += after;
    const bool updated = before > 0 || after > 0;
    // Alone, only a counted age is a stamp ("3 days ago"); a byline needs its update word.
    if (!updated && (!counted || i > 0)) continue;
    if (before > 0 && i - before > kBylineWords) continue;
    if (only_author_from(words, end)) return true;
  }
  return false;
}

bool only_a_date(const std::string& words) {
  static constexpr std::string_view kConnectors[] = {"on", "at", "le", "\xC3\xA0", "um", "el", "a",  "las",
                                                     "il", "alle", "em", "\xC3\xA0s", "op", "om"};
  const std::string dated = rewrite_dates(words);
  for (const std::string& word : space_separated_words(dated)) {
    const bool date = word.size() >= 10 && is_iso_date_at(word, 0);
    const bool connector = std::find(std::begin(kConnectors), std::end(kConnectors), word) != std::end(kConnectors);
    if (!date && !is_time_word(word) && !connector) return false;
  }
  return true;
}

bool is_authored_stamp(std::string_view block_text) {
  const Words words = words_of(block_text);
  if (words.size() < 4 || words.size() > kTimedStampWords) return false;
  // The author: a mark and a name of at most kAuthorWords words closing the block.
  std::size_t author = words.size();
  for (std::size_t i = words.size() - 1; i > 0 && words.size() - i <= kAuthorWords + 1; --i)
    if (any_phrase_at(words, i, kAuthorMarks) == 1 && i + 1 < words.size()) author = i;
  if (author == words.size()) return false;
  // An editor named, not a contact or a company: "by our DPO, dpo@example.com" or "by Example
  // Inc, www.example.com" says who answers for the text (a red team's find: the address
  // switched, the stamp read as saved again).
  static constexpr std::string_view kCompanyForms[] = {"inc", "llc", "ltd", "limited", "gmbh", "ag", "sa", "sas",
                                                       "sarl", "bv", "nv", "plc", "corp", "corporation", "srl",
                                                       "spa", "ab", "oy", "as", "co"};
  for (std::size_t k = author + 1; k < words.size(); ++k) {
    const std::string& word = words[k];
    if (word.find('@') != std::string::npos || word.find('.') != std::string::npos ||
        word.find("://") != std::string::npos ||
        std::find(std::begin(kCompanyForms), std::end(kCompanyForms), word) != std::end(kCompanyForms))
      return false;
  }
  // The update word, after at most a byline, and the date between it and the author.
  for (std::size_t i = 0; i < author && i <= kBylineWords; ++i) {
    const std::size_t n = any_phrase_at(words, i, kUpdateWords);
    if (n == 0) continue;
    std::string date;
    for (std::size_t k = i + n; k < author; ++k) (date += words[k]) += ' ';
    return !date.empty() && is_date_line(date) && only_a_date(date);
  }
  return false;
}

namespace {

// How long an article takes to read, closing its header: "5 min read", "12 minutes de
// lecture", "Lesezeit: 3 Min." The page guesses it from the article's length.
constexpr std::string_view kReadingTimes[] = {"min read", "mins read", "minute read", "minutes read",
                                              "min reading", "min de lecture", "minutes de lecture",
                                              "min. lesezeit", "min lesezeit", "minuten lesezeit",
                                              "min lesedauer", "min de lectura", "minutos de lectura",
                                              "min di lettura", "minuti di lettura", "min leestijd",
                                              "minuten leestijd", "min lezen", "minuten lezen",
                                              "min de leitura", "minutos de leitura"};
constexpr std::size_t kReadingMinutesDigits = 3;
constexpr std::size_t kYearDigits = 4;

// The block without its closing reading time. The page may glue the minutes to the date
// before them ("May 9, 202448 min read"): a run of more than 3 digits keeps its year.
std::string without_reading_time(std::string_view text) {
  std::string trimmed(trim(text));
  const std::string lower = ascii_lower(trimmed);
  for (std::string_view reading : kReadingTimes) {
    if (lower.size() < reading.size() || lower.compare(lower.size() - reading.size(), reading.size(), reading) != 0)
      continue;
    std::size_t end = lower.size() - reading.size();
    while (end > 0 && lower[end - 1] == ' ') --end;
    std::size_t digits = end;
    while (digits > 0 && is_ascii_digit(lower[digits - 1])) --digits;
    if (digits == end) return trimmed;  // no number of minutes: a sentence about reading
    if (end - digits > kReadingMinutesDigits) digits += kYearDigits;
    return std::string(trim(std::string_view(trimmed).substr(0, digits)));
  }
  return trimmed;
}

// A number of minutes, or a range of two ("5-7").
bool is_minutes(std::string_view word) {
  const std::size_t dash = word.find('-');
  const std::string_view low = word.substr(0, dash);
  const std::string_view high = dash == std::string_view::npos ? low : word.substr(dash + 1);
  return !low.empty() && !high.empty() && all_ascii_digits(low) && all_ascii_digits(high);
}

}  // namespace

bool is_reading_time(std::string_view folded) {
  const std::size_t space = folded.find(' ');
  if (space != std::string_view::npos && is_minutes(folded.substr(0, space))) {
    const std::string_view rest = folded.substr(space + 1);
    return std::find(std::begin(kReadingTimes), std::end(kReadingTimes), rest) != std::end(kReadingTimes);
  }
  const std::size_t unit = folded.rfind(' ');
  const std::size_t number = unit == std::string_view::npos || unit == 0 ? std::string_view::npos : folded.rfind(' ', unit - 1);
  if (number == std::string_view::npos || !is_minutes(folded.substr(number + 1, unit - number - 1))) return false;
  return std::find(std::begin(kReadingUnits), std::end(kReadingUnits), folded.substr(unit + 1)) != std::end(kReadingUnits) &&
         std::find(std::begin(kReadingLabels), std::end(kReadingLabels), folded.substr(0, number)) != std::end(kReadingLabels);
}

namespace {

constexpr std::string_view kPublicationWords[] = {"published", "posted", "publié", "publiée", "veröffentlicht",
                                                  "publicado", "publicada", "pubblicato", "pubblicata",
                                                  "gepubliceerd"};

// An article's header, as a help centre or a blog prints it above a document: "Published on
// May 9, 2024", an update stamp after it ("Updated on Aug 5, 2024", glued or not) and a
// reading time ("5 min read"). Its publication stamp and the date of its update stamp ("" when
// it has none); an empty publication when the block is no such header.
struct ArticleHeader {
  std::string publication, updated;
};

ArticleHeader article_header(std::string_view block_text) {
  const std::string text = without_reading_time(block_text);
  const Words opening = words_of(text.substr(0, text.find(' ')));
  if (opening.size() != 1 || std::find(std::begin(kPublicationWords), std::end(kPublicationWords), opening[0]) ==
                                 std::end(kPublicationWords))
    return {};
  // The update stamp may be glued to the publication's year ("2024Updated"): looked for in the
  // text, past the publication's own word.
  const std::string lower = ascii_lower(text);
  std::size_t update = text.size();
  for (std::string_view word : kUpdateWords) update = std::min(update, lower.find(word, opening[0].size()));
  ArticleHeader header;
  header.publication = trim(std::string_view(text).substr(0, update));
  std::string date;
  const Words words = words_of(header.publication);
  for (std::size_t i = 1; i < words.size(); ++i) (date += words[i]) += ' ';
  if (date.empty() || !is_date_line(date) || !only_a_date(date)) return {};
  if (update < text.size()) {
    const Words stamp = words_of(std::string_view(text).substr(update));
    for (std::size_t i = any_phrase_at(stamp, 0, kUpdateWords); i < stamp.size(); ++i) (header.updated += stamp[i]) += ' ';
    if (header.updated.empty() || !is_date_line(header.updated) || !only_a_date(header.updated)) return {};
  }
  return header;
}

// The same article's header, its publication stamp the same, only its update stamp taken off
// or its reading time changed. A new date in the update stamp is the article's new date, and
// when the terms are that article, their date: it stays news, as a date line's does.
bool header_restamped(std::string_view before, std::string_view after) {
  const ArticleHeader old_header = article_header(before), new_header = article_header(after);
  if (old_header.publication.empty() || old_header.publication != new_header.publication) return false;
  return new_header.updated.empty() || rewrite_dates(new_header.updated) == rewrite_dates(old_header.updated);
}

// A time zone's abbreviation as written after a clock: "GMT", "UTC", "HKT", "EDT", "CEST".
bool is_zone(std::string_view word) {
  if (word.size() < 2 || word.size() > 5 || word.back() != 'T') return word == "UTC";
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A page's publication stamp with its time of day: "Updated 1639 GMT (0039 HKT) June 14, 2021",
// "Published 10:32 AM ET, Mon June 14, 2021". A news site's template stamps its pages so, the
// terms among them (contrib replay: a news network's terms, such a stamp put above them hours
// after their change); a document's date of effect carries no clock.
bool is_clock_stamp(std::string_view text) {
  const std::vector<std::string> words = space_separated_words(text);
  bool clock = false;
  std::string rest;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    while (!word.empty() && (word.front() == '(')) word.erase(0, 1);
    while (!word.empty() && (word.back() == ')' || word.back() == ',')) word.pop_back();
    const bool zone_next = i + 1 < words.size() && is_zone(std::string_view(words[i + 1]).substr(0, words[i + 1].find_first_of("),")));
    if ((word.size() == 4 && all_ascii_digits(word) && zone_next) || (is_time_word(ascii_lower(word)) && word.find(':') != std::string::npos)) {
      clock = true;
      continue;
    }
    if (is_zone(word) || is_time_word(ascii_lower(word))) continue;
    (rest += words[i]) += ' ';
  }
  // "Last updated 09:00 UTC on March 3, 2026" dates the document itself (the third review's
  // find): only a stamp without "last" is a template's.
  if (!clock || ascii_lower(text).find("last") != std::string::npos) return false;
  // What is left is a date, with at most an update word before it.
  const std::vector<std::string> left = space_separated_words(canonicalize(rest, kFoldToWords | kFoldDateFormat));
  bool date = false;
  for (const std::string& word : left) {
    if (contains_iso_date(word)) {
      date = true;
      continue;
    }
    if (!is_one_of(word, {"updated", "published", "posted", "on", "at", "mon", "tue", "wed", "thu",
                          "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                          "sunday"}))
      return false;
  }
  return date;
}

// One line put in or taken off, alone: a clock stamp.
bool clock_stamp_alone(const Hunk& hunk) {
  return hunk.lines.size() == 1 && (hunk.old_lines == 0) != (hunk.new_lines == 0) &&
         is_clock_stamp(parse_block(hunk.lines[0].text).text);
}

constexpr std::size_t kDateWithinBlocks = 12;

// Whether the text names a date in one of its first blocks other than `skip` (0-based): the
// document dated elsewhere ("These Terms of Use were last updated on June 14, 2021.").
bool dated_elsewhere(const Text& text, std::size_t skip) {
  for (std::size_t i = 0; i < text.blocks.size() && i < kDateWithinBlocks; ++i)
    if (i != skip && !dates_named(text.blocks[i].text).empty()) return true;
  return false;
}

// Whether a hunk puts in or takes away a block that names a date.
bool moves_a_date(const Hunk& hunk) {
  return std::any_of(hunk.lines.begin(), hunk.lines.end(),
                     [](const LineOp& line) { return !dates_named(parse_block(line.text).text).empty(); });
}

}  // namespace

void mark_relative_stamps(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  // A clock stamp put on or taken off where the page dates itself elsewhere, and no other date
  // put in or taken away beside it: the page's only date line written with its time, or one
  // moved and changed, stays news (the fourth review's finds).
  // The other hunks' dates are read only on the rare change with such a stamp.
  Hunk* stamp = nullptr;
  std::size_t stamps = 0;
  for (Hunk& hunk : hunks)
    if (!hunk.cosmetic && clock_stamp_alone(hunk)) {
      stamp = &hunk;
      ++stamps;
    }
  if (stamps == 1 && std::none_of(hunks.begin(), hunks.end(), [&](const Hunk& hunk) {
        return &hunk != stamp && !hunk.cosmetic && moves_a_date(hunk);
      })) {
    const bool elsewhere = stamp->old_lines == 0 ? dated_elsewhere(after, stamp->new_start - 1)
                                                 : dated_elsewhere(before, stamp->old_start - 1);
    if (elsewhere) mark_cosmetic(*stamp, "date_stamp");
  }
  for (Hunk& hunk : hunks) {
    // A relative stamp put on or taken off alone ("Updated 27 days ago" above the text): it
    // names no date, and moves with the day the page is read (metamorphic bench: an alert on
    // every page). Beside other text, it stays what that text is.
    // So is a docs platform's stamp naming who saved the page ("Last updated on August 14, 2026
    // by docs-bot" under the text: metamorphic bench, an alert on 12 of 19 pages read whole): the
    // page's edit, by its editor, not a date the terms give; without its author it may be one.
    if (!hunk.cosmetic && hunk.lines.size() == 1 && (hunk.old_lines == 0 || hunk.new_lines == 0)) {
      const std::string alone = parse_block(hunk.lines[0].text).text;
      if (is_relative_stamp(alone) || is_authored_stamp(alone)) {
        mark_cosmetic(hunk, "date_stamp");
        continue;
      }
      // A help article's byline alone, put over it or taken off (metamorphic bench: "Written
      // by Sam Lee" over a help centre's article): who wrote the page, not what it says.
      if (is_written_by_line(alone)) {
        mark_cosmetic(hunk, "page_control");
        continue;
      }
    }
    if (hunk.cosmetic || hunk.lines.size() != 2 || hunk.lines[0].op != '-' || hunk.lines[1].op != '+') continue;
    const std::string& before = hunk.lines[0].text;
    const std::string& after = hunk.lines[1].text;
    const bool before_relative = is_relative_stamp(before), after_relative = is_relative_stamp(after);
    const bool stamp_aged = (before_relative || after_relative) && (before_relative || is_date_line(before)) &&
                            (after_relative || is_date_line(after));
    const bool saved_again = is_authored_stamp(before) && is_authored_stamp(after);
    // An article's header whose publication stamp stays: its update stamp or reading time
    // went (contrib replay: an exchange's terms on its help centre, "Updated on ... 48 min
    // read" dropped beside "Published on May 9, 2024"). A new date of publication stays news.
    if (stamp_aged || saved_again || header_restamped(before, after) || only_the_time_moved(before, after)) {
      hunk.cosmetic = true;
      hunk.cosmetic_kinds = {"date_stamp"};
    } else if (is_byline(before) && is_byline(after)) {
      hunk.cosmetic = true;  // who wrote the help article, not what it says
      hunk.cosmetic_kinds = {"page_control"};
    }
  }
}

}  // namespace tosdiff
