/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stm32f4_chips.c — what each STM32F4 line allows, for tvmcrt_stm32f4_clock_check(). One entry per
 * line; a board header names its chip (TVMCRT_BOARD_CHIP). Every figure is for a 2.7-3.6 V supply
 * (all the boards in boards/ run the chip at 3.3 V), and says where it comes from:
 *
 *   HCLK per voltage scale, over-drive:  the datasheet's "General operating conditions" table (fHCLK
 *                                        per VOS setting) and the reference manual's "Voltage
 *                                        regulator" section (PWR chapter)
 *   APB1 / APB2 limits:                  the same table (fPCLK1, fPCLK2)
 *   PLLN, VCO range:                     the manual's RCC_PLLCFGR description (PLLN field)
 *   wait states:                         the manual's "Number of wait states according to CPU clock
 *                                        (HCLK) frequency" table (flash chapter), column 2.7-3.6 V
 *   VOS encoding:                        the manual's PWR_CR description (VOS field)
 *
 * Manuals: RM0368 (F401), RM0383 (F411), RM0090 (F405/407 and F42x/43x, with a wait-state table
 * for each), RM0390 (F446). Datasheets: DS9716 (F401xD/E), DS10314 (F411xC/E), DS8626 (F405/407),
 * DS9405 (F427/429), DS10693 (F446).
 */
#include "tvmcrt_stm32f4_board.h"

#define MHZ 1000000u

/* RM0368: VOS 01 = scale 3 (fHCLK <= 60 MHz), 10 = scale 2 (<= 84 MHz), no scale 1; PLLN 192..432
 * with a VCO of 192..432 MHz (stricter than the other lines); wait states 0/1/2 up to 30/60/84 MHz. */
const tvmcrt_stm32f4_chip_t tvmcrt_stm32f4_chip_stm32f401 = {
    .name = "STM32F401",
    .hclk_max_hz = {0, 0, 84 * MHZ, 60 * MHZ},
    .apb1_max_hz = 42 * MHZ, .apb2_max_hz = 84 * MHZ,
    .pll_n_min = 192, .vco_min_hz = 192 * MHZ,
    .vos_bits = {0, 0, 2, 1}, .vos_width = 2,
    .wait_states = 3, .ws_max_hz = {30 * MHZ, 60 * MHZ, 84 * MHZ},
};

/* RM0383 / DS10314: scale 1 (VOS 11) <= 100 MHz, scale 2 (10) <= 84, scale 3 (01) <= 64; APB1 <= 50
 * MHz; wait states 0..3 up to 30/64/90/100 MHz. PLLN from 192 as on the F401 (the bound ST's own
 * library checks for F411xE; the manual's VCO range alone would allow less). */
const tvmcrt_stm32f4_chip_t tvmcrt_stm32f4_chip_stm32f411 = {
    .name = "STM32F411",
    .hclk_max_hz = {0, 100 * MHZ, 84 * MHZ, 64 * MHZ},
    .apb1_max_hz = 50 * MHZ, .apb2_max_hz = 100 * MHZ,
    .pll_n_min = 192, .vco_min_hz = 100 * MHZ,
    .vos_bits = {0, 3, 2, 1}, .vos_width = 2,
    .wait_states = 4, .ws_max_hz = {30 * MHZ, 64 * MHZ, 90 * MHZ, 100 * MHZ},
};

/* RM0090 / DS8626: VOS is bit 14 alone, 1 = scale 1 (<= 168 MHz), 0 = scale 2 (<= 144); PLLN from
 * 50, VCO 100..432 MHz; the F405/407 wait-state table: one per 30 MHz up to 5 at 168. */
const tvmcrt_stm32f4_chip_t tvmcrt_stm32f4_chip_stm32f405_407 = {
    .name = "STM32F405/407",
    .hclk_max_hz = {0, 168 * MHZ, 144 * MHZ, 0},
    .apb1_max_hz = 42 * MHZ, .apb2_max_hz = 84 * MHZ,
    .pll_n_min = 50, .vco_min_hz = 100 * MHZ,
    .vos_bits = {0, 1, 0, 0}, .vos_width = 1,
    .wait_states = 6, .ws_max_hz = {30 * MHZ, 60 * MHZ, 90 * MHZ, 120 * MHZ, 150 * MHZ, 168 * MHZ},
};

/* RM0090 / DS9405 (F427/429, "F42xxx/43xxx" in the manual) and RM0390 / DS10693 (F446) agree:
 * scale 1 (VOS 11) 168 MHz, 180 with over-drive; scale 2 (10) 144, 168; scale 3 (01) 120, no
 * over-drive; APB1/APB2 42/84 MHz, 45/90 with over-drive; PLLN from 50, VCO 100..432 MHz; wait
 * states one per 30 MHz, 5 up to 180 MHz (RM0090's F42x/43x table, RM0390's table). */
#define F42X_F446_LIMITS                                                                          \
  .hclk_max_hz = {0, 168 * MHZ, 144 * MHZ, 120 * MHZ}, .hclk_max_od_hz = {0, 180 * MHZ, 168 * MHZ, 0}, \
  .apb1_max_hz = 42 * MHZ, .apb2_max_hz = 84 * MHZ, .apb1_max_od_hz = 45 * MHZ,                   \
  .apb2_max_od_hz = 90 * MHZ, .pll_n_min = 50, .vco_min_hz = 100 * MHZ, .vos_bits = {0, 3, 2, 1}, \
  .vos_width = 2, .wait_states = 6,                                                               \
  .ws_max_hz = {30 * MHZ, 60 * MHZ, 90 * MHZ, 120 * MHZ, 150 * MHZ, 180 * MHZ}

const tvmcrt_stm32f4_chip_t tvmcrt_stm32f4_chip_stm32f42x = {.name = "STM32F42x", F42X_F446_LIMITS};
const tvmcrt_stm32f4_chip_t tvmcrt_stm32f4_chip_stm32f446 = {.name = "STM32F446", F42X_F446_LIMITS};
