/* SPDX-License-Identifier: Apache-2.0 */
/*
 * NUCLEO-F446RE (MB1136): STM32F446RET6 at its rated 180 MHz, with over-drive.
 *
 * Board (UM1724, STM32 Nucleo-64 boards):
 *   host link   "USART communication": USART2 on PA2 (TX) / PA3 (RX) to the ST-LINK/V2-1's virtual
 *               COM port (/dev/ttyACM0). AF7 (DS10693 alternate functions).
 *   clock       "OSC clock supply", MCO from ST-LINK: 8 MHz into PH0-OSC_IN, HSE bypass.
 * Chip (RM0390, DS10693): 512 KiB flash, 128 KiB SRAM at 0x20000000 (SRAM1 112 + SRAM2 16).
 * Clock tree: 8 MHz / M 4 = 2 MHz VCO input; x N 180 = 360 MHz VCO; / P 2 = 180 MHz SYSCLK = HCLK;
 *   / Q 8 = 45 MHz PLL48CK (Q 7 would give 51.4, above 48). APB1 / 4 = 45 MHz, APB2 / 2 = 90 MHz
 *   (the limits with over-drive). Flash: 5 wait states (RM0390 wait-state table, 150 < HCLK <= 180
 *   MHz at 2.7-3.6 V). Voltage scale 1 and over-drive (above 168 MHz, RM0390 PWR chapter).
 * USART2 on APB1: BRR = 45 MHz / 115200 = 390.63 -> 391 (0x187), 115090 baud, -0.10 %.
 */
#define TVMCRT_BOARD_NAME nucleo_f446re
#define TVMCRT_BOARD_TITLE "NUCLEO-F446RE"
#define TVMCRT_BOARD_CHIP stm32f446
#define TVMCRT_BOARD_RAM_KB 128
#define TVMCRT_BOARD_FLASH_KB 512
#define TVMCRT_BOARD_HOST_PORT "ST-LINK virtual COM port (/dev/ttyACM0)"
#define TVMCRT_BOARD_USART 2
#define TVMCRT_BOARD_TX TVMCRT_STM32_PIN(A, 2)
#define TVMCRT_BOARD_RX TVMCRT_STM32_PIN(A, 3)
#define TVMCRT_BOARD_CLOCK_SOURCE HSE_BYPASS
#define TVMCRT_BOARD_HSE_HZ 8000000
#define TVMCRT_BOARD_PLL_M 4
#define TVMCRT_BOARD_PLL_N 180
#define TVMCRT_BOARD_PLL_P 2
#define TVMCRT_BOARD_PLL_Q 8
#define TVMCRT_BOARD_AHB_DIV 1
#define TVMCRT_BOARD_APB1_DIV 4
#define TVMCRT_BOARD_APB2_DIV 2
#define TVMCRT_BOARD_FLASH_WS 5
#define TVMCRT_BOARD_VOS_SCALE 1
#define TVMCRT_BOARD_OVERDRIVE 1
#define TVMCRT_BOARD_OPENOCD_CONFIG "board/st_nucleo_f4.cfg"
#define TVMCRT_BOARD_PYOCD_TARGET "stm32f446retx"
