# SPDX-License-Identifier: Apache-2.0
# Firmware build: the profile test images (tests/profile/CMakeLists.txt runs them).
#   tvmcrt-fw-profile.elf        the loops model (PROFILE) and digits (built without it), netduinoplus2
#   tvmcrt-fw-profile-slow.elf   the loops model built 10 % slower (LOOPS_SCALE_PERCENT=110): the gate
#   tvmcrt-an386-conv-i8-profile.elf  the largest test model (tests/real_models conv_i8) with PROFILE
set(_loops ${CMAKE_CURRENT_LIST_DIR}/loops_model/mlf)
tvmcrt_add_model(tvmcrt_model_loops MLF ${_loops} PROFILE)
tvmcrt_add_model(tvmcrt_model_loops_slow MLF ${_loops} PROFILE DEFINITIONS LOOPS_SCALE_PERCENT=110)
set(_digits)
if(TARGET tvmcrt_model_digits)
  set(_digits tvmcrt_model_digits)
endif()
tvmcrt_cm_agent_image(tvmcrt-fw-profile BOARD ${TVMCRT_BOARD} MODELS tvmcrt_model_loops ${_digits})
tvmcrt_cm_agent_image(tvmcrt-fw-profile-slow BOARD ${TVMCRT_BOARD} MODELS tvmcrt_model_loops_slow)
tvmcrt_add_model(real_conv_i8_profile MLF ${TVMCRT_REAL_MODELS_DIR}/conv_i8
                 SIDECAR ${TVMCRT_REAL_MODELS_DIR}/conv_i8.sidecar.json PROFILE)
tvmcrt_cm_agent_image(tvmcrt-an386-conv-i8-profile BOARD mps2_an386 MODELS real_conv_i8_profile)
