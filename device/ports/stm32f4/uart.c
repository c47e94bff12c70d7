/* SPDX-License-Identifier: Apache-2.0 */
/*
 * uart.c — the board's USART, 8N1: receive by interrupt into a ring, transmit polled.
 *
 * The receive interrupt only moves the byte into the ring (tvmcrt_cm_ring_t, shared by the Cortex-M
 * ports); the agent decodes frames from the main loop (tvmcrt_board_uart_read). Which USART, its
 * pins and BRR: stm32f4_uart_setup.c, from the board description.
 */
#include "stm32f4_regs.h"
#include "tvmcrt_stm32f4.h"

static uint8_t ring_bytes[TVMCRT_STM32F4_RX_BUFFER_SIZE];
static tvmcrt_cm_ring_t ring = {ring_bytes, TVMCRT_STM32F4_RX_BUFFER_SIZE, 0, 0, 0, 0};
static volatile uint32_t rx_overruns;
static uint32_t usart_base; /* the board's USART; set once before its interrupt is enabled */

void USART_IRQHandler(void);

void tvmcrt_stm32f4_uart_init(const tvmcrt_stm32f4_clocks_t *clocks) {
  const tvmcrt_stm32f4_usart_t *u = tvmcrt_stm32f4_uart_setup(&tvmcrt_stm32f4_board, clocks);
  if (u == NULL) tvmcrt_cm_reset(); /* board_desc.c refuses to build such a board */
  usart_base = u->base;
  tvmcrt_cm_irq_enable(u->irq, 0x00); /* highest: a byte must be taken within one character time */
}

/* Interrupt context; the vector of every USART points here, only the board's is enabled. Reading
 * SR then DR clears RXNE and the ORE/FE/NE flags. */
void USART_IRQHandler(void) {
  uint32_t sr = STM32_RD(USART_SR(usart_base));
  if ((sr & (USART_SR_RXNE | USART_SR_ORE)) == 0) return;
  uint8_t byte = (uint8_t)STM32_RD(USART_DR(usart_base));
  if (sr & USART_SR_ORE) rx_overruns = rx_overruns + 1u;
  tvmcrt_cm_ring_put(&ring, byte);
}

size_t tvmcrt_board_uart_read(uint8_t *buf, size_t capacity) {
  return tvmcrt_cm_ring_read(&ring, buf, capacity);
}

bool tvmcrt_board_uart_write(const uint8_t *buf, size_t len) {
  for (size_t i = 0; i < len; i++) {
    while ((STM32_RD(USART_SR(usart_base)) & USART_SR_TXE) == 0) {
    }
    STM32_WR(USART_DR(usart_base), buf[i]);
  }
  return true;
}

void tvmcrt_stm32f4_uart_stats(tvmcrt_stm32f4_uart_stats_t *out) {
  out->rx_bytes = ring.bytes;
  out->rx_dropped = ring.dropped;
  out->rx_overruns = rx_overruns;
}
