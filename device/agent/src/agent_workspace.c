/*
 * agent_workspace.c — where each model's pools live: the default layout at boot, SetWorkspaces
 * (every check before anything changes), and handing a model's placements to the runtime.
 */
#include <string.h>

#include "agent_internal.h"

#define TYPE_SET_WORKSPACES tvmcrt_wire_MessageType_MESSAGE_TYPE_SET_WORKSPACES
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

/* Records "<what><n><tail> (placement i, model 'name')" — the fact first, since Status.detail
 * keeps only the head of the text. */
static uint32_t placement_error(tvmcrt_agent_t *a, uint32_t code, uint32_t m, size_t i,
                                const char *what, uint32_t n, const char *tail) {
  agent_text_t t = agent_error(a, code, m);
  agent_text_str(&t, what);
  agent_text_uint(&t, n);
  agent_text_str(&t, tail);
  agent_text_str(&t, " (placement ");
  agent_text_uint(&t, (uint32_t)i);
  agent_text_str(&t, ", model '");
  agent_text_str(&t, a->models[m].model->name);
  agent_text_str(&t, "')");
  return code;
}

/* Checks placement i against the model's pools and the regions; fills out. */
static uint32_t check_placement(tvmcrt_agent_t *a, uint32_t m, const placements_t *p, size_t i,
                                tvmcrt_agent_placement_t *out) {
  const TVMModel *model = a->models[m].model;
  const tvmcrt_wire_PoolPlacement *pl = &p->list[i];
  if (pl->pool >= model->num_pools) {
    return placement_error(a, AGENT_ERR_UNKNOWN_POOL, m, i, "pool ", pl->pool,
                           " does not exist (see ModelInfo pools)");
  }
  if (pl->region >= a->region_count) {
    return placement_error(a, AGENT_ERR_UNKNOWN_REGION, m, i, "region ", pl->region,
                           " does not exist (see Hello regions)");
  }
  const TVMPoolInfo *pool = &model->pools[pl->pool];
  const tvmcrt_region_t *r = &a->regions[pl->region];
  uint32_t size = pl->size != 0 ? pl->size : (uint32_t)pool->size_bytes;
  if (size < pool->size_bytes) {
    return placement_error(a, AGENT_ERR_WORKSPACE_TOO_SMALL, m, i, "size is below the pool's ",
                           (uint32_t)pool->size_bytes, " bytes");
  }
  if (pl->offset > r->size || size > r->size - pl->offset) {
    return placement_error(a, AGENT_ERR_WORKSPACE_OUTSIDE_REGION, m, i,
                           "offset + size pass the end of the region (", r->size, " bytes)");
  }
  if ((((uintptr_t)r->base + pl->offset) & (pool_alignment(pool) - 1u)) != 0) {
    return placement_error(a, AGENT_ERR_WORKSPACE_MISALIGNED, m, i, "the pool needs alignment ",
                           pool_alignment(pool), "; move its offset");
  }
  for (size_t j = 0; j < i; j++) {
    if (p->list[j].pool == pl->pool) {
      return placement_error(a, AGENT_ERR_DUPLICATE_POOL, m, i, "pool ", pl->pool,
                             " is placed twice");
    }
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
    return placement_error(a, AGENT_ERR_UNKNOWN_POOL, m, p->total, "the model has only ",
                           model->num_pools, " pools");
  }
  for (size_t i = 0; i < p->count; i++) {
    uint32_t err = check_placement(a, m, p, i, &out[p->list[i].pool]);
    if (err != 0) return err;
  }
  for (size_t i = 0; i < model->num_pools; i++) {
    for (size_t j = i + 1; j < model->num_pools; j++) {
      if (out[i].assigned && out[j].assigned && overlaps(&out[i], &out[j])) {
        return placement_error(a, AGENT_ERR_WORKSPACE_OVERLAP, m, j, "pool ", (uint32_t)j,
                               " overlaps another pool of the same model");
      }
    }
  }
  return 0;
}

bool agent_handle_set_workspaces(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload,
                                 size_t len) {
  placements_t p;
  tvmcrt_wire_SetWorkspacesRequest req = tvmcrt_wire_SetWorkspacesRequest_init_zero;
  p.count = 0;
  p.total = 0;
  req.placements.funcs.decode = decode_placement;
  req.placements.arg = &p;
  if (!agent_decode(a, payload, len, tvmcrt_wire_SetWorkspacesRequest_fields, &req,
                    "SetWorkspacesRequest")) {
    return agent_send_status(a, TYPE_SET_WORKSPACES, seq, AGENT_ERR_MALFORMED_MESSAGE);
  }
  if (agent_model(a, req.model) == NULL) {
    return agent_send_status(a, TYPE_SET_WORKSPACES, seq, AGENT_ERR_UNKNOWN_MODEL);
  }
  tvmcrt_agent_placement_t next[TVMCRT_AGENT_MAX_POOLS];
  memset(next, 0, sizeof next);
  uint32_t err = check_placements(a, req.model, &p, next);
  if (err != 0) return agent_send_status(a, TYPE_SET_WORKSPACES, seq, err);
  memcpy(a->state[req.model].pools, next, sizeof next);
  a->exec_cached = false;
  return agent_send_status(a, TYPE_SET_WORKSPACES, seq, 0);
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
      agent_text_t t = agent_error(a, AGENT_ERR_WORKSPACE_NOT_SET, m);
      agent_text_str(&t, "pool '");
      agent_text_str(&t, model->pools[i].name);
      agent_text_str(&t, "' of model '");
      agent_text_str(&t, model->name);
      agent_text_str(&t, "' has no placement (region 0 was too small at boot): send SetWorkspaces");
      return AGENT_ERR_WORKSPACE_NOT_SET;
    }
    list[i].name = model->pools[i].name;
    list[i].data = a->regions[at->region].base + at->offset;
    list[i].size = at->size;
  }
  TVMWorkspaces ws = {list, model->num_pools};
  int32_t rc = TVMSetWorkspaces(&a->context, &ws);
  if (rc != 0) {
    agent_text_t t = agent_error(a, (uint32_t)rc, m);
    agent_text_str(&t, TVMGetLastError());
    return (uint32_t)rc;
  }
  return 0;
}
