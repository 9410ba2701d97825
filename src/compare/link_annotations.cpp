#include "tosdiff/compare/link_annotations.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Annotations said with a verb, lower case (ASCII letters folded only: the capital forms of
// "Öffnet" are listed too), removed wherever they stand.
const std::vector<std::string>& verb_annotations() {
  static const std::vector<std::string> phrases = [] {
    std::vector<std::string> out;
    for (const char* verb : {"opens", "open", "will open", "link opens", "link will open"})
      for (const char* where : {" in a new ", " in new ", " a new ", " in a separate "})
        for (const char* place : {"tab", "window", "browser tab", "browser window", "window or tab", "tab or window"})
          out.push_back(std::string(verb) + where + place);
    for (const char* phrase :
         {"opens email client", "opens e-mail client", "opens your email client", "opens in your email client",
          "opens in email client", "opens an external site", "opens an external website", "opens external website",
          "opens external site",
          // French
          "s'ouvre dans un nouvel onglet", "s\u2019ouvre dans un nouvel onglet", "s'ouvre dans une nouvelle fen\u00eatre",
          "s\u2019ouvre dans une nouvelle fen\u00eatre", "ouvre un nouvel onglet", "ouvre une nouvelle fen\u00eatre",
          "ouverture dans un nouvel onglet", "ouverture dans une nouvelle fen\u00eatre",
          // German
          "\u00f6ffnet in einem neuen tab", "\u00f6ffnet in einem neuen fenster", "\u00f6ffnet ein neues fenster",
          "\u00f6ffnet einen neuen tab", "\u00f6ffnet in neuem tab", "\u00f6ffnet in neuem fenster",
          "\u00d6ffnet in einem neuen tab", "\u00d6ffnet in einem neuen fenster", "\u00d6ffnet ein neues fenster",
          "\u00d6ffnet einen neuen tab", "\u00d6ffnet in neuem tab", "\u00d6ffnet in neuem fenster",
          "wird in einem neuen fenster ge\u00f6ffnet", "wird in einem neuen tab ge\u00f6ffnet",
          // Spanish
          "se abre en una nueva pesta\u00f1a", "se abre en una nueva ventana", "abre en una nueva pesta\u00f1a",
          "abre en una nueva ventana", "abre una nueva ventana", "abre una nueva pesta\u00f1a",
          // Italian
          "si apre in una nuova scheda", "si apre in una nuova finestra", "apre in una nuova scheda",
          "apre in una nuova finestra", "apre una nuova finestra", "apre una nuova scheda",
          // Portuguese
          "abre em uma nova aba", "abre em uma nova janela", "abre numa nova aba", "abre numa nova janela",
          "abre em nova aba", "abre em nova janela", "abre uma nova janela", "abre uma nova aba",
          // Dutch
          "opent in een nieuw tabblad", "opent in een nieuw venster", "opent een nieuw venster",
          "opent in een nieuw browservenster"})
      out.emplace_back(phrase);
    // Longest first: "opens in a new browser tab" before "opens in a new browser" could match.
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return out;
  }();
  return phrases;
}

// Annotations without a verb: only inside brackets. An external link's mark anywhere ...
constexpr std::array<std::string_view, 8> kExternalMarks = {
    "external link", "link is external", "lien externe", "externer link", "enlace externo", "link esterno",
    "link externo", "externe link"};
// ... a new window's or an external site's only glued to the link's label or after an
// address: "10 years (new window) or 2 years for a repair", "Double Glazing (new window)",
// "10 Jahre (neues Fenster)" are a glazier's warranty.
constexpr std::array<std::string_view, 10> kNewWindowMarks = {
    "new tab", "new window", "external site", "external website", "nouvel onglet", "nouvelle fen\u00eatre",
    "neues fenster", "neuer tab", "nueva ventana", "nuova finestra"};

bool is_separator(char c) { return c == ',' || c == '-' || c == ':' || c == '(' || c == '['; }

// Where a verb's annotation may stand: glued to the link's label ("notices@lumen.example(opens
// in a new tab) in writing", "...exampleopens email client"), or in brackets, wherever the
// sentence goes on; set off by a comma or a dash, ending its block or clause ("..., opens in a
// new tab."); or opening the block before the label it opens ("Opens a new window or tab
// Individuals overview"). "Every page that opens in a new tab to our safety service" is a
// sentence about tabs.
bool stands_as_an_annotation(std::string_view s, std::size_t at, std::size_t end) {
  std::size_t after = end;
  while (after < s.size() && s[after] == ' ') ++after;
  if (at > 0 && s[at - 1] != ' ') return true;  // glued, or right after an opening bracket
  // Set off, it speaks of the link in the third person ("opens", "link opens"), never an
  // infinitive of a list ("app start, open a new tab, search"; "Ads may not play sound, open a
  // new window, or redirect"), and ends its block or its bracket.
  const std::string_view phrase = s.substr(at, end - at);
  const bool third_person = (phrase.size() > 6 && equals_ignoring_case(phrase.substr(0, 6), "opens ")) ||
                            (phrase.size() > 5 && equals_ignoring_case(phrase.substr(0, 5), "link "));
  if (!third_person) return false;
  const bool ends_there = after == s.size() || std::string_view(")].").find(s[after]) != std::string_view::npos;
  // Written as a label, its capital in the middle of a line, it ends the line or comes before
  // the next label's capital (contrib replay: an insurer's form, "MOBILE NUMBER ex: 19876543210
  // Opens a new window or tab"). A sentence's "opens" mid-line is lower case.
  if (at > 0 && s[at] == 'O' && (after == s.size() || (s[after] >= 'A' && s[after] <= 'Z'))) return true;
  if (at == 0) return after == s.size() || (s[after] >= 'A' && s[after] <= 'Z');
  std::size_t k = at;
  while (k > 0 && s[k - 1] == ' ') --k;
  if (k == 0) return after == s.size() || (s[after] >= 'A' && s[after] <= 'Z');
  const char c = s[k - 1];
  if (c == '(' || c == '[') return true;
  // An en or em dash ends in 0x93 or 0x94 after 0xE2 0x80.
  const bool dash = k >= 3 && static_cast<unsigned char>(s[k - 3]) == 0xE2 &&
                    static_cast<unsigned char>(s[k - 2]) == 0x80 &&
                    (static_cast<unsigned char>(c) == 0x93 || static_cast<unsigned char>(c) == 0x94);
  return (is_separator(c) || dash) && ends_there;
}

// The word before `at` (skipping spaces), as written.
std::string_view word_before(std::string_view s, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && s[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > 0 && s[start - 1] != ' ') --start;
  return s.substr(start, end - start);
}

bool is_open_bracket(char c) { return c == '(' || c == '['; }
bool is_close_bracket(char c) { return c == ')' || c == ']'; }

// Cheap test before any lower-casing: every annotation has one of these runs (a tab, a
// window, a client, external; "new" in each language), most blocks none.
bool may_hold_an_annotation(std::string_view s) {
  for (std::string_view cue : {"ew tab", "ew window", "ew browser", "ew Tab", "ew Window", "ew Browser", "EW TAB",
                               "EW WINDOW", "separate", "client", "xtern", "stern", "ouvel", "eue", "ueva", "uova",
                               "ova ", "ieuw"})
    if (s.find(cue) != std::string_view::npos) return true;
  return false;
}

// Removes s[from, to) with what sets it off: the brackets around it, else the comma, dash or
// colon (and spaces) before it; a space stays between two words it stood between. Returns
// where the text goes on.
std::size_t erase_annotation(std::string& s, std::string& lower, std::size_t from, std::size_t to) {
  std::size_t a = from, b = to;
  std::size_t left = a, right = b;
  while (left > 0 && s[left - 1] == ' ') --left;
  while (right < s.size() && s[right] == ' ') ++right;
  if (left > 0 && right < s.size() && is_open_bracket(s[left - 1]) && is_close_bracket(s[right])) {
    a = left - 1;
    b = right + 1;
  } else {
    while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == ',' || s[a - 1] == '-' || s[a - 1] == ':')) --a;
    for (std::string_view dash : {"\u2013", "\u2014"})  // en and em dashes
      if (a >= dash.size() && s.compare(a - dash.size(), dash.size(), dash) == 0) {
        a -= dash.size();
        while (a > 0 && s[a - 1] == ' ') --a;
      }
  }
  // An annotation opening the text or a word takes the spaces after it along ("Opens a new window
  // or tab Individuals overview").
  if (a == 0 || s[a - 1] == ' ')
    while (b < s.size() && s[b] == ' ') ++b;
  // The space before an annotation goes with it when a space or a mark follows it.
  while (a > 0 && s[a - 1] == ' ' && (b >= s.size() || std::string_view(" .,;:!?)]").find(s[b]) != std::string_view::npos))
    --a;
  const bool space_needed = a > 0 && b < s.size() && s[a - 1] != ' ' && s[b] != ' ' &&
                            std::string_view(".,;:!?)]").find(s[b]) == std::string_view::npos;
  s.replace(a, b - a, space_needed ? " " : "");
  lower.replace(a, b - a, space_needed ? " " : "");
  return a;
}

}  // namespace

std::string drop_link_annotations(std::string_view text) {
  std::string s(text);
  if (!may_hold_an_annotation(s)) return s;
  std::string lower = ascii_lower(s);
  for (const std::string& phrase : verb_annotations()) {
    for (std::size_t at = lower.find(phrase); at != std::string::npos; at = lower.find(phrase, at)) {
      const std::size_t end = at + phrase.size();
      // The phrase ends a word: "opens in a new tabs" is no annotation; glued to the capital
      // of the label it opens, it is ("Opens a new window or tabOpt out of ...": a health
      // insurer's privacy policy, its links' labels turned on).
      const bool glued_to_a_label = end < s.size() && s[end] >= 'A' && s[end] <= 'Z';
      if ((end < lower.size() && is_ascii_letter(lower[end]) && !glued_to_a_label) ||
          !stands_as_an_annotation(s, at, end)) {
        at = end;
        continue;
      }
      at = erase_annotation(s, lower, at, end);
    }
  }
  auto drop_bracketed = [&](std::string_view phrase, bool after_a_label_only) {
    for (std::size_t at = lower.find(phrase); at != std::string::npos; at = lower.find(phrase, at)) {
      std::size_t left = at, right = at + phrase.size();
      while (left > 0 && lower[left - 1] == ' ') --left;
      while (right < lower.size() && lower[right] == ' ') ++right;
      bool mark = left > 0 && right < lower.size() && is_open_bracket(lower[left - 1]) && is_close_bracket(lower[right]);
      if (mark && after_a_label_only && left >= 2 && s[left - 2] == ' ') {
        // Set off by a space: only after an address.
        const std::string_view label = word_before(s, left - 1);
        mark = !label.empty() && (label.find('@') != std::string_view::npos || label.find('/') != std::string_view::npos ||
                                  label.back() == ']');
      }
      if (!mark) {
        ++at;
        continue;
      }
      at = erase_annotation(s, lower, at, at + phrase.size());
    }
  };
  for (std::string_view phrase : kExternalMarks) drop_bracketed(phrase, false);
  for (std::string_view phrase : kNewWindowMarks) drop_bracketed(phrase, true);
  return s;
}

}  // namespace tosdiff
