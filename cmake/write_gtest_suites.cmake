# Writes OUTPUT: one add_test per test suite that EXECUTABLE lists (see gtest_suites.cmake).
#   cmake -DEXECUTABLE=... -DOUTPUT=... -DTIMEOUT=... -DWORKING_DIRECTORY=... -P write_gtest_suites.cmake
execute_process(COMMAND "${EXECUTABLE}" --gtest_list_tests
                OUTPUT_VARIABLE listing ERROR_VARIABLE errors RESULT_VARIABLE result TIMEOUT 60)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${EXECUTABLE} --gtest_list_tests failed (${result}): ${errors}")
endif()
# A parameter printed after a test ("# GetParam() = ...") may hold brackets or semicolons, which
# CMake's lists read as their own syntax: no suite's name has them.
string(REGEX REPLACE "[][;]" " " listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
set(script "")
set(suites 0)
foreach(line IN LISTS lines)
  # A suite's line starts in column one and ends with its dot ("Precision/CosmeticVariant.",
  # a typed suite's followed by "  # TypeParam = ..."); its tests' lines are indented.
  if(line MATCHES "^([^ #][^ ]*)\\.( .*)?$")
    set(suite "${CMAKE_MATCH_1}")
    string(APPEND script
           "add_test([==[${suite}]==] [==[${EXECUTABLE}]==] [==[--gtest_filter=${suite}.*]==] --gtest_brief=1)\n"
           "set_tests_properties([==[${suite}]==] PROPERTIES TIMEOUT ${TIMEOUT} WORKING_DIRECTORY [==[${WORKING_DIRECTORY}]==])\n")
    math(EXPR suites "${suites} + 1")
  endif()
endforeach()
if(suites EQUAL 0)
  message(FATAL_ERROR "${EXECUTABLE} lists no test suite")
endif()
# Written whole then renamed: ctest never includes half a list.
file(WRITE "${OUTPUT}.tmp" "${script}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
