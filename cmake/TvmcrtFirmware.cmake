# TvmcrtFirmware.cmake — the STM32F4 firmware as an external project of the native build (superbuild).
#
# A native configure includes this file; when TVMCRT_BUILD_FIRMWARE is ON and arm-none-eabi-gcc is
# found, `cmake --build <build>` also configures this same source tree with cmake/arm-none-eabi.cmake
# into <build>/firmware (TVMCRT_FIRMWARE mode) and builds it, every time (BUILD_ALWAYS: its own
# dependency checks make a no-op rebuild cheap). The host-built tvmcrt-import generates the model
# adapters for it. Images: <build>/firmware/tvmcrt-fw.elf, .bin, .map (device/ports/stm32f4).
#
# Options forwarded: TVMCRT_STM32F4_RAM_KB, TVMCRT_STM32F4_CORE_HZ (when set), TVMCRT_FIRMWARE_BUILD_TYPE
# (default MinSizeRel).
include_guard(GLOBAL)

set(TVMCRT_FIRMWARE_BINARY_DIR ${CMAKE_BINARY_DIR}/firmware)
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

set(TVMCRT_STM32F4_RAM_KB 128 CACHE STRING "SRAM the firmware may use, in KiB (passed to the firmware build)")
set(TVMCRT_FIRMWARE_BUILD_TYPE MinSizeRel CACHE STRING "CMAKE_BUILD_TYPE of the firmware build")

include(ExternalProject)
set(_fw_args
  -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/arm-none-eabi.cmake
  -DCMAKE_BUILD_TYPE=${TVMCRT_FIRMWARE_BUILD_TYPE}
  -DTVMCRT_STM32F4_RAM_KB=${TVMCRT_STM32F4_RAM_KB}
  -DTVMCRT_NANOPB_DIR=${TVMCRT_NANOPB_DIR})
if(DEFINED TVMCRT_STM32F4_CORE_HZ)
  list(APPEND _fw_args -DTVMCRT_STM32F4_CORE_HZ=${TVMCRT_STM32F4_CORE_HZ})
endif()
set(_fw_deps)
if(TARGET tvmcrt-import)
  list(APPEND _fw_args -DTVMCRT_IMPORT_EXECUTABLE=$<TARGET_FILE:tvmcrt-import>)
  list(APPEND _fw_deps tvmcrt-import)
endif()

ExternalProject_Add(tvmcrt_firmware
  SOURCE_DIR ${PROJECT_SOURCE_DIR}
  BINARY_DIR ${TVMCRT_FIRMWARE_BINARY_DIR}
  PREFIX ${CMAKE_BINARY_DIR}/firmware-ep
  CMAKE_ARGS ${_fw_args}
  DEPENDS ${_fw_deps}
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON
  USES_TERMINAL_BUILD ON)
