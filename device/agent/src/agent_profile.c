/* SPDX-License-Identifier: Apache-2.0 */
/*
 * agent_profile.c — a profiled Execute (the model's operator probes on, the stack painted before
 * and scanned after) and ReadProfile, which pages the records out (docs/profile.md).
 *
 * The probes themselves are the runtime's (runtime/src/profile.c), reached through the model
 * table's TVMProfiler pointers only: an image whose models were built without PROFILE links none
 * of it, and this file costs it the few hundred bytes of the request handling.
 */
#include <string.h>

#include "agent_internal.h"

uint32_t agent_profile_check(tvmcrt_agent_t *a, uint32_t m) {
  if (a->models[m].profile != NULL && a->models[m].profile->begin != NULL) return 0;
  return agent_fail(a, m, PROFILE_NOT_BUILT, a->models[m].model->name);
}

static uint32_t port_clock(void *ctx) {
  const tvmcrt_port_t *port = (const tvmcrt_port_t *)ctx;
  return port->ticks(port->ctx);
}

void agent_profile_start(tvmcrt_agent_t *a, uint32_t m, bool profile) {
  if (!profile) return;
  TVMProfiler *p = a->models[m].profile;
  if (a->port->stack_paint != NULL) a->port->stack_paint(a->port->ctx);
  if (a->port->tick_sync != NULL) a->port->tick_sync(a->port->ctx);
  /* Last: the calibration inside begin() must not be counted in the run. */
  p->begin(p, port_clock, AGENT_ARG(a->port));
}

void agent_profile_stop(tvmcrt_agent_t *a, uint32_t m, bool profile) {
  if (!profile) {
    if (a->profiled_model == m) a->profiled_model = AGENT_NO_MODEL;
    return;
  }
  TVMProfiler *p = a->models[m].profile;
  p->end(p);
  a->stack_used = a->port->stack_used != NULL ? a->port->stack_used(a->port->ctx) : 0;
  a->profiled_model = m;
}

/*--------------------------------------------------------------------------------------------------
 * ReadProfile
 *------------------------------------------------------------------------------------------------*/

typedef struct {
  const TVMProfiler *p;
  uint32_t first, last; /* records [first, last) go out */
} page_t;

static bool encode_operators(pb_ostream_t *stream, const pb_field_t *field, void *const *arg) {
  const page_t *page = (const page_t *)*arg;
  for (uint32_t i = page->first; i < page->last; i++) {
    const TVMProfileRecord *r = &page->p->records[i];
    tvmcrt_wire_OperatorProfile op = tvmcrt_wire_OperatorProfile_init_zero;
    op.index = i;
    op.name.funcs.encode = agent_encode_cstring;
    op.name.arg = AGENT_ARG(page->p->names[i]);
    op.calls = r->calls;
    op.total_ticks = r->total;
    op.min_ticks = r->min;
    op.max_ticks = r->max;
    op.first_tick = r->first;
    if (!pb_encode_tag_for_field(stream, field) ||
        !pb_encode_submessage(stream, tvmcrt_wire_OperatorProfile_fields, &op)) {
      return false;
    }
  }
  return true;
}

bool agent_handle_read_profile(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len,
                               const agent_request_t *req) {
  const tvmcrt_wire_ReadProfileRequest *q = &req->read_profile;
  (void)payload, (void)len;
  uint32_t code = agent_model(a, q->model) == NULL ? AGENT_ERR_UNKNOWN_MODEL : agent_profile_check(a, q->model);
  if (code == 0 && a->profiled_model != q->model) {
    code = agent_fail(a, q->model, PROFILE_NOT_READY, a->models[q->model].model->name);
  }
  if (code != 0) return agent_send_status(a, AGENT_TYPE(READ_PROFILE), seq, code);
  const TVMProfiler *p = a->models[q->model].profile;
  const uint32_t recorded = p->count < p->capacity ? p->count : p->capacity;
  page_t page;
  page.p = p;
  page.first = q->first < recorded ? q->first : recorded;
  page.last = recorded - page.first > TVMCRT_AGENT_PROFILE_PAGE ? page.first + TVMCRT_AGENT_PROFILE_PAGE : recorded;
  tvmcrt_wire_ReadProfileResponse r = tvmcrt_wire_ReadProfileResponse_init_zero;
  r.operator_count = p->count;
  r.recorded = recorded;
  r.probe_ticks = p->probe_ticks;
  r.run_ticks = a->run.ticks;
  r.stack_used = a->stack_used;
  r.stack_size = a->port->stack_size;
  r.peak_workspace = a->run.peak_workspace;
  r.operators.funcs.encode = encode_operators;
  r.operators.arg = &page;
  return agent_send(a, AGENT_TYPE(READ_PROFILE), seq, 0, tvmcrt_wire_ReadProfileResponse_fields, &r);
}
