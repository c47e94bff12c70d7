/* SPDX-License-Identifier: Apache-2.0 */
/* agent_driver.h — one agent in-process behind a fake port (memory buffers), with a C API free of
 * nanopb types so that tests can use the host's protobuf C++ classes (both generators name their
 * header tvmcrt.pb.h, so one file cannot see both). */
#ifndef AGENT_DRIVER_H_
#define AGENT_DRIVER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Fresh agent over the test model table (test_models.h) and regions "sram" (the table's arena) and
 * "spare" (4096 bytes, alignment 64). Returns tvmcrt_agent_init()'s code. */
uint32_t driver_init(uint32_t boot_id);

/* tvmcrt_agent_init() with one thing wrong: DRIVER_BAD_PORT (no write function), DRIVER_TOO_MANY_MODELS
 * (a table longer than TVMCRT_AGENT_MAX_MODELS), DRIVER_MISALIGNED_REGION (base not aligned as
 * announced). Returns its code; the text is driver_last_error_text(). */
typedef enum { DRIVER_BAD_PORT, DRIVER_TOO_MANY_MODELS, DRIVER_MISALIGNED_REGION } driver_bad_t;
uint32_t driver_init_bad(driver_bad_t what);

/* Queues bytes as if they had arrived on the link, then polls the agent until it has taken them.
 * Returns tvmcrt_agent_poll()'s result. */
bool driver_feed(const uint8_t *bytes, size_t len);

/* Everything the agent wrote since the last driver_take_output(). */
size_t driver_take_output(uint8_t *out, size_t cap);

void driver_set_clock(uint32_t tick_hz, uint32_t step);  /* before driver_init's 1 MHz, 250 */
void driver_fail_writes(bool fail);      /* port->write returns false while set */
void driver_set_rx_lost(uint32_t n);     /* port->rx_lost reports n (0: the port has no rx_lost) */
uint32_t driver_executions(void);        /* TVMExecute() calls the agent made */
const char *driver_last_error_text(void);
uint8_t *driver_region(size_t index);    /* base of region 0 or 1 */
size_t driver_agent_size(void);          /* sizeof(tvmcrt_agent_t) */

#ifdef __cplusplus
}
#endif

#endif
