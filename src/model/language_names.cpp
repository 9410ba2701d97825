#include "tosdiff/model/language_names.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// ASCII-lowercased, as the lookup folds them.
const std::unordered_set<std::string>& language_names() {
  static const std::unordered_set<std::string> names = [] {
    std::unordered_set<std::string> set;
    for (std::string_view name :
         {"English", "Français", "Francais", "Deutsch", "Español", "Espanol", "Italiano",
          "Português", "Portugues", "Nederlands", "Polski", "Русский", "日本語", "한국어", "中文",
          "简体中文", "繁體中文", "繁体中文", "Türkçe", "Svenska", "Dansk", "Norsk", "Norsk bokmål",
          "Suomi", "Čeština", "Cestina", "Magyar", "Română", "Romana", "Ελληνικά", "עברית", "العربية",
          "हिन्दी", "Bahasa Indonesia", "Indonesia", "Bahasa Melayu", "Melayu", "Tiếng Việt", "ไทย",
          "Українська", "Български", "Hrvatski", "Slovenčina", "Slovenščina", "Srpski", "Српски",
          "Lietuvių", "Latviešu", "Eesti", "Català", "Euskara", "Galego", "Filipino", "Tagalog",
          "বাংলা", "فارسی", "اردو", "தமிழ்", "తెలుగు", "मराठी", "ગુજરાતી", "ಕನ್ನಡ", "മലയാളം", "ਪੰਜਾਬੀ",
          "Kiswahili", "Afrikaans", "Íslenska", "Gaeilge", "Cymraeg", "Shqip", "Македонски",
          "Bosanski", "Қазақ тілі", "Azərbaycan", "ქართული", "Հայերեն", "Монгол", "Oʻzbek", "नेपाली",
          "සිංහල", "ខ្មែរ", "ລາວ", "မြန်မာ", "አማርኛ", "Hausa", "Yorùbá", "isiZulu", "Malti",
          "Lëtzebuergesch", "French", "German", "Spanish", "Italian", "Portuguese", "Dutch",
          "Polish", "Russian", "Japanese", "Korean", "Chinese", "Simplified Chinese",
          "Traditional Chinese", "Turkish", "Swedish", "Danish", "Norwegian", "Finnish", "Czech",
          "Hungarian", "Romanian", "Greek", "Hebrew", "Arabic", "Hindi", "Indonesian", "Malay",
          "Vietnamese", "Thai", "Ukrainian", "Bulgarian", "Croatian", "Slovak", "Slovenian",
          "Serbian", "Lithuanian", "Latvian", "Estonian", "Catalan", "Basque", "Galician", "Bengali",
          "Persian", "Urdu", "Tamil", "Telugu", "Marathi", "Swahili", "Icelandic", "Irish", "Welsh"})
      set.insert(ascii_lower(name));
    return set;
  }();
  return names;
}

// ISO 639-1, and Filipino's three letters (a switcher's "FIL").
const std::unordered_set<std::string>& language_codes() {
  static const std::unordered_set<std::string> codes = [] {
    std::unordered_set<std::string> set;
    const std::string_view all =
        "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
        "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
        "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
        "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
        "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
        "vo wa wo xh yi yo za zh zu fil";
    for (const std::string& code : space_separated_words(all)) set.insert(code);
    return set;
  }();
  return codes;
}

}  // namespace

bool is_language_code(std::string_view text) {
  const std::size_t cut = text.find_first_of("-_");
  const std::string_view language = text.substr(0, cut);
  if (language.size() < 2 || language.size() > 3) return false;
  const bool lower = std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const bool upper = std::all_of(language.begin(), language.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!lower && !upper) return false;
  if (cut != std::string_view::npos) {
    const std::string_view region = text.substr(cut + 1);
    if (region.size() < 2 || region.size() > 4 ||
        !std::all_of(region.begin(), region.end(), [](char c) { return is_ascii_letter(c) || is_ascii_digit(c); }))
      return false;
  }
  return language_codes().count(ascii_lower(language)) > 0;
}

bool is_language_name(std::string_view text) {
  for (std::string_view open : {std::string_view("("), std::string_view("\xEF\xBC\x88")})  // ( and （
    if (const auto at = text.find(open); at != std::string_view::npos && at > 0) text = text.substr(0, at);
  text = trim(text);
  return !text.empty() && language_names().count(ascii_lower(text)) > 0;
}

}  // namespace tosdiff
