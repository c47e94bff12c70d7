# cmake -P script: configure cmake_project as a cross build (CMAKE_SYSTEM_NAME Generic, host gcc) with
# TVMCRT_IMPORT_EXECUTABLE given, then build it. Fails (non-zero) if either step fails.
file(REMOVE_RECURSE ${BIN})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${PROJ} -B ${BIN} -DTVMCRT_SOURCE_DIR=${SRC} -DCASE=single
                        -DCMAKE_SYSTEM_NAME=Generic -DCMAKE_TRY_COMPILE_TARGET_TYPE=STATIC_LIBRARY
                        -DTVMCRT_IMPORT_EXECUTABLE=${TOOL}
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BIN} COMMAND_ERROR_IS_FATAL ANY)
