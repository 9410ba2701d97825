#pragma once
// The exec channel: runs the configured program with execvp (no shell of tosdiff's), the
// record as one JSON line on its standard input, TOSDIFF_* variables describing it in a
// minimal environment (never tosdiff's secrets), in a process group killed at its deadline.

#include <atomic>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tosdiff/model/record.hpp"
#include "tosdiff/model/result.hpp"
#include "tosdiff/notify/alert_target.hpp"

namespace tosdiff {

// Runs `target`'s program with `input` on its stdin. "exit status 0", or an Error of kind exec.
Result<std::string> run_exec_alert(const AlertTarget& target, const ChangeRecord& record, const std::string& input,
                                   const std::atomic<bool>* stop);

// The environment an exec alert's program gets, besides inherited_environment(): TOSDIFF_PLATFORM,
// TOSDIFF_DOCUMENT, TOSDIFF_TITLE, TOSDIFF_URL, TOSDIFF_SEVERITY, TOSDIFF_SIGNIFICANCE,
// TOSDIFF_VERSION, TOSDIFF_PREVIOUS_VERSION, TOSDIFF_CHECKED_AT, TOSDIFF_SUMMARY. Values are
// sanitized: control characters (newlines included) become spaces, at most 1000 bytes.
std::vector<std::pair<std::string, std::string>> exec_environment(const ChangeRecord& record);
std::string sanitize_env_value(std::string_view value);
// The part of tosdiff's own environment an exec alert's program gets: PATH, HOME, USER,
// LOGNAME, SHELL, LANG, LANGUAGE, LC_*, TZ, TMPDIR, TERM, the proxy and CA variables, and
// the names in `pass_env`. Never TOSDIFF_SMTP_* or any other variable: secrets of tosdiff's
// configuration stay out of programs it runs.
std::vector<std::pair<std::string, std::string>> inherited_environment(const std::vector<std::string>& pass_env);

}  // namespace tosdiff
