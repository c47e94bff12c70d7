/*
 * board.c — bring-up and the tvmcrt_port_t for STM32F4 boards with USART1 on PA9/PA10.
 *
 * The chip runs from its reset clock (16 MHz HSI). Peripheral clocks and pin functions are written
 * unconditionally: silicon needs them, QEMU 7.2 does not emulate RCC/GPIO and ignores the writes.
 * Nothing here waits on a ready bit, which would hang under QEMU (its RCC reads 0).
 */
#include "stm32f4_regs.h"
#include "tvmcrt/tvmcrt.h"
#include "tvmcrt_stm32f4.h"

static void pins_init(void) {
  RCC_AHB1ENR |= RCC_AHB1ENR_GPIOAEN;
  RCC_APB2ENR |= RCC_APB2ENR_USART1EN;
  (void)RCC_APB2ENR; /* RM0090 2.2.4: two cycles before the enabled peripheral may be accessed */
  GPIOA_MODER = (GPIOA_MODER & ~((3u << 18) | (3u << 20))) | (GPIO_MODE_AF << 18) | (GPIO_MODE_AF << 20);
  GPIOA_AFRH = (GPIOA_AFRH & ~((0xFu << 4) | (0xFu << 8))) | (7u << 4) | (7u << 8); /* AF7 = USART1 */
}

bool tvmcrt_stm32f4_emulated(void) {
  return (RCC_CR & RCC_CR_HSIRDY) == 0u;
}

void tvmcrt_board_init(void) {
  pins_init();
  tvmcrt_cm_systick_init(tvmcrt_stm32f4_emulated() ? TVMCRT_STM32F4_EMULATED_CORE_HZ : TVMCRT_STM32F4_CORE_HZ);
  tvmcrt_stm32f4_uart_init();
  __asm volatile("cpsie i" ::: "memory");
  tvmcrt_cm_boot_id_mix();
}

bool tvmcrt_board_uart_write(const uint8_t *buf, size_t len) {
  return tvmcrt_stm32f4_uart_write(buf, len);
}

static size_t port_read(void *ctx, uint8_t *buf, size_t capacity) {
  (void)ctx;
  return tvmcrt_stm32f4_uart_read(buf, capacity);
}

static bool port_write(void *ctx, const uint8_t *buf, size_t len) {
  (void)ctx;
  return tvmcrt_stm32f4_uart_write(buf, len);
}

static uint32_t port_ticks(void *ctx) {
  (void)ctx;
  return tvmcrt_cm_ticks();
}

static uint32_t port_rx_lost(void *ctx) {
  tvmcrt_stm32f4_uart_stats_t st;
  (void)ctx;
  tvmcrt_stm32f4_uart_stats(&st);
  return st.rx_dropped + st.rx_overruns;
}

void tvmcrt_board_port(tvmcrt_port_t *port) {
  port->read = port_read;
  port->write = port_write;
  port->ticks = port_ticks;
  port->tick_hz = tvmcrt_cm_tick_hz();
  port->boot_id = tvmcrt_cm_boot_id();
  port->platform = tvmcrt_stm32f4_emulated() ? "stm32f4-emulated" : "stm32f4";
  port->ctx = NULL;
  port->rx_lost = port_rx_lost;
}

/* The runtime calls this after TVMPlatformAbort() recorded its error text (model code gave up or a
 * runtime invariant broke). Nothing can be trusted after that: reset, so the host sees a new boot. */
void TVMCrtPortAbort(int32_t error_code) {
  (void)error_code;
  tvmcrt_cm_reset();
}
