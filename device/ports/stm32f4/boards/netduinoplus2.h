/* SPDX-License-Identifier: Apache-2.0 */
/*
 * netduinoplus2: QEMU's `-M netduinoplus2` (an STM32F405RG) and the default board, for any
 * STM32F405/407 with USART1 free on PA9/PA10. The images `tvmcrt-fw*.elf` are built for it unless
 * TVMCRT_BOARD names another.
 *
 * Host link: USART1 on PA9 (TX) / PA10 (RX), AF7 (DS8626 alternate functions): QEMU's first
 *   -serial; on silicon a 3.3 V USB-serial adapter (/dev/ttyUSB0).
 * Chip (RM0090, DS8626): 1 MiB flash, 128 KiB SRAM at 0x20000000 (QEMU maps 192 KiB there; build
 *   with RAM_KB 192 for images that only run under QEMU).
 * Clock tree from the HSI, so it needs no crystal and runs on any F405/407: 16 MHz / M 8 = 2 MHz
 *   VCO input; x N 168 = 336 MHz; / P 2 = 168 MHz; / Q 7 = 48 MHz. APB1 / 4 = 42 MHz, APB2 / 2 = 84
 *   MHz. Flash: 5 wait states (RM0090 F405/407 wait-state table). Voltage scale 1. The HSI is
 *   trimmed to 1 % at 25 C (DS8626 HSI characteristics): enough for a UART, not for USB.
 * USART1 on APB2: BRR = 84 MHz / 115200 = 729.17 -> 729 (0x2D9), 115226 baud, +0.02 %.
 */
#define TVMCRT_BOARD_NAME netduinoplus2
#define TVMCRT_BOARD_TITLE "QEMU netduinoplus2 (STM32F405/407, USART1)"
#define TVMCRT_BOARD_CHIP stm32f405_407
#define TVMCRT_BOARD_RAM_KB 128
#define TVMCRT_BOARD_FLASH_KB 1024
#define TVMCRT_BOARD_HOST_PORT "QEMU's first -serial; on silicon a USB-serial adapter on PA9/PA10"
#define TVMCRT_BOARD_USART 1
#define TVMCRT_BOARD_TX TVMCRT_STM32_PIN(A, 9)
#define TVMCRT_BOARD_RX TVMCRT_STM32_PIN(A, 10)
#define TVMCRT_BOARD_CLOCK_SOURCE HSI
#define TVMCRT_BOARD_PLL_M 8
#define TVMCRT_BOARD_PLL_N 168
#define TVMCRT_BOARD_PLL_P 2
#define TVMCRT_BOARD_PLL_Q 7
#define TVMCRT_BOARD_AHB_DIV 1
#define TVMCRT_BOARD_APB1_DIV 4
#define TVMCRT_BOARD_APB2_DIV 2
#define TVMCRT_BOARD_FLASH_WS 5
#define TVMCRT_BOARD_VOS_SCALE 1
#define TVMCRT_BOARD_OVERDRIVE 0
/* OpenOCD's st_nucleo_f4.cfg is its ST-LINK plus the generic STM32F4 target: any F4 board. */
#define TVMCRT_BOARD_OPENOCD_CONFIG "board/st_nucleo_f4.cfg"
#define TVMCRT_BOARD_PYOCD_TARGET "stm32f405rgtx"
