/* SPDX-License-Identifier: Apache-2.0 */
/*
 * NUCLEO-F411RE (MB1136): STM32F411RET6 at its rated 100 MHz.
 *
 * Board (UM1724, STM32 Nucleo-64 boards):
 *   host link   "USART communication": USART2 on PA2 (TX) / PA3 (RX) to the ST-LINK/V2-1's virtual
 *               COM port (/dev/ttyACM0). AF7 (DS10314 alternate functions).
 *   clock       "OSC clock supply", MCO from ST-LINK: 8 MHz into PH0-OSC_IN, HSE bypass (see
 *               nucleo_f401re.h for boards before revision C-02).
 * Chip (RM0383, DS10314): 512 KiB flash, 128 KiB SRAM at 0x20000000.
 * Clock tree: 8 MHz / M 4 = 2 MHz VCO input (RM0383 recommends 2 MHz: least jitter); x N 200 =
 *   400 MHz VCO; / P 4 = 100 MHz SYSCLK = HCLK; / Q 9 = 44.4 MHz PLL48CK (at most 48; no USB here).
 *   APB1 / 2 = 50 MHz (its limit), APB2 / 1 = 100 MHz. Flash: 3 wait states (RM0383 wait-state table,
 *   90 < HCLK <= 100 MHz at 2.7-3.6 V). Voltage scale 1 (VOS 11: needed above 84 MHz).
 * USART2 on APB1: BRR = 50 MHz / 115200 = 434.03 -> 434 (0x1B2), 115207 baud, +0.006 %.
 */
#define TVMCRT_BOARD_NAME nucleo_f411re
#define TVMCRT_BOARD_TITLE "NUCLEO-F411RE"
#define TVMCRT_BOARD_CHIP stm32f411
#define TVMCRT_BOARD_RAM_KB 128
#define TVMCRT_BOARD_FLASH_KB 512
#define TVMCRT_BOARD_HOST_PORT "ST-LINK virtual COM port (/dev/ttyACM0)"
#define TVMCRT_BOARD_USART 2
#define TVMCRT_BOARD_TX TVMCRT_STM32_PIN(A, 2)
#define TVMCRT_BOARD_RX TVMCRT_STM32_PIN(A, 3)
#define TVMCRT_BOARD_CLOCK_SOURCE HSE_BYPASS
#define TVMCRT_BOARD_HSE_HZ 8000000
#define TVMCRT_BOARD_PLL_M 4
#define TVMCRT_BOARD_PLL_N 200
#define TVMCRT_BOARD_PLL_P 4
#define TVMCRT_BOARD_PLL_Q 9
#define TVMCRT_BOARD_AHB_DIV 1
#define TVMCRT_BOARD_APB1_DIV 2
#define TVMCRT_BOARD_APB2_DIV 1
#define TVMCRT_BOARD_FLASH_WS 3
#define TVMCRT_BOARD_VOS_SCALE 1
#define TVMCRT_BOARD_OVERDRIVE 0
#define TVMCRT_BOARD_OPENOCD_CONFIG "board/st_nucleo_f4.cfg"
#define TVMCRT_BOARD_PYOCD_TARGET "stm32f411retx"
