/* SPDX-License-Identifier: Apache-2.0 */
/*
 * uart.c — the board's UART (stm32l4_uart_setup.c), 8N1: receive by interrupt into the shared ring
 * (tvmcrt_cm_ring_t), transmit polled. The L4 layout: ISR, RDR, TDR; an overrun is cleared in ICR.
 */
#include "stm32l4_regs.h"
#include "tvmcrt_stm32l4.h"

static uint8_t ring_bytes[TVMCRT_STM32L4_RX_BUFFER_SIZE];
static tvmcrt_cm_ring_t ring = {ring_bytes, TVMCRT_STM32L4_RX_BUFFER_SIZE, 0, 0, 0, 0};
static volatile uint32_t rx_overruns;
static uint32_t uart_base; /* set once before its interrupt is enabled */

void UART_IRQHandler(void);

void tvmcrt_stm32l4_uart_init(const tvmcrt_stm32l4_clocks_t *clocks) {
  const tvmcrt_stm32l4_uart_t *u = tvmcrt_stm32l4_uart_setup(&tvmcrt_stm32l4_board, clocks);
  if (u == NULL) tvmcrt_cm_reset(); /* board_desc.c's board names a UART the port has */
  uart_base = u->base;
  tvmcrt_cm_irq_enable(u->irq, 0x00); /* highest: a byte must be taken within one character time */
}

/* Interrupt context; every UART vector points here, only the board's is enabled. Reading RDR clears
 * RXNE; an overrun (ORE, which also raises the interrupt) must be cleared in ICR or it fires again. */
void UART_IRQHandler(void) {
  uint32_t isr = STM32_RD(UART_ISR(uart_base));
  if (isr & UART_ISR_ORE) {
    STM32_WR(UART_ICR(uart_base), UART_ICR_ORECF);
    rx_overruns = rx_overruns + 1u;
  }
  if (isr & UART_ISR_RXNE) tvmcrt_cm_ring_put(&ring, (uint8_t)STM32_RD(UART_RDR(uart_base)));
}

size_t tvmcrt_board_uart_read(uint8_t *buf, size_t capacity) {
  return tvmcrt_cm_ring_read(&ring, buf, capacity);
}

bool tvmcrt_board_uart_write(const uint8_t *buf, size_t len) {
  for (size_t i = 0; i < len; i++) {
    while ((STM32_RD(UART_ISR(uart_base)) & UART_ISR_TXE) == 0) {
    }
    STM32_WR(UART_TDR(uart_base), buf[i]);
  }
  return true;
}

uint32_t tvmcrt_board_rx_lost(void) {
  return ring.dropped + rx_overruns;
}
