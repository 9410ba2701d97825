#include "tosdiff/model/language_names.hpp"

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

}  // namespace

bool is_language_name(std::string_view text) {
  for (std::string_view open : {std::string_view("("), std::string_view("\xEF\xBC\x88")})  // ( and （
    if (const auto at = text.find(open); at != std::string_view::npos && at > 0) text = text.substr(0, at);
  text = trim(text);
  return !text.empty() && language_names().count(ascii_lower(text)) > 0;
}

}  // namespace tosdiff
