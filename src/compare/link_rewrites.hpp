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
// site, its address moved: a subdomain put in or taken away with the path kept, the path moved
// up or down the site's tree (one path ending with the whole other, 2 segments or more, the
// added ones naming no version: "archive/"), or a number of 5 digits or more and a token of 16
// letters and digits or more put one for the other in an otherwise equal path (also in a path
// written without its site, "en/support/faq/360032559032"); the query kept, and a URL cut by a
// space after one of its hyphens read whole. Another site or subdomain ("uk." / "us."),
// another page of the site ("/terms" / "/privacy", "/consumer/terms" / "/business/terms"),
// another number, another query, or a label naming anything the URL does not ("our partners")
// is not.
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
