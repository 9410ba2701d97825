# Registers a GoogleTest binary with CTest as one test per test suite (Suite.*) instead of one per
# test (gtest_discover_tests): every test of the unit binary is milliseconds, and starting a
# process for each of its 1,360 (under ASan, with ctest's bookkeeping and three jobs on two cores)
# took 355 s of the sanitizer pass's test time against 63 s for the whole binary in one process.
# A failing test is still named: gtest prints each failure (--gtest_brief=1 prints only those).
#   add_gtest_suites(TARGET TIMEOUT SECONDS)
# The list is read from the binary after each build (POST_BUILD), as gtest_discover_tests does,
# so that a test added needs no CMake run.
function(add_gtest_suites target)
  cmake_parse_arguments(ARG "" "TIMEOUT" "" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 600)
  endif()
  set(suites_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites.cmake")
  set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites_include.cmake")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND "${CMAKE_COMMAND}" "-DEXECUTABLE=$<TARGET_FILE:${target}>" "-DOUTPUT=${suites_file}"
            "-DTIMEOUT=${ARG_TIMEOUT}" "-DWORKING_DIRECTORY=${CMAKE_CURRENT_BINARY_DIR}"
            -P "${PROJECT_SOURCE_DIR}/cmake/write_gtest_suites.cmake"
    BYPRODUCTS "${suites_file}"
    VERBATIM)
  # Before the first build there is no list: a test that fails says so, rather than none at all.
  file(WRITE "${include_file}"
       "if(EXISTS \"${suites_file}\")\n  include(\"${suites_file}\")\nelse()\n"
       "  add_test(${target}_NOT_BUILT ${target}_NOT_BUILT)\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()
