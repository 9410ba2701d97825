#include "tosdiff/compare/translated_files.hpp"

#include <algorithm>
#include <string>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/model/language_names.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kFileEntryMaxWords = 20;
constexpr std::size_t kFileSizeLineMaxWords = 3;
constexpr std::size_t kMinTranslatedEntries = 3;
constexpr std::size_t kFilesDocumentMinWords = 150;

constexpr std::string_view kFileExtensions[] = {".pdf", ".doc", ".docx", ".odt", ".rtf"};
constexpr std::string_view kLanguageSeparators[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94", ":", "|"};
constexpr std::string_view kFileSizeUnits[] = {"b", "kb", "mb", "gb", "ko", "mo", "go", "kib", "mib"};
constexpr std::string_view kDownloadWords[] = {"download", "t\xC3\xA9l\xC3\xA9" "charger", "herunterladen", "descargar",
                                               "scarica", "baixar", "downloaden"};

template <std::size_t N>
bool is_listed_in(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// A word that names a file: "20260519.pdf", "Terms.PDF".
bool names_a_file(std::string_view word) {
  const std::string lower = ascii_lower(word);
  return std::any_of(std::begin(kFileExtensions), std::end(kFileExtensions), [&](std::string_view extension) {
    return lower.size() > extension.size() && lower.compare(lower.size() - extension.size(), extension.size(), extension) == 0;
  });
}

// A size: a number, then its unit ("900 KB", "1,2 Mo").
bool is_size(std::string_view number, std::string_view unit) {
  if (number.empty() || !std::all_of(number.begin(), number.end(), [](char c) { return is_ascii_digit(c) || c == '.' || c == ','; }))
    return false;
  return is_ascii_digit(number.front()) && is_listed_in(ascii_lower(unit), kFileSizeUnits);
}

// Any entry naming a file, its language or not: among translations' entries, one whose label the
// page's bidirectional text scrambled ("20260330 شروط استخدامAR - Lumen.pdf").
bool is_file_entry(std::string_view block_text) {
  const std::vector<std::string> words = space_separated_words(trim(block_text));
  return words.size() <= kFileEntryMaxWords &&
         std::any_of(words.begin(), words.end(), [](const std::string& word) { return names_a_file(word); });
}

}  // namespace

bool is_translated_file_entry(std::string_view block_text) {
  const std::vector<std::string> words = space_separated_words(trim(block_text));
  if (words.size() < 2 || words.size() > kFileEntryMaxWords) return false;
  if (!std::any_of(words.begin(), words.end(), [](const std::string& word) { return names_a_file(word); })) return false;
  // The language before the first separator: a code or a name of one to three words.
  for (std::size_t k = 1; k < words.size() && k <= 3; ++k) {
    std::string label;
    for (std::size_t i = 0; i < k; ++i) label += (i ? " " : "") + words[i];
    if (is_listed_in(words[k], kLanguageSeparators)) return is_language_code(label) || is_language_name(label);
    if (k == 1 && label.size() > 1 && label.back() == ':') {
      label.pop_back();
      return is_language_code(label) || is_language_name(label);
    }
  }
  return false;
}

bool is_file_size_line(std::string_view block_text) {
  const std::vector<std::string> words = space_separated_words(trim(block_text));
  if (words.size() < 2 || words.size() > kFileSizeLineMaxWords || !is_size(words[0], words[1])) return false;
  return words.size() == 2 || is_listed_in(ascii_lower(words[2]), kDownloadWords);
}

void mark_translated_files(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  // Each text lists its translations, and is a document besides them.
  auto lists_translations = [](const Text& text) {
    std::size_t entries = 0, other_words = 0;
    for (const Block& block : text.blocks) {
      if (is_translated_file_entry(block.text)) ++entries;
      else if (!is_file_size_line(block.text)) other_words += count_space_separated_words(block.text);
    }
    return entries >= kMinTranslatedEntries && other_words >= kFilesDocumentMinWords;
  };
  bool checked = false, listed = false;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    bool entry = false, all = true;
    for (const LineOp& line : hunk.lines) {
      const Block block = parse_block(line.text);
      if (block.kind == BlockKind::heading) {
        all = false;
        break;
      }
      entry = entry || is_translated_file_entry(block.text);
      all = all && (is_file_entry(block.text) || is_file_size_line(block.text));
    }
    if (!all || !entry) continue;
    if (!checked) listed = lists_translations(before) && lists_translations(after), checked = true;
    if (!listed) return;
    mark_cosmetic(hunk, "translations");
  }
}

}  // namespace tosdiff
