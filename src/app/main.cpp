// tosdiff: tracks changes to terms of service and privacy policies.
// main only installs the output sanitizers, runs the command line and turns exceptions into
// documented exit codes.

#include <exception>
#include <iostream>

#include "tosdiff/util/atomic_file.hpp"
#include "tosdiff/app/cli.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/util/terminal_text.hpp"

namespace {

int run(int argc, char** argv, const tosdiff::OutputStreams& streams) {
  try {
    return tosdiff::run_cli(argc, argv, streams);
  } catch (const tosdiff::UsageError& e) {
    std::cerr << "tosdiff: error: " << e.what() << "\n";
    return tosdiff::exit_code::usage;
  } catch (const tosdiff::ArchiveError& e) {
    std::cerr << "tosdiff: error: archive: " << e.what() << "\n";
    return tosdiff::exit_code::fatal;
  } catch (const std::exception& e) {  // FatalError and anything unforeseen
    std::cerr << "tosdiff: error: " << e.what() << "\n";
    return tosdiff::exit_code::fatal;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::streambuf* const raw_out = std::cout.rdbuf();
  std::streambuf* const raw_err = std::cerr.rdbuf();
  int code = 0;
  {
    tosdiff::TerminalSafeBuf out(raw_out), err(raw_err);
    std::ostream terminal_err(raw_err);
    std::cout.rdbuf(&out);
    std::cerr.rdbuf(&err);
    code = run(argc, argv, {&out, &terminal_err});
    std::cout.flush();
    std::cerr.flush();
    std::cout.rdbuf(raw_out);
    std::cerr.rdbuf(raw_err);
  }
  std::cout.flush();
  return code;
}
