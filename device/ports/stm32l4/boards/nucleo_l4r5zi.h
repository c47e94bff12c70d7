/* SPDX-License-Identifier: Apache-2.0 */
/*
 * NUCLEO-L4R5ZI (MB1312): STM32L4R5ZIT6 at its rated 120 MHz (range 1 boost).
 *
 * Board (UM2179, STM32 Nucleo-144 boards for STM32L4+):
 *   host link   LPUART1 on PG7 (TX) / PG8 (RX) goes to the ST-LINK/V2-1, whose virtual COM port is
 *               /dev/ttyACM0. AF8 (DS12023 alternate functions). PG7/PG8 sit on VDDIO2: the port
 *               declares it valid (PWR_CR2 IOSV) before using them.
 *   clock       the 16 MHz HSI16: the board needs no HSE for this.
 * Chip (RM0432, DS12023): 2 MiB flash; SRAM1 192 + SRAM2 64 + SRAM3 384 KiB contiguous at
 *   0x20000000 = 640 KiB.
 * Clock tree: 16 MHz / M 2 = 8 MHz VCO input (2.66..16); x N 30 = 240 MHz VCO (64..344); / R 2 =
 *   120 MHz SYSCLK = HCLK = PCLK1 = PCLK2 (all within 120). Flash: 5 wait states (RM0432 table,
 *   range 1 boost, 100 < HCLK <= 120 MHz). Range 1 boost (R1MODE = 0), reached with RM0432's AHB /2
 *   step.
 * LPUART1 on PCLK1: BRR = 256 x 120 MHz / 115200 = 266666.67 -> 266667 (0x411AB), -0.0001 %.
 */
#define TVMCRT_BOARD_NAME nucleo_l4r5zi
#define TVMCRT_BOARD_TITLE "NUCLEO-L4R5ZI"
#define TVMCRT_BOARD_CHIP stm32l4r5
#define TVMCRT_BOARD_RAM_KB 640
#define TVMCRT_BOARD_FLASH_KB 2048
#define TVMCRT_BOARD_HOST_PORT "ST-LINK virtual COM port (/dev/ttyACM0)"
/* 0 = LPUART1, 1..3 = USART1..3 (stm32l4_uart_setup.c) */
#define TVMCRT_BOARD_UART 0
#define TVMCRT_BOARD_TX TVMCRT_STM32_PIN(G, 7)
#define TVMCRT_BOARD_RX TVMCRT_STM32_PIN(G, 8)
#define TVMCRT_BOARD_CLOCK_SOURCE HSI
#define TVMCRT_BOARD_PLL_M 2
#define TVMCRT_BOARD_PLL_N 30
#define TVMCRT_BOARD_PLL_R 2
#define TVMCRT_BOARD_AHB_DIV 1
#define TVMCRT_BOARD_APB1_DIV 1
#define TVMCRT_BOARD_APB2_DIV 1
#define TVMCRT_BOARD_FLASH_WS 5
#define TVMCRT_BOARD_BOOST 1
#define TVMCRT_BOARD_OPENOCD_CONFIG "board/st_nucleo_l4.cfg"
#define TVMCRT_BOARD_PYOCD_TARGET "stm32l4r5zitx"
