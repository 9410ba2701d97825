#pragma once
// The binary the crash loops, the signal tests and the shell completions run: the shipped one
// when the build names it (scripts/sanitize.sh: its sanitizer build's tests run the optimized
// build's binary there, since the kill loops test the archive's state after a kill at a
// random instant, which the sanitizers do not see, and run several times slower under them),
// else this build's own. Only files compiled alone include it (tests/CMakeLists.txt sets the
// name on them, never on a unity source).

#ifndef TOSDIFF_SHIPPED_BINARY
#define TOSDIFF_SHIPPED_BINARY TOSDIFF_BINARY
#endif
