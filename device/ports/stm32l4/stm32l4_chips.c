/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stm32l4_chips.c — what the STM32L4+ line allows (tvmcrt_stm32l4_clock_check()), voltage range 1
 * at a 1.71-3.6 V supply:
 *
 *   HCLK 80 MHz in range 1 normal, 120 MHz in range 1 boost: RM0432 "Dynamic voltage scaling
 *     management" (PWR chapter) and DS12023's general operating conditions (fHCLK)
 *   APB1/APB2 up to 120 MHz: the same table
 *   VCO input 2.66..16 MHz, VCO 64..344 MHz, PLLM 1..16, PLLN 8..127: RM0432's RCC_PLLCFGR
 *     description
 *   wait states: RM0432's "Number of wait states according to CPU clock (HCLK) frequency" table,
 *     range 1 normal (20 MHz per wait state up to 80) and boost (up to 5 at 120 MHz)
 */
#include "tvmcrt_stm32l4_board.h"

#define MHZ 1000000u

const tvmcrt_stm32l4_chip_t tvmcrt_stm32l4_chip_stm32l4r5 = {
    .name = "STM32L4R5",
    .hclk_max_hz = 80 * MHZ, .hclk_max_boost_hz = 120 * MHZ, .apb_max_hz = 120 * MHZ,
    .vco_in_min_hz = 2660000u, .vco_in_max_hz = 16 * MHZ, .vco_min_hz = 64 * MHZ, .vco_max_hz = 344 * MHZ,
    .pll_m_max = 16, .pll_n_min = 8, .pll_n_max = 127,
    .wait_states = 4, .wait_states_boost = 6,
    .ws_max_hz = {20 * MHZ, 40 * MHZ, 60 * MHZ, 80 * MHZ},
    .ws_max_boost_hz = {20 * MHZ, 40 * MHZ, 60 * MHZ, 80 * MHZ, 100 * MHZ, 120 * MHZ},
};
