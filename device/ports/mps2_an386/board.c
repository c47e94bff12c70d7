/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.c — bring-up and the board functions of the MPS2 AN386: SysTick from the 25 MHz system
 * clock, UART0. The FPGA needs no clock or pin set-up.
 */
#include "tvmcrt_mps2_an386.h"

void tvmcrt_board_init(void) {
  tvmcrt_cm_systick_init(TVMCRT_MPS2_CORE_HZ);
  tvmcrt_mps2_uart_init();
  __asm volatile("cpsie i" ::: "memory");
  tvmcrt_cm_boot_id_mix();
}

const char *tvmcrt_board_platform(void) {
  return "mps2-an386";
}
