#include "tosdiff/classify/token.hpp"

#include <algorithm>
#include <set>

#include "tosdiff/util/case_fold.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Decodes one UTF-8 code point at s[i]; returns its length (1 for an invalid byte).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      cp = 0xFFFD;
      return 1;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  return len;
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC; }

// Letters and digits of any script are word characters; ASCII and Unicode punctuation,
// symbols and spaces separate words.
bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;          // Latin-1 punctuation, nbsp
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;                     // general punctuation, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;                     // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE6F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;                     // fullwidth punctuation
  return cp != 0xFFFD;
}

bool ends_sentence(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == 0x3002; }

// Small letters as the comparison folds them (util/case_fold): Latin-1, Latin Extended-A, Greek
// and Cyrillic, so a Polish or a Russian rule's words match a heading written in capitals.
void append_lower(std::string& out, std::string_view s, std::size_t i, std::size_t len, char32_t cp) {
  if (const char32_t small = small_letter(cp); small != cp) {
    append_utf8(out, small);
  } else {
    out.append(s.substr(i, len));
  }
}

// A period after these does not end a sentence.
bool abbreviation(const std::string& norm) {
  static const std::set<std::string> words = {"inc", "ltd", "llc", "co", "corp", "etc", "vs", "seq",
                                              "art", "arts", "sec", "no", "nos", "st", "mr", "ms",
                                              "dr", "jr", "sr", "para", "cf", "al", "approx"};
  return norm.size() <= 1 || words.count(norm) > 0;
}

// A URL, a domain name or an e-mail address: "ads.example.com" says nothing about ads.
bool link_word(std::string_view w) {
  while (!w.empty() && std::string_view("([<\"'").find(w.front()) != std::string_view::npos) w.remove_prefix(1);
  while (!w.empty() && std::string_view(".,;:)]>\"'").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
  if (w.find("://") != std::string_view::npos || w.find('@') != std::string_view::npos) return true;
  std::vector<std::string_view> labels;
  for (std::size_t start = 0;;) {
    const std::size_t dot = w.find('.', start);
    labels.push_back(w.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (labels.size() < 2) return false;
  for (std::string_view label : labels) {
    if (label.empty()) return false;
    for (char c : label)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  const std::string_view tld = labels.back();
  if (tld.size() < 2 || tld.size() > 6) return false;
  return std::all_of(tld.begin(), tld.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

}  // namespace

std::vector<std::string> split_spaces(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos) space = text.size();
    if (space > start) words.emplace_back(text.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

std::string lowercase(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

// A list enumerator written inline ("(a)", "1.1", "2.", "(iv)"): renumbering is not a change
// of what the text says, so it does not make the words around it "changed".
bool enumerator_word(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':')) w.remove_suffix(1);
  if (w.empty() || w.size() > 12) return false;
  // A cross-reference to a numbered provision: "9.1(i)", "7(d)".
  if (const std::size_t open = w.find('('); open != std::string_view::npos && open > 0 && w.back() == ')') {
    const std::string_view number = w.substr(0, open), rest = w.substr(open);
    const bool numeric = std::all_of(number.begin(), number.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    const bool groups = std::all_of(rest.begin(), rest.end(), [](char c) {
      return c == '(' || c == ')' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    if (numeric && groups && number.find_first_of("0123456789") != std::string_view::npos) return true;
  }
  if (w.size() > 8) return false;
  bool marked = false;  // a parenthesis or a dot: "7" alone is a number, not an enumerator
  if (w.front() == '(') {
    if (w.back() != ')') return false;
    w = w.substr(1, w.size() - 2);
    marked = true;
  } else if (w.back() == ')' || w.back() == '.') {
    w.remove_suffix(1);
    marked = true;
  }
  if (w.empty()) return false;
  for (char c : w) {
    if (c == '.') marked = true;
    else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  // Letters: one letter or a roman numeral; digits: one or two per part.
  std::size_t letters = 0;
  for (char c : w) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  const bool roman = std::all_of(w.begin(), w.end(), [](char c) { return std::string_view("ivxIVX").find(c) != std::string_view::npos; });
  return marked && (letters <= 1 || roman);
}

void tokenize(std::string_view text, const std::vector<bool>* changed_words, bool all_changed, bool block_end,
              Tokens& tokens, std::size_t word_offset) {
  const std::size_t first = tokens.size();
  std::vector<bool> links;
  for (const std::string& w : split_spaces(text)) links.push_back(link_word(w));
  std::size_t word_index = 0;  // index of the space-separated word at i
  bool in_space_word = false;
  Token current;
  bool in_token = false;
  std::size_t surface_keep = 0, norm_keep = 0;  // lengths up to the last letter (drops a trailing ')
  std::string separator;        // what came after the last token so far
  bool sentence_punct = false;  // a sentence-ending mark after the last token...
  bool space_after = false;     // ... followed by a space
  auto finish_token = [&] {
    if (!in_token) return;
    current.surface.resize(surface_keep);
    current.norm.resize(norm_keep);
    tokens.push_back(std::move(current));
    current = Token{};
    in_token = false;
    separator.clear();
    sentence_punct = space_after = false;
  };
  auto start_token = [&] {
    if (tokens.size() > first) {  // the separator since the previous token is now complete
      Token& prev = tokens.back();
      prev.joiner = separator.empty() || separator.size() > 8 ? " " : separator;
      if (sentence_punct && space_after && !abbreviation(prev.norm)) prev.sentence_end = true;
    }
    in_token = true;
    current.changed = changed_words ? (word_index < changed_words->size() && (*changed_words)[word_index]) : all_changed;
    current.word = word_offset + word_index;
    current.link = word_index < links.size() && links[word_index];
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp;
    const std::size_t len = decode(text, i, cp);
    if (cp == ' ') {
      if (in_space_word) ++word_index;
      in_space_word = false;
    } else {
      in_space_word = true;
    }
    if (is_word_char(cp)) {
      if (!in_token) start_token();
      append_lower(current.norm, text, i, len, cp);
      current.surface.append(text.substr(i, len));
      surface_keep = current.surface.size();
      norm_keep = current.norm.size();
    } else if (in_token && is_apostrophe(cp)) {  // inside a word: don't, children's
      current.norm += '\'';
      current.surface.append(text.substr(i, len));
    } else {
      finish_token();
      if (cp == ' ' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B)) {
        if (separator.empty() || separator.back() != ' ') separator += ' ';
        if (sentence_punct) space_after = true;
      } else {
        separator.append(text.substr(i, len));
        if (ends_sentence(cp)) sentence_punct = true;
      }
    }
    i += len;
  }
  finish_token();
  if (tokens.size() > first) {
    Token& last = tokens.back();
    last.joiner = ' ';
    if (block_end || (sentence_punct && !abbreviation(last.norm))) last.sentence_end = true;
  }
}

void number_sentences(Tokens& tokens) {
  std::size_t sentence = 0;
  for (Token& t : tokens) {
    t.sentence = sentence;
    if (t.sentence_end) ++sentence;
  }
}

}  // namespace tosdiff
