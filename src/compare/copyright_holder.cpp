#include "tosdiff/compare/copyright_holder.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/model/copyright_line.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Who a copyright line names: its words without the years, the sign and the formula
// ("Copyright © 2019-2026 Lumen Inc. All rights reserved." names "lumen" and "inc").
std::set<std::string> copyright_holder(std::string_view line) {
  const std::string block = parse_block(line).text;
  std::string text;  // the sign read as a space: "©2019" is a year
  text.reserve(block.size());
  for (std::size_t i = 0; i < block.size(); ++i) {
    if (block.compare(i, 2, "\xC2\xA9") == 0) {
      text += ' ';
      ++i;
    } else {
      text += block[i];
    }
  }
  std::set<std::string> holder;
  for (const std::string& word : space_separated_words(canonicalize(text, kFoldToWords))) {
    if (word.empty() || is_ascii_digit(word[0]) || word == "(c)" ||
        is_one_of(word, {"copyright", "all", "rights", "reserved", "tous", "droits", "r\xC3\xA9serv\xC3\xA9s", "alle",
                         "rechte", "vorbehalten", "todos", "los", "derechos", "reservados", "tutti", "i", "diritti",
                         "riservati", "direitos", "rechten", "voorbehouden"}))
      continue;
    holder.insert(word);
  }
  return holder;
}

}  // namespace

// A copyright line put for another naming someone else ("© 2019 Lumen Inc." → "© 2019 Acme Data
// Holdings Inc.": the site may have changed hands; a review's find). Another year, or a link's
// label glued to the line taken away ("© 2016 Lumen Motors Disclaimers"), is the same holder:
// one line's words hold the other's.
bool names_another_copyright_holder(const Hunk& hunk) {
  std::set<std::string> removed, added;
  for (const LineOp& line : hunk.lines)
    if (is_footer_copyright(parse_block(line.text).text)) {
      const std::set<std::string> holder = copyright_holder(line.text);
      (line.op == '-' ? removed : added).insert(holder.begin(), holder.end());
    }
  if (removed.empty() || added.empty()) return false;
  auto holds = [](const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::includes(a.begin(), a.end(), b.begin(), b.end());
  };
  if (!holds(removed, added) && !holds(added, removed)) return true;
  // One side's words holding the other's: a link's label glued to the line, unless the words
  // only one side has say who else holds it ("Lumen Inc., a subsidiary of Acme Holdings", "...
  // and Acme Inc.", "filiale du groupe Acme", "ein Unternehmen der Acme AG": a review's finds;
  // "..., acquired by Orbix Media", "a brand of Orbix Media": a red team's).
  std::set<std::string> only_one;
  std::set_symmetric_difference(removed.begin(), removed.end(), added.begin(), added.end(),
                                std::inserter(only_one, only_one.begin()));
  return std::any_of(only_one.begin(), only_one.end(), [](const std::string& word) {
    return is_one_of(word, {"and", "&", "et", "und", "y", "e", "en", "subsidiary", "affiliate", "company", "group",
                            "holdings", "holding", "inc", "ltd", "llc", "limited", "corp", "corporation", "plc", "gmbh",
                            "ag", "sa", "sas", "bv", "filiale", "groupe", "unternehmen", "gruppe", "konzern", "grupo",
                            "gruppo", "member", "division", "part", "owned", "owner", "parent", "acquired",
                            "acquisition", "brand", "operated", "trading", "dba", "formerly", "successor", "merged",
                            "rachet\xC3\xA9", "rachet\xC3\xA9" "e", "marque", "appartient", "geh\xC3\xB6rt", "marke",
                            "\xC3\xBC" "bernommen", "adquirida", "adquirido", "marca", "acquisita", "acquisito", "marchio",
                            "overgenomen", "merk"});
  });
}

}  // namespace tosdiff
