#include "tosdiff/compare/document_date.hpp"

#include <set>
#include <string_view>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kHeadBlocks = 12;
constexpr std::size_t kFootBlocks = 8;

// Words that say a date is the document's own, lower case, beginnings of words ("updat" for
// "updated", "update"; "actualiz" for "actualizado", "actualización"), matched at a word's start.
constexpr std::string_view kDateWords[] = {
    "updat",   "effecti", "modifi", "revis",    "amend",   "version", "valid",      "in force", "mis à jour",
    "mise à jour", "vigueur", "révis", "stand",  "gültig",  "aktualisiert", "geändert", "actualiz", "vigencia",
    "vigor",   "modific", "aggiorn", "vigore",  "atualiz", "vigente", "bijgewerkt", "herzien", "geldig"};

bool says_what_the_date_is(std::string_view block_text) {
  const std::string words = " " + canonicalize(block_text, kFoldToWords);
  for (std::string_view word : kDateWords)
    if (words.find(" " + std::string(word)) != std::string::npos) return true;
  return false;
}

// The block's one date, when it is a date line that says what the date is; "" otherwise.
std::string dated_line(const Block& block) {
  if (block.kind == BlockKind::table_row || !is_date_line(block.text) || !says_what_the_date_is(block.text)) return "";
  const std::set<std::string> dates = dates_named(block.text);
  return dates.size() == 1 ? *dates.begin() : "";
}

}  // namespace

std::string document_date(const Text& text) {
  const std::vector<Block>& blocks = text.blocks;
  const std::size_t foot = blocks.size() > kFootBlocks ? blocks.size() - kFootBlocks : 0;
  std::string latest;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i >= kHeadBlocks && i < foot) continue;
    const std::string date = dated_line(blocks[i]);
    if (date > latest) latest = date;
  }
  return latest;
}

}  // namespace tosdiff
