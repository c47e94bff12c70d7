/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.c — bring-up and the platform line of every STM32L4+ board: the clock tree
 * (stm32l4_clock.c), the tick at its HCLK, its UART. An emulator without an RCC (RCC_CR reads 0)
 * gets no clock writes; on silicon every wait is bounded and a clock that does not start leaves the
 * chip on the HSI16 or the MSI, which the platform line names.
 */
#include "tvmcrt_cm_text.h"
#include "tvmcrt_stm32l4.h"

static tvmcrt_stm32l4_clock_status_t clock_status;
static tvmcrt_stm32l4_clocks_t clocks;
static char platform[224];

void tvmcrt_board_init(void) {
  const tvmcrt_stm32l4_board_t *b = &tvmcrt_stm32l4_board;
  clock_status = tvmcrt_stm32l4_clock_start(&b->clock, b->chip, &clocks);
  bool emulated = clock_status == TVMCRT_STM32L4_CLOCK_EMULATED;
  tvmcrt_stm32l4_clocks_t uart_clocks = clocks;
  if (emulated) { /* a rate for the BRR formula; the emulator's own does not matter */
    uart_clocks.sysclk_hz = uart_clocks.hclk_hz = uart_clocks.pclk1_hz = uart_clocks.pclk2_hz = TVMCRT_STM32L4_MSI_HZ;
  }
  tvmcrt_cm_systick_init(emulated ? TVMCRT_STM32L4_MSI_HZ : clocks.hclk_hz);
  tvmcrt_stm32l4_uart_init(&uart_clocks);
  __asm volatile("cpsie i" ::: "memory");
  tvmcrt_cm_boot_id_mix();

  char note[96];
  tvmcrt_cm_text_t t = tvmcrt_cm_text(note, sizeof note);
  if (clock_status != TVMCRT_STM32L4_CLOCK_RUNNING) {
    tvmcrt_cm_text_str(&t, tvmcrt_stm32l4_clock_status_text(clock_status));
  } else {
    tvmcrt_cm_text_str(&t, b->clock.source == TVMCRT_STM32L4_SOURCE_HSI ? "PLL from HSI16" : "PLL from HSE ");
    if (b->clock.source != TVMCRT_STM32L4_SOURCE_HSI) tvmcrt_cm_text_hz(&t, b->clock.hse_hz);
    if (b->clock.boost) tvmcrt_cm_text_str(&t, ", range 1 boost");
  }
  tvmcrt_cm_platform_line(platform, sizeof platform, "stm32l4", b->name, b->chip->name,
                          emulated ? 0 : clocks.hclk_hz, note);
}

const char *tvmcrt_board_platform(void) {
  return platform;
}
