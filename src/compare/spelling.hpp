#pragma once
// Orthographic variants that say the same thing: British and American spelling
// ("authorise" / "authorize", "colour" / "color", "centre" / "center", "licence" /
// "license", "cancelled" / "canceled", "catalogue" / "catalog") and closed, open and
// hyphenated compounds ("jailbreaking" / "jail breaking" / "jail-breaking", "e-mail" /
// "email"). Both sides of a comparison are folded the same way, so a rule only has to be
// consistent, not linguistically right: "advise" becoming "advize" on both sides is
// harmless. What a rule must never do is make two different words equal; the lists below
// keep to pairs with no other meaning (no "tyre"/"tire", no "cheque"/"check"), and the
// "-ise" rule leaves short words ("rise", "wise") alone.

#include <string>
#include <string_view>

namespace tosdiff {

// Every word of `text` (ASCII letters, any case) rewritten to one spelling, keeping its
// capital initial or its capitals; everything else unchanged. A word pointing into a legal
// text before a number is read as its abbreviation: "article 17", "Art. 17" and "art 17"
// are "art 17" ("section"/"sec.", "paragraph"/"para."/"par.", "Absatz"/"Abs.").
std::string fold_spelling_variants(std::string_view text);

// French's names for an e-mail address read as one: "adresse mail", "adresse e-mail", "adresse
// électronique", "adresse (de) courriel" and "courriel" are "email" ("courriels": "emails"). A
// page switching between them (contrib replay: a messaging app's privacy policy replacing its
// anglicism by "adresse mail" in three places) says the same. The addresses in the plural are
// "emailaddresses": one's "email" is one's address, one's "e-mails" one's mail ("les adresses
// e-mail de vos contacts" → "les e-mails de vos contacts", their mail read: a red team's
// find). French words only: "mail" alone stays (English's post).
std::string fold_email_terms(std::string_view text);
// A law named as the legislature renamed it, its sections the same: Germany's cookie-consent
// act, "TTDSG" / "Telekommunikation(s)-Telemedien-Datenschutz-Gesetz" renamed "TDDDG" /
// "Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz" in May 2024 ("§ 25 Abs. 1 TTDSG" →
// "§ 25 Abs. 1 TDDDG": dating and contrib replays, every German privacy policy's cookie
// section); and the telemedia act's imprint section, the one the digital services act kept
// under its number ("Angaben gemäß § 5 TMG" → "§ 5 DDG"; its other sections went elsewhere).
// Each read as its old name; an abbreviation only cited as a word (never inside an address,
// "privacy@tmg.de", or another word).
std::string fold_renamed_laws(std::string_view text);

// "and" written "&" ("Terms & Conditions", "Trust & Safety"), in English, French or German
// ("et", "und"): every such word, and "&" standing as one, read as "&" (metamorphic bench: a
// redesign's ampersands were an alert on 15 of 17 pages). "and"/"or" stays apart.
std::string fold_ampersands(std::string_view text);

// Removes a single space or hyphen between two letters (ASCII, or any byte of a UTF-8
// sequence), so open, hyphenated and closed compounds read the same. A run of two spaces
// stays: folding runs of spaces is the whitespace step's business, and keeping them apart
// lets cosmetic_kinds() name "whitespace" rather than "spelling" for a double space. A
// hyphen followed by spaces between two letters goes with them ("ci- dessus", "infor- mation").
std::string join_compounds(std::string_view text);

// `text` without the apostrophes between two letters (quotes already folded to ASCII): an
// elision or a contraction written with or without its apostrophe ("n'a" / "na", "d'une" /
// "d une", "users'" aside, "its" / "it's") is the same word misspelt, never another clause.
std::string drop_inner_apostrophes(std::string_view text);

// English's contractions written out: "don't" is "do not", "can't" "can not", "won't" "will
// not", "we're" "we are", "you'll" "you will", "we've" "we have", "I'm" "I am"; the
// apostrophe ASCII or typographic, the word's capital kept. A page rewritten in a plainer
// register (contrib replay: a storage service's terms, "please do not assume" becoming "please
// don't assume") says the same. "'s" and "'d" read two ways and stay. Written out, not
// contracted, so that a block's words read alike when blocks are joined ("is" ending one line,
// "not" opening the next). The same contractions without their apostrophes ("dont", "youre",
// "weve": a social network's cookie policy, its apostrophes lost) are written out too.
std::string expand_contractions(std::string_view text);

// Latin abbreviations however dotted: "e.g.", "e. g.", "eg." and "e.g" are "eg"; "i.e." and
// its forms "ie" (contrib replay: an app store's guidelines, "eg." corrected to "e.g."); and
// countries' initials with their stops: "U.S." is "US", "U.K." "UK", "E.U." "EU", "U.S.A."
// "USA" (a computing company's "by U.S. mail" / "by US mail").
std::string fold_latin_abbreviations(std::string_view text);

// Every accented Latin letter (U+00C0..U+017F) reads as its base letter accented: an accent
// written as another ("intérét" = "intérêt", "prêcommandés" = "précommandés") is the same word;
// another base letter is another word ("schützen" / "schätzen", protect / value: a review's
// find), and so is a letter with an accent and one without ("schon" is not "schön"). A run of
// replacement characters (U+FFFD, what a page's bad bytes decode to) reads as one letter of its
// own; a letter lost so is told by differ_only_in_lost_characters. Other scripts stay apart.
std::string fold_accents(std::string_view text);


// Whether two texts are the same but for characters a page's encoding lost or misread: a run
// of replacement characters (U+FFFD) where the other text has any non-ASCII character ("L’A" /
// "L\uFFFD\uFFFDA", "55€" / "55\uFFFD\uFFFD\uFFFD"), or an accented letter and a typographic
// quote read one for the other ("déposera" / "d’posera", "d’un" / "dêun"), a PDF's ligature
// written as one character, as its letters or lost to a replacement character ("ﬁable" /
// "fiable" / "\uFFFDable": "ffi", "ffl", "ff", "fi", "fl"), or the whole text read
// as windows-1252 and encoded again ("l’offre" / "lâ€™offre", mojibake.hpp); and at least one
// such place. Any other difference, an ASCII character included, is a difference.
bool differ_only_in_lost_characters(std::string_view a, std::string_view b);

}  // namespace tosdiff
