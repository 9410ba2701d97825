#include "tosdiff/classify/severity.hpp"

namespace tosdiff {

Severity severity_for(std::size_t words, int topic_points, std::size_t flags, int* score_out) {
  const int size = words == 0 ? 0 : words <= 5 ? 1 : words <= 40 ? 2 : 3;
  const int flag_points = flags == 0 ? 0 : flags == 1 ? 2 : 3;
  const int score = size + topic_points + flag_points;
  if (score_out) *score_out = score;
  return score <= 2 ? Severity::minor : score <= 5 ? Severity::moderate : Severity::major;
}

}  // namespace tosdiff
