#include "tosdiff/util/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "tosdiff/util/curl.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr auto npos = std::string_view::npos;
// Any scheme with an authority ("foo://host/x"); opaque ones ("mailto:") never reach libcurl.
constexpr unsigned kParseFlags = CURLU_NON_SUPPORT_SCHEME;

// RFC 3986 section 3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) then ':'. The length of
// the scheme, 0 when there is none. libcurl cannot say: it refuses URLs without "//".
std::size_t scheme_length(std::string_view url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return 0;
  std::size_t i = 1;
  while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '+' || url[i] == '-' ||
                            url[i] == '.'))
    ++i;
  return i < url.size() && url[i] == ':' ? i : 0;
}

enum class Part { absent, empty, present };

// Where a reference's components are (RFC 3986 section 4.1), not what they hold: libcurl
// parses them, but its result does not keep whether a path, query or fragment was written
// empty.
struct Shape {
  std::size_t scheme = 0;  // length, 0 without one
  bool authority = false;  // "//" after the scheme, or at the start of a relative reference
  std::size_t path = 0;    // where the path starts
  bool path_empty = true;
  Part query = Part::absent, fragment = Part::absent;
};

Shape shape_of(std::string_view ref) {
  Shape s;
  s.scheme = scheme_length(ref);
  std::size_t i = s.scheme ? s.scheme + 1 : 0;
  if (ref.substr(i, 2) == "//") {
    s.authority = true;
    i = std::min(ref.find_first_of("/?#", i + 2), ref.size());
  }
  s.path = i;
  const std::size_t hash = std::min(ref.find('#', i), ref.size());
  const std::size_t question = std::min(ref.find('?', i), hash);
  s.path_empty = question == i;
  if (question < hash) s.query = question + 1 == hash ? Part::empty : Part::present;
  if (hash < ref.size()) s.fragment = hash + 1 == ref.size() ? Part::empty : Part::present;
  return s;
}

// An href as a browser reads it (WHATWG URL parsing): C0 controls and spaces around it
// trimmed, tabs and line breaks inside it removed.
std::string cleaned(std::string_view href) {
  while (!href.empty() && static_cast<unsigned char>(href.front()) <= 0x20) href.remove_prefix(1);
  while (!href.empty() && static_cast<unsigned char>(href.back()) <= 0x20) href.remove_suffix(1);
  std::string out;
  out.reserve(href.size());
  for (char c : href)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

constexpr char kHex[] = "0123456789ABCDEF";

// Blanks, controls and non-ASCII bytes after the authority, percent-encoded (uppercase hex)
// as WHATWG's serializer does. libcurl 7.88 refuses blanks and controls, and encodes
// non-ASCII bytes (in lowercase hex) and blanks (as '+' in a query or fragment) only in a
// relative reference: encoded first, a link reads the same however the page wrote it. The
// host is left alone.
std::string percent_encoded(std::string_view ref, std::size_t from) {
  std::string out(ref.substr(0, from));
  out.reserve(ref.size() + 8);
  for (char c : ref.substr(from)) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7F) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

// The URL as text, with what libcurl 7.88 loses put back as RFC 3986 and WHATWG keep it
// (and as an archived link was written): it writes "/" for an empty path, drops an empty
// query or fragment ("x?", "x#"), and leaves the query out of a file: URL.
std::string serialized(const CurlUrl& parsed, bool path_empty, Part query, Part fragment, unsigned flags = 0) {
  std::string url = parsed.get(CURLUPART_URL, flags).value_or("");
  if (url.rfind("file:", 0) == 0)
    if (const auto q = parsed.get(CURLUPART_QUERY); q && !q->empty()) url.insert(std::min(url.find('#'), url.size()), "?" + *q);
  if (const auto authority = url.find("://"); path_empty && authority != npos) {
    const auto slash = url.find_first_of("/?#", authority + 3);
    if (slash != npos && url[slash] == '/' &&
        (slash + 1 == url.size() || url[slash + 1] == '?' || url[slash + 1] == '#'))
      url.erase(slash, 1);
  }
  if (query == Part::empty) url.insert(std::min(url.find('#'), url.size()), "?");
  if (fragment == Part::empty) url += '#';
  return url;
}

// A base URL, parsed once per thread: the normalizer resolves every link of a page against
// the same one. nullptr when libcurl cannot parse it.
const CurlUrl* parsed_base(const std::string& base, const Shape& shape) {
  thread_local std::string last;
  thread_local std::optional<CurlUrl> parsed;
  thread_local bool ok = false;
  if (!parsed || base != last) {
    parsed.emplace();
    ok = parsed->set(CURLUPART_URL, percent_encoded(base, shape.path), kParseFlags) == CURLUE_OK &&
         parsed->set(CURLUPART_FRAGMENT, nullptr) == CURLUE_OK;
    last = base;
  }
  return ok ? &*parsed : nullptr;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// RFC 3986 section 6.2.2.1: "%c3%bc" and "%C3%BC" are the same.
std::string uppercase_escapes(std::string s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i)
    if (s[i] == '%' && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      s[i + 1] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 1])));
      s[i + 2] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 2])));
      i += 2;
    }
  return s;
}

bool is_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// A value that differs on every request: a UUID, a long hex string, or a long mixed-case
// base64-like token. Readable values ("terms-of-service-v2", "en-US") are not. Judged
// decoded: "%C3%A4" is an "ä", not three letters and digits.
bool looks_like_request_id(std::string_view value) {
  if (value.size() == 36 && value[8] == '-' && value[13] == '-' && value[18] == '-' &&
      value[23] == '-')
    return true;
  if (value.size() < 16) return false;
  if (is_hex(value)) return true;
  if (value.size() < 20) return false;
  int digits = 0, upper = 0, lower = 0;
  for (char c : value) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) ++digits;
    else if (std::isupper(u)) ++upper;
    else if (std::islower(u)) ++lower;
    else if (c != '-' && c != '_' && c != '.' && c != '%' && c != '+' && c != '/' && c != '=') return false;
  }
  const bool padded = value.back() == '=';  // base64 padding
  return upper >= 2 && lower >= 2 && (digits >= 2 || padded);
}

bool is_tracking_parameter(std::string_view name) {
  static constexpr std::array<std::string_view, 22> known = {
      "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid",
      "twclid", "ttclid", "li_fat_id", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi",
      "_ga", "_gl", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id"};
  std::string lowered = ascii_lower(name);
  if (lowered.rfind("utm_", 0) == 0) return true;
  return std::find(known.begin(), known.end(), lowered) != known.end();
}

std::string strip_query(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t amp = query.find('&', start);
    std::string_view pair = query.substr(start, amp == npos ? npos : amp - start);
    std::size_t eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value = eq == npos ? std::string_view{} : pair.substr(eq + 1);
    if (!pair.empty() && !is_tracking_parameter(percent_decoded(name)) &&
        !looks_like_request_id(percent_decoded(value))) {
      if (!out.empty()) out += '&';
      out += pair;
    }
    if (amp == npos) break;
    start = amp + 1;
  }
  return out;
}

}  // namespace

std::string resolve_url(std::string_view base_url, std::string_view href) {
  const std::string ref = cleaned(href);
  const Shape r = shape_of(ref);
  // "mailto:", "tel:", and RFC 3986's strict reading of "http:g": nothing to resolve.
  if (r.scheme && !r.authority) return ref;
  const std::string encoded = percent_encoded(ref, r.path);
  if (r.scheme) {
    CurlUrl url;
    if (url.set(CURLUPART_URL, encoded, kParseFlags) != CURLUE_OK) return ref;
    return serialized(url, r.path_empty, r.query, r.fragment);
  }

  const std::string base_text = cleaned(base_url);
  const Shape b = shape_of(base_text);
  const CurlUrl* base = b.scheme && b.authority ? parsed_base(base_text, b) : nullptr;
  if (!base) return ref;
  CurlUrl url = *base;
  // "", "?y" and "#s" keep the base's path. libcurl 7.88 resolves "" and "#s" against the
  // base's directory ("http://a/b/c/#s"): their parts are set here instead.
  const bool keeps_path = !r.authority && r.path_empty;
  if (keeps_path) {
    const std::size_t hash = std::min(encoded.find('#'), encoded.size());
    if (r.query != Part::absent)
      url.set(CURLUPART_QUERY, r.query == Part::present ? encoded.substr(1, hash - 1).c_str() : nullptr);
    if (r.fragment == Part::present) url.set(CURLUPART_FRAGMENT, encoded.substr(hash + 1));
  } else if (url.set(CURLUPART_URL, encoded, kParseFlags) != CURLUE_OK) {
    return ref;
  }
  const bool path_empty = r.authority ? r.path_empty : keeps_path && b.path_empty;
  const Part query = keeps_path && r.query == Part::absent ? b.query : r.query;
  return serialized(url, path_empty, query, r.fragment);
}

std::string canonical_link(std::string_view absolute_url) {
  absolute_url = trim(absolute_url);
  const Shape s = shape_of(absolute_url);
  const std::string scheme = ascii_lower(absolute_url.substr(0, s.scheme));
  if ((scheme != "http" && scheme != "https") || !s.authority) return std::string(absolute_url);
  // "www." goes before libcurl reads the host, which it then normalizes as any other
  // ("www.2" is "0.0.0.2" from the first time on).
  std::string url_text = percent_encoded(absolute_url, s.path);
  const std::size_t authority = s.scheme + 3;
  const std::size_t at = url_text.rfind('@', s.path - 1);
  const std::size_t host = at != npos && at >= authority ? at + 1 : authority;
  if (host + 4 < s.path && ascii_lower(url_text.substr(host, 4)) == "www." && url_text[host + 4] != ':')
    url_text.erase(host, 4);
  CurlUrl url;
  if (url.set(CURLUPART_URL, url_text, kParseFlags) != CURLUE_OK) return std::string(absolute_url);
  // The port stays when it is not the default of the scheme the link was written with.
  const auto port = url.get(CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  url.set(CURLUPART_SCHEME, "https");
  url.set(CURLUPART_PORT, port ? port->c_str() : nullptr);
  url.set(CURLUPART_USER, nullptr);
  url.set(CURLUPART_PASSWORD, nullptr);
  url.set(CURLUPART_FRAGMENT, nullptr);
  if (const auto name = url.get(CURLUPART_HOST)) url.set(CURLUPART_HOST, ascii_lower(*name));
  std::string path = url.get(CURLUPART_PATH).value_or("");
  while (!path.empty() && path.back() == '/') path.pop_back();
  url.set(CURLUPART_PATH, path.empty() ? "/" : path);
  const std::string query = strip_query(url.get(CURLUPART_QUERY).value_or(""));
  url.set(CURLUPART_QUERY, query.empty() ? nullptr : query.c_str());
  return uppercase_escapes(serialized(url, path.empty(), Part::absent, Part::absent, CURLU_NO_DEFAULT_PORT));
}

std::string url_host(std::string_view url) {
  std::string s(trim(url));
  if (s.rfind("//", 0) == 0) s.insert(0, "https:");  // a scheme-relative reference names a host too
  const Shape shape = shape_of(s);
  if (!shape.scheme || !shape.authority) return "";
  CurlUrl parsed;
  if (parsed.set(CURLUPART_URL, percent_encoded(s, shape.path), kParseFlags) != CURLUE_OK) return "";
  return ascii_lower(parsed.get(CURLUPART_HOST).value_or(""));
}

std::string url_scheme(std::string_view url) {
  url = trim(url);
  return ascii_lower(url.substr(0, scheme_length(url)));
}

// Not through libcurl: config.cpp shows it for URLs that failed validation, which libcurl
// cannot parse, and the path must go all the same.
std::string redacted_url(const std::string& url) {
  const auto scheme = url.find("://");
  // Without a scheme (a URL written wrong) the path is a secret all the same.
  const std::size_t host_start = scheme == std::string::npos ? 0 : scheme + 3;
  const auto path = url.find_first_of("/?#", host_start);
  std::string host = url.substr(0, path);
  if (const auto at = host.find('@', host_start); at != std::string::npos) host.erase(host_start, at - host_start + 1);
  return path == std::string::npos || path + 1 >= url.size() ? host + "/" : host + "/...";
}

}  // namespace tosdiff
