# SPDX-License-Identifier: Apache-2.0
# boards.cmake — the board layer of the STM32 ports (device/ports/stm32f4, device/ports/stm32l4):
#
#   tvmcrt_stm32_board(<header> PORT <port> LIBRARY <lib> VECTORS <object lib> MAX_RAM_KB <n>
#                      STACK_SIZE <bytes>)
#     One board header (<port>/boards/<board>.h): CMake reads its NAME, RAM_KB, FLASH_KB and TITLE
#     lines, builds <port>/board_desc.c with it (the only per-board object) and registers the
#     cortex_m board <board> (device/ports/cortex_m) with its linker script. RAM_KB: the header's,
#     unless TVMCRT_BOARD_RAM_KB_<board> is set (tvmcrt_add_firmware(... RAM_KB); netduinoplus2's
#     default is TVMCRT_STM32F4_RAM_KB). MAX_RAM_KB bounds it (what the port's emulator maps).
#
#   tvmcrt_stm32_boards(<out list> PORT ... )
#     tvmcrt_stm32_board() for every header in the calling port's boards/; <out list> gets their
#     names. The other arguments are passed on.
include_guard(GLOBAL)

function(tvmcrt_stm32_board header)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "PORT;LIBRARY;VECTORS;MAX_RAM_KB;STACK_SIZE" "")
  get_filename_component(name ${header} NAME_WE)
  foreach(key NAME RAM_KB FLASH_KB TITLE)
    file(STRINGS ${header} line REGEX "^#define TVMCRT_BOARD_${key} ")
    string(REGEX REPLACE "^#define TVMCRT_BOARD_${key} +\"?([^\"]*)\"?.*$" "\\1" ${key} "${line}")
    if(NOT line OR "${${key}}" STREQUAL "")
      message(FATAL_ERROR "${header}: no '#define TVMCRT_BOARD_${key} <value>' line "
                          "(device/ports/stm32f4/boards/README.md lists what a board header defines)")
    endif()
  endforeach()
  if(NOT NAME STREQUAL name)
    message(FATAL_ERROR "${header}: TVMCRT_BOARD_NAME is '${NAME}', the file is ${name}.h: they must agree (BOARD ${name} picks this file)")
  endif()
  if(DEFINED TVMCRT_BOARD_RAM_KB_${name} AND NOT "${TVMCRT_BOARD_RAM_KB_${name}}" STREQUAL "")
    set(RAM_KB ${TVMCRT_BOARD_RAM_KB_${name}})
  endif()
  if(NOT RAM_KB MATCHES "^[0-9]+$" OR RAM_KB LESS 16 OR RAM_KB GREATER ${arg_MAX_RAM_KB})
    message(FATAL_ERROR "board ${name}: RAM_KB ${RAM_KB}: give the SRAM at 0x20000000 in KiB, 16..${arg_MAX_RAM_KB} "
                        "(${TITLE}: see ${header})")
  endif()
  set(desc ${arg_LIBRARY}_board_${name})
  add_library(${desc} OBJECT ${CMAKE_CURRENT_SOURCE_DIR}/board_desc.c)
  target_compile_definitions(${desc} PRIVATE "TVMCRT_BOARD_HEADER=\"${header}\"")
  target_link_libraries(${desc} PRIVATE ${arg_LIBRARY})
  tvmcrt_strict_warnings(${desc})
  if(name STREQUAL "netduinoplus2")
    set(ram_option "-DTVMCRT_STM32F4_RAM_KB")
  else()
    set(ram_option "TVMCRT_BOARD_RAM_KB in device/ports/${arg_PORT}/boards/${name}.h")
  endif()
  tvmcrt_cm_board(${name} LIBRARY ${arg_LIBRARY} VECTORS ${arg_VECTORS} ${desc}
                  FLASH_ORIGIN 0x08000000 FLASH_KB ${FLASH_KB} RAM_ORIGIN 0x20000000 RAM_KB ${RAM_KB}
                  STACK_SIZE ${arg_STACK_SIZE} RAM_OPTION "${ram_option}" TITLE "${TITLE}")
endfunction()

function(tvmcrt_stm32_boards out)
  file(GLOB headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/boards/*.h)
  set(names "")
  foreach(h IN LISTS headers)
    tvmcrt_stm32_board(${h} ${ARGN})
    get_filename_component(n ${h} NAME_WE)
    list(APPEND names ${n})
  endforeach()
  set(${out} ${names} PARENT_SCOPE)
endfunction()
