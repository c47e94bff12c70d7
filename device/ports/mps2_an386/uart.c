/* SPDX-License-Identifier: Apache-2.0 */
/*
 * uart.c — UART0 of the MPS2 AN386 (a CMSDK APB UART), 115200 8N1: receive by interrupt into the
 * shared ring (tvmcrt_cm_ring_t), transmit polled.
 *
 * The CMSDK UART has a one-byte buffer each way: STATE says when it is full; the receive interrupt
 * is cleared by writing its INTSTATUS bit, a receive overrun by writing its STATE bit.
 */
#include "mps2_regs.h"
#include "tvmcrt_mps2_an386.h"

static uint8_t ring_bytes[TVMCRT_MPS2_RX_BUFFER_SIZE];
static tvmcrt_cm_ring_t ring = {ring_bytes, TVMCRT_MPS2_RX_BUFFER_SIZE, 0, 0, 0, 0};
static volatile uint32_t rx_overruns;

void UART0RX_IRQHandler(void);

void tvmcrt_mps2_uart_init(void) {
  UART0_CTRL = 0;
  UART0_BAUDDIV = TVMCRT_MPS2_CORE_HZ / TVMCRT_MPS2_BAUD; /* 217; at least 16 */
  UART0_CTRL = UART_CTRL_TX_EN | UART_CTRL_RX_EN | UART_CTRL_RX_INT_EN;
  tvmcrt_cm_irq_enable(UART0_RX_IRQn, 0x00); /* highest: a byte must be taken within one character */
}

/* Interrupt context. */
void UART0RX_IRQHandler(void) {
  UART0_INTSTATUS = UART_INT_RX;
  if (UART0_STATE & UART_STATE_RX_OVERRUN) {
    UART0_STATE = UART_STATE_RX_OVERRUN;
    rx_overruns = rx_overruns + 1u;
  }
  while (UART0_STATE & UART_STATE_RX_FULL) tvmcrt_cm_ring_put(&ring, (uint8_t)UART0_DATA);
}

size_t tvmcrt_board_uart_read(uint8_t *buf, size_t capacity) {
  return tvmcrt_cm_ring_read(&ring, buf, capacity);
}

bool tvmcrt_board_uart_write(const uint8_t *buf, size_t len) {
  for (size_t i = 0; i < len; i++) {
    while (UART0_STATE & UART_STATE_TX_FULL) {
    }
    UART0_DATA = buf[i];
  }
  return true;
}

uint32_t tvmcrt_board_rx_lost(void) {
  return ring.dropped + rx_overruns;
}
