/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_cortex_m.h — what every bare-metal Cortex-M port shares (device/ports/cortex_m): the
 * start-up code, the tick counter (DWT or SysTick), the boot id, reset, the UART receive ring, the
 * agent's main loop and the linker script. A port (device/ports/stm32f4, device/ports/mps2_an386) brings the
 * board: its UART, its vector table and its memory map, and implements the board functions below.
 *
 * Depends on startup.c, systick.c and agent_main.c (agent images only, which also fills the
 * tvmcrt_port_t from the board functions).
 */
#ifndef TVMCRT_CORTEX_M_H_
#define TVMCRT_CORTEX_M_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tvmcrt_port.h"

#ifdef __cplusplus
extern "C" {
#endif

/*--------------------------------------------------------------------------------------------------
 * The board: each port implements these.
 *------------------------------------------------------------------------------------------------*/

/* Clocks, pins, the UART with its receive interrupt, SysTick (tvmcrt_cm_systick_init()); enables
 * interrupts. Called once, first thing in main(). Waits on nothing an emulator leaves at 0. */
void tvmcrt_board_init(void);
/* The host UART, main context. read() never blocks and returns what the receive ring holds, up to
 * `capacity`; write() blocks until all `len` bytes are in the transmitter. */
size_t tvmcrt_board_uart_read(uint8_t *buf, size_t capacity);
bool tvmcrt_board_uart_write(const uint8_t *buf, size_t len);
/* Bytes lost on receive since boot (a full ring, UART overruns). */
uint32_t tvmcrt_board_rx_lost(void);
/* Short name for `tvmcrt-host info` ("stm32f4", "mps2-an386"). */
const char *tvmcrt_board_platform(void);

/*--------------------------------------------------------------------------------------------------
 * Shared: SysTick, boot id, reset (systick.c)
 *------------------------------------------------------------------------------------------------*/

/* Starts SysTick from the core clock (core_hz counts per second) below every UART interrupt in
 * priority, starts the DWT cycle counter where there is one that counts, and counts this boot in
 * the no-init boot record. */
void tvmcrt_cm_systick_init(uint32_t core_hz);
/* Free-running core-clock counter, wraps at 2^32: DWT->CYCCNT where it counts, else SysTick's 24
 * bits extended in software. */
uint32_t tvmcrt_cm_ticks(void);
uint32_t tvmcrt_cm_tick_hz(void);
/* Waits for the tick's next wrap when it is made of SysTick (tvmcrt_port_t.tick_sync). */
void tvmcrt_cm_tick_sync(void);

/* The main stack's high-water mark (stack.c): paint the unused stack below the caller's frame,
 * then the bytes used at the deepest point since (from the top), and the stack's size. */
void tvmcrt_cm_stack_paint(void);
uint32_t tvmcrt_cm_stack_used(void);
uint32_t tvmcrt_cm_stack_size(void);
/* Which counter ticks() reads: "the DWT cycle counter" or "SysTick". */
const char *tvmcrt_cm_tick_source(void);
/* The platform line for tvmcrt_board_platform() (platform.c), written into `buf` (cut to `cap`):
 * "<family> <board>: <chip> at <core_hz> (<clock_note>), times from <tick source> at <tick rate>";
 * with core_hz 0 (an emulator: the port did not set the clock) "<family>-emulated <board>:
 * <clock_note>, times from ...". tvmcrt-host labels times from a "-emulated" platform as such. */
void tvmcrt_cm_platform_line(char *buf, size_t cap, const char *family, const char *board, const char *chip,
                             uint32_t core_hz, const char *clock_note);
/* Different after every reset: the no-init counter mixed with the SysTick phase at boot. Mix once
 * interrupts run (tvmcrt_cm_boot_id_mix()), then read. */
void tvmcrt_cm_boot_id_mix(void);
uint32_t tvmcrt_cm_boot_id(void);
/* SYSRESETREQ: an emulator restarts the image, the host sees a new boot id. Also from interrupts. */
void tvmcrt_cm_reset(void) __attribute__((noreturn));
/* Enables interrupt `irq` (0 = the first after the 16 core exceptions) at `priority` (0 highest). */
void tvmcrt_cm_irq_enable(unsigned irq, uint8_t priority);

/*--------------------------------------------------------------------------------------------------
 * Shared: the UART receive ring
 *
 * One producer (the receive interrupt, tvmcrt_cm_ring_put) and one consumer (main, _read): `head` is
 * written only by the interrupt, `tail` only by main, each one aligned word, so no lock is needed.
 *   UART RX --> <port>_IRQHandler --> ring[head++]      ring[tail++] --> _read --> agent
 *------------------------------------------------------------------------------------------------*/

typedef struct tvmcrt_cm_ring {
  uint8_t *buf;             /* size bytes, a power of two; the port's */
  uint32_t size;
  volatile uint32_t head;   /* next slot the interrupt writes; free-running */
  volatile uint32_t tail;   /* next slot main reads; free-running */
  volatile uint32_t bytes;  /* received into the ring */
  volatile uint32_t dropped;/* lost because the ring was full */
} tvmcrt_cm_ring_t;

/* Interrupt context: queues one byte, or counts it as dropped. */
static inline void tvmcrt_cm_ring_put(tvmcrt_cm_ring_t *r, uint8_t byte) {
  uint32_t h = r->head;
  if (h - r->tail == r->size) {
    r->dropped = r->dropped + 1u;
    return;
  }
  r->buf[h & (r->size - 1u)] = byte;
  __asm volatile("" ::: "memory"); /* the byte is in the ring before main can see the new head */
  r->head = h + 1u;
  r->bytes = r->bytes + 1u;
}

/* Main context: copies out up to `capacity` queued bytes; never blocks. */
size_t tvmcrt_cm_ring_read(tvmcrt_cm_ring_t *r, uint8_t *buf, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_CORTEX_M_H_ */
