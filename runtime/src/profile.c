/* SPDX-License-Identifier: Apache-2.0 */
/*
 * profile.c — the hooks -finstrument-functions calls in a PROFILE model's code, and the profiler
 * they feed (tvmcrt/tvmcrt_profile.h). Linked only into images that hold a PROFILE model (its
 * generated table points at TVMProfileBegin/End).
 *
 * What a record's interval holds: from the clock read at the end of the enter hook to the clock
 * read in the exit hook, i.e. the operator's body plus a fixed cost of the probe itself (the hook
 * returning, the instrumented call sequence of the exit, the exit hook up to its clock read).
 * begin() measures that cost on an empty function compiled the same way (probe_ticks); the host
 * subtracts it from every call.
 */
#include <stddef.h>
#include <string.h>

#include "tvmcrt/tvmcrt_profile.h"

#define NO_PROBE __attribute__((no_instrument_function))

void __cyg_profile_func_enter(void *fn, void *call_site) NO_PROBE;
void __cyg_profile_func_exit(void *fn, void *call_site) NO_PROBE;

/* What the hooks look functions up in: the model's operators, or the probe while calibrating. */
static struct {
  const void *const *functions;
  TVMProfileRecord *records;
  uint16_t count;
  TVMProfileClock clock;
  void *ctx;
  const void *current; /* the operator being timed, NULL between operators */
  uint16_t index;
  uint32_t start, began;
} active;

void __cyg_profile_func_enter(void *fn, void *call_site) {
  (void)call_site;
  if (active.functions == NULL || active.current != NULL) return; /* off, or inside an operator */
  for (uint16_t i = 0; i < active.count; i++) {
    if (active.functions[i] == fn) {
      active.current = fn;
      active.index = i;
      active.start = active.clock(active.ctx); /* last: the interval starts here */
      return;
    }
  }
}

void __cyg_profile_func_exit(void *fn, void *call_site) {
  (void)call_site;
  if (fn != active.current || fn == NULL) return;
  uint32_t now = active.clock(active.ctx); /* first: the interval ends here */
  uint32_t d = now - active.start;
  TVMProfileRecord *r = &active.records[active.index];
  if (r->calls == 0) {
    r->first = active.start - active.began;
    r->min = d;
  }
  r->calls++;
  r->total += d;
  if (d < r->min) r->min = d;
  if (d > r->max) r->max = d;
  active.current = NULL;
}

static void activate(const void *const *functions, TVMProfileRecord *records, uint16_t count) {
  active.current = NULL;
  active.records = records;
  active.count = count;
  active.functions = functions;
}

/* The probe's cost: the least interval of a few empty probed calls (an interrupt in one of them
 * only makes that one longer). The call goes through a volatile pointer so it is never inlined
 * away. */
static uint32_t calibrate(TVMProfiler *p) NO_PROBE;
static uint32_t calibrate(TVMProfiler *p) {
  TVMProfileRecord r;
  const void *probe_fn[1];
  void (*volatile call)(void) = p->probe;
  memset(&r, 0, sizeof r);
  probe_fn[0] = (const void *)p->probe;
  activate(probe_fn, &r, 1);
  for (int i = 0; i < TVMCRT_PROFILE_CALIBRATION_CALLS; i++) call();
  active.functions = NULL;
  return r.calls != 0 ? r.min : 0; /* 0: the probe was not instrumented (then neither is the model) */
}

void TVMProfileBegin(TVMProfiler *p, TVMProfileClock clock, void *ctx) NO_PROBE;
void TVMProfileBegin(TVMProfiler *p, TVMProfileClock clock, void *ctx) {
  uint16_t timed = p->count < p->capacity ? p->count : p->capacity;
  memset(p->records, 0, sizeof(TVMProfileRecord) * p->capacity);
  active.clock = clock;
  active.ctx = ctx;
  p->probe_ticks = p->probe != NULL ? calibrate(p) : 0;
  activate(p->functions, p->records, timed);
  active.began = clock(ctx);
}

void TVMProfileEnd(TVMProfiler *p) NO_PROBE;
void TVMProfileEnd(TVMProfiler *p) {
  (void)p;
  active.functions = NULL;
  active.current = NULL;
}
