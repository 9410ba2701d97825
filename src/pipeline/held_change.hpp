#pragma once
// What changed in a text held back as a suspicious shrink, from the check that last saw it to
// this one. The held text is no version (the baseline is unconfirmed), yet its edits are told:
// a hold that lasts, or one never taken by itself (a text unlike the document), must not hide
// what the page does meanwhile (replay: a privacy centre served in a trackers policy's place
// for ten months, its edits never reported). Built by the one record builder, as a change
// between two versions would be. A pure function.

#include <optional>
#include <string>

#include "tosdiff/archive/archive.hpp"
#include "tosdiff/classify/rules.hpp"
#include "tosdiff/model/document.hpp"
#include "tosdiff/model/record.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The change from `held` (the text `before` held back, last seen at before.at) to `now`, seen
// at `checked_at`, when it is substantive; nothing when the page only changed its form.
std::optional<HeldChange> held_change_between(const Text& held, const Text& now, const PendingText& before,
                                              const DocumentSpec& spec, const std::string& checked_at,
                                              const Rules* rules);

// The sentence a record's warnings carry for it.
std::string held_change_warning(const HeldChange& change);

}  // namespace tosdiff
