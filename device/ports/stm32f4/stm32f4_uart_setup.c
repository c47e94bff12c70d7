/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stm32f4_uart_setup.c — the USART instances of the STM32F4 and the set-up of the board's one: bus
 * clocks on, pins to their alternate function, BRR from that USART's own bus clock, 8N1 with the
 * receive interrupt. Registers only through STM32_RD/STM32_WR (tests/stm32f4 runs it natively).
 * uart.c has the interrupt and the transmit side.
 */
#include <stddef.h>

#include "stm32f4_regs.h"
#include "tvmcrt_stm32f4_board.h"

/* Addresses: the manuals' memory map ("Register boundary addresses"); interrupts: their vector
 * table (stm32f4_regs.h); enable bits: RCC_APB1ENR
 * USART2EN 17 / USART3EN 18, RCC_APB2ENR USART1EN 4 / USART6EN 5; alternate functions: the
 * datasheets' "Alternate function mapping" table (AF7 USART1..3, AF8 USART6). */
static const tvmcrt_stm32f4_usart_t usarts[] = {
    {1, 0x40011000u, USART1_IRQn, 2, 4, 7},
    {2, 0x40004400u, USART2_IRQn, 1, 17, 7},
    {3, 0x40004800u, USART3_IRQn, 1, 18, 7},
    {6, 0x40011400u, USART6_IRQn, 2, 5, 8},
};

const tvmcrt_stm32f4_usart_t *tvmcrt_stm32f4_usart(uint8_t id) {
  for (size_t i = 0; i < sizeof usarts / sizeof usarts[0]; i++) {
    if (usarts[i].id == id) return &usarts[i];
  }
  return NULL;
}

uint32_t tvmcrt_stm32f4_usart_clock_hz(const tvmcrt_stm32f4_usart_t *usart, const tvmcrt_stm32f4_clocks_t *clocks) {
  return usart->apb == 1u ? clocks->pclk1_hz : clocks->pclk2_hz;
}

const tvmcrt_stm32f4_usart_t *tvmcrt_stm32f4_uart_setup(const tvmcrt_stm32f4_board_t *board,
                                                       const tvmcrt_stm32f4_clocks_t *clocks) {
  const tvmcrt_stm32f4_usart_t *u = tvmcrt_stm32f4_usart(board->usart);
  if (u == NULL) return NULL;
  STM32_SET(RCC_AHB1ENR, (1u << board->tx.port) | (1u << board->rx.port));
  uint32_t apb_enr = u->apb == 1u ? RCC_APB1ENR : RCC_APB2ENR;
  STM32_SET(apb_enr, 1u << u->enable_bit);
  (void)STM32_RD(apb_enr); /* two cycles before the enabled peripheral may be accessed */
  tvmcrt_stm32_pin_to_af(GPIO_BASE(board->tx.port), board->tx, u->af, false);
  tvmcrt_stm32_pin_to_af(GPIO_BASE(board->rx.port), board->rx, u->af, true);
  STM32_WR(USART_CR1(u->base), 0);
  STM32_WR(USART_BRR(u->base), tvmcrt_stm32f4_brr(tvmcrt_stm32f4_usart_clock_hz(u, clocks), board->baud));
  /* QEMU drops what arrives before UE and RE are set; with -serial ...,wait=on nothing is sent yet. */
  STM32_WR(USART_CR1(u->base), USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE);
  return u;
}
