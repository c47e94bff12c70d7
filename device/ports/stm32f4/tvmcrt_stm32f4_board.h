/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_stm32f4_board.h — an STM32F4 board as data: what its chip allows, how its clock tree is
 * set, which USART and pins carry the host link; the clock arithmetic, its check and the start-up
 * sequences that program it (stm32f4_clock.c, stm32f4_uart_setup.c).
 *
 * A board is one header of #defines in boards/ (boards/README.md); board_desc.c turns it into a
 * tvmcrt_stm32f4_board_t. What the STM32 families share (register access, GPIO, prescaler
 * encodings, waits, check sentences) is device/ports/stm32. Nothing here needs a Cortex-M:
 * tests/stm32f4 builds these files natively with a fake register file and checks every board's
 * register values and write sequence against tables worked out from the reference manuals.
 */
#ifndef TVMCRT_STM32F4_BOARD_H_
#define TVMCRT_STM32F4_BOARD_H_

#include <stdbool.h>
#include <stdint.h>

#include "tvmcrt_stm32.h"

#ifdef __cplusplus
extern "C" {
#endif

/*--------------------------------------------------------------------------------------------------
 * What a chip line allows (stm32f4_chips.c: one entry per line, figures from its reference manual
 * and datasheet, each with its source).
 *------------------------------------------------------------------------------------------------*/

#define TVMCRT_STM32F4_MAX_WAIT_STATES 8

typedef struct tvmcrt_stm32f4_chip {
  const char *name;              /* "STM32F401" */
  uint32_t hclk_max_hz[4];       /* per voltage scale 1..3 ([0] unused); 0: no such scale */
  uint32_t hclk_max_od_hz[4];    /* the same with over-drive on; 0: no over-drive */
  uint32_t apb1_max_hz, apb2_max_hz;       /* without over-drive */
  uint32_t apb1_max_od_hz, apb2_max_od_hz; /* with over-drive (0: none) */
  uint16_t pll_n_min;            /* PLLN lower bound; the upper one is 432 on every F4 */
  uint32_t vco_min_hz;           /* VCO output lower bound; the upper one is 432 MHz */
  uint8_t vos_bits[4];           /* PWR_CR VOS field value per scale ([0] unused) */
  uint8_t vos_width;             /* 1 (F405/407: bit 14) or 2 (bits 15:14) */
  uint8_t wait_states;           /* entries in ws_max_hz */
  uint32_t ws_max_hz[TVMCRT_STM32F4_MAX_WAIT_STATES]; /* highest HCLK for n wait states, 2.7-3.6 V */
} tvmcrt_stm32f4_chip_t;

extern const tvmcrt_stm32f4_chip_t tvmcrt_stm32f4_chip_stm32f401, tvmcrt_stm32f4_chip_stm32f411,
    tvmcrt_stm32f4_chip_stm32f405_407, tvmcrt_stm32f4_chip_stm32f42x, tvmcrt_stm32f4_chip_stm32f446;

/*--------------------------------------------------------------------------------------------------
 * A board's clock tree
 *------------------------------------------------------------------------------------------------*/

#define TVMCRT_STM32F4_HSI_HZ 16000000u

typedef enum tvmcrt_stm32f4_source {
  TVMCRT_STM32F4_SOURCE_HSI = 0,        /* the 16 MHz internal RC: no part on the board needed */
  TVMCRT_STM32F4_SOURCE_HSE_CRYSTAL = 1,/* a crystal on OSC_IN/OSC_OUT */
  TVMCRT_STM32F4_SOURCE_HSE_BYPASS = 2  /* a clock driven into OSC_IN (the ST-LINK's MCO on Nucleo) */
} tvmcrt_stm32f4_source_t;

typedef struct tvmcrt_stm32f4_clock {
  uint8_t source;        /* tvmcrt_stm32f4_source_t: the PLL's input */
  uint32_t hse_hz;       /* HSE frequency; unused with HSI */
  uint8_t pll_m;         /* VCO input = source / M, 1..2 MHz */
  uint16_t pll_n;        /* VCO output = VCO input x N */
  uint8_t pll_p;         /* SYSCLK = VCO / P (2, 4, 6, 8) */
  uint8_t pll_q;         /* PLL48CK = VCO / Q (2..15), at most 48 MHz; tvmcrt uses no USB */
  uint16_t ahb_div;      /* HCLK = SYSCLK / AHB (1, 2, 4 ... 512 but not 32) */
  uint8_t apb1_div;      /* PCLK1 = HCLK / APB1 (1, 2, 4, 8, 16): USART2/3 */
  uint8_t apb2_div;      /* PCLK2 = HCLK / APB2: USART1/6 */
  uint8_t flash_ws;      /* FLASH_ACR LATENCY, at least the chip's table for HCLK */
  uint8_t vos_scale;     /* regulator voltage scale 1..3 */
  bool overdrive;        /* F42x/F446 above 168 MHz */
} tvmcrt_stm32f4_clock_t;

/* The frequencies a clock description gives. */
typedef struct tvmcrt_stm32f4_clocks {
  uint32_t sysclk_hz, hclk_hz, pclk1_hz, pclk2_hz;
} tvmcrt_stm32f4_clocks_t;

/* The clocks the description asks for (no check; integer Hz, the PLL chain in order). */
void tvmcrt_stm32f4_clocks(const tvmcrt_stm32f4_clock_t *clock, tvmcrt_stm32f4_clocks_t *out);
/* NULL when the description is within what the chip allows, else what is wrong: the field, its
 * value and the limit, as one sentence. */
const char *tvmcrt_stm32f4_clock_check(const tvmcrt_stm32f4_clock_t *clock, const tvmcrt_stm32f4_chip_t *chip);

/* Register values, for the start-up sequence and the tests. */
uint32_t tvmcrt_stm32f4_pllcfgr(const tvmcrt_stm32f4_clock_t *clock, uint32_t old); /* keeps reserved bits */
uint32_t tvmcrt_stm32f4_cfgr_prescalers(const tvmcrt_stm32f4_clock_t *clock);      /* HPRE|PPRE1|PPRE2 */
uint32_t tvmcrt_stm32f4_pwr_cr(const tvmcrt_stm32f4_clock_t *clock, const tvmcrt_stm32f4_chip_t *chip,
                               uint32_t old); /* VOS field set */
/* USART BRR with 16x oversampling (OVER8 = 0): the bus clock over the baud rate, rounded; the
 * mantissa/fraction split of the manuals' USARTDIV is the same number. Its baud error:
 * tvmcrt_stm32_baud_error_ppm(pclk_hz, brr, baud). */
uint32_t tvmcrt_stm32f4_brr(uint32_t pclk_hz, uint32_t baud);

typedef enum tvmcrt_stm32f4_clock_status {
  TVMCRT_STM32F4_CLOCK_RUNNING = 0,      /* the board's clock tree runs */
  TVMCRT_STM32F4_CLOCK_EMULATED,         /* RCC_CR reads 0 (QEMU): nothing was written */
  TVMCRT_STM32F4_CLOCK_INVALID,          /* the description fails tvmcrt_stm32f4_clock_check() */
  TVMCRT_STM32F4_CLOCK_HSE_FAILED,       /* HSERDY never came: no crystal, or no MCO from the ST-LINK */
  TVMCRT_STM32F4_CLOCK_OVERDRIVE_FAILED, /* ODRDY or ODSWRDY never came */
  TVMCRT_STM32F4_CLOCK_FLASH_FAILED,     /* FLASH_ACR did not take the wait states */
  TVMCRT_STM32F4_CLOCK_PLL_FAILED,       /* PLLRDY never came */
  TVMCRT_STM32F4_CLOCK_SWITCH_FAILED     /* SWS never showed the PLL */
} tvmcrt_stm32f4_clock_status_t;

/* Programs the clock tree from reset (RM0090 "Entering Over-drive mode" gives the order; the other
 * manuals the same without over-drive): PWR clock, voltage scale, HSE, PLL, over-drive, wait states
 * and prescalers, PLL lock, switch. Every wait is bounded (TVMCRT_STM32_CLOCK_POLLS). On any
 * failure the chip is put back on the 16 MHz HSI with every prescaler at 1, which runs on any F4.
 * `out` gets the clocks actually running (all 0 when EMULATED). */
tvmcrt_stm32f4_clock_status_t tvmcrt_stm32f4_clock_start(const tvmcrt_stm32f4_clock_t *clock,
                                                         const tvmcrt_stm32f4_chip_t *chip,
                                                         tvmcrt_stm32f4_clocks_t *out);
/* "HSE did not start" ...: for the platform string. */
const char *tvmcrt_stm32f4_clock_status_text(tvmcrt_stm32f4_clock_status_t status);

/*--------------------------------------------------------------------------------------------------
 * A board
 *------------------------------------------------------------------------------------------------*/

typedef tvmcrt_stm32_pin_t tvmcrt_stm32f4_pin_t;

typedef struct tvmcrt_stm32f4_board {
  const char *name;        /* "nucleo_f401re": the file name in boards/, BOARD in CMake */
  const char *title;       /* "NUCLEO-F401RE" */
  const char *host_port;   /* how the host reaches the UART, for people */
  const tvmcrt_stm32f4_chip_t *chip;
  uint8_t usart;           /* 1, 2, 3 or 6 */
  tvmcrt_stm32f4_pin_t tx, rx;
  uint32_t baud;
  tvmcrt_stm32f4_clock_t clock;
  uint32_t ram_kb, flash_kb;
} tvmcrt_stm32f4_board_t;

/* The image's board (board_desc.c, built from the board header the image was configured with). */
extern const tvmcrt_stm32f4_board_t tvmcrt_stm32f4_board;

/* A USART instance: where it is, its interrupt, its bus, its clock-enable bit, its pins' AF. */
typedef struct tvmcrt_stm32f4_usart {
  uint8_t id;          /* 1, 2, 3, 6 */
  uint32_t base;
  uint8_t irq;
  uint8_t apb;         /* 1 or 2 */
  uint8_t enable_bit;  /* in RCC_APB1ENR / RCC_APB2ENR */
  uint8_t af;          /* GPIO alternate function of its TX/RX pins */
} tvmcrt_stm32f4_usart_t;

/* NULL for a USART this port does not know. */
const tvmcrt_stm32f4_usart_t *tvmcrt_stm32f4_usart(uint8_t id);
/* The bus clock of that USART for these clocks. */
uint32_t tvmcrt_stm32f4_usart_clock_hz(const tvmcrt_stm32f4_usart_t *usart, const tvmcrt_stm32f4_clocks_t *clocks);
/* Clocks on for the GPIO ports and the USART, TX/RX to the USART's alternate function (RX with a
 * pull-up: an unconnected line reads idle, not noise), BRR from `clocks`, 8N1 with the receive
 * interrupt on. Returns the USART, or NULL (nothing written) when the board names an unknown one. */
const tvmcrt_stm32f4_usart_t *tvmcrt_stm32f4_uart_setup(const tvmcrt_stm32f4_board_t *board,
                                                       const tvmcrt_stm32f4_clocks_t *clocks);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_STM32F4_BOARD_H_ */
