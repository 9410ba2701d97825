#pragma once
// Escaping of text (page text, names, URLs: none of it tosdiff's) for each format a report is
// written in. The terminal's own sanitizer is util/terminal_text.hpp.

#include <string>
#include <string_view>

namespace tosdiff {

// &, <, >, " and ' as entities: safe in HTML text and attribute values.
std::string html_escape(std::string_view text);
// Markdown: the characters that would start markup escaped with a backslash; &, <, > as
// entities (no raw HTML from a page).
std::string markdown_escape(std::string_view text);
// Slack's mrkdwn: &, <, > as entities (its only control characters).
std::string slack_escape(std::string_view text);

}  // namespace tosdiff
