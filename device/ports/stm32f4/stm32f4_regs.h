/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stm32f4_regs.h — the few STM32F4 registers this port touches, at register level.
 *
 * Addresses and bits from RM0090 (STM32F405/407/429), RM0368 (F401), RM0383 (F411) and RM0390
 * (F446): the RCC, PWR, FLASH, GPIO and USART blocks sit at the same addresses with the same layout
 * on all of them (where a bit exists on one chip line only, its comment says so). Kept to what the
 * port uses so that no vendor header is needed. Private to device/ports/stm32f4.
 *
 * Every access goes through STM32_RD / STM32_WR (device/ports/stm32/tvmcrt_stm32.h): volatile in
 * firmware, a fake register file in the native tests (tests/stm32f4). Code on the hot path (the
 * receive interrupt, transmit) uses them too; the native build never links it.
 */
#ifndef TVMCRT_STM32F4_REGS_H_
#define TVMCRT_STM32F4_REGS_H_

#include <stdint.h>

#include "tvmcrt_stm32.h"

/* RCC (the "RCC registers" section of each manual's RCC chapter). On silicon RCC_CR reads
 * HSION|HSIRDY after reset; QEMU 7.2 does not emulate the RCC and reads 0, which is how the port
 * tells an emulator from a chip. */
#define RCC_CR 0x40023800u
#define RCC_CR_HSION (1u << 0)
#define RCC_CR_HSIRDY (1u << 1)
#define RCC_CR_HSEON (1u << 16)
#define RCC_CR_HSERDY (1u << 17)
#define RCC_CR_HSEBYP (1u << 18)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_PLLCFGR 0x40023804u
/* PLLM 5:0, PLLN 14:6, PLLP 17:16 (P = 2, 4, 6, 8 as 0..3), PLLSRC 22 (1 = HSE), PLLQ 27:24; the
 * other bits are reserved (PLLR 30:28 on F446) and keep their reset value. */
#define RCC_PLLCFGR_FIELDS 0x0F437FFFu
#define RCC_PLLCFGR_PLLSRC_HSE (1u << 22)
#define RCC_CFGR 0x40023808u
#define RCC_CFGR_SW_MASK 3u /* SW 1:0: 0 HSI, 1 HSE, 2 PLL */
#define RCC_CFGR_SW_PLL 2u
#define RCC_CFGR_SWS_SHIFT 2u /* SWS 3:2, what the clock switch did */
#define RCC_CFGR_PRESCALERS 0x0000FCF0u /* HPRE 7:4, PPRE1 12:10, PPRE2 15:13 */
#define RCC_AHB1ENR 0x40023830u /* bit n: GPIO port n (A = 0) */
#define RCC_APB1ENR 0x40023840u
#define RCC_APB1ENR_PWREN (1u << 28)
#define RCC_APB2ENR 0x40023844u

/* PWR ("PWR registers" of each manual's power controller chapter): voltage scaling, over-drive. */
#define PWR_CR 0x40007000u
#define PWR_CR_VOS_SHIFT 14u /* F405/407: bit 14 alone; F401/F411/F42x/F446: bits 15:14 */
#define PWR_CR_ODEN (1u << 16)   /* F42x/F446 */
#define PWR_CR_ODSWEN (1u << 17) /* F42x/F446 */
#define PWR_CSR 0x40007004u
#define PWR_CSR_ODRDY (1u << 16)
#define PWR_CSR_ODSWRDY (1u << 17)

/* FLASH_ACR ("Flash access control register" of each manual's flash chapter): wait states, ART. */
#define FLASH_ACR 0x40023C00u
#define FLASH_ACR_LATENCY_MASK 0xFu /* 3 bits on F405/407 (bit 3 reads 0), 4 on the others */
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)

/* GPIO port n at 0x40020000 + 0x400 n (A = 0 .. I = 8), on AHB1; its layout: tvmcrt_stm32.h. */
#define GPIO_BASE(port) (0x40020000u + 0x400u * (uint32_t)(port))
#define GPIO_MODER(port) (GPIO_BASE(port) + 0x00u)
#define GPIO_PUPDR(port) (GPIO_BASE(port) + 0x0Cu)

/* USART ("USART registers" of each manual's USART chapter): SR, DR, BRR, CR1 at the start of each
 * instance. */
#define USART_SR(base) ((base) + 0x00u)
#define USART_DR(base) ((base) + 0x04u)
#define USART_BRR(base) ((base) + 0x08u)
#define USART_CR1(base) ((base) + 0x0Cu)
#define USART_SR_ORE (1u << 3)
#define USART_SR_RXNE (1u << 5)
#define USART_SR_TC (1u << 6)
#define USART_SR_TXE (1u << 7)
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_RXNEIE (1u << 5)
#define USART_CR1_UE (1u << 13)
/* Their interrupts, the same on every F4 (the manuals' vector table). */
#define USART1_IRQn 37
#define USART2_IRQn 38
#define USART3_IRQn 39
#define USART6_IRQn 71

/* The core's registers (SysTick, SCB, NVIC, DWT) are in device/ports/cortex_m/cortex_m_regs.h. */

#endif /* TVMCRT_STM32F4_REGS_H_ */
