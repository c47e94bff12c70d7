# SPDX-License-Identifier: Apache-2.0
# The test models of tests/real_models, for the native build (CMakeLists.txt) and the firmware
# build (images.cmake): generated into <build>/real_models, then tvmcrt_add_model() on each, with
# the sidecar their header-only output needs, exactly as a user would.
set(TVMCRT_REAL_MODELS_DIR ${CMAKE_BINARY_DIR}/real_models)
execute_process(COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/generate.py ${TVMCRT_REAL_MODELS_DIR}
                RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "tests/real_models/generate.py failed (${_rc}): ${_err}\nRun scripts/setup (python3-numpy).")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/generate.py)
set(_d ${TVMCRT_REAL_MODELS_DIR})
tvmcrt_add_model(real_conv_i8 MLF ${_d}/conv_i8 SIDECAR ${_d}/conv_i8.sidecar.json)
tvmcrt_add_model(real_mlp_f32 MLF ${_d}/mlp_f32 SIDECAR ${_d}/mlp_f32.sidecar.json)
tvmcrt_add_model(real_mlp_f32_small MLF ${_d}/mlp_f32 SIDECAR ${_d}/mlp_f32.small_output.sidecar.json)
