#pragma once
// A consent manager's widgets on a page: its banner or dialog, with or without a name that
// says so, and its placeholder where an embed would be. Furniture: there or not with the
// consent the rendering had. Internal to extract/.

#include <cstdint>
#include <string_view>

#include "tosdiff/extract/dom.hpp"

namespace tosdiff {

// `names`: the element's naming (element_reading.hpp).
bool is_consent_manager(std::string_view names);
bool is_consent_banner(const FlatDocument& doc, std::uint32_t position, std::string_view names);
bool is_unnamed_consent_banner(const FlatDocument& doc, std::uint32_t position, std::string_view names);
bool is_consent_placeholder(const FlatDocument& doc, std::uint32_t position, std::string_view names);

}  // namespace tosdiff
