/*
 * board.c — bring-up and the tvmcrt_port_t for the MPS2 AN386: SysTick from the 25 MHz system
 * clock, UART0. The FPGA needs no clock or pin set-up.
 */
#include "tvmcrt/tvmcrt.h"
#include "tvmcrt_mps2_an386.h"

void tvmcrt_board_init(void) {
  tvmcrt_cm_systick_init(TVMCRT_MPS2_CORE_HZ);
  tvmcrt_mps2_uart_init();
  __asm volatile("cpsie i" ::: "memory");
  tvmcrt_cm_boot_id_mix();
}

bool tvmcrt_board_uart_write(const uint8_t *buf, size_t len) {
  return tvmcrt_mps2_uart_write(buf, len);
}

static size_t port_read(void *ctx, uint8_t *buf, size_t capacity) {
  (void)ctx;
  return tvmcrt_mps2_uart_read(buf, capacity);
}

static bool port_write(void *ctx, const uint8_t *buf, size_t len) {
  (void)ctx;
  return tvmcrt_mps2_uart_write(buf, len);
}

static uint32_t port_ticks(void *ctx) {
  (void)ctx;
  return tvmcrt_cm_ticks();
}

static uint32_t port_rx_lost(void *ctx) {
  (void)ctx;
  return tvmcrt_mps2_uart_lost();
}

void tvmcrt_board_port(tvmcrt_port_t *port) {
  port->read = port_read;
  port->write = port_write;
  port->ticks = port_ticks;
  port->tick_hz = tvmcrt_cm_tick_hz();
  port->boot_id = tvmcrt_cm_boot_id();
  port->platform = "mps2-an386";
  port->ctx = NULL;
  port->rx_lost = port_rx_lost;
}

/* The runtime calls this after TVMPlatformAbort() recorded its error text: reset, so the host sees
 * a new boot. */
void TVMCrtPortAbort(int32_t error_code) {
  (void)error_code;
  tvmcrt_cm_reset();
}
