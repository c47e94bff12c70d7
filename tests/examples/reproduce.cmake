# Runs an example's generate.py into a scratch folder and checks that every generated file equals
# the committed one byte for byte (and that no file is missing or extra).
#   cmake -DPYTHON=... -DEXAMPLE_DIR=<examples/m> -DOUT=<scratch> -P reproduce.cmake
foreach(var PYTHON EXAMPLE_DIR OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "reproduce.cmake: pass -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${PYTHON}" "${EXAMPLE_DIR}/generate.py" --out "${OUT}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXAMPLE_DIR}/generate.py failed (exit ${rc})")
endif()

set(stale "")
foreach(sub mlf data)
  execute_process(COMMAND diff -r -q "${EXAMPLE_DIR}/${sub}" "${OUT}/${sub}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(APPEND stale "${out}${err}")
  endif()
endforeach()
if(stale)
  message(FATAL_ERROR "The committed files of ${EXAMPLE_DIR} are not what generate.py makes:\n"
          "${stale}"
          "Fix: run /usr/bin/python3 ${EXAMPLE_DIR}/generate.py and commit the result, "
          "or revert the hand edit.")
endif()
message(STATUS "${EXAMPLE_DIR}: generated files equal the committed ones")
