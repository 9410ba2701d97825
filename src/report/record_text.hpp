#pragma once
// The change record as text for people: the report `check` prints, and the one-line summary
// that history, digests and alerts show.

#include <string>
#include <vector>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

struct TextStyle {
  bool color = false;
  bool verbose = false;
};

// The readable report of one record; "" for an unchanged document unless verbose.
std::string record_to_text(const ChangeRecord& record, const TextStyle& style);

// The labels of a record's topics and flags and the names of its regulations, in order:
// what reports and messages list.
std::vector<std::string> topic_labels(const ChangeRecord& record);
std::vector<std::string> flag_labels(const ChangeRecord& record);
std::vector<std::string> regulation_names(const ChangeRecord& record);

// One line: "Terms of Use § '4. Your Content' changed: +38/−4 words in 1 place; topics: AI
// training, content licence; severity major" (topics and severity when classified).
std::string summarize(const ChangeRecord& record);

}  // namespace tosdiff
