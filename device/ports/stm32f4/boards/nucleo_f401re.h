/* SPDX-License-Identifier: Apache-2.0 */
/*
 * NUCLEO-F401RE (MB1136): STM32F401RET6 at its rated 84 MHz.
 *
 * Board (UM1724, STM32 Nucleo-64 boards):
 *   host link   "USART communication": USART2 on PA2 (TX) / PA3 (RX) goes to the ST-LINK/V2-1,
 *               whose virtual COM port is /dev/ttyACM0 on Linux. AF7 (DS9716 alternate functions).
 *   clock       "OSC clock supply", MCO from ST-LINK: a fixed 8 MHz into PH0-OSC_IN, HSE bypass.
 *               (Boards before revision C-02 do not connect it by default: the HSE then never gets
 *               ready and the image stays on the 16 MHz HSI and says so in `info`.)
 * Chip (RM0368, DS9716): 512 KiB flash, 96 KiB SRAM at 0x20000000.
 * Clock tree: 8 MHz / M 8 = 1 MHz VCO input (PLLN must be >= 192 on the F401, so not 2 MHz);
 *   x N 336 = 336 MHz VCO; / P 4 = 84 MHz SYSCLK = HCLK; / Q 7 = 48 MHz PLL48CK. APB1 / 2 = 42 MHz
 *   (its limit), APB2 / 1 = 84 MHz. Flash: 2 wait states (RM0368 wait-state table, 60 < HCLK <= 84
 *   MHz at 2.7-3.6 V). Voltage scale 2 (the F401's highest, up to 84 MHz; its reset value).
 * USART2 on APB1: BRR = 42 MHz / 115200 = 364.58 -> 365 (0x16D), 115068 baud, -0.11 %.
 */
#define TVMCRT_BOARD_NAME nucleo_f401re
#define TVMCRT_BOARD_TITLE "NUCLEO-F401RE"
#define TVMCRT_BOARD_CHIP stm32f401
#define TVMCRT_BOARD_RAM_KB 96
#define TVMCRT_BOARD_FLASH_KB 512
#define TVMCRT_BOARD_HOST_PORT "ST-LINK virtual COM port (/dev/ttyACM0)"
#define TVMCRT_BOARD_USART 2
#define TVMCRT_BOARD_TX TVMCRT_STM32_PIN(A, 2)
#define TVMCRT_BOARD_RX TVMCRT_STM32_PIN(A, 3)
#define TVMCRT_BOARD_CLOCK_SOURCE HSE_BYPASS
#define TVMCRT_BOARD_HSE_HZ 8000000
#define TVMCRT_BOARD_PLL_M 8
#define TVMCRT_BOARD_PLL_N 336
#define TVMCRT_BOARD_PLL_P 4
#define TVMCRT_BOARD_PLL_Q 7
#define TVMCRT_BOARD_AHB_DIV 1
#define TVMCRT_BOARD_APB1_DIV 2
#define TVMCRT_BOARD_APB2_DIV 1
#define TVMCRT_BOARD_FLASH_WS 2
#define TVMCRT_BOARD_VOS_SCALE 2
#define TVMCRT_BOARD_OVERDRIVE 0
#define TVMCRT_BOARD_OPENOCD_CONFIG "board/st_nucleo_f4.cfg"
#define TVMCRT_BOARD_PYOCD_TARGET "stm32f401retx"
