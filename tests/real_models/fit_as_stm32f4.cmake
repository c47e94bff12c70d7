# SPDX-License-Identifier: Apache-2.0
# fit_as_stm32f4.cmake — runs the fit check (FIT_CHECK) on an image's input (INPUT) as if the image
# were for the STM32F4 with 128 KiB of RAM; prints what the check printed, fails if it passed.
set(wrapped ${CMAKE_CURRENT_BINARY_DIR}/fit_as_stm32f4_input.cmake)
file(WRITE ${wrapped} "include([==[${INPUT}]==])
set(BOARD stm32f4)
set(RAM_KB 128)
set(FLASH_KB 1024)
set(STACK_SIZE 8192)
set(RAM_OPTION -DTVMCRT_STM32F4_RAM_KB)
")
execute_process(COMMAND ${CMAKE_COMMAND} -DINPUT=${wrapped} -P ${FIT_CHECK}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX REPLACE "[ \n]+" " " text "${out}${err}")
message("${text}")
if(rc EQUAL 0)
  message(FATAL_ERROR "the fit check passed an image that needs more RAM than the STM32F4 has")
endif()
