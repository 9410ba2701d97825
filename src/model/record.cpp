#include "tosdiff/model/record.hpp"

namespace tosdiff {

std::string_view to_string(FetchedWith fetched_with) {
  return fetched_with == FetchedWith::browser ? "browser" : "http";
}

std::string_view to_string(Status status) {
  switch (status) {
    case Status::new_document: return "new";
    case Status::unchanged: return "unchanged";
    case Status::changed: return "changed";
    case Status::error: return "error";
  }
  return "error";
}

std::string_view to_string(Significance significance) {
  switch (significance) {
    case Significance::none: return "";
    case Significance::substantive: return "substantive";
    case Significance::cosmetic: return "cosmetic";
  }
  return "";
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::unclassified: return "";
    case Severity::info: return "info";
    case Severity::minor: return "minor";
    case Severity::moderate: return "moderate";
    case Severity::major: return "major";
  }
  return "";
}

std::optional<Status> status_from_string(std::string_view text) {
  for (Status s : {Status::new_document, Status::unchanged, Status::changed, Status::error})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

std::optional<Significance> significance_from_string(std::string_view text) {
  for (Significance s : {Significance::none, Significance::substantive, Significance::cosmetic})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

std::optional<Severity> severity_from_string(std::string_view text) {
  for (Severity s : {Severity::unclassified, Severity::info, Severity::minor, Severity::moderate, Severity::major})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

}  // namespace tosdiff
