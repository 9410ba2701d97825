#include "tosdiff/compare/hunk_sentences.hpp"

#include <map>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_reading.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

struct Sentences {
  std::map<std::string, int> count;         // by comparison key
  std::map<std::string, std::string> text;  // a sentence as written, by key
};

Sentences sentences_on(const Hunk& hunk, char op) {
  Sentences out;
  for (const LineOp& line : hunk.lines) {
    if (line.op != op) continue;
    for (std::string& sentence : sentences_of(line.text)) {
      std::string key = comparison_key(sentence);
      if (key.empty()) continue;
      ++out.count[key];
      out.text.emplace(std::move(key), std::move(sentence));
    }
  }
  return out;
}

// The sentences one side has more of than the other, as written.
std::vector<std::string> surplus(const Sentences& side, const Sentences& other) {
  std::vector<std::string> out;
  for (const auto& [key, count] : side.count) {
    auto it = other.count.find(key);
    for (int n = it == other.count.end() ? count : count - it->second; n > 0; --n) out.push_back(side.text.at(key));
  }
  return out;
}

// The full stop at `dot` is a day's ("am 1. März 2026", "1. marca"): one or two digits before
// it, a month's name after it. Not "May": "... under section 4. May we ..." opens a sentence.
bool ends_a_days_number(std::string_view text, std::size_t dot) {
  std::size_t digits = 0;
  while (digits < dot && digits < 3 && is_ascii_digit(text[dot - 1 - digits])) ++digits;
  if (digits == 0 || digits > 2 || (dot > digits && is_ascii_letter(text[dot - 1 - digits]))) return false;
  const std::size_t from = dot + 2;
  std::size_t to = from;
  while (to < text.size() && text[to] != ' ' && text[to] != ',' && text[to] != '.') ++to;
  const std::string_view month = text.substr(from, to - from);
  return month != "May" && is_month_name(month);
}

}  // namespace

std::vector<std::string> sentences_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const char c = text[i];
    if ((c != '.' && c != '!' && c != '?') || text[i + 1] != ' ') continue;
    const unsigned char next = static_cast<unsigned char>(text[i + 2]);
    if (!(next >= 'A' && next <= 'Z') && next < 0x80) continue;
    if (c == '.' && ends_a_days_number(text, i)) continue;
    out.emplace_back(text.substr(start, i + 1 - start));
    start = i + 2;
  }
  if (start < text.size()) out.emplace_back(text.substr(start));
  return out;
}

SentenceDifference sentence_difference(const Hunk& hunk) {
  const Sentences removed = sentences_on(hunk, '-'), added = sentences_on(hunk, '+');
  return {surplus(removed, added), surplus(added, removed)};
}

}  // namespace tosdiff
