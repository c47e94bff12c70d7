/* SPDX-License-Identifier: Apache-2.0 */
/*
 * STM32F429I-DISC1 (MB1075, "32F429IDISCOVERY" with ST-LINK/V2-B): STM32F429ZIT6 at 180 MHz.
 *
 * Board (UM1670, Discovery kit with STM32F429ZI MCU):
 *   host link   the ST-LINK/V2-B's virtual COM port (/dev/ttyACM0) is wired to USART1 on PA9 (TX)
 *               / PA10 (RX), AF7 (DS9405 alternate functions). The older 32F429IDISCOVERY with
 *               ST-LINK/V2 has no such port: use a USB-serial adapter on PA9/PA10.
 *   clock       "OSC clock": an 8 MHz crystal on the HSE pins.
 * Chip (RM0090, DS9405): 2 MiB flash, 192 KiB contiguous SRAM at 0x20000000 (as nucleo_f429zi.h).
 * Clock tree: 8 MHz / M 4 = 2 MHz; x N 180 = 360 MHz VCO; / P 2 = 180 MHz; / Q 8 = 45 MHz. APB1 / 4
 *   = 45 MHz, APB2 / 2 = 90 MHz. Flash: 5 wait states. Scale 1 and over-drive.
 * USART1 on APB2: BRR = 90 MHz / 115200 = 781.25 -> 781 (0x30D), 115237 baud, +0.03 %.
 */
#define TVMCRT_BOARD_NAME stm32f429i_disc1
#define TVMCRT_BOARD_TITLE "STM32F429I-DISC1"
#define TVMCRT_BOARD_CHIP stm32f42x
#define TVMCRT_BOARD_RAM_KB 192
#define TVMCRT_BOARD_FLASH_KB 2048
#define TVMCRT_BOARD_HOST_PORT "ST-LINK virtual COM port (/dev/ttyACM0)"
#define TVMCRT_BOARD_USART 1
#define TVMCRT_BOARD_TX TVMCRT_STM32_PIN(A, 9)
#define TVMCRT_BOARD_RX TVMCRT_STM32_PIN(A, 10)
#define TVMCRT_BOARD_CLOCK_SOURCE HSE_CRYSTAL
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
#define TVMCRT_BOARD_OPENOCD_CONFIG "board/stm32f429disc1.cfg"
#define TVMCRT_BOARD_PYOCD_TARGET "stm32f429zitx"
