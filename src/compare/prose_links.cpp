#include "tosdiff/compare/prose_links.hpp"

#include <set>

#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

bool is_link_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_link_sentence_punct(char c) { return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?'; }

// The length of a URL written in prose at `i` ("https://...", "www.example.com/x",
// "example.com/privacy"), without the sentence punctuation that follows it; 0 when none.
std::size_t prose_url_length(std::string_view s, std::size_t i) {
  // A scheme marks a URL wherever it starts: glued to the word before it by a space the page
  // lost ("athttp://www.example.org/complaints", contrib replay: a job site's privacy policy).
  const std::string scheme = tosdiff::ascii_lower(std::string(s.substr(i, 8)));
  const bool glued_scheme = scheme.rfind("http://", 0) == 0 || scheme.rfind("https://", 0) == 0;
  // A colon glued before it is a label's ("Politique de confidentialité :snap.com/fr-FR/privacy",
  // metamorphic bench: a French page writing the address without its scheme).
  if (i > 0 && !glued_scheme && !is_link_space(s[i - 1]) && s[i - 1] != '(' && s[i - 1] != '"' &&
      s[i - 1] != '\'' && s[i - 1] != '<' && s[i - 1] != ':')
    return 0;
  std::size_t end = i;
  while (end < s.size() && !is_link_space(s[end]) && s[end] != '"' && s[end] != '<' && s[end] != '>')
    ++end;
  // A bracket that opens and never closes in the URL is the text's ("example.com(the Site)"
  // lost a space); "wiki/Term_(law)" keeps its own.
  const std::size_t bracket = s.substr(i, end - i).find('(');
  if (bracket != std::string_view::npos && s.substr(i + bracket, end - i - bracket).find(')') == std::string_view::npos)
    end = i + bracket;
  while (end > i && (is_link_sentence_punct(s[end - 1]) || s[end - 1] == ')' || s[end - 1] == ']' ||
                     s[end - 1] == '\''))
    --end;
  const std::string head = tosdiff::ascii_lower(std::string(s.substr(i, std::min<std::size_t>(end - i, 8))));
  if (head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0 || head.rfind("www.", 0) == 0)
    return end - i;
  // A bare host: labels of letters, digits and '-', at least one dot, a top-level domain of
  // two letters or more ("example.com", "help.example.co.uk/terms"), not "e.g." or "U.S.".
  std::size_t host_end = i;
  while (host_end < end && s[host_end] != '/' && s[host_end] != '?' && s[host_end] != '#') ++host_end;
  std::string_view host = s.substr(i, host_end - i);
  const std::size_t last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0) return 0;
  std::string_view tld = host.substr(last_dot + 1);
  // A heading glued to the host, a domain having no capitals ("Twitch.tvPrivacy Notice"): the
  // host ends where the capital starts, when nothing follows it but that word.
  for (std::size_t k = 1; k < tld.size(); ++k) {
    if (tld[k - 1] >= 'a' && tld[k - 1] <= 'z' && tld[k] >= 'A' && tld[k] <= 'Z' && host_end == end) {
      end = i + last_dot + 1 + k;
      host = host.substr(0, last_dot + 1 + k);
      tld = tld.substr(0, k);
      break;
    }
  }
  if (tld.size() < 2 || tld.size() > 12) return 0;
  for (char c : tld)
    if (!is_ascii_letter(c)) return 0;
  // "participants.Climate" is two sentences glued, not a host: no domain is capitalized.
  if (tld[0] >= 'A' && tld[0] <= 'Z' && tld[1] >= 'a' && tld[1] <= 'z') return 0;
  // Nor is "Apple.eharmony" (a brand written in lower case starting the next sentence): past
  // three letters, only the top-level domains prose names.
  if (tld.size() > 3 && !is_long_top_level_domain(tosdiff::ascii_lower(tld))) return 0;
  for (char c : host)
    if (!is_ascii_letter(c) && !is_ascii_digit(c) && c != '-' && c != '.') return 0;
  if (host.find("..") != std::string_view::npos) return 0;
  return end - i;
}

}  // namespace

std::string fold_links(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t open = s.find("](", i);
    if (open == std::string_view::npos) break;
    std::size_t close = s.find(')', open + 2);
    if (close == std::string_view::npos) break;
    out.append(s.substr(i, open + 2 - i));
    out += canonical_link(s.substr(open + 2, close - open - 2));
    out += ')';
    i = close + 1;
  }
  out.append(s.substr(i));
  return out;
}

bool is_long_top_level_domain(const std::string& tld) {
  static const std::set<std::string> domains = {
      "info", "mobi", "name", "aero", "coop", "museum", "travel", "jobs", "asia", "online", "site", "website",
      "tech", "store", "shop", "blog", "cloud", "email", "design", "media", "world", "today", "support", "legal",
      "health", "games", "music", "news", "space", "club", "group", "digital", "network", "systems", "software",
      "solutions", "services", "company", "global", "social", "dating", "chat", "video", "photo", "photos",
      "studio", "agency", "finance", "money", "bank", "insurance", "clinic", "energy", "education", "academy",
      "school", "tools", "berlin", "paris", "london", "wien", "swiss", "bayern", "quebec", "amsterdam",
      "brussels", "madrid",
      // Brands' own domains, which their policies write out ("safety.google/privacy": a dating
      // site's privacy policy naming Google's), and generic ones prose uses.
      "google", "youtube", "android", "amazon", "apple", "microsoft", "chrome", "gmail", "live", "link", "help",
      "care", "team", "guide", "community", "foundation"};
  return domains.count(tld) > 0;
}

// URLs written in the text: "https://www.example.com/terms/" and "example.com/terms" are
// one address.
namespace {

// Calls `each(url)` for every URL written in `s` ("http..." as written, a bare one with
// "https://" put before it) and `between(text)` for the text around them, in order.
template <typename Url, typename Between>
void walk_prose_urls(std::string_view s, Url each, Between between) {
  std::size_t copied = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t length = is_ascii_letter(s[i]) ? prose_url_length(s, i) : 0;
    if (length == 0) {
      ++i;
      continue;
    }
    between(s.substr(copied, i - copied));
    std::string url(s.substr(i, length));
    if (tosdiff::ascii_lower(url.substr(0, 4)) != "http") url.insert(0, "https://");
    each(url);
    i += length;
    copied = i;
  }
  between(s.substr(copied));
}

}  // namespace

std::string fold_prose_urls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  walk_prose_urls(
      s, [&](const std::string& url) { out += canonical_link(url); }, [&](std::string_view text) { out += text; });
  return out;
}

std::set<std::string> prose_url_hosts(std::string_view s) {
  std::set<std::string> hosts;
  walk_prose_urls(
      s,
      [&](const std::string& url) {
        std::string host = url_host(url);
        if (host.rfind("www.", 0) == 0) host.erase(0, 4);
        if (!host.empty()) hosts.insert(std::move(host));
      },
      [](std::string_view) {});
  return hosts;
}

std::string fold_hidden_emails(std::string_view s) {
  constexpr std::string_view kPlaceholder = kHiddenEmailPlaceholder;
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = s.find(kPlaceholder); at != std::string_view::npos; at = s.find(kPlaceholder, at + 1)) {
    if (at < copied) continue;
    std::size_t start = at, end = at + kPlaceholder.size();
    while (start > copied && !is_html_space(s[start - 1])) --start;
    while (end < s.size() && !is_html_space(s[end])) ++end;
    out.append(s.substr(copied, start - copied));
    out.append(kPlaceholder);
    copied = end;
  }
  if (copied == 0) return std::string(s);
  out.append(s.substr(copied));
  return out;
}

}  // namespace tosdiff
