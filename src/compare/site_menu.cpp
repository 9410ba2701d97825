#include "tosdiff/compare/site_menu.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kSentenceMinWords = 13;
constexpr std::size_t kMenuItemMaxWords = 40;
constexpr std::size_t kMenuMinBlocks = 30;
constexpr std::size_t kLabelMinRepeats = 3;
constexpr std::size_t kMinSiteSections = 2;
constexpr std::size_t kDocumentMinWords = 100;
constexpr std::size_t kMenuMaxBanners = 5;
constexpr std::size_t kBannerMaxWords = 25;
// A mega-menu set out flat, in columns (titles_a_column; contrib replay: a health insurer's
// privacy policy under some 200 such lines, every renamed product alerted).
constexpr std::size_t kMenuMinColumns = 4;
constexpr std::size_t kFlatMenuMinBlocks = 60;
constexpr std::size_t kFlatMenuMinSections = 3;

// The document's first sentence: a paragraph of 13 words or more with sentence punctuation.
// A menu's entries are list items and lines without punctuation, and can be long ("Sac
// cabas en toile de jute et cuir de vachette", a promotion's title), but not a paragraph of
// prose, nor 40 words. Unlike page_margins.hpp's first_sentence, a long list item is no
// sentence here: a shop's menu entries are list items, some long, and must stay in the menu.
bool is_sentence(const Block& block) {
  if (block.kind == BlockKind::table_row) return true;
  const std::size_t words = count_space_separated_words(block.text);
  if (words > kMenuItemMaxWords) return true;
  return block.kind == BlockKind::paragraph && words >= kSentenceMinWords &&
         block.text.find_first_of(".,;:") != std::string::npos;
}

// A help centre's list of other articles closing the page ("Related articles", then cards
// of a category, a title and a teaser), in the languages tosdiff reads. Help centres name the
// list after what it holds: articles, topics, questions (replays: a search engine's ranking
// description losing its "RELATED TOPICS" heading, a Polish marketplace's help centre
// renaming one of its "Powiązane artykuły"). block_label lowers ASCII only: "Ähnliche" twice.
constexpr std::string_view kRelatedLabels[] = {
    "related articles", "related help articles", "related topics", "related help topics", "related questions",
    "related resources", "related links", "related content", "related pages", "more related articles",
    "articles connexes", "articles associés", "sujets connexes", "rubriques connexes", "questions associées",
    "verwandte artikel", "verwandte themen", "ähnliche artikel", "Ähnliche artikel", "artículos relacionados",
    "temas relacionados", "preguntas relacionadas", "articoli correlati", "argomenti correlati",
    "artigos relacionados", "tópicos relacionados", "gerelateerde artikelen", "gerelateerde onderwerpen",
    "powiązane artykuły",
    // A help centre's other lists of its articles (a red team's find: a new entry under
    // "Articles in this section" was an alert).
    "articles in this section", "popular articles", "trending articles", "recently viewed articles",
    "top articles", "most popular articles", "recommended articles", "see more", "dans cette section",
    "articles de cette section", "articles populaires", "artikel in diesem abschnitt", "beliebte artikel",
    "artículos en esta sección", "artículos populares", "articoli in questa sezione", "articoli popolari",
    "artigos nesta seção", "artigos populares", "artikelen in deze sectie", "populaire artikelen"};

// The site's own links closing the page, under a heading of their own: its news, dated teasers
// that rotate as posts come out (contrib replay: an e-ID provider's terms over "Latest from
// us", a post in and one out, ten alerts), and a news site's links to its other pages ("Similar
// topics": a tech site's terms; there, a "TIP US OFF" heading of the same rank after it keeps
// it news, the price of the rule below). Never a bare "News" or "Updates": a
// policy may close with a section of that name. Taken only as a heading with no heading of its
// rank or above after it (the policy's next section), and the news only with a dated teaser
// below (site_links_close_the_page).
constexpr std::string_view kNewsLabels[] = {
    "latest from us", "latest news", "recent news", "latest posts", "recent posts", "latest articles",
    "latest stories", "from our blog", "from the blog", "dernières actualités", "dernières nouvelles",
    "neueste nachrichten", "aktuelle meldungen", "últimas noticias", "ultime notizie", "últimas notícias",
    "laatste nieuws"};
constexpr std::string_view kSimilarLabels[] = {
    "similar topics", "similar articles", "you may also like", "you might also like", "more stories",
    "more articles", "other articles", "sur le même sujet", "à lire aussi", "das könnte sie auch interessieren",
    "te puede interesar", "potrebbe interessarti"};

enum class SiteLinks { none, news, similar };
constexpr std::size_t kNewsButtonWords = 3;

SiteLinks site_links_label(std::string_view text) {
  const std::string label = block_label(text);
  for (std::string_view news : kNewsLabels)
    if (label == news) return SiteLinks::news;
  for (std::string_view similar : kSimilarLabels)
    if (label == similar) return SiteLinks::similar;
  return SiteLinks::none;
}

bool names_a_date(std::string_view text) { return contains_iso_date(canonicalize(text, kFoldDateFormat)); }

// Whether the heading at `at` opens the site's own links closing blocks [at, end): no heading of
// its rank or above follows (a review's find: "## Latest news" over a policy's last sections,
// their clauses hidden); news is posts, each a dated line with its title or teaser beside it,
// so a line two blocks from every date is a clause of the page's (a review's find: "We share
// your e-mail address" put under the posts), but for a button's few words.
bool site_links_close_the_page(const std::vector<Block>& blocks, std::size_t at, std::size_t end, SiteLinks kind) {
  if (kind == SiteLinks::none || blocks[at].kind != BlockKind::heading) return false;
  std::vector<bool> dated(end - at, false);
  for (std::size_t i = at + 1; i < end; ++i) {
    if (blocks[i].kind == BlockKind::heading && blocks[i].level <= blocks[at].level) return false;
    dated[i - at] = kind == SiteLinks::news && names_a_date(blocks[i].text);
  }
  if (kind != SiteLinks::news) return true;
  bool any = false;
  for (std::size_t k = 1; k < dated.size(); ++k) {
    any = any || dated[k];
    // A button's label may stand anywhere ("Subscribe", "See all news").
    const bool label = count_space_separated_words(blocks[at + k].text) <= kNewsButtonWords;
    if (!label && !dated[k] && !dated[k - 1] && !(k + 1 < dated.size() && dated[k + 1])) return false;
  }
  return any;
}

bool is_related_label(std::string_view text) {
  const std::string label = block_label(text);
  for (std::string_view related : kRelatedLabels)
    if (label == related) return true;
  // "More in Billing", "Plus dans Facturation": a section's other articles.
  for (std::string_view more : {"more in ", "more from ", "plus dans ", "mehr in ", "m\xC3\xA1s en ", "altro in ",
                                "mais em ", "meer in "})
    if (label.rfind(more, 0) == 0 && count_space_separated_words(label) <= 6) return true;
  return false;
}

constexpr std::size_t kRelatedMaxBlocks = 40;
constexpr std::size_t kRelatedMaxWords = 30;  // a card's teaser, not a clause

// Whether the removed (or added) side of a hunk lies within the menu's lines (1-based
// begin + 1 .. end).
bool side_within(std::size_t start, std::size_t lines, MenuRange menu) {
  return side_within_blocks(start, lines, menu.begin, menu.end);
}

// Whether one side of a hunk lies within the text's closing list of related articles, which
// starts at block `start` (0-based; the text's size when there is none: only what is added
// or removed after the end of the text is then within it).
bool side_within_tail(std::size_t first, std::size_t lines, std::size_t start) {
  if (lines == 0) return first >= start;  // an insertion after line `first`
  return first >= start + 1;              // 1-based
}

// A hunk that only takes away (or puts in) the text's related-articles label, the other text
// having none, and whose blocks are each a label or a card's few words.
bool label_only(const Hunk& hunk, std::size_t old_related, std::size_t new_related, const Text& before,
                const Text& after) {
  const bool removal = hunk.new_lines == 0 && hunk.old_lines > 0 && new_related == after.blocks.size() &&
                       old_related < before.blocks.size() && hunk.old_start == old_related + 1;
  const bool addition = hunk.old_lines == 0 && hunk.new_lines > 0 && old_related == before.blocks.size() &&
                        new_related < after.blocks.size() && hunk.new_start == new_related + 1;
  if (!removal && !addition) return false;
  bool label = false;
  for (const LineOp& line : hunk.lines) {
    const Block block = parse_block(line.text);
    if (is_related_label(block.text)) label = true;
    else if (count_space_separated_words(block.text) > kRelatedMaxWords) return false;
  }
  return label;
}

constexpr std::size_t kCardLineWords = 12;

// A card's line: a title or a teaser of a few words, or a longer teaser cut short ("... there
// are penalties applied for Host cancella…"). A whole sentence of 13 words or more is prose.
bool is_card_line(std::string_view text) {
  const std::size_t words = count_space_separated_words(text);
  if (words <= kCardLineWords) return true;
  return ends_cut_short(text) && words <= kRelatedMaxWords;
}

constexpr std::size_t kGluedTitlesMin = 3;
constexpr std::size_t kGluedTitleWords = 16;

// The cards' titles glued into one line by the page's markup, each running into the next
// ("... and ServicesPolicy FAQ - Video GamingA Content Checklist: How …"; contrib replay: an ad
// network's policies on its help centre, one article's title swapped for another's).
bool glued_card_titles(std::string_view text) {
  // Sentences are prose, whatever product names glue ("YouTube", "PayPal").
  if (text.find(". ") != std::string_view::npos || text.find("; ") != std::string_view::npos) return false;
  const std::vector<std::string_view> titles = glued_labels(text);
  if (titles.size() < kGluedTitlesMin) return false;
  return std::all_of(titles.begin(), titles.end(),
                     [](std::string_view title) { return count_space_separated_words(title) <= kGluedTitleWords; });
}

// A hunk that takes away (or puts in) a whole list of related articles, wherever it stands (a
// site's footer may follow it: a platform's terms on its help centre): the label first, then
// its cards.
bool whole_related_list(const Hunk& hunk) {
  if ((hunk.old_lines == 0) == (hunk.new_lines == 0) || hunk.lines.size() < 2) return false;
  if (!is_related_label(parse_block(hunk.lines.front().text).text)) return false;
  for (const LineOp& line : hunk.lines)
    if (!is_card_line(parse_block(line.text).text)) return false;
  return true;
}

// A "See also" box put up or taken off (france replay: a rail booking site's cookie policy gained
// "See also" over links to its privacy and security pages): the title, then a few page names,
// none a sentence. Under "See also", a sentence may be a clause's reference and stays news.
constexpr std::string_view kSeeAlsoLabels[] = {
    "see also", "voir aussi", "\xC3\xA0 voir aussi", "\xC3\x80 voir aussi", "voir \xC3\xA9galement", "lire aussi",
    "siehe auch", "ver tambi\xC3\xA9n", "v\xC3\xA9" "ase tambi\xC3\xA9n", "vedi anche", "veja tamb\xC3\xA9m",
    "ver tamb\xC3\xA9m", "zie ook", "zobacz te\xC5\xBC", "zobacz tak\xC5\xBC" "e"};
constexpr std::size_t kSeeAlsoMaxPages = 10;
constexpr std::size_t kPageNameMaxWords = 8;

bool whole_see_also_list(const Hunk& hunk) {
  if ((hunk.old_lines == 0) == (hunk.new_lines == 0) || hunk.lines.size() < 2 || hunk.lines.size() > kSeeAlsoMaxPages + 1)
    return false;
  const std::string label = canonicalize(parse_block(hunk.lines.front().text).text, kFoldToWords);  // "**See also:**"
  if (std::find(std::begin(kSeeAlsoLabels), std::end(kSeeAlsoLabels), label) == std::end(kSeeAlsoLabels)) return false;
  return std::all_of(hunk.lines.begin() + 1, hunk.lines.end(), [](const LineOp& line) {
    const Block block = parse_block(line.text);
    const std::string_view name = trim(block.text);
    return count_space_separated_words(name) <= kPageNameMaxWords && name.find_first_of(".;:!?") == std::string_view::npos;
  });
}

// What a hunk changes, block by block, whatever the blocks' kind or level.
std::string change_signature(const Hunk& hunk) {
  std::string signature;
  for (const LineOp& line : hunk.lines) {
    signature += line.op;
    signature += trim(parse_block(line.text).text);
    signature += '\n';
  }
  return signature;
}

constexpr std::size_t kCopyContext = 2;
constexpr std::size_t kCopyMinNeighbours = 2;

// The keys of the blocks around one side of a hunk (1-based start, GNU style): the
// kCopyContext before it, nearest first, then the kCopyContext after it; "" past the text's
// ends.
std::vector<std::string> neighbours_of(const Text& text, std::size_t start, std::size_t lines) {
  const std::size_t first = lines == 0 ? start : start - 1;  // 0-based index of the hunk's first block
  const std::size_t last = first + lines;                    // one past its last
  std::vector<std::string> keys;
  for (std::size_t k = 1; k <= kCopyContext; ++k)
    keys.push_back(first >= k ? comparison_key(text.blocks[first - k].text) : "");
  for (std::size_t k = 0; k < kCopyContext; ++k)
    keys.push_back(last + k < text.blocks.size() ? comparison_key(text.blocks[last + k].text) : "");
  return keys;
}

// How many of two hunks' neighbours, place by place, are the same entry.
std::size_t same_neighbours(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) same += !a[i].empty() && a[i] == b[i] ? 1 : 0;
  return same;
}

// Whether one side of a hunk (1-based start, GNU style) lies in a list a sentence announces:
// the block above the list items around it ends with a colon ("These terms cover the following
// services:"). A menu announces nothing.
bool announced_list(const Text& text, std::size_t start, std::size_t lines) {
  std::size_t i = lines == 0 ? start : start - 1;  // 0-based index of the hunk's first block
  while (i > 0 && text.blocks[i - 1].kind == BlockKind::list_item) --i;
  return i > 0 && ends_with_colon(text.blocks[i - 1].text);
}

struct MenuChange {
  std::string signature;
  std::vector<std::string> old_neighbours, new_neighbours;
};

// The same menu shown again elsewhere on the page (a ministry's site: its menu at the top, then
// again in a drawer and among its pages; contrib replay: a government app's privacy policy,
// "Coronavirus" renamed "Covid-19" in three copies of the menu, one alerted per copy; a
// carmaker's "2017 Proxy Materials" put in twice). A change that repeats, word for word, one
// made within the menu, two of its four nearest entries the same place by place, is the
// menu's. Terms naming the services they cover as the site's menu does have other blocks
// around the change, and stay news.
void mark_menu_copies(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  std::vector<MenuChange> menu_changes;
  for (const Hunk& hunk : hunks)
    if (hunk.cosmetic && has_kind(hunk.cosmetic_kinds, "site_menu"))
      menu_changes.push_back({change_signature(hunk), neighbours_of(before, hunk.old_start, hunk.old_lines),
                              neighbours_of(after, hunk.new_start, hunk.new_lines)});
  if (menu_changes.empty()) return;
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    const std::string signature = change_signature(hunk);
    if (std::none_of(menu_changes.begin(), menu_changes.end(),
                     [&](const MenuChange& menu) { return menu.signature == signature; }))
      continue;
    const std::vector<std::string> old_neighbours = neighbours_of(before, hunk.old_start, hunk.old_lines);
    const std::vector<std::string> new_neighbours = neighbours_of(after, hunk.new_start, hunk.new_lines);
    const bool copy = std::any_of(menu_changes.begin(), menu_changes.end(), [&](const MenuChange& menu) {
      return menu.signature == signature && same_neighbours(menu.old_neighbours, old_neighbours) >= kCopyMinNeighbours &&
             same_neighbours(menu.new_neighbours, new_neighbours) >= kCopyMinNeighbours;
    });
    if (!copy || announced_list(before, hunk.old_start, hunk.old_lines) ||
        announced_list(after, hunk.new_start, hunk.new_lines))
      continue;
    // A menu's entry, not a clause that happens to read the same.
    const bool entries = std::all_of(hunk.lines.begin(), hunk.lines.end(), [](const LineOp& line) {
      return count_space_separated_words(line.text) <= kMenuItemMaxWords;
    });
    if (entries) mark_cosmetic(hunk, "site_menu");
  }
}

}  // namespace

std::size_t related_articles_start(const Text& text) {
  const std::vector<Block>& blocks = text.blocks;
  // Counted up from the site's footer, which may run 50 lines below the list (replay: a
  // platform's terms on its help centre), or from the text's end.
  const std::size_t end = std::min(blocks.size(), site_footer_start(text));
  const std::size_t lowest = end > kRelatedMaxBlocks ? end - kRelatedMaxBlocks : 0;
  // The earliest label below the text's last long block: a help centre may show its list
  // twice (replay: a platform's terms, the list under a heading and again as plain lines).
  std::size_t start = blocks.size();
  for (std::size_t i = end; i-- > lowest;) {
    if (count_space_separated_words(blocks[i].text) > kRelatedMaxWords && !glued_card_titles(blocks[i].text)) break;
    if (is_related_label(blocks[i].text) || site_links_close_the_page(blocks, i, end, site_links_label(blocks[i].text)))
      start = i;
  }
  return start;
}

MenuRange site_menu_range(const Text& text) {
  const std::vector<Block>& blocks = text.blocks;
  std::size_t first_item = 0;
  while (first_item < blocks.size() && blocks[first_item].kind != BlockKind::list_item) ++first_item;
  // Banners above the menu: a few short lines, sentences among them ("Your session has timed
  // out due to inactivity. Click here to go back"), over the site's menu (contrib replay: a
  // cable company's privacy policy under four such banners and a menu of 30 lines; a health
  // insurer's "If your browser is in Private mode, ... may not work", 23 words).
  // A list its introduction announces ("We use these sub-processors:"), or under a heading
  // (the document's title), is the document's.
  if (first_item > 0 && first_item < blocks.size() && ends_with_colon(blocks[first_item - 1].text)) return {};
  for (std::size_t i = 0; i < first_item && i < blocks.size(); ++i)
    if (blocks[i].kind == BlockKind::heading) return {};
  std::size_t begin = 0;
  for (std::size_t i = 0; i < first_item && i < blocks.size(); ++i)
    if (is_sentence(blocks[i])) begin = i + 1;
  if (begin > kMenuMaxBanners) return {};
  for (std::size_t i = 0; i < begin; ++i)
    if (count_space_separated_words(blocks[i].text) > kBannerMaxWords) return {};

  std::size_t first_sentence = begin;
  while (first_sentence < blocks.size() && !is_sentence(blocks[first_sentence])) ++first_sentence;
  std::size_t end = first_sentence;
  while (end > begin && blocks[end - 1].kind != BlockKind::list_item) --end;
  if (end < begin + kMenuMinBlocks) return {};

  std::size_t items = 0, nested = 0, columns = 0, most_repeated = 0, sections = 0, top_sections = 0;
  std::map<std::string, std::size_t> repeats;
  for (std::size_t i = begin; i < end; ++i) {
    if (blocks[i].kind != BlockKind::list_item) {
      columns += titles_a_column(blocks, i, end) ? 1 : 0;
      continue;
    }
    ++items;
    const bool section = names_a_site_section(blocks[i].text);
    sections += section ? 1 : 0;
    top_sections += section && blocks[i].level == 0 ? 1 : 0;
    if (blocks[i].level > 0) ++nested;
    most_repeated = std::max(most_repeated, ++repeats[ascii_lower(trim(blocks[i].text))]);
  }
  // A menu set out flat in columns, unlike a nested one, has the shape of a policy's key-facts
  // box or notice at collection ("Identifiers" over "- Collected: Yes", "- Sold or shared:
  // No"): only a long run naming the site's sections three times is a menu (the insurer's
  // ran 200 lines).
  const bool flat_menu = columns >= kMenuMinColumns && end - begin >= kFlatMenuMinBlocks &&
                         sections >= kFlatMenuMinSections;
  // A menu whose nesting was lost (the page's lists written flat), told by its label repeated
  // over each part ("Main Menu" three times) and the site's sections it names three times
  // (contrib replay: a car maker's menus with a story teaser in each, above its privacy
  // statement; every new teaser alerted). Both: a key-facts box repeats "Collected: Yes" but
  // names no section of a site.
  const bool flattened_menu = most_repeated >= kLabelMinRepeats && sections >= kFlatMenuMinSections;
  const bool layered = nested * 5 >= items || flat_menu || flattened_menu;
  // A label repeated under every category ("See all"), or the site's own sections named
  // ("Home", "Contact Us"; contrib replay: a greeting-card site's menu of coming events, dated,
  // rolling forward above its privacy policy every few days).
  if (items * 3 < (end - begin) * 2 || !layered ||
      (most_repeated < kLabelMinRepeats && sections < kMinSiteSections))
    return {};
  // Under banners, only a menu naming the site's sections in its top entries: a policy's list
  // of processors under its introduction repeats its labels too, and may name a purpose
  // "Support" or "Newsletter" under each processor.
  if (begin > 0 && top_sections < kMinSiteSections) return {};

  std::size_t document_words = 0;
  for (std::size_t i = first_sentence; i < blocks.size() && document_words < kDocumentMinWords; ++i)
    document_words += count_space_separated_words(blocks[i].text);
  if (document_words < kDocumentMinWords) return {};
  return {begin, end};
}

void mark_site_menu(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  if (hunks.empty()) return;
  const MenuRange old_menu = site_menu_range(before), new_menu = site_menu_range(after);
  const std::size_t old_related = related_articles_start(before), new_related = related_articles_start(after);
  const bool related = old_related < before.blocks.size() || new_related < after.blocks.size();
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    const bool in_menu =
        side_within(hunk.old_start, hunk.old_lines, old_menu) && side_within(hunk.new_start, hunk.new_lines, new_menu);
    bool in_related = related && side_within_tail(hunk.old_start, hunk.old_lines, old_related) &&
                      side_within_tail(hunk.new_start, hunk.new_lines, new_related);
    // The label alone taken away (or put in) above a list that stays: the list is the same
    // cards on both sides, unlabelled on one.
    if (!in_related && related && label_only(hunk, old_related, new_related, before, after)) in_related = true;
    if (!in_related && (whole_related_list(hunk) || whole_see_also_list(hunk))) in_related = true;
    if (in_menu || in_related) mark_cosmetic(hunk, "site_menu");
  }
  mark_menu_copies(hunks, before, after);
}

}  // namespace tosdiff
