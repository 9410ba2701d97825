#pragma once
// A site's copyright line, judged on its text: "© 2026 Example Inc.", "Copyright © 1997-2023
// Example GmbH", "(c) 2026 Example", "2026 Example. All rights reserved." The normalizer drops
// one outside a selection (extract/site_furniture.hpp); the diff takes one changed inside a
// selection for the page's furniture (compare/page_controls.hpp).

#include <cstddef>
#include <string_view>

namespace tosdiff {

// `text` (spaces folded, any case) is a copyright line of at most `max_words` words: it opens
// with a copyright mark ("(c)" only right before a year: it is also a list's third item), or
// says all rights are reserved (English, French, German, Spanish) with a year.
bool is_copyright_text(std::string_view text, std::size_t max_words);

// A copyright line as a page's footer writes it (a block of the page, judged in the diff):
// one of 12 words at most, the bars between the footer's links after it left out ("© 2025
// Lumen Inc. All rights reserved. Privacy Policy | Legal |"); with a trademark notice, 20
// words at most ("© 2021 Canonical Ltd. Ubuntu and Canonical are registered trademarks of
// Canonical Ltd."); or the owner named before the mark, nothing after it but its years, "All
// rights reserved" and the company's name in capitals ("Lumen AI © 2015–2026",
// "XFINITY © 2013 Comcast").
bool is_footer_copyright(std::string_view block_text);

}  // namespace tosdiff
