#include "tosdiff/extract/boilerplate.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/extract/consent_widgets.hpp"
#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/element_reading.hpp"
#include "tosdiff/extract/selector.hpp"
#include "tosdiff/extract/site_furniture.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// An icon font's glyph written as its ligature's name ("expand_more", "open_in_new" in an
// element of class material-icons, material-symbols-outlined...): the font draws a picture,
// the text is no word of the page (a red team's find: icons put beside headings, an alert per
// heading, and "Reportopen_in_new" archived). A table cell holding the glyph alone keeps it:
// there the check or the cross is the cell's value.
bool is_icon_ligature(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  if (!contains_any(names, {"material-icons", "material-symbols", "google-symbols", "material-design-icons"}))
    return false;
  const std::string text = small_text(doc, position, 40);
  const auto in_a_name = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; };
  if (text.empty() || text.size() > 40 || !std::all_of(text.begin(), text.end(), in_a_name)) return false;
  const GumboNode* cell = doc.nodes[position]->parent;
  while (cell && cell->type == GUMBO_NODE_ELEMENT && cell->v.element.tag != GUMBO_TAG_TD &&
         cell->v.element.tag != GUMBO_TAG_TH && cell->v.element.tag != GUMBO_TAG_TABLE)
    cell = cell->parent;
  if (!cell || cell->type != GUMBO_NODE_ELEMENT || cell->v.element.tag == GUMBO_TAG_TABLE) return true;
  // In a cell: furniture only beside words of the cell's own (a few nodes looked at).
  std::vector<const GumboNode*> stack{cell};
  for (int seen = 0; !stack.empty() && seen < 200; ++seen) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node == doc.nodes[position]) continue;
    if (node->type == GUMBO_NODE_TEXT &&
        std::string_view(node->v.text.text).find_first_not_of(" \t\n\r") != std::string_view::npos)
      return true;
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboVector& children = node->v.element.children;
    for (unsigned int k = 0; k < children.length; ++k) stack.push_back(static_cast<const GumboNode*>(children.data[k]));
  }
  return false;
}

// A document's own header, not the site's: it holds a heading (h1 or h2, in no menu) in words that are no
// link (a docs platform's page header, its title and the description under it, where the date
// of effect often is: a red team's find, a changed date unseen). A site's header names the site
// in its logo's link; its menus and breadcrumbs inside are left out by their own rules, so that
// the header reads the same with them or without (a metamorphic bench's find: breadcrumbs put
// into a legal hub's header, or its heading made an h2, dropped it and alerted).
bool is_title_header(const FlatDocument& doc, std::uint32_t position) {
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = node->v.element.tag;
    if (tag != GUMBO_TAG_H1 && tag != GUMBO_TAG_H2) continue;
    // A mega menu's column titles are in its menu (a review's find: a site header kept for
    // its menu's headings, its call to action an alert).
    if (has_ancestor(node, {GUMBO_TAG_NAV, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_MENU})) {
      i = doc.end[i] - 1;
      continue;
    }
    bool linked = has_ancestor(node, {GUMBO_TAG_A});
    for (std::uint32_t j = i + 1; j < doc.end[i] && !linked; ++j)
      linked = doc.nodes[j]->type == GUMBO_NODE_ELEMENT && doc.nodes[j]->v.element.tag == GUMBO_TAG_A;
    if (!linked && text_length(doc, i, 4) > 3) return true;
    i = doc.end[i] - 1;
  }
  return false;
}

// Defined with the other tree walks below.
bool has_words_beside(const GumboNode* element, bool on_both_sides = false);
bool has_named_ancestor(const GumboNode* element, std::string_view word);

bool is_skip_or_top_link(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  const GumboNode* element = doc.nodes[position];
  if (contains_any(names, {"skip-link", "skip-to", "skiplink", "skip-nav", "back-to-top",
                           "backtotop", "scroll-to-top", "scrolltop", "to-top"}))
    return text_length(doc, position, 200) <= 200;
  if (element->v.element.tag != GUMBO_TAG_A) return false;
  const char* href = attribute(element, "href");
  if (!href || href[0] != '#') return false;
  // Read without its arrows ("Top ↑", "↑ Back to top"); not inside a sentence ("shown at the
  // <a href=#top>top of the page</a>, and ..." is the sentence's words: a review's find), words
  // on both sides of it; a bar's title before it is no sentence.
  if (has_words_beside(element, true)) return false;
  std::string text;
  for (char c : small_text(doc, position, 80))
    if (static_cast<unsigned char>(c) < 0x80) text += c;
  text = std::string(trim(text));
  static constexpr std::string_view kWaysUp[] = {"back to top",     "top",         "scroll to top",   "return to top",
                                                  "go to top",       "top of page", "top of the page", "page top",
                                                  "to the top",      "back to the top", "return to the top",
                                                  "go back to top"};
  return text.rfind("skip to", 0) == 0 || text.rfind("skip navigation", 0) == 0 ||
         std::find(std::begin(kWaysUp), std::end(kWaysUp), text) != std::end(kWaysUp);
}

bool has_email_form(const FlatDocument& doc, std::uint32_t position) {
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (node->v.element.tag == GUMBO_TAG_FORM) return true;
    if (node->v.element.tag == GUMBO_TAG_INPUT) {
      const char* type = attribute(node, "type");
      if (type && ascii_lower(type) == "email") return true;
    }
  }
  return false;
}

bool is_breadcrumb_share_newsletter(const FlatDocument& doc, std::uint32_t position,
                                    std::string_view names) {
  const GumboNode* element = doc.nodes[position];
  if (names.find("breadcrumb") != std::string_view::npos) return text_length(doc, position, 600) <= 600;
  if (const char* itemtype = attribute(element, "itemtype");
      itemtype && std::string_view(itemtype).find("BreadcrumbList") != std::string_view::npos)
    return true;
  // Named for sharing *and* for a widget: "data-sharing" is a policy section.
  if (contains_any(names, {"share-button", "share-bar", "share-links", "share-icons", "share-tools",
                           "share-widget", "social-share", "sharing-buttons", "social-links",
                           "social-icons", "socialshare", "sharethis", "addtoany", "shareaholic",
                           "share-this", "share-page", "share this"}))
    return text_length(doc, position, 300) <= 300;
  // A newsletter box is a sign-up form; a "newsletter" section of a policy has none.
  if (contains_any(names, {"newsletter", "subscribe", "signup", "sign-up", "mailing-list"}))
    return text_length(doc, position, 800) <= 800 &&
           (has_email_form(doc, position) ||
            contains_any(names, {"signup", "sign-up", "cta", "box", "widget", "promo", "banner", "form"}));
  return false;
}

// A sign-up box no name tells (CSS modules' hashed classes): one e-mail field and its button,
// no list or table, a few hundred characters about news in the reader's inbox, none about the
// reader's data or rights (a red team's find: a pitch reworded under the policy was an alert).
// A request form ("Opt out of the sale of your data", its e-mail field) says what it is for.
bool is_unnamed_signup_box(const FlatDocument& doc, std::uint32_t position) {
  constexpr std::size_t kBoxMaxChars = 600;
  if (text_length(doc, position, kBoxMaxChars) > kBoxMaxChars) return false;
  std::size_t email_fields = 0, buttons = 0;
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_TEXTAREA ||
        tag == GUMBO_TAG_SELECT)
      return false;
    if (tag == GUMBO_TAG_BUTTON) ++buttons;
    if (tag != GUMBO_TAG_INPUT) continue;
    const std::string type = ascii_lower(attribute(node, "type") ? attribute(node, "type") : "text");
    if (type == "hidden") continue;
    if (type == "submit" || type == "button") {
      ++buttons;
      continue;
    }
    std::string described = type;
    for (const char* name : {"name", "placeholder", "aria-label", "autocomplete", "id"})
      if (const char* value = attribute(node, name)) (described += ' ') += ascii_lower(value);
    if (!contains_any(described, {"email", "e-mail", "courriel"})) return false;  // another field: a form of the page's
    ++email_fields;
  }
  if (email_fields != 1 || buttons == 0) return false;
  const std::string text = ascii_lower(small_text(doc, position, kBoxMaxChars));
  return contains_any(text, {"newsletter", "subscribe", "inbox", "updates", "stay in the loop", "sign up", "abonne",
                             "abonnieren", "suscr", "iscriv", "inschrijven", "aanmelden"}) &&
         !contains_any(text, {"opt", "sell", "delet", "request", "right", "privacy", "personal", "consent", "data",
                              "donn\xC3\xA9" "es", "daten", "datos", "dati", "dados", "gegevens"});
}

// A language picker: named so, or a box of links to the same page in several languages.
bool is_language_picker(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  if (contains_any(names, {"language-switch", "lang-switch", "language-selector",
                           "language-picker", "locale-switch", "locale-select", "lang-select",
                           "languageselector", "language-menu", "locale-picker", "lang-menu",
                           "language-dropdown"}))
    return text_length(doc, position, 3000) <= 3000;
  const GumboTag tag = doc.nodes[position]->v.element.tag;
  if (tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_MENU)
    return false;
  // Bounded: a picker is a small box, and this runs on every list and div of the page.
  if (doc.end[position] - position > 600) return false;
  int language_links = 0, links = 0;
  std::size_t link_text = 0;
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_A) continue;
    ++links;
    if (attribute(node, "hreflang") || attribute(node, "lang")) ++language_links;
    link_text += text_length(doc, i, 100);
  }
  if (language_links < 3 || language_links * 10 < links * 8) return false;
  // Nothing but the links: a content wrapper that happens to hold such links has its own text.
  return text_length(doc, position, link_text + 80) <= link_text + 80;
}

// Bytes of text inside links in a subtree, and how many links.
std::pair<std::size_t, int> link_text(const FlatDocument& doc, std::uint32_t position) {
  std::size_t bytes = 0;
  int links = 0;
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_A) {
      ++links;
      bytes += text_length(doc, i, 1000);
      i = doc.end[i] - 1;
    }
  }
  return {bytes, links};
}

// An article's byline: its author's name and picture, named so (Zendesk's "article-author" and
// "avatar__info", a blog's "byline"), a line's worth of text. A help article's author changing
// is not its terms changing (a red team's find without selectors).
bool is_byline(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  constexpr std::size_t kBylineMaxText = 120;
  return contains_any(names, {"article-author", "avatar__info", "byline", "author-info", "author-name",
                              "post-author", "entry-author"}) &&
         text_length(doc, position, kBylineMaxText) <= kBylineMaxText;
}

// A docs platform's stamps on its page (Docusaurus's theme classes, its styling interface):
// which version of the docs it is ("Version: 3.1"), when and by whom the page's file was last
// committed, a link to edit it. They change with the site's releases and commits, not with
// the terms it publishes (a red team's find without selectors: an alert when the docs cut a
// new version).
bool is_docs_page_stamp(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  constexpr std::size_t kStampMaxText = 160;
  return contains_any(names, {"theme-doc-version-badge", "theme-doc-version-banner", "theme-last-updated",
                              "theme-edit-this-page"}) &&
         text_length(doc, position, kStampMaxText) <= kStampMaxText;
}

// Menus named so ("navigation", "navbar", "site-footer", ...): mostly links, and small.
bool is_named_navigation(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  if (!contains_any(names, {"navigation", "navbar", "nav-menu", "site-nav", "main-nav", "global-nav",
                            "footer-nav", "site-footer", "global-footer", "footer-links", "mega-menu",
                            "megamenu", "menu-main", "main-menu",
                            // A help centre's list of the section's other articles (a red team's
                            // find: Zendesk's sidebar read as the article while it had 2 links).
                            "sidenav", "side-nav", "sidebar-nav", "article-sidebar", "related-articles",
                            "related_articles",
                            // A box of other articles picked for the reader, at random on each
                            // rendering (a red team's find: an alert at every check, inside the
                            // element the declaration selects).
                            "related", "recommend", "read-next", "more-articles", "you-may-also-like"}))
    return false;
  if (doc.end[position] - position > 4000) return false;
  // A layout's container named for its side menu holds the page too (Angular Material's
  // "mat-sidenav-container": a review's find, a notice read as no text at all).
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type == GUMBO_NODE_ELEMENT &&
        (node->v.element.tag == GUMBO_TAG_MAIN || node->v.element.tag == GUMBO_TAG_ARTICLE || role_of(node) == "main"))
      return false;
  }
  const std::size_t total = text_length(doc, position, 6000);
  if (total > 6000) return false;
  auto [bytes, links] = link_text(doc, position);
  return links >= 2 && bytes * 10 >= total * 5;
}

}  // namespace

namespace {

// A video embedded in a page: <video>, a player's frame, a video element of a player's library.
bool is_video_embed(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_VIDEO) return true;
  if (tag == GUMBO_TAG_IFRAME) {
    const char* src = attribute(node, "src");
    if (src == nullptr) src = attribute(node, "data-src");
    return src != nullptr && contains_any(ascii_lower(src), {"youtube", "youtu.be", "vimeo", "wistia", "dailymotion"});
  }
  if (tag != GUMBO_TAG_UNKNOWN) return false;
  const std::string name = ascii_lower(element_name(node));
  return name == "lite-youtube" || name == "lite-vimeo" || name == "youtube-video" || name == "video-js";
}

// Whether a link's or button's label calls the reader to sign up ("Start free today", "Join now",
// "Sign up", "Download the app", "Essai gratuit", "Jetzt registrieren", ...).
bool is_sign_up_call(std::string_view label) {
  return contains_any(label, {"start", "join", "sign up", "signup", "register", "download", "try ", "get started",
                              "subscribe", "free", "inscri", "commencer", "essai", "rejoindre", "registr", "anmelden",
                              "kostenlos", "empieza", "empezar", "prueba", "gratis", "iscriviti", "prova", "comece",
                              "experimente", "probeer", "aanmelden"});
}

// A video module: a box holding an embedded video, a line or two of pitch and a button calling
// the reader to sign up ("How it works ... Start free today": a dating site's terms and
// policies, the box put in under the terms one day and taken away the next, each an alert). At
// most 300 characters of text, no digit, no heading element: a policy's box that shows a video
// beside a clause ("We record video calls ... Learn more", a retention period, an age) is the
// document's (a review's finds).
bool is_video_promo(const FlatDocument& doc, std::uint32_t position) {
  constexpr std::uint32_t kPromoMaxNodes = 200;
  constexpr std::size_t kPromoMaxText = 300;
  const GumboTag tag = doc.nodes[position]->v.element.tag;
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_FIGURE && tag != GUMBO_TAG_ASIDE) return false;
  if (doc.end[position] - position > kPromoMaxNodes) return false;
  bool video = false, call = false;
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (heading_level_of(node)) return false;
    video = video || is_video_embed(node);
    const GumboTag inner = node->v.element.tag;
    if (inner == GUMBO_TAG_A || inner == GUMBO_TAG_BUTTON) call = call || is_sign_up_call(small_text(doc, i, 60));
  }
  if (!video || !call || text_length(doc, position, kPromoMaxText) > kPromoMaxText) return false;
  const std::string text = small_text(doc, position, kPromoMaxText);
  return std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A widget's passing message: a tooltip ("Share", "Copy link"), a toast or snackbar ("Link
// copied to clipboard"), a live status line ("Loading…"), by role or by a word of its name.
// Rendered pages keep them in the DOM, shown or not, and they come and go with the reader's
// last click, not with the terms (metamorphic bench: a toast put in under the text was an
// alert on 8 of 83 real pages). Short, no digit: a notice that the terms change on a date is
// the page's to say, whatever its role.
bool is_passing_message(const FlatDocument& doc, std::uint32_t position, std::string_view role,
                        std::string_view names) {
  constexpr std::size_t kMessageMaxText = 120;
  const bool widget = role == "tooltip" || role == "status" ||
                      contains_any(names, {"tooltip", "toast", "snackbar", "copied-message", "copy-feedback"});
  if (!widget || text_length(doc, position, kMessageMaxText) > kMessageMaxText) return false;
  // A tooltip's trigger is the sentence's own words ("with <a class=glossary-tooltip>our
  // advertising partners</a>", a red team's find: the term gone, its change unseen); the
  // tooltip is what it shows, inside it or elsewhere, by role or under a named one.
  if (role != "tooltip" && contains_any(names, {"tooltip"}) && has_words_beside(doc.nodes[position]) &&
      !has_named_ancestor(doc.nodes[position], "tooltip"))
    return false;
  const std::string text = small_text(doc, position, kMessageMaxText);
  return std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A support chat's launcher and greeting ("Hi there! How can we help? Chat with us"), put in
// by the chat vendor's script at the end of the page: Intercom, Drift, Zendesk, HubSpot, Crisp,
// Tawk.to, LiveChat, Freshchat, Olark, Help Scout, Tidio, Gorgias (metamorphic bench: without
// selectors, an alert on 12 of 19 pages). Named so and small.
bool is_chat_widget(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  constexpr std::size_t kChatMaxText = 600;
  // Intercom's messenger, not its help centre: an article's own blocks are
  // "intercom-interblocks-paragraph" (a red team's find: a help article read as 140 of its
  // 1,240 words, every edit unseen).
  return contains_any(names, {"intercom-container", "intercom-lightweight-app", "intercom-launcher", "intercom-frame",
                              "intercom-app", "intercom-messenger", "intercom-namespace", "intercom-borderless",
                              "intercom-notifications", "intercom-note", "drift-widget", "drift-frame",
                              "zendesk-widget", "ze-snippet",
                              "hubspot-messages", "crisp-client", "tawk-", "livechat", "live-chat", "chat-widget",
                              "chatwidget", "chat-launcher", "chat-bubble", "freshchat", "fc-widget", "olark",
                              "beacon-container", "helpscout", "tidio", "gorgias-chat", "messenger-launcher"}) &&
         text_length(doc, position, kChatMaxText) <= kChatMaxText;
}

// A site-wide announcement bar ("Introducing our newest model ... Learn more"), named so, small,
// and not about the documents: a bar saying "Our Terms of Service are changing on May 1" is
// the news a reader of the terms wants, whatever its name (metamorphic bench: without
// selectors, an alert on 12 of 19 pages).
bool is_announcement_bar(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  constexpr std::size_t kBarMaxText = 400;
  if (!contains_any(names, {"announcement", "promo-bar", "promo-banner", "promobar", "hello-bar", "hellobar",
                            "notification-bar", "sitewide-banner", "site-wide-banner", "marketing-banner",
                            "top-banner", "alert-bar"}))
    return false;
  if (text_length(doc, position, kBarMaxText) > kBarMaxText) return false;
  const std::string text = small_text(doc, position, kBarMaxText);
  return !contains_any(text, {"terms", "policy", "policies", "privacy", "agreement", "conditions", "notice", "cgu",
                              "cgv", "politique", "mentions", "datenschutz", "bedingungen", "richtlinie", "nutzung",
                              "t\xC3\xA9rminos", "pol\xC3\xADtica", "privacidad", "termini", "informativa",
                              "termos", "privacidade", "voorwaarden", "beleid"});
}

// An accessibility overlay's launcher ("Accessibility Menu", "Open the accessibility menu
// (CTRL+U)"), put in by its vendor's script: UserWay, accessiBe, AudioEye, EqualWeb, Recite Me
// (metamorphic bench: without selectors, an alert on every dating page read whole). Named so
// and small; a page's accessibility statement is named for accessibility, not for a widget.
bool is_accessibility_widget(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  constexpr std::size_t kWidgetMaxText = 300;
  // A widget is a box or a button; a table's row or a list's item naming the vendor is a
  // cookie table's ("uw_prefs | UserWay | Stores your accessibility settings").
  if (is_part_of_text(doc.nodes[position]->v.element.tag)) return false;
  return contains_any(names, {"userway", "accessibe", "acsb-", "audioeye", "equalweb", "recite-me", "reciteme",
                              "accessibility-widget", "accessibility-toolbar", "a11y-widget", "a11y-toolbar"}) &&
         text_length(doc, position, kWidgetMaxText) <= kWidgetMaxText;
}

// A banner guessing where the reader is and offering that country's or language's site ("It
// looks like you are visiting from Germany. Would you like to go to the German site?" with a
// link and a "Stay here" button), there or not with the address the rendering came from
// (metamorphic bench: an alert on 34 of 59 dating pages, 44 without selectors). A box named a
// banner or for the reader's region (never a paragraph, an item or a cell: a review's find, a
// policy's "It seems you want to remove your data ..." ending with a link), its text opening
// with the guess, short, naming a site or a region, ending with the link or button that goes
// there, and saying nothing of which terms apply or of data and rights: "It looks like you are
// in the UK. Your data controller is ..." is the document's.
bool is_region_suggestion(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  constexpr std::size_t kSuggestionMaxText = 300;
  switch (doc.nodes[position]->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_A: case GUMBO_TAG_SPAN:
      return false;
    default:
      break;
  }
  if (!contains_any(names, {"geo", "locale", "region", "country", "banner", "redirect", "language-suggest",
                            "lang-suggest"}))
    return false;
  static constexpr std::string_view kGuesses[] = {
      "it looks like you", "looks like you", "it seems you", "it seems that you", "you seem to be", "we noticed you",
      "vous semblez", "il semble que vous", "sie scheinen", "es sieht so aus, als", "es scheint, dass sie",
      "parece que est", "parece que voc", "sembra che tu", "sembra che lei", "het lijkt erop dat", "u lijkt",
      "je lijkt"};
  const std::string opening = small_text(doc, position, 24);
  if (std::none_of(std::begin(kGuesses), std::end(kGuesses),
                   [&](std::string_view guess) { return opening.rfind(guess, 0) == 0; }))
    return false;
  if (text_length(doc, position, kSuggestionMaxText) > kSuggestionMaxText) return false;
  // Its last words a link's or a button's: a box holding the banner and the document's heading
  // or text after it is not the banner.
  std::uint32_t last_words = position;
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (is_element(node) && is_never_text(node)) {
      i = doc.end[i] - 1;
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT) last_words = i;
  }
  bool control = false;
  for (const GumboNode* p = doc.nodes[last_words]->parent; p && p != doc.nodes[position] && !control; p = p->parent)
    control = p->type == GUMBO_NODE_ELEMENT &&
              (p->v.element.tag == GUMBO_TAG_A || p->v.element.tag == GUMBO_TAG_BUTTON || role_of(p) == "button");
  if (!control) return false;
  const std::string text = small_text(doc, position, kSuggestionMaxText);
  return contains_any(text, {" site", "website", "store", "region", "country", "language", " pays", "langue", "seite",
                             " land ", "sprache", "sitio", "p\xC3\xA1gina", "pa\xC3\xADs", " sito", "paese",
                             "taal"}) &&
         !contains_any(text, {"apply", "applies", "govern", "bind", "s'appliqu", "gilt", "gelten", "aplica", "applica",
                              "van toepassing", "terms", "conditions", "policy", "bedingungen", "t\xC3\xA9rminos",
                              "termini", "termos", "voorwaarden", "data", "controller", "rights", "gdpr", "ccpa",
                              "account", "delete", "personal", "privacy", "donn\xC3\xA9" "es", "daten", "datos", "dati",
                              "dados", "gegevens", "droits", "rechte", "derechos", "diritti", "direitos", "rechten"});
}

// Whether a node shows any word: a text that is not only spaces, in it or under it.
bool has_words(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT) return !trim(node->v.text.text).empty();
  if (!is_element(node) || is_never_text(node)) return false;
  const GumboVector& children = node->v.element.children;
  for (unsigned int k = 0; k < children.length; ++k)
    if (has_words(static_cast<const GumboNode*>(children.data[k]))) return true;
  return false;
}

// Whether words stand beside an element in its run of text (a block beside it, a paragraph or
// a heading, is another line): on either side, or on both.
bool has_words_beside(const GumboNode* element, bool on_both_sides) {
  const GumboNode* parent = element->parent;
  if (!parent || parent->type != GUMBO_NODE_ELEMENT) return false;
  const GumboVector& siblings = parent->v.element.children;
  bool before = false, after = false, past = false;
  for (unsigned int k = 0; k < siblings.length; ++k) {
    const auto* sibling = static_cast<const GumboNode*>(siblings.data[k]);
    if (sibling == element) {
      past = true;
      continue;
    }
    const GumboTag tag = sibling->type == GUMBO_NODE_ELEMENT ? sibling->v.element.tag : GUMBO_TAG_UNKNOWN;
    const bool block = is_block_tag(tag) || (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6);
    if (!block && has_words(sibling)) (past ? after : before) = true;
  }
  return on_both_sides ? before && after : before || after;
}

// Whether an element up to three levels above this one is named with `word`.
bool has_named_ancestor(const GumboNode* element, std::string_view word) {
  const GumboNode* node = element->parent;
  for (int level = 0; level < 3 && node && node->type == GUMBO_NODE_ELEMENT; ++level, node = node->parent)
    if (naming(node).find(word) != std::string::npos) return true;
  return false;
}

// A status page's indicator ("All systems operational", an incident's title when there is one),
// named so or a link to the site's status host, standing alone: the only words of the box it
// is in, never a cell's, an item's or a heading's, and no figure of a percentage (a review's
// find: "Acme commits to <a href=status…>99.9% monthly uptime</a>" in a div, a table's
// "service-status" cells of 99.95%). It says how the service does today (metamorphic bench:
// without selectors, an alert on 25 of 63 dating pages and 12 of 19 reference pages).
bool is_status_indicator(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  constexpr std::size_t kIndicatorMaxText = 100;
  const GumboNode* element = doc.nodes[position];
  static const std::initializer_list<GumboTag> kWords = {
      GUMBO_TAG_P, GUMBO_TAG_LI, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_BLOCKQUOTE,
      GUMBO_TAG_TR, GUMBO_TAG_TABLE, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6};
  if (std::find(kWords.begin(), kWords.end(), element->v.element.tag) != kWords.end() || has_ancestor(element, kWords))
    return false;
  bool status = contains_any(names, {"status-indicator", "statuspage", "status-widget", "system-status",
                                     "status-badge", "status-embed", "service-status"});
  if (!status && element->v.element.tag == GUMBO_TAG_A) {
    const std::string href = ascii_lower(attribute(element, "href") ? attribute(element, "href") : "");
    const std::size_t scheme = href.find("://");
    const std::size_t host = scheme == std::string::npos ? std::string::npos : scheme + 3;
    status = host != std::string::npos && href.compare(host, 7, "status.") == 0;
  }
  if (!status || text_length(doc, position, kIndicatorMaxText) > kIndicatorMaxText) return false;
  // Alone on its line.
  if (has_words_beside(element)) return false;
  return small_text(doc, position, kIndicatorMaxText).find('%') == std::string::npos;
}

// Text the page clips to nothing in its own style attribute, as screen-reader helpers do
// without a class: a clip of no area ("clip: rect(0 0 0 0)", "rect(1px, 1px, 1px, 1px)"), a
// clip path inset by half, or a box of one pixel that hides what overflows it (metamorphic
// bench: Next.js's route announcer saying the page's title, without selectors an alert on every
// dating page read whole). Small: a box a page clips is no document.
bool is_clipped_by_style(const FlatDocument& doc, std::uint32_t position) {
  const char* style = attribute(doc.nodes[position], "style");
  if (!style) return false;
  std::map<std::string, std::string> declared;  // property -> value, lower case, no spaces
  const std::string squeezed = squeeze_lower(style);
  for (std::size_t start = 0; start < squeezed.size();) {
    const std::size_t stop = std::min(squeezed.find(';', start), squeezed.size());
    const std::string_view declaration = std::string_view(squeezed).substr(start, stop - start);
    start = stop + 1;
    const std::size_t colon = declaration.find(':');
    if (colon != std::string_view::npos)
      declared[std::string(declaration.substr(0, colon))] = std::string(declaration.substr(colon + 1));
  }
  const auto value_of = [&](const char* name) {
    const auto found = declared.find(name);
    return found == declared.end() ? std::string() : found->second;
  };
  bool clipped = false;
  if (const std::string clip = value_of("clip"); clip.rfind("rect(", 0) == 0) {
    // rect(top, right, bottom, left), commas or spaces between them (spaces are gone here).
    std::vector<double> edges;
    std::string number;
    for (char c : clip.substr(5)) {
      if ((c >= '0' && c <= '9') || c == '.' || c == '-') {
        number += c;
      } else if (!number.empty()) {
        edges.push_back(std::atof(number.c_str()));
        number.clear();
      }
    }
    clipped = edges.size() == 4 && (edges[2] <= edges[0] || edges[1] <= edges[3]);
  }
  const std::string clip_path = value_of("clip-path");
  clipped = clipped || clip_path == "inset(50%)" || clip_path == "inset(100%)";
  clipped = clipped || (value_of("position") == "absolute" && value_of("width") == "1px" &&
                        value_of("height") == "1px" && value_of("overflow") == "hidden");
  return clipped && text_length(doc, position, 200) <= 200;
}

}  // namespace

bool BoilerplateRules::is_boilerplate(const FlatDocument& doc, std::uint32_t position) const {
  const GumboNode* element = doc.nodes[position];
  if (element->type != GUMBO_NODE_ELEMENT) return false;
  const GumboTag tag = element->v.element.tag;
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) return false;
  std::string_view role = role_of(element);

  if (is_navigation(element)) return true;
  if (whole_page_) {
    // Page-level landmarks only: an article's own <header> holds its title and date.
    if ((tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE) &&
        !has_ancestor(element, {GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN, GUMBO_TAG_SECTION, GUMBO_TAG_ASIDE,
                                GUMBO_TAG_NAV}) &&
        !(tag == GUMBO_TAG_HEADER && is_title_header(doc, position)))
      return true;
    if (role == "banner" || role == "contentinfo" || role == "complementary") return true;
  }
  // Furniture known by what it says (site_furniture.hpp): a language switcher anywhere;
  // the copyright line and footer link lists when the whole page is read (inside an area a
  // declaration selected, a list of links or a notice is the author's choice).
  if (is_language_name_list(doc, position)) return true;
  if (is_video_promo(doc, position)) return true;
  if (is_clipped_by_style(doc, position)) return true;
  // A heading's id is slugged from its words by docs generators ("live-chat", "cookie-banner"):
  // a section about them, not the widget (a red team's find). Only a screen reader's
  // heading is told by its name.
  const std::string names = naming(element);  // once: every element of the page comes here
  if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) return is_screen_reader_text(names);
  if (is_passing_message(doc, position, role, names)) return true;
  if (!names.empty() && is_icon_ligature(doc, position, names)) return true;
  if (whole_page_ && (is_copyright_line(doc, position) || is_site_link_list(doc, position))) return true;
  if ((tag == GUMBO_TAG_A || !names.empty()) && is_status_indicator(doc, position, names)) return true;
  if (!names.empty() && is_region_suggestion(doc, position, names)) return true;
  if (names.empty() && tag != GUMBO_TAG_A && tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL &&
      tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_MENU)
    return false;
  if (!names.empty()) {
    if (is_named_navigation(doc, position, names) || is_byline(doc, position, names) ||
        is_docs_page_stamp(doc, position, names))
      return true;
    if (is_consent_manager(names) && text_length(doc, position, 4000) <= 4000) return true;
    if (is_consent_banner(doc, position, names)) return true;
    if (is_screen_reader_text(names)) return true;
    if (is_breadcrumb_share_newsletter(doc, position, names)) return true;
    if ((tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ASIDE) &&
        is_unnamed_signup_box(doc, position))
      return true;
    if (is_chat_widget(doc, position, names) || is_announcement_bar(doc, position, names) ||
        is_accessibility_widget(doc, position, names) || is_consent_placeholder(doc, position, names))
      return true;
  }
  if (tag == GUMBO_TAG_DIV && is_unnamed_consent_banner(doc, position, names)) return true;
  if (is_skip_or_top_link(doc, position, names)) return true;
  return is_language_picker(doc, position, names);
}

}  // namespace tosdiff
