#pragma once
// What a check says on stderr at its end: one line of counts when anything failed or changed
// ("tosdiff: checked 91 documents: 2 changed, 1 cosmetic, 88 unchanged, 0 failed"), and, when
// every document failed the same way at the network, the likely cause ("tosdiff: no network?
// every host name failed to resolve"), naming a proxy variable when one is set. Pure: the
// caller passes the records and the environment.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "tosdiff/model/record.hpp"

namespace tosdiff {

class RunSummary {
 public:
  void note(const ChangeRecord& record);

  // The lines to print (each starting with "tosdiff: "), none when nothing failed or changed.
  // With `quiet`, only a failure or a substantive change is worth them, as with the reports
  // -q prints (cron mails what a job prints). `env` reads an environment variable (nullptr
  // when unset), for proxies.
  std::vector<std::string> lines(bool quiet, const std::function<const char*(const char*)>& env) const;

 private:
  std::string likely_cause(const std::function<const char*(const char*)>& env) const;

  std::size_t checked_ = 0, created_ = 0, substantive_ = 0, cosmetic_ = 0, unchanged_ = 0, failed_ = 0;
  std::vector<ErrorKind> failures_;
};

}  // namespace tosdiff
