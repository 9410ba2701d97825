#include "tosdiff/classify/classify.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxGap = 10;           // largest ~N
constexpr std::size_t kContextWords = 12;     // a phrase this near a changed word (same sentence) counts
constexpr std::size_t kEvidencePerHunk = 5;   // phrases kept per topic or flag of a hunk
constexpr std::size_t kEvidencePerRecord = 8; // phrases kept per flag of a record
constexpr std::size_t kEvidenceForRegulations = 64;

// ---- words -------------------------------------------------------------------------------

struct Token {
  std::string norm;     // lowercase, apostrophes as '
  std::string surface;  // as written
  std::string joiner;   // what separates it from the next token in evidence: " ", "-", ", "...
  bool changed = false;
  bool sentence_end = false;  // a match never continues past this token
  bool link = false;          // part of a URL, domain or e-mail address: never matched
  std::size_t sentence = 0;
  std::size_t word = 0;       // index of its space-separated word on its side of the hunk
};

using Tokens = std::vector<Token>;

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

void append_lower(std::string& out, std::string_view s, std::size_t i, std::size_t len, char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') {
    out += static_cast<char>(cp + 32);
  } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {  // Latin-1 capitals
    const char32_t lower = cp + 0x20;
    out += static_cast<char>(0xC0 | (lower >> 6));
    out += static_cast<char>(0x80 | (lower & 0x3F));
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

// Appends the words of `text` to `tokens`. `changed_words` (one flag per space-separated word
// of `text`) marks changed words; null: every word is `all_changed`. The last token ends a
// sentence when `block_end` (a block ends there).
void tokenize(std::string_view text, const std::vector<bool>* changed_words, bool all_changed, bool block_end,
              Tokens& tokens, std::size_t word_offset = 0) {
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
    last.joiner = " ";
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

// The words a word-diff run stands for: its words, less the elision marker, plus those elided.
std::size_t run_length(const WordOp& op) {
  const std::size_t shown = split_spaces(op.text).size();
  return op.elided_words > 0 ? shown - 1 + op.elided_words : shown;
}

// Both sides of a hunk as tokens, each marked changed or not.
struct HunkSides {
  Tokens removed, added;
};

// The block texts of a hunk's lines (their markers dropped), as the word diff saw them.
std::vector<std::string> block_texts(const Hunk& hunk, char op) {
  std::vector<std::string> out;
  for (const LineOp& line : hunk.lines) {
    if (line.op != op) continue;
    Text parsed = parse_text(line.text);
    out.push_back(parsed.blocks.empty() ? std::string() : parsed.blocks.front().text);
  }
  return out;
}

// Marks, on the full block texts, the words the word diff says changed. False when the word
// diff does not add up to the texts (a record from elsewhere): the caller falls back.
// A removed run of words and the added run that replaced it, as word ranges of each side.
struct Replacement {
  std::size_t old_begin, old_end, new_begin, new_end;
};

bool mark_changes(const Hunk& hunk, const std::vector<std::string>& old_blocks,
                  const std::vector<std::string>& new_blocks, std::vector<bool>& old_changed,
                  std::vector<bool>& new_changed, std::vector<Replacement>& replacements) {
  std::vector<std::string> old_words, new_words;
  for (const auto& b : old_blocks)
    for (auto& w : split_spaces(b)) old_words.push_back(std::move(w));
  for (const auto& b : new_blocks)
    for (auto& w : split_spaces(b)) new_words.push_back(std::move(w));
  old_changed.assign(old_words.size(), false);
  new_changed.assign(new_words.size(), false);
  std::size_t o = 0, n = 0;
  char previous = '=';
  for (const WordOp& op : hunk.words) {
    const std::size_t count = run_length(op);
    if (op.op == '=') {
      o += count;
      n += count;
    } else if (op.op == '-') {
      replacements.push_back({o, std::min(o + count, old_words.size()), n, n});
      for (std::size_t k = 0; k < count && o < old_words.size(); ++k, ++o) old_changed[o] = !enumerator_word(old_words[o]);
    } else {
      if (previous == '-') replacements.back().new_end = std::min(n + count, new_words.size());
      for (std::size_t k = 0; k < count && n < new_words.size(); ++k, ++n) new_changed[n] = !enumerator_word(new_words[n]);
    }
    previous = op.op;
  }
  return o == old_words.size() && n == new_words.size();
}

// Inside a replaced run, the words that only changed their punctuation or spacing
// ("support; (b)" -> "support;(b)") keep their letters: those tokens are not changed.
void unmark_kept_tokens(Tokens& removed, Tokens& added, const std::vector<Replacement>& replacements) {
  constexpr std::size_t kMaxCells = 250000;  // a longer rewrite keeps every token changed
  auto range = [](const Tokens& tokens, std::size_t begin, std::size_t end) {
    auto by_word = [](const Token& t, std::size_t w) { return t.word < w; };
    auto first = std::lower_bound(tokens.begin(), tokens.end(), begin, by_word);
    auto last = std::lower_bound(first, tokens.end(), end, by_word);
    return std::pair<std::size_t, std::size_t>(static_cast<std::size_t>(first - tokens.begin()),
                                               static_cast<std::size_t>(last - tokens.begin()));
  };
  for (const Replacement& r : replacements) {
    if (r.new_end == r.new_begin) continue;
    const auto [a0, a1] = range(removed, r.old_begin, r.old_end);
    const auto [b0, b1] = range(added, r.new_begin, r.new_end);
    const std::size_t n = a1 - a0, m = b1 - b0;
    if (n == 0 || m == 0 || n * m > kMaxCells) continue;
    std::vector<std::vector<unsigned short>> lcs(n + 1, std::vector<unsigned short>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = removed[a0 + i].norm == added[b0 + j].norm
                        ? static_cast<unsigned short>(lcs[i + 1][j + 1] + 1)
                        : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
      if (removed[a0 + i].norm == added[b0 + j].norm) {
        removed[a0 + i].changed = added[b0 + j].changed = false;
        ++i;
        ++j;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        ++i;
      } else {
        ++j;
      }
    }
  }
}

void tokenize_blocks(const std::vector<std::string>& blocks, const std::vector<bool>* changed, bool all_changed,
                     Tokens& tokens) {
  std::size_t offset = 0;
  for (const std::string& block : blocks) {
    const std::size_t count = split_spaces(block).size();
    std::vector<bool> slice;
    if (changed)
      slice.assign(changed->begin() + static_cast<long>(offset), changed->begin() + static_cast<long>(offset + count));
    tokenize(block, changed ? &slice : nullptr, all_changed, true, tokens, offset);
    offset += count;
  }
}

HunkSides sides_of(const Hunk& hunk) {
  HunkSides sides;
  const auto old_blocks = block_texts(hunk, '-'), new_blocks = block_texts(hunk, '+');
  if (hunk.words.empty()) {  // no word diff: every line is changed
    tokenize_blocks(old_blocks, nullptr, true, sides.removed);
    tokenize_blocks(new_blocks, nullptr, true, sides.added);
  } else {
    std::vector<bool> old_changed, new_changed;
    std::vector<Replacement> replacements;
    if (mark_changes(hunk, old_blocks, new_blocks, old_changed, new_changed, replacements)) {
      tokenize_blocks(old_blocks, &old_changed, false, sides.removed);
      tokenize_blocks(new_blocks, &new_changed, false, sides.added);
      unmark_kept_tokens(sides.removed, sides.added, replacements);
    } else {
      // The word runs themselves; an elided stretch ends a sentence (its words are unknown).
      for (const WordOp& op : hunk.words) {
        auto add = [&](Tokens& side) {
          if (op.elided_words == 0) {
            tokenize(op.text, nullptr, op.op != '=', false, side);
            return;
          }
          const std::size_t mark = op.text.find("\xE2\x80\xA6");
          tokenize(op.text.substr(0, mark), nullptr, false, true, side);
          tokenize(op.text.substr(mark + 3), nullptr, false, false, side);
        };
        if (op.op != '+') add(sides.removed);
        if (op.op != '-') add(sides.added);
      }
    }
  }
  number_sentences(sides.removed);
  number_sentences(sides.added);
  return sides;
}

Tokens heading_tokens(const std::vector<std::string>& section) {
  Tokens tokens;
  for (const std::string& heading : section) tokenize(heading, nullptr, true, true, tokens);
  number_sentences(tokens);
  return tokens;
}

// ---- patterns ----------------------------------------------------------------------------

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The word and its regular English inflections (and some that are not words: harmless).
std::vector<std::string> inflections(const std::string& w) {
  std::set<std::string> forms = {w, w + "s", w + "es", w + "'s", w + "s'", w + "ed", w + "d", w + "ing"};
  const char last = w.back();
  if (last == 'e' && w.size() > 2) forms.insert(w.substr(0, w.size() - 1) + "ing");
  if (last == 'y' && w.size() > 2 && !is_vowel(w[w.size() - 2])) {
    const std::string stem = w.substr(0, w.size() - 1);
    forms.insert(stem + "ies");
    forms.insert(stem + "ied");
  }
  if (w.size() >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(w[w.size() - 2]) &&
      !is_vowel(w[w.size() - 3])) {  // transfer -> transferred, ship -> shipping
    forms.insert(w + last + "ed");
    forms.insert(w + last + "ing");
  }
  return {forms.begin(), forms.end()};
}

bool pattern_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '\'';
}

PatternTerm::Alternative compile_alternative(std::string word, const std::string& source) {
  PatternTerm::Alternative alt;
  if (!word.empty() && (word.back() == '*' || word.back() == '+')) {
    alt.mode = word.back();
    word.pop_back();
  }
  if (word.empty()) throw RulesError("pattern '" + source + "': an empty word (check '|', '*', '+' and '?')");
  for (char c : word)
    if (!pattern_word_char(c))
      throw RulesError("pattern '" + source + "': '" + std::string(1, c) + "' in '" + word +
                       "' (a word is letters, digits and apostrophes; '*' and '+' only at its end)");
  if (alt.mode == '*' && word.size() < 3)
    throw RulesError("pattern '" + source + "': '" + word + "*' is too short a prefix (3 letters at least)");
  alt.word = word;
  if (alt.mode == '+') alt.forms = inflections(word);
  return alt;
}

bool term_matches(const PatternTerm& term, const std::string& norm) {
  for (const auto& alt : term.alternatives) {
    if (alt.mode == '=' && norm == alt.word) return true;
    if (alt.mode == '*' && norm.compare(0, alt.word.size(), alt.word) == 0) return true;
    if (alt.mode == '+' && std::find(alt.forms.begin(), alt.forms.end(), norm) != alt.forms.end()) return true;
  }
  return false;
}

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// The end of a match of terms[t...] whose term t may start at pos .. pos + gap (exactly at
// pos while nothing has matched yet), or npos.
std::size_t match_from(const Pattern& p, std::size_t t, std::size_t pos, std::size_t extra_gap, bool started,
                       const Tokens& tokens) {
  if (t == p.terms.size()) return pos;
  const PatternTerm& term = p.terms[t];
  const std::size_t gap = started ? term.gap + extra_gap : 0;
  for (std::size_t k = 0; k <= gap; ++k) {
    const std::size_t q = pos + k;
    if (q >= tokens.size()) break;
    if (k > 0 && tokens[q - 1].sentence_end) break;  // skipping words never crosses a sentence end
    if (tokens[q].link || !term_matches(term, tokens[q].norm)) continue;
    bool rest_optional = true;
    for (std::size_t u = t + 1; u < p.terms.size(); ++u) rest_optional = rest_optional && p.terms[u].optional;
    if (tokens[q].sentence_end) {
      if (rest_optional) return q + 1;
      continue;
    }
    const std::size_t end = match_from(p, t + 1, q + 1, 0, true, tokens);
    if (end != npos) return end;
  }
  if (term.optional) return match_from(p, t + 1, pos, started ? gap : 0, started, tokens);
  return npos;
}

struct Span {
  std::size_t begin, end;
};

// Leftmost non-overlapping matches.
std::vector<Span> find_matches(const Pattern& p, const Tokens& tokens) {
  std::vector<Span> spans;
  for (std::size_t s = 0; s < tokens.size();) {
    // The first term may be optional: a match then starts at a later term.
    const std::size_t end = match_from(p, 0, s, 0, false, tokens);
    if (end != npos && end > s) {
      spans.push_back({s, end});
      s = end;
    } else {
      ++s;
    }
  }
  return spans;
}

std::string phrase(const Tokens& tokens, Span span) {
  std::string out;
  for (std::size_t i = span.begin; i < span.end; ++i) {
    out += tokens[i].surface;
    if (i + 1 < span.end) out += tokens[i].joiner;
  }
  return out;
}

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

std::string lowercase(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

void add_evidence(std::vector<std::string>& evidence, const std::string& text, std::size_t cap) {
  if (evidence.size() >= cap) return;
  const std::string key = lowercase(text);
  for (const auto& e : evidence)
    if (lowercase(e) == key) return;
  evidence.push_back(text);
}

// ---- matching a rule on one side ---------------------------------------------------------

struct SideMatch {
  std::vector<Span> counted;  // matches touching or near a changed word
  std::vector<Span> direct;   // matches containing a changed word
  std::size_t all = 0;        // every match, changed or not
};

bool has_change(const Tokens& tokens, Span span) {
  for (std::size_t i = span.begin; i < span.end; ++i)
    if (tokens[i].changed) return true;
  return false;
}

bool near_change(const Tokens& tokens, Span span) {
  const std::size_t sentence = tokens[span.begin].sentence;
  const std::size_t from = span.begin > kContextWords ? span.begin - kContextWords : 0;
  const std::size_t to = std::min(tokens.size(), span.end + kContextWords);
  for (std::size_t i = from; i < to; ++i)
    if (tokens[i].changed && tokens[i].sentence == sentence) return true;
  return false;
}

// Sorts spans and merges those that overlap: several patterns of one rule matching around
// the same words make one piece of evidence ("We may sell", not "We may sell" and "may sell").
void merge(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin || (a.begin == b.begin && a.end < b.end); });
  std::vector<Span> out;
  for (Span s : spans) {
    if (!out.empty() && s.begin < out.back().end) out.back().end = std::max(out.back().end, s.end);
    else out.push_back(s);
  }
  spans = std::move(out);
}

SideMatch match_rule(const std::vector<Pattern>& patterns, const std::vector<Pattern>& exclude, const Tokens& tokens) {
  SideMatch out;
  if (tokens.empty()) return out;
  std::vector<Span> excluded;
  for (const Pattern& p : exclude) {
    auto spans = find_matches(p, tokens);
    excluded.insert(excluded.end(), spans.begin(), spans.end());
  }
  for (const Pattern& p : patterns) {
    for (Span span : find_matches(p, tokens)) {
      if (std::any_of(excluded.begin(), excluded.end(), [&](Span x) { return overlaps(span, x); })) continue;
      ++out.all;
      const bool direct = has_change(tokens, span);
      if (direct) out.direct.push_back(span);
      if (direct || near_change(tokens, span)) out.counted.push_back(span);
    }
  }
  merge(out.counted);
  merge(out.direct);
  return out;
}

// ---- classification ----------------------------------------------------------------------

struct HunkTopic {
  TopicMatch match;
  const TopicRule* rule = nullptr;
  std::vector<std::string> all_evidence;  // for regulations' `when`
};

std::vector<HunkTopic> hunk_topics(const HunkSides& sides, const Tokens& headings, const Rules& rules) {
  std::vector<HunkTopic> text, section;
  for (const TopicRule& rule : rules.topics) {
    const SideMatch removed = match_rule(rule.patterns, rule.exclude, sides.removed);
    const SideMatch added = match_rule(rule.patterns, rule.exclude, sides.added);
    HunkTopic topic;
    topic.rule = &rule;
    topic.match.id = rule.id;
    topic.match.label = rule.label;
    if (!removed.counted.empty() || !added.counted.empty()) {
      // "removed" only when the new text no longer says it at all, "added" only when the old
      // text did not: a clause edited around its topic's words is "changed".
      topic.match.where = removed.counted.empty() && removed.all == 0   ? "added"
                          : added.counted.empty() && added.all == 0     ? "removed"
                                                                        : "changed";
      // Phrases of the added side first: what the text says now.
      for (Span s : added.counted) {
        add_evidence(topic.match.evidence, phrase(sides.added, s), kEvidencePerHunk);
        add_evidence(topic.all_evidence, phrase(sides.added, s), kEvidenceForRegulations);
      }
      for (Span s : removed.counted) {
        add_evidence(topic.match.evidence, phrase(sides.removed, s), kEvidencePerHunk);
        add_evidence(topic.all_evidence, phrase(sides.removed, s), kEvidenceForRegulations);
      }
      text.push_back(std::move(topic));
      continue;
    }
    const SideMatch heading = match_rule(rule.patterns, rule.exclude, headings);
    if (heading.counted.empty()) continue;
    topic.match.where = "section";
    for (Span s : heading.counted) {
      add_evidence(topic.match.evidence, phrase(headings, s), kEvidencePerHunk);
      add_evidence(topic.all_evidence, phrase(headings, s), kEvidenceForRegulations);
    }
    section.push_back(std::move(topic));
  }
  // Found in the text before found in headings; heavier first; then in rules order.
  auto heavier = [](const HunkTopic& a, const HunkTopic& b) { return a.rule->weight > b.rule->weight; };
  std::stable_sort(text.begin(), text.end(), heavier);
  std::stable_sort(section.begin(), section.end(), heavier);
  text.insert(text.end(), std::make_move_iterator(section.begin()), std::make_move_iterator(section.end()));
  return text;
}

// How often each flag's patterns match each side of a hunk: a flag raised in one hunk is
// withdrawn when another hunk's other side says the same (the sentence moved).
struct FlagCounts {
  std::vector<std::size_t> removed, added;  // per flag rule
};

std::vector<FlagMatch> hunk_flags(const HunkSides& sides, const Rules& rules, FlagCounts& counts) {
  std::vector<FlagMatch> flags;
  for (const FlagRule& rule : rules.flags) {
    const SideMatch old_side = match_rule(rule.patterns, rule.exclude, sides.removed);
    const SideMatch new_side = match_rule(rule.patterns, rule.exclude, sides.added);
    counts.removed.push_back(old_side.all);
    counts.added.push_back(new_side.all);
    const bool removal = rule.direction == "removed";
    const SideMatch& here = removal ? old_side : new_side;
    const SideMatch& there = removal ? new_side : old_side;
    const Tokens& from = removal ? sides.removed : sides.added;
    // The phrase itself changed, and the other side does not say it at all: it went away
    // (or came), rather than being reworded around.
    if (here.direct.empty() || there.all > 0) continue;
    FlagMatch flag;
    flag.id = rule.id;
    flag.label = rule.label;
    flag.direction = rule.direction;
    flag.kind = rule.kind;
    for (Span s : here.direct) add_evidence(flag.evidence, phrase(from, s), kEvidencePerHunk);
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::size_t changed_words(const Hunk& hunk) {
  const DiffStats s = hunk_stats(hunk);
  return s.words_added + s.words_removed;
}

bool evidence_matches(const std::vector<Pattern>& when, const std::vector<std::string>& evidence) {
  for (const std::string& e : evidence) {
    Tokens tokens;
    tokenize(e, nullptr, true, true, tokens);
    number_sentences(tokens);
    for (const Pattern& p : when)
      if (!find_matches(p, tokens).empty()) return true;
  }
  return false;
}

// ---- rules files -------------------------------------------------------------------------

std::string describe(const std::string& kind, std::size_t index, const json& entry) {
  if (entry.is_object() && entry.contains("id") && entry["id"].is_string())
    return kind + " '" + entry["id"].get<std::string>() + "'";
  return kind + "s[" + std::to_string(index) + "]";
}

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

class RuleReader {
 public:
  RuleReader(const std::string& origin, std::string where, const json& entry)
      : origin_(origin), where_(std::move(where)), entry_(entry) {}

  [[noreturn]] void fail(const std::string& message) const {
    throw RulesError(origin_ + ": " + where_ + ": " + message);
  }

  void allow_only(std::initializer_list<const char*> keys) const {
    for (const auto& item : entry_.items()) {
      const std::string& key = item.key();
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
        fail("unknown key '" + key + "'");
    }
  }

  std::string string(const char* key, bool required) const {
    if (!entry_.contains(key)) {
      if (required) fail(std::string("'") + key + "' is missing");
      return {};
    }
    if (!entry_[key].is_string()) fail(std::string("'") + key + "' must be a string");
    std::string value = entry_[key].get<std::string>();
    if (required && value.empty()) fail(std::string("'") + key + "' is empty");
    return value;
  }

  std::vector<Pattern> patterns(const char* key, bool required) const {
    std::vector<Pattern> out;
    if (!entry_.contains(key)) {
      if (required) fail(std::string("'") + key + "' is missing");
      return out;
    }
    return patterns_of(entry_[key], key, required);
  }

  std::vector<Pattern> patterns_of(const json& list, const std::string& key, bool required) const {
    std::vector<Pattern> out;
    if (!list.is_array()) fail("'" + key + "' must be an array of pattern strings");
    if (required && list.empty()) fail("'" + key + "' is empty");
    for (const json& p : list) {
      if (!p.is_string()) fail("'" + key + "' must be an array of pattern strings");
      try {
        out.push_back(compile_pattern(p.get<std::string>()));
      } catch (const RulesError& e) {
        fail(e.what());
      }
    }
    return out;
  }

  bool disabled() const {
    if (!entry_.contains("disabled")) return false;
    if (!entry_["disabled"].is_boolean()) fail("'disabled' must be true or false");
    return entry_["disabled"].get<bool>();
  }

 private:
  const std::string& origin_;
  std::string where_;
  const json& entry_;
};

TopicRule read_topic(const json& entry, std::size_t index, const std::string& origin) {
  RuleReader r(origin, describe("topic", index, entry), entry);
  if (!entry.is_object()) r.fail("must be an object");
  r.allow_only({"id", "label", "weight", "patterns", "exclude", "regulations", "disabled", "comment"});
  TopicRule rule;
  rule.id = r.string("id", true);
  if (!valid_id(rule.id)) r.fail("id must be lowercase letters, digits and '_', starting with a letter");
  rule.disabled = r.disabled();
  if (rule.disabled) return rule;
  rule.label = r.string("label", true);
  if (!entry.contains("weight")) r.fail("'weight' is missing");
  if (!entry["weight"].is_number_integer() || entry["weight"].get<int>() < 1 || entry["weight"].get<int>() > 3)
    r.fail("'weight' must be 1, 2 or 3");
  rule.weight = entry["weight"].get<int>();
  rule.patterns = r.patterns("patterns", true);
  rule.exclude = r.patterns("exclude", false);
  if (entry.contains("regulations")) {
    const json& list = entry["regulations"];
    if (!list.is_array()) r.fail("'regulations' must be an array");
    for (std::size_t k = 0; k < list.size(); ++k) {
      RuleReader g(origin, describe("topic", index, entry) + " regulations[" + std::to_string(k) + "]", list[k]);
      if (!list[k].is_object()) g.fail("must be an object with id, name and reason");
      g.allow_only({"id", "name", "reason", "when", "comment"});
      Regulation regulation;
      regulation.id = g.string("id", true);
      regulation.name = g.string("name", true);
      regulation.reason = g.string("reason", true);
      regulation.when = g.patterns("when", false);
      rule.regulations.push_back(std::move(regulation));
    }
  }
  return rule;
}

FlagRule read_flag(const json& entry, std::size_t index, const std::string& origin) {
  RuleReader r(origin, describe("flag", index, entry), entry);
  if (!entry.is_object()) r.fail("must be an object");
  r.allow_only({"id", "label", "direction", "kind", "patterns", "exclude", "disabled", "comment"});
  FlagRule rule;
  rule.id = r.string("id", true);
  if (!valid_id(rule.id)) r.fail("id must be lowercase letters, digits and '_', starting with a letter");
  rule.disabled = r.disabled();
  if (rule.disabled) return rule;
  rule.label = r.string("label", true);
  rule.direction = r.string("direction", true);
  if (rule.direction != "removed" && rule.direction != "added") r.fail("'direction' must be \"removed\" or \"added\"");
  rule.kind = r.string("kind", false);
  if (rule.kind.empty()) rule.kind = rule.direction == "removed" ? "right_removed" : "permission_added";
  if (rule.kind != "right_removed" && rule.kind != "permission_added")
    r.fail("'kind' must be \"right_removed\" or \"permission_added\"");
  rule.patterns = r.patterns("patterns", true);
  rule.exclude = r.patterns("exclude", false);
  return rule;
}

template <typename Rule>
void overlay(std::vector<Rule>& base, const std::vector<Rule>& more, const std::string& kind, const std::string& origin) {
  for (const Rule& rule : more) {
    auto it = std::find_if(base.begin(), base.end(), [&](const Rule& r) { return r.id == rule.id; });
    if (rule.disabled) {
      if (it == base.end())
        throw RulesError(origin + ": " + kind + " '" + rule.id + "': disables a " + kind + " that does not exist");
      base.erase(it);
    } else if (it != base.end()) {
      *it = rule;
    } else {
      base.push_back(rule);
    }
  }
}

}  // namespace

// ---- public ------------------------------------------------------------------------------

const TopicRule* Rules::topic(const std::string& id) const {
  for (const TopicRule& t : topics)
    if (t.id == id) return &t;
  return nullptr;
}

Pattern compile_pattern(std::string_view source) {
  Pattern pattern;
  pattern.source = std::string(source);
  // A hyphen or slash between letters splits a word, as it does in the text.
  std::string text;
  for (char c : source) text += (c == '-' || c == '/') ? ' ' : c == '\t' ? ' ' : c;
  const std::vector<std::string> parts = split_spaces(text);
  if (parts.empty()) throw RulesError("an empty pattern");
  std::size_t gap = 0;
  bool gap_pending = false;
  for (const std::string& raw : parts) {
    if (raw[0] == '~') {
      if (pattern.terms.empty()) throw RulesError("pattern '" + pattern.source + "': starts with '~'");
      if (gap_pending) throw RulesError("pattern '" + pattern.source + "': two '~' in a row");
      const std::string digits = raw.substr(1);
      if (digits.empty() || digits.size() > 2 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw RulesError("pattern '" + pattern.source + "': '" + raw + "' must be '~' and a number (~3)");
      gap = std::stoul(digits);
      if (gap < 1 || gap > kMaxGap)
        throw RulesError("pattern '" + pattern.source + "': '" + raw + "': the gap must be 1 to " + std::to_string(kMaxGap));
      gap_pending = true;
      continue;
    }
    std::string word = lowercase(raw);
    PatternTerm term;
    if (word.back() == '?') {
      term.optional = true;
      word.pop_back();
    }
    std::size_t start = 0;
    while (true) {
      const std::size_t bar = word.find('|', start);
      term.alternatives.push_back(compile_alternative(word.substr(start, bar == std::string::npos ? std::string::npos : bar - start), pattern.source));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    term.gap = gap;
    gap = 0;
    gap_pending = false;
    pattern.terms.push_back(std::move(term));
  }
  if (gap_pending) throw RulesError("pattern '" + pattern.source + "': ends with '~'");
  if (std::all_of(pattern.terms.begin(), pattern.terms.end(), [](const PatternTerm& t) { return t.optional; }))
    throw RulesError("pattern '" + pattern.source + "': every word is optional");
  return pattern;
}

Rules parse_rules(std::string_view json_text, const std::string& origin) {
  json doc;
  try {
    doc = json::parse(json_text.begin(), json_text.end());
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw RulesError(origin + ": not valid JSON: " + e.what());
  }
  if (!doc.is_object()) throw RulesError(origin + ": must be a JSON object with \"topics\" and/or \"flags\"");
  for (const auto& [key, value] : doc.items()) {
    (void)value;
    if (key != "version" && key != "topics" && key != "flags" && key != "comment")
      throw RulesError(origin + ": unknown key '" + key + "' (expected version, topics, flags)");
  }
  if (doc.contains("version") && doc["version"] != 1) throw RulesError(origin + ": 'version' must be 1");
  Rules rules;
  std::set<std::string> ids;
  if (doc.contains("topics")) {
    if (!doc["topics"].is_array()) throw RulesError(origin + ": 'topics' must be an array");
    for (std::size_t i = 0; i < doc["topics"].size(); ++i) {
      rules.topics.push_back(read_topic(doc["topics"][i], i, origin));
      if (!ids.insert("topic " + rules.topics.back().id).second)
        throw RulesError(origin + ": topic '" + rules.topics.back().id + "': defined twice");
    }
  }
  if (doc.contains("flags")) {
    if (!doc["flags"].is_array()) throw RulesError(origin + ": 'flags' must be an array");
    for (std::size_t i = 0; i < doc["flags"].size(); ++i) {
      rules.flags.push_back(read_flag(doc["flags"][i], i, origin));
      if (!ids.insert("flag " + rules.flags.back().id).second)
        throw RulesError(origin + ": flag '" + rules.flags.back().id + "': defined twice");
    }
  }
  return rules;
}

void overlay_rules(Rules& base, const Rules& more, const std::string& origin) {
  overlay(base.topics, more.topics, "topic", origin);
  overlay(base.flags, more.flags, "flag", origin);
}

const Rules& builtin_rules() {
  static const Rules rules = [] {
    Rules parsed = parse_rules(builtin_rules_json(), "built-in rules");
    Rules empty;
    overlay_rules(empty, parsed, "built-in rules");  // a "disabled" entry makes no sense here: refused
    return empty;
  }();
  return rules;
}

std::vector<std::string> match_phrases(const Pattern& pattern, std::string_view text) {
  Tokens tokens;
  tokenize(text, nullptr, true, true, tokens);
  number_sentences(tokens);
  std::vector<std::string> out;
  for (Span s : find_matches(pattern, tokens)) out.push_back(phrase(tokens, s));
  return out;
}

Severity severity_for(std::size_t words, int topic_points, std::size_t flags, int* score_out) {
  const int size = words == 0 ? 0 : words <= 5 ? 1 : words <= 40 ? 2 : 3;
  const int flag_points = flags == 0 ? 0 : flags == 1 ? 2 : 3;
  const int score = size + topic_points + flag_points;
  if (score_out) *score_out = score;
  return score <= 2 ? Severity::minor : score <= 5 ? Severity::moderate : Severity::major;
}

Classification classify(Change& change, const Rules& rules) {
  Classification out;
  struct Seen {
    RecordTopic topic;
    std::size_t first = 0;
    std::vector<std::string> evidence;
  };
  std::vector<Seen> seen;
  std::size_t order = 0, words = 0, largest = 0;
  const Hunk* biggest = nullptr;
  std::vector<FlagCounts> counts;  // per substantive hunk
  std::vector<Hunk*> flagged;
  for (Hunk& hunk : change.hunks) {
    hunk.topics.clear();
    hunk.flags.clear();
    if (hunk.cosmetic) continue;
    const std::size_t n = changed_words(hunk);
    words += n;
    if (!biggest || n > largest) {
      biggest = &hunk;
      largest = n;
    }
    const HunkSides sides = sides_of(hunk);
    const Tokens headings = heading_tokens(hunk.section);
    for (HunkTopic& t : hunk_topics(sides, headings, rules)) {
      auto it = std::find_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.topic.id == t.match.id; });
      if (it == seen.end()) {
        Seen s;
        s.topic.id = t.match.id;
        s.topic.label = t.match.label;
        s.topic.weight = t.rule->weight;
        s.topic.where = "section";
        s.first = order++;
        seen.push_back(std::move(s));
        it = seen.end() - 1;
      }
      ++it->topic.hunks;
      if (t.match.where != "section") it->topic.where = "text";
      for (const auto& e : t.all_evidence) add_evidence(it->evidence, e, kEvidenceForRegulations);
      hunk.topics.push_back(std::move(t.match));
    }
    counts.emplace_back();
    hunk.flags = hunk_flags(sides, rules, counts.back());
    flagged.push_back(&hunk);
  }
  // A flag stands when no other hunk says on the other side what this one took away (or
  // added): a promise removed here and restated elsewhere was moved, not dropped.
  for (std::size_t k = 0; k < flagged.size(); ++k) {
    Hunk& hunk = *flagged[k];
    std::vector<FlagMatch> kept;
    for (FlagMatch& f : hunk.flags) {
      std::size_t r = 0;
      while (rules.flags[r].id != f.id) ++r;
      bool restated = false;
      for (std::size_t other = 0; other < counts.size(); ++other)
        if (other != k) restated = restated || (f.direction == "removed" ? counts[other].added[r] : counts[other].removed[r]) > 0;
      if (!restated) kept.push_back(std::move(f));
    }
    hunk.flags = std::move(kept);
    for (const FlagMatch& f : hunk.flags) {
      auto it = std::find_if(out.flags.begin(), out.flags.end(), [&](const FlagMatch& g) { return g.id == f.id; });
      if (it == out.flags.end()) {
        out.flags.push_back(f);
        continue;
      }
      for (const auto& e : f.evidence) add_evidence(it->evidence, e, kEvidencePerRecord);
    }
  }
  if (!biggest) {
    out.severity = Severity::info;
    return out;
  }
  out.section = biggest->section;

  auto effective = [](const RecordTopic& t) { return t.where == "text" ? t.weight : t.weight - 1; };
  std::stable_sort(seen.begin(), seen.end(), [&](const Seen& a, const Seen& b) {
    if (effective(a.topic) != effective(b.topic)) return effective(a.topic) > effective(b.topic);
    return a.first < b.first;
  });
  int topic_points = 0;
  for (const Seen& s : seen) {
    topic_points = std::max(topic_points, effective(s.topic));
    out.topics.push_back(s.topic);
    const TopicRule* rule = rules.topic(s.topic.id);
    if (!rule) continue;
    for (const Regulation& g : rule->regulations) {
      if (std::any_of(out.regulations.begin(), out.regulations.end(), [&](const RegulationRef& r) { return r.id == g.id; }))
        continue;
      if (!g.when.empty() && !evidence_matches(g.when, s.evidence)) continue;
      out.regulations.push_back({g.id, g.name, g.reason, s.topic.id});
    }
  }
  out.severity = severity_for(words, topic_points, out.flags.size(), &out.score);
  return out;
}

void classify_result(ChangeRecord& result, const Rules& rules) {
  result.severity = Severity::unclassified;
  result.section.clear();
  result.topics.clear();
  result.regulations.clear();
  result.flags.clear();
  if (result.status == Status::new_document) {
    result.severity = Severity::info;
    return;
  }
  if (result.status != Status::changed || !result.change) return;
  if (result.significance != Significance::substantive) {
    for (Hunk& h : result.change->hunks) {
      h.topics.clear();
      h.flags.clear();
    }
    result.severity = Severity::info;
    return;
  }
  Classification c = classify(*result.change, rules);
  result.severity = c.severity;
  result.section = std::move(c.section);
  result.topics = std::move(c.topics);
  result.regulations = std::move(c.regulations);
  result.flags = std::move(c.flags);
}

}  // namespace tosdiff
