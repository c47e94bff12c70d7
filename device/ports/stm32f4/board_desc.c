/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board_desc.c — turns one board header (boards/<board>.h, named by TVMCRT_BOARD_HEADER) into the
 * image's tvmcrt_stm32f4_board and its .tvmcrt.board section. The only file compiled per board.
 *
 * Built with TVMCRT_STM32F4_BOARD_NATIVE (tests/stm32f4) it defines tvmcrt_board_<name> instead and
 * no section, so one test links every board.
 */
#include "tvmcrt_stm32f4_board.h"

#define TVMCRT_STM32F4_PORT_A 0
#define TVMCRT_STM32F4_PORT_B 1
#define TVMCRT_STM32F4_PORT_C 2
#define TVMCRT_STM32F4_PORT_D 3
#define TVMCRT_STM32F4_PORT_E 4
#define TVMCRT_STM32F4_PORT_F 5
#define TVMCRT_STM32F4_PORT_G 6
#define TVMCRT_STM32F4_PORT_H 7
#define TVMCRT_STM32F4_PORT_I 8
/* TVMCRT_STM32F4_PIN(A, 2) is PA2. */
#define TVMCRT_STM32F4_PIN(port, pin) {TVMCRT_STM32F4_PORT_##port, pin}

#ifndef TVMCRT_BOARD_HEADER
#error "board_desc.c needs -DTVMCRT_BOARD_HEADER=<boards/NAME.h> (device/ports/stm32/boards.cmake sets it)"
#endif
#include TVMCRT_BOARD_HEADER

#define TVMCRT_STR_(x) #x
#define TVMCRT_STR(x) TVMCRT_STR_(x)
#define TVMCRT_CAT_(a, b) a##b
#define TVMCRT_CAT(a, b) TVMCRT_CAT_(a, b)

/* Every key a board header must define (boards/README.md). */
#if !defined(TVMCRT_BOARD_NAME) || !defined(TVMCRT_BOARD_TITLE) || !defined(TVMCRT_BOARD_CHIP) || \
    !defined(TVMCRT_BOARD_RAM_KB) || !defined(TVMCRT_BOARD_FLASH_KB) || !defined(TVMCRT_BOARD_HOST_PORT)
#error "the board header lacks one of TVMCRT_BOARD_NAME, _TITLE, _CHIP, _RAM_KB, _FLASH_KB, _HOST_PORT (boards/README.md)"
#endif
#if !defined(TVMCRT_BOARD_USART) || !defined(TVMCRT_BOARD_TX) || !defined(TVMCRT_BOARD_RX)
#error "the board header lacks one of TVMCRT_BOARD_USART, _TX, _RX (boards/README.md)"
#endif
#if !defined(TVMCRT_BOARD_CLOCK_SOURCE) || !defined(TVMCRT_BOARD_PLL_M) || !defined(TVMCRT_BOARD_PLL_N) || \
    !defined(TVMCRT_BOARD_PLL_P) || !defined(TVMCRT_BOARD_PLL_Q) || !defined(TVMCRT_BOARD_AHB_DIV) ||       \
    !defined(TVMCRT_BOARD_APB1_DIV) || !defined(TVMCRT_BOARD_APB2_DIV) || !defined(TVMCRT_BOARD_FLASH_WS) || \
    !defined(TVMCRT_BOARD_VOS_SCALE) || !defined(TVMCRT_BOARD_OVERDRIVE)
#error "the board header lacks a clock key: _CLOCK_SOURCE, _PLL_M/N/P/Q, _AHB/APB1/APB2_DIV, _FLASH_WS, _VOS_SCALE, _OVERDRIVE"
#endif
#if !defined(TVMCRT_BOARD_OPENOCD_CONFIG) || !defined(TVMCRT_BOARD_PYOCD_TARGET)
#error "the board header lacks TVMCRT_BOARD_OPENOCD_CONFIG or TVMCRT_BOARD_PYOCD_TARGET (scripts/flash needs them; boards/README.md)"
#endif
#ifndef TVMCRT_BOARD_HSE_HZ
#define TVMCRT_BOARD_HSE_HZ 0
#endif
#ifndef TVMCRT_BOARD_BAUD
#define TVMCRT_BOARD_BAUD 115200
#endif

/* QEMU's netduinoplus2 gives its -serial options, in order, to USART1, USART2, USART3, UART4,
 * UART5, USART6 (its `info qtree`). */
#if TVMCRT_BOARD_USART == 1
#define TVMCRT_BOARD_QEMU_SERIAL "0"
#elif TVMCRT_BOARD_USART == 2
#define TVMCRT_BOARD_QEMU_SERIAL "1"
#elif TVMCRT_BOARD_USART == 3
#define TVMCRT_BOARD_QEMU_SERIAL "2"
#elif TVMCRT_BOARD_USART == 6
#define TVMCRT_BOARD_QEMU_SERIAL "5"
#else
#error "TVMCRT_BOARD_USART must be 1, 2, 3 or 6 (the USARTs this port drives: stm32f4_uart_setup.c)"
#endif

#ifdef TVMCRT_STM32F4_BOARD_NATIVE
#define TVMCRT_BOARD_SYMBOL TVMCRT_CAT(tvmcrt_board_, TVMCRT_BOARD_NAME)
extern const tvmcrt_stm32f4_board_t TVMCRT_BOARD_SYMBOL;
#else
#define TVMCRT_BOARD_SYMBOL tvmcrt_stm32f4_board

/* Not loaded (.tvmcrt.board, cortex_m.ld.in): how launchers boot this image under emulation and
 * how scripts/flash programs it. Every F4 board boots on QEMU's netduinoplus2 with its own USART. */
__attribute__((section(".tvmcrt.board"), used)) const char tvmcrt_board_info[] =
    "board=" TVMCRT_STR(TVMCRT_BOARD_NAME) "\n"
    "title=" TVMCRT_BOARD_TITLE "\n"
    "qemu_machine=netduinoplus2\n"
    "qemu_serial=" TVMCRT_BOARD_QEMU_SERIAL "\n"
    "flash_address=0x08000000\n"
    "openocd_config=" TVMCRT_BOARD_OPENOCD_CONFIG "\n"
    "pyocd_target=" TVMCRT_BOARD_PYOCD_TARGET "\n";
#endif

const tvmcrt_stm32f4_board_t TVMCRT_BOARD_SYMBOL = {
    .name = TVMCRT_STR(TVMCRT_BOARD_NAME),
    .title = TVMCRT_BOARD_TITLE,
    .host_port = TVMCRT_BOARD_HOST_PORT,
    .chip = &TVMCRT_CAT(tvmcrt_stm32f4_chip_, TVMCRT_BOARD_CHIP),
    .usart = TVMCRT_BOARD_USART,
    .tx = TVMCRT_BOARD_TX,
    .rx = TVMCRT_BOARD_RX,
    .baud = TVMCRT_BOARD_BAUD,
    .clock = {
        .source = TVMCRT_CAT(TVMCRT_STM32F4_SOURCE_, TVMCRT_BOARD_CLOCK_SOURCE),
        .hse_hz = TVMCRT_BOARD_HSE_HZ,
        .pll_m = TVMCRT_BOARD_PLL_M,
        .pll_n = TVMCRT_BOARD_PLL_N,
        .pll_p = TVMCRT_BOARD_PLL_P,
        .pll_q = TVMCRT_BOARD_PLL_Q,
        .ahb_div = TVMCRT_BOARD_AHB_DIV,
        .apb1_div = TVMCRT_BOARD_APB1_DIV,
        .apb2_div = TVMCRT_BOARD_APB2_DIV,
        .flash_ws = TVMCRT_BOARD_FLASH_WS,
        .vos_scale = TVMCRT_BOARD_VOS_SCALE,
        .overdrive = TVMCRT_BOARD_OVERDRIVE,
    },
    .ram_kb = TVMCRT_BOARD_RAM_KB,
    .flash_kb = TVMCRT_BOARD_FLASH_KB,
};
