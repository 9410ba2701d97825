#pragma once
// HTML written out as text: a page whose markup leaked into what it shows (a tracking pixel's
// `<img height="1" ...>` from a noscript block, a CMS escaping its own `<p>` and `<a href>`),
// or a capture that did. The tags are no words of the terms: contrib replay, 25 alerts of 13
// documents whose only change was such a tag put in, taken away or rewritten (a privacy
// policy's every paragraph gaining `<p>`, an insurer's tracking pixels). A pure transform.

#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// The text without the HTML tags written in it: `<name ...>`, `</name>` and `<name .../>`
// whose name, in lower case as markup writes it, is one of HTML's common elements (a, p,
// div, span, img, iframe, script, strong, em, br, li, table's, headings ...), with no `<`,
// `>` or line break inside. Text between tags stays (`<a href="/x">here</a>` is `here`).
// A label written in angle brackets (`<Summary>`, `<<END OF POLICY>>`) or a comparison
// (`a <b> c` with b no element, `x < 5`) is text.
std::string drop_literal_tags(std::string_view text);

// The text without Markdown's heading marks written in it: a run of 2 to 6 `#` standing alone
// as a word, or glued after a sentence's end (`personal data.### 5. Who we share it with`: a
// heading's markup leaked when the page glued the heading to the paragraph above it; contrib
// replay, a ride-hailing company's privacy policy). `#1`, `C#` and a lone `#` are text.
std::string drop_written_heading_marks(std::string_view text);

// The text without a Markdown heading's underline written at its end: a run of 3 or more `=` or
// `-` as the line's last word (`Purpose of use ==============`: the underline read into the
// heading's line when the page's Markdown was rendered as text; contrib replay, an illustration
// site's privacy policy, three headings). Inside a line, a run may stand for a value; in a
// table's row it is a cell ("Location | --- | Yes": a review's find); a line that is only a rule
// is a drawn line (layout). Those are left as they are.
std::string drop_written_underlines(std::string_view text);

// The text with the HTML character references written in it read as their characters:
// `&quot;as is&quot;` is `"as is"`, `&amp;` (or `&amp` without its semicolon) `&`, `&#39;` and
// `&#x2019;` apostrophes, `&nbsp;` a space, and the quotes, dashes and ellipsis by name
// (contrib replay: a newspaper's terms, its liability clause's quotes written as entities one
// day). An ampersand that starts no reference (`AT&T`, `R&D`) is text.
std::string decode_literal_entities(std::string_view text);

// Marks cosmetic, kind "markup", every substantive hunk whose blocks, removed and added, are
// only such tags once the tags and references are read: no letter or digit left (contrib
// replay: a portal's privacy policy losing `<p><img src="//analytics.../piwik.php?..."
// alt="" /></p>.`, a tracking pixel written out as a line of its own). A block with words
// between its tags is those words, and stays what they are.
void mark_markup_only_blocks(std::vector<Hunk>& hunks);

}  // namespace tosdiff
