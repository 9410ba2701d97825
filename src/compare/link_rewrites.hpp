#pragma once
// URLs written in the text, rewritten without changing where they lead: the same site's page
// in another language ("usercentrics.com/de/datenschutzerklaerung/" becoming
// ".../fr/politique-de-confidentialite/" on a French page), or a URL replaced by a label spelled
// out of it ("https://play.google.com" becoming "Google Play" once the page linked it). The
// sentence around them says the same (replay: a dating site's cookie policy and terms). So does
// an e-mail address hidden by a CDN's script or shown again (replay: a retailer's and a tour
// site's terms). A pure transform over a diff's hunks.

#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// `before` and `after` (each a URL or a short label, as a word diff wrote them) lead to the
// same place: both URLs of one host whose paths start with a language tag ("de", "en-gb") that
// differs; or one a URL and the other at most 4 words, each found in that URL ("Apple Support"
// for https://getsupport.apple.com), or the page's title as a browser shows it, "<page> -
// <site>" ("Rules, Fees & Forms - National Arbitration and Mediation" for
// https://www.namadr.com/resources/rules-fees-forms/: the page's words in the URL, the site
// named by the host's words or by three initials or more); or two URLs of the same page of one
// site, its address moved: a subdomain put in or taken away, an opaque id renewed, or the
// last segment's words (8 letters or more) kept within the other's. Another site, another
// page of the site ("/terms" / "/privacy"), or a label naming anything the URL does not ("our
// partners") is not.
bool is_link_rewrite(std::string_view before, std::string_view after);

// Marks cosmetic, kind "link_target", every substantive hunk all of whose edits are such
// rewrites, or an e-mail address put in place of the placeholder a CDN writes when it hides
// one ("[email protected]"), or the reverse, when the texts name the address's domain elsewhere
// (a URL, a host, another address, the name it is registered under: "Vertbaudet"): the address
// is not in the text on one side. One address for another, or an address of a domain named
// nowhere else, is not. And a hunk rewording blocks (as many lines taken away as put in)
// whose edits only write a link's target out beside its label, or take it away, the other
// words the same ("Data Map." / "Data Map https://drive.example/map."); a URL put in as a block
// of its own (a new partner's policy in a list of links), or with other words, is news.
void mark_link_rewrites(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
