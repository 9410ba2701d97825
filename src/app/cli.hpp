#pragma once
// The command line: parses arguments into plain option structs, then dispatches to one
// command function from a table. No business logic inside the parser's callbacks.

#include <stdexcept>
#include <string>

namespace tosdiff {

// A problem with how tosdiff was called or configured: exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// tosdiff cannot do what was asked (no archived version, lock held, ...): exit code 4.
class FatalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class TerminalSafeBuf;

// The process's output streams: std::cout and std::cerr go through sanitizing buffers
// (terminal_text.hpp); run_cli makes stdout exact when the command prints JSON, and the
// progress line writes to the terminal itself (its own erase sequences are not text).
struct OutputStreams {
  TerminalSafeBuf* stdout_filter = nullptr;
  std::ostream* terminal_err = nullptr;  // stderr, unfiltered: the progress line only
};

// Runs tosdiff; returns the exit code. Throws UsageError, FatalError, ArchiveError.
int run_cli(int argc, char** argv, const OutputStreams& streams = {});

}  // namespace tosdiff
