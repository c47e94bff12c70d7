/* SPDX-License-Identifier: Apache-2.0 */
/*
 * agent_workspace.c — where each model's pools live: the default layout at boot, SetWorkspaces
 * (every check before anything changes), and handing a model's placements to the runtime.
 */
#include <string.h>

#include "agent_internal.h"

#define DEFAULT_ALIGNMENT 16u

static uint32_t pool_alignment(const TVMPoolInfo *p) {
  return p->alignment > 1 ? (uint32_t)p->alignment : 1u;
}

/*--------------------------------------------------------------------------------------------------
 * Default layout
 *------------------------------------------------------------------------------------------------*/

/* Places model m's pools from byte *at of region 0; commits only if all fit. */
static void place_model(tvmcrt_agent_t *a, size_t m, uint32_t *at) {
  const tvmcrt_region_t *r = &a->regions[0];
  const TVMModel *model = a->models[m].model;
  tvmcrt_agent_placement_t tmp[TVMCRT_AGENT_MAX_POOLS];
  uint32_t next = *at;
  for (uint8_t i = 0; i < model->num_pools; i++) {
    uint32_t al = pool_alignment(&model->pools[i]);
    if (al < DEFAULT_ALIGNMENT) al = DEFAULT_ALIGNMENT;
    uint32_t pad = (uint32_t)((al - (((uintptr_t)r->base + next) & (al - 1u))) & (al - 1u));
    if (next > r->size || pad > r->size - next) return;
    uint32_t off = next + pad;
    if (model->pools[i].size_bytes > r->size - off) return;
    tmp[i].offset = off;
    tmp[i].size = (uint32_t)model->pools[i].size_bytes;
    tmp[i].region = 0;
    tmp[i].assigned = true;
    next = off + tmp[i].size;
  }
  memcpy(a->state[m].pools, tmp, model->num_pools * sizeof tmp[0]);
  *at = next;
}

void agent_default_placements(tvmcrt_agent_t *a) {
  uint32_t at = 0;
  if (a->region_count == 0) return;
  for (size_t m = 0; m < a->model_count; m++) place_model(a, m, &at);
}

/*--------------------------------------------------------------------------------------------------
 * SetWorkspaces
 *------------------------------------------------------------------------------------------------*/

typedef struct {
  tvmcrt_wire_PoolPlacement list[TVMCRT_AGENT_MAX_POOLS];
  size_t count;
  size_t total;  /* placements on the wire, possibly more than list holds */
} placements_t;

static bool decode_placement(pb_istream_t *stream, const pb_field_t *field, void **arg) {
  placements_t *p = (placements_t *)*arg;
  tvmcrt_wire_PoolPlacement one = tvmcrt_wire_PoolPlacement_init_zero;
  (void)field;
  if (!pb_decode(stream, tvmcrt_wire_PoolPlacement_fields, &one)) return false;
  if (p->count < TVMCRT_AGENT_MAX_POOLS) p->list[p->count++] = one;
  p->total++;
  return true;
}

/* Checks placement i against the model's pools and the regions; fills out. */
static uint32_t check_placement(tvmcrt_agent_t *a, uint32_t m, const placements_t *p, size_t i,
                                tvmcrt_agent_placement_t *out) {
  const TVMModel *model = a->models[m].model;
  const tvmcrt_wire_PoolPlacement *pl = &p->list[i];
  if (pl->pool >= model->num_pools) return agent_fail(a, m, UNKNOWN_POOL, pl->pool, (uint32_t)i, model->name);
  if (pl->region >= a->region_count) {
    return agent_fail(a, m, UNKNOWN_REGION, pl->region, (uint32_t)i, model->name);
  }
  const TVMPoolInfo *pool = &model->pools[pl->pool];
  const tvmcrt_region_t *r = &a->regions[pl->region];
  uint32_t size = pl->size != 0 ? pl->size : (uint32_t)pool->size_bytes;
  if (size < pool->size_bytes) {
    return agent_fail(a, m, POOL_TOO_SMALL, (uint32_t)pool->size_bytes, (uint32_t)i, model->name);
  }
  if (pl->offset > r->size || size > r->size - pl->offset) {
    return agent_fail(a, m, OUTSIDE_REGION, r->size, (uint32_t)i, model->name);
  }
  if ((((uintptr_t)r->base + pl->offset) & (pool_alignment(pool) - 1u)) != 0) {
    return agent_fail(a, m, POOL_MISALIGNED, pool_alignment(pool), (uint32_t)i, model->name);
  }
  for (size_t j = 0; j < i; j++) {
    if (p->list[j].pool == pl->pool) return agent_fail(a, m, POOL_TWICE, pl->pool, (uint32_t)i, model->name);
  }
  out->offset = pl->offset;
  out->size = size;
  out->region = (uint8_t)pl->region;
  out->assigned = true;
  return 0;
}

static bool overlaps(const tvmcrt_agent_placement_t *x, const tvmcrt_agent_placement_t *y) {
  return x->region == y->region && x->size != 0 && y->size != 0 &&
         x->offset < y->offset + y->size && y->offset < x->offset + x->size;
}

static uint32_t check_placements(tvmcrt_agent_t *a, uint32_t m, const placements_t *p,
                                 tvmcrt_agent_placement_t *out) {
  const TVMModel *model = a->models[m].model;
  if (p->total > model->num_pools) {
    return agent_fail(a, m, TOO_MANY_PLACEMENTS, (uint32_t)p->total, (uint32_t)model->num_pools, model->name);
  }
  for (size_t i = 0; i < p->count; i++) {
    uint32_t err = check_placement(a, m, p, i, &out[p->list[i].pool]);
    if (err != 0) return err;
  }
  for (size_t i = 0; i < model->num_pools; i++) {
    for (size_t j = i + 1; j < model->num_pools; j++) {
      if (out[i].assigned && out[j].assigned && overlaps(&out[i], &out[j])) {
        return agent_fail(a, m, POOLS_OVERLAP, (uint32_t)i, (uint32_t)j, model->name);
      }
    }
  }
  return 0;
}

bool agent_handle_set_workspaces(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len,
                                 const agent_request_t *unused) {
  placements_t p;
  tvmcrt_wire_SetWorkspacesRequest req = tvmcrt_wire_SetWorkspacesRequest_init_zero;
  (void)unused;
  p.count = 0;
  p.total = 0;
  req.placements.funcs.decode = decode_placement;
  req.placements.arg = &p;
  bool sent;
  if (!agent_decode(a, AGENT_TYPE(SET_WORKSPACES), seq, payload, len, tvmcrt_wire_SetWorkspacesRequest_fields,
                    &req, &sent)) {
    return sent;
  }
  tvmcrt_agent_placement_t next[TVMCRT_AGENT_MAX_POOLS];
  memset(next, 0, sizeof next);
  uint32_t err = agent_model(a, req.model) == NULL ? AGENT_ERR_UNKNOWN_MODEL : check_placements(a, req.model, &p, next);
  if (err == 0) {
    memcpy(a->state[req.model].pools, next, sizeof next);
    a->state[req.model].placed_by_host = true;
  }
  return agent_send_status(a, AGENT_TYPE(SET_WORKSPACES), seq, err);
}

/*--------------------------------------------------------------------------------------------------
 * To the runtime
 *------------------------------------------------------------------------------------------------*/

uint32_t agent_apply_workspaces(tvmcrt_agent_t *a, uint32_t m) {
  const TVMModel *model = a->models[m].model;
  TVMWorkspace list[TVMCRT_AGENT_MAX_POOLS];
  for (uint8_t i = 0; i < model->num_pools; i++) {
    const tvmcrt_agent_placement_t *at = &a->state[m].pools[i];
    if (!at->assigned) {
      /* A SetWorkspaces replaces every placement of the model: it may have left this one out. */
      return agent_fail_text(a, m, AGENT_ERR_WORKSPACE_NOT_SET,
                             a->state[m].placed_by_host ? AGENT_ID(POOL_LEFT_OUT) : AGENT_ID(POOL_UNPLACED),
                             model->pools[i].name, model->name);
    }
    list[i].name = model->pools[i].name;
    list[i].data = a->regions[at->region].base + at->offset;
    list[i].size = at->size;
  }
  TVMWorkspaces ws = {list, model->num_pools};
  int32_t rc = TVMSetWorkspaces(&a->context, &ws);
  if (rc != 0) return agent_fail_runtime(a, m);
  return 0;
}
