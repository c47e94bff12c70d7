/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_stm32l4_board.h — an STM32L4+ board as data (the same board layer as the F4's: one header
 * per board in boards/, board_desc.c): what its chip allows, its clock tree, which UART and pins
 * carry the host link; the clock arithmetic, its check and the start-up sequences
 * (stm32l4_clock.c, stm32l4_uart_setup.c). Plain C: tests/stm32l4 runs it natively against a fake
 * register file.
 */
#ifndef TVMCRT_STM32L4_BOARD_H_
#define TVMCRT_STM32L4_BOARD_H_

#include <stdbool.h>
#include <stdint.h>

#include "tvmcrt_stm32.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TVMCRT_STM32L4_MAX_WAIT_STATES 8

/* What a chip line allows in voltage range 1 (stm32l4_chips.c, with its sources). */
typedef struct tvmcrt_stm32l4_chip {
  const char *name;               /* "STM32L4R5" */
  uint32_t hclk_max_hz;           /* range 1 normal (R1MODE = 1) */
  uint32_t hclk_max_boost_hz;     /* range 1 boost (R1MODE = 0) */
  uint32_t apb_max_hz;            /* APB1 and APB2 */
  uint32_t vco_in_min_hz, vco_in_max_hz, vco_min_hz, vco_max_hz;
  uint8_t pll_m_max;              /* PLLM 1..this */
  uint8_t pll_n_min, pll_n_max;
  uint8_t wait_states, wait_states_boost;  /* entries in the two tables */
  uint32_t ws_max_hz[TVMCRT_STM32L4_MAX_WAIT_STATES];       /* range 1 normal */
  uint32_t ws_max_boost_hz[TVMCRT_STM32L4_MAX_WAIT_STATES]; /* range 1 boost */
} tvmcrt_stm32l4_chip_t;

extern const tvmcrt_stm32l4_chip_t tvmcrt_stm32l4_chip_stm32l4r5;

#define TVMCRT_STM32L4_HSI_HZ 16000000u
#define TVMCRT_STM32L4_MSI_HZ 4000000u /* the reset clock */

typedef enum tvmcrt_stm32l4_source {
  TVMCRT_STM32L4_SOURCE_HSI = 0,        /* the 16 MHz HSI16 */
  TVMCRT_STM32L4_SOURCE_HSE_CRYSTAL = 1,
  TVMCRT_STM32L4_SOURCE_HSE_BYPASS = 2
} tvmcrt_stm32l4_source_t;

typedef struct tvmcrt_stm32l4_clock {
  uint8_t source;      /* tvmcrt_stm32l4_source_t: the PLL's input */
  uint32_t hse_hz;     /* unused with HSI */
  uint8_t pll_m;       /* VCO input = source / M (1..16) */
  uint8_t pll_n;       /* VCO = input x N (8..127) */
  uint8_t pll_r;       /* SYSCLK = VCO / R (2, 4, 6, 8); P and Q stay off */
  uint16_t ahb_div;
  uint8_t apb1_div, apb2_div;
  uint8_t flash_ws;
  bool boost;          /* range 1 boost mode: needed above 80 MHz */
} tvmcrt_stm32l4_clock_t;

typedef struct tvmcrt_stm32l4_clocks {
  uint32_t sysclk_hz, hclk_hz, pclk1_hz, pclk2_hz;
} tvmcrt_stm32l4_clocks_t;

void tvmcrt_stm32l4_clocks(const tvmcrt_stm32l4_clock_t *clock, tvmcrt_stm32l4_clocks_t *out);
/* NULL when the description is within what the chip allows, else one sentence saying what is not. */
const char *tvmcrt_stm32l4_clock_check(const tvmcrt_stm32l4_clock_t *clock, const tvmcrt_stm32l4_chip_t *chip);
uint32_t tvmcrt_stm32l4_pllcfgr(const tvmcrt_stm32l4_clock_t *clock);
uint32_t tvmcrt_stm32l4_cfgr_prescalers(const tvmcrt_stm32l4_clock_t *clock); /* HPRE|PPRE1|PPRE2 */

typedef enum tvmcrt_stm32l4_clock_status {
  TVMCRT_STM32L4_CLOCK_RUNNING = 0,
  TVMCRT_STM32L4_CLOCK_EMULATED,        /* RCC_CR reads 0: nothing was written */
  TVMCRT_STM32L4_CLOCK_INVALID,         /* the description fails its check: on the MSI */
  TVMCRT_STM32L4_CLOCK_REGULATOR_FAILED,/* VOSF never cleared */
  TVMCRT_STM32L4_CLOCK_OSC_FAILED,      /* HSIRDY / HSERDY never came */
  TVMCRT_STM32L4_CLOCK_PLL_FAILED,
  TVMCRT_STM32L4_CLOCK_FLASH_FAILED,
  TVMCRT_STM32L4_CLOCK_SWITCH_FAILED
} tvmcrt_stm32l4_clock_status_t;

/* Programs the clock tree from reset in RM0432's order for range 1 boost ("Dynamic voltage scaling
 * management": AHB /2 before the faster clock, R1MODE = 0, wait states, the switch, at least 1 us,
 * then AHB /1). Every wait is bounded (TVMCRT_STM32_CLOCK_POLLS); on a failure the chip goes back
 * to the HSI16 (or the MSI if the HSI is what failed) with every prescaler at 1. `out`: the clocks
 * actually running (all 0 when EMULATED). */
tvmcrt_stm32l4_clock_status_t tvmcrt_stm32l4_clock_start(const tvmcrt_stm32l4_clock_t *clock,
                                                         const tvmcrt_stm32l4_chip_t *chip,
                                                         tvmcrt_stm32l4_clocks_t *out);
const char *tvmcrt_stm32l4_clock_status_text(tvmcrt_stm32l4_clock_status_t status);

/* A UART instance. `lpuart`: BRR = 256 x clock / baud (at least 0x300), else 16x oversampling. */
typedef struct tvmcrt_stm32l4_uart {
  const char *name;    /* "LPUART1" */
  uint32_t base;
  uint8_t irq;
  uint32_t enable_reg; /* RCC_APB1ENR1/2 or RCC_APB2ENR */
  uint8_t enable_bit;
  uint8_t af;
  bool lpuart;
  bool apb2;           /* its clock is PCLK2 (else PCLK1) */
} tvmcrt_stm32l4_uart_t;

/* LPUART1 = 0, USART1..3 = 1..3. NULL for any other. */
const tvmcrt_stm32l4_uart_t *tvmcrt_stm32l4_uart(uint8_t id);
uint32_t tvmcrt_stm32l4_uart_clock_hz(const tvmcrt_stm32l4_uart_t *uart, const tvmcrt_stm32l4_clocks_t *clocks);
/* BRR for `uart` at `clock_hz`, rounded; 0 when the rate cannot be made (an LPUART needs 3 x baud
 * <= clock <= 4096 x baud). */
uint32_t tvmcrt_stm32l4_brr(const tvmcrt_stm32l4_uart_t *uart, uint32_t clock_hz, uint32_t baud);

typedef struct tvmcrt_stm32l4_board {
  const char *name, *title, *host_port;
  const tvmcrt_stm32l4_chip_t *chip;
  uint8_t uart;        /* tvmcrt_stm32l4_uart() id */
  tvmcrt_stm32_pin_t tx, rx;
  uint32_t baud;
  tvmcrt_stm32l4_clock_t clock;
  uint32_t ram_kb, flash_kb;
} tvmcrt_stm32l4_board_t;

extern const tvmcrt_stm32l4_board_t tvmcrt_stm32l4_board;

/* GPIO and UART clocks on, VDDIO2 declared valid when a pin is on PG2..PG15, TX/RX to the UART's
 * alternate function (RX with a pull-up), BRR, 8N1 with the receive interrupt. NULL (nothing
 * written) for an unknown UART. */
const tvmcrt_stm32l4_uart_t *tvmcrt_stm32l4_uart_setup(const tvmcrt_stm32l4_board_t *board,
                                                       const tvmcrt_stm32l4_clocks_t *clocks);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_STM32L4_BOARD_H_ */
