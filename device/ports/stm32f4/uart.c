/*
 * uart.c — USART1, 115200 8N1: receive by interrupt into a ring, transmit polled.
 *
 * The receive interrupt only moves the byte into the ring; the agent decodes frames from the main
 * loop (tvmcrt_stm32f4_uart_read). One producer (the interrupt) and one consumer (main): `head` is
 * written only by the interrupt, `tail` only by main, each a single aligned word, so no lock is needed.
 *
 *   USART1 RXNE --> USART1_IRQHandler --> ring[head++]    ring[tail++] --> uart_read --> agent
 */
#include <string.h>

#include "stm32f4_regs.h"
#include "tvmcrt_stm32f4.h"

#define RING_MASK (TVMCRT_STM32F4_RX_BUFFER_SIZE - 1u)

static uint8_t ring[TVMCRT_STM32F4_RX_BUFFER_SIZE];
static volatile uint32_t head;  /* next slot the interrupt writes; free-running */
static volatile uint32_t tail;  /* next slot main reads; free-running */
static volatile tvmcrt_stm32f4_uart_stats_t stats;

void USART1_IRQHandler(void);

/* BRR for OVER8 = 0: the APB2 clock over the baud rate, rounded (16 MHz -> 139 = 115108 baud, 0.08 %
 * off). QEMU ignores BRR. */
#define USART1_BRR_VALUE ((TVMCRT_STM32F4_CORE_HZ + TVMCRT_STM32F4_BAUD / 2u) / TVMCRT_STM32F4_BAUD)

void tvmcrt_stm32f4_uart_init(void) {
  head = tail = 0;
  USART1_CR1 = 0;
  USART1_BRR = USART1_BRR_VALUE;
  /* QEMU drops what arrives before UE and RE are set; with -serial ...,wait=on nothing is sent yet. */
  USART1_CR1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE;
  NVIC_IPR_BYTE(USART1_IRQn) = 0x00; /* highest: a byte must be taken within one character time */
  NVIC_ISER(USART1_IRQn / 32) = 1u << (USART1_IRQn % 32);
}

/* Interrupt context. Reading SR then DR clears RXNE and the ORE/FE/NE flags. */
void USART1_IRQHandler(void) {
  uint32_t sr = USART1_SR;
  if ((sr & (USART_SR_RXNE | USART_SR_ORE)) == 0) return;
  uint8_t byte = (uint8_t)USART1_DR;
  if (sr & USART_SR_ORE) stats.rx_overruns = stats.rx_overruns + 1u;
  uint32_t h = head;
  if (h - tail == TVMCRT_STM32F4_RX_BUFFER_SIZE) {
    stats.rx_dropped = stats.rx_dropped + 1u;
    return;
  }
  ring[h & RING_MASK] = byte;
  __asm volatile("" ::: "memory"); /* the byte is in the ring before main can see the new head */
  head = h + 1u;
  stats.rx_bytes = stats.rx_bytes + 1u;
}

size_t tvmcrt_stm32f4_uart_read(uint8_t *buf, size_t capacity) {
  uint32_t t = tail;
  uint32_t available = head - t;
  size_t n = available < capacity ? available : capacity;
  /* At most two pieces: up to the end of the ring, then from its start. */
  size_t first = TVMCRT_STM32F4_RX_BUFFER_SIZE - (t & RING_MASK);
  if (first > n) first = n;
  memcpy(buf, &ring[t & RING_MASK], first);
  memcpy(buf + first, ring, n - first);
  __asm volatile("" ::: "memory"); /* copied out before the interrupt may reuse the slots */
  tail = t + (uint32_t)n;
  return n;
}

bool tvmcrt_stm32f4_uart_write(const uint8_t *buf, size_t len) {
  for (size_t i = 0; i < len; i++) {
    while ((USART1_SR & USART_SR_TXE) == 0) {
    }
    USART1_DR = buf[i];
  }
  return true;
}

void tvmcrt_stm32f4_uart_stats(tvmcrt_stm32f4_uart_stats_t *out) {
  out->rx_bytes = stats.rx_bytes;
  out->rx_dropped = stats.rx_dropped;
  out->rx_overruns = stats.rx_overruns;
}
