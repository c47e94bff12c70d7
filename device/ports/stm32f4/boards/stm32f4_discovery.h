/* SPDX-License-Identifier: Apache-2.0 */
/*
 * STM32F4DISCOVERY / STM32F407G-DISC1 (MB997): STM32F407VGT6 at its rated 168 MHz.
 *
 * Board (UM1472, Discovery kit with STM32F407VG MCU):
 *   host link   its ST-LINK has no COM port wired to the chip, and PA9 (USART1 TX) carries USB
 *               VBUS with a 4.7 uF capacitor that breaks a UART signal. So: USART2 on PA2 (TX) /
 *               PA3 (RX), two free pins of header P1, AF7 (DS8626 alternate functions), through a
 *               3.3 V USB-serial adapter (adapter RX to PA2, adapter TX to PA3, GND to GND):
 *               /dev/ttyUSB0 on Linux.
 *   clock       "OSC clock": an 8 MHz crystal (X2) on the HSE pins.
 * Chip (RM0090, DS8626): 1 MiB flash; SRAM1 112 + SRAM2 16 = 128 KiB at 0x20000000 (the 64 KiB CCM
 *   at 0x10000000 is not used).
 * Clock tree: 8 MHz / M 4 = 2 MHz VCO input; x N 168 = 336 MHz VCO; / P 2 = 168 MHz SYSCLK = HCLK;
 *   / Q 7 = 48 MHz PLL48CK. APB1 / 4 = 42 MHz, APB2 / 2 = 84 MHz (their limits). Flash: 5 wait
 *   states (RM0090 F405/407 wait-state table, 150 < HCLK <= 168 MHz). Voltage scale 1 (VOS = 1).
 * USART2 on APB1: BRR = 42 MHz / 115200 -> 365 (0x16D), 115068 baud, -0.11 %.
 */
#define TVMCRT_BOARD_NAME stm32f4_discovery
#define TVMCRT_BOARD_TITLE "STM32F4DISCOVERY (STM32F407G-DISC1)"
#define TVMCRT_BOARD_CHIP stm32f405_407
#define TVMCRT_BOARD_RAM_KB 128
#define TVMCRT_BOARD_FLASH_KB 1024
#define TVMCRT_BOARD_HOST_PORT "a 3.3 V USB-serial adapter on PA2/PA3 (/dev/ttyUSB0)"
#define TVMCRT_BOARD_USART 2
#define TVMCRT_BOARD_TX TVMCRT_STM32_PIN(A, 2)
#define TVMCRT_BOARD_RX TVMCRT_STM32_PIN(A, 3)
#define TVMCRT_BOARD_CLOCK_SOURCE HSE_CRYSTAL
#define TVMCRT_BOARD_HSE_HZ 8000000
#define TVMCRT_BOARD_PLL_M 4
#define TVMCRT_BOARD_PLL_N 168
#define TVMCRT_BOARD_PLL_P 2
#define TVMCRT_BOARD_PLL_Q 7
#define TVMCRT_BOARD_AHB_DIV 1
#define TVMCRT_BOARD_APB1_DIV 4
#define TVMCRT_BOARD_APB2_DIV 2
#define TVMCRT_BOARD_FLASH_WS 5
#define TVMCRT_BOARD_VOS_SCALE 1
#define TVMCRT_BOARD_OVERDRIVE 0
#define TVMCRT_BOARD_OPENOCD_CONFIG "board/stm32f4discovery.cfg"
#define TVMCRT_BOARD_PYOCD_TARGET "stm32f407vgtx"
