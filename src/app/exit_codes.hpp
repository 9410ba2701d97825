#pragma once
// tosdiff's exit codes: a contract with cron jobs and scripts. Documented in README,
// `tosdiff --help` and docs/tosdiff.1.

namespace tosdiff::exit_code {

inline constexpr int ok = 0;               // every document processed (changes or not)
inline constexpr int changes = 1;          // with --exit-code: a substantive change or a new
                                           // document was recorded, and nothing failed
inline constexpr int usage = 2;            // bad option, unknown platform, a named platform's
                                           // declaration broken, validate found errors
inline constexpr int document_failed = 3;  // at least one document failed, or (check, list) a
                                           // declaration is broken; the others were processed
inline constexpr int fatal = 4;            // tosdiff could not run: data dir unusable, lock held
                                           // by another run, nothing archived to show
inline constexpr int interrupted_sigint = 130;   // stopped by SIGINT (Ctrl-C)
inline constexpr int interrupted_sigterm = 143;  // stopped by SIGTERM

}  // namespace tosdiff::exit_code
