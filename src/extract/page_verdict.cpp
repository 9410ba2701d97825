#include "tosdiff/extract/page_verdict.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "tosdiff/extract/error_page.hpp"
#include "tosdiff/extract/language.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/extract/writing_system.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Interstitials and error pages are short; a policy is not. Markers that a normal page
// also carries (bot-management scripts, a reCAPTCHA on a contact form, a <noscript>
// "enable JavaScript") only count on a page with little text.
constexpr std::size_t kShortPageWords = 300;
// What a page says in its text ("enable cookies", "404") only tells an interstitial apart
// on a page that says next to nothing else: a short cookie policy says "enable cookies" too.
constexpr std::size_t kTinyPageWords = 80;
// A translation that reads as legal prose in its own language shows 3 distinct markers of it.
constexpr std::size_t kTranslationMinMarkers = 3;
constexpr std::size_t kTranslationMinProseBlocks = 5;


std::string fold_whitespace(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Position of `lowercase_needle` in `haystack`, ignoring ASCII case; npos if absent.
std::size_t find_ignoring_case(std::string_view haystack, std::string_view lowercase_needle, std::size_t from = 0) {
  const char first = lowercase_needle[0];
  for (std::size_t at = from; at + lowercase_needle.size() <= haystack.size(); ++at) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(haystack[at])));
    if (c != first) continue;
    std::size_t k = 1;
    while (k < lowercase_needle.size() &&
           std::tolower(static_cast<unsigned char>(haystack[at + k])) == lowercase_needle[k])
      ++k;
    if (k == lowercase_needle.size()) return at;
  }
  return std::string_view::npos;
}

// The <title> as written (pages put it in the head; the first 64 KiB are enough).
std::string_view raw_title(std::string_view html) {
  const std::string_view head = html.substr(0, 64 * 1024);
  std::size_t open = find_ignoring_case(head, "<title");
  if (open == std::string_view::npos) return {};
  std::size_t start = head.find('>', open);
  if (start == std::string_view::npos) return {};
  std::size_t close = find_ignoring_case(head, "</title", start);
  if (close == std::string_view::npos) return {};
  return head.substr(start + 1, close - start - 1);
}

// The <title>, lowercased, spaces folded.
std::string page_title(std::string_view html) {
  std::string title = fold_whitespace(ascii_lower(raw_title(html)));
  std::size_t amp;
  while ((amp = title.find("&amp;")) != std::string::npos) title.replace(amp, 5, "&");
  return title;
}

// Markers only bot-protection challenges carry (not the scripts those services inject into
// ordinary pages).
bool has_challenge_marker(std::string_view lowered) {
  return contains_any(lowered, {"cf-browser-verification", "cf_chl_opt", "__cf_chl_", "cf-challenge",
                                "/cdn-cgi/challenge-platform/h/", "cf-error-details",
                                "captcha-delivery.com", "geo.captcha-delivery", "px-captcha",
                                "_pxcaptcha", "_incapsula_resource", "incapsula incident",
                                "sucuri website firewall", "sucuri_cloudproxy", "errors.edgesuite.net",
                                "awswaf", "aws-waf-token", "ddos-guard", "ddos protection by",
                                "distil_r_captcha", "kasada", "shape security", "/.well-known/sgcaptcha",
                                "sgcaptcha"});
}

bool has_captcha(std::string_view lowered) {
  return contains_any(lowered, {"g-recaptcha", "recaptcha/api.js", "recaptcha/enterprise.js", "h-captcha",
                                "hcaptcha.com/1/api", "cf-turnstile", "challenges.cloudflare.com/turnstile",
                                "arkoselabs", "funcaptcha"});
}

// A reCAPTCHA that never shows a challenge by itself: the score-only script
// (api.js?render=KEY), its corner badge, a widget declared invisible. Sites load it on every
// page for their contact or login forms; it says nothing about what the page is. The other
// vendors' widgets are checkboxes or puzzles the visitor has to face.
bool only_invisible_captcha(std::string_view lowered) {
  const bool invisible = contains_any(lowered, {"api.js?render=", "enterprise.js?render=", "grecaptcha-badge",
                                                "data-size=\"invisible\"", "data-size='invisible'", "size=invisible"});
  const bool other = contains_any(lowered, {"h-captcha", "hcaptcha.com/1/api", "cf-turnstile",
                                            "challenges.cloudflare.com/turnstile", "arkoselabs", "funcaptcha"});
  return invisible && !other;
}

// What a challenge page asks of the visitor, in its text (lowercase).
bool asks_to_prove_humanity(std::string_view lowered_text) {
  return contains_any(lowered_text, {"verify you are human", "verify that you are human", "verify you're human",
                                     "confirm you are human", "confirm that you are human", "i'm not a robot",
                                     "i am not a robot", "are you a robot", "are you human", "complete the captcha",
                                     "solve the captcha", "complete the security check", "checking your browser",
                                     "checking if the site connection is secure", "press & hold", "press and hold",
                                     "je ne suis pas un robot", "vérifiez que vous êtes humain",
                                     "vérifier que vous êtes humain", "ich bin kein roboter",
                                     "bestätigen sie, dass sie ein mensch sind", "no soy un robot",
                                     "non sono un robot", "não sou um robô", "ik ben geen robot"});
}

// A page that does nothing but send the browser to a challenge: a <meta http-equiv="refresh">
// whose target is a captcha or a challenge (SiteGround's /.well-known/sgcaptcha/, for one).
bool refreshes_to_challenge(std::string_view lowered) {
  for (std::size_t at = lowered.find("http-equiv"); at != std::string_view::npos;
       at = lowered.find("http-equiv", at + 1)) {
    const std::size_t open = lowered.rfind('<', at), close = lowered.find('>', at);
    if (open == std::string_view::npos || close == std::string_view::npos) continue;
    const std::string_view tag = lowered.substr(open, close - open);
    if (tag.find("refresh") != std::string_view::npos &&
        contains_any(tag, {"captcha", "challenge", "/cdn-cgi/", "bot-check", "botcheck"}))
      return true;
  }
  return false;
}

// A parked domain: the address no longer serves the site but a registrar's placeholder
// (lowercase text; only asked of a tiny page).
bool says_domain_is_parked(std::string_view lowered_text) {
  return contains_any(lowered_text, {"domain is for sale", "domain may be for sale", "domain name is for sale",
                                     "buy this domain", "this domain is parked", "domain has been parked",
                                     "parked free", "parked by", "domain is available for purchase",
                                     "ce domaine est à vendre", "nom de domaine est à vendre",
                                     "diese domain steht zum verkauf", "diese domain kaufen",
                                     "este dominio está a la venta", "questo dominio è in vendita",
                                     "este domínio está à venda", "dit domein is te koop"});
}

bool is_challenge_title(std::string_view title) {
  return contains_any(title, {"just a moment", "attention required", "access denied", "access to this page has been denied",
                              "are you a robot", "are you human", "verify you are human", "human verification",
                              "bot verification", "security check", "checking your browser", "one more step",
                              "request blocked", "request rejected", "pardon our interruption", "ddos protection",
                              "captcha", "please wait while", "forbidden", "you have been blocked",
                              "unusual traffic"});
}

bool asks_for_javascript(std::string_view lowered_text) {
  return contains_any(lowered_text, {"enable javascript", "javascript is required", "javascript is disabled",
                                     "javascript must be enabled", "turn on javascript", "enable cookies",
                                     "cookies are disabled", "unusual traffic from your", "verify you are human",
                                     "are you a robot", "complete the security check", "press & hold",
                                     "press and hold", "checking your browser", "access denied",
                                     "you don't have permission to access", "request unsuccessful"});
}

std::string all_text(const Text& text) {
  std::string out;
  for (const Block& b : text.blocks) out += b.text + "\n";
  return out;
}

std::unordered_set<std::string> vocabulary(const Text& text) {
  std::unordered_set<std::string> words;
  for (const Block& block : text.blocks) {
    std::string word;
    for (char c : block.text + " ") {
      unsigned char u = static_cast<unsigned char>(c);
      if (std::isalnum(u) || u >= 0x80) {
        word += static_cast<char>(std::tolower(u));
      } else {
        if (word.size() >= 3) words.insert(word);
        word.clear();
      }
    }
  }
  return words;
}

// The words of the page's own text (no selector), as tosdiff reads a page without one.
std::size_t unselected_page_words(std::string_view html) {
  NormalizeOptions whole_page;
  auto text = normalize(html, whole_page);
  return text ? count_text_words(*text) : 0;
}

// is_another_page() with the two texts' vocabulary overlap already known.
bool another_page(const Text& previous, const Text& current, double overlap) {
  if (overlap >= kAnotherPageOverlap) return false;
  if (!opens_with_document_name(previous) || opens_with_document_name(current)) return false;
  const std::size_t markers_before = legal_markers(previous), markers_now = legal_markers(current);
  if (markers_now >= kAnotherPageMaxMarkers && markers_now * 2 >= markers_before) return false;
  return !reads_as_translation(previous, current);
}

}  // namespace

std::size_t count_text_words(const Text& text) {
  std::size_t words = 0;
  for (const Block& block : text.blocks) words += count_words(block.text);
  return words;
}

std::optional<Error> page_verdict(long status, std::string_view html, const Text& text, std::string_view url,
                                  std::size_t previous_words) {
  const std::size_t words = count_text_words(text);
  const std::string title = page_title(html);
  const bool short_page = words < kShortPageWords;
  const bool tiny_page = words < kTinyPageWords;
  const std::string where = " (" + std::string(url) + ")";
  const bool challenge_title = is_challenge_title(title);
  const std::string lowered_text = tiny_page || short_page ? ascii_lower(all_text(text)) : std::string();

  // A long page is blocked only if its title says so and a vendor's marker confirms it; the
  // markup scan (lowercasing up to 256 KiB) is only needed for those and for short pages.
  bool blocked = false, marker = false;
  if (short_page || challenge_title) {
    const std::string head = ascii_lower(html.substr(0, 256 * 1024));
    marker = has_challenge_marker(head) || refreshes_to_challenge(head);
    const bool captcha = short_page && has_captcha(head);
    const bool says_javascript = tiny_page && asks_for_javascript(lowered_text);
    // A challenge is a page, not a part of one: `text` may be what a declaration selected (a
    // 150-word legal notice from a page with a contact form), so the page's own text is
    // measured before a marker on a short text counts.
    std::size_t page_words = words;
    if (short_page && !html.empty() && (marker || captcha || challenge_title || says_javascript))
      page_words = std::max(words, unselected_page_words(html));
    const bool page_short = page_words < kShortPageWords, page_tiny = page_words < kTinyPageWords;
    // A captcha in the markup is a challenge only when the visible text is one: it asks the
    // visitor to prove they are human, or there is next to no text beside a widget that shows
    // itself. An invisible reCAPTCHA is loaded by real documents for their forms.
    const bool captcha_challenge =
        captcha && page_short &&
        (asks_to_prove_humanity(lowered_text) || (page_tiny && !only_invisible_captcha(head)));
    blocked = (marker && (page_short || challenge_title)) || (page_short && challenge_title) || captcha_challenge ||
              (page_tiny && says_javascript);
  }
  if (blocked) {
    std::string what = challenge_title ? "'" + title + "'" : marker ? "a bot-protection challenge" : "an interstitial";
    return Error{ErrorKind::blocked, "the server answered with " + what + " instead of the document" +
                                (status >= 400 ? " (HTTP " + std::to_string(status) + ")" : "") + where};
  }
  if (status >= 400) return std::nullopt;  // the caller reports http_status with its reason
  if (tiny_page && says_domain_is_parked(lowered_text))
    return Error{ErrorKind::empty, "the address shows a parked domain, not the site (" + std::to_string(words) +
                                       " words)" + where};
  if (auto reason = error_page_reason(raw_title(html), text, html, previous_words))
    return Error{ErrorKind::error_page, "the page is an error page (" + *reason +
                                   (title.empty() ? std::string() : "; title '" + title + "'") + "), served with HTTP " +
                                   std::to_string(status) + where};
  if (words < kMinWords)
    return Error{ErrorKind::empty, "no text found on the page (" + std::to_string(words) + " words)" + where};
  return std::nullopt;
}

bool is_parked_domain(const Text& text) {
  return count_text_words(text) < kTinyPageWords && says_domain_is_parked(ascii_lower(all_text(text)));
}

double vocabulary_overlap(const Text& a, const Text& b) {
  const auto va = vocabulary(a), vb = vocabulary(b);
  std::size_t shared = 0;
  for (const auto& w : vb) shared += va.count(w);
  const std::size_t all = va.size() + vb.size() - shared;
  return all == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(all);
}

double vocabulary_share(const Text& part, const Text& whole) {
  const auto vp = vocabulary(part), vw = vocabulary(whole);
  std::size_t shared = 0;
  for (const auto& w : vp) shared += vw.count(w);
  return vp.empty() ? 0.0 : static_cast<double>(shared) / static_cast<double>(vp.size());
}

// Whether `current` is `previous` in another language: each is clearly in a language and
// they differ, and the new text reads like legal prose in its own language or keeps the
// document's shape (as many headings, list items and paragraphs, give or take a quarter; a
// translation runs 0.6 to 1.7 times as many words); into or out of another script than Latin,
// it is as long as the document, give or take half. A home page or an app screen in another
// language has neither.
bool reads_as_translation(const Text& previous, const Text& current) {
  const std::string from = detect_language(previous), to = detect_language(current);
  if (from.empty() || to.empty() || from == to) return false;
  const std::size_t before = count_text_words(previous), after = count_text_words(current);
  // Across scripts a country's edition seldom keeps the document's shape (replay: a video
  // platform's terms served for three months in an older Thai edition): as long as the
  // document, give or take half, and legal prose in its own script: 3 markers ("ข้อกำหนด",
  // "个人信息", "персональн...") in its prose, 3 of its blocks of prose (5 at least) with one. A home page, a login
  // page or an error page in Chinese or Japanese of the document's length has none: its legal
  // words are footer links and a consent line (two reviews: a Chinese "page not found" with its
  // menus, a Japanese login page had been taken).
  if (told_by_script(from) != told_by_script(to)) {
    const LegalProse prose = legal_prose(current);
    return after * 2 >= before && after <= before * 2 && prose.markers >= kTranslationMinMarkers &&
           prose.prose_blocks >= kTranslationMinProseBlocks && prose.blocks_with_markers >= kTranslationMinMarkers;
  }
  if (legal_markers(current) >= kTranslationMinMarkers) return true;
  auto close = [](std::size_t a, std::size_t b) { return a * 4 <= b * 5 + 4 && b * 4 <= a * 5 + 4; };
  std::size_t counts[2][4] = {};
  for (const Block& block : previous.blocks) ++counts[0][static_cast<int>(block.kind)];
  for (const Block& block : current.blocks) ++counts[1][static_cast<int>(block.kind)];
  for (int kind = 0; kind < 4; ++kind)
    if (!close(counts[0][kind], counts[1][kind])) return false;
  return after * 10 >= before * 6 && after * 10 <= before * 17;
}

std::optional<Error> shrink_verdict(const Text& previous, const Text& current) {
  const std::size_t before = count_text_words(previous), after = count_text_words(current);
  if (before < 100) return std::nullopt;  // too short to judge
  if (after * 5 < before)
    return Error{ErrorKind::suspicious_shrink, "the text fell from " + std::to_string(before) + " to " +
                                          std::to_string(after) +
                                          " words"};
  auto a = vocabulary(previous), b = vocabulary(current);
  std::size_t shared = 0;
  for (const auto& w : b) shared += a.count(w);
  const std::size_t all = a.size() + b.size() - shared;
  // A translation shares few words with the original and is not a collapse: the record says
  // language_changed and compares like with like (pipeline/document_check.cpp). Asked only
  // of a text that shares few words: most new versions never pay for the language test.
  if (all > 0 && shared * 10 < all && !reads_as_translation(previous, current))
    return Error{ErrorKind::suspicious_shrink, "the new text shares almost no vocabulary with the archived one (" +
                                          std::to_string(shared) + " of " + std::to_string(all) +
                                          " distinct words)"};
  if (all > 0 && another_page(previous, current, static_cast<double>(shared) / static_cast<double>(all)))
    return Error{ErrorKind::suspicious_shrink,
                 "another page in the document's place: it no longer opens with the document's name, shares " +
                     std::to_string(shared) + " of " + std::to_string(all) +
                     " distinct words with the archived text and has less of its legal vocabulary (" +
                     std::to_string(legal_markers(current)) + " markers, " + std::to_string(legal_markers(previous)) +
                     " before)"};
  return std::nullopt;
}

bool is_another_page(const Text& previous, const Text& current) {
  return another_page(previous, current, vocabulary_overlap(previous, current));
}

bool is_headings_only(const Text& text) {
  std::size_t all = 0, prose = 0;
  for (const Block& block : text.blocks) {
    const std::size_t words = count_space_separated_words(block.text);
    all += words;
    if (block.kind != BlockKind::heading) prose += words;
  }
  return all > 0 && prose * 4 < all;
}

}  // namespace tosdiff
