/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stm32l4_regs.h — the few STM32L4+ registers this port touches (RM0432, the STM32L4+ reference
 * manual: the "... registers" section of its RCC, PWR, FLASH, GPIO and LPUART chapters). Another
 * RCC, another UART layout than the F4 (ISR/RDR/TDR, an LPUART's 256x BRR). Access through
 * STM32_RD/STM32_WR (device/ports/stm32/tvmcrt_stm32.h). Private to device/ports/stm32l4.
 */
#ifndef TVMCRT_STM32L4_REGS_H_
#define TVMCRT_STM32L4_REGS_H_

#include <stdint.h>

#include "tvmcrt_stm32.h"

/* RCC. After reset RCC_CR reads MSION|MSIRDY (the 4 MHz MSI runs the core); QEMU 7.2 has no
 * STM32L4+ machine, but an emulator without an RCC reads 0 and the port then skips its clock. */
#define RCC_CR 0x40021000u
#define RCC_CR_MSIRDY (1u << 1)
#define RCC_CR_HSION (1u << 8)
#define RCC_CR_HSIRDY (1u << 10)
#define RCC_CR_HSEON (1u << 16)
#define RCC_CR_HSERDY (1u << 17)
#define RCC_CR_HSEBYP (1u << 18)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_CFGR 0x40021008u
#define RCC_CFGR_SW_MASK 3u      /* SW 1:0: 0 MSI, 1 HSI16, 2 HSE, 3 PLL */
#define RCC_CFGR_SW_HSI 1u
#define RCC_CFGR_SW_PLL 3u
#define RCC_CFGR_SWS_SHIFT 2u    /* SWS 3:2 */
#define RCC_CFGR_HPRE_MASK 0x000000F0u
#define RCC_CFGR_PRESCALERS 0x00003FF0u /* HPRE 7:4, PPRE1 10:8, PPRE2 13:11 */
#define RCC_PLLCFGR 0x4002100Cu  /* PLLSRC 1:0, PLLM 7:4 (M - 1), PLLN 14:8, PLLREN 24, PLLR 26:25 */
#define RCC_PLLCFGR_SRC_HSI 2u
#define RCC_PLLCFGR_SRC_HSE 3u
#define RCC_PLLCFGR_PLLREN (1u << 24)
#define RCC_AHB2ENR 0x4002104Cu  /* bit n: GPIO port n (A = 0) */
#define RCC_APB1ENR1 0x40021058u
#define RCC_APB1ENR1_PWREN (1u << 28)
#define RCC_APB1ENR2 0x4002105Cu /* LPUART1EN 0 */
#define RCC_APB2ENR 0x40021060u

/* PWR: voltage range (VOS, range 1 is the reset value), range 1 boost (R1MODE = 0, above 80 MHz),
 * VDDIO2 (IOSV: PG2..PG15 are supplied from VDDIO2 and stay unusable until it is declared valid). */
#define PWR_CR1 0x40007000u
#define PWR_CR1_VOS_MASK (3u << 9)
#define PWR_CR1_VOS_RANGE1 (1u << 9)
#define PWR_CR2 0x40007004u
#define PWR_CR2_IOSV (1u << 9)
#define PWR_SR2 0x40007014u
#define PWR_SR2_VOSF (1u << 10) /* 1 while the regulator changes voltage */
#define PWR_CR5 0x40007080u
#define PWR_CR5_R1MODE (1u << 8) /* 1 = range 1 normal (reset), 0 = range 1 boost */

#define FLASH_ACR 0x40022000u /* LATENCY 3:0, PRFTEN 8, ICEN 9, DCEN 10 */
#define FLASH_ACR_LATENCY_MASK 0xFu
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)

/* GPIO port n at 0x48000000 + 0x400 n, on AHB2 (A = 0 .. I = 8); layout: tvmcrt_stm32.h. */
#define GPIO_BASE(port) (0x48000000u + 0x400u * (uint32_t)(port))
#define GPIO_PORT_G 6u

/* USART/LPUART: CR1 +0x00, BRR +0x0C, ISR +0x1C, ICR +0x20, RDR +0x24, TDR +0x28. */
#define UART_CR1(base) ((base) + 0x00u)
#define UART_BRR(base) ((base) + 0x0Cu)
#define UART_ISR(base) ((base) + 0x1Cu)
#define UART_ICR(base) ((base) + 0x20u)
#define UART_RDR(base) ((base) + 0x24u)
#define UART_TDR(base) ((base) + 0x28u)
#define UART_CR1_UE (1u << 0)
#define UART_CR1_RE (1u << 2)
#define UART_CR1_TE (1u << 3)
#define UART_CR1_RXNEIE (1u << 5)
#define UART_ISR_ORE (1u << 3)
#define UART_ISR_RXNE (1u << 5)
#define UART_ISR_TXE (1u << 7)
#define UART_ICR_ORECF (1u << 3) /* ORE is cleared here, not by reading RDR as on the F4 */
#define LPUART1_IRQn 70
#define USART1_IRQn 37
#define USART2_IRQn 38
#define USART3_IRQn 39

#endif /* TVMCRT_STM32L4_REGS_H_ */
