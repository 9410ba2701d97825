#pragma once
// One change record as a self-contained HTML page (`tosdiff diff --format html`): the
// digest's card (change_card.hpp) for this one change, with every changed place, the
// cosmetic ones included and marked, as `diff` shows them in text.

#include <string>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

// `captured_at`: when the newer version was captured ("" = the record's checked_at).
std::string record_to_html(const ChangeRecord& record, const std::string& captured_at);

}  // namespace tosdiff
