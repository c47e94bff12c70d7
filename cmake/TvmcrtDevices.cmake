# SPDX-License-Identifier: Apache-2.0
# TvmcrtDevices.cmake — your own tvmcrt devices, serving the models you made with tvmcrt_add_model():
#
#   tvmcrt_add_native_device(<target> MODELS <model targets...> [ARENA_SIZE <bytes>]
#                            [LINK_LIBRARIES ...] [LINK_OPTIONS ...])
#     The agent as a native process (like tvmcrt-device: --tcp PORT, --pty, --stdio).
#     LINK_LIBRARIES / LINK_OPTIONS: for this image only (the models' own, from tvmcrt_add_model(),
#     come with them into every image, with libm).
#
#   tvmcrt_add_firmware(<target> MODELS <model targets...> [BOARD <board>] [RAM_KB <n>]
#                       [STACK_SIZE <bytes>] [LINK_LIBRARIES ...] [LINK_OPTIONS ...])
#     The agent firmware for BOARD: an STM32F4 board of device/ports/stm32f4/boards (nucleo_f401re,
#     nucleo_f411re, nucleo_f446re, nucleo_f429zi, stm32f429i_disc1, stm32f4_discovery, or
#     netduinoplus2, the default, like tvmcrt-fw; stm32f4 is its older name), an STM32L4+ board of
#     device/ports/stm32l4/boards (nucleo_l4r5zi: not bootable under QEMU) or mps2_an386 (4 MiB of
#     RAM, for models an STM32F4 cannot hold), cross-built with cmake/arm-none-eabi.cmake as an
#     external project of your build. Each model is built again for the target from the same
#     tvmcrt_add_model() arguments (SIDECAR, WORKSPACE_SLACK, INCLUDE_DIRS, SOURCES, DEFINITIONS...).
#     Writes <binary dir>/<target>.elf, .bin and .map. RAM_KB defaults to the board's (its header's
#     TVMCRT_BOARD_RAM_KB; netduinoplus2: TVMCRT_STM32F4_RAM_KB, 128; mps2_an386: 4096);
#     before the link a check prints each model's flash and RAM and stops the build when they do not
#     fit (cmake/TvmcrtFitCheck.cmake). LINK_LIBRARIES (library names or paths of Arm archives, e.g. a
#     prebuilt CMSIS-NN) and LINK_OPTIONS go to the firmware link only.
#
# Both come with the installed package (find_package(tvmcrt), tvmcrtConfig.cmake) and with this source
# tree added by add_subdirectory(). docs/bring-your-own-model.md walks through them.
#
#   tvmcrt_firmware_external_project(<name> SOURCE_DIR <dir> BINARY_DIR <dir> [BOARD <board>]
#                                    [RAM_KB <n>] [STACK_SIZE <bytes>] [CMAKE_ARGS ...])
#     The cross build itself, shared with this tree's own firmware (cmake/TvmcrtFirmware.cmake).
include_guard(GLOBAL)
include(ExternalProject)

set(TVMCRT_FIRMWARE_BUILD_TYPE MinSizeRel CACHE STRING "CMAKE_BUILD_TYPE of firmware builds")
set(TVMCRT_STM32F4_RAM_KB 128 CACHE STRING "SRAM the firmware may use, in KiB (passed to the firmware build)")

function(tvmcrt_add_native_device target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "ARENA_SIZE" "MODELS;LINK_LIBRARIES;LINK_OPTIONS")
  if(arg_UNPARSED_ARGUMENTS OR NOT arg_MODELS)
    message(FATAL_ERROR "tvmcrt_add_native_device(${target} MODELS <model targets...> [ARENA_SIZE <bytes>] "
                        "[LINK_LIBRARIES ...] [LINK_OPTIONS ...])")
  endif()
  add_executable(${target} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../device/ports/posix/main.c)
  target_link_libraries(${target} PRIVATE tvmcrt::posix_port ${arg_LINK_LIBRARIES})
  if(arg_LINK_OPTIONS)
    target_link_options(${target} PRIVATE ${arg_LINK_OPTIONS})
  endif()
  set(arena "")
  if(DEFINED arg_ARENA_SIZE)
    set(arena ARENA_SIZE ${arg_ARENA_SIZE})
  endif()
  tvmcrt_link_models(${target} MODELS ${arg_MODELS} ${arena})
endfunction()

# The boards tvmcrt_add_firmware() takes: every STM32 board header and the MPS2 AN386.
function(tvmcrt_firmware_boards out)
  file(GLOB headers ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../device/ports/stm32f4/boards/*.h
                    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../device/ports/stm32l4/boards/*.h)
  set(names "")
  foreach(h IN LISTS headers)
    get_filename_component(n ${h} NAME_WE)
    list(APPEND names ${n})
  endforeach()
  list(APPEND names mps2_an386)
  set(${out} ${names} PARENT_SCOPE)
endfunction()

function(tvmcrt_firmware_external_project name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "SOURCE_DIR;BINARY_DIR;BOARD;RAM_KB;STACK_SIZE" "CMAKE_ARGS")
  find_program(TVMCRT_ARM_GCC arm-none-eabi-gcc)
  if(NOT TVMCRT_ARM_GCC)
    message(FATAL_ERROR "${name}: the firmware needs arm-none-eabi-gcc: install gcc-arm-none-eabi and "
                        "libnewlib-arm-none-eabi (scripts/setup does), or leave the firmware out.")
  endif()
  set(root ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/..)
  # RAM_KB and STACK_SIZE are the board's cache variables in the firmware build: TVMCRT_MPS2_* for
  # the MPS2 AN386; for an STM32F4 board TVMCRT_BOARD_RAM_KB_<board> (netduinoplus2, and this tree's
  # own images without BOARD: TVMCRT_STM32F4_RAM_KB) and TVMCRT_STM32F4_STACK_SIZE.
  if(arg_BOARD STREQUAL "mps2_an386")
    set(ram_var TVMCRT_MPS2_RAM_KB)
    set(stack_var TVMCRT_MPS2_STACK_SIZE)
  elseif(NOT arg_BOARD OR arg_BOARD MATCHES "^(stm32f4|netduinoplus2)$")
    set(ram_var TVMCRT_STM32F4_RAM_KB)
    set(stack_var TVMCRT_STM32F4_STACK_SIZE)
    if(NOT arg_RAM_KB)
      set(arg_RAM_KB ${TVMCRT_STM32F4_RAM_KB})
    endif()
  else()
    set(ram_var TVMCRT_BOARD_RAM_KB_${arg_BOARD})
    set(stack_var TVMCRT_STM32F4_STACK_SIZE)
    if(EXISTS ${root}/device/ports/stm32l4/boards/${arg_BOARD}.h)
      set(stack_var TVMCRT_STM32L4_STACK_SIZE)
    endif()
  endif()
  set(args
    -DCMAKE_TOOLCHAIN_FILE=${root}/cmake/arm-none-eabi.cmake
    -DCMAKE_BUILD_TYPE=${TVMCRT_FIRMWARE_BUILD_TYPE}
    -DTVMCRT_NANOPB_DIR=${TVMCRT_NANOPB_DIR})
  if(arg_RAM_KB)
    list(APPEND args -D${ram_var}=${arg_RAM_KB})
  endif()
  # This tree's own images (no BOARD) are for TVMCRT_BOARD (device/ports/stm32f4/CMakeLists.txt).
  if(NOT arg_BOARD AND TVMCRT_BOARD)
    list(APPEND args -DTVMCRT_BOARD=${TVMCRT_BOARD})
  endif()
  foreach(var TVMCRT_NANOPB_GENERATED_DIR)
    if(${var})
      list(APPEND args -D${var}=${${var}})
    endif()
  endforeach()
  if(arg_STACK_SIZE)
    list(APPEND args -D${stack_var}=${arg_STACK_SIZE})
  endif()
  # The firmware says which tvmcrt it is: this build's id (a source tree) or the installed one's.
  if(TVMCRT_BUILD_ID)
    list(APPEND args "-DTVMCRT_BUILD_ID=${TVMCRT_BUILD_ID}")
  elseif(TVMCRT_AGENT_BUILD_ID)
    list(APPEND args "-DTVMCRT_BUILD_ID=${TVMCRT_AGENT_BUILD_ID}")
  endif()
  set(deps "")
  if(TVMCRT_IMPORT_EXECUTABLE)
    list(APPEND args -DTVMCRT_IMPORT_EXECUTABLE=${TVMCRT_IMPORT_EXECUTABLE})
  elseif(TARGET tvmcrt-import)
    list(APPEND args -DTVMCRT_IMPORT_EXECUTABLE=$<TARGET_FILE:tvmcrt-import>)
    list(APPEND deps tvmcrt-import)
  endif()
  # BUILD_ALWAYS: the firmware's own dependency checks make a no-op rebuild cheap.
  ExternalProject_Add(${name}
    SOURCE_DIR ${arg_SOURCE_DIR}
    BINARY_DIR ${arg_BINARY_DIR}
    PREFIX ${arg_BINARY_DIR}-ep
    CMAKE_ARGS ${args} ${arg_CMAKE_ARGS}
    DEPENDS ${deps}
    INSTALL_COMMAND ""
    BUILD_ALWAYS ON
    USES_TERMINAL_BUILD ON)
endfunction()

# tvmcrt_add_model(<replay>) for each model, to be included by the firmware project (cmake/firmware).
function(_tvmcrt_models_script out image board libraries options)
  set(text "# Models of firmware ${image}, written by tvmcrt_add_firmware() from their tvmcrt_add_model() calls.\n")
  foreach(model IN LISTS ARGN)
    get_target_property(replay ${model} TVMCRT_MODEL_ARGS)
    string(APPEND text "tvmcrt_add_model(${model}")
    foreach(a IN LISTS replay)
      string(APPEND text " [==[${a}]==]")
    endforeach()
    string(APPEND text ")\n")
  endforeach()
  string(APPEND text "set(TVMCRT_IMAGE_NAME ${image})\nset(TVMCRT_IMAGE_BOARD ${board})\n"
                     "set(TVMCRT_IMAGE_MODELS ${ARGN})\n")
  foreach(key libraries options)
    string(TOUPPER "${key}" up)
    string(APPEND text "set(TVMCRT_IMAGE_LINK_${up}")
    foreach(a IN LISTS ${key})
      string(APPEND text " [==[${a}]==]")
    endforeach()
    string(APPEND text ")\n")
  endforeach()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(tvmcrt_add_firmware target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "BOARD;RAM_KB;STACK_SIZE" "MODELS;LINK_LIBRARIES;LINK_OPTIONS")
  if(arg_UNPARSED_ARGUMENTS OR NOT arg_MODELS)
    message(FATAL_ERROR "tvmcrt_add_firmware(${target} MODELS <model targets...> [BOARD <board>] [RAM_KB <n>] "
                        "[STACK_SIZE <bytes>] [LINK_LIBRARIES ...] [LINK_OPTIONS ...])")
  endif()
  if(NOT arg_BOARD)
    set(arg_BOARD netduinoplus2)
  endif()
  tvmcrt_firmware_boards(boards)
  if(NOT arg_BOARD IN_LIST boards AND NOT arg_BOARD STREQUAL "stm32f4")
    string(REPLACE ";" ", " boards "${boards}")
    message(FATAL_ERROR "tvmcrt_add_firmware(${target}): BOARD '${arg_BOARD}' is not a board tvmcrt knows: ${boards} "
                        "(device/ports/stm32f4/boards has one header per STM32F4 board; add one for yours, "
                        "boards/README.md). Which board for which size: docs/bring-your-own-model.md")
  endif()
  list(TRANSFORM arg_LINK_LIBRARIES PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/" REGEX "^[^/-].*[/.]")
  # Found now rather than half-way through the cross build.
  _tvmcrt_model_names(names "tvmcrt_add_firmware(${target})" ${arg_MODELS})
  set(work ${CMAKE_CURRENT_BINARY_DIR}/${target}-firmware)
  _tvmcrt_models_script(text ${target} ${arg_BOARD} "${arg_LINK_LIBRARIES}" "${arg_LINK_OPTIONS}" ${arg_MODELS})
  file(CONFIGURE OUTPUT ${work}-models.cmake CONTENT "${text}")
  set(extra "")
  foreach(key BOARD RAM_KB STACK_SIZE)
    if(arg_${key})
      list(APPEND extra ${key} ${arg_${key}})
    endif()
  endforeach()
  tvmcrt_firmware_external_project(${target}
    SOURCE_DIR ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/firmware BINARY_DIR ${work} ${extra}
    CMAKE_ARGS -DTVMCRT_IMAGE_MODELS_FILE=${work}-models.cmake)
  # The images next to the user's other outputs.
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target})
  ExternalProject_Add_Step(${target} copy_images
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${work}/${target}.elf ${out}.elf
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${work}/${target}.bin ${out}.bin
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${work}/${target}.map ${out}.map
    DEPENDEES build ALWAYS ON
    BYPRODUCTS ${out}.elf ${out}.bin ${out}.map)
  set_target_properties(${target} PROPERTIES TVMCRT_FIRMWARE_ELF ${out}.elf)
endfunction()
