#include "tosdiff/compare/share_widget.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Networks and share targets as share menus (AddToAny, ShareThis, a page's own buttons) list
// them, lower case, one word each ("Copy Link" is "copy" and "link", "Yahoo Mail" "yahoo" and
// "mail"). Sorted for binary search.
constexpr std::string_view kShareTargets[] = {
    "addtoany", "aol", "app", "balatarin", "bibsonomy", "bitty", "blinklist", "blogger", "blogmarks",
    "bluesky", "bookmarks", "box.net", "buffer", "care2", "citeulike", "classroom", "copy",
    "design", "diary.ru", "diaspora", "digg", "diigo", "douban", "draugiem", "dzone", "email",
    "evernote", "facebook", "fark", "flipboard", "float", "folkd", "gmail", "google", "hacker",
    "hatena", "houzz", "instapaper", "kakao", "kik", "kindle", "line", "link", "linkedin",
    "livejournal", "mail", "mail.ru", "mastodon", "mendeley", "meneame", "messenger", "mewe",
    "mix", "mixi", "more", "myspace", "netvouz", "news", "odnoklassniki", "outlook.com", "papaly",
    "pinboard", "pinterest", "plurk", "pocket", "print", "printfriendly", "protopage", "pusha",
    "qzone", "reddit", "refind", "renren", "share", "sina", "sitejot", "skype", "slashdot", "sms",
    "stocktwits", "symbaloo", "telegram", "threads", "threema", "trello", "tuenti", "tumblr",
    "twiddla", "twitter", "typepad", "viadeo", "viber", "vk", "wanelo", "webnews", "wechat",
    "weibo", "whatsapp", "wordpress", "wykop", "xing", "yahoo", "yoolink", "yummly"};
static_assert(std::ranges::is_sorted(kShareTargets), "kShareTargets is searched by binary_search");

constexpr std::size_t kShortestList = 8;
// Networks put in, taken away or moved inside a list: a menu reordered moves four at a time
// (the insurer's again: "Tumblr WordPress Google Gmail" out of one place, "Gmail Telegram Pocket"
// into another).
constexpr std::size_t kMaxEditWordsInList = 5;
constexpr std::size_t kMaxCapitalisedEdit = 3;  // names the list does not know, up to this many
constexpr std::size_t kWordsReadEachSide = 10;  // of such an edit
constexpr std::size_t kAroundMin = 12;     // the word diff keeps 8 or so on each side

bool is_share_target(const std::string& folded_word) {
  return std::binary_search(std::begin(kShareTargets), std::end(kShareTargets), std::string_view(folded_word));
}

// A run of words as written, its last `count` or its first ones ("\u2026", the word diff's cut,
// left out).
std::vector<std::string> raw_words_at(std::string_view run, std::size_t count, bool at_end) {
  std::vector<std::string> words = space_separated_words(run);
  words.erase(std::remove(words.begin(), words.end(), "\u2026"), words.end());
  if (words.size() <= count) return words;
  if (at_end) return {words.end() - static_cast<std::ptrdiff_t>(count), words.end()};
  return {words.begin(), words.begin() + static_cast<std::ptrdiff_t>(count)};
}

// A widget writes its networks one after the other; a sentence lists recipients with commas
// and "and" ("... are Facebook, Google, Twitter and LinkedIn"), in any language.
bool written_as_prose(const std::vector<std::string>& raw_words) {
  for (const std::string& word : raw_words) {
    if (word.find_first_of(",;") != std::string::npos) return true;
    const std::string lower = ascii_lower(word);
    for (std::string_view joining : {"and", "or", "et", "ou", "und", "oder", "y", "o", "e", "en", "of"})
      if (lower == joining) return true;
  }
  return false;
}

bool is_share_list_of(const std::vector<std::string>& raw_words) {
  if (raw_words.size() < kShortestList || written_as_prose(raw_words)) return false;
  std::size_t known = 0;
  for (const std::string& word : raw_words) known += is_share_target(canonicalize(word, kFoldToWords)) ? 1 : 0;
  return known * 5 >= raw_words.size() * 3;
}

// The edit at `i` (a run taken away or put in) lies in a share list: it is one, or it is a few
// networks' names with a share list's words on each side.
bool edit_in_share_list(const Hunk& hunk, std::size_t i) {
  const std::vector<std::string> edit = space_separated_words(hunk.words[i].text);
  if (is_share_list_of(edit)) return true;
  if (edit.empty() || edit.size() > kMaxEditWordsInList || written_as_prose(edit)) return false;
  // Each a network's name: one the list knows, or a capitalised word (share menus list a
  // hundred networks, "Oknotizie", "Polyvore", "Google+"); never "and", a comma or a clause.
  // Past kMaxCapitalisedEdit words, every one a target the list knows: five capitalised words
  // may be a name and a clause's verb.
  for (const std::string& word : edit)
    if (!is_share_target(canonicalize(word, kFoldToWords)) &&
        (edit.size() > kMaxCapitalisedEdit || !(word[0] >= 'A' && word[0] <= 'Z')))
      return false;
  // The kept words on each side, read past the other edits near it (a reordered menu's edits
  // are a few kept words apart).
  std::vector<std::string> around;
  for (std::size_t k = i; k > 0 && around.size() < kWordsReadEachSide; --k) {
    if (hunk.words[k - 1].op != '=') continue;
    std::vector<std::string> kept = raw_words_at(hunk.words[k - 1].text, kWordsReadEachSide - around.size(), true);
    around.insert(around.begin(), kept.begin(), kept.end());
  }
  const std::size_t on_the_left = around.size();
  for (std::size_t k = i + 1; k < hunk.words.size() && around.size() - on_the_left < kWordsReadEachSide; ++k) {
    if (hunk.words[k].op != '=') continue;
    const std::vector<std::string> kept =
        raw_words_at(hunk.words[k].text, kWordsReadEachSide - (around.size() - on_the_left), false);
    around.insert(around.end(), kept.begin(), kept.end());
  }
  if (on_the_left == 0 || around.size() == on_the_left) return false;
  // At the list's end, fewer words on the right, each a target the list knows ("More…"): ten on
  // the left make the list. A word of a clause there stays news (a review's find).
  const bool list_ends = on_the_left >= kWordsReadEachSide &&
                         std::all_of(around.begin() + static_cast<std::ptrdiff_t>(on_the_left), around.end(),
                                     [](const std::string& word) { return is_share_target(canonicalize(word, kFoldToWords)); });
  return (around.size() >= kAroundMin || list_ends) && is_share_list_of(around);
}

}  // namespace

bool is_share_list(std::string_view words) { return is_share_list_of(space_separated_words(words)); }

void mark_share_widgets(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.words.empty()) continue;
    bool any = false, all = true;
    for (std::size_t i = 0; i < hunk.words.size() && all; ++i) {
      if (hunk.words[i].op == '=') continue;
      any = true;
      all = edit_in_share_list(hunk, i);
    }
    if (any && all) mark_cosmetic(hunk, "page_control");
  }
}

}  // namespace tosdiff
