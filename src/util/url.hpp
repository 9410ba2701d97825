#pragma once
// Link targets, made comparable: resolved against the page's URL, then stripped of what
// changes on every visit without meaning anything (tracking parameters, per-request ids),
// with scheme and trailing-slash differences folded. Pure string functions.

#include <string>
#include <string_view>

namespace tosdiff {

// `href` resolved against `base` (RFC 3986 reference resolution, simplified: absolute,
// scheme-relative, absolute-path, relative-path, query-only and fragment-only references).
// Returns `href` unchanged when it cannot be resolved.
std::string resolve_url(std::string_view base, std::string_view href);

// The comparable form of an absolute http(s) URL: lowercase scheme and host, "https" for
// "http", default port dropped, trailing "/" of the path dropped, fragment dropped, and
// query parameters removed when they are tracking (utm_*, gclid, fbclid, msclkid, ...) or
// look like per-request ids (UUIDs, long hex or base64 tokens). Other URLs are returned
// trimmed but otherwise as they are.
std::string canonical_link(std::string_view absolute_url);

// The host of a URL, lowercase ("" when there is none).
std::string url_host(std::string_view url);

// The scheme of a URL, lowercase, without ':' ("" when there is none).
std::string url_scheme(std::string_view url);

// A URL without its path and query, for messages: they often carry a secret token.
std::string redacted_url(const std::string& url);

}  // namespace tosdiff
