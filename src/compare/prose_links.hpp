#pragma once
// Links and URLs written in a text, reduced to one form for comparison (canonical.hpp's
// link_target step): "[label](https://www.example.com/terms/)" and "example.com/terms" in
// prose are one address. Pure functions.

#include <set>
#include <string>
#include <string_view>

namespace tosdiff {

// Every Markdown link target "](url)" reduced to canonical_link() (util/url.hpp).
std::string fold_links(std::string_view s);

// Every URL written in prose ("https://...", "www.example.com/x", "example.com/privacy")
// reduced to canonical_link(), without the sentence punctuation that follows it.
std::string fold_prose_urls(std::string_view s);

// The hosts of the URLs written in prose (as fold_prose_urls finds them), lower case, "www."
// aside: "https://x.ai/" and "safety.google/privacy" give "x.ai" and "safety.google".
std::set<std::string> prose_url_hosts(std::string_view s);

// The placeholder Cloudflare writes in place of an e-mail address its script hides.
inline constexpr std::string_view kHiddenEmailPlaceholder = "[email protected]";

// Every word holding the placeholder a CDN writes for an e-mail address it hides ("[email
// protected]", Cloudflare's), with the letters of the address the page left glued around it
// ("seb[email protected]oop."), reduced to the bare placeholder: the address is not in the
// text, and what is glued to the placeholder changes from one fetch to another (replays of
// pages read by other tools, where the script that shows the address never ran).
std::string fold_hidden_emails(std::string_view s);

// A top-level domain of more than 3 letters that prose names ("online", "dating", "berlin"),
// lower case: past three letters, a bare "Apple.lumenfield" is two sentences glued, not a host.
bool is_long_top_level_domain(const std::string& tld);

}  // namespace tosdiff
