#include "tosdiff/compare/page_margins.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/compare/calls_to_action.hpp"
#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/document_labels.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/language_labels.hpp"
#include "tosdiff/compare/menu_entries.hpp"
#include "tosdiff/compare/page_banner.hpp"
#include "tosdiff/compare/page_end.hpp"
#include "tosdiff/compare/word_lists.hpp"
#include "tosdiff/model/copyright_line.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kDocumentSentenceWords = 13;
constexpr std::size_t kDocumentBlockMaxWords = 40;
constexpr std::size_t kDocumentBelowWords = 150;
constexpr std::size_t kLabelSentenceWords = 5;
constexpr std::size_t kFooterMinLinks = 2;

// The links every site's footer has, as whole blocks, in the languages tosdiff reads. Not
// "Privacy", "Terms" or "Cookies": an annex's headings say those too.
constexpr std::string_view kFooterLinks[] = {
    "contact us", "help", "help and contacts", "customer service", "site map", "sitemap", "newsletter", "follow us",
    "careers", "jobs", "press", "about us", "accessibility", "faq", "download the app",
    "nous contacter", "contactez-nous", "plan du site", "aide", "service client", "recrutement", "accessibilité",
    "presse", "qui sommes-nous", "qui sommes-nous ?", "kontakt", "hilfe", "karriere", "über uns", "contacto", "ayuda",
    "prensa", "empleo", "sobre nosotros", "contatti", "aiuto", "lavora con noi", "chi siamo", "contato", "ajuda",
    "imprensa", "sobre nós", "vacatures", "over ons", "blog", "press kit", "help center", "help centre",
    "centre d'aide",
    // A cable company's footer (contrib replay: its privacy policy, 86 alerts, its menus' entries).
    "press room", "pressroom", "newsroom", "site index", "advertise with us",
    "store locator", "corporate blog", "corporate site"};

}  // namespace

std::size_t footer_links_in(std::string_view text) {
  auto is_footer_link = [](std::string_view label) {
    return std::find(std::begin(kFooterLinks), std::end(kFooterLinks), block_label(label)) != std::end(kFooterLinks);
  };
  if (is_footer_link(text)) return 1;
  if (text.find_first_of(".,;!?") != std::string_view::npos) return 0;  // glued prose is no menu
  const std::vector<std::string_view> labels = glued_labels(text);
  if (labels.size() < 2) return 0;
  return static_cast<std::size_t>(std::count_if(labels.begin(), labels.end(), is_footer_link));
}

bool names_a_statutory_link(std::string_view text) {
  const std::string lower = ascii_lower(text);
  for (std::string_view phrase : {"do not sell", "do not share", "limit the use of my", "limit use of my", "privacy choices",
                                  "sale or sharing", "sell or share", "health data", "notice at collection",
                                  "opciones de privacidad", "no vender", "ne pas vendre", "nicht verkaufen"})
    if (lower.find(phrase) != std::string::npos) return true;
  return false;
}

bool is_statutory_opt_out(std::string_view text) {
  if (names_a_statutory_link(text)) return true;
  const std::string lower = ascii_lower(text);
  for (std::string_view phrase : {"opt out", "opt-out", "sale of", "no compartir", "vos choix", "datenschutzoptionen",
                                  "fdic", "not insured", "no bank guarantee", "may lose value"})
    if (lower.find(phrase) != std::string::npos) return true;
  return false;
}

namespace {

// Whether a table row is part of a table: a row beside another, or one of 3 cells or more. A
// title with the site's name, "Privacy Policy | Pinterest Policy", reads as a lone row of 2.
bool in_a_table(const Text& text, std::size_t i) {
  auto row = [&](std::size_t j) { return j < text.blocks.size() && text.blocks[j].kind == BlockKind::table_row; };
  if ((i > 0 && row(i - 1)) || row(i + 1)) return true;
  std::size_t bars = 0;
  for (std::size_t at = text.blocks[i].text.find(" | "); at != std::string::npos; at = text.blocks[i].text.find(" | ", at + 3))
    ++bars;
  return bars >= 2;
}

bool is_document_sentence(const Text& text, std::size_t i) {
  const Block& block = text.blocks[i];
  // "Copyright © 2026 Lumen Inc. All rights reserved. Lumen is a trademark of ...": the
  // footer's last line, however many words it has, and whatever its markup (contrib replay: a
  // publisher's "©2024 ... All rights reserved. Privacy Policy | Legal | Contact Us |" read as
  // a table's row, which kept its footer menu in the terms).
  if (is_copyright_text(block.text, kCopyrightLineMaxWords)) return false;
  if (block.kind == BlockKind::table_row) return in_a_table(text, i);  // menus are never tables
  if (block.kind == BlockKind::heading) return false;
  return is_prose(block.text);
}

std::size_t words_of(const Text& text, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (std::size_t i = from; i < to && i < text.blocks.size(); ++i) n += count_space_separated_words(text.blocks[i].text);
  return n;
}

// The number of blocks above the document's first sentence, when the document below is
// large enough to tell a header from the text; 0 otherwise.
std::size_t header_blocks(const Text& text) {
  const std::size_t first = first_sentence(text);
  if (first == 0 || first >= text.blocks.size()) return 0;
  const std::size_t above = words_of(text, 0, first), below = words_of(text, first, text.blocks.size());
  if (below < kDocumentBelowWords || below <= above) return 0;
  return first;
}

// The index of the site footer's first block, when the document above is large enough to
// tell a footer from the text; the text's size otherwise.
// A call to action closing the page after its last sentence: a question of at most 10 words
// and one or two labels of at most 3 words ("Do you have any questions?" "Contact Sales";
// replay: a whiteboard app's privacy policy). An annex after the last sentence never opens
// with a question. Its first block, or the text's size when there is none.
std::size_t closing_call_start(const Text& text) {
  const std::vector<Block>& blocks = text.blocks;
  std::size_t last = blocks.size();
  while (last > 0 && !is_document_sentence(text, last - 1)) --last;
  const std::size_t tail = blocks.size() - last;
  if (last == 0 || tail < 2 || tail > 3) return blocks.size();
  const std::string_view question = trim(blocks[last].text);
  if (question.empty() || question.back() != '?' || count_space_separated_words(question) > 10) return blocks.size();
  for (std::size_t i = last + 1; i < blocks.size(); ++i) {
    const std::string_view label = blocks[i].text;
    if (count_space_separated_words(label) > 3 || label.find_first_of("0123456789.,;:!?@/") != std::string_view::npos)
      return blocks.size();
  }
  return last;
}

FooterRange footer_range(const Text& text) {
  const std::size_t size = text.blocks.size();
  const FooterRange site = site_footer_range(text);
  const std::size_t call = closing_call_start(text);
  const FooterRange footer = call < site.start ? FooterRange{call, size} : site;
  if (footer.start >= size) return {size, size};
  const std::size_t above = words_of(text, 0, footer.start), below = words_of(text, footer.start, size);
  return above >= kDocumentBelowWords && above > below ? footer : FooterRange{size, size};
}

// Whether one side of a hunk (1-based start, GNU style) lies within the first `header` lines.
bool side_within_header(std::size_t start, std::size_t lines, std::size_t header) {
  if (lines == 0) return start <= header;  // an insertion after line `start`, above the first sentence
  return start + lines - 1 <= header;
}

// Whether one side of a hunk lies within the footer, blocks [footer.start, footer.end) (0-based)
// of a text of `size` blocks whose closing controls start at `controls` (page_end.hpp).
bool side_within_footer(std::size_t start, std::size_t lines, const FooterRange& footer, std::size_t size,
                        std::size_t controls) {
  if (lines == 0 && (start == size || start == controls)) return true;  // the text's end: a footer put on whole
  if (footer.start >= size) return false;
  if (lines == 0) return start >= footer.start && start <= footer.end;  // an insertion after line `start`, 1-based
  return start - 1 >= footer.start && start - 1 + lines <= footer.end;
}

bool capitalised(const std::string& word) {
  return !word.empty() && ((word[0] >= 'A' && word[0] <= 'Z') || static_cast<unsigned char>(word[0]) >= 0x80);
}

}  // namespace

// A company named by its legal form anywhere in a line ("Operated by Lumen Holdings LLC",
// "Lumenfield Inc / Consumers"): the operator, the controller, an insurer (a review's finds,
// one such name put for another that shares its brand). The forms that are also words ("as",
// "sa", "ag", ...) count only written in capitals.
bool names_a_company_within(std::string_view text) {
  static constexpr std::initializer_list<const char*> kForms = {"ltd", "limited", "inc", "llc", "gmbh", "sarl", "plc",
                                                                "corp", "corporation", "llp", "pty", "pte", "ltda",
                                                                "s.l.", "s.a.", "s.a.s.", "s.r.l.", "s.p.a.", "b.v.",
                                                                "n.v.", "s.r.o.", "sp. z o.o.", "o\xC3\xBC", "kft",
                                                                "a/s", "aps", "oyj", "bhd", "kk"};
  static constexpr std::initializer_list<const char*> kCapitalForms = {"SAS", "SA", "BV", "NV", "AG", "SRL", "SpA", "AB",
                                                                       "Oy", "AS", "LP", "SE", "SL", "KG", "SARL", "SNC",
                                                                       "ApS", "ASA", "Kft", "GK"};
  bool after_name = false;
  for (std::string word : space_separated_words(text)) {
    while (!word.empty() && (word.back() == ',' || word.back() == ')' || word.back() == ';')) word.pop_back();
    std::string bare = word;
    if (after_name && is_one_of(ascii_lower(bare), kForms)) return true;  // "S.L." with its full stops
    if (!bare.empty() && bare.back() == '.') bare.pop_back();
    if (after_name && (is_one_of(ascii_lower(bare), kForms) || is_one_of(bare, kCapitalForms))) return true;
    after_name = capitalised(word);
  }
  return false;
}

namespace {

// A scope or a condition put as a label: "For customers in the European Union", "Applies to
// users outside the US", "Only for business accounts" (a review's finds, above a title). A
// menu's "For Members" or "For Business" is shorter.
bool states_a_scope(std::string_view text) {
  const std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  if (words.empty()) return false;
  constexpr std::size_t kScopeMinWords = 4;
  if (is_one_of(words[0], {"for", "applies", "apply", "only", "valid", "available", "if", "unless", "except"}) &&
      words.size() >= kScopeMinWords)
    return true;
  const std::string lower = " " + join(words, " ") + " ";
  for (std::string_view scope : {" residents ", " located in ", " living in ", " users in ", " customers in ",
                                 " users outside ", " customers outside "})
    if (lower.find(scope) != std::string::npos) return true;
  return false;
}


// A line of 4 words or more with a modal, a negation or a sale in it ("Lumen does not sell
// your personal information", "Lumen may sell ..."): a clause written without its full stop
// (a review's find), not a link's label.
bool binds_or_denies(std::string_view text) {
  const std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  constexpr std::size_t kClauseMinWords = 4;
  if (words.size() < kClauseMinWords) return false;
  return std::any_of(words.begin(), words.end(), [](const std::string& word) {
    return is_one_of(word, {"may", "will", "must", "shall", "can", "cannot", "not", "never", "no", "sell", "sells",
                            "share", "shares", "sold"});
  });
}

// A line saying who stands behind the site: "Regulated by the Central Bank of Ireland",
// "Operated by Lumen Marketplaces", "Lumen Europe is the data controller for EU users" (the
// third review's finds, footers renaming a regulator, an operator, a controller). A participle
// before "by", or a data-protection role or a group the site belongs to. "Powered by" names the
// site's software.
bool states_a_role(std::string_view text) {
  const std::vector<std::string> words = space_separated_words(canonicalize(text, kFoldToWords));
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    if ((words[i + 1] == "by" || words[i + 1] == "through" || words[i + 1] == "via") &&
        is_one_of(words[i], {"regulated", "authorised", "authorized", "licensed", "registered", "operated", "provided",
                             "insured", "underwritten", "administered", "issued", "owned", "supervised", "managed",
                             // "offered through Lumen Insurance Agency" (a review's find)
                             "offered", "sold", "distributed", "arranged", "brokered", "serviced"}))
      return true;
  const std::string lower = " " + join(words, " ") + " ";
  for (std::string_view role : {" controller ", " processor ", " data protection officer ", " representative ",
                                " responsable du traitement ", " verantwortliche ", " responsable del tratamiento ",
                                " part of ", " subsidiary of ", " division of ", " exploité par ", " édité par ",
                                " géré par ", " opéré par ", " betrieben von ", " operado por ", " gestito da "})
    if (lower.find(role) != std::string::npos) return true;
  return false;
}

// A key point said of the parties: "You own everything you create", "We keep your files in
// the EU" (4 words or more, the reader or the company its subject, no question or exclamation). A summary box
// under the title, above the first sentence, is the terms' (a review's find: "You own" made
// "Lumen owns" in such a box).
bool speaks_of_the_parties(std::string_view text) {
  const std::string_view trimmed = trim(text);
  // The parties as the subject: "Our Privacy Policy explained" (a title) and "Your submission
  // was sent successfully! Close" (a form's message) are the page's (contrib replay: a cable
  // company's header, a software company's form).
  if (trimmed.empty() || trimmed.back() == '?' || trimmed.find('!') != std::string_view::npos) return false;
  const std::vector<std::string> words = space_separated_words(canonicalize(trimmed, kFoldToWords));
  constexpr std::size_t kPointMinWords = 4;
  if (words.size() < kPointMinWords) return false;
  if (is_one_of(words[0], {"you", "we", "users", "members", "customers", "vous", "nous", "wir", "usted", "nosotros",
                           "voi", "noi", "wij"}))
    return true;
  // Or their data, by its possessive ("Vos données restent hébergées en France", "Ihre Daten
  // bleiben in Deutschland": a key point under the title, a red team's find read as a header).
  return is_one_of(words[0], {"your", "our", "vos", "votre", "nos", "notre", "ihre", "unsere", "sus", "su", "nuestros",
                              "nuestra", "i", "le", "uw", "onze", "os", "as", "twoje"}) &&
         is_one_of(words[1], {"data", "information", "personal", "donn\xC3\xA9" "es", "informations", "daten", "datos",
                              "informaci\xC3\xB3n", "suoi", "tue", "gegevens", "seus", "dados", "dane"});
}

// A line that says more than a label: a number (a date, an address, a version), an address,
// a link, a value after its label, or a sentence.
bool states_something(std::string_view line) {
  const Block block = parse_block(line);
  const std::string_view text = block.text;
  if (std::any_of(text.begin(), text.end(), [](char c) { return is_ascii_digit(c) || c == '@' || c == ':'; }))
    return true;
  if (text.find("\xEF\xBC\x9A") != std::string_view::npos) return true;  // a full-width colon
  if (text.find("://") != std::string_view::npos || text.find("www.") != std::string_view::npos) return true;
  if (says_which_text_binds(text)) return true;  // "German language version (binding)"
  if (names_a_company_within(text) || states_a_scope(text) || is_statutory_opt_out(text) || binds_or_denies(text) ||
      states_a_role(text) || speaks_of_the_parties(text))
    return true;
  const std::string_view trimmed = trim(text);
  if (trimmed.empty()) return false;
  const char last = trimmed.back();
  if (ends_cut_short(trimmed)) return false;
  if (count_space_separated_words(trimmed) < kLabelSentenceWords) return false;
  // An exclamation of 5 words or more says something unless it is about the site's own matters
  // ("Join our developer survey today!"): "Starting today, anyone can see your profile!" (a
  // review) is no label.
  if (last == '!') return !about_a_site_matter(trimmed);
  return last == '.' || last == ';';
}

// A shop's price tag as a whole block: one or two prices ("195,00€", "95,00€ 47,50€" on
// sale, "$1,225.00", "CHF 20"), or a discount ("-30%"): digits, their separators, a currency.
bool is_price_tag(const Block& block) {
  if (block.kind == BlockKind::heading || block.kind == BlockKind::table_row) return false;
  static constexpr std::string_view kCurrencies[] = {"\xE2\x82\xAC", "$", "\xC2\xA3", "\xC2\xA5", "eur", "usd", "gbp", "chf"};
  bool money = false, digits = false;
  for (std::string word : space_separated_words(block.text)) {
    word = tosdiff::ascii_lower(word);
    for (std::string_view currency : kCurrencies) {
      for (std::size_t at = word.find(currency); at != std::string::npos; at = word.find(currency)) {
        word.erase(at, currency.size());
        money = true;
      }
    }
    if (!word.empty() && word.back() == '%') {
      word.pop_back();
      money = true;
    }
    if (!word.empty() && word.front() == '\\') word.erase(0, 1);  // Markdown's escaped "\-30%"
    if (!word.empty() && word.front() == '-') word.erase(0, 1);
    for (char c : word) {
      if (is_ascii_digit(c)) digits = true;
      else if (c != ',' && c != '.') return false;
    }
  }
  return money && digits;
}

bool is_price_tag(std::string_view line) { return is_price_tag(parse_block(line)); }

// A price tag that changed with its product: the line above it (above its other tags: a
// sale's two prices, a discount), on the same side of the hunk, changed too and is no price
// (a card replaced, not a price revised under its label).
bool with_its_product(const Hunk& hunk, std::size_t i) {
  while (i > 0 && hunk.lines[i - 1].op == hunk.lines[i].op) {
    if (!is_price_tag(hunk.lines[i - 1].text)) return true;
    --i;
  }
  return false;
}

constexpr std::size_t kCardLineMaxWords = 12;
constexpr std::size_t kListingMinTags = 4;

// Whether the first `header` blocks of a text hold a shop's listing: 4 price tags or more. A
// plan's price set out above terms is one or three; a carousel of products is many, and a
// product's price revised there is the shop's, not a term.
bool holds_a_listing(const Text& text, std::size_t header) {
  std::size_t tags = 0;
  for (std::size_t i = 0; i < header && i < text.blocks.size(); ++i)
    if (is_price_tag(text.blocks[i]) && ++tags >= kListingMinTags) return true;
  return false;
}

// Whether line i of a hunk is part of product cards replaced: the run of lines on its side
// around it has price tags, each changed with its product, and the line is a tag, or a
// product's name or brand (at most 12 words, no date, address or label with its value:
// "Bracelet 3g en argent", "Sweat Y-3" carry digits that state nothing).
bool in_product_cards(const Hunk& hunk, std::size_t i, bool shop_listing) {
  std::size_t first = i, last = i;
  while (first > 0 && hunk.lines[first - 1].op == hunk.lines[i].op) --first;
  while (last + 1 < hunk.lines.size() && hunk.lines[last + 1].op == hunk.lines[i].op) ++last;
  bool tags = false;
  for (std::size_t k = first; k <= last; ++k) {
    if (!is_price_tag(hunk.lines[k].text)) continue;
    if (!shop_listing && !with_its_product(hunk, k)) return false;
    tags = true;
  }
  if (!tags) return false;
  const Block block = parse_block(hunk.lines[i].text);
  if (is_price_tag(block)) return true;
  const std::string_view text = block.text;
  if (text.find_first_of("@:") != std::string_view::npos || text.find("://") != std::string_view::npos ||
      text.find("www.") != std::string_view::npos)
    return false;
  return count_space_separated_words(text) <= kCardLineMaxWords && !contains_iso_date(rewrite_dates(text));
}

// One name put in place of another: a line each side, every word capitalised, no word in
// common ("Jane Doe" for "John Smith"; not "Privacy Policy" for "Privacy Policy | Pinterest",
// nor a glued line of labels, "AboutCareersPressBusinesses" for "AboutCareersPressAdvertise").
// In a footer, or among a menu's entries above the first sentence, an entry of its link lists
// renamed is a link's label, not a name: a list item each side ("- Safety Recalls" for "- Ignition
// Recall", "- Queue" for "- Watchlist", "- Upgrade Services" for "- Shop": contrib replays, a
// carmaker's and a cable company's footers and menus, each alerted on their privacy policies),
// unless one names a company by its legal form.
bool switches_a_name(const Hunk& hunk, bool among_links) {
  if (hunk.old_lines != 1 || hunk.new_lines != 1 || hunk.lines.size() != 2) return false;
  if (among_links && parse_block(hunk.lines[0].text).kind == BlockKind::list_item &&
      parse_block(hunk.lines[1].text).kind == BlockKind::list_item && !names_a_company_within(parse_block(hunk.lines[0].text).text) &&
      !names_a_company_within(parse_block(hunk.lines[1].text).text))
    return false;
  std::set<std::string> removed;
  for (const LineOp& line : hunk.lines) {
    const Block block = parse_block(line.text);  // the labels are views into its text
    std::string labels;
    for (std::string_view label : glued_labels(block.text)) (labels += label) += ' ';
    const std::vector<std::string> words = space_separated_words(labels);
    if (words.empty() || !std::all_of(words.begin(), words.end(), capitalised)) return false;
    if (line.op == '-') {
      removed.insert(words.begin(), words.end());
    } else if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return removed.count(w) > 0; })) {
      return false;
    }
  }
  return true;
}

}  // namespace

namespace {

// The site's own sections, as whole blocks: what a site's menu or a footer's columns name, and
// an annex of cookies or processors never does. With kFooterLinks, the marks of a site's menu.
constexpr std::string_view kSiteSections[] = {
    "home", "accueil", "startseite", "inicio", "support", "pricing", "products", "solutions", "resources", "partners", "company", "developers", "downloads",
    "community", "about", "news", "events", "docs", "documentation", "tutorials", "case studies", "investors",
    "investor relations",
    "produits", "ressources", "entreprise", "partenaires", "produkte", "unternehmen", "productos", "empresa",
    "prodotti", "azienda", "producten", "bedrijf",
    // A shop's section (contrib replay: a cable company's menu under its policy). Not "Bundles"
    // or "Deals": a fair-use policy lists the plans it covers so.
    "shop", "store", "boutique", "tienda", "negozio", "winkel"};

constexpr std::size_t kMenuMinSections = 2;
constexpr std::size_t kMenuMinTitles = 2;
constexpr std::size_t kColumnMinItems = 2;

}  // namespace

bool titles_a_column(const std::vector<Block>& blocks, std::size_t i, std::size_t end) {
  if (blocks[i].kind == BlockKind::list_item) return false;
  if (!is_menu_label(blocks[i]) || trim(blocks[i].text).empty()) return false;
  std::size_t items = 0;
  for (std::size_t j = i + 1; j < end && blocks[j].kind == BlockKind::list_item; ++j) ++items;
  return items >= kColumnMinItems;
}

bool names_a_site_section(std::string_view text) {
  const std::string label = block_label(text);
  return std::find(std::begin(kSiteSections), std::end(kSiteSections), label) != std::end(kSiteSections) ||
         footer_links_in(text) > 0;
}

namespace {

// A sentence announcing what follows it: a colon at its end, or words saying a list comes
// below ("listed below", "the following", "ci-dessous", "folgenden", ...), in the languages
// tosdiff reads; "at the address below this page" announces none.
bool announces_a_list(std::string_view text) {
  if (ends_with_colon(text)) return true;
  const std::string lower = ascii_lower(text);
  for (std::string_view words : {"listed below", "set out below", "shown below", "as follows", "the following",
                                 "ci-dessous", "suivants", "suivantes", "folgenden", "nachstehend", "siguientes",
                                 "a continuaci", "seguenti", "seguintes", "abaixo", "hieronder", "volgende"})
    if (lower.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

// Where a site's menu set out in columns above the footer's links begins (contrib replay: an
// operating system's site menu of downloads, products and pricing between its terms' last
// sentence and "Contact us"; an ad network's footer column "Advertisers" above its "About Us";
// a cable company's columns "I Want To" and "Shop" titled by bare lines):
// the run of labels (6 words at most, no sentence's end) right above the footer, when it names
// the site's sections ("Support", "Pricing", "Downloads", ...) twice, or once under two column
// titles (headings). An annex of cookie or processor names above the footer names none, and
// stays the document's. `footer` when there is none.
std::size_t site_menu_above(const Text& text, std::size_t last_sentence, std::size_t footer) {
  const std::vector<Block>& blocks = text.blocks;
  if (footer >= blocks.size()) return footer;
  std::size_t start = footer;
  while (start > last_sentence && is_menu_label(blocks[start - 1])) --start;
  // A list a line announces ("This policy applies to the following services:") is the
  // document's, whatever sections it names (a review's find); so is one under a heading that
  // says what it holds ("## Services this policy covers", the third review's).
  if (start > 0 && start < footer && announces_a_list(blocks[start - 1].text)) return footer;
  // One list under one heading: a menu of columns has a heading over each (an operating
  // system's site: "Security", "Landscape", "Containers", ... above its footer).
  std::size_t headings_in_run = 0;
  for (std::size_t i = start; i < footer; ++i) headings_in_run += blocks[i].kind == BlockKind::heading ? 1 : 0;
  for (std::size_t i = start > 0 ? start - 1 : start; headings_in_run <= 1 && i < footer && i <= start + 1; ++i) {
    if (blocks[i].kind != BlockKind::heading) continue;
    const std::vector<std::string> words = space_separated_words(canonicalize(blocks[i].text, kFoldToWords));
    // A column's title is a word or two ("Company", "Our Apps"); "Who receives your data" says
    // what the list holds (the fourth review's find).
    constexpr std::size_t kColumnTitleMaxWords = 2;
    if (words.size() > kColumnTitleMaxWords) return footer;
    if (std::any_of(words.begin(), words.end(), [](const std::string& word) {
          return is_one_of(word, kDocumentWords) ||
                 is_one_of(word, {"covers", "cover", "covered", "applies", "apply", "includes", "include", "services",
                                  // A scope's heading (a review's find: "## Scope" over the services a
                                  // policy covers), in the languages tosdiff reads.
                                  "scope", "geltungsbereich", "anwendungsbereich", "champ", "ambito", "\xC3\xA1mbito",
                                  "toepassingsgebied", "\xC3\xA2mbito"});
        }))
      return footer;
  }
  std::size_t sections = 0, headings = 0, bare_titles = 0;
  for (std::size_t i = start; i < footer; ++i) {
    sections += names_a_site_section(blocks[i].text) ? 1 : 0;
    headings += blocks[i].kind == BlockKind::heading ? 1 : 0;
    bare_titles += titles_a_column(blocks, i, footer) ? 1 : 0;
  }
  // Bare column titles are a menu's only where nothing heads the run: an annex's groups of
  // processors, cookies or retention periods hang under the document's heading ("## Annex:
  // our processors") or the sentence announcing them ("... these providers:"), and stay its.
  const bool headed = headings > 0 || (start > 0 && blocks[start - 1].kind == BlockKind::heading) ||
                      (last_sentence > 0 && ends_with_colon(blocks[last_sentence - 1].text));
  const std::size_t titles = headed ? headings : headings + bare_titles;
  const bool menu = sections >= kMenuMinSections || (sections >= 1 && titles >= kMenuMinTitles);
  return menu ? start : footer;
}

bool is_prose(std::string_view block_text) {
  const std::size_t words = count_space_separated_words(block_text);
  if (words > kDocumentBlockMaxWords) return true;
  return words >= kDocumentSentenceWords && block_text.find_first_of(".,;:") != std::string_view::npos;
}

std::size_t first_sentence(const Text& text) {
  std::size_t i = 0;
  // A banner with its close button above the document is none (page_banner.hpp); below it,
  // the footer's question is another.
  while (i < text.blocks.size() && (!is_document_sentence(text, i) || ends_with_close_button(text.blocks[i]))) ++i;
  return i;
}

namespace {

// The footer found below the document's last sentence before block `end`, its links counted
// up to `end`.
std::size_t footer_below_last_sentence(const Text& text, std::size_t end) {
  const std::vector<Block>& blocks = text.blocks;
  std::size_t last = end;
  while (last > 0 && !is_document_sentence(text, last - 1)) --last;
  if (last == 0) return blocks.size();  // no sentence at all: no document to set a footer apart from
  // A list the last sentence announces ("... through the channels listed below.", "... the
  // following:") is the document's, whatever links it names ("Help Center", "Contact us": a
  // review's find); the footer may only come after it.
  std::size_t from = last;
  if (announces_a_list(blocks[last - 1].text))
    while (from < end && blocks[from].kind == BlockKind::list_item) ++from;
  std::size_t links = 0, first_link = blocks.size();
  for (std::size_t i = from; i < end; ++i) {
    // A heading is no footer's link: "## Contact us" over the controller's name and address,
    // written as lines or as a list, is the policy's last section (the review's finds).
    if (blocks[i].kind == BlockKind::heading) continue;
    const std::size_t in_block = footer_links_in(blocks[i].text);
    if (in_block == 0) continue;
    links += in_block;
    first_link = std::min(first_link, i);
  }
  if (links < kFooterMinLinks) return blocks.size();
  // The footer opens at its first link, or at the heading of that link's column; what lies
  // between the last sentence and it (an annex's bare list) stays the document's.
  // Or at its title written as a line of its own ("Company" over "About us", "Press & Media").
  if (first_link > last && blocks[first_link].kind != BlockKind::heading &&
      (blocks[first_link - 1].kind == BlockKind::heading || is_column_title_line(blocks[first_link - 1])))
    --first_link;
  return site_menu_above(text, last, first_link);
}

// The index of the text's last copyright line at or after block `from`; the text's size when
// there is none.
std::size_t last_copyright_line(const Text& text, std::size_t from) {
  for (std::size_t i = text.blocks.size(); i-- > from;)
    if (is_copyright_text(text.blocks[i].text, kCopyrightLineMaxWords)) return i;
  return text.blocks.size();
}

// The page's last copyright line, when what follows it is a short tail (a quarter of the words
// above it at most): the footer's end, with the page's dialogs and notices after it. The
// text's size when there is none.
std::size_t closing_copyright_line(const Text& text) {
  const std::size_t size = text.blocks.size(), line = last_copyright_line(text, 0);
  if (line >= size) return size;
  return words_of(text, line + 1, size) * 4 <= words_of(text, 0, line) ? line : size;
}

// The footer's end: past its copyright line at `copyright`, and past the list of links that
// may follow it ("- © 2014 Lumen Motors", "- Contact Us", "- Recalls": a carmaker's footer), up to
// the first block that is no such link, when two of them are the links every footer has. What
// follows may say anything ("Your data is stored in the EU", an annex: a review's finds).
std::size_t end_of_links_after(const Text& text, std::size_t copyright) {
  std::size_t end = copyright + 1, links = 0;
  while (end < text.blocks.size() && text.blocks[end].kind == BlockKind::list_item && is_menu_label(text.blocks[end]))
    links += footer_links_in(text.blocks[end++].text);
  // Links of a footer, two of them at least: a list of processors or of places data is kept
  // right after the copyright line is the document's (a review's finds).
  return links >= kFooterMinLinks ? end : copyright + 1;
}

}  // namespace

FooterRange site_footer_range(const Text& text) {
  const std::size_t size = text.blocks.size();
  const std::size_t below_all = footer_below_last_sentence(text, size);
  if (below_all < size) {
    const std::size_t copyright = last_copyright_line(text, below_all);
    return {below_all, copyright < size ? end_of_links_after(text, copyright) : size};
  }
  // Sentences after the copyright line hide the footer above it: a "You are now leaving our
  // site" dialog, a "JavaScript is required" notice (contrib replay: a health insurer's privacy
  // statement, its footer's entries alerted). The footer is then sought above that line, and
  // ends with it: what follows is the page's and may say anything ("Your data is stored in the
  // EU", an annex: a review's finds).
  const std::size_t copyright = closing_copyright_line(text);
  if (copyright >= size) return {size, size};
  const std::size_t start = footer_below_last_sentence(text, copyright);
  return start < size ? FooterRange{start, end_of_links_after(text, copyright)} : FooterRange{size, size};
}

std::size_t site_footer_start(const Text& text) { return site_footer_range(text).start; }

bool names_a_company_by_form(std::string_view line) { return names_a_company_within(parse_block(line).text); }

std::size_t mark_page_margins(Change& change, const Text& before, const Text& after,
                              const std::function<bool(const Hunk&)>& topical) {
  const std::size_t old_header = header_blocks(before), new_header = header_blocks(after);
  const FooterRange old_footer = footer_range(before), new_footer = footer_range(after);
  const std::size_t old_controls = closing_controls_start(before), new_controls = closing_controls_start(after);
  const bool listing = holds_a_listing(before, old_header) && holds_a_listing(after, new_header);
  const TitlePlaces titles = find_title_places(before, after);
  std::size_t marked = 0;
  for (Hunk& hunk : change.hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    const bool header = old_header > 0 && new_header > 0 &&
                        side_within_header(hunk.old_start, hunk.old_lines, old_header) &&
                        side_within_header(hunk.new_start, hunk.new_lines, new_header);
    if (only_site_banners_above_title(hunk, before, after, titles) && !topical(hunk)) {
      mark_cosmetic(hunk, "page_header");
      ++marked;
      continue;
    }
    const bool footer =
        !header &&
        side_within_footer(hunk.old_start, hunk.old_lines, old_footer, before.blocks.size(), old_controls) &&
        side_within_footer(hunk.new_start, hunk.new_lines, new_footer, after.blocks.size(), new_controls);
    if (!header && !footer) continue;
    // Above the first sentence, a shop's product cards (name, brand, price tag) come and go
    // with its promotions (replay: a department store's carousel above its terms of sale, 196
    // alerts in four years); a price revised under a label that stays is news.
    // A page assistant's suggested questions above the first sentence ("How long do you keep my
    // chats?", drawn anew at each render: a red team's find) ask about the topics and answer
    // nothing: each line a short question.
    auto only_questions = [&] {
      constexpr std::size_t kQuestionMaxWords = 12;
      return std::all_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) {
        const Block block = parse_block(line.text);
        const std::string_view text = trim(block.text);
        return !text.empty() && text.back() == '?' && text.find_first_of(".!;") == std::string_view::npos &&
               count_space_separated_words(text) <= kQuestionMaxWords;
      });
    };
    if (header && only_questions() && !switches_a_name(hunk, footer)) {
      mark_cosmetic(hunk, "page_header");
      ++marked;
      continue;
    }
    bool says_more = false;
    for (std::size_t i = 0; i < hunk.lines.size() && !says_more; ++i)
      says_more = (states_something(hunk.lines[i].text) && !(header && in_product_cards(hunk, i, listing))) ||
                  (header && hunk.lines[i].op == '-' && asks_for_the_readers_due(hunk.lines[i].text)) ||
                  // Above the first sentence, "Proposed Terms" or "EU Terms apply" says which terms
                  // the page holds; a footer's "Privacy Policy (Updated)" is its link's label.
                  (header && names_a_state_of_terms(parse_block(hunk.lines[i].text).text));
    // A footer put on or taken off whole says what any footer says (its copyright, an address, a
    // contact line: contrib replay); any other line saying something, or a law's link, is news.
    const bool whole_footer =
        footer && covers_a_whole_footer(hunk, old_footer, new_footer) &&
        std::none_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) {
          const std::string text = parse_block(line.text).text;
          return is_statutory_opt_out(text) || (states_something(line.text) && !is_copyright_text(text, kCopyrightLineMaxWords) &&
                                                !is_address_or_contact_line(text));
        });
    if ((says_more && !whole_footer) || (header && renames_a_document(hunk))) continue;
    // Above the first sentence, only the place says "header": a summary box is there too, so
    // the classifier has a say. A footer is known by its links; "Refund" there is a link.
    // A row of buttons names the topics the text below is about (calls_to_action.hpp).
    // A tab to another document above the first sentence ("Community Guidelines" over a platform's
    // terms: contrib replay) names a topic and says nothing of it.
    auto only_tabs = [&] {
      return std::all_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) { return names_another_document(line.text); });
    };
    const bool menu_entry = header && among_menu_entries(before, hunk.old_start, hunk.old_lines) &&
                            among_menu_entries(after, hunk.new_start, hunk.new_lines);
    if (switches_a_name(hunk, footer || menu_entry) || (header && topical(hunk) && !only_calls_to_action(hunk) && !only_tabs())) continue;
    mark_cosmetic(hunk, header ? "page_header" : "page_footer");
    ++marked;
  }
  if (marked > 0) settle_lone_news(change);
  return marked;
}

}  // namespace tosdiff
