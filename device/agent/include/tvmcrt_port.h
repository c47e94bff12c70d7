/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_port.h — what a port gives the agent: bytes in, bytes out, a clock, an identity.
 *
 * The agent core (device/agent) knows nothing of any port; a port (device/ports/<name>/) fills one
 * tvmcrt_port_t and calls tvmcrt_agent_poll() from its main loop or an RTOS task. Function pointers
 * rather than link-time symbols so that tests and fuzzers can drive an agent in-process.
 * None of these functions is called from interrupt context by the agent.
 */
#ifndef TVMCRT_PORT_H_
#define TVMCRT_PORT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tvmcrt_port {
  /* Copy up to `capacity` bytes that have arrived into `buf`. Never blocks. Returns the number of
   * bytes copied; 0 when nothing is waiting. `buf` is the agent's. */
  size_t (*read)(void *ctx, uint8_t *buf, size_t capacity);
  /* Send all `len` bytes of `buf`, in order. May block until they are queued or on the wire; the
   * agent may reuse `buf` as soon as this returns. Returns false if the link is gone. */
  bool (*write)(void *ctx, const uint8_t *buf, size_t len);
  /* Free-running counter that wraps at 2^32, tick_hz counts per second. Times Execute. */
  uint32_t (*ticks)(void *ctx);
  uint32_t tick_hz;
  /* Differs after every reset (a counter kept in no-init RAM, a random number, the PID...). */
  uint32_t boot_id;
  const char *platform;  /* "posix", "stm32f4", ... */
  void *ctx;             /* handed back to every call */
  /* Optional (NULL: cannot tell). Bytes lost on receive since boot: UART overruns, a full receive
   * buffer. Reported in every Status so the host can name the cause when frames go missing. */
  uint32_t (*rx_lost)(void *ctx);
  /* Optional (NULL: cannot tell). The stack's high-water mark for a profiled Execute: stack_paint()
   * fills the stack below the caller's frame with a pattern; stack_used() then returns the bytes of
   * stack in use at the deepest point since, from the stack's top (frames of main and the agent
   * included); stack_size is the stack's whole size. Both are called from the agent's loop. */
  void (*stack_paint)(void *ctx);
  uint32_t (*stack_used)(void *ctx);
  uint32_t stack_size;
  /* Optional (NULL: nothing to do). Waits until the tick source is at the same phase as on every
   * other call (the next wrap of a tick made of a coarse counter), so that a profiled run starts
   * at the same point of the clock each time: under an emulator that counts instructions, runs of
   * one image on one input then give identical ticks. A cycle-exact tick (DWT) needs none. */
  void (*tick_sync)(void *ctx);
} tvmcrt_port_t;

/* A memory region the host may place workspaces in (SetWorkspaces). Owned by the port/application;
 * base must be aligned to `alignment`. */
typedef struct tvmcrt_region {
  const char *name;
  uint8_t *base;
  uint32_t size;
  uint32_t alignment;
} tvmcrt_region_t;

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_PORT_H_ */
