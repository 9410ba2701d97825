#include "tosdiff/compare/share_widget.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Networks and share targets as share menus (AddToAny, ShareThis, a page's own buttons) list
// them, lower case, one word each ("Copy Link" is "copy" and "link", "Yahoo Mail" "yahoo" and
// "mail"). Sorted for binary search.
constexpr std::array<std::string_view, 103> kShareTargets = {
    "addtoany", "aol", "balatarin", "bibsonomy", "bitty", "blinklist", "blogger", "blogmarks",
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

constexpr std::size_t kShortestList = 8;
constexpr std::size_t kEditInList = 3;     // words put in or taken away inside a list
constexpr std::size_t kListAround = 10;    // words read on each side of such an edit
constexpr std::size_t kAroundMin = 12;     // the word diff keeps 8 or so on each side

bool is_share_target(const std::string& folded_word) {
  return std::binary_search(kShareTargets.begin(), kShareTargets.end(), std::string_view(folded_word));
}

bool is_share_list_of(const std::vector<std::string>& words) {
  if (words.size() < kShortestList) return false;
  const auto known = std::count_if(words.begin(), words.end(), is_share_target);
  return static_cast<std::size_t>(known) * 5 >= words.size() * 3;
}

std::vector<std::string> folded_words(std::string_view text) {
  return space_separated_words(canonicalize(text, kFoldToWords));
}

// The last `count` words of `run`, or its first ones.
std::vector<std::string> words_at(std::string_view run, std::size_t count, bool at_end) {
  std::vector<std::string> words = folded_words(run);
  words.erase(std::remove(words.begin(), words.end(), "\u2026"), words.end());
  if (words.size() <= count) return words;
  if (at_end) return {words.end() - static_cast<std::ptrdiff_t>(count), words.end()};
  return {words.begin(), words.begin() + static_cast<std::ptrdiff_t>(count)};
}

// Whether the edit at `i` (a run removed or added) lies in a share list.
bool edit_in_share_list(const Hunk& hunk, std::size_t i) {
  const std::vector<std::string> edit = folded_words(hunk.words[i].text);
  if (is_share_list_of(edit)) return true;
  if (edit.empty() || edit.size() > kEditInList) return false;
  std::size_t before = i, after = i + 1;
  while (before > 0 && hunk.words[before - 1].op != '=') --before;
  while (after < hunk.words.size() && hunk.words[after].op != '=') ++after;
  if (before == 0 || after >= hunk.words.size()) return false;
  std::vector<std::string> around = words_at(hunk.words[before - 1].text, kListAround, true);
  const std::vector<std::string> next = words_at(hunk.words[after].text, kListAround, false);
  around.insert(around.end(), next.begin(), next.end());
  return around.size() >= kAroundMin && is_share_list_of(around);
}

}  // namespace

bool is_share_list(std::string_view words) { return is_share_list_of(folded_words(words)); }

void mark_share_widgets(std::vector<Hunk>& hunks) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.words.empty()) continue;
    bool any = false, all = true;
    for (std::size_t i = 0; i < hunk.words.size() && all; ++i) {
      if (hunk.words[i].op == '=') continue;
      any = true;
      all = edit_in_share_list(hunk, i);
    }
    if (!any || !all) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"page_control"};
  }
}

}  // namespace tosdiff
