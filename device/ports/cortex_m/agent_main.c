/* SPDX-License-Identifier: Apache-2.0 */
/*
 * agent_main.c — the agent firmware of every Cortex-M port: serves the image's models over the
 * board's UART (tvmcrt_board_*(), tvmcrt_cortex_m.h).
 *
 * The workspace region the host may place pools in is the arena tvmcrt_link_models() generated
 * (sized for every model's pools at once, in .bss). The model table, its input/output buffers and
 * the arena come from the generated tvmcrt_agent_models.c.
 */
#include <string.h>

#include "tvmcrt_agent.h"
#include "tvmcrt_cortex_m.h"

/* The ring must hold every frame the host may have in flight while a model runs. */
#if TVMCRT_CM_RX_BUFFER_SIZE < TVMCRT_AGENT_PORT_RX_MIN
#error "the port's receive ring (TVMCRT_<PORT>_RX_BUFFER_SIZE) is below TVMCRT_AGENT_PORT_RX_MIN (receive window x largest frame): raise it"
#endif

static tvmcrt_agent_t agent;
static tvmcrt_port_t port;

static size_t port_read(void *ctx, uint8_t *buf, size_t capacity) {
  (void)ctx;
  return tvmcrt_board_uart_read(buf, capacity);
}

static bool port_write(void *ctx, const uint8_t *buf, size_t len) {
  (void)ctx;
  return tvmcrt_board_uart_write(buf, len);
}

static uint32_t port_ticks(void *ctx) {
  (void)ctx;
  return tvmcrt_cm_ticks();
}

static void port_stack_paint(void *ctx) {
  (void)ctx;
  tvmcrt_cm_stack_paint();
}

static uint32_t port_stack_used(void *ctx) {
  (void)ctx;
  return tvmcrt_cm_stack_used();
}

static void port_tick_sync(void *ctx) {
  (void)ctx;
  tvmcrt_cm_tick_sync();
}

static uint32_t port_rx_lost(void *ctx) {
  (void)ctx;
  return tvmcrt_board_rx_lost();
}

/* Without a working agent there is no protocol to report in: say why in plain text, every two
 * seconds so a terminal opened late still sees it. */
static void halt_with(const char *text) {
  static const char prefix[] = "tvmcrt-fw: agent did not start: ";
  for (;;) {
    (void)tvmcrt_board_uart_write((const uint8_t *)prefix, sizeof prefix - 1);
    (void)tvmcrt_board_uart_write((const uint8_t *)text, strlen(text));
    (void)tvmcrt_board_uart_write((const uint8_t *)"\n", 1);
    uint32_t start = tvmcrt_cm_ticks();
    while (tvmcrt_cm_ticks() - start < 2u * tvmcrt_cm_tick_hz()) {
    }
  }
}

int main(void) {
  tvmcrt_board_init();
  port = (tvmcrt_port_t){port_read, port_write, port_ticks, tvmcrt_cm_tick_hz(), tvmcrt_cm_boot_id(),
                         tvmcrt_board_platform(), NULL, port_rx_lost, port_stack_paint, port_stack_used,
                         tvmcrt_cm_stack_size(), port_tick_sync};
  static tvmcrt_region_t regions[1];
  regions[0] = (tvmcrt_region_t){"sram", tvmcrt_agent_arena, tvmcrt_agent_arena_size, 16};
  if (tvmcrt_agent_init(&agent, &port, tvmcrt_agent_models, tvmcrt_agent_model_count, regions, 1) != 0) {
    halt_with(tvmcrt_agent_last_error_text(&agent));
  }
  for (;;) {
    (void)tvmcrt_agent_poll(&agent); /* the UART never goes away: a false return is not final */
  }
}
