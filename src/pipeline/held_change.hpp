#pragma once
// What changed in a text held back as a suspicious shrink, from the check that last saw it to
// this one. The held text is no version (the baseline is unconfirmed), yet its edits are told:
// a hold that lasts, or one never taken by itself (a text unlike the document), must not hide
// what the page does meanwhile (replay: a privacy centre served in a trackers policy's place
// for ten months, its edits never reported). Built by the one record builder, as a change
// between two versions would be. A pure function.

#include <optional>
#include <string>

#include "tosdiff/classify/rules.hpp"
#include "tosdiff/model/document.hpp"
#include "tosdiff/model/record.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// When the held texts were seen: the hold's first check, and the check that last saw `held`.
struct HeldTimes {
  std::string since, last_seen;
};

// The change from `held` to `now` (seen at `checked_at`), when it is news: substantive, touching
// a topic or a flag of the rules (a rotating promotion on a home page held in the document's
// place, an error screen's reference number, are not), and not only a part of `current` (the
// current version) shown or hidden, as a page served in part cut at another place does.
std::optional<HeldChange> held_change_between(const Text& held, const Text& now, const Text& current,
                                              const HeldTimes& times, const DocumentSpec& spec,
                                              const std::string& checked_at, const Rules* rules);

// The sentence a record's warnings carry for it.
std::string held_change_warning(const HeldChange& change);

}  // namespace tosdiff
