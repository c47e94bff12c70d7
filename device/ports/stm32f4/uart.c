/*
 * uart.c — USART1, 115200 8N1: receive by interrupt into a ring, transmit polled.
 *
 * The receive interrupt only moves the byte into the ring (tvmcrt_cm_ring_t, shared by the Cortex-M
 * ports); the agent decodes frames from the main loop (tvmcrt_board_uart_read).
 */
#include "stm32f4_regs.h"
#include "tvmcrt_stm32f4.h"

static uint8_t ring_bytes[TVMCRT_STM32F4_RX_BUFFER_SIZE];
static tvmcrt_cm_ring_t ring = {ring_bytes, TVMCRT_STM32F4_RX_BUFFER_SIZE, 0, 0, 0, 0};
static volatile uint32_t rx_overruns;

void USART1_IRQHandler(void);

/* BRR for OVER8 = 0: the APB2 clock over the baud rate, rounded (16 MHz -> 139 = 115108 baud, 0.08 %
 * off). QEMU ignores BRR. */
#define USART1_BRR_VALUE ((TVMCRT_STM32F4_CORE_HZ + TVMCRT_STM32F4_BAUD / 2u) / TVMCRT_STM32F4_BAUD)

void tvmcrt_stm32f4_uart_init(void) {
  USART1_CR1 = 0;
  USART1_BRR = USART1_BRR_VALUE;
  /* QEMU drops what arrives before UE and RE are set; with -serial ...,wait=on nothing is sent yet. */
  USART1_CR1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE;
  tvmcrt_cm_irq_enable(USART1_IRQn, 0x00); /* highest: a byte must be taken within one character time */
}

/* Interrupt context. Reading SR then DR clears RXNE and the ORE/FE/NE flags. */
void USART1_IRQHandler(void) {
  uint32_t sr = USART1_SR;
  if ((sr & (USART_SR_RXNE | USART_SR_ORE)) == 0) return;
  uint8_t byte = (uint8_t)USART1_DR;
  if (sr & USART_SR_ORE) rx_overruns = rx_overruns + 1u;
  tvmcrt_cm_ring_put(&ring, byte);
}

size_t tvmcrt_board_uart_read(uint8_t *buf, size_t capacity) {
  return tvmcrt_cm_ring_read(&ring, buf, capacity);
}

bool tvmcrt_board_uart_write(const uint8_t *buf, size_t len) {
  for (size_t i = 0; i < len; i++) {
    while ((USART1_SR & USART_SR_TXE) == 0) {
    }
    USART1_DR = buf[i];
  }
  return true;
}

void tvmcrt_stm32f4_uart_stats(tvmcrt_stm32f4_uart_stats_t *out) {
  out->rx_bytes = ring.bytes;
  out->rx_dropped = ring.dropped;
  out->rx_overruns = rx_overruns;
}
