# gzip -9n INPUT > OUTPUT (no name or time stamp in the header: the same bytes every build),
# for the man page as Debian installs them.
#   cmake -DINPUT=file -DOUTPUT=file.gz -P gzip_file.cmake
execute_process(COMMAND gzip -9n -c ${INPUT} OUTPUT_FILE ${OUTPUT}.new RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gzip ${INPUT} failed: ${status}")
endif()
file(RENAME ${OUTPUT}.new ${OUTPUT})
