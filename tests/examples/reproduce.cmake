# SPDX-License-Identifier: Apache-2.0
# Runs an example's generate.py into a scratch folder and checks that every generated file equals
# the committed one byte for byte (and that no file is missing or extra).
#   cmake -DPYTHON=... -DEXAMPLE_DIR=<examples/m> -DOUT=<scratch> [-DBLAS_DIR=<dir> -DLIBRARY_PATH=<dirs>]
#         -P reproduce.cmake
# With BLAS_DIR, the generator runs with LD_LIBRARY_PATH=LIBRARY_PATH through with_blas.py, which
# stops unless numpy really loaded libblas.so.3 from BLAS_DIR: the committed bytes must not depend
# on which BLAS the machine has (Debian picks OpenBLAS or the reference one by what is installed).
foreach(var PYTHON EXAMPLE_DIR OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "reproduce.cmake: pass -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${OUT}")
set(run "${PYTHON}" "${EXAMPLE_DIR}/generate.py" --out "${OUT}")
if(DEFINED BLAS_DIR)
  set(run ${CMAKE_COMMAND} -E env "LD_LIBRARY_PATH=${LIBRARY_PATH}"
          "${PYTHON}" "${CMAKE_CURRENT_LIST_DIR}/with_blas.py" "${BLAS_DIR}"
          "${EXAMPLE_DIR}/generate.py" --out "${OUT}")
endif()
execute_process(COMMAND ${run} RESULT_VARIABLE rc)
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
message(STATUS "${EXAMPLE_DIR}: generated files equal the committed ones${BLAS_DIR}")
