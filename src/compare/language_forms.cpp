#include "tosdiff/compare/language_forms.hpp"

#include <algorithm>
#include <iterator>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// The base capital of each of Latin-1's capitals, U+00C0..U+00DE ('*': not a letter's).
constexpr std::string_view kLatin1Capitals = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYT";

// Whether the word around `i` is written in capitals all through (a lone capital too: "À", no
// lower-case one: ASCII, Latin-1's U+00DF..U+00FF, Latin Extended-A's odd code points).
bool in_a_word_of_capitals(std::string_view text, std::size_t i) {
  const auto latin = [&](std::size_t k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    return (c >= 0xC3 && c <= 0xC5) && k + 1 < text.size();
  };
  const auto lower_case = [&](std::size_t k) {
    const unsigned char c = static_cast<unsigned char>(text[k]), d = static_cast<unsigned char>(text[k + 1]);
    return c == 0xC3 ? d >= 0x9F : (((c - 0xC4) * 64 + (d - 0x80)) % 2) == 1;
  };
  std::size_t start = i;
  while (start > 0 && (is_ascii_letter(text[start - 1]) ||
                       (start >= 2 && static_cast<unsigned char>(text[start - 1]) >= 0x80 && latin(start - 2))))
    start -= is_ascii_letter(text[start - 1]) ? 1 : 2;
  std::size_t letters = 0;
  for (std::size_t k = start; k < text.size();) {
    if (is_ascii_letter(text[k])) {
      if (text[k] >= 'a' && text[k] <= 'z') return false;
      ++letters, ++k;
    } else if (latin(k)) {
      if (lower_case(k)) return false;
      ++letters, k += 2;
    } else {
      break;
    }
  }
  return letters >= 1;
}

}  // namespace

std::string without_accents(std::string_view word) {
  // U+00C0..U+00FF, by the second byte of their UTF-8 form (C3 80..BF); '*' for × and ÷.
  static constexpr std::string_view kBase = "aaaaaaaceeeeiiiidnooooo*ouuuuypsaaaaaaaceeeeiiiidnooooo*ouuuuypy";
  std::string out;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    const auto d = i + 1 < word.size() ? static_cast<unsigned char>(word[i + 1]) : 0u;
    if (c == 0xC3 && d >= 0x80 && d <= 0xBF && kBase[d - 0x80] != '*') {
      out += kBase[d - 0x80];
      ++i;
    } else {
      out += word[i];
    }
  }
  return out;
}

std::string drop_accents_of_capitals(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const unsigned char d = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    // Latin-1's capitals, U+00C0..U+00DE but the multiplication sign, the umlauts and the
    // letters of their own (Æ, Ð, Ø, Þ).
    const bool accented_capital = c == 0xC3 && d >= 0x80 && d <= 0x9D && d != 0x97 && d != 0x84 && d != 0x96 &&
                                  d != 0x9C && d != 0x86 && d != 0x90 && d != 0x98;
    if (accented_capital && in_a_word_of_capitals(text, i)) {
      out += kLatin1Capitals[d - 0x80];
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string fold_other_abbreviations(std::string_view text) {
  // Each written form (lower case), what it reads as. Longest first within a reading; one
  // reading each (not "u. a.": "unter anderem" or "und andere").
  struct Form {
    std::string_view form, reading;
  };
  static constexpr Form kForms[] = {
      {"zum beispiel", "zb"}, {"z. b.", "zb"}, {"z.b.", "zb"},
      {"das hei\xC3\x9Ft", "dh"}, {"d. h.", "dh"}, {"d.h.", "dh"},
      {"beziehungsweise", "bzw"}, {"bzw.", "bzw"},
      {"gegebenenfalls", "ggf"}, {"ggf.", "ggf"},
      {"und so weiter", "usw"}, {"usw.", "usw"},
      {"inklusive", "inkl"}, {"inkl.", "inkl"},
      {"par exemple", "pex"}, {"por exemplo", "pex"}, {"p. ex.", "pex"}, {"p.ex.", "pex"},
      {"c'est-\xC3\xA0-dire", "cad"}, {"c\xE2\x80\x99" "est-\xC3\xA0-dire", "cad"}, {"c.-\xC3\xA0-d.", "cad"},
      {"c-\xC3\xA0-d", "cad"},
      {"por ejemplo", "pej"}, {"p. ej.", "pej"}, {"p.ej.", "pej"},
      {"ad esempio", "ades"}, {"ad es.", "ades"},
      {"bijvoorbeeld", "bijv"}, {"bijv.", "bijv"},
      {"dat wil zeggen", "dwz"}, {"d.w.z.", "dwz"},
      {"na przyk\xC5\x82" "ad", "np"}, {"np.", "np"}};
  // Every block's key comes here: a look for the forms' letters first.
  // Not "." alone: nearly every key has a full stop, and this runs on every key.
  static constexpr std::string_view kHints[] = {
      "z.", "Z.", "d. h", "d.h", "D. h", "D.h", "bzw", "Bzw", "ggf", "Ggf", "usw", "Usw", "inkl", "Inkl", "p. e", "p.e",
      "P. e", "P.e", "c.-", "C.-", "-\xC3\xA0-d", "ad es", "Ad es", "bijv", "Bijv", "d.w.z", "D.w.z", "np.", "Np.",
      "eispiel", "hei\xC3\x9Ft", "weise", "enenfalls", "so weiter", "klusive", "exempl", "ejemplo", "esempio",
      "voorbeeld", "wil zeggen", "przyk\xC5\x82", "-dire"};
  if (std::none_of(std::begin(kHints), std::end(kHints),
                   [&](std::string_view hint) { return text.find(hint) != std::string_view::npos; }))
    return std::string(text);
  std::string out;
  out.reserve(text.size());
  const auto word_byte = [&](std::size_t k) {
    return k < text.size() && (is_ascii_letter(text[k]) || static_cast<unsigned char>(text[k]) >= 0x80);
  };
  for (std::size_t i = 0; i < text.size();) {
    bool folded = false;
    if (!word_byte(i - (i > 0 ? 1 : 0)) || i == 0) {
      for (const auto& [form, reading] : kForms) {
        if (i + form.size() > text.size() || !equals_ignoring_case(text.substr(i, form.size()), form)) continue;
        if (word_byte(i + form.size()) && form.back() != '.') continue;  // "beispielhaft"
        out += reading;
        i += form.size();
        folded = true;
        break;
      }
    }
    if (!folded) out += text[i++];
  }
  return out;
}

std::string fold_inclusive_forms(std::string_view text) {
  // German: "Nutzer*innen", "Nutzer:innen", "Nutzer_innen", "NutzerInnen", "Nutzer/-innen",
  // "Jede*r"; French: "utilisateur\u00B7rice\u00B7s", "inform\u00E9\u00B7e\u00B7s".
  const bool german = text.find("innen") != std::string_view::npos || text.find("Innen") != std::string_view::npos ||
                      text.find("*in") != std::string_view::npos || text.find(":in") != std::string_view::npos ||
                      text.find("*r") != std::string_view::npos || text.find(":r") != std::string_view::npos ||
                      text.find("/r") != std::string_view::npos;
  const bool french = text.find("\xC2\xB7") != std::string_view::npos;
  if (!german && !french) return std::string(text);
  const auto letter_at = [&](std::size_t k) {
    return k < text.size() && (is_ascii_letter(text[k]) || static_cast<unsigned char>(text[k]) >= 0xC3);
  };
  const auto ends_word = [&](std::size_t k) { return k >= text.size() || !(is_ascii_letter(text[k]) || static_cast<unsigned char>(text[k]) >= 0x80); };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const bool after_letter = i > 0 && (is_ascii_letter(text[i - 1]) || static_cast<unsigned char>(text[i - 1]) >= 0x80);
    if (after_letter) {
      // German: a mark (or none, before a capital I) and "in"/"innen"; "*r" after "Jede".
      std::size_t k = i;
      if (text[k] == '*' || text[k] == ':' || text[k] == '_') ++k;
      else if (text.substr(k, 2) == "/-") k += 2;
      else if (text[k] == '/') ++k;
      const bool marked = k > i;
      const std::string_view rest = text.substr(k);
      std::size_t suffix = 0;
      if ((marked && (rest.substr(0, 5) == "innen" || rest.substr(0, 5) == "Innen")) || (!marked && rest.substr(0, 5) == "Innen"))
        suffix = 5;
      else if ((marked && (rest.substr(0, 2) == "in" || rest.substr(0, 2) == "In")) || (!marked && rest.substr(0, 2) == "In" && ends_word(k + 2)))
        suffix = 2;
      else if (marked && text[i] != '_' && rest.substr(0, 1) == "r" && ends_word(k + 1))
        suffix = 1;
      if (suffix > 0 && ends_word(k + suffix)) {
        if (suffix == 1) out += 'r';  // "Jede*r" is "Jeder"
        i = k + suffix;
        continue;
      }
      // French: "·rice", "·trice", "·e", "·ne", "·le", "·se", then "·s" or "s" for the plural.
      if (text.substr(i, 2) == "\xC2\xB7" && letter_at(i + 2)) {
        std::size_t j = i;
        bool plural = false, read = false;
        while (text.substr(j, 2) == "\xC2\xB7") {
          std::size_t end = j + 2;
          while (end < text.size() && is_ascii_letter(text[end])) ++end;
          std::string part(text.substr(j + 2, end - j - 2));
          for (char& c : part) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
          if (!part.empty() && part.back() == 's' && part != "s") {
            plural = true;
            part.pop_back();
          }
          if (part == "s" || part == "x") {
            plural = true;
          } else if (part != "e" && part != "rice" && part != "trice" && part != "ne" && part != "le" && part != "se" &&
                     part != "te" && part != "euse" && part != "ve") {
            break;
          }
          read = true;
          j = end;
        }
        if (read && ends_word(j)) {
          if (plural) out += 's';
          i = j;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace tosdiff
