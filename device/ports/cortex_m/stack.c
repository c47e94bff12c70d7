/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stack.c — the main stack's high-water mark (tvmcrt_port_t.stack_paint/stack_used) on every
 * Cortex-M port: the stack is [__stack_limit, _estack) (cortex_m.ld.in), one stack for main and
 * every interrupt (MSP).
 *
 * paint() fills the unused part, from the limit up to a little below the caller's frame, with a
 * pattern; used() finds the lowest word that no longer holds it. A frame that reserves stack but
 * never writes some of it is not counted: that memory was not used either.
 */
#include "tvmcrt_cortex_m.h"

extern uint32_t __stack_limit[], _estack[];

#define STACK_PAINT 0x5AC3A55Cu
/* Bytes left unpainted below the stack pointer: paint()'s own frame and what it calls. */
#define STACK_MARGIN 64u

static uint32_t *stack_pointer(void) {
  uint32_t *sp;
  __asm volatile("mov %0, sp" : "=r"(sp));
  return sp;
}

void tvmcrt_cm_stack_paint(void) {
  uint32_t *stop = stack_pointer() - STACK_MARGIN / sizeof(uint32_t);
  for (volatile uint32_t *w = __stack_limit; w < stop; w++) *w = STACK_PAINT;
}

uint32_t tvmcrt_cm_stack_used(void) {
  const uint32_t *w = __stack_limit;
  while (w < _estack && *w == STACK_PAINT) w++;
  return (uint32_t)((uintptr_t)_estack - (uintptr_t)w);
}

uint32_t tvmcrt_cm_stack_size(void) {
  return (uint32_t)((uintptr_t)_estack - (uintptr_t)__stack_limit);
}
