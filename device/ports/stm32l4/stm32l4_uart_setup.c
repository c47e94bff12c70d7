/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stm32l4_uart_setup.c — the UART instances of the STM32L4+ and the set-up of the board's one.
 * Registers only through STM32_RD/STM32_WR (tests/stm32l4 runs it natively). uart.c has the
 * interrupt and the transmit side.
 */
#include <stddef.h>

#include "stm32l4_regs.h"
#include "tvmcrt_stm32l4_board.h"

/* RM0432: memory map (LPUART1 0x40008000, USART2/3 0x40004400/0x40004800 on APB1, USART1
 * 0x40013800 on APB2), RCC_APB1ENR2 LPUART1EN 0, RCC_APB1ENR1 USART2EN 17 / USART3EN 18,
 * RCC_APB2ENR USART1EN 14, the vector table (LPUART1 70); DS12023's alternate functions (AF8
 * LPUART1, AF7 USART1..3). Each runs from PCLK (RCC_CCIPR's reset selection). */
static const tvmcrt_stm32l4_uart_t uarts[] = {
    {"LPUART1", 0x40008000u, LPUART1_IRQn, RCC_APB1ENR2, 0, 8, true, false},
    {"USART1", 0x40013800u, USART1_IRQn, RCC_APB2ENR, 14, 7, false, true},
    {"USART2", 0x40004400u, USART2_IRQn, RCC_APB1ENR1, 17, 7, false, false},
    {"USART3", 0x40004800u, USART3_IRQn, RCC_APB1ENR1, 18, 7, false, false},
};

const tvmcrt_stm32l4_uart_t *tvmcrt_stm32l4_uart(uint8_t id) {
  return id < sizeof uarts / sizeof uarts[0] ? &uarts[id] : NULL;
}

uint32_t tvmcrt_stm32l4_uart_clock_hz(const tvmcrt_stm32l4_uart_t *u, const tvmcrt_stm32l4_clocks_t *clocks) {
  return u->apb2 ? clocks->pclk2_hz : clocks->pclk1_hz;
}

/* RM0432 "LPUART baud rate generation": LPUARTDIV = 256 x fck / baud, at least 0x300, below 2^20,
 * with 3 x baud <= fck <= 4096 x baud; a USART's 16x oversampling: fck / baud. Rounded; the
 * LPUART's in two steps so 256 x fck never needs 64 bits. */
uint32_t tvmcrt_stm32l4_brr(const tvmcrt_stm32l4_uart_t *u, uint32_t clock_hz, uint32_t baud) {
  if (baud == 0) return 0;
  if (!u->lpuart) return (clock_hz + baud / 2u) / baud;
  if (clock_hz < 3u * baud || clock_hz / 4096u > baud) return 0;
  uint32_t brr = clock_hz / baud * 256u + ((clock_hz % baud) * 256u + baud / 2u) / baud;
  return brr >= 0x300u && brr < (1u << 20) ? brr : 0;
}

const tvmcrt_stm32l4_uart_t *tvmcrt_stm32l4_uart_setup(const tvmcrt_stm32l4_board_t *board,
                                                       const tvmcrt_stm32l4_clocks_t *clocks) {
  const tvmcrt_stm32l4_uart_t *u = tvmcrt_stm32l4_uart(board->uart);
  if (u == NULL) return NULL;
  STM32_SET(RCC_AHB2ENR, (1u << board->tx.port) | (1u << board->rx.port));
  /* PG2..PG15 run from VDDIO2 (RM0432 "Independent I/O supply rail"): usable once IOSV is set. */
  bool on_vddio2 = (board->tx.port == GPIO_PORT_G && board->tx.pin >= 2u) ||
                   (board->rx.port == GPIO_PORT_G && board->rx.pin >= 2u);
  if (on_vddio2) {
    STM32_SET(RCC_APB1ENR1, RCC_APB1ENR1_PWREN);
    (void)STM32_RD(RCC_APB1ENR1);
    STM32_SET(PWR_CR2, PWR_CR2_IOSV);
  }
  STM32_SET(u->enable_reg, 1u << u->enable_bit);
  (void)STM32_RD(u->enable_reg); /* two cycles before the enabled peripheral may be accessed */
  tvmcrt_stm32_pin_to_af(GPIO_BASE(board->tx.port), board->tx, u->af, false);
  tvmcrt_stm32_pin_to_af(GPIO_BASE(board->rx.port), board->rx, u->af, true);
  STM32_WR(UART_CR1(u->base), 0);
  STM32_WR(UART_BRR(u->base), tvmcrt_stm32l4_brr(u, tvmcrt_stm32l4_uart_clock_hz(u, clocks), board->baud));
  STM32_WR(UART_CR1(u->base), UART_CR1_UE | UART_CR1_TE | UART_CR1_RE | UART_CR1_RXNEIE);
  return u;
}
