# SPDX-License-Identifier: Apache-2.0
# TvmcrtFitCheck.cmake — will the firmware fit the board? Run before the link of every agent image
# (tvmcrt_cm_agent_image(), device/ports/cortex_m/CMakeLists.txt):
#
#   cmake -DINPUT=<image>_fit_input.cmake -P TvmcrtFitCheck.cmake
#
# INPUT sets IMAGE, BOARD, SIZE_TOOL (arm-none-eabi-size), RAM_KB, FLASH_KB, STACK_SIZE, RAM_OPTION,
# FOOTPRINT_FILE (where the per-model figures go, "model=NAME flash=B ram=B static=B workspace=B io=B"
# lines: the link step puts them into the image's .tvmcrt.footprint section for tvmcrt-host profile)
# (how to change the board's RAM), AGENT_FILES (the agent's archives and objects), MODELS
# ("name|archive|tvmcrt_model_<m>.h|..._slots.h" each) and FIT_BOARDS (every board of the build,
# "name|RAM KiB|flash KiB|what it is", from tvmcrt_cm_board()).
#
# Per model it adds up flash (code, weights, initialised data) and RAM: its own static data (TVM's
# internal USMP pools live in .bss.noinit.tvm), the arena the agent reserves for its pools and stack
# workspace (TVMCRT_<M>_ARENA_NEED) and its I/O buffers (the _SIZE macros plus the 16 canary bytes
# after each, rounded to the alignment as the model table does). The agent's part is sized the same
# way, plus the reserved stack.
# RAM comes out within the linker's alignment padding (tens of bytes: 37540 here against 37564 in the
# linked image); flash leaves out newlib's few hundred bytes and counts code --gc-sections drops. The
# linker script's own ASSERT stays the final word for an image within those margins of the limit.
#
# When RAM or flash does not fit, the build stops with the table, what to change and the boards the
# image would fit (FIT_BOARDS); otherwise the table is printed, so a build log always shows the
# budget.
include(${INPUT})

# Flash and RAM bytes of the allocated sections in archives/objects, from `size -A`.
function(_fit_size out_flash out_ram)
  set(flash 0)
  set(ram 0)
  if(ARGN)
    execute_process(COMMAND ${SIZE_TOOL} -A ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE rc
                    ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "tvmcrt fit check: ${SIZE_TOOL} -A failed: ${err}")
    endif()
    string(REPLACE "\n" ";" lines "${text}")
    foreach(line IN LISTS lines)
      if(NOT line MATCHES "^(\\.[^ \t]+)[ \t]+([0-9]+)[ \t]+[0-9]+")
        continue()
      endif()
      set(sec ${CMAKE_MATCH_1})
      set(n ${CMAKE_MATCH_2})
      if(sec MATCHES "^\\.(text|rodata|ARM\\.exidx|isr_vector)")
        math(EXPR flash "${flash} + ${n}")
      elseif(sec MATCHES "^\\.data")
        math(EXPR flash "${flash} + ${n}")
        math(EXPR ram "${ram} + ${n}")
      elseif(sec MATCHES "^\\.(bss|noinit)")
        math(EXPR ram "${ram} + ${n}")
      endif()
    endforeach()
  endif()
  set(${out_flash} ${flash} PARENT_SCOPE)
  set(${out_ram} ${ram} PARENT_SCOPE)
endfunction()

# Value of `#define <name> <integer>` in a generated header.
function(_fit_macro file name out)
  file(STRINGS ${file} line REGEX "^#define ${name} [0-9]+")
  if(NOT line)
    message(FATAL_ERROR "tvmcrt fit check: ${file} has no ${name}; rebuild the model (tvmcrt-import)")
  endif()
  string(REGEX MATCH "[0-9]+" v "${line}")
  set(${out} ${v} PARENT_SCOPE)
endfunction()

function(_fit_kib bytes out)  # "12.3 KiB"
  math(EXPR whole "${bytes} / 1024")
  math(EXPR tenth "(${bytes} % 1024) * 10 / 1024")
  set(${out} "${whole}.${tenth} KiB" PARENT_SCOPE)
endfunction()

function(_fit_row label flash ram detail)
  string(LENGTH "${label}" n)
  math(EXPR pad "22 - ${n}")
  if(pad LESS 1)
    set(pad 1)
  endif()
  string(REPEAT " " ${pad} sp)
  set(row "  ${label}${sp}")
  foreach(v flash ram)
    set(cell "${${v}}")
    string(LENGTH "${cell}" n)
    math(EXPR pad "10 - ${n}")
    if(pad LESS 1)
      set(pad 1)
    endif()
    string(REPEAT " " ${pad} sp)
    string(APPEND row "${sp}${cell}")
  endforeach()
  set(TABLE "${TABLE}${row}  ${detail}\n" PARENT_SCOPE)
endfunction()

set(TABLE "")
set(FOOTPRINT "")  # the per-model figures, for the image's .tvmcrt.footprint section (FOOTPRINT_FILE)
_fit_row("part" "flash B" "RAM B" "RAM = static data + workspace (pools, stack workspace) + I/O buffers")
set(total_flash 0)
set(total_ram 0)
set(largest_name "")
set(largest_ram 0)
foreach(entry IN LISTS MODELS)
  string(REPLACE "|" ";" f "${entry}")
  list(GET f 0 name)
  list(GET f 1 archive)
  list(GET f 2 header)
  list(GET f 3 slots)
  string(TOUPPER "${name}" up)
  _fit_size(flash static ${archive})
  _fit_macro(${slots} TVMCRT_${up}_ARENA_NEED workspace)
  _fit_macro(${header} TVMCRT_${up}_IO_ALIGNMENT align)
  if(align LESS 16)
    set(align 16)
  endif()
  file(STRINGS ${header} io_lines REGEX "^#define TVMCRT_${up}_(IN|OUT)PUT_[A-Z0-9_]+_SIZE [0-9]+")
  set(io 0)
  foreach(line IN LISTS io_lines)
    string(REGEX MATCH "[0-9]+$" n "${line}")
    # + the agent's canary after each buffer (TVMCRT_AGENT_IO_GUARD_SIZE, tvmcrt_agent_models.h)
    math(EXPR io "${io} + (${n} + 16 + ${align} - 1) / ${align} * ${align}")
  endforeach()
  math(EXPR ram "${static} + ${workspace} + ${io}")
  _fit_row("model ${name}" ${flash} ${ram} "= ${static} + ${workspace} + ${io}")
  string(APPEND FOOTPRINT "model=${name} flash=${flash} ram=${ram} static=${static} workspace=${workspace} io=${io}\n")
  math(EXPR total_flash "${total_flash} + ${flash}")
  math(EXPR total_ram "${total_ram} + ${ram}")
  if(ram GREATER largest_ram)
    set(largest_ram ${ram})
    set(largest_name ${name})
  endif()
endforeach()
_fit_size(agent_flash agent_ram ${AGENT_FILES})
_fit_row("agent, runtime, port" ${agent_flash} ${agent_ram} "static data (receive ring, frame buffers)")
_fit_row("stack" 0 ${STACK_SIZE} "reserved at the top of RAM (STACK_SIZE)")
math(EXPR total_flash "${total_flash} + ${agent_flash}")
math(EXPR total_ram "${total_ram} + ${agent_ram} + ${STACK_SIZE}")
math(EXPR board_ram "${RAM_KB} * 1024")
math(EXPR board_flash "${FLASH_KB} * 1024")
_fit_row("total" ${total_flash} ${total_ram} "")
_fit_row("board ${BOARD}" ${board_flash} ${board_ram} "RAM_KB ${RAM_KB}, flash ${FLASH_KB} KiB")

set(problems "")
if(total_ram GREATER board_ram)
  math(EXPR over "${total_ram} - ${board_ram}")
  _fit_kib(${over} over_k)
  string(APPEND problems "RAM: ${total_ram} B needed, the board has ${board_ram} B (${over} B = ${over_k} over). "
    "The largest user of RAM is model ${largest_name} (${largest_ram} B). Fix: build for a board with "
    "more RAM (BOARD and RAM_KB of tvmcrt_add_firmware(), --board/--ram-kb of build-model, ${RAM_OPTION}), "
    "put fewer models in this image, or compile the model with a smaller workspace (USMP: tvmc "
    "--pass-config tir.usmp.enable=1).\n")
endif()
if(total_flash GREATER board_flash)
  math(EXPR over "${total_flash} - ${board_flash}")
  string(APPEND problems "Flash: ${total_flash} B needed, the board has ${board_flash} B (${over} B over). "
    "Fix: put fewer models in this image, or quantize the model (int8 weights are a quarter of float32).\n")
endif()
if(problems)
  set(fits "")
  foreach(entry IN LISTS FIT_BOARDS)
    string(REPLACE "|" ";" f "${entry}")
    list(GET f 0 name)
    list(GET f 1 ram_kb)
    list(GET f 2 flash_kb)
    list(GET f 3 what)
    math(EXPR ram_b "${ram_kb} * 1024")
    math(EXPR flash_b "${flash_kb} * 1024")
    if(total_ram LESS_EQUAL ram_b AND total_flash LESS_EQUAL flash_b
       AND NOT (name STREQUAL BOARD AND ram_kb LESS_EQUAL RAM_KB))
      string(APPEND fits "  ${name} with RAM_KB ${ram_kb}: ${what}\n")
    endif()
  endforeach()
  if(fits)
    set(fits "It fits these boards:\n${fits}")
  else()
    set(fits "No board tvmcrt has a port for holds it.\n")
  endif()
  message(FATAL_ERROR "tvmcrt: firmware ${IMAGE} does not fit the board ${BOARD} (RAM_KB ${RAM_KB}, "
                      "flash ${FLASH_KB} KiB):\n${TABLE}${problems}${fits}")
endif()
if(FOOTPRINT_FILE)
  string(APPEND FOOTPRINT "agent flash=${agent_flash} ram=${agent_ram}\nstack ram=${STACK_SIZE}\n")
  file(WRITE ${FOOTPRINT_FILE} "${FOOTPRINT}")
endif()
math(EXPR free "${board_ram} - ${total_ram}")
message("tvmcrt: ${IMAGE} fits board ${BOARD}: RAM ${total_ram} of ${board_ram} B (${free} B free), flash ${total_flash} of ${board_flash} B\n${TABLE}")
