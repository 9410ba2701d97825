#pragma once
// Link targets, made comparable: resolved against the page's URL, then stripped of what
// changes on every visit without meaning anything (tracking parameters, per-request ids),
// with scheme and trailing-slash differences folded. Pure functions; the parsing is
// libcurl's URL API (CURLU), which needs no network.

#include <string>
#include <string_view>

namespace tosdiff {

// `href` resolved against `base` (RFC 3986 section 5), read as a browser reads an href
// (WHATWG): C0 controls and spaces around it trimmed, tabs and line breaks inside removed,
// blanks, controls and non-ASCII bytes of the path, query and fragment percent-encoded
// (uppercase hex; the host is left as written), dot segments removed. An empty path, query
// or fragment stays as written ("http://g", "x?", "x#"). A reference with a scheme but no
// "//" ("mailto:...", "tel:...", "http:g") is returned as written. Returns the reference,
// trimmed, when it cannot be resolved (no base with a scheme and "//", or libcurl refuses it).
std::string resolve_url(std::string_view base, std::string_view href);

// The comparable form of an absolute http(s) URL: lowercase scheme and host, "https" for
// "http", the default port of the scheme it was written with dropped, trailing "/" of the
// path dropped, fragment and user info dropped, percent-encoding folded (non-ASCII bytes
// encoded, hex digits uppercase), and query parameters removed when they are tracking
// (utm_*, gclid, fbclid, msclkid, ...) or look like per-request ids (UUIDs, long hex or
// base64 tokens; judged decoded). Other URLs, and those libcurl cannot parse, are returned
// trimmed but otherwise as they are.
std::string canonical_link(std::string_view absolute_url);

// The host of a URL ("scheme://host..." or "//host..."), lowercase; "" when there is none
// or the URL cannot be parsed (an invalid host or port).
std::string url_host(std::string_view url);

// The scheme of a URL (RFC 3986: a letter, then letters, digits, "+", "-", "."), lowercase,
// without ':' ("" when there is none).
std::string url_scheme(std::string_view url);

// A URL without its path and query, for messages: they often carry a secret token. Works on
// malformed URLs too (everything from the first "/", "?" or "#" after the host is hidden).
std::string redacted_url(const std::string& url);

}  // namespace tosdiff
