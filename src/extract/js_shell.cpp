#include "tosdiff/extract/js_shell.hpp"

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// Fewer words than this: the page says nothing on its own (an empty mount point, a title).
constexpr std::size_t kEmptyWords = 8;
// Fewer than this, with the marks of an application: the words are its chrome (a cookie
// notice, a footer, a "loading" line), not the document.
constexpr std::size_t kShellWords = 300;

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// The marks of a single-page application: an empty mount point, a framework's markers, a
// <noscript> telling the reader to turn scripts on.
bool has_app_marks(std::string_view lowered) {
  return contains_any(lowered, {"id=\"root\"", "id='root'", "id=root", "id=\"app\"", "id='app'", "id=app",
                                "id=\"__next\"", "id=\"__nuxt\"", "id=\"___gatsby\"", "data-reactroot",
                                "ng-version", "ng-app", "data-server-rendered", "id=\"svelte\"", "__next_data__",
                                "window.__initial_state__", "<app-root"}) ||
         (lowered.find("<noscript") != std::string_view::npos &&
          contains_any(lowered, {"enable javascript", "javascript is required", "javascript is disabled",
                                 "turn on javascript", "requires javascript", "need to enable javascript",
                                 "javascript to run this app", "activer javascript", "javascript aktivieren"}));
}

}  // namespace

bool looks_like_js_shell(std::string_view html, const ExtractionHints& hints) {
  const std::string lowered = ascii_lower(html.substr(0, std::min<std::size_t>(html.size(), 1u << 20)));
  if (count(lowered, "<script") == 0) return false;  // nothing would insert text
  // Scripts and no text at all: whatever the page shows, a script puts it there.
  if (hints.whole_page_words < kEmptyWords) return true;
  // A short page is often just short. It is a shell when it also carries the marks of an
  // application: an empty mount point, a framework's markers, a <noscript> wall.
  if (hints.whole_page_words >= kShellWords || !has_app_marks(lowered)) return false;
  return !hints.selector_given || !hints.selector_matched;
}

}  // namespace tosdiff
