#pragma once
// Change records for unit tests of what consumes them (alerts, digests): real diffs of small
// texts, classified with the built-in rules.

#include <string>

#include "tosdiff/classify/classify.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/model/record.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff::testing {

inline const char* kTermsBefore =
    "# Example Terms\n## 3. Your content\nWe use your content only to provide the service.\n"
    "## 8. Disputes\nYou may bring any dispute before the courts of your place of residence.\n";
inline const char* kTermsAfter =
    "# Example Terms\n## 3. Your content\nWe use your content to provide the service and to train our AI models.\n"
    "## 8. Disputes\nAny dispute will be resolved by binding individual arbitration; you waive any right to a jury trial.\n";

// A "changed" record of platform/document between two rendered texts.
inline ChangeRecord changed_record(const std::string& platform, const std::string& document,
                                  const std::string& before = kTermsBefore, const std::string& after = kTermsAfter,
                                  const std::string& checked_at = "2026-11-29T12:00:00Z") {
  ChangeRecord r;
  r.platform = platform;
  r.document = document;
  r.title = "Example Platform \u2014 Terms of Service";
  r.urls = {"https://example.com/" + document};
  r.status = Status::changed;
  r.checked_at = checked_at;
  r.previous = VersionRef{"1", "2026-11-01T00:00:00Z", std::string(64, 'a'), std::string(64, 'b'), {}};
  r.current = VersionRef{"2", checked_at, std::string(64, 'c'), std::string(64, 'd'), {}};
  r.change = diff_texts(parse_text(before), parse_text(after));
  r.significance = r.change->substantive ? Significance::substantive : Significance::cosmetic;
  r.cosmetic_kinds = r.change->cosmetic_kinds;
  classify_result(r, builtin_rules());
  return r;
}

// A small substantive change without topics (severity minor or info).
inline ChangeRecord small_change(const std::string& platform, const std::string& document) {
  return changed_record(platform, document, "# Terms\nThe office is open on Mondays.\n",
                        "# Terms\nThe office is open on Tuesdays.\n");
}

// A cosmetic change (a reformatted date).
inline ChangeRecord cosmetic_change(const std::string& platform, const std::string& document) {
  return changed_record(platform, document, "# Terms\nLast updated: March 3, 2026\nWe keep data.\n",
                        "# Terms\nLast updated: 3 March 2026\nWe keep data.\n");
}

inline ChangeRecord new_record(const std::string& platform, const std::string& document) {
  ChangeRecord r;
  r.platform = platform;
  r.document = document;
  r.title = "Example Platform \u2014 Privacy Policy";
  r.urls = {"https://example.com/" + document};
  r.status = Status::new_document;
  r.checked_at = "2026-11-28T08:00:00Z";
  r.current = VersionRef{"1", r.checked_at, std::string(64, 'e'), std::string(64, 'f'), {}};
  r.blocks = 3;
  r.words = 40;
  r.severity = Severity::info;
  return r;
}

}  // namespace tosdiff::testing
