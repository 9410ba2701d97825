#pragma once
// Class names a site's build writes with a hash (internal to extract/): CSS modules'
// "footer--JPmRP55e", Next.js's "styles_footer__a1B2c", styled components' "Footer-sc-x7Yq2".
// The hash changes whenever the site rebuilds its styles, and a declaration that names the
// class (Open Terms Archive's often do: ".footer--JPmRP55e" in a `remove`) then matches
// nothing: the footer it removed comes back as the document's text, the text it selected is
// lost. Read by its stable part, the same element is found again.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tosdiff {

// A class's stable part and the length of the hash after it.
struct ClassStem {
  std::string stem;  // through the separator: "footer--"
  std::size_t hash_length = 0;
};

// The stem of a class ending in a build's hash: after its last run of '-' or '_', 5 to 10
// letters and digits with a digit and a letter in them, or two capitals and two small letters
// or more ("JPmRP55e", "qyDQHqgu", "a1B2c"); before it a name of 3 letters or more that is not
// a styling library's own prefix ("css-1a2b3c" is Emotion's for every element). A word is no
// hash: "main-content", "footer-links", "page-isOpen", "col-lg-7".
std::optional<ClassStem> hashed_class(std::string_view class_name);

// `token` is the stem's class with another hash of the same shape.
bool matches_stem(std::string_view token, const ClassStem& stem);

}  // namespace tosdiff
