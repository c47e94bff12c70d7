# SPDX-License-Identifier: Apache-2.0
# TvmcrtFirmware.cmake — this tree's STM32F4 firmware as an external project of the native build
# (superbuild).
#
# A native configure includes this file; when TVMCRT_BUILD_FIRMWARE is ON and arm-none-eabi-gcc is
# found, `cmake --build <build>` also configures this same source tree with cmake/arm-none-eabi.cmake
# into <build>/firmware (TVMCRT_FIRMWARE mode) and builds it, every time (BUILD_ALWAYS: its own
# dependency checks make a no-op rebuild cheap). The host-built tvmcrt-import generates the model
# adapters for it. Images: <build>/firmware/tvmcrt-fw.elf, .bin, .map (device/ports/stm32f4).
#
# Options forwarded: TVMCRT_BOARD (the board of tvmcrt-fw*.elf, default netduinoplus2; every board
# also gets tvmcrt-fw-<board>.elf), TVMCRT_STM32F4_RAM_KB, TVMCRT_FIRMWARE_BUILD_TYPE (default
# MinSizeRel). The cross build is the one users' tvmcrt_add_firmware() images get
# (tvmcrt_firmware_external_project(), cmake/TvmcrtDevices.cmake), which this file also makes available.
include_guard(GLOBAL)
include(${CMAKE_CURRENT_LIST_DIR}/TvmcrtDevices.cmake)

set(TVMCRT_FIRMWARE_BINARY_DIR ${CMAKE_BINARY_DIR}/firmware)
set(TVMCRT_BOARD netduinoplus2 CACHE STRING
    "Board of build/firmware/tvmcrt-fw*.elf: a header in device/ports/stm32f4/boards (nucleo_f401re, nucleo_f446re, ...)")
set(TVMCRT_FIRMWARE_ENABLED OFF)

if(NOT TVMCRT_BUILD_FIRMWARE)
  return()
endif()

find_program(TVMCRT_ARM_GCC arm-none-eabi-gcc)
if(NOT TVMCRT_ARM_GCC)
  message(STATUS "tvmcrt: arm-none-eabi-gcc not found, the STM32F4 firmware is not built. "
                 "Run scripts/setup (installs gcc-arm-none-eabi and libnewlib-arm-none-eabi), "
                 "or configure with -DTVMCRT_BUILD_FIRMWARE=OFF to silence this.")
  return()
endif()
set(TVMCRT_FIRMWARE_ENABLED ON)

# Test images (tvmcrt-fw-test, the on-target tests, tests/real_models) only when tests are built.
tvmcrt_firmware_external_project(tvmcrt_firmware
  SOURCE_DIR ${CMAKE_CURRENT_LIST_DIR}/.. BINARY_DIR ${TVMCRT_FIRMWARE_BINARY_DIR}
  CMAKE_ARGS -DTVMCRT_BUILD_TESTS=${TVMCRT_BUILD_TESTS} -DTVMCRT_LTO=${TVMCRT_LTO})
