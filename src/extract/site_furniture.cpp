#include "tosdiff/extract/site_furniture.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "tosdiff/extract/selector.hpp"
#include "tosdiff/model/copyright_line.hpp"
#include "tosdiff/model/language_names.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

// Past this many nodes an element is no list of links or names (bounds the work per
// element: these tests run on every list-like element of a page).
constexpr std::uint32_t kMaxListNodes = 2000;
constexpr std::size_t kCopyrightLineWords = 30;

// The visible text of a subtree, whitespace-folded and ASCII-lowercased, up to `limit`
// bytes (one byte past it when there is more).
std::string furniture_text(const FlatDocument& doc, std::uint32_t position, std::size_t limit) {
  std::string out;
  for (std::uint32_t i = position + 1; i < doc.end[position] && out.size() <= limit; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (is_element(node) && is_never_text(node)) {
      i = doc.end[i] - 1;
      continue;
    }
    if (node->type != GUMBO_NODE_TEXT) continue;
    for (const char* c = node->v.text.text; *c && out.size() <= limit; ++c) {
      if (is_html_space(*c) || (*c == '\xC2' && c[1] == '\xA0')) {
        if (*c == '\xC2') ++c;
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += (*c >= 'A' && *c <= 'Z') ? static_cast<char>(*c + 32) : *c;
      }
    }
    if (!out.empty() && out.back() != ' ') out += ' ';
  }
  // Cut past the limit, the text keeps its last byte even when that is a space: callers tell
  // "more than `limit`" by the size (a paragraph of four links and its sentence was read as
  // a list of links when the cut fell on a space; metamorphic bench: a soft hyphen in a link
  // moved the cut there).
  if (out.size() > limit) return out;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The element children of an element (positions), or empty past `max`.
std::vector<std::uint32_t> element_children(const FlatDocument& doc, std::uint32_t position, std::size_t max) {
  std::vector<std::uint32_t> children;
  for (std::uint32_t i = position + 1; i < doc.end[position]; i = doc.end[i]) {
    if (doc.nodes[i]->type != GUMBO_NODE_ELEMENT) continue;
    if (children.size() == max) return {};
    children.push_back(i);
  }
  return children;
}

bool is_list_like(const GumboNode* element) {
  const GumboTag tag = element->v.element.tag;
  return tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_MENU ||
         tag == GUMBO_TAG_P || tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_SECTION;
}

// Words of the site's own places, as footer and menu links name them.
bool names_a_site_place(std::string_view label) {
  static constexpr std::string_view kPlaces[] = {
      "home", "about", "contact", "careers", "jobs", "blog", "news", "press", "help", "support",
      "faq", "status", "pricing", "plans", "login", "log in", "sign in", "sign up", "register",
      "download", "privacy", "terms", "cookie", "legal", "security", "sitemap", "site map",
      "investors", "developers", "api", "docs", "documentation", "community", "company",
      "product", "features", "partners", "accessibility", "imprint", "impressum", "trust",
      "safety", "guidelines", "resources", "events", "store", "shop", "enterprise", "business",
      "team", "research", "changelog", "brand", "newsroom", "customers", "affiliates", "mentions",
      "kontakt", "aide", "hilfe", "ayuda", "datenschutz", "confidentialit", "nutzungsbedingungen"};
  for (std::string_view place : kPlaces) {
    for (std::size_t at = label.find(place); at != std::string_view::npos; at = label.find(place, at + 1)) {
      const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(label[at - 1]));
      if (starts) return true;
    }
  }
  return false;
}


// The site a link goes to, as its host's last two labels ("help.lumen.example" and
// "www.lumen.example" are one site, "facebook.com" another); "" for a link within the page's
// own site (relative) or one whose host cannot be read.
std::string site_of(std::string_view href) {
  const std::string host = url_host(href);
  const std::size_t last = host.rfind('.');
  if (last == std::string::npos || last == 0) return host;
  const std::size_t before = host.rfind('.', last - 1);
  return before == std::string::npos ? host : host.substr(before + 1);
}

// Links to this many sites make a list the document's, not the site's menu.
constexpr std::size_t kOtherSitesMin = 3;

// The texts of a list's items (its element children with text), when the element is a list
// of at least four items within the size bounds; empty otherwise.
struct ListItems {
  std::vector<std::pair<std::uint32_t, std::string>> items;  // child position, its text
  std::size_t bytes = 0;                                     // of the texts, a space each
};

ListItems list_items(const FlatDocument& doc, std::uint32_t position, std::size_t max_children) {
  ListItems list;
  if (!is_list_like(doc.nodes[position]) || doc.end[position] - position > kMaxListNodes) return list;
  const std::vector<std::uint32_t> children = element_children(doc, position, max_children);
  if (children.size() < 4) return list;
  for (std::uint32_t child : children) {
    std::string text = furniture_text(doc, child, 60);
    if (text.empty()) continue;
    list.bytes += text.size() + 1;
    list.items.emplace_back(child, std::move(text));
  }
  return list;
}

// Whether the list has no text of its own besides its items' (a little slack for a label).
bool holds_only_its_items(const FlatDocument& doc, std::uint32_t position, const ListItems& list) {
  return furniture_text(doc, position, list.bytes + 40).size() <= list.bytes + 40;
}

}  // namespace

bool is_language_name_list(const FlatDocument& doc, std::uint32_t position) {
  const ListItems list = list_items(doc, position, 400);
  const auto languages = static_cast<std::size_t>(std::count_if(
      list.items.begin(), list.items.end(), [](const auto& item) { return is_language_name(item.second); }));
  // Nearly all of them (a "Choose your language" item or a globe icon's label may be among
  // them), at least four, and no text of the list's own.
  if (languages < 4 || languages * 10 < list.items.size() * 8) return false;
  return holds_only_its_items(doc, position, list);
}

namespace {

// Whether a text node of the subtree holds a copyright marker: a cheap test before the text
// is assembled (this runs on every small element of a whole page).
bool mentions_copyright(const FlatDocument& doc, std::uint32_t position) {
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type != GUMBO_NODE_TEXT) continue;
    const char* text = node->v.text.text;
    for (const char* marker : {"\xC2\xA9", "(c)", "(C)", "opyright", "OPYRIGHT", "ights reserved",
                               "ights Reserved", "IGHTS RESERVED", "droits r", "echte vorbehalten",
                               "derechos reservados"})
      if (std::strstr(text, marker)) return true;
  }
  return false;
}

}  // namespace

bool is_copyright_line(const FlatDocument& doc, std::uint32_t position) {
  if (doc.end[position] - position > 40 || !mentions_copyright(doc, position)) return false;
  const std::string text = furniture_text(doc, position, 240);
  if (text.empty() || text.size() > 240) return false;
  // A line, not a clause: "© 2026 Example Inc." or "... All rights reserved.", at most 30
  // words ("Copyright. The Services contain material protected by ..." is a clause).
  return is_copyright_text(text, kCopyrightLineWords);
}

bool is_site_link_list(const FlatDocument& doc, std::uint32_t position) {
  const ListItems list = list_items(doc, position, 100);
  if (list.items.size() < 4) return false;
  std::size_t places = 0;
  std::set<std::string> sites;
  for (const auto& [child, text] : list.items) {
    // Each item a link of a few words, or a sub-list of them (a footer column): an item of
    // prose is not furniture.
    const GumboNode* link = doc.nodes[child]->v.element.tag == GUMBO_TAG_A ? doc.nodes[child] : nullptr;
    for (std::uint32_t i = child + 1; i < doc.end[child] && !link; ++i)
      if (doc.nodes[i]->type == GUMBO_NODE_ELEMENT && doc.nodes[i]->v.element.tag == GUMBO_TAG_A) link = doc.nodes[i];
    if (!link || text.size() > 60 || count_space_separated_words(text) > 5) return false;
    if (names_a_site_place(text)) ++places;
    if (const char* href = attribute(link, "href")) sites.insert(site_of(href));
  }
  // Most of them to the site's own places: a list of processors or partners as links
  // ("Stripe", "Amazon Web Services") is part of a policy.
  if (places * 10 < list.items.size() * 6) return false;
  // And to the site itself: "Facebook (privacy statement)", "YouTube (privacy statement)" ...
  // each on its own site are the policies of the platforms a policy names (metamorphic bench:
  // a dating site's list of them was dropped, and came back when its links grew a hidden
  // "(opens in a new window)").
  sites.erase("");
  if (sites.size() >= kOtherSitesMin) return false;
  return holds_only_its_items(doc, position, list);
}

}  // namespace tosdiff
