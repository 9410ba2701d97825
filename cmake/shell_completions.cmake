# Writes tosdiff's shell completion scripts into OUT_DIR, as the binary renders them from its
# command table (`tosdiff completions SHELL`): tosdiff (bash), _tosdiff (zsh), tosdiff.fish.
#   cmake -DTOSDIFF=path/to/tosdiff -DOUT_DIR=dir -P shell_completions.cmake
file(MAKE_DIRECTORY ${OUT_DIR})
foreach(pair "bash;tosdiff" "zsh;_tosdiff" "fish;tosdiff.fish")
  list(GET pair 0 shell)
  list(GET pair 1 name)
  # HOME and the data dir do not matter to `completions`, but Context wants a data dir.
  execute_process(COMMAND ${CMAKE_COMMAND} -E env TOSDIFF_DATA_DIR=${OUT_DIR} ${TOSDIFF} completions ${shell}
                  OUTPUT_FILE ${OUT_DIR}/${name}.new RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "tosdiff completions ${shell} failed: ${status}")
  endif()
  file(RENAME ${OUT_DIR}/${name}.new ${OUT_DIR}/${name})
endforeach()
