#pragma once
// React's streamed server rendering, put together as its runtime does. A section whose data
// was not ready when the page's shell was sent comes later, at the end of <body>, in
// `<div hidden id="S:0">`, and a script (`$RC("B:0","S:0")`) moves it where the shell left
// `<template id="B:0"></template>` and a fallback (a skeleton, "Loading…") up to `<!--/$-->`.
// Whether a fetch gets the section in place or streamed depends on timing: read both the same
// way (a red team's find: the streamed form read as the section removed, an alert). A pure
// transform of the HTML, before it is parsed.

#include <optional>
#include <string>
#include <string_view>

namespace tosdiff {

// The page with each streamed segment put in place of its template and fallback; nullopt when
// the page has none (most pages: a quick search, no copy).
std::optional<std::string> splice_streamed_segments(std::string_view html);

}  // namespace tosdiff
