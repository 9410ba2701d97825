#pragma once
// The labels of a page's own controls caught inside a selection: "Copy link", "Show as PDF
// to print or save", "Als PDF anzeigen – zum Drucken und Speichern". A button added, or its
// label translated, changes no term (replay: a share button on a platform's terms, a print
// link switching language on a dating site's). A pure transform.

#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A block of at most 8 words made only of the words such labels use (print, PDF, share,
// copy, link, download, save, show, this page, ... in English, German, French, Spanish,
// Italian, Portuguese and Dutch), one of them a control's verb or object. "Share your data
// with partners" is not one.
bool is_page_control_label(std::string_view block_text);

// A whole block that is the page's own furniture: a skip link, a pager, the head of a table
// of contents, a feedback or survey widget's prompt ("Was this page helpful?", "Have a
// moment?", "Take Survey"), an embedded video's buttons ("Play Video"), in the languages above.
bool is_page_furniture_phrase(std::string_view block_text);

// A block drawn with marks only: ASCII punctuation, dashes, bullets, box drawing ("-----",
// "───", "• • •"); no letter, no digit.
bool is_drawn_rule(std::string_view block_text);

// A key combination alone, a hint a page prints beside a field or a button: "Ctrl+I",
// "Cmd+Shift+P".
bool is_keyboard_shortcut(std::string_view block_text);

// A block showing a grid's answer as a mark: a tick or a cross, a box ticked or not, a "no entry"
// sign, a green or red circle (✓ ✅ ❌ ☑ ⛔ ...). One put in another's place says yes for no.
bool shows_yes_or_no(std::string_view block_text);

// A block of pictographs only: an emoji, "ℹ️", a dingbat drawn as an icon; one counter written
// with its plus sign may stand beside a vote's or a reaction's pictographs ("★ +1", "👍 +12"),
// not beside others ("🔞 +18" is an age limit).
bool is_icon(std::string_view block_text);

// Marks cosmetic, kind "page_control", every substantive hunk whose blocks, removed and
// added, are all such labels (headings only when they are furniture phrases), drawn rules or
// icons; kind "layout" when they are all drawn rules or icons.
void mark_page_controls(std::vector<Hunk>& hunks);

// An icon's name read as text where the page draws the icon before each item of a list
// ("Badge Check" before each of a list's purposes: contrib replay, an e-mail platform's privacy
// policy, the icons' names gone at once). Marks cosmetic, kind "page_control", the hunks that
// take away (or put in) the same label alone, at most 3 capitalised words of an icon set's
// names (arrow, badge, check, chevron, circle, ...), before 5 items or more in a row, every
// other line, the first label opening its list. The same entry put into each of several lists
// ("your face scan"), or a label after each item, is news.
void mark_icon_names(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
