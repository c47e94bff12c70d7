/* SPDX-License-Identifier: Apache-2.0 */
/*
 * probe_overhead_ops.c — the operators of probe_overhead.c, compiled with -finstrument-functions
 * (probed_op) and without (plain_op): identical empty bodies, so the difference is the probe.
 */
#include <stdint.h>

int32_t probed_op(int8_t *p0);
int32_t plain_op(int8_t *p0) __attribute__((no_instrument_function));
int32_t other_op(int8_t *p0);

__attribute__((noinline)) int32_t probed_op(int8_t *p0) {
  __asm__ volatile("" : : "r"(p0) : "memory");
  return 0;
}

__attribute__((noinline)) int32_t plain_op(int8_t *p0) {
  __asm__ volatile("" : : "r"(p0) : "memory");
  return 0;
}

/* Listed before probed_op in the table: the walk a real model's later operators pay. */
__attribute__((noinline)) int32_t other_op(int8_t *p0) {
  __asm__ volatile("" : : "r"(p0) : "memory");
  return 0;
}
