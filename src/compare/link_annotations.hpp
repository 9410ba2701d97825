#pragma once
// What a page writes into a link for screen readers, hidden from sight but read as text:
// "Privacy Policy (opens in a new tab)", "support@lumen.example opens email client",
// "Datenschutz (öffnet in einem neuen Fenster)". A site turning them on adds words to every
// link of its policy, and none of them says anything of the terms (contrib replay: a
// foundation's terms, its contact address losing "opens email client"). A pure transform.

#include <string>
#include <string_view>

namespace tosdiff {

// The text without its links' annotations, in English, French, German, Spanish, Italian,
// Portuguese and Dutch: a link opening in a new tab or window, or the e-mail client, said
// with a verb ("opens in a new window", "s'ouvre dans un nouvel onglet"), anywhere, even
// glued to the link's last word; the short forms without a verb ("(external link)", "(new
// window)", "(lien externe)") only in brackets, since "an external link" is words of a
// sentence. The brackets and the comma or dash that set an annotation off go with it.
std::string drop_link_annotations(std::string_view text);

}  // namespace tosdiff
