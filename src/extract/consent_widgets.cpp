#include "tosdiff/extract/consent_widgets.hpp"

#include <algorithm>
#include <string>

#include "tosdiff/extract/element_reading.hpp"
#include "tosdiff/extract/selector.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {

// Containers of the common consent managers: OneTrust, Cookiebot, TrustArc, Didomi,
// Usercentrics, Quantcast, Osano, iubenda, Termly, CookieYes, Complianz, Klaro, Axeptio,
// Borlabs, CookieScript, Sourcepoint, Shopify's and Cookie Notice plugins.
bool is_consent_manager(std::string_view names) {
  return contains_any(names, {"onetrust", "optanon", "cookiebot", "cybotcookiebot", "truste-",
                              "trustarc", "didomi", "usercentrics", "qc-cmp", "osano-cm",
                              "iubenda-cs", "termly-", "cky-consent", "cookieyes", "cmplz-",
                              "klaro", "axeptio", "borlabs-cookie", "cookiescript", "sp_message",
                              "shopify-pc__banner", "cookie-notice-container", "cookie-law-info",
                              "cc-window", "cc-banner"});
}

namespace {

// Whether a subtree holds the two choices a consent banner offers (accept and reject, or
// accept and manage): one "Cookie settings" button in a policy section is not a banner.
bool has_consent_choices(const FlatDocument& doc, std::uint32_t position) {
  bool accept = false, other = false;
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = node->v.element.tag;
    if (heading_level_of(node)) return false;  // policy sections have headings; banners not
    bool control = tag == GUMBO_TAG_BUTTON || role_of(node) == "button" ||
                   (tag == GUMBO_TAG_A && !attribute(node, "href"));
    if (!control) continue;
    std::string label = small_text(doc, i, 60);
    if (const char* aria = attribute(node, "aria-label")) label += " " + ascii_lower(aria);
    for (std::string_view w : {"accept", "agree", "allow", "ok", "got it"})
      accept = accept || has_word(label, w);
    for (std::string_view w : {"reject", "decline", "deny", "refuse", "manage", "preferences",
                               "settings", "customize", "customise", "necessary"})
      other = other || has_word(label, w);
  }
  return accept && other;
}

}  // namespace

bool is_consent_banner(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  if (!contains_any(names, {"cookie", "consent", "gdpr", "ccpa"})) return false;
  // A cookie declaration's own parts (Cookiebot's "CookieDeclarationDialogText" states the
  // purposes and the recipients: a red team's find, an edit of it unseen) and a paragraph are
  // the policy's: a banner is a box.
  if (contains_any(names, {"cookiedeclaration"})) return false;
  if (is_part_of_text(doc.nodes[position]->v.element.tag)) return false;
  // A policy section about cookies can be named "cookies" too: a banner is small and looks
  // like one (a dialog, a fixed bar, a box named banner/notice/popup..., or one with an
  // accept/reject control).
  if (text_length(doc, position, 2500) > 2500) return false;
  const GumboNode* element = doc.nodes[position];
  std::string_view role = role_of(element);
  if (role == "dialog" || role == "alertdialog" || role == "alert" || attribute(element, "aria-modal"))
    return true;
  if (contains_any(names, {"banner", "popup", "pop-up", "modal", "dialog", "overlay", "confirm",
                           "prompt", "toast", "cookie-bar", "cookiebar", "consent-bar"}))
    return true;
  if (const char* style = attribute(element, "style"); style && ascii_lower(style).find("fixed") != std::string::npos)
    return true;
  return text_length(doc, position, 800) <= 800 && has_consent_choices(doc, position);
}

// A consent banner its markup does not name (a bar whose classes only place it over the page,
// "fixed bottom-0"): a small box of a sentence about cookies and the choices beside it, buttons among
// its children or theirs (an Open Terms Archive declaration that removes `button` left its
// sentence an alert of a cookie banner put in). Checked on boxes with such a button only.
// One of the element's classes is one the page's stylesheet places over the page
// (positioned_classes.hpp): a CSS-in-JS box's position.
bool placed_by_stylesheet(const FlatDocument& doc, std::uint32_t position) {
  if (doc.positioned_classes.empty()) return false;
  const char* classes = attribute(doc.nodes[position], "class");
  if (!classes) return false;
  std::string_view rest = classes;
  while (!rest.empty()) {
    const std::size_t start = rest.find_first_not_of(" \t\n\r\f");
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    const std::size_t stop = std::min(rest.find_first_of(" \t\n\r\f"), rest.size());
    if (std::binary_search(doc.positioned_classes.begin(), doc.positioned_classes.end(), rest.substr(0, stop)))
      return true;
    rest.remove_prefix(stop);
  }
  return false;
}

bool is_unnamed_consent_banner(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  const auto is_control = [](const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT && (node->v.element.tag == GUMBO_TAG_BUTTON || role_of(node) == "button");
  };
  bool has_button = false;
  for (std::uint32_t child = position + 1; child < doc.end[position] && !has_button; child = doc.end[child]) {
    has_button = is_control(doc.nodes[child]);
    for (std::uint32_t inner = child + 1; inner < doc.end[child] && !has_button; inner = doc.end[inner])
      has_button = is_control(doc.nodes[inner]);
  }
  if (!has_button) return false;
  // Placed over the page, as a bar or a toast is: a cookie policy's own paragraph offering its
  // choices with two buttons is the policy's (a review's find: its retention edit unseen).
  const char* style = attribute(doc.nodes[position], "style");
  if (!contains_any(names, {"fixed", "sticky", "bottom-0", "inset-x-0", "toast", "snackbar"}) &&
      !(style && contains_any(ascii_lower(style), {"position:fixed", "position: fixed", "position:sticky",
                                                    "position: sticky"})) &&
      !placed_by_stylesheet(doc, position))
    return false;
  if (text_length(doc, position, 600) > 600) return false;
  const std::string text = small_text(doc, position, 600);
  return (has_word(text, "cookie") || has_word(text, "cookies")) && has_consent_choices(doc, position);
}

// A consent manager's placeholder where an embedded video or map would be, there or not with
// the consent the rendering had ("Please accept marketing-cookies to watch this video"): by
// the names Cookiebot, Usercentrics, Complianz and Borlabs give it, or one class or id saying
// both consent (or cookie) and placeholder (metamorphic bench: an alert on 27 of 30 dating
// pages). A line or two and its buttons: a box holding a table or a list is the policy's (a
// review's find: a cookie declaration's "placeholder" filled with the cookie table; "cookie"
// from one name and "blocker" from another took a section on ad blockers).
bool is_consent_placeholder(const FlatDocument& doc, std::uint32_t position, std::string_view names) {
  constexpr std::size_t kPlaceholderMaxText = 600;
  switch (doc.nodes[position]->v.element.tag) {
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
      return false;
    default:
      break;
  }
  bool named = contains_any(names, {"cookieconsent-optout", "uc-embedding", "cmplz-placeholder",
                                    "borlabs-cookie-content-blocker", "brlbs-cmpnt-content-blocker"});
  for (std::size_t start = 0; !named && start < names.size();) {
    const std::size_t stop = std::min(names.find(' ', start), names.size());
    const std::string_view token = names.substr(start, stop - start);
    named = contains_any(token, {"consent", "cookie"}) && token.find("placeholder") != std::string_view::npos;
    start = stop + 1;
  }
  if (!named || text_length(doc, position, kPlaceholderMaxText) > kPlaceholderMaxText) return false;
  for (std::uint32_t i = position + 1; i < doc.end[position]; ++i) {
    const GumboNode* node = doc.nodes[i];
    if (!is_element(node)) continue;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL) return false;
  }
  return true;
}

}  // namespace tosdiff
