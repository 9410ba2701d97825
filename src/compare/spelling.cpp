#include "tosdiff/compare/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tosdiff/compare/mojibake.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

bool ends_with(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// Whole words, British form first. Inflections are listed where the rules below do not
// reach them.
constexpr std::pair<std::string_view, std::string_view> kWordVariants[] = {
    {"licence", "license"}, {"licences", "licenses"}, {"licenced", "licensed"},
    {"defence", "defense"}, {"defences", "defenses"}, {"offence", "offense"},
    {"offences", "offenses"}, {"pretence", "pretense"}, {"practise", "practice"},
    {"practised", "practiced"}, {"practises", "practices"}, {"practising", "practicing"},
    {"programme", "program"}, {"programmes", "programs"}, {"judgement", "judgment"},
    {"judgements", "judgments"}, {"acknowledgement", "acknowledgment"},
    {"acknowledgements", "acknowledgments"}, {"ageing", "aging"}, {"grey", "gray"},
    {"enquiry", "inquiry"}, {"enquiries", "inquiries"}, {"artefact", "artifact"},
    {"artefacts", "artifacts"}, {"sceptical", "skeptical"}, {"aluminium", "aluminum"},
    {"manoeuvre", "maneuver"}, {"learnt", "learned"}, {"enrol", "enroll"}, {"enrols", "enrolls"},
    {"enrolment", "enrollment"}, {"enrolments", "enrollments"}, {"fulfil", "fulfill"},
    {"fulfils", "fulfills"}, {"fulfilment", "fulfillment"}, {"instalment", "installment"},
    {"instalments", "installments"}, {"skilful", "skillful"}, {"wilful", "willful"},
    {"wilfully", "willfully"}, {"jewellery", "jewelry"}, {"cancelled", "canceled"},
    {"cancelling", "canceling"}, {"labelled", "labeled"}, {"labelling", "labeling"},
    {"modelled", "modeled"}, {"modelling", "modeling"}, {"travelled", "traveled"},
    {"travelling", "traveling"}, {"traveller", "traveler"}, {"travellers", "travelers"},
    {"counselling", "counseling"}, {"counsellor", "counselor"}, {"signalled", "signaled"},
    {"signalling", "signaling"}, {"fuelled", "fueled"}, {"levelled", "leveled"},
    {"channelled", "channeled"}, {"dialled", "dialed"}, {"dialling", "dialing"}, {"totalled", "totaled"},
    {"totalling", "totaling"}, {"counselled", "counseled"}, {"focussed", "focused"}, {"focussing", "focusing"},
    {"benefitted", "benefited"}, {"benefitting", "benefiting"}, {"instil", "instill"}, {"marvellous", "marvelous"},
    // The same word without its British "-st" or "-s" ("whilst" is "while" in a clause, never
    // "a while"; "forwards" is left out: a verb too). Not "speciality": in English law a
    // "specialty" is a deed (a review's find).
    {"whilst", "while"}, {"amongst", "among"}, {"towards", "toward"}, {"afterwards", "afterward"},
    {"upwards", "upward"}, {"downwards", "downward"}, {"backwards", "backward"}, {"onwards", "onward"},
    {"burnt", "burned"}, {"dreamt", "dreamed"},
    {"aeroplane", "airplane"}, {"aeroplanes", "airplanes"}, {"plough", "plow"}, {"mould", "mold"},
    {"cosy", "cozy"}, {"sulphur", "sulfur"},
    // Health and medicine's "ae" and "oe" (a health insurer's or a clinic's policy).
    {"paediatric", "pediatric"}, {"paediatrician", "pediatrician"}, {"paediatrics", "pediatrics"},
    {"orthopaedic", "orthopedic"}, {"anaesthesia", "anesthesia"}, {"anaesthetic", "anesthetic"},
    {"anaemia", "anemia"}, {"leukaemia", "leukemia"}, {"haemophilia", "hemophilia"}, {"diarrhoea", "diarrhea"},
    {"oestrogen", "estrogen"}, {"foetus", "fetus"}, {"foetal", "fetal"}, {"gynaecology", "gynecology"},
    {"gynaecological", "gynecological"}, {"encyclopaedia", "encyclopedia"},
};

// Stems whose British "-our" is American "-or", with whatever follows ("favourite",
// "honourable", "behaviours"). A list, not a rule: "your", "four", "hour" and "our" are
// other words.
constexpr std::string_view kOurStems[] = {
    "colour", "honour", "favour", "labour", "behaviour", "neighbour", "harbour", "endeavour",
    "flavour", "rumour", "humour", "vigour", "armour", "odour", "savour", "parlour", "valour",
    "vapour", "clamour", "tumour", "saviour", "splendour", "rancour", "candour", "ardour",
    "fervour", "demeanour"};

// "-ise" → "-ize" ("authorise", "organisation", "recognised"), "-yse" → "-yze" ("analyse").
// The stem before it must have three letters or more: "rise", "wise" and "raise" stay.
std::string fold_ise(const std::string& word) {
  static constexpr std::string_view endings[] = {"isations", "isation", "isers", "ising", "ised", "ises",
                                                 "iser", "isable", "ise", "ysed", "yses", "ysing", "yse"};
  for (std::string_view ending : endings) {
    if (!ends_with(word, ending) || word.size() - ending.size() < 3) continue;
    std::string out = word;
    out[word.size() - ending.size() + 1] = 'z';  // the 's' after 'i' or 'y'
    return out;
  }
  return word;
}

std::string fold_word(const std::string& lower) {
  for (const auto& [british, american] : kWordVariants)
    if (lower == british) return std::string(american);
  for (std::string_view stem : kOurStems) {
    if (lower.compare(0, stem.size(), stem) != 0) continue;
    std::string out = lower;
    out.erase(stem.size() - 2, 1);  // "colour..." → "color..."
    return out;
  }
  // "centre", "fibre", "metre", "theatre" and their plurals.
  for (std::string_view ending : {std::string_view("tre"), std::string_view("tres"),
                                  std::string_view("bre"), std::string_view("bres")}) {
    if (!ends_with(lower, ending) || lower.size() < 5) continue;
    std::string out = lower;
    const std::size_t at = lower.size() - ending.size() + 1;  // "re" → "er"
    std::swap(out[at], out[at + 1]);
    return out;
  }
  // "catalogue", "dialogue", "analogue".
  if (lower.size() >= 7 && (ends_with(lower, "ogue") || ends_with(lower, "ogues")))
    return lower.substr(0, lower.rfind("ogue") + 2) + (ends_with(lower, "s") ? "s" : "");
  return fold_ise(lower);
}

// The words that point into a legal text and their abbreviations, before a number: "article
// 17" is "art. 17" ("Art. 17 DSGVO"), "section 5" is "sec. 5", "paragraph 3" is "para. 3"
// or "par. 3", "Absatz 2" is "Abs. 2". Each is read as its short form. Not "§": a section in
// one country, a paragraph in another.
constexpr std::pair<std::string_view, std::string_view> kReferenceWords[] = {
    {"article", "art"}, {"artikel", "art"}, {"art", "art"},     {"section", "sec"}, {"sec", "sec"},
    {"paragraph", "para"}, {"para", "para"}, {"par", "para"}, {"absatz", "abs"},  {"abs", "abs"},
    // Italian, Spanish, Portuguese, Polish (a red team's find: "dell'art. 13" / "dell'articolo 13").
    {"articolo", "art"}, {"art\xC3\xAD" "culo", "art"}, {"artigo", "art"}, {"artyku\xC5\x82", "art"},
    {"artyku\xC5\x82u", "art"}, {"artyku\xC5\x82" "em", "art"}};

// The short form of `lower` when the text after it (from `after`) is an optional full stop,
// optional spaces and a digit; "" otherwise. `end` is set past the stop and the spaces.
std::string_view reference_word(std::string_view lower, std::string_view text, std::size_t after, std::size_t& end) {
  // The number first: every word of every key comes here, and few are followed by one.
  std::size_t k = after;
  if (k < text.size() && text[k] == '.') ++k;
  while (k < text.size() && text[k] == ' ') ++k;
  if (k >= text.size() || !is_ascii_digit(text[k])) return {};
  std::string_view short_form;
  for (const auto& [word, abbreviation] : kReferenceWords)
    if (lower == word) short_form = abbreviation;
  if (short_form.empty() || (k == after && lower.size() > short_form.size())) return {};
  end = k;
  return short_form;
}

}  // namespace

std::string fold_email_terms(std::string_view text) {
  // Longest first: "adresse de courriel" before "courriel". The plural of the address's name
  // is its first word's ("adresses e-mail"); a plural "s" after the last word is taken below.
  static constexpr std::string_view kTerms[] = {
      "adresse de courriel", "adresse \xC3\xA9lectronique", "adresse courriel", "adresse e-mail", "adresse email",
      "adresse mail", "courriel"};
  // On every block's key: most texts name neither word, and cost one lower-case copy.
  const std::string lower = ascii_lower(text);
  if (lower.find("courriel") == std::string::npos && lower.find("adresse") == std::string::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  auto letter_at = [&](std::size_t k) {
    return k < lower.size() && (is_ascii_letter(lower[k]) || static_cast<unsigned char>(lower[k]) >= 0x80);
  };
  // Whether `part` is written at `at`; its end then.
  auto written_at = [&](std::size_t at, std::string_view part) {
    return lower.compare(at, part.size(), part) == 0 ? at + part.size() : std::string::npos;
  };
  for (std::size_t i = 0; i < text.size();) {
    bool folded = false;
    if (i == 0 || !letter_at(i - 1)) {
      for (std::string_view term : kTerms) {
        std::size_t end = written_at(i, term);
        bool plural = false;
        if (end == std::string::npos && term.rfind("adresse ", 0) == 0) {
          const std::size_t rest = written_at(i, "adresses ");
          end = rest == std::string::npos ? rest : written_at(rest, term.substr(8));
          plural = end != std::string::npos;
        }
        if (end == std::string::npos) continue;
        // "adresse électroniques", "adresses électroniques": the adjective agrees.
        if (end < lower.size() && lower[end] == 's' && !letter_at(end + 1)) {
          plural = true;
          ++end;
        }
        if (letter_at(end)) continue;  // part of a longer word: "courrielleur"
        // One's "email" is one's address, one's "e-mails" one's mail: the addresses in the
        // plural are read apart ("les adresses e-mail de vos contacts" → "les e-mails de vos
        // contacts": their mail read, a red team's find).
        const bool addresses = plural && term.rfind("adresse ", 0) == 0;
        out += addresses ? "emailaddresses" : plural ? "emails" : "email";
        i = end;
        folded = true;
        break;
      }
    }
    if (!folded) out += text[i++];
  }
  return out;
}

// The size of an apostrophe (ASCII or typographic) ending at `end`, or 0.
std::size_t apostrophe_before(std::string_view text, std::size_t end) {
  if (end >= 1 && text[end - 1] == '\'') return 1;
  if (end >= 3 && text.substr(end - 3, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

std::string fold_spelling_variants(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto letter = [&](std::size_t k) { return is_ascii_letter(text[k]) || static_cast<unsigned char>(text[k]) >= 0x80; };
    if (!letter(i)) {
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && letter(j)) ++j;
    const std::string_view word = text.substr(i, j - i);
    // A word with non-ASCII letters is only read as a reference's word ("artículo"); its
    // spelling is not English's.
    // Nor one after an elided article ("l'utilisation": French, not British), whose
    // apostrophe is still there (drop_inner_apostrophes runs after this step, so that
    // "l'art. 6" reads "art" before a number).
    const std::size_t apostrophe = apostrophe_before(text, i);
    const bool elided = apostrophe > 0 && i > apostrophe && letter(i - apostrophe - 1);
    const bool glued = elided ||
                       std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    std::size_t end = j;
    if (const std::string_view reference = reference_word(lower, text, j, end);
        !reference.empty()) {
      // Its first letter's case stays: the case step tells "Art." from "art.".
      out += word[0] >= 'A' && word[0] <= 'Z' ? static_cast<char>(reference[0] - 32) : reference[0];
      out.append(reference.substr(1));
      out += ' ';
      i = end;
      continue;
    }
    std::string folded = glued || word.size() < 4 ? lower : fold_word(lower);
    if (folded == lower) {
      out += word;
    } else {
      // The word's case stays: the case step, not this one, tells "Colour" from "color".
      auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
      auto to_upper = [](char& c) { c = static_cast<char>(c - 32); };
      if (std::all_of(word.begin(), word.end(), is_upper)) {
        for (char& c : folded) to_upper(c);
      } else if (is_upper(word[0])) {
        to_upper(folded[0]);
      }
      out += folded;
    }
    i = j;
  }
  return out;
}

std::string join_compounds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool joiner = c == ' ' || c == '-';
    if (joiner && i > 0 && i + 1 < text.size() && is_letter_byte(text[i - 1]) &&
        is_letter_byte(text[i + 1]))
      continue;
    // A hyphen with the space after it ("ci- dessus", "infor- mation"): a compound or a word
    // broken at the end of a line, and joined again elsewhere.
    if (c == '-' && i > 0 && is_letter_byte(text[i - 1])) {
      std::size_t next = i + 1;
      while (next < text.size() && text[next] == ' ') ++next;
      if (next > i + 1 && next < text.size() && is_letter_byte(text[next])) {
        i = next - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

// The letter every accented letter reads as: one of them, so it stays a letter for the steps
// after this one ("?" would be punctuation, dropped at a word's end).
constexpr std::string_view kOneAccentedLetter = "\xC3\xA9";

namespace {

// Whether a letter ends at `end` (exclusive) or starts at `start` of `text`: an ASCII letter or a
// two-byte UTF-8 letter (Latin, Greek, Cyrillic...; not U+0080..U+00BF, signs and "«").
bool letter_ends_at(std::string_view text, std::size_t end) {
  if (end == 0) return false;
  const auto c = static_cast<unsigned char>(text[end - 1]);
  if (c < 0x80) return is_ascii_letter(text[end - 1]);
  return end >= 2 && (c & 0xC0) == 0x80 && static_cast<unsigned char>(text[end - 2]) >= 0xC3 &&
         static_cast<unsigned char>(text[end - 2]) <= 0xDF;
}

bool letter_starts_at(std::string_view text, std::size_t start) {
  if (start >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[start]);
  if (c < 0x80) return is_ascii_letter(text[start]);
  return c >= 0xC3 && c <= 0xDF;
}

}  // namespace

std::string drop_inner_apostrophes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\'') {  // a run of them is one ("entity''s")
      std::size_t run = i;
      while (run < text.size() && text[run] == '\'') ++run;
      if (letter_ends_at(text, i) && letter_starts_at(text, run)) {
        i = run - 1;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

namespace {

// An apostrophe at i: ASCII or typographic (the quotes step may not have run); its size, or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t i) {
  if (text[i] == '\'') return 1;
  return text.compare(i, 3, "\xE2\x80\x99") == 0 ? 3 : 0;
}

// `word` (lower case) with a capital initial when `model` has one: a contraction written out
// or an abbreviation folded keeps the case it was written in.
std::string capitalized_like(std::string_view word, std::string_view model) {
  std::string out(word);
  if (!out.empty() && !model.empty() && model[0] >= 'A' && model[0] <= 'Z' && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// What an English contraction's ending stands for, written after its word. "'s" and "'d" are
// not here: each reads two ways ("it's" is "it is" or "it has", "Ann's" a possessive), and
// "its" / "it's" is already one word for drop_inner_apostrophes.
std::string_view expansion_of(std::string_view ending) {
  if (equals_ignoring_case(ending, "re")) return " are";
  if (equals_ignoring_case(ending, "ll")) return " will";
  if (equals_ignoring_case(ending, "ve")) return " have";
  if (equals_ignoring_case(ending, "m")) return " am";
  return {};
}

// The word a negative contraction stands for, from what comes before its "n't": "wo" (won't)
// is "will", "ca" (can't) is "can", written apart from "not" (join_compounds makes it "cannot"
// again), "sha" (shan't) is "shall"; any other stem is its own word ("do", "does", "is",
// "would", "must"). "" for "ain't", which stands for several.
std::string negated_word(std::string_view stem) {
  if (equals_ignoring_case(stem, "ai")) return "";
  if (equals_ignoring_case(stem, "wo")) return capitalized_like("will", stem);
  if (equals_ignoring_case(stem, "ca")) return capitalized_like("can", stem);
  if (equals_ignoring_case(stem, "sha")) return capitalized_like("shall", stem);
  return std::string(stem);
}

// A contraction written without its apostrophe ("dont", "youre": a page's apostrophes lost),
// which drop_inner_apostrophes reads as the same word: what it stands for, or "". Not "cant",
// "wont", "well", "were", "shell", "ill" nor "id": words of their own.
std::string_view apostrophe_lost(std::string_view word) {
  static constexpr std::pair<std::string_view, std::string_view> kLost[] = {
      {"arent", "are not"},     {"couldnt", "could not"}, {"didnt", "did not"},   {"doesnt", "does not"},
      {"dont", "do not"},       {"hadnt", "had not"},     {"hasnt", "has not"},   {"havent", "have not"},
      {"isnt", "is not"},       {"mustnt", "must not"},   {"shouldnt", "should not"}, {"theyll", "they will"},
      {"theyre", "they are"},   {"theyve", "they have"},  {"wasnt", "was not"},   {"werent", "were not"},
      {"weve", "we have"},      {"wouldnt", "would not"}, {"youll", "you will"},  {"youre", "you are"},
      {"youve", "you have"}};
  if (word.size() < 4 || word.size() > 8) return {};
  for (const auto& [lost, expansion] : kLost)
    if (equals_ignoring_case(word, lost)) return expansion;
  return {};
}

}  // namespace

std::string expand_contractions(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t copied = 0, i = 0;
  while (i < text.size()) {
    if (!is_ascii_letter(text[i]) || (i > 0 && letter_ends_at(text, i))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_ascii_letter(text[end])) ++end;
    const std::size_t mark = end < text.size() ? apostrophe_at(text, end) : 0;
    if (mark == 0) {
      const std::string_view expansion = letter_starts_at(text, end) ? "" : apostrophe_lost(text.substr(i, end - i));
      if (!expansion.empty()) {
        out.append(text.substr(copied, i - copied));
        out += capitalized_like(expansion, text.substr(i, 1));
        copied = end;
      }
      i = end;
      continue;
    }
    std::size_t tail = end + mark;
    while (tail < text.size() && is_ascii_letter(text[tail])) ++tail;
    const std::string_view word = text.substr(i, end - i), ending = text.substr(end + mark, tail - end - mark);
    if (tail < text.size() && letter_starts_at(text, tail)) {  // an accented letter follows: not English
      i = tail;
      continue;
    }
    std::string expanded;
    const bool negative = equals_ignoring_case(ending, "t") && word.size() >= 3 && (word.back() == 'n' || word.back() == 'N');
    const std::string negated = negative ? negated_word(word.substr(0, word.size() - 1)) : "";
    const std::string_view expansion = expansion_of(ending);
    if (!negated.empty())
      expanded = negated + " not";
    else if (!expansion.empty() && (!equals_ignoring_case(ending, "m") || equals_ignoring_case(word, "i")))
      expanded = std::string(word) + std::string(expansion);
    if (!expanded.empty()) {
      out.append(text.substr(copied, i - copied));
      out += expanded;
      copied = tail;
    }
    i = tail;
  }
  out.append(text.substr(copied));
  return out;
}

namespace {

// A law's abbreviation standing as a citation's word at [at, end) of `s`: after a space, a
// bracket, a quote or the section sign, before a space, a bracket or a sentence's mark; never
// inside an address ("privacy@tmg.de", "www.ddg.com") or another word ("ÄTMG").
bool cited_as_a_word(std::string_view s, std::size_t at, std::size_t end) {
  const bool opens = at == 0 || s[at - 1] == ' ' || s[at - 1] == '(' || s[at - 1] == '[' || s[at - 1] == '"' ||
                     (at >= 2 && s.substr(at - 2, 2) == "\xC2\xA7");  // "§"
  if (!opens) return false;
  if (end == s.size()) return true;
  const char c = s[end];
  if (c == ' ' || c == ')' || c == ']' || c == ',' || c == ';' || c == '"') return true;
  // A full stop or a colon ends the citation only where a space or the text's end follows.
  return (c == '.' || c == ':') && (end + 1 == s.size() || s[end + 1] == ' ');
}

// The telemedia act's imprint section, the one the new act kept under its number: "§ 5 TMG",
// "§5 Abs. 1 TMG" (the text before the abbreviation at `at`, lower case).
bool cites_the_imprint_section(std::string_view s, std::size_t at) {
  static const std::regex kImprint("\xC2\xA7\\s*5(\\s*abs\\.\\s*\\d+)?\\s+$");  // lower case
  const std::size_t from = at > 24 ? at - 24 : 0;
  const std::string before(s.substr(from, at - from));
  return std::regex_search(before, kImprint);
}

}  // namespace

std::string fold_renamed_laws(std::string_view text) {
  struct Rename {
    std::string_view now, before;  // lower case
    bool abbreviation;             // cited as a word only (cited_as_a_word)
    bool imprint_only;             // under "§ 5" only (cites_the_imprint_section)
  };
  static constexpr Rename kRenames[] = {
      {"telekommunikation-digitale-dienste-datenschutz-gesetz", "telekommunikation-telemedien-datenschutz-gesetz", false,
       false},
      {"telekommunikations-telemedien-datenschutz-gesetz", "telekommunikation-telemedien-datenschutz-gesetz", false, false},
      {"tdddg", "ttdsg", true, false},
      {"ddg", "tmg", true, true}};
  // Most texts cite none of them: a first look that allocates nothing (every text compared
  // comes through here).
  if (!contains_ignoring_case(text, "dg") && !contains_ignoring_case(text, "datenschutz-gesetz")) return std::string(text);
  std::string lower = ascii_lower(text);
  std::string out(text);
  for (const Rename& rename : kRenames) {
    for (std::size_t at = lower.find(rename.now); at != std::string::npos; at = lower.find(rename.now, at)) {
      const std::size_t end = at + rename.now.size();
      if ((rename.abbreviation && !cited_as_a_word(lower, at, end)) ||
          (rename.imprint_only && !cites_the_imprint_section(lower, at))) {
        at = end;
        continue;
      }
      // The old name in the case the text writes the new one (capitals, or lower case folded).
      std::string before(rename.before);
      if (out[at] >= 'A' && out[at] <= 'Z') {
        const bool all_capitals = std::none_of(out.begin() + at, out.begin() + end, [](char c) { return c >= 'a' && c <= 'z'; });
        for (std::size_t k = 0; k < before.size(); ++k)
          if (all_capitals || k == 0 || before[k - 1] == '-') before[k] = static_cast<char>(std::toupper(before[k]));
      }
      out.replace(at, rename.now.size(), before);
      lower.replace(at, rename.now.size(), rename.before);
      at += before.size();
    }
  }
  return out;
}

std::string fold_ampersands(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_ascii_letter(text[i]) && text[i] != '&') {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && (is_ascii_letter(text[end]) || text[end] == '&')) ++end;
    const std::string_view word = text.substr(i, end - i);  // as written: capitals are the case fold's
    // A whole word: not the "and" of "android", nor one glued to a letter of another script.
    const bool bounded = (i == 0 || static_cast<unsigned char>(text[i - 1]) < 0x80) &&
                         (end == text.size() || static_cast<unsigned char>(text[end]) < 0x80);
    out += bounded && (word == "and" || word == "et" || word == "und" || word == "&") ? std::string_view("&") : word;
    i = end;
  }
  return out;
}

std::string fold_latin_abbreviations(std::string_view text) {
  if (text.find('.') == std::string_view::npos) return std::string(text);
  // Each form, lower case, what it reads as, and whether that is initials, capitals all
  // through ("US"), or a Latin abbreviation, capitalized only where it opens a sentence
  // ("Eg"). Longest first.
  struct Form {
    std::string_view form, reading;
    bool initials;
  };
  static constexpr Form kForms[] = {
      {"e. g.", "eg", false}, {"i. e.", "ie", false}, {"e.g.", "eg", false}, {"i.e.", "ie", false},
      {"e.g", "eg", false},   {"i.e", "ie", false},   {"eg.", "eg", false},  {"ie.", "ie", false},
      // Countries' initials with their stops or without (a computing company's privacy policy:
      // "by U.S. mail" / "by US mail").
      {"u.s.a.", "usa", true}, {"u.s.", "us", true}, {"u.k.", "uk", true}, {"e.u.", "eu", true}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool folded = false;
    if ((text[i] == 'e' || text[i] == 'E' || text[i] == 'i' || text[i] == 'I' || text[i] == 'u' || text[i] == 'U') &&
        (i == 0 || !letter_ends_at(text, i))) {
      for (const auto& [form, reading, initials] : kForms) {
        if (i + form.size() > text.size() || !equals_ignoring_case(text.substr(i, form.size()), form)) continue;
        if (letter_starts_at(text, i + form.size())) continue;  // "e.get", "ie.example"
        out += initials && text[i] >= 'A' && text[i] <= 'Z' ? ascii_upper(reading) : capitalized_like(reading, text.substr(i, 1));
        i += form.size();
        folded = true;
        break;
      }
    }
    if (!folded) out += text[i++];
  }
  return out;
}

// The base letter of each accented Latin letter: U+00C0..U+00FF, then U+0100..U+017F.
constexpr std::string_view kLatin1Bases = "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty";
constexpr std::string_view kExtendedABases =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatin1Bases.size() == 64 && kExtendedABases.size() == 128);

std::string fold_accents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const unsigned char d = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    // U+00C0..U+00FF but the multiplication and division signs; U+0100..U+017F.
    const bool latin_letter = (c == 0xC3 && d >= 0x80 && d <= 0xBF && d != 0x97 && d != 0xB7) ||
                              ((c == 0xC4 || c == 0xC5) && d >= 0x80 && d <= 0xBF);
    if (latin_letter) {
      // One accented letter for another of the same base ("intérét" = "intérêt"); another base
      // is another word ("schützen" / "schätzen": protect / value; "žádný" / "řádný").
      const unsigned offset = static_cast<unsigned>(d - 0x80);
      const char base = c == 0xC3 ? kLatin1Bases[offset] : kExtendedABases[(c == 0xC4 ? 0 : 64) + offset];
      out += kOneAccentedLetter;
      out += base;
      ++i;
      continue;
    }
    if (text.compare(i, 3, "\xEF\xBF\xBD") == 0) {  // U+FFFD, and the run it is part of
      while (text.compare(i, 3, "\xEF\xBF\xBD") == 0) i += 3;
      --i;
      out += kOneAccentedLetter;
      out += '?';
      continue;
    }
    out += text[i];
  }
  return out;
}

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The text's characters: a run of replacement characters is one (a character lost to the
// page's encoding can come out as two or three), every other UTF-8 sequence one.
std::vector<std::string_view> characters_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = 0;
    while (text.substr(i + n, 3) == kReplacement) n += 3;
    if (n == 0) {
      const auto c = static_cast<unsigned char>(text[i]);
      n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    }
    n = std::min(n, text.size() - i);
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

bool is_latin_letter(std::string_view ch) {
  if (ch.size() != 2) return false;
  const auto c = static_cast<unsigned char>(ch[0]), d = static_cast<unsigned char>(ch[1]);
  return (c == 0xC3 && d != 0x97 && d != 0xB7) || c == 0xC4 || c == 0xC5;
}

bool is_typographic_quote(std::string_view ch) {
  return ch == "\u2019" || ch == "\u2018" || ch == "\u201C" || ch == "\u201D" || ch == "\u00AB" ||
         ch == "\u00BB";
}

// The letters a PDF's ligature stands for. A ligature its font does not map comes out as a
// replacement character ("\uFFFDabilité" for "fiabilité", replay: a retailer's terms in PDF).
constexpr std::string_view kLigatureLetters[] = {"ffi", "ffl", "ff", "fi", "fl"};

// The ligature characters U+FB00..U+FB04 written as their letters.
std::string with_ligatures_spelt(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\xEF\xAC") == 0 && i + 2 < text.size()) {
      const auto c = static_cast<unsigned char>(text[i + 2]);
      if (c >= 0x80 && c <= 0x84) {
        static constexpr std::string_view kSpelt[] = {"ff", "fi", "fl", "ffi", "ffl"};
        out += kSpelt[c - 0x80];
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// Two texts' characters matched the same but for characters lost or misread: where they
// differ, a replacement character stands for any non-ASCII character or a ligature's letters,
// or an accented letter and a typographic quote were read one for the other. The ligatures
// make it a search (one replacement character, one to three letters); places that failed are
// remembered, so it stays linear in practice.
class LostCharacterMatch {
 public:
  LostCharacterMatch(std::vector<std::string_view> x, std::vector<std::string_view> y)
      : x_(std::move(x)), y_(std::move(y)) {}

  bool from(std::size_t i, std::size_t j) {
    while (i < x_.size() && j < y_.size() && x_[i] == y_[j]) ++i, ++j;
    if (i == x_.size() || j == y_.size()) return i == x_.size() && j == y_.size();
    if (!failed_.insert({i, j}).second) return false;
    const bool x_lost = x_[i].substr(0, 3) == kReplacement, y_lost = y_[j].substr(0, 3) == kReplacement;
    const bool replaced = (x_lost && static_cast<unsigned char>(y_[j][0]) >= 0x80) ||
                          (y_lost && static_cast<unsigned char>(x_[i][0]) >= 0x80);
    const bool misread = (is_latin_letter(x_[i]) && is_typographic_quote(y_[j])) ||
                         (is_typographic_quote(x_[i]) && is_latin_letter(y_[j]));
    if ((replaced || misread) && from(i + 1, j + 1)) return true;
    for (std::string_view letters : kLigatureLetters) {
      if (x_lost && spells(y_, j, letters) && from(i + 1, j + letters.size())) return true;
      if (y_lost && spells(x_, i, letters) && from(i + letters.size(), j + 1)) return true;
    }
    return false;
  }

 private:
  static bool spells(const std::vector<std::string_view>& chars, std::size_t at, std::string_view letters) {
    if (at + letters.size() > chars.size()) return false;
    for (std::size_t k = 0; k < letters.size(); ++k)
      if (chars[at + k].size() != 1 || chars[at + k][0] != letters[k]) return false;
    return true;
  }

  std::vector<std::string_view> x_, y_;
  std::set<std::pair<std::size_t, std::size_t>> failed_;
};

}  // namespace

bool differ_only_in_lost_characters(std::string_view a, std::string_view b) {
  if (a == b) return false;
  // Read as windows-1252 and encoded again ("â€™" for "’"): the same characters once read back.
  const std::string read_back_a = undo_mojibake(a), read_back_b = undo_mojibake(b);
  if ((read_back_a != a || read_back_b != b) && read_back_a == read_back_b) return true;
  // A non-breaking space read so, its space then made plain: a lone "Â" (mojibake.hpp). Most
  // texts have no "Â": nothing copied for them.
  if (read_back_a.find("\xC3\x82") != std::string::npos || read_back_b.find("\xC3\x82") != std::string::npos) {
    const std::string bare_a = without_stray_nbsp_marks(read_back_a), bare_b = without_stray_nbsp_marks(read_back_b);
    if ((bare_a != read_back_a || bare_b != read_back_b) && bare_a == bare_b) return true;
  }
  const std::string spelt_a = with_ligatures_spelt(a), spelt_b = with_ligatures_spelt(b);
  if (spelt_a == spelt_b) return true;  // "ﬁable" / "fiable"
  return LostCharacterMatch(characters_of(spelt_a), characters_of(spelt_b)).from(0, 0);
}

}  // namespace tosdiff
