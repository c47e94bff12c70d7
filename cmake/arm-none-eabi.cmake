# SPDX-License-Identifier: Apache-2.0
# CMake toolchain file for Cortex-M4F boards (STM32F4) with Debian's gcc-arm-none-eabi 12 and newlib-nano.
#
#   cmake -S . -B build-fw -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake \
#         -DTVMCRT_IMPORT_EXECUTABLE=<host build>/tools/tvmcrt-import
#
# Normally you do not call this yourself: a native build configures it as an external project
# (cmake/TvmcrtFirmware.cmake). Only --specs=nano.specs is global; each executable picks how system calls
# are served (nosys for firmware, rdimon for semihosting tests) because the two cannot be linked together.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(TVMCRT_ARM_PREFIX arm-none-eabi- CACHE STRING "Cross tool prefix")
find_program(CMAKE_C_COMPILER ${TVMCRT_ARM_PREFIX}gcc REQUIRED)
find_program(CMAKE_CXX_COMPILER ${TVMCRT_ARM_PREFIX}g++ REQUIRED)
find_program(CMAKE_ASM_COMPILER ${TVMCRT_ARM_PREFIX}gcc REQUIRED)
find_program(CMAKE_OBJCOPY ${TVMCRT_ARM_PREFIX}objcopy REQUIRED)
find_program(CMAKE_SIZE ${TVMCRT_ARM_PREFIX}size REQUIRED)

# No executable can be linked without a linker script and start-up code: test the compiler with a library.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(_tvmcrt_cpu_flags "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
set(CMAKE_C_FLAGS_INIT "${_tvmcrt_cpu_flags} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${_tvmcrt_cpu_flags} -ffunction-sections -fdata-sections -fno-exceptions -fno-rtti")
set(CMAKE_ASM_FLAGS_INIT "${_tvmcrt_cpu_flags}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_tvmcrt_cpu_flags} --specs=nano.specs -Wl,--gc-sections")

# Look for programs on the host, for libraries and headers only in the cross sysroot.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
