#include "tosdiff/compare/translated_files.hpp"

#include <algorithm>
#include <set>
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

constexpr std::size_t kFileNameFromEnd = 4;
constexpr std::size_t kMinOwnScriptEntries = 2;

// Any entry naming a file, its language or not: among translations' entries, one whose label the
// page's bidirectional text scrambled ("20260330 شروط استخدامAR - Lumen.pdf"). An entry is a
// label: no comma or semicolon, and the file's name among its last words (its size and a
// button may follow); "Only the English file Terms.pdf binds you; ..." is a sentence.
bool is_file_entry(std::string_view block_text) {
  const std::string_view text = trim(block_text);
  if (text.find_first_of(",;") != std::string_view::npos) return false;
  const std::vector<std::string> words = space_separated_words(text);
  if (words.empty() || words.size() > kFileEntryMaxWords) return false;
  const std::size_t from = words.size() > kFileNameFromEnd ? words.size() - kFileNameFromEnd : 0;
  return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(from), words.end(),
                     [](const std::string& word) { return names_a_file(word); });
}

// The language an entry opens with, lower case ("pl", "pt-br", "deutsch"); "" when none.
std::string entry_language(std::string_view block_text) {
  if (!is_file_entry(block_text)) return "";
  const std::vector<std::string> words = space_separated_words(trim(block_text));
  if (words.size() < 2) return "";
  for (std::size_t k = 1; k < words.size() && k <= 3; ++k) {
    std::string label;
    for (std::size_t i = 0; i < k; ++i) label += (i ? " " : "") + words[i];
    if (k == 1 && label.size() > 1 && label.back() == ':') label.pop_back();
    else if (!is_listed_in(words[k], kLanguageSeparators)) continue;
    return is_language_code(label) || is_language_name(label) ? ascii_lower(label) : "";
  }
  return "";
}

// An entry whose title is written in its own language's letters: one beyond ASCII ("Warunki
// korzystania z ... Roblox" has none, "Términos de uso" one). A list of translations has some; a
// list of country addenda in English ("UK - Consumer Addendum.pdf", "CA - ...") has none.
bool titled_in_its_own_letters(std::string_view block_text) {
  return std::any_of(block_text.begin(), block_text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool is_english(const std::string& language) {
  return language == "en" || language.rfind("en-", 0) == 0 || language.rfind("en_", 0) == 0 || language == "english";
}

}  // namespace

bool is_translated_file_entry(std::string_view block_text) { return !entry_language(block_text).empty(); }

bool is_file_size_line(std::string_view block_text) {
  const std::vector<std::string> words = space_separated_words(trim(block_text));
  if (words.size() < 2 || words.size() > kFileSizeLineMaxWords || !is_size(words[0], words[1])) return false;
  return words.size() == 2 || is_listed_in(ascii_lower(words[2]), kDownloadWords);
}

void mark_translated_files(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  // Each text lists its translations, some titled in their own letters, and is a document besides
  // them; the languages the old text lists.
  std::set<std::string> old_languages;
  auto lists_translations = [&](const Text& text, bool old) {
    std::size_t entries = 0, own_letters = 0, other_words = 0;
    for (const Block& block : text.blocks) {
      if (const std::string language = entry_language(block.text); !language.empty()) {
        ++entries;
        own_letters += titled_in_its_own_letters(block.text) ? 1 : 0;
        if (old) old_languages.insert(language);
      } else if (!is_file_size_line(block.text)) {
        other_words += count_space_separated_words(block.text);
      }
    }
    return entries >= kMinTranslatedEntries && own_letters >= kMinOwnScriptEntries && other_words >= kFilesDocumentMinWords;
  };
  bool checked = false, listed = false;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    bool entry = false, all = true;
    std::vector<std::string> added_languages;
    for (const LineOp& line : hunk.lines) {
      const Block block = parse_block(line.text);
      if (block.kind == BlockKind::heading) {
        all = false;
        break;
      }
      const std::string language = entry_language(block.text);
      entry = entry || !language.empty();
      if (line.op == '+' && !language.empty()) added_languages.push_back(language);
      all = all && (is_file_entry(block.text) || is_file_size_line(block.text));
    }
    if (!all || !entry) continue;
    if (!checked) listed = lists_translations(before, true) && lists_translations(after, false), checked = true;
    if (!listed) return;
    // A file in English the list did not have is no translation of an English page: another
    // document maybe ("EN - Lumenfield Arbitration Agreement.pdf").
    if (std::any_of(added_languages.begin(), added_languages.end(), [&](const std::string& language) {
          return is_english(language) && old_languages.count(language) == 0;
        }))
      continue;
    mark_cosmetic(hunk, "translations");
  }
}

}  // namespace tosdiff
