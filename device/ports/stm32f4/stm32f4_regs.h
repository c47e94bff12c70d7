/*
 * stm32f4_regs.h — the few STM32F4 and Cortex-M4 registers this port touches, at register level.
 *
 * Addresses and bits from RM0090 (STM32F405/407) and the ARMv7-M Architecture Reference Manual. Kept
 * to what the port uses so that no vendor header is needed. Private to device/ports/stm32f4.
 */
#ifndef TVMCRT_STM32F4_REGS_H_
#define TVMCRT_STM32F4_REGS_H_

#include <stdint.h>

#define STM32F4_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* RCC: clock enables. Reset value of RCC_CR has HSION|HSIRDY set on silicon; QEMU 7.2 does not
 * emulate the RCC and reads 0 there, which is how the port tells an emulator from a chip. */
#define RCC_CR STM32F4_REG(0x40023800u)
#define RCC_CR_HSIRDY (1u << 1)
#define RCC_AHB1ENR STM32F4_REG(0x40023830u)
#define RCC_AHB1ENR_GPIOAEN (1u << 0)
#define RCC_APB2ENR STM32F4_REG(0x40023844u)
#define RCC_APB2ENR_USART1EN (1u << 4)

/* GPIOA: PA9 = USART1_TX, PA10 = USART1_RX, alternate function 7. */
#define GPIOA_MODER STM32F4_REG(0x40020000u)
#define GPIOA_AFRH STM32F4_REG(0x40020024u)
#define GPIO_MODE_AF 2u

/* USART1 (APB2). Renode's stm32f4_discovery and QEMU's netduinoplus2 put it at the same address. */
#define USART1_SR STM32F4_REG(0x40011000u)
#define USART1_DR STM32F4_REG(0x40011004u)
#define USART1_BRR STM32F4_REG(0x40011008u)
#define USART1_CR1 STM32F4_REG(0x4001100Cu)
#define USART_SR_ORE (1u << 3)
#define USART_SR_RXNE (1u << 5)
#define USART_SR_TC (1u << 6)
#define USART_SR_TXE (1u << 7)
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_RXNEIE (1u << 5)
#define USART_CR1_UE (1u << 13)
#define USART1_IRQn 37

/* The core's registers (SysTick, SCB, NVIC) are in device/ports/cortex_m/cortex_m_regs.h. */

#endif /* TVMCRT_STM32F4_REGS_H_ */
