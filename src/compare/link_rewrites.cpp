#include "tosdiff/compare/link_rewrites.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/link_annotations.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/compare/prose_links.hpp"
#include "tosdiff/compare/variants.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kLabelMaxWords = 4;

// A word diff keeps the punctuation the URL or label was written with ("https://x.com.").
std::string_view without_edge_punctuation(std::string_view s) {
  s = trim(s);
  while (!s.empty() && std::string_view("([\"'").find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && std::string_view(".,;:)]\"'").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

// One written URL, nothing else; "www.example.com" read as https.
std::string as_url(std::string_view s) {
  s = without_edge_punctuation(s);
  if (s.empty() || s.find(' ') != std::string_view::npos) return "";
  const std::string lower = tosdiff::ascii_lower(s);
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0) return std::string(s);
  if (lower.rfind("www.", 0) == 0) return "https://" + std::string(s);
  return "";
}

// The path of a URL after its host, lower case, without query or fragment.
std::string url_path(const std::string& url) {
  const std::size_t host = url.find("://");
  const std::size_t slash = url.find('/', host == std::string::npos ? 0 : host + 3);
  if (slash == std::string::npos) return "";
  return tosdiff::ascii_lower(std::string_view(url).substr(slash, url.find_first_of("?#", slash) - slash));
}

// "de", "fr", "en-gb", "pt_BR": the first segment of a path that names the page's language.
std::string language_segment(const std::string& path) {
  if (path.size() < 2) return "";  // no path, or "/"
  const std::size_t end = path.find('/', 1);
  const std::string segment = path.substr(1, end == std::string::npos ? std::string::npos : end - 1);
  auto letters = [&](std::size_t from) {
    return is_ascii_letter(segment[from]) && is_ascii_letter(segment[from + 1]);
  };
  if (segment.size() == 2 && letters(0)) return segment;
  if (segment.size() == 5 && letters(0) && (segment[2] == '-' || segment[2] == '_') && letters(3)) return segment;
  return "";
}

bool same_site_other_language(const std::string& a, const std::string& b) {
  const std::string host = url_host(a);
  if (host.empty() || host != url_host(b)) return false;
  const std::string path_a = url_path(a), path_b = url_path(b);
  const std::string from = language_segment(path_a), to = language_segment(path_b);
  if (from.empty() || to.empty() || from == to) return false;
  // The same page in another language: its words may be translated ("/de/datenschutz/" and
  // "/fr/confidentialite/"), but in one language, or where a segment names a country and not a
  // language ("/uk/legal/...", "/us/legal/..."), the rest of the path is the same: "/en/privacy/
  // opt-out" and "/en-us/newsletter/subscribe" are two pages (a red team's finds: an opt-out's
  // link sent to a newsletter's sign-up, the terms incorporated by reference exchanged).
  static constexpr std::string_view kLanguages[] = {
      "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "nn", "fi", "pl", "cs", "sk", "hu",
      "ro", "bg", "el", "ru", "uk", "tr", "ar", "he", "fa", "hi", "bn", "ja", "zh", "ko", "th", "vi", "id",
      "ms", "tl", "et", "lv", "lt", "sl", "hr", "sr", "bs", "mk", "sq", "ca", "eu", "gl", "is", "ga", "cy", "mt"};
  const auto language_of = [](const std::string& segment) { return segment.substr(0, 2); };
  const auto is_language = [&](const std::string& segment) {
    return std::find(std::begin(kLanguages), std::end(kLanguages), language_of(segment)) != std::end(kLanguages);
  };
  const bool translated = is_language(from) && is_language(to) && language_of(from) != language_of(to);
  if (translated) return true;
  // A language given its region, or its region dropped ("/en/terms" / "/en-gb/terms": a site's
  // paths renamed), the rest of the path the same. Two regions ("/en-ie/" / "/en-us/") or two
  // countries ("/ie/" / "/us/") are two editions of a legal page (a red team's find: the payment
  // terms incorporated by reference switched to another country's).
  const auto region_of = [](const std::string& bare, const std::string& located) {
    return bare.size() == 2 && located.size() == 5 && located.compare(0, 2, bare) == 0;
  };
  return (region_of(from, to) || region_of(to, from)) && is_language(from) &&
         path_a.substr(1 + from.size()) == path_b.substr(1 + to.size());
}

// One host is the other with labels put in front ("legal.lumen.com" / "lumen.com"), or both
// are the same; "www." aside. Two subdomains of a site ("uk." / "us."), or two sites of one
// registry ("a.github.io" / "b.github.io"), are not.
bool same_host_or_subdomain(std::string a, std::string b) {
  if (a.rfind("www.", 0) == 0) a.erase(0, 4);
  if (b.rfind("www.", 0) == 0) b.erase(0, 4);
  if (a.size() < b.size()) std::swap(a, b);
  return a == b || (a.size() > b.size() + 1 && a.compare(a.size() - b.size(), b.size(), b) == 0 &&
                    a[a.size() - b.size() - 1] == '.' && b.find('.') != std::string::npos);
}

// An opaque id renewed: a number of 5 digits or more replaced by a token of 16 letters and digits
// or more, or the other way ("360032559032" / "bc5978ba2ac2456cbb91d13860d36134": a help
// centre moved to other software). Two numbers, or two tokens, are two pages ("LEGIARTI...262"
// / "LEGIARTI...298" are two articles of law, "articles/360001234567" / "articles/360009876543"
// two articles).
bool id_renewed(std::string_view a, std::string_view b) {
  auto token = [](std::string_view s) {
    return s.size() >= 16 && std::any_of(s.begin(), s.end(), is_ascii_digit) &&
           std::any_of(s.begin(), s.end(), [](char c) { return is_ascii_letter(c); }) &&
           std::all_of(s.begin(), s.end(), [](char c) { return is_ascii_digit(c) || is_ascii_letter(c); });
  };
  auto number = [](std::string_view s) { return s.size() >= 5 && all_ascii_digits(s); };
  return (number(a) && token(b)) || (token(a) && number(b));
}

// Two paths of one page, one of them moved up or down the site's tree: one ends with the whole
// other, 2 segments or more ("legal/us/en/cc" / "us/en/cc"), and the segments the longer one
// adds name no version of it ("archive/legal/terms" is the archived terms).
bool moved_in_the_tree(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  if (shorter.size() < 2 || shorter.size() == longer.size() ||
      !std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin()))
    return false;
  for (std::size_t i = 0; i < longer.size() - shorter.size(); ++i) {
    const std::string& added = longer[i];
    if (std::any_of(added.begin(), added.end(), is_ascii_digit)) return false;
    for (std::string_view version : {"archive", "archives", "old", "previous", "history", "versions", "version", "legacy"})
      if (added == version) return false;
  }
  return true;
}

// A URL's query, tracking parameters and per-request ids taken away (canonical_link), "" when
// it has none.
std::string link_query(const std::string& url) {
  const std::string canonical = canonical_link(url);
  const std::size_t query = canonical.find('?');
  return query == std::string::npos ? "" : canonical.substr(query);
}

// The same page of the same site, its address moved: a subdomain put in or taken away with the
// path kept ("legal.lumen.com/documents/rules.pdf" / "lumen.com/documents/rules.pdf"), the path
// moved up or down the tree ("lumen.com/en/wizard/DataQuestion" / "lumen.com/wizard/
// DataQuestion"), an opaque id renewed in an otherwise equal path ("faq/360032559032" /
// "faq/bc5978ba2ac2..."); the query kept (contrib replays: a social network's guidelines, a game
// store's privacy policy, an exchange's terms). Another page of the site ("/terms" /
// "/privacy", "/consumer/terms" / "/business/terms"), another subdomain ("uk." / "us."), another
// number in the path, another query, is not.
bool same_page_moved(const std::string& a, const std::string& b) {
  const std::string host_a = url_host(a), host_b = url_host(b);
  if (host_a.empty() || host_b.empty() || !same_host_or_subdomain(host_a, host_b)) return false;
  // The query names the page as much as the path does ("?uri=celex:32010D0087" is a decision,
  // "?uri=celex:32021D0914" another one): two must be the same, tracking parameters aside; one
  // may go with the page's move ("?tabset-35584=2"), not on a path that stays.
  const std::string query_a = link_query(a), query_b = link_query(b);
  if (!query_a.empty() && !query_b.empty() && query_a != query_b) return false;
  if (query_a != query_b && url_path(a) == url_path(b)) return false;
  const std::vector<std::string> from = nonempty_parts(url_path(a), '/'), to = nonempty_parts(url_path(b), '/');
  if (from.empty() || to.empty()) return false;
  if (from.size() != to.size()) return moved_in_the_tree(from, to);
  // Every segment the same, or an id renewed: the host moved, or the path was written another
  // way ("vinted.com//help/..." / "vinted.com/help/...").
  for (std::size_t i = 0; i < from.size(); ++i)
    if (from[i] != to[i] && !id_renewed(from[i], to[i])) return false;
  return true;
}

// A path written without its site ("en/support/faq/360032559032"), its opaque id renewed, the
// rest the same and naming something in words ("No. 12345/2020" is a reference, not a path).
bool only_an_id_renewed(std::string_view a, std::string_view b) {
  if (a.find('/') == std::string_view::npos || a.find(' ') != std::string_view::npos || b.find(' ') != std::string_view::npos)
    return false;
  const std::vector<std::string> from = nonempty_parts(tosdiff::ascii_lower(a), '/'), to = nonempty_parts(tosdiff::ascii_lower(b), '/');
  if (from.size() < 2 || from.size() != to.size()) return false;
  bool renewed = false, words = false;
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i] == to[i]) {
      words = words || std::any_of(from[i].begin(), from[i].end(), [](char c) { return is_ascii_letter(c); });
      continue;
    }
    if (!id_renewed(from[i], to[i])) return false;
    renewed = true;
  }
  return renewed && words;
}

// Every word of the label (letters and digits, 2 or more) found in the URL: a label spelled
// out of the address it stands for.
bool label_of(std::string_view label, const std::string& url) {
  const std::vector<std::string> words = space_separated_words(label);
  if (words.empty() || words.size() > kLabelMaxWords) return false;
  const std::string address = tosdiff::ascii_lower(url);
  for (const std::string& word : words) {
    const std::string bare = tosdiff::ascii_lower(without_edge_punctuation(word));
    if (bare.size() < 2 || address.find(bare) == std::string::npos) return false;
  }
  return true;
}

// A word without the square brackets a page wrote around it, Markdown's escape of the first one
// with them ("\[[email protected]]", "[dpo@lumen.example]": replay, a telecom's privacy notice).
std::string_view without_square_brackets(std::string_view word) {
  if (word.size() > 3 && word.front() == '\\' && word[1] == '[') word.remove_prefix(1);
  if (word.size() > 2 && word.front() == '[' && word.back() == ']') word = word.substr(1, word.size() - 2);
  return word;
}

// The placeholder a CDN writes for an e-mail address it hides (prose_links.hpp), and an
// address: the page showed the address its script had hidden, or hid it again.
bool is_hidden_email(std::string_view word) {
  word = trim(word);  // the placeholder's own brackets are not punctuation to strip
  if (word != kHiddenEmailPlaceholder) word = without_square_brackets(word);
  // Code marks, emphasis and quotes around it too: "`[email protected]`.", "_[email protected]_"
  // (help pages' Markdown).
  while (!word.empty() && std::string_view(".,;:)`\"'_*").find(word.back()) != std::string_view::npos) word.remove_suffix(1);
  while (!word.empty() && std::string_view("(`\"'_*").find(word.front()) != std::string_view::npos) word.remove_prefix(1);
  if (word != kHiddenEmailPlaceholder) word = without_square_brackets(word);  // "\[[email protected]]."
  return word == kHiddenEmailPlaceholder;
}

// The domain of an e-mail address written alone, lower case; "" when `word` is not one.
std::string email_domain(std::string_view word) {
  word = without_edge_punctuation(without_square_brackets(trim(word)));
  const std::size_t at = word.find('@');
  if (at == std::string_view::npos || at == 0 || word.find(' ') != std::string_view::npos ||
      word.find('[') != std::string_view::npos || word.find('.', at) == std::string_view::npos)
    return "";
  return tosdiff::ascii_lower(word.substr(at + 1));
}

// The name a domain is registered under: "vertbaudet" for "vertbaudet.com", "epicgames" for
// "support.epicgames.com"; "" when under 4 letters (too short to be found by chance).
std::string registered_name(const std::string& domain) {
  const std::size_t last = domain.rfind('.');
  if (last == std::string::npos) return "";
  const std::size_t before = domain.rfind('.', last - 1);
  const std::string name = domain.substr(before == std::string::npos ? 0 : before + 1,
                                         last - (before == std::string::npos ? 0 : before + 1));
  return name.size() >= 4 ? name : "";
}

// A free mail service's domain: an address there is a person's mailbox, never a site's own,
// however often the texts name the service ("Sign in with Gmail": a red team's find). Only
// services whose company writes its own terms from another domain: Yahoo's, Proton's, Orange's or
// Tencent's policies give addresses at their mail domains.
bool is_free_mail_domain(const std::string& domain) {
  return is_one_of(registered_name(domain), {"gmail", "googlemail", "hotmail", "outlook", "live"});
}

// How many times the texts write the name a domain is registered under as a name: one word in
// any case ("Vertbaudet", "VERTBAUDET"), or capitalised words run together ("Air Malta" for
// airmalta); common words that happen to spell it ("privacy rights" for privacyrights) are no name.
std::size_t times_named(const std::string& name, const std::vector<std::string>& blocks) {
  constexpr std::size_t kMaxNameWords = 3;
  std::size_t times = 0;
  for (const std::string& block : blocks) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : block + " ") {
      if (is_ascii_letter(c) || is_ascii_digit(c)) {
        word += c;
      } else if (!word.empty()) {
        words.push_back(std::move(word));
        word.clear();
      }
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string joined;
      for (std::size_t k = i; k < words.size() && k < i + kMaxNameWords; ++k) {
        if (k > i && (!is_ascii_upper(words[i].front()) || !is_ascii_upper(words[k].front()))) break;
        joined += tosdiff::ascii_lower(words[k]);
        if (joined.size() > name.size()) break;
        if (joined == name) {
          ++times;
          break;
        }
      }
    }
  }
  return times;
}

// The texts name the address's domain other than in the address itself: a URL or a host, another
// address of the domain ("privacy@lumen.example" beside "dpo@lumen.example"), or the name it is
// registered under written as a name ("Vertbaudet", "Air Malta" for airmalta.com), in each text.
// The domain whole: "lumenfield.co" is not named by "lumenfield.com", and no name the texts write
// as a lookalike domain. A free mail service's domain never.
// `blocks`: both texts' blocks, as written.
bool named_elsewhere(const std::string& address, const std::vector<std::string>& blocks) {
  // Both texts, once each: a platform's copyright policy names the company once, beside the
  // address its CDN hid (contrib q3 re-diff: the address at twitter.com shown).
  constexpr std::size_t kTimesNamed = 2;
  const std::string domain = address.substr(address.find('@') + 1), name = registered_name(domain);
  if (is_free_mail_domain(domain)) return false;
  auto domain_char = [](char c) { return is_ascii_letter(c) || is_ascii_digit(c) || c == '-'; };
  // The texts without the address itself (ASCII lower case keeps every byte where it was).
  std::vector<std::string> others;
  for (const std::string& block : blocks) {
    std::string text = block;
    const std::string lower = tosdiff::ascii_lower(block);
    for (std::size_t at = lower.rfind(address); at != std::string::npos; at = at == 0 ? std::string::npos : lower.rfind(address, at - 1))
      text.erase(at, address.size());
    others.push_back(std::move(text));
  }
  for (const std::string& text : others) {
    const std::string lower = tosdiff::ascii_lower(text);
    for (std::size_t at = lower.find(domain); at != std::string::npos; at = lower.find(domain, at + 1)) {
      const std::size_t end = at + domain.size();
      if ((at == 0 || !domain_char(lower[at - 1])) && (end == lower.size() || !domain_char(lower[end]))) return true;
    }
  }
  if (name.empty()) return false;
  // The name written as a domain whose ending is the address's cut short or grown ("www.lumenfield.com"
  // beside an address at lumenfield.co): the site's own domain is that one, and this address's a
  // lookalike (a red team's find). A country's domain ("ikea.ie" beside "ikea.com") is the site's.
  std::string ending = domain.substr(domain.rfind('.') + 1);  // its letters: "com" of "com%20(" too
  ending.erase(std::find_if(ending.begin(), ending.end(), [](char c) { return !is_ascii_letter(c); }), ending.end());
  for (const std::string& text : others) {
    const std::string lower = tosdiff::ascii_lower(text);
    for (std::size_t at = lower.find(name + "."); at != std::string::npos; at = lower.find(name + ".", at + 1)) {
      std::size_t end = at + name.size() + 1;
      while (end < lower.size() && is_ascii_letter(lower[end])) ++end;
      const std::string other = lower.substr(at + name.size() + 1, end - at - name.size() - 1);
      const bool near_miss = other != ending && !other.empty() &&
                             (other.rfind(ending, 0) == 0 || ending.rfind(other, 0) == 0);
      if ((at == 0 || !domain_char(lower[at - 1])) && near_miss) return false;
    }
  }
  return times_named(name, others) >= kTimesNamed;
}

// Words a page title joins its words with, not found in an address.
bool is_joining_word(const std::string& lower) {
  return lower == "&" || lower == "and" || lower == "of" || lower == "the" || lower == "-" || lower == "|";
}

constexpr std::size_t kPageTitleMaxWords = 6, kSiteNameMaxWords = 5;

// "Rules, Fees & Forms - National Arbitration and Mediation" for
// https://www.namadr.com/resources/rules-fees-forms/: a page's title as browsers show it,
// "<page> - <site>", put in place of its address. Every word of the page part is in the
// URL; the site part is the host, named by its words or by their initials ("nam...").
bool page_title_of(std::string_view label, const std::string& url) {
  std::size_t cut = std::string_view::npos, cut_size = 0;
  for (std::string_view separator : {" - ", " | ", " \u2013 ", " \u2014 "}) {
    const std::size_t at = label.rfind(separator);
    if (at != std::string_view::npos && (cut == std::string_view::npos || at > cut)) {
      cut = at;
      cut_size = separator.size();
    }
  }
  if (cut == std::string_view::npos) return false;
  const std::string address = tosdiff::ascii_lower(url);
  std::size_t page_words = 0;
  for (const std::string& word : space_separated_words(label.substr(0, cut))) {
    const std::string bare = tosdiff::ascii_lower(without_edge_punctuation(word));
    if (is_joining_word(bare) || bare.empty()) continue;
    if (bare.size() < 2 || address.find(bare) == std::string::npos || ++page_words > kPageTitleMaxWords) return false;
  }
  std::string host = url_host(url);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  std::string initials;
  bool every_word_in_host = true;
  std::size_t site_words = 0;
  for (const std::string& word : space_separated_words(label.substr(cut + cut_size))) {
    const std::string bare = tosdiff::ascii_lower(without_edge_punctuation(word));
    if (is_joining_word(bare) || bare.empty()) continue;
    if (!is_ascii_letter(bare.front()) || ++site_words > kSiteNameMaxWords) return false;
    initials += bare.front();
    every_word_in_host = every_word_in_host && bare.size() >= 2 && host.find(bare) != std::string::npos;
  }
  if (page_words == 0 || site_words == 0) return false;
  return every_word_in_host || (initials.size() >= 3 && host.rfind(initials, 0) == 0);
}

// An address hidden behind a CDN's placeholder, or shown where the placeholder hid it when the
// address's domain is one the texts name elsewhere (the site's own, a partner the document
// names). An address of a domain named nowhere else shown ("dpo@adbroker.example") may be a new
// party and stays news.
// `blocks` (both texts' blocks, lower case) is filled on first need: few hunks hide an address.
bool hides_or_shows_an_address(const WordEdit& edit, const Text& before, const Text& after,
                               std::vector<std::string>& blocks) {
  // The address as a link reads to screen readers: "support@lumen.example opens email client".
  const std::string removed = drop_link_annotations(edit.removed), added = drop_link_annotations(edit.added);
  const bool shown = is_hidden_email(removed), hidden = is_hidden_email(added);
  if (shown == hidden) return false;
  const std::string_view word = shown ? added : removed;
  if (email_domain(word).empty()) return false;
  // Hidden: the address the reader was told of went behind the placeholder, which names no one
  // new (contrib replay: an ad platform's privacy contacts, a payment company's Korean agent, by
  // turns, their domains named nowhere else). Shown, it may be a new party's.
  if (hidden) return true;
  if (blocks.empty())
    for (const Text* text : {&before, &after})
      for (const Block& block : text->blocks) blocks.push_back(block.text);
  return named_elsewhere(tosdiff::ascii_lower(without_edge_punctuation(without_square_brackets(trim(word)))), blocks);
}

// A word that names a host, a dot between two letters ("stories.lumen.com", "www.shop.lumen.com").
bool names_a_host(const std::string& word) {
  const std::string_view bare = without_edge_punctuation(word);
  const std::size_t dot = bare.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < bare.size() && is_ascii_letter(bare[dot - 1]) &&
         is_ascii_letter(bare[dot + 1]);
}

// A link's target written out beside its label, or taken away again: the edit's words are the
// same but for URLs on one side ("our Personal Data Map." / "our Personal Data Map
// https://drive.example/map/view."; contrib replay: a game publisher's privacy policy printing
// its links' targets, 39 alerts of 30 documents). The words around say the same; where the link
// leads was there, in the markup.
bool shows_or_hides_a_link_target(const WordEdit& edit) {
  std::vector<std::string> removed = space_separated_words(edit.removed), added = space_separated_words(edit.added);
  const auto drop_urls = [](std::vector<std::string>& words) {
    const auto end = std::remove_if(words.begin(), words.end(), [](const std::string& w) { return !as_url(w).empty(); });
    const bool any = end != words.end();
    words.erase(end, words.end());
    return any;
  };
  // An address added to a list of the sites the terms cover ("stories.lumen.com" /
  // "stories.lumen.com, www.shop.lumen.com"; contrib replay, a coffee chain's terms widening
  // their scope): the words beside it name hosts themselves. A target written out beside its
  // label follows the label's words ("Privacy Notice," / "Privacy Notice (https://...),").
  const auto lists_hosts = [](const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(), names_a_host);
  };
  // Within the edit too, a URL after a colon ("... at this address: https://..."): where to go.
  for (const std::vector<std::string>* words : {&removed, &added})
    for (std::size_t k = 1; k < words->size(); ++k)
      if (!as_url((*words)[k]).empty() && !(*words)[k - 1].empty() && (*words)[k - 1].back() == ':') return false;
  const bool urls_removed = drop_urls(removed), urls_added = drop_urls(added);
  if (urls_removed == urls_added || removed.size() != added.size()) return false;
  if (lists_hosts(removed) || lists_hosts(added)) return false;
  for (std::size_t i = 0; i < removed.size(); ++i)
    if (without_edge_punctuation(removed[i]) != without_edge_punctuation(added[i])) return false;
  return true;
}

// A URL the page's text cut after one of its hyphens ("Elaboration- on-Guidelines.pdf") is
// one word again (join_compounds does the same for words, in a comparison key).
std::string rejoined_at_hyphens(std::string_view s) {
  std::string out(s);
  for (std::size_t at = out.find("- "); at != std::string::npos; at = out.find("- ", at)) out.erase(at + 1, 1);
  return out;
}

}  // namespace

bool is_link_rewrite(std::string_view before, std::string_view after) {
  const std::string from = as_url(before), to = as_url(after);
  if (!from.empty() && !to.empty()) return same_site_other_language(from, to) || same_page_moved(from, to);
  const std::string cut_from = as_url(rejoined_at_hyphens(before)), cut_to = as_url(rejoined_at_hyphens(after));
  if (!cut_from.empty() && !cut_to.empty()) return same_page_moved(cut_from, cut_to);
  if (from.empty() && to.empty() && only_an_id_renewed(without_edge_punctuation(before), without_edge_punctuation(after)))
    return true;
  if (!from.empty()) return label_of(after, from) || page_title_of(after, from);
  if (!to.empty()) return label_of(before, to) || page_title_of(before, to);
  return false;
}

namespace {

// The words around each of a hunk's edits, in word_edits()'s order: the last word before it
// and the first after it.
struct EditContext {
  std::string before, after;
};
std::vector<EditContext> edit_contexts(const Hunk& hunk) {
  std::vector<EditContext> out;
  std::string last_common;
  bool open = false, has_removed = false, has_added = false;
  std::size_t waiting = 0;  // edits whose following word is not known yet
  for (const WordOp& op : hunk.words) {
    if (op.op == '=') {
      open = has_removed = has_added = false;
      const std::vector<std::string> words = space_separated_words(op.text);
      if (!words.empty()) {
        for (std::size_t k = out.size() - waiting; k < out.size(); ++k) out[k].after = words.front();
        waiting = 0;
        last_common = words.back();
      }
      continue;
    }
    // word_edits() starts an edit at a second removal (or addition) in a row.
    const bool starts = !open || (op.op == '-' ? has_removed : has_added);
    if (starts) {
      out.push_back({last_common, ""});
      ++waiting;
      has_removed = has_added = false;
    }
    open = true;
    (op.op == '-' ? has_removed : has_added) = true;
  }
  return out;
}

// A word after which an address is where to go, not a label's target: "visit https://...",
// "at", "to", "via" (the third review's find: an opt-out address taken out of "To opt out,
// visit https://... and switch off sharing"), or another address (a row of addresses: the new
// one is an entry of the list).
bool is_an_address(const std::string& word) { return !as_url(word).empty() || names_a_host(word); }

bool leads_to_an_address(const std::string& word) {
  if (is_an_address(word)) return true;
  // "...: https://..." too, and the words of the other languages tosdiff reads ("sur", "unter").
  if (!word.empty() && word.back() == ':') return true;
  const std::string bare = tosdiff::ascii_lower(without_edge_punctuation(word));
  return is_one_of(bare, {"visit", "at", "to", "via", "on", "from", "see", "go", "through", "under", "access", "email",
                          "e-mail", "write", "call", "sur", "unter", "auf", "bei", "en", "op", "su", "em", "a"});
}

// A link a law makes the site show, or an opt-out's form, named in a line ("Do Not Sell or Share
// My Personal Information", "our opt-out form"); "you can opt out of the processing" in a long
// sentence names none.
bool names_an_opt_out_link(std::string_view line) {
  if (names_a_statutory_link(line)) return true;
  const std::string lower = tosdiff::ascii_lower(line);
  for (std::string_view phrase : {"opt-out form", "opt out form", "opt-out link", "opt-out page"})
    if (lower.find(phrase) != std::string::npos) return true;
  return false;
}

// A line about objecting, opting out or withdrawing, or pointing to a form, in the languages
// tosdiff reads.
bool speaks_of_objecting(std::string_view line) {
  const std::string lower = tosdiff::ascii_lower(line);
  for (std::string_view stem : {"opt out", "opt-out", "opt in", "object", "withdraw", "unsubscribe", "oppos", "retirer",
                                "d\xC3\xA9sinscri", "widerspr", "widerruf", "abmeld", "oponer", "oposici", "retirar",
                                "revocar", "opporsi", "opposizione", "revocare", "revogar", "bezwaar", "intrekken",
                                "formulaire", "formular", "formulario", "modulo", "formul\xC3\xA1rio"})
    if (lower.find(stem) != std::string::npos) return true;
  for (const std::string& word : space_separated_words(lower))  // "form" as a word: "information" is none
    if (word.rfind("form", 0) == 0 && (word.size() == 4 || word == "forms" || !is_ascii_letter(word[4]))) return true;
  return false;
}

// A page's address as a Markdown link's target: a scheme's, a site's or a path's, no space in
// it. Not an e-mail address: "[our DPO](mailto:dpo@...)" may be the only place the address is
// given (a review's find).
bool is_written_target(std::string_view target, std::string_view label) {
  if (target.empty() || target.find(' ') != std::string_view::npos) return false;
  // An address the label shows itself ("[privacy@lumen.example](mailto:privacy@lumen.example)").
  if (target.rfind("mailto:", 0) == 0) return label == target.substr(7);
  if (target.find('@') != std::string_view::npos) return false;
  return target.find("://") != std::string_view::npos || target.front() == '/' || target.rfind("www.", 0) == 0;
}

// The text with its Markdown links written as text ("[Terms Page](https://example.com/terms)",
// "[Terms Page] (https://...)") put as their labels; how many there were in `count`.
std::string labels_of_written_links(std::string_view text, std::size_t& count) {
  std::string out;
  count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('[', i);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find(']', open + 1);
    if (close == std::string_view::npos) break;
    std::size_t paren = close + 1;
    if (paren < text.size() && text[paren] == ' ') ++paren;
    const std::size_t end = paren < text.size() && text[paren] == '(' ? text.find(')', paren) : std::string_view::npos;
    const std::string_view label = text.substr(open + 1, close - open - 1);
    if (end == std::string_view::npos || label.find('[') != std::string_view::npos ||
        !is_written_target(text.substr(paren + 1, end - paren - 1), label)) {
      out.append(text.substr(i, open + 1 - i));
      i = open + 1;
      continue;
    }
    out.append(text.substr(i, open - i));
    out.append(label);
    ++count;
    i = end + 1;
  }
  out.append(text.substr(i));
  return out;
}

// A hunk rewording blocks whose only edit on each is a Markdown link written as text made a
// link (its label shown, its target in the markup): "Please visit the [Terms Page](https://...)"
// becoming "Please visit the Terms Page" (contrib replay: a code host's website terms). Not the
// reverse: a target written out where there was none says where the link goes, maybe another
// site's form (a review's find). The new side writes none: two written links are compared.
bool only_written_links_made_links(const Hunk& hunk) {
  std::vector<std::string_view> removed, added;
  for (const LineOp& line : hunk.lines) (line.op == '-' ? removed : added).push_back(line.text);
  if (removed.empty() || removed.size() != added.size()) return false;
  bool any = false;
  for (std::size_t i = 0; i < removed.size(); ++i) {
    std::size_t in_old = 0, in_new = 0;
    const std::string old_labels = labels_of_written_links(removed[i], in_old);
    const std::string new_labels = labels_of_written_links(added[i], in_new);
    if (in_old == 0 || in_new > 0) return false;
    // Where the reader objects or opts out, the written target may be the only sign of whose form
    // it is (a review's finds: "visit [this page](...)" to opt out, "[ce formulaire]",
    // "[dieses Formular]").
    if (names_an_opt_out_link(removed[i]) || speaks_of_objecting(removed[i])) return false;
    if (comparison_key(old_labels) != comparison_key(new_labels)) return false;
    any = true;
  }
  return any;
}

}  // namespace

void mark_link_rewrites(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  std::vector<std::string> lower_blocks;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    const std::vector<WordEdit> edits = word_edits(hunk);
    if (edits.empty()) continue;
    const std::vector<EditContext> contexts = edit_contexts(hunk);
    // A block of its own that is a URL (a new partner's policy in a list of links) is news:
    // a target shown beside its label is the same blocks reworded.
    const bool reworded = hunk.old_lines == hunk.new_lines;
    // Beside a link a law makes the site show ("Do Not Sell or Share My Personal Information",
    // "opt out"), a target shown or hidden may be where the right is exercised, maybe another
    // site's form (a review's finds).
    const bool statutory = std::any_of(hunk.lines.begin(), hunk.lines.end(),
                                       [](const LineOp& line) { return names_an_opt_out_link(line.text); });
    bool all = true;
    for (std::size_t i = 0; i < edits.size() && all; ++i) {
      const WordEdit& edit = edits[i];
      // After a label's words, and not before another address (a row of them, the new one first).
      const bool after_label =
          i >= contexts.size() || (!leads_to_an_address(contexts[i].before) && !is_an_address(contexts[i].after));
      all = is_link_rewrite(edit.removed, edit.added) ||
            (reworded && after_label && !statutory && shows_or_hides_a_link_target(edit)) ||
            hides_or_shows_an_address(edit, before, after, lower_blocks);
    }
    if (all || only_written_links_made_links(hunk)) mark_cosmetic(hunk, "link_target");
  }
}

}  // namespace tosdiff
