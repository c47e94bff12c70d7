/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board_desc.c — one STM32L4+ board header (boards/<board>.h, named by TVMCRT_BOARD_HEADER) into the
 * image's tvmcrt_stm32l4_board and its .tvmcrt.board section, as device/ports/stm32f4/board_desc.c
 * does for the F4. With TVMCRT_STM32L4_BOARD_NATIVE (tests/stm32l4): tvmcrt_board_<name>, no
 * section.
 */
#include "tvmcrt_stm32l4_board.h"

#ifndef TVMCRT_BOARD_HEADER
#error "board_desc.c needs -DTVMCRT_BOARD_HEADER=<boards/NAME.h> (device/ports/stm32l4/CMakeLists.txt sets it)"
#endif
#include TVMCRT_BOARD_HEADER

#if !defined(TVMCRT_BOARD_NAME) || !defined(TVMCRT_BOARD_TITLE) || !defined(TVMCRT_BOARD_CHIP) ||           \
    !defined(TVMCRT_BOARD_RAM_KB) || !defined(TVMCRT_BOARD_FLASH_KB) || !defined(TVMCRT_BOARD_HOST_PORT) || \
    !defined(TVMCRT_BOARD_UART) || !defined(TVMCRT_BOARD_TX) || !defined(TVMCRT_BOARD_RX)
#error "the board header lacks one of TVMCRT_BOARD_NAME, _TITLE, _CHIP, _RAM_KB, _FLASH_KB, _HOST_PORT, _UART, _TX, _RX"
#endif
#if !defined(TVMCRT_BOARD_CLOCK_SOURCE) || !defined(TVMCRT_BOARD_PLL_M) || !defined(TVMCRT_BOARD_PLL_N) || \
    !defined(TVMCRT_BOARD_PLL_R) || !defined(TVMCRT_BOARD_AHB_DIV) || !defined(TVMCRT_BOARD_APB1_DIV) ||   \
    !defined(TVMCRT_BOARD_APB2_DIV) || !defined(TVMCRT_BOARD_FLASH_WS) || !defined(TVMCRT_BOARD_BOOST) ||  \
    !defined(TVMCRT_BOARD_OPENOCD_CONFIG) || !defined(TVMCRT_BOARD_PYOCD_TARGET)
#error "the board header lacks a clock or flashing key (device/ports/stm32l4/boards/nucleo_l4r5zi.h has them all)"
#endif
#ifndef TVMCRT_BOARD_HSE_HZ
#define TVMCRT_BOARD_HSE_HZ 0
#endif
#ifndef TVMCRT_BOARD_BAUD
#define TVMCRT_BOARD_BAUD 115200
#endif

#ifdef TVMCRT_STM32L4_BOARD_NATIVE
#define TVMCRT_BOARD_SYMBOL TVMCRT_CAT(tvmcrt_board_, TVMCRT_BOARD_NAME)
extern const tvmcrt_stm32l4_board_t TVMCRT_BOARD_SYMBOL;
#else
#define TVMCRT_BOARD_SYMBOL tvmcrt_stm32l4_board

/* Not loaded (.tvmcrt.board): what scripts/flash needs. No qemu_machine: QEMU 7.2 emulates no
 * STM32L4+, and a launcher refuses the image rather than boot it as an F4. */
__attribute__((section(".tvmcrt.board"), used)) const char tvmcrt_board_info[] =
    "board=" TVMCRT_STR(TVMCRT_BOARD_NAME) "\n"
    "title=" TVMCRT_BOARD_TITLE "\n"
    "qemu_machine=none\n"
    "flash_address=0x08000000\n"
    "openocd_config=" TVMCRT_BOARD_OPENOCD_CONFIG "\n"
    "pyocd_target=" TVMCRT_BOARD_PYOCD_TARGET "\n";
#endif

const tvmcrt_stm32l4_board_t TVMCRT_BOARD_SYMBOL = {
    .name = TVMCRT_STR(TVMCRT_BOARD_NAME),
    .title = TVMCRT_BOARD_TITLE,
    .host_port = TVMCRT_BOARD_HOST_PORT,
    .chip = &TVMCRT_CAT(tvmcrt_stm32l4_chip_, TVMCRT_BOARD_CHIP),
    .uart = TVMCRT_BOARD_UART,
    .tx = TVMCRT_BOARD_TX,
    .rx = TVMCRT_BOARD_RX,
    .baud = TVMCRT_BOARD_BAUD,
    .clock = {
        .source = TVMCRT_CAT(TVMCRT_STM32L4_SOURCE_, TVMCRT_BOARD_CLOCK_SOURCE),
        .hse_hz = TVMCRT_BOARD_HSE_HZ,
        .pll_m = TVMCRT_BOARD_PLL_M,
        .pll_n = TVMCRT_BOARD_PLL_N,
        .pll_r = TVMCRT_BOARD_PLL_R,
        .ahb_div = TVMCRT_BOARD_AHB_DIV,
        .apb1_div = TVMCRT_BOARD_APB1_DIV,
        .apb2_div = TVMCRT_BOARD_APB2_DIV,
        .flash_ws = TVMCRT_BOARD_FLASH_WS,
        .boost = TVMCRT_BOARD_BOOST,
    },
    .ram_kb = TVMCRT_BOARD_RAM_KB,
    .flash_kb = TVMCRT_BOARD_FLASH_KB,
};
