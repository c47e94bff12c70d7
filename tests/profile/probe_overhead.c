/* SPDX-License-Identifier: Apache-2.0 */
/*
 * probe_overhead.c — what one probed operator call costs (runtime/src/profile.c's hooks and the
 * instrumented call sequence), natively, in instructions:
 *
 *   probe_overhead plain N     N calls of an empty operator compiled without instrumentation
 *   probe_overhead probed N    N calls of the same operator compiled with -finstrument-functions,
 *                              the profiler active, the operator 4th of a 4-entry table
 *
 * measure_probe.sh runs both under callgrind at two N (start-up cancels out) and prints the
 * difference per call. The clock is a counter in memory: a port's real clock read adds its own
 * cost (a DWT load on Cortex-M: one instruction).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tvmcrt/tvmcrt_profile.h"

int32_t probed_op(int8_t *p0);
int32_t plain_op(int8_t *p0);
int32_t other_op(int8_t *p0);

static uint32_t fake_ticks;
static uint32_t fake_clock(void *ctx) {
  (void)ctx;
  return ++fake_ticks;
}

static void probe(void) {}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: probe_overhead plain|probed N\n");
    return 2;
  }
  const long n = atol(argv[2]);
  static const char *const names[4] = {"a", "b", "c", "probed_op"};
  static const void *functions[4];
  static TVMProfileRecord records[4];
  functions[0] = (const void *)other_op;
  functions[1] = (const void *)plain_op;
  functions[2] = (const void *)fake_clock;
  functions[3] = (const void *)probed_op;
  TVMProfiler p = {names, functions, 4, 4, records, probe, TVMProfileBegin, TVMProfileEnd, 0};
  int8_t x = 0;
  int32_t (*volatile op)(int8_t *) = strcmp(argv[1], "probed") == 0 ? probed_op : plain_op;
  p.begin(&p, fake_clock, NULL);
  for (long i = 0; i < n; i++) op(&x);
  p.end(&p);
  return (strcmp(argv[1], "probed") == 0 && records[3].calls != (uint32_t)n) ? 1 : 0;
}
