/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.c — bring-up and the board functions (tvmcrt_cortex_m.h) of every STM32F4 board: the
 * board's clock tree (stm32f4_clock.c), the tick at its HCLK, its USART, and a platform line that
 * says what runs.
 *
 * Under QEMU the RCC reads 0: the clock set-up writes nothing and waits on nothing, the tick counts
 * at the 168 MHz netduinoplus2 emulates, and QEMU ignores BRR and the pin set-up. On silicon every
 * wait on a ready bit is bounded; a clock that does not start leaves the chip on its 16 MHz HSI
 * and the platform line says why.
 */
#include "tvmcrt_cm_text.h"
#include "tvmcrt_stm32f4.h"

static tvmcrt_stm32f4_clock_status_t clock_status;
static tvmcrt_stm32f4_clocks_t clocks;
static char platform[224];

bool tvmcrt_stm32f4_emulated(void) {
  return clock_status == TVMCRT_STM32F4_CLOCK_EMULATED;
}

/* "stm32f4 nucleo_f446re: STM32F446 at 180 MHz (PLL from HSE 8 MHz), times from the DWT cycle
 * counter at 180 MHz"; under QEMU "stm32f4-emulated nucleo_f446re: clock set-up skipped: the RCC
 * reads 0 (an emulator), times from SysTick at 168 MHz". */
static void describe(const tvmcrt_stm32f4_board_t *b) {
  char note[112];
  tvmcrt_cm_text_t t = tvmcrt_cm_text(note, sizeof note);
  if (clock_status != TVMCRT_STM32F4_CLOCK_RUNNING) {
    tvmcrt_cm_text_str(&t, tvmcrt_stm32f4_clock_status_text(clock_status));
  } else if (b->clock.source == TVMCRT_STM32F4_SOURCE_HSI) {
    tvmcrt_cm_text_str(&t, "PLL from HSI");
  } else {
    tvmcrt_cm_text_str(&t, "PLL from HSE ");
    tvmcrt_cm_text_hz(&t, b->clock.hse_hz);
  }
  tvmcrt_cm_platform_line(platform, sizeof platform, "stm32f4", b->name, b->chip->name,
                          tvmcrt_stm32f4_emulated() ? 0 : clocks.hclk_hz, note);
}

void tvmcrt_board_init(void) {
  const tvmcrt_stm32f4_board_t *b = &tvmcrt_stm32f4_board;
  clock_status = tvmcrt_stm32f4_clock_start(&b->clock, b->chip, &clocks);
  tvmcrt_stm32f4_clocks_t uart_clocks = clocks;
  if (tvmcrt_stm32f4_emulated()) { /* QEMU ignores BRR; the HSI figures keep it a sane number */
    uart_clocks.sysclk_hz = uart_clocks.hclk_hz = uart_clocks.pclk1_hz = uart_clocks.pclk2_hz = TVMCRT_STM32F4_HSI_HZ;
  }
  tvmcrt_cm_systick_init(tvmcrt_stm32f4_emulated() ? TVMCRT_STM32F4_EMULATED_CORE_HZ : clocks.hclk_hz);
  tvmcrt_stm32f4_uart_init(&uart_clocks);
  __asm volatile("cpsie i" ::: "memory");
  tvmcrt_cm_boot_id_mix();
  describe(b);
}

uint32_t tvmcrt_board_rx_lost(void) {
  tvmcrt_stm32f4_uart_stats_t st;
  tvmcrt_stm32f4_uart_stats(&st);
  return st.rx_dropped + st.rx_overruns;
}

const char *tvmcrt_board_platform(void) {
  return platform;
}
