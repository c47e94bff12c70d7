/* SPDX-License-Identifier: Apache-2.0 */
/*
 * agent_info.c — Hello, ModelInfo and GetLastError: responses encoded straight from the port, the
 * region list, the model table and the last error, through nanopb callbacks (no RAM copies).
 */
#include <string.h>

#include "agent_internal.h"

/*--------------------------------------------------------------------------------------------------
 * Encode callbacks
 *------------------------------------------------------------------------------------------------*/

bool agent_encode_cstring(pb_ostream_t *stream, const pb_field_t *field, void *const *arg) {
  const char *s = (const char *)*arg;
  if (s == NULL) return true;
  return pb_encode_tag_for_field(stream, field) &&
         pb_encode_string(stream, (const pb_byte_t *)s, strlen(s));
}

static bool encode_regions(pb_ostream_t *stream, const pb_field_t *field, void *const *arg) {
  const tvmcrt_agent_t *a = (const tvmcrt_agent_t *)*arg;
  for (size_t i = 0; i < a->region_count; i++) {
    tvmcrt_wire_MemoryRegion r = tvmcrt_wire_MemoryRegion_init_zero;
    r.name.funcs.encode = agent_encode_cstring;
    r.name.arg = AGENT_ARG(a->regions[i].name);
    r.size = a->regions[i].size;
    r.alignment = a->regions[i].alignment;
    if (!pb_encode_tag_for_field(stream, field) ||
        !pb_encode_submessage(stream, tvmcrt_wire_MemoryRegion_fields, &r)) {
      return false;
    }
  }
  return true;
}

/* repeated uint32 shape, packed, from the descriptor's int32 dims (never negative in AOT models). */
static bool encode_shape(pb_ostream_t *stream, const pb_field_t *field, void *const *arg) {
  const TVMTensorInfo *t = (const TVMTensorInfo *)*arg;
  pb_ostream_t sizer = PB_OSTREAM_SIZING;
  for (uint8_t i = 0; i < t->ndim; i++) (void)pb_encode_varint(&sizer, (uint32_t)t->shape[i]);
  if (!pb_encode_tag(stream, PB_WT_STRING, field->tag) ||
      !pb_encode_varint(stream, sizer.bytes_written)) {
    return false;
  }
  for (uint8_t i = 0; i < t->ndim; i++) {
    if (!pb_encode_varint(stream, (uint32_t)t->shape[i])) return false;
  }
  return true;
}

static bool encode_tensors(pb_ostream_t *stream, const pb_field_t *field, const TVMTensorInfo *list,
                           uint8_t count) {
  for (uint8_t i = 0; i < count; i++) {
    tvmcrt_wire_TensorInfo t = tvmcrt_wire_TensorInfo_init_zero;
    t.name.funcs.encode = agent_encode_cstring;
    t.name.arg = AGENT_ARG(list[i].name);
    t.dtype = (tvmcrt_wire_DType)list[i].dtype;
    t.shape.funcs.encode = encode_shape;
    t.shape.arg = AGENT_ARG(&list[i]);
    t.size_bytes = (uint32_t)list[i].size_bytes;
    if (!pb_encode_tag_for_field(stream, field) ||
        !pb_encode_submessage(stream, tvmcrt_wire_TensorInfo_fields, &t)) {
      return false;
    }
  }
  return true;
}

static bool encode_inputs(pb_ostream_t *stream, const pb_field_t *field, void *const *arg) {
  const TVMModel *m = (const TVMModel *)*arg;
  return encode_tensors(stream, field, m->inputs, m->num_inputs);
}

static bool encode_outputs(pb_ostream_t *stream, const pb_field_t *field, void *const *arg) {
  const TVMModel *m = (const TVMModel *)*arg;
  return encode_tensors(stream, field, m->outputs, m->num_outputs);
}

typedef struct {
  const TVMModel *model;
  const tvmcrt_agent_model_state_t *state;
} pools_arg_t;

static bool encode_pools(pb_ostream_t *stream, const pb_field_t *field, void *const *arg) {
  const pools_arg_t *p = (const pools_arg_t *)*arg;
  for (uint8_t i = 0; i < p->model->num_pools; i++) {
    const TVMPoolInfo *info = &p->model->pools[i];
    const tvmcrt_agent_placement_t *at = &p->state->pools[i];
    tvmcrt_wire_PoolInfo w = tvmcrt_wire_PoolInfo_init_zero;
    w.name.funcs.encode = agent_encode_cstring;
    w.name.arg = AGENT_ARG(info->name);
    w.is_stack = info->kind == kTVMPoolStack;
    w.size_bytes = (uint32_t)info->size_bytes;
    w.alignment = (uint32_t)info->alignment;
    w.assigned = at->assigned;
    w.region = at->region;
    w.offset = at->offset;
    w.assigned_size = at->size;
    if (!pb_encode_tag_for_field(stream, field) ||
        !pb_encode_submessage(stream, tvmcrt_wire_PoolInfo_fields, &w)) {
      return false;
    }
  }
  return true;
}

/*--------------------------------------------------------------------------------------------------
 * Handlers
 *------------------------------------------------------------------------------------------------*/

bool agent_handle_hello(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len,
                        const agent_request_t *req) {
  uint32_t code = 0;
  (void)payload, (void)len;
  if (req->hello.protocol_version != TVMCRT_AGENT_PROTOCOL_VERSION) {
    code = agent_fail(a, AGENT_NO_MODEL, PROTOCOL_VERSION, req->hello.protocol_version,
                      (uint32_t)TVMCRT_AGENT_PROTOCOL_VERSION);
  }
  /* A new session: its run and upload ids have nothing to do with an earlier one's. */
  a->run.id = 0;
  for (size_t m = 0; m < a->model_count; m++) memset(a->state[m].upload, 0, sizeof a->state[m].upload);
  tvmcrt_wire_HelloResponse r = tvmcrt_wire_HelloResponse_init_zero;
  r.protocol_version = TVMCRT_AGENT_PROTOCOL_VERSION;
  r.firmware_build_id.funcs.encode = agent_encode_cstring;
  r.firmware_build_id.arg = AGENT_ARG(TVMCRT_AGENT_BUILD_ID);
  r.platform.funcs.encode = agent_encode_cstring;
  r.platform.arg = AGENT_ARG(a->port->platform);
  r.max_frame_payload = TVMCRT_AGENT_MAX_PAYLOAD;
  r.receive_window = TVMCRT_AGENT_RECEIVE_WINDOW;
  r.model_count = (uint32_t)a->model_count;
  r.regions.funcs.encode = encode_regions;
  r.regions.arg = a;
  r.tick_hz = a->port->tick_hz;
  r.max_read_length = TVMCRT_AGENT_MAX_READ_LENGTH;
  return agent_send(a, AGENT_TYPE(HELLO), seq, code, tvmcrt_wire_HelloResponse_fields, &r);
}

bool agent_handle_model_info(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len,
                             const agent_request_t *req) {
  const uint32_t m = req->model_info.model;
  const tvmcrt_agent_model_t *entry = agent_model(a, m);
  (void)payload, (void)len;
  if (entry == NULL) return agent_send_status(a, AGENT_TYPE(MODEL_INFO), seq, AGENT_ERR_UNKNOWN_MODEL);
  pools_arg_t pools = {entry->model, &a->state[m]};
  tvmcrt_wire_ModelInfoResponse r = tvmcrt_wire_ModelInfoResponse_init_zero;
  r.name.funcs.encode = agent_encode_cstring;
  r.name.arg = AGENT_ARG(entry->model->name);
  r.inputs.funcs.encode = encode_inputs;
  r.inputs.arg = AGENT_ARG(entry->model);
  r.outputs.funcs.encode = encode_outputs;
  r.outputs.arg = AGENT_ARG(entry->model);
  r.pools.funcs.encode = encode_pools;
  r.pools.arg = &pools;
  r.profile_operators = entry->profile != NULL ? entry->profile->count : 0;
  return agent_send(a, AGENT_TYPE(MODEL_INFO), seq, 0, tvmcrt_wire_ModelInfoResponse_fields, &r);
}

bool agent_handle_get_last_error(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len,
                                 const agent_request_t *req) {
  (void)payload, (void)len, (void)req;
  tvmcrt_wire_GetLastErrorResponse r = tvmcrt_wire_GetLastErrorResponse_init_zero;
  r.code = a->last.code;
  r.model = a->last_model;
  r.has_error = a->last.text != 0;
  agent_error_text(a, &r.error);
  return agent_send(a, AGENT_TYPE(GET_LAST_ERROR), seq, 0, tvmcrt_wire_GetLastErrorResponse_fields, &r);
}
