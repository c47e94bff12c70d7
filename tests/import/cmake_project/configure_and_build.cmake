# SPDX-License-Identifier: Apache-2.0
# cmake -P script: configure cmake_project in a fresh folder and build it.
#   -DPROJ=<cmake_project> -DBIN=<build folder> -DSRC=<tvmcrt source> -DCASE=<case>
#   [-DTOOL=<tvmcrt-import>]  passed as TVMCRT_IMPORT_EXECUTABLE
#   [-DCROSS=ON]              a cross build: CMAKE_SYSTEM_NAME Generic with the host gcc
#   [-DCONFIGURE_ONLY=ON]
# Exits non-zero if a step fails; the output of both steps is passed through for the test to match.
file(REMOVE_RECURSE ${BIN})
set(_args -DTVMCRT_SOURCE_DIR=${SRC} -DCASE=${CASE})
if(CROSS)
  list(APPEND _args -DCMAKE_SYSTEM_NAME=Generic -DCMAKE_TRY_COMPILE_TARGET_TYPE=STATIC_LIBRARY)
endif()
if(TOOL)
  list(APPEND _args -DTVMCRT_IMPORT_EXECUTABLE=${TOOL})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${PROJ} -B ${BIN} ${_args} COMMAND_ERROR_IS_FATAL ANY)
if(NOT CONFIGURE_ONLY)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BIN} COMMAND_ERROR_IS_FATAL ANY)
endif()
