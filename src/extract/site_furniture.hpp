#pragma once
// Site furniture recognized by what it says rather than by how it is named: the pieces of a
// page that change with the site, not with the terms, and that replays of real histories
// showed alerting when tosdiff reads a whole page (no selector):
//   - a language switcher written as a list of language names ("English", "Français",
//     "日本語", ...; 70 of them on one real page), with no class or hreflang to tell;
//   - the copyright line ("© 2025 Example Inc. All rights reserved." becoming "© 2026");
//   - footer and navigation link lists ("About", "Careers", "Contact us", "Service status")
//     outside any <nav> or <footer>.
// Each test is bounded (it runs on many elements of every page) and guarded so a policy's
// own lists stay: a list of processors as links, a list of countries, a clause that
// mentions copyright.

#include <cstdint>

#include "tosdiff/extract/dom.hpp"

namespace tosdiff {

// A list whose items are (nearly) all language names, and nothing else.
bool is_language_name_list(const FlatDocument& doc, std::uint32_t position);

// A short element that is a copyright notice: "©", "(c)" or "Copyright" with a year, or
// "All rights reserved".
bool is_copyright_line(const FlatDocument& doc, std::uint32_t position);

// A list of short links, most of them to the site's own places ("About", "Careers",
// "Contact us", "Status", "Privacy"), and nothing else.
bool is_site_link_list(const FlatDocument& doc, std::uint32_t position);

}  // namespace tosdiff
