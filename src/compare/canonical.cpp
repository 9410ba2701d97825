#include "tosdiff/compare/canonical.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <optional>
#include <set>
#include <string>

#include "tosdiff/compare/counters.hpp"
#include "tosdiff/compare/link_annotations.hpp"
#include "tosdiff/compare/literal_markup.hpp"
#include "tosdiff/compare/numbering.hpp"
#include "tosdiff/compare/prose_links.hpp"
#include "tosdiff/compare/language_forms.hpp"
#include "tosdiff/compare/spelling.hpp"
#include "tosdiff/compare/pictographs.hpp"
#include "tosdiff/util/case_fold.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// ---- quotes and dashes ----------------------------------------------------------------

std::string fold_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_dashes = false;  // the character read last was a dash of any kind
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    const bool after_dash = in_dashes;
    in_dashes = false;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(s[i + 2]);
      // U+2010..U+2015 dashes, U+2018..U+201B single quotes, U+201C..U+201F double quotes,
      // U+2026 ellipsis, U+2032/U+2033 primes.
      if (d >= 0x90 && d <= 0x95) {
        if (!after_dash) out += '-';
        in_dashes = true;
        i += 3;
        continue;
      }
      if (d >= 0x98 && d <= 0x9B) { out += '\''; i += 3; continue; }
      if (d >= 0x9C && d <= 0x9F) { out += '"'; i += 3; continue; }
      if (d == 0xA6) { out += "..."; i += 3; continue; }
      if (d == 0xB2) { out += '\''; i += 3; continue; }
      if (d == 0xB3) { out += '"'; i += 3; continue; }
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x88 &&
        static_cast<unsigned char>(s[i + 2]) == 0x92) {  // U+2212 minus sign
      out += '-';
      i += 3;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d == 0xAB || d == 0xBB) { out += '"'; i += 2; continue; }  // « »
      if (d == 0xB4) { out += '\''; i += 2; continue; }              // acute accent as apostrophe
      // The registered sign as a typographer writes "(R)" (a red team's find: "Lumen(R)" made
      // "Lumen®" by a Markdown renderer was an alert).
      if (d == 0xAE) { out += "(R)"; i += 2; continue; }
    }
    // The trade and service marks likewise: "™" is "(TM)", "℠" is "(SM)".
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x84 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA2 || static_cast<unsigned char>(s[i + 2]) == 0xA0)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA2 ? "(TM)" : "(SM)";
      i += 3;
      continue;
    }
    // The modifier letter apostrophe (U+02BC), which some keyboards and editors type for one
    // (metamorphic bench: "OpenAIʼs" for "OpenAI’s" was an alert on every page).
    if (c == 0xCA && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) { out += '\''; i += 2; continue; }
    if (c == '`') { out += '\''; ++i; continue; }
    // A run of dashes however typed is one: a typewriter's "--" ("interest--if any--in"), "—-".
    if (c == '-') {
      if (!after_dash) out += '-';
      in_dashes = true;
      ++i;
      continue;
    }
    out += static_cast<char>(c);
    ++i;
  }
  return out;
}

// ---- whitespace ---------------------------------------------------------------------------

bool closes(char c) { return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']'; }
bool opens(char c) { return c == '(' || c == '['; }

// "Apple.lumenfield, not Apple, ..." and "our app.lumenfield is ..." are sentences glued to
// the next one that opens with a brand written in lower case: the dot at `dot` follows a word
// of 2 letters or more and precedes a word of more than 3 letters running to a space or a
// comma, with no other dot or slash in it and not a top-level domain ("example.com",
// "lumen.online/terms" stay hosts).
constexpr std::size_t kGluedWordMaxLetters = 20;

bool glued_to_a_lower_case_name(std::string_view s, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && is_ascii_letter(s[start - 1])) --start;
  // Words as written, not a comparison key's run of words without spaces (keys are joined and
  // folded again when blocks merge; a key's "i.e" must read the same on both sides).
  if (dot - start < 2 || dot - start > kGluedWordMaxLetters) return false;
  if (start > 0 && !is_ascii_space(s[start - 1]) && s[start - 1] != '(') return false;
  std::size_t end = dot + 1;
  while (end < s.size() && s[end] >= 'a' && s[end] <= 'z') ++end;
  if (end - dot - 1 <= 3 || end - dot - 1 > kGluedWordMaxLetters) return false;
  if (end < s.size() && !is_ascii_space(s[end]) && s[end] != ',') return false;
  return !is_long_top_level_domain(std::string(s.substr(dot + 1, end - dot - 1)));
}

// "participants.Climate" is "participants. Climate" with its space lost (a page re-laid out
// glued two paragraphs): a space goes after sentence punctuation between a lower-case letter
// (or a closing bracket or quote, or a letter beyond ASCII: "conformité.Les", "»).Ces") and
// a capitalized word. "U.S.Army", "e.g." and "example.com" are left as they are. A comma or
// a semicolon between two letters is always a lost space ("ci-après,conjointement"): no
// word is written with one inside (numbers, "1,500", are digits); so is a colon between two
// lower-case words ("services:to develop", a list's label glued to its text; contrib replay: a
// dating app's privacy policy re-laid out).
std::string split_glued_sentences(std::string_view s) {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto ends_a_sentence = [&](char c) {
    return lower(c) || static_cast<unsigned char>(c) >= 0x80 || c == ')' || c == ']' || c == '"';
  };
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    const char c = s[i];
    if (i == 0 || i + 2 >= s.size()) continue;
    if (((c == ',' || c == ';') && is_letter_byte(s[i - 1]) && is_letter_byte(s[i + 1])) ||
        (c == ':' && lower(s[i - 1]) && lower(s[i + 1]) && lower(s[i + 2]))) {
      out += ' ';
    } else if ((c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ',') && ends_a_sentence(s[i - 1]) &&
               ((upper(s[i + 1]) && lower(s[i + 2])) ||
                (c == '.' && lower(s[i - 1]) && glued_to_a_lower_case_name(s, i)))) {
      out += ' ';
    }
  }
  return out;
}

// Characters that show nothing a reader reads, at i: their length in bytes, or 0. Zero-width
// spaces and joiners, the word joiner, the byte-order mark and the soft hyphen are nothing
// (`pri\u00ADvacy` is `privacy`); a private-use character is an icon font's glyph, the icon
// a page puts before its headings or links (replay: a password manager's privacy policy, a
// glyph put before each of its 22 headings), read as a space.
std::size_t invisible_at(std::string_view s, std::size_t i, bool& spacing) {
  const auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  const unsigned b0 = byte(i), b1 = byte(i + 1), b2 = byte(i + 2);
  spacing = false;
  if (b0 == 0xC2 && b1 == 0xAD) return 2;
  // Zero-width space and joiners, and the marks that only steer a bidirectional text (LRM,
  // RLM and isolates: a red team's find, a localisation library wrapping a company's name in
  // them). Not an embedding or an override (U+202A to U+202E): "01$" overridden reads "$10".
  if (b0 == 0xE2 && b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8F) return 3;
  if (b0 == 0xE2 && b1 == 0x81 && (b2 == 0xA0 || (b2 >= 0xA1 && b2 <= 0xA4) || (b2 >= 0xA6 && b2 <= 0xA9))) return 3;
  if ((b0 == 0xD8 && b1 == 0x9C) || (b0 == 0xCD && b1 == 0x8F)) return 2;  // Arabic letter mark, grapheme joiner
  if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return 3;
  if ((b0 == 0xEE && b1 >= 0x80 && b1 <= 0xBF) || (b0 == 0xEF && b1 >= 0x80 && b1 <= 0xA3)) {
    if (b2 < 0x80 || b2 > 0xBF) return 0;
    spacing = true;
    return 3;
  }
  return 0;
}

std::string fold_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    bool spacing = false;
    if (const std::size_t invisible = static_cast<unsigned char>(c) >= 0xC2 ? invisible_at(s, i, spacing) : 0) {
      i += invisible - 1;
      if (spacing) pending = !out.empty();
      continue;
    }
    if (is_ascii_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending && !closes(c) && !(!out.empty() && opens(out.back()))) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

// ---- punctuation --------------------------------------------------------------------------

bool is_sentence_punct(char c) { return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?'; }

// "·" or "-" between spaces; the bullets that are pictographs ("•", "▪", "◦", "‣") are gone by
// then, with every other pictograph (drop_pictographs, the same step's first).
std::size_t lone_bullet_length(std::string_view s, std::size_t i) {
  if (i > 0 && !is_ascii_space(s[i - 1])) return 0;
  // A quote's marker before a list's ("> * Usage Data", a list quoted in Markdown and written
  // out: contrib replay, a music service's purposes table); "aged > 16" is a comparison.
  if (s[i] == '>') {
    std::size_t j = i;
    while (j + 1 < s.size() && s[j] == '>' && s[j + 1] == ' ') j += 2;  // "> > *": a quote in a quote
    if (j > i && j + 1 < s.size() && (s[j] == '*' || s[j] == '-') && s[j + 1] == ' ') return 1;
  }
  for (std::string_view glyph : {"\xC2\xB7", "-"})
    if (s.compare(i, glyph.size(), glyph) == 0 && (i + glyph.size() == s.size() || is_ascii_space(s[i + glyph.size()])))
      return glyph.size();
  return 0;
}

// Full-width punctuation (U+FF01..U+FF1F: "；", "：", "，", "（") and the ideographic
// comma and full stop as their ASCII marks: a page retyped by another editor (replay: a
// marketplace's seller terms, "Shop；" → "Shop;") says the same.
std::string fold_full_width_marks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    if (i + 2 < s.size() && b(i) == 0xEF && b(i + 1) == 0xBC && b(i + 2) >= 0x81 && b(i + 2) <= 0x9F) {
      const char ascii = static_cast<char>(b(i + 2) - 0x60);  // U+FF01 '！' -> '!'
      if (std::ispunct(static_cast<unsigned char>(ascii))) {
        out += ascii;
        i += 2;
        continue;
      }
    }
    if (i + 2 < s.size() && b(i) == 0xE3 && b(i + 1) == 0x80 && (b(i + 2) == 0x81 || b(i + 2) == 0x82)) {
      out += b(i + 2) == 0x81 ? ',' : '.';
      i += 2;
      continue;
    }
    // A bullet or a hyphen standing alone, as text ("• Added Exhibit E", "- Added Exhibit E",
    // "Policy; • Cookies Policy"), is a list's marker written out: no wording of its own, there
    // or not (replay: an internet company's terms dropped the bullets of its list of policies).
    const std::size_t bullet = lone_bullet_length(s, i);
    if (bullet > 0) {
      i += bullet - 1;
      continue;
    }
    out += s[i];
  }
  return out;
}

// Drops sentence punctuation at word ends (before a space or the end of the block), so
// "Updated: May 6" and "Updated May 6" are equal but "1.5" and "15" are not.
std::string fold_punctuation(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (is_sentence_punct(c)) {
      std::size_t j = i;
      while (j < s.size() && is_sentence_punct(s[j])) ++j;
      bool at_word_end = j == s.size() || is_ascii_space(s[j]) || s[j] == ')' || s[j] == '"' ||
                         s[j] == '\'';
      if (at_word_end) {
        i = j - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

// The length of a plural or suffix in brackets glued to a word at `i` ("(s)" in "user(s)",
// "(es)"), whose brackets go without leaving a space; 0 otherwise.
std::size_t bracketed_suffix_length(std::string_view s, std::size_t i) {
  if (i == 0 || !is_ascii_letter(s[i - 1]) || s[i] != '(') return 0;
  std::size_t k = i + 1;
  while (k < s.size() && k - i <= 3 && s[k] >= 'a' && s[k] <= 'z') ++k;
  if (k == i + 1 || k >= s.size() || s[k] != ')') return 0;
  if (k + 1 < s.size() && is_ascii_letter(s[k + 1])) return 0;
  return k + 1 - i;
}

// The length of a footnote's marker glued to the word before it at `i` ("addresses[28]",
// "account[3]." in a printable version that numbers its links, "cover? [1]"); 0 otherwise.
std::size_t footnote_marker_length(std::string_view s, std::size_t i) {
  if (i == 0 || s[i] != '[') return 0;
  // Glued to its word, or after a space that ends a sentence or a question ("cover? [1]").
  if (is_ascii_space(s[i - 1]) && !(i >= 2 && (s[i - 2] == '?' || s[i - 2] == '.' || s[i - 2] == '!'))) return 0;
  std::size_t k = i + 1;
  while (k < s.size() && k - i <= 3 && is_ascii_digit(s[k])) ++k;
  if (k == i + 1 || k >= s.size() || s[k] != ']') return 0;
  return k + 1 - i;
}

// Brackets, double quotes, apostrophes at word edges, footnote markers, stray markup marks
// ("*" or Markdown's emphasis "_" at a word's edge, ">" before a word) and lone permalink marks ("#", "¶") carry no
// wording of their own: a stray ")" removed, a defined term losing its quotes, a heading
// gaining an anchor link "#" say the same thing. A bracket separates words ("example.com(the" reads "example.com (the");
// a bracketed suffix does not ("user(s)" reads "users"). An apostrophe inside a word stays
// ("don't"), and so does "*" or "_" between letters or digits ("5*3", "user_id").
std::string fold_marks(std::string_view s) {
  auto letter = [&](std::size_t k) { return k < s.size() && is_letter_byte(s[k]); };
  auto alnum = [&](std::size_t k) { return k < s.size() && (is_ascii_letter(s[k]) || is_ascii_digit(s[k])); };
  auto edge = [&](std::size_t k) { return k >= s.size() || is_ascii_space(s[k]); };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (const std::size_t marker = footnote_marker_length(s, i)) {
      i += marker - 1;
      continue;
    }
    if (const std::size_t suffix = bracketed_suffix_length(s, i)) {
      out.append(s.substr(i + 1, suffix - 2));
      i += suffix - 1;
      continue;
    }
    if (c == '(' || c == ')' || c == '[' || c == ']') {
      if (!out.empty() && !is_ascii_space(out.back()) && !edge(i + 1)) out += ' ';
      continue;
    }
    if (c == '"') continue;
    // A run of underscores with no letter on either side is a blank to fill in ("pay ____ per
    // month"), not emphasis.
    if (c == '_') {
      std::size_t first = i, last = i;
      while (first > 0 && s[first - 1] == '_') --first;
      while (last + 1 < s.size() && s[last + 1] == '_') ++last;
      const bool blank = last > first && !(first > 0 && alnum(first - 1)) && !alnum(last + 1);
      if (!blank && !(i > 0 && alnum(i - 1) && alnum(i + 1))) continue;
    }
    if (c == '*' && !(i > 0 && alnum(i - 1) && alnum(i + 1))) continue;
    if (c == '>' && (i == 0 || is_ascii_space(s[i - 1])) && letter(i + 1)) continue;
    if (c == '\'') {  // a run of them is one ("entity''s" is a typo of "entity's")
      std::size_t run = i;
      while (run < s.size() && s[run] == '\'') ++run;
      if (i > 0 && letter(i - 1) && letter(run)) out += '\'';
      i = run - 1;
      continue;
    }
    const bool starts_token = i == 0 || is_ascii_space(s[i - 1]);
    // A lone mark goes with the space before it, so the text reads as if it never was.
    if (starts_token && c == '#') {  // "#", or a Markdown heading mark "###" left in the page
      std::size_t run = i;
      while (run < s.size() && s[run] == '#') ++run;
      if (run - i <= 6 && edge(run)) {
        if (!out.empty() && is_ascii_space(out.back())) out.pop_back();
        i = run - 1;
        continue;
      }
    }
    if (starts_token && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xB6' && edge(i + 2)) {
      if (!out.empty() && is_ascii_space(out.back())) out.pop_back();
      ++i;
      continue;
    }
    out += c;
  }
  // A permalink glued to a heading's last word ("Retention#") ends the block; only then do
  // the spaces before it go (trailing spacing alone is the whitespace step's).
  std::size_t end = out.size();
  while (end > 0 && is_ascii_space(out[end - 1])) --end;
  bool mark = false;
  for (;;) {
    if (end > 0 && out[end - 1] == '#') {
      end -= 1;
    } else if (end >= 2 && out.compare(end - 2, 2, "\xC2\xB6") == 0) {
      end -= 2;
    } else {
      break;
    }
    mark = true;
  }
  if (mark) {
    while (end > 0 && is_ascii_space(out[end - 1])) --end;
    out.resize(end);
  }
  return out;
}

// A heading's tag name left at the start of its text ("h2 How to set cookies") is markup, as
// a Markdown mark is: written in lower case, then words. Before the case is folded: "H2 fuel
// cells" is a word.
std::string drop_heading_tag_name(std::string s) {
  if (s.size() > 3 && s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && s[2] == ' ' && is_ascii_letter(s[3])) s.erase(0, 3);
  return s;
}

// ---- serial commas ------------------------------------------------------------------------

// "A, B, and C" reads as "A, B and C": the comma before a list's last "and"/"or".
std::string drop_serial_commas(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' && i + 1 < s.size() && is_ascii_space(s[i + 1])) {
      std::size_t w = i + 1;
      while (w < s.size() && is_ascii_space(s[w])) ++w;
      auto word_is = [&](std::string_view word) {
        if (w + word.size() > s.size()) return false;
        for (std::size_t k = 0; k < word.size(); ++k)
          if (ascii_lower(s[w + k]) != word[k]) return false;
        return w + word.size() == s.size() || !is_ascii_letter(s[w + word.size()]);
      };
      if (word_is("and") || word_is("or")) continue;
    }
    out += s[i];
  }
  return out;
}

// ---- date labels ------------------------------------------------------------------------

}  // namespace

bool is_iso_date_at(std::string_view s, std::size_t i) {
  if (i + 10 > s.size()) return false;
  for (std::size_t k = 0; k < 10; ++k) {
    const bool dash = k == 4 || k == 7;
    if (dash ? s[i + k] != '-' : !is_ascii_digit(s[i + k])) return false;
  }
  return (i == 0 || (!is_ascii_digit(s[i - 1]) && s[i - 1] != '-')) &&
         (i + 10 == s.size() || !is_ascii_digit(s[i + 10]));
}

std::vector<std::string> comparison_keys(const Text& text) {
  std::vector<std::string> keys;
  keys.reserve(text.blocks.size());
  for (const Block& block : text.blocks) keys.push_back(comparison_key(block.text));
  return keys;
}

bool contains_iso_date(std::string_view s) {
  for (std::size_t i = 0; i + 10 <= s.size(); ++i)
    if (is_iso_date_at(s, i)) return true;
  return false;
}

namespace {

// Labels a page puts before its date of update or effect. Longest first: the first that
// ends where the date's separators begin is dropped.
constexpr std::string_view kDateLabels[] = {
    "date of last revision", "date of last update", "date of last modification",
    "last updated on", "last modified on", "last revised on", "last amended on",
    "effective as of", "in effect as of", "in effect from", "in force from", "in force since",
    "entered into force on", "effective date", "effective from", "effective on", "last updated",
    "last modified", "last revised", "last amended", "last update", "last change", "valid from",
    "valid as of", "version date", "updated on", "revised on", "published on", "amended on",
    "effective", "updated", "revised", "modified", "amended", "published", "dated", "as of",
    "version", "date",
    // The languages tosdiff reads, longest first where one ends another; the word joining the
    // label to its date ("le", "am", "el", "em", "dal", "op") with it. A capital accented letter
    // is not lowered (ascii_lower): both forms.
    "date de derni\xC3\xA8re mise \xC3\xA0 jour", "derni\xC3\xA8re mise \xC3\xA0 jour le",
    "derni\xC3\xA8re mise \xC3\xA0 jour", "derni\xC3\xA8re modification", "mise \xC3\xA0 jour le",
    "mis \xC3\xA0 jour le", "mise \xC3\xA0 jour", "mis \xC3\xA0 jour", "en vigueur \xC3\xA0 compter du",
    "date d'entr\xC3\xA9" "e en vigueur", "en vigueur depuis le", "en vigueur le", "en vigueur au", "en vigueur",
    "date d'effet", "applicable \xC3\xA0 compter du", "applicable depuis le", "version du", "modifi\xC3\xA9" "e le",
    "modifi\xC3\xA9 le", "publi\xC3\xA9" "e le", "publi\xC3\xA9 le",
    "zuletzt aktualisiert am", "zuletzt aktualisiert", "zuletzt ge\xC3\xA4ndert am", "zuletzt ge\xC3\xA4ndert",
    "letzte aktualisierung", "letzte \xC3\xA4nderung", "letzte \xC3\x84nderung", "aktualisiert am", "g\xC3\xBCltig ab",
    "in kraft seit", "in kraft ab", "wirksam ab", "stand vom", "stand", "datum",
    "fecha de \xC3\xBAltima actualizaci\xC3\xB3n", "\xC3\xBAltima actualizaci\xC3\xB3n", "\xC3\x9Altima actualizaci\xC3\xB3n",
    "\xC3\xBAltima modificaci\xC3\xB3n", "\xC3\x9Altima modificaci\xC3\xB3n", "fecha de entrada en vigor",
    "en vigor desde el", "vigente desde el", "actualizado el", "actualizada el", "actualizado", "actualizada",
    "fecha de vigencia",
    "data di ultimo aggiornamento", "ultimo aggiornamento", "aggiornato il", "aggiornata il", "aggiornato al",
    "data di entrata in vigore", "in vigore dal", "ultima modifica", "efficace dal",
    "laatst bijgewerkt op", "laatst bijgewerkt", "bijgewerkt op", "laatste wijziging", "laatst gewijzigd op",
    "laatst gewijzigd", "van kracht vanaf", "ingangsdatum", "geldig vanaf",
    "\xC3\xBAltima atualiza\xC3\xA7\xC3\xA3o", "\xC3\x9Altima atualiza\xC3\xA7\xC3\xA3o", "atualizado em",
    "atualizada em", "em vigor desde", "em vigor a partir de", "data de vig\xC3\xAAncia", "vigente a partir de",
    "data ostatniej aktualizacji", "ostatnia aktualizacja", "obowi\xC4\x85zuje od", "zaktualizowano",
    "data wej\xC5\x9B" "cia w \xC5\xBCycie"};

bool label_ends_at(std::string_view s, std::size_t end, std::string_view label) {
  if (end < label.size()) return false;
  const std::size_t start = end - label.size();
  for (std::size_t k = 0; k < label.size(); ++k)
    if (ascii_lower(s[start + k]) != label[k]) return false;
  return start == 0 || !is_ascii_letter(s[start - 1]);
}

// "Effective: 2026-03-03" and "2026-03-03" read the same: a label added or removed before
// an unchanged date (after rewrite_dates) is only the form of the date line.
std::string drop_date_labels(std::string_view s) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_iso_date_at(s, i)) continue;
    std::size_t end = i;
    while (end > copied && (is_ascii_space(s[end - 1]) || s[end - 1] == ':' || s[end - 1] == '-' ||
                            s[end - 1] == ','))
      --end;
    for (std::string_view label : kDateLabels) {
      if (end < copied + label.size() || !label_ends_at(s, end, label)) continue;
      std::size_t start = end - label.size();
      while (start > copied && is_ascii_space(s[start - 1])) --start;
      out.append(s.substr(copied, start - copied));
      if (!out.empty()) out += ' ';
      copied = i;
      break;
    }
    i += 9;
  }
  out.append(s.substr(copied));
  return out;
}

}  // namespace

std::string canonicalize(std::string_view text, unsigned steps) {
  std::string s(text);
  if ((steps & kFoldMarkup) && s.find_first_of("<&") != std::string::npos) s = decode_literal_entities(drop_literal_tags(s));
  if ((steps & kFoldMarkup) && s.find("##") != std::string::npos) s = drop_written_heading_marks(s);
  // An underline is the line's last word: one look at its end, not a search of every key.
  if (steps & kFoldMarkup) {
    const std::size_t last = s.find_last_not_of(' ');
    if (last != std::string::npos && (s[last] == '=' || s[last] == '-')) s = drop_written_underlines(s);
  }
  // Before numbering reads "z. B." as an item "B." and sentences glued at "Nutzer:innen" are split.
  if (steps & kFoldSpelling) s = fold_other_abbreviations(fold_inclusive_forms(s));
  if (steps & kFoldPunctuation) s = drop_pictographs(s);  // before numbering: "• (a)" is "(a)"
  if (steps & kFoldLinkAnnotation) s = drop_link_annotations(s);
  if (steps & kFoldLinkTarget) s = fold_prose_urls(fold_links(fold_hidden_emails(s)));
  if (steps & kFoldCounter) s = fold_counters(s);
  if (steps & kFoldHeadingTag) s = drop_heading_tag_name(std::move(s));
  if (steps & kFoldWhitespace) s = split_glued_sentences(s);
  if (steps & kFoldQuotes) s = fold_quotes(s);
  if (steps & kFoldDateFormat) s = drop_date_labels(rewrite_dates(s));
  if (steps & kFoldNumbering) s = strip_numbering(s);
  if ((steps & kFoldSpelling) && s.find('\xC3') != std::string::npos) s = drop_accents_of_capitals(s);
  if (steps & kFoldCase) s = fold_letter_case(s);
  if (steps & kFoldSpelling) s = fold_accents(fold_ampersands(fold_renamed_laws(drop_serial_commas(drop_inner_apostrophes(fold_spelling_variants(expand_contractions(fold_email_terms(fold_latin_abbreviations(s)))))))));
  if (steps & kFoldPunctuation) s = fold_punctuation(fold_marks(fold_full_width_marks(s)));
  if (steps & kFoldWhitespace) s = fold_whitespace(s);
  if (steps & kFoldSpelling) s = join_compounds(s);
  return s;
}

std::vector<std::string> cosmetic_kinds(std::string_view a, std::string_view b) {
  static constexpr std::array<std::pair<CanonicalStep, const char*>, 12> steps = {{
      {kFoldWhitespace, "whitespace"},
      {kFoldQuotes, "quotes"},
      {kFoldCase, "case"},
      {kFoldPunctuation, "punctuation"},
      {kFoldDateFormat, "date_format"},
      {kFoldNumbering, "numbering"},
      {kFoldLinkTarget, "link_target"},
      {kFoldSpelling, "spelling"},
      {kFoldCounter, "counter"},
      {kFoldHeadingTag, "punctuation"},
      {kFoldMarkup, "markup"},
      {kFoldLinkAnnotation, "page_control"},
  }};
  std::vector<std::string> kinds;
  if (a == b) return kinds;
  for (const auto& [step, name] : steps) {
    unsigned without = kFoldAll & ~static_cast<unsigned>(step);
    if (canonicalize(a, without) != canonicalize(b, without) && std::find(kinds.begin(), kinds.end(), name) == kinds.end())
      kinds.push_back(name);
  }
  // Differences that several steps each explain alone (rare): name them all.
  if (kinds.empty()) {
    for (const auto& [step, name] : steps) {
      const unsigned alone = static_cast<unsigned>(step) | kFoldWhitespace;
      if (canonicalize(a, alone) == canonicalize(b, alone) && std::find(kinds.begin(), kinds.end(), name) == kinds.end())
        kinds.push_back(name);
    }
  }
  return kinds;
}

}  // namespace tosdiff
