# SPDX-License-Identifier: Apache-2.0
# link_check.cmake — the STM32F4 linker script refuses images whose RAM does not fit, with a message
# that says what to change. Run: cmake -DCC=<arm-none-eabi-gcc> -DLD_SCRIPT=<stm32f4.ld>
#   -DWORK=<dir> -P link_check.cmake
# Links a stand-in image whose model arena (.bss.noinit.tvm) is ARENA KiB, three times:
#   fits                -> links
#   fits RAM, no stack  -> fails with the tvmcrt ASSERT text (the stack reservation is the only overflow)
#   larger than RAM     -> fails
foreach(v CC LD_SCRIPT WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "link_check.cmake: pass -D${v}=...")
  endif()
endforeach()
if(NOT EXISTS ${LD_SCRIPT})
  message(FATAL_ERROR "link_check: ${LD_SCRIPT} not found: build the firmware first (cmake --build <build>)")
endif()
file(MAKE_DIRECTORY ${WORK})

function(try_link arena_kb out_rc out_text)
  set(src ${WORK}/arena_${arena_kb}.c)
  file(WRITE ${src} "#include <stdint.h>
uint8_t arena[${arena_kb} * 1024] __attribute__((section(\".bss.noinit.tvm\")));
void Reset_Handler(void);
void Reset_Handler(void) { arena[0] = 1; for (;;) {} }
")
  execute_process(COMMAND ${CC} -mcpu=cortex-m4 -mthumb -nostartfiles -nostdlib -T${LD_SCRIPT}
                          -Wl,--defsym=__stack_size=8192 ${src} -o ${WORK}/arena_${arena_kb}.elf
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  set(${out_rc} ${rc} PARENT_SCOPE)
  set(${out_text} "${out}" PARENT_SCOPE)
endfunction()

# RAM_KB comes from the script itself: "LENGTH = <n>K" on the RAM line.
file(STRINGS ${LD_SCRIPT} ram_line REGEX "RAM +\\(rwx\\)")
string(REGEX MATCH "LENGTH = ([0-9]+)K" _ "${ram_line}")
set(ram_kb ${CMAKE_MATCH_1})

math(EXPR fits "${ram_kb} - 16")       # 8 KiB stack + slack
math(EXPR no_stack "${ram_kb} - 4")    # fits the region, not with the 8 KiB stack
math(EXPR too_big "${ram_kb} + 4")

try_link(${fits} rc text)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "link_check: a ${fits} KiB arena in ${ram_kb} KiB of RAM should link:\n${text}")
endif()
foreach(kb ${no_stack} ${too_big})
  try_link(${kb} rc text)
  if(rc EQUAL 0)
    message(FATAL_ERROR "link_check: a ${kb} KiB arena in ${ram_kb} KiB of RAM linked; it must not")
  endif()
  if(NOT text MATCHES "tvmcrt: RAM overflow: .* Shrink the model arena")
    message(FATAL_ERROR "link_check: the ${kb} KiB link failed without the tvmcrt message:\n${text}")
  endif()
endforeach()
message(STATUS "link_check: ${fits} KiB arena links; ${no_stack} and ${too_big} KiB fail with the tvmcrt message (RAM ${ram_kb} KiB)")
