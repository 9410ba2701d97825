#pragma once
// The one error of the classify/ layer's inputs.

#include <stdexcept>

namespace tosdiff {

// A rules file that cannot be used: the message names the file and the bad rule.
class RulesError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tosdiff
