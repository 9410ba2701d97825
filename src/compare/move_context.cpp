#include "tosdiff/compare/move_context.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// How far back a paragraph looks for its lead-in: a list written as paragraphs (a PDF's
// bullets drawn as pictures) runs to a few dozen lines.
constexpr std::size_t kLeadInReach = 40;

// A table row's label, written as a line of its own.
constexpr std::size_t kLabelWords = 8;

// An item of a list written as paragraphs is a line or two; a paragraph of prose is longer
// (contrib replay: a contract's footer moved past a long clause that followed a lead-in).
constexpr std::size_t kItemWords = 25;

std::size_t words_of(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A table's value written as a line: one word ("Yes", "None"), or a figure and its unit
// ("18 months after collection", "4.50", "$10 per seat"). A title with a date in it
// ("Privacy Policy July 17", a menu's entry) is read on its own.
bool is_value(std::string_view text) {
  const std::size_t words = words_of(text);
  std::size_t figure = 0;
  while (figure < text.size() && std::string_view("$\xE2\x82\xAC\xC2\xA3").find(text[figure]) != std::string_view::npos)
    ++figure;  // a currency sign: $, the euro's and the pound's bytes
  const bool opens_with_figure = figure < text.size() && text[figure] >= '0' && text[figure] <= '9';
  return words == 1 || (opens_with_figure && words <= 6);
}

// A line that ends as a sentence does: a row's label or a glossary's term does not.
bool ends_a_sentence(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == ')')) text.remove_suffix(1);
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?' || text.back() == ';');
}

// A term of a glossary: a short paragraph that is no sentence, no lead-in.
bool is_term(const Block& block) {
  return block.kind == BlockKind::paragraph && words_of(block.text) <= kLabelWords && !ends_a_sentence(block.text) &&
         !ends_with_colon(block.text);
}

// Block i is a glossary's definition: a sentence right after a term, in a run of such pairs
// (the pair before it or after it is one too: a <dl> read as paragraphs). A title above a
// section's paragraphs is one term, not a glossary.
bool defines(const std::vector<Block>& blocks, std::size_t i) {
  const auto pair_at = [&](std::size_t definition) {
    return definition >= 1 && definition < blocks.size() && is_term(blocks[definition - 1]) &&
           blocks[definition].kind == BlockKind::paragraph && ends_a_sentence(blocks[definition].text);
  };
  return pair_at(i) && ((i >= 2 && pair_at(i - 2)) || pair_at(i + 2));
}

// A sentence that names what it is about by pointing back ("this information", "such data",
// "ces données", "diese Daten"): read under another heading, it is about other data (a red
// team's find: "We may share this information with our advertising partners" moved from the
// purchases' section to the health data's, shown as a move).
bool refers_back(std::string_view text) {
  static constexpr std::string_view kPointers[] = {
      "this information", "such information", "this data", "such data", "these data", "this personal data",
      "such personal data", "these details", "this category", "these categories", "the above", "the information above",
      "ces informations", "ces donn\xC3\xA9" "es", "cette information", "de telles donn\xC3\xA9" "es", "diese daten",
      "diese informationen", "solche daten", "estos datos", "esta informaci\xC3\xB3n", "questi dati",
      "tali dati", "queste informazioni", "esses dados", "estas informa\xC3\xA7\xC3\xB5" "es", "deze gegevens"};
  // And says what may or must be done with it: "Our videos explain how we use this data",
  // moved to the preamble, is a policy's own editing (pga replay).
  static constexpr std::string_view kOperative[] = {
      " may ", " will ", " shall ", " must ", " can ", " cannot ", " never ", " do not ", " does not ", " won't ",
      " might ", " could ", " pouvons ", " pourrons ", " peut ", " devons ", " jamais ", " k\xC3\xB6nnen ",
      " werden ", " d\xC3\xBC" "rfen ", " niemals ", " podemos ", " podremos ", " possiamo ", " potremo ",
      " kunnen ", " zullen "};
  if (words_of(text) > 60) return false;
  const std::string lowered = " " + ascii_lower(text) + " ";
  if (std::none_of(std::begin(kOperative), std::end(kOperative),
                   [&](std::string_view verb) { return lowered.find(verb) != std::string::npos; }))
    return false;
  for (std::string_view pointer : kPointers) {
    for (std::size_t at = lowered.find(pointer); at != std::string::npos; at = lowered.find(pointer, at + 1)) {
      const std::size_t end = at + pointer.size();
      const bool starts = !std::isalnum(static_cast<unsigned char>(lowered[at - 1]));
      const bool ends = !std::isalnum(static_cast<unsigned char>(lowered[end]));
      if (starts && ends) return true;
    }
  }
  return false;
}

// A lead-in that says its list's order is its meaning: "they prevail in the following order:",
// "we will try the following steps in this order:" (a red team's finds: a precedence re-ranked
// and two steps of a dispute procedure swapped, read as a reorder).
bool speaks_of_order(std::string_view lead_in) {
  // Phrases, not "order" alone: "In order to run the service, we share:" and "Orders include:"
  // say nothing of the list's order.
  static constexpr std::string_view kOrder[] = {
      "following order", "this order", "order of precedence", "order of priority", "in order of", "prevail",
      "precedence", "priority", "in turn", "ordre suivant", "cet ordre", "ordre de priorit\xC3\xA9",
      "pr\xC3\xA9val", "reihenfolge", "vorrang", "siguiente orden", "orden de prelaci\xC3\xB3n", "prevalec",
      "seguente ordine", "prevalgono", "prevarr", "seguinte ordem", "volgorde", "voorrang"};
  const std::string lowered = ascii_lower(lead_in);
  return std::any_of(std::begin(kOrder), std::end(kOrder),
                     [&](std::string_view word) { return lowered.find(word) != std::string::npos; });
}

// A heading's key without the number it opens with (keys drop "3." but keep a bare "3"): a
// section renumbered when another was put before it is the same section.
std::string_view unnumbered(std::string_view key) {
  std::size_t i = 0;
  while (i < key.size() && key[i] >= '0' && key[i] <= '9') ++i;
  return i < key.size() ? key.substr(i) : key;
}

// Words of a heading that name what its section is about, for telling categories of one
// thing ("Strictly necessary cookies", "Optional cookies"; "Free accounts", "Paid accounts"):
// four letters or more, no figure, not a word every section of a policy may say.
std::vector<std::string> naming_words(std::string_view heading) {
  static constexpr std::string_view kEveryWhere[] = {
      "your", "with", "from", "this", "that", "about", "what", "when", "where", "which", "these", "those", "their",
      "other", "more", "general", "policy", "privacy", "terms", "information", "data", "personal", "notice",
      "section", "article", "part", "note", "also", "does", "will", "have", "into", "onto", "upon", "under", "over",
      "vous", "votre", "informations", "ihre", "daten", "datos", "dati", "gegevens"};
  std::vector<std::string> words;
  const std::string lowered = ascii_lower(heading);
  for (std::size_t at = 0; at < lowered.size();) {
    std::size_t end = at;
    while (end < lowered.size() && (std::isalnum(static_cast<unsigned char>(lowered[end])) ||
                                    static_cast<unsigned char>(lowered[end]) >= 0x80))
      ++end;
    const std::string_view word = std::string_view(lowered).substr(at, end - at);
    at = end + 1;
    if (word.size() < 4 || std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    if (std::find(std::begin(kEveryWhere), std::end(kEveryWhere), word) == std::end(kEveryWhere))
      words.emplace_back(word);
  }
  return words;
}

// For each heading, whether it names one category of a thing another heading of its level
// names another of (a word of naming_words() in common): what a paragraph under it says holds
// for that category only, and moved to another category's section it holds for that one (a
// red team's find: an analytics cookie's paragraph moved from "Optional cookies" to "Strictly
// necessary cookies", read as a reorder).
std::vector<bool> category_headings(const std::vector<Block>& blocks, const std::vector<std::string>& keys) {
  std::vector<bool> out(blocks.size(), false);
  std::vector<std::size_t> headings;
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (blocks[i].kind == BlockKind::heading) headings.push_back(i);
  // Real pages have dozens of headings, a few hundred at most: pairs are cheap; a page of
  // thousands is an index, not sections (left unread).
  if (headings.size() > 400) return out;
  std::vector<std::vector<std::string>> words;
  for (std::size_t h : headings) words.push_back(naming_words(blocks[h].text));
  for (std::size_t x = 0; x < headings.size(); ++x)
    for (std::size_t y = x + 1; y < headings.size(); ++y) {
      if (blocks[headings[x]].level != blocks[headings[y]].level) continue;
      if (unnumbered(keys[headings[x]]) == unnumbered(keys[headings[y]])) continue;
      const bool shared = std::any_of(words[x].begin(), words[x].end(), [&](const std::string& word) {
        return std::find(words[y].begin(), words[y].end(), word) != words[y].end();
      });
      if (shared) out[headings[x]] = out[headings[y]] = true;
    }
  return out;
}

}  // namespace

std::vector<std::string> move_contexts(const Text& text, const std::vector<std::string>& keys) {
  const std::vector<Block>& blocks = text.blocks;
  std::size_t ranked_lead_in = blocks.size(), rank = 0;  // the top items under an ordering lead-in
  std::vector<std::string> out(blocks.size());
  // Walked once, in order: the open lists' items by depth, the last block that is no item, the
  // last heading (a page can hold thousands of items, and each is read in constant time).
  std::vector<std::size_t> open_items;
  std::size_t last_other = blocks.size(), last_heading = blocks.size();
  std::vector<std::size_t> heading_before(blocks.size(), blocks.size());
  const std::vector<bool> category = category_headings(blocks, keys);
  // The section a block stands in, by its heading's key without its number.
  const auto section = [&](std::size_t heading) {
    return heading < blocks.size() ? std::string(unnumbered(keys[heading])) : std::string();
  };
  std::size_t table_start = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    heading_before[i] = last_heading;
    if (block.kind == BlockKind::table_row) {
      // A row is read under its table's header and the section the table stands in: a cookie
      // moved from the optional cookies' table to the necessary ones', a subprocessor from
      // the service providers' to the advertising partners' (a red team's find, read as a
      // reorder). Rows sorted otherwise in their table stay a reorder.
      if (i == 0 || blocks[i - 1].kind != BlockKind::table_row) table_start = i;
      out[i] = keys[table_start];
      (out[i] += '\x1e') += section(last_heading);
      // And the paragraph the table stands under: a cookie scanner's tables share one header and
      // one section, each under its category's name and description ("Necessary (45)", then
      // "Necessary cookies help make our website usable..."), so a cookie moved from the
      // unclassified ones to the necessary ones is read under another table (france replay: a
      // ride-hailing app's declaration; read as a reorder, only the categories' counts moved).
      if (table_start > 0 && blocks[table_start - 1].kind == BlockKind::paragraph)
        (out[i] += '\x1e') += keys[table_start - 1];
      open_items.clear();
      last_other = i;
      continue;
    }
    if (block.kind == BlockKind::list_item) {
      // Its lead-in, and the section the lead-in stands in: two sections' lists may hang from
      // lead-ins worded alike ("We may share with advertisers:" under Free and under Paid
      // accounts, a review's find).
      while (!open_items.empty() && blocks[open_items.back()].level >= block.level) open_items.pop_back();
      const std::size_t lead_in = open_items.empty() ? last_other : open_items.back();
      if (lead_in < blocks.size()) {
        out[i] = keys[lead_in];
        const std::size_t heading = blocks[lead_in].kind == BlockKind::heading ? lead_in : heading_before[lead_in];
        if (heading < blocks.size()) (out[i] += '\x1e') += section(heading);
        // Under a lead-in that says the order matters, an item's rank is part of what it says.
        if (open_items.empty() && blocks[lead_in].kind == BlockKind::paragraph && speaks_of_order(blocks[lead_in].text)) {
          if (ranked_lead_in != lead_in) ranked_lead_in = lead_in, rank = 0;
          (out[i] += '\x1e') += std::to_string(++rank);
        }
      }
      open_items.push_back(i);
      continue;
    }
    open_items.clear();
    last_other = i;
    if (block.kind == BlockKind::heading) {
      last_heading = i;
    } else if (i > 0 && is_value(block.text) && words_of(blocks[i - 1].text) <= kLabelWords &&
               !ends_a_sentence(blocks[i - 1].text)) {
      // A value's row label is a short line too; a one-word line after prose is a title
      // ("Cookies" opening a section: a review's find, sections swapped whole read as a change).
      out[i] = keys[i - 1];
    } else if (defines(blocks, i)) {
      // A glossary's definition under its term ("Sensitive Data" / "... which we never use for
      // advertising"): given to another term, it says something else of it (a red team's find:
      // two definitions swapped read as a reorder).
      out[i] = keys[i - 1];
    } else if (block.kind == BlockKind::paragraph && refers_back(block.text) && heading_before[i] < blocks.size()) {
      // "We may share this information with advertisers": what it shares is its section's.
      out[i] = section(heading_before[i]);
    } else if (block.kind == BlockKind::paragraph) {
      if (words_of(block.text) <= kItemWords) {
        // Back over the item-sized paragraphs before it: a list, a table, a heading or a
        // paragraph of prose ends the lead-in's reach. With the lead-in's section, as a list
        // item's: two sections' lead-ins may be worded alike (a red team's find).
        for (std::size_t j = i, seen = 0; j-- > 0 && seen < kLeadInReach; ++seen) {
          if (blocks[j].kind != BlockKind::paragraph) break;
          if (ends_with_colon(blocks[j].text)) {
            out[i] = keys[j];
            if (heading_before[j] < blocks.size()) (out[i] += '\x1e') += section(heading_before[j]);
            break;
          }
          if (words_of(blocks[j].text) > kItemWords) break;
        }
      }
      // A paragraph in one category's section ("Optional cookies") holds for that category.
      if (out[i].empty() && heading_before[i] < blocks.size() && category[heading_before[i]])
        out[i] = section(heading_before[i]);
    }
  }
  return out;
}

std::vector<std::string> lead_in_lists(const Text& text, const std::vector<std::string>& keys,
                                       const std::vector<std::string>& contexts) {
  const std::vector<Block>& blocks = text.blocks;
  std::vector<std::string> out(blocks.size());
  for (std::size_t i = 0; i + 1 < blocks.size(); ++i) {
    if (blocks[i].kind != BlockKind::paragraph || !ends_with_colon(blocks[i].text)) continue;
    std::size_t hash = 0;
    std::size_t items = 0;
    for (std::size_t j = i + 1; j < blocks.size(); ++j) {
      const bool nested = blocks[j].kind == BlockKind::list_item && blocks[j].level > 0 && items > 0;
      // Its context is the lead-in's key, alone or before the heading's ('\x1e').
      const std::string& context = contexts[j];
      const bool under = context.compare(0, keys[i].size(), keys[i]) == 0 &&
                         (context.size() == keys[i].size() || context[keys[i].size()] == '\x1e');
      if (!nested && !under) break;
      hash = hash * 1000003u ^ std::hash<std::string>{}(keys[j]);
      ++items;
    }
    if (items > 0) out[i] = std::to_string(items) + ':' + std::to_string(hash);
  }
  return out;
}

}  // namespace tosdiff
