// tosdiff: tracks changes to terms of service and privacy policies.
// main only runs the command line and turns exceptions into documented exit codes.

#include <exception>
#include <iostream>

#include "tosdiff/atomic_file.hpp"
#include "tosdiff/cli.hpp"
#include "tosdiff/exit_codes.hpp"

int main(int argc, char** argv) {
  try {
    return tosdiff::run_cli(argc, argv);
  } catch (const tosdiff::UsageError& e) {
    std::cerr << "tosdiff: error: " << e.what() << "\n";
    return tosdiff::exit_code::usage;
  } catch (const tosdiff::FatalError& e) {
    std::cerr << "tosdiff: error: " << e.what() << "\n";
    return tosdiff::exit_code::fatal;
  } catch (const tosdiff::ArchiveError& e) {
    std::cerr << "tosdiff: error: archive: " << e.what() << "\n";
    return tosdiff::exit_code::fatal;
  } catch (const std::exception& e) {
    std::cerr << "tosdiff: error: " << e.what() << "\n";
    return tosdiff::exit_code::fatal;
  }
}
