/* SPDX-License-Identifier: Apache-2.0 */
/* agent_driver.c — see agent_driver.h. */
#include "agent_driver.h"

#include <string.h>

#include "tvmcrt_agent.h"

#define INPUT_CAP (64u * 1024u)
#define OUTPUT_CAP (256u * 1024u)

static tvmcrt_agent_t agent;
static tvmcrt_port_t port;
static uint8_t input[INPUT_CAP];
static size_t input_head, input_tail;
static uint8_t output[OUTPUT_CAP];
static size_t output_len;
static bool writes_fail;
static uint32_t rx_lost_bytes;
static uint32_t now;
static uint32_t tick_step = 250u;
static uint8_t spare[4096] __attribute__((aligned(64)));
static tvmcrt_region_t regions[2];

/* Hands out at most 7 bytes a call, so frames straddle reads the way UART bytes do. */
static size_t fake_read(void *ctx, uint8_t *buf, size_t capacity) {
  size_t n = input_tail - input_head;
  (void)ctx;
  if (n > capacity) n = capacity;
  if (n > 7) n = 7;
  memcpy(buf, input + input_head, n);
  input_head += n;
  return n;
}

static bool fake_write(void *ctx, const uint8_t *buf, size_t len) {
  (void)ctx;
  if (writes_fail || len > OUTPUT_CAP - output_len) return false;
  memcpy(output + output_len, buf, len);
  output_len += len;
  return true;
}

/* Advances tick_step ticks per call (250 at 1 MHz unless driver_set_clock()), so an Execute
 * measures exactly one step. */
static uint32_t fake_ticks(void *ctx) {
  (void)ctx;
  now += tick_step;
  return now;
}

static uint32_t fake_rx_lost(void *ctx) {
  (void)ctx;
  return rx_lost_bytes;
}

void driver_set_rx_lost(uint32_t n) {
  rx_lost_bytes = n;
  port.rx_lost = n != 0 ? fake_rx_lost : NULL;
}

uint32_t driver_init(uint32_t boot_id) {
  input_head = input_tail = output_len = 0;
  writes_fail = false;
  now = 0xFFFFFF00u;  /* wraps during the first Execute */
  tick_step = 250u;
  port.read = fake_read;
  port.write = fake_write;
  port.ticks = fake_ticks;
  port.tick_hz = 1000000u;
  port.boot_id = boot_id;
  port.platform = "test";
  port.ctx = NULL;
  port.rx_lost = NULL;
  regions[0] = (tvmcrt_region_t){"sram", tvmcrt_agent_arena, tvmcrt_agent_arena_size, 16};
  regions[1] = (tvmcrt_region_t){"spare", spare, sizeof spare, 64};
  return tvmcrt_agent_init(&agent, &port, tvmcrt_agent_models, tvmcrt_agent_model_count, regions, 2);
}

uint32_t driver_init_bad(driver_bad_t what) {
  static tvmcrt_agent_model_t many[TVMCRT_AGENT_MAX_MODELS + 1];
  (void)driver_init(1);
  switch (what) {
    case DRIVER_BAD_PORT:
      port.write = NULL;
      return tvmcrt_agent_init(&agent, &port, tvmcrt_agent_models, tvmcrt_agent_model_count,
                               regions, 2);
    case DRIVER_TOO_MANY_MODELS:
      for (size_t i = 0; i < TVMCRT_AGENT_MAX_MODELS + 1; i++) many[i] = tvmcrt_agent_models[0];
      return tvmcrt_agent_init(&agent, &port, many, TVMCRT_AGENT_MAX_MODELS + 1, regions, 2);
    case DRIVER_MISALIGNED_REGION:
    default:
      regions[1].base = spare + 8;
      return tvmcrt_agent_init(&agent, &port, tvmcrt_agent_models, tvmcrt_agent_model_count,
                               regions, 2);
  }
}

bool driver_feed(const uint8_t *bytes, size_t len) {
  bool ok = true;
  while (len > 0) {
    size_t n = len < INPUT_CAP ? len : INPUT_CAP;
    memcpy(input, bytes, n);
    input_head = 0;
    input_tail = n;
    bytes += n;
    len -= n;
    while (input_head < input_tail) ok = tvmcrt_agent_poll(&agent) && ok;
  }
  return ok;
}

size_t driver_take_output(uint8_t *out, size_t cap) {
  size_t n = output_len < cap ? output_len : cap;
  memcpy(out, output, n);
  output_len = 0;
  return n;
}

void driver_set_clock(uint32_t tick_hz, uint32_t step) {
  port.tick_hz = tick_hz;
  tick_step = step;
}
void driver_fail_writes(bool fail) { writes_fail = fail; }
uint32_t driver_executions(void) { return agent.executions; }
const char *driver_last_error_text(void) { return tvmcrt_agent_last_error_text(&agent); }
uint8_t *driver_region(size_t index) { return regions[index].base; }
size_t driver_agent_size(void) { return sizeof agent; }
