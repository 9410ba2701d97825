#pragma once
// Words looked up in short lists: what the sentence-reading rules (update notices, previous
// versions) ask of a sentence's words, and the words that name a legal document.

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

namespace tosdiff {

// Words that name the document itself ("policy", "terms", ...), lower case.
inline constexpr std::initializer_list<const char*> kDocumentWords = {
    "policy", "policies", "terms", "notice", "agreement", "statement", "guidelines", "conditions", "standards", "version"};

// Words that turn a statement around, in the languages of the collections tosdiff reads, lower
// case: a repeat of one is never taken for a stutter.
inline constexpr std::initializer_list<const char*> kNegationWords = {
    "not", "no", "never", "nor", "cannot", "can't", "won't", "don't", "doesn't", "isn't", "aren't", "ne", "pas", "non",
    "jamais", "nicht", "kein", "keine", "nie", "nunca", "nada",
    "niet", "geen", "nooit", "mai", "nessun", "nessuna", "nao", "n\xC3\xA3o"};

inline bool is_one_of(const std::string& word, std::initializer_list<const char*> list) {
  return std::any_of(list.begin(), list.end(), [&](const char* w) { return word == w; });
}

// One of `words` (a sentence's, lower case) is in `list`.
inline bool any_of_words(const std::set<std::string>& words, std::initializer_list<const char*> list) {
  return std::any_of(list.begin(), list.end(), [&](const char* w) { return words.count(w) > 0; });
}

inline bool any_of_words(const std::vector<std::string>& words, std::initializer_list<const char*> list) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& word) { return is_one_of(word, list); });
}

}  // namespace tosdiff
