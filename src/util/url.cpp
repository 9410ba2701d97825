#include "tosdiff/util/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

std::string lower(std::string_view s) { return ascii_lower(s); }

struct Parts {
  std::string scheme;     // without ':'
  std::string authority;  // without "//"; has_authority tells if present
  bool has_authority = false;
  std::string path, query, fragment;  // query without '?', fragment without '#'
  bool has_query = false, has_fragment = false;
};

Parts split(std::string_view url) {
  Parts p;
  std::size_t colon = url.find(':');
  std::size_t first_delim = url.find_first_of("/?#");
  if (colon != std::string_view::npos && colon > 0 && colon < first_delim &&
      std::isalpha(static_cast<unsigned char>(url[0]))) {
    p.scheme = lower(url.substr(0, colon));
    url.remove_prefix(colon + 1);
  }
  if (url.substr(0, 2) == "//") {
    p.has_authority = true;
    url.remove_prefix(2);
    std::size_t end = url.find_first_of("/?#");
    p.authority = url.substr(0, end);
    url.remove_prefix(end == std::string_view::npos ? url.size() : end);
  }
  std::size_t hash = url.find('#');
  if (hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = url.substr(hash + 1);
    url = url.substr(0, hash);
  }
  std::size_t question = url.find('?');
  if (question != std::string_view::npos) {
    p.has_query = true;
    p.query = url.substr(question + 1);
    url = url.substr(0, question);
  }
  p.path = url;
  return p;
}

std::string join(const Parts& p) {
  std::string out;
  if (!p.scheme.empty()) out += p.scheme + ":";
  if (p.has_authority) out += "//" + p.authority;
  out += p.path;
  if (p.has_query) out += "?" + p.query;
  if (p.has_fragment) out += "#" + p.fragment;
  return out;
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> out;
  bool absolute = !path.empty() && path[0] == '/';
  bool trailing_slash = false;
  std::size_t start = absolute ? 1 : 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    std::string_view segment =
        path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    bool last = slash == std::string_view::npos;
    trailing_slash = false;
    if (segment == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = true;
    } else if (segment == ".") {
      trailing_slash = true;
    } else {
      out.push_back(segment);
    }
    if (last) break;
    start = slash + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i) result += '/';
    result += out[i];
  }
  if (trailing_slash && !out.empty()) result += '/';
  return result;
}

bool is_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// A value that differs on every request: a UUID, a long hex string, or a long mixed-case
// base64-like token. Readable values ("terms-of-service-v2", "en-US") are not.
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
  std::string lowered = lower(name);
  if (lowered.rfind("utm_", 0) == 0) return true;
  return std::find(known.begin(), known.end(), lowered) != known.end();
}

std::string strip_query(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t amp = query.find('&', start);
    std::string_view pair =
        query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    std::size_t eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    if (!pair.empty() && !is_tracking_parameter(name) && !looks_like_request_id(value)) {
      if (!out.empty()) out += '&';
      out += pair;
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return out;
}

}  // namespace

std::string resolve_url(std::string_view base_url, std::string_view href) {
  href = trim(href);
  Parts ref = split(href);
  if (!ref.scheme.empty()) {
    ref.path = remove_dot_segments(ref.path);
    return join(ref);
  }
  Parts base = split(trim(base_url));
  if (base.scheme.empty()) return std::string(href);
  Parts target;
  target.scheme = base.scheme;
  if (ref.has_authority) {
    target.has_authority = true;
    target.authority = ref.authority;
    target.path = remove_dot_segments(ref.path);
    target.has_query = ref.has_query;
    target.query = ref.query;
  } else {
    target.has_authority = base.has_authority;
    target.authority = base.authority;
    if (ref.path.empty()) {
      target.path = base.path;
      target.has_query = ref.has_query || base.has_query;
      target.query = ref.has_query ? ref.query : base.query;
    } else {
      if (ref.path[0] == '/') {
        target.path = remove_dot_segments(ref.path);
      } else {
        std::string merged;
        if (base.has_authority && base.path.empty()) {
          merged = "/" + ref.path;
        } else {
          std::size_t slash = base.path.rfind('/');
          merged = (slash == std::string::npos ? "" : base.path.substr(0, slash + 1)) + ref.path;
        }
        target.path = remove_dot_segments(merged);
      }
      target.has_query = ref.has_query;
      target.query = ref.query;
    }
  }
  target.has_fragment = ref.has_fragment;
  target.fragment = ref.fragment;
  return join(target);
}

std::string canonical_link(std::string_view absolute_url) {
  absolute_url = trim(absolute_url);
  Parts p = split(absolute_url);
  if (p.scheme != "http" && p.scheme != "https") return std::string(absolute_url);
  p.scheme = "https";
  std::string host = lower(p.authority);
  std::size_t at = host.rfind('@');
  if (at != std::string::npos) host = host.substr(at + 1);
  for (std::string_view port : {":80", ":443"}) {
    if (host.size() > port.size() && host.compare(host.size() - port.size(), port.size(), port) == 0)
      host.resize(host.size() - port.size());
  }
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  p.authority = host;
  while (!p.path.empty() && p.path.back() == '/') p.path.pop_back();
  p.query = strip_query(p.query);
  p.has_query = !p.query.empty();
  p.has_fragment = false;
  return join(p);
}

std::string url_host(std::string_view url) {
  Parts p = split(trim(url));
  std::string host = lower(p.authority);
  std::size_t at = host.rfind('@');
  if (at != std::string::npos) host = host.substr(at + 1);
  if (!host.empty() && host[0] == '[') {
    std::size_t close = host.find(']');
    return host.substr(0, close == std::string::npos ? host.size() : close + 1);
  }
  std::size_t colon = host.find(':');
  return host.substr(0, colon);
}

std::string url_scheme(std::string_view url) { return split(trim(url)).scheme; }

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
