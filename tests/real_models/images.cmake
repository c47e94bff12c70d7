# SPDX-License-Identifier: Apache-2.0
# Firmware build: the test models of tests/real_models on each emulated board (one model per image:
# both are named `default`). The board of each is the smallest that holds it: conv_i8 needs more
# RAM than an STM32F4 has (the fit check says so and names mps2_an386, CMakeLists.txt tests that).
include(${CMAKE_CURRENT_LIST_DIR}/models.cmake)
tvmcrt_cm_agent_image(tvmcrt-an386-conv-i8 BOARD mps2_an386 MODELS real_conv_i8)
tvmcrt_cm_agent_image(tvmcrt-an386-mlp-f32 BOARD mps2_an386 MODELS real_mlp_f32)
tvmcrt_cm_agent_image(tvmcrt-fw-mlp-f32 BOARD stm32f4 MODELS real_mlp_f32)
tvmcrt_cm_agent_image(tvmcrt-fw-mlp-f32-small BOARD stm32f4 MODELS real_mlp_f32_small)
