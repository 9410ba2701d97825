#pragma once
// Texts that differ only in their spacing, as a page re-laid out writes them.

#include <string_view>

namespace tosdiff {

// `a` and `b` say the same with only spaces put in or taken out between words, quotes and
// case aside: "site internet www.example.com dans" and "site internetwww.example.comdans", "la
// Politique" and "laPolitique", "cookies. 3.4" and "cookies.3.4" (a page re-laid out lost the
// spaces around its inline links; replay: an airline's policy). No word is written otherwise,
// so nothing is said otherwise. A space before a digit after a number stays ("10 20" is not
// "1020", "1. 5" is not "1.5").
bool differ_only_in_spacing(std::string_view a, std::string_view b);

}  // namespace tosdiff
