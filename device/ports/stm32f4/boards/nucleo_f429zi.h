/* SPDX-License-Identifier: Apache-2.0 */
/*
 * NUCLEO-F429ZI (MB1137): STM32F429ZIT6 at its rated 180 MHz, with over-drive.
 *
 * Board (UM1974, STM32 Nucleo-144 boards):
 *   host link   "USART communication": USART3 on PD8 (TX) / PD9 (RX) to the ST-LINK/V2-1's virtual
 *               COM port (/dev/ttyACM0). AF7 (DS9405 alternate functions).
 *   clock       "HSE clock (high-speed external clock)": by default the ST-LINK's 8 MHz MCO drives
 *               PH0-OSC_IN, HSE bypass.
 * Chip (RM0090, DS9405): 2 MiB flash; SRAM1 112 + SRAM2 16 + SRAM3 64 KiB contiguous at 0x20000000
 *   = 192 KiB (the 64 KiB CCM at 0x10000000 is not used).
 * Clock tree: as nucleo_f446re.h (same limits, RM0090's F42x/43x figures): 8 MHz / M 4 = 2 MHz;
 *   x N 180 = 360 MHz; / P 2 = 180 MHz; / Q 8 = 45 MHz. APB1 / 4 = 45 MHz, APB2 / 2 = 90 MHz.
 *   Flash: 5 wait states (RM0090 F42x/43x wait-state table). Scale 1 and over-drive (RM0090
 *   "Entering Over-drive mode").
 * USART3 on APB1: BRR = 45 MHz / 115200 -> 391 (0x187), 115090 baud, -0.10 %.
 */
#define TVMCRT_BOARD_NAME nucleo_f429zi
#define TVMCRT_BOARD_TITLE "NUCLEO-F429ZI"
#define TVMCRT_BOARD_CHIP stm32f42x
#define TVMCRT_BOARD_RAM_KB 192
#define TVMCRT_BOARD_FLASH_KB 2048
#define TVMCRT_BOARD_HOST_PORT "ST-LINK virtual COM port (/dev/ttyACM0)"
#define TVMCRT_BOARD_USART 3
#define TVMCRT_BOARD_TX TVMCRT_STM32_PIN(D, 8)
#define TVMCRT_BOARD_RX TVMCRT_STM32_PIN(D, 9)
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
#define TVMCRT_BOARD_PYOCD_TARGET "stm32f429zitx"
