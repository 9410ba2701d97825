#pragma once
// Text composed the way Unicode's NFC writes it: "é" as one code point whether the page wrote
// it so or as "e" and a combining accent (some editors and systems store text decomposed, and
// a page served either way by turns changed every accented word; metamorphic bench: 32 of 64
// real pages in French, German or Korean). A pure function.

#include <string>
#include <string_view>

namespace tosdiff {

// `utf8` (well-formed) with every letter followed by marks that compose with it put together:
// each mark in turn, as long as no mark left apart comes between (the blocking NFC applies,
// for marks in the order text keeps them), and Hangul's conjoining letters made syllables.
// Text without a mark that composes comes back unchanged (and fast: one scan).
std::string compose_canonical(std::string utf8);

}  // namespace tosdiff
