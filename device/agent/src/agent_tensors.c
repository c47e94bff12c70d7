/* SPDX-License-Identifier: Apache-2.0 */
/*
 * agent_tensors.c — WriteInput (bytes decoded straight into the input tensor), Execute (exactly once
 * per run id, outputs sent after it when asked) and ReadOutput (bytes encoded straight from the
 * output tensor).
 */
#include <string.h>

#include "agent_internal.h"

#define model_name(a, m) ((a)->models[m].model->name)

/* Tensor `i` of a list, or NULL after recording AGENT_ERR_UNKNOWN_TENSOR. */
static const TVMTensorInfo *find_tensor(tvmcrt_agent_t *a, uint32_t m, bool input, uint32_t i) {
  const TVMModel *model = a->models[m].model;
  uint8_t count = input ? model->num_inputs : model->num_outputs;
  if (i < count) return input ? &model->inputs[i] : &model->outputs[i];
  agent_fail_text(a, m, AGENT_ERR_UNKNOWN_TENSOR, input ? AGENT_ID(UNKNOWN_INPUT) : AGENT_ID(UNKNOWN_OUTPUT), i,
                  model->name, (uint32_t)count);
  return NULL;
}

/* offset + length inside a tensor of `size` bytes, without overflow. */
static bool in_range(tvmcrt_agent_t *a, uint32_t m, bool input, uint32_t i, const TVMTensorInfo *info,
                     uint32_t offset, uint32_t length) {
  if (offset <= info->size_bytes && length <= info->size_bytes - offset) return true;
  agent_fail_text(a, m, AGENT_ERR_OUT_OF_RANGE, input ? AGENT_ID(INPUT_RANGE) : AGENT_ID(OUTPUT_RANGE), length,
                  offset, (uint32_t)info->size_bytes, i, info->name, model_name(a, m));
  return false;
}

/*--------------------------------------------------------------------------------------------------
 * WriteInput
 *------------------------------------------------------------------------------------------------*/

typedef struct {
  tvmcrt_agent_t *a;
  const tvmcrt_wire_WriteInputRequest *req;  /* the fields decoded so far */
  uint32_t code;                             /* error the callback recorded, 0 if none */
  bool wrote;                                /* bytes went into the tensor */
  bool seen;                                 /* data came, with these values: */
  uint32_t model, tensor, offset, length;
} write_t;

/* Every check of a write before a byte moves. Returns 0 or the recorded code. */
static uint32_t check_write(tvmcrt_agent_t *a, uint32_t m, uint32_t i, uint32_t offset,
                            uint32_t length) {
  if (agent_model(a, m) == NULL) return AGENT_ERR_UNKNOWN_MODEL;
  const TVMTensorInfo *info = find_tensor(a, m, true, i);
  if (info == NULL) return AGENT_ERR_UNKNOWN_TENSOR;
  if (!in_range(a, m, true, i, info, offset, length)) return AGENT_ERR_OUT_OF_RANGE;
  uint32_t received = a->state[m].received[i];
  if (offset > received) return agent_fail(a, m, WRITE_GAP, received, offset, i, info->name, model_name(a, m));
  return 0;
}

static bool decode_data(pb_istream_t *stream, const pb_field_t *field, void **arg) {
  write_t *w = (write_t *)*arg;
  (void)field;
  if (w->seen) {
    w->code = agent_fail0(w->a, w->req->model, DATA_TWICE);
    return false;
  }
  w->seen = true;
  w->model = w->req->model;
  w->tensor = w->req->tensor;
  w->offset = w->req->offset;
  w->length = (uint32_t)stream->bytes_left;
  w->code = check_write(w->a, w->model, w->tensor, w->offset, w->length);
  if (w->code != 0) return false;
  uint8_t *dst = (uint8_t *)w->a->models[w->model].inputs[w->tensor] + w->offset;
  w->wrote = true;
  return pb_read(stream, dst, w->length);
}

static bool send_write_response(tvmcrt_agent_t *a, uint16_t seq, uint32_t code, uint32_t m,
                                uint32_t i) {
  tvmcrt_wire_WriteInputResponse r = tvmcrt_wire_WriteInputResponse_init_zero;
  if (m < a->model_count && i < a->models[m].model->num_inputs) r.received = a->state[m].received[i];
  return agent_send(a, AGENT_TYPE(WRITE_INPUT), seq, code, tvmcrt_wire_WriteInputResponse_fields, &r);
}

bool agent_handle_write_input(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len,
                              const agent_request_t *unused) {
  tvmcrt_wire_WriteInputRequest req = tvmcrt_wire_WriteInputRequest_init_zero;
  write_t w;
  (void)unused;
  memset(&w, 0, sizeof w);
  w.a = a;
  w.req = &req;
  req.data.funcs.decode = decode_data;
  req.data.arg = &w;
  pb_istream_t is = pb_istream_from_buffer(payload, len);
  bool decoded = pb_decode(&is, tvmcrt_wire_WriteInputRequest_fields, &req);
  if (decoded && w.seen &&
      (req.model != w.model || req.tensor != w.tensor || req.offset != w.offset)) {
    w.code = agent_fail0(a, req.model, DATA_NOT_LAST);
    decoded = false;
  } else if (!decoded && w.code == 0) {
    w.code = agent_fail0(a, AGENT_NO_MODEL, WRITE_MALFORMED);
  }
  if (!w.seen) {  /* no data field: an empty write, checked like any other */
    w.model = req.model;
    w.tensor = req.tensor;
    w.offset = req.offset;
    if (decoded) w.code = check_write(a, w.model, w.tensor, w.offset, 0);
  }
  if (w.code == 0) {
    uint32_t *received = &a->state[w.model].received[w.tensor];
    uint32_t end = w.offset + w.length;
    if (w.offset == 0) a->state[w.model].upload[w.tensor] = req.upload;
    if (w.offset == 0 || end > *received) *received = end;  /* offset 0 starts a new upload */
  } else if (w.wrote && a->state[w.model].received[w.tensor] > w.offset) {
    /* Bytes at and after the offset were overwritten by a write that then failed. */
    a->state[w.model].received[w.tensor] = w.offset;
  }
  return send_write_response(a, seq, w.code, w.model, w.tensor);
}

/*--------------------------------------------------------------------------------------------------
 * ReadOutput (asked for, or sent after an Execute)
 *------------------------------------------------------------------------------------------------*/

/* Sends length bytes of output t of model m from offset as a ReadOutputResponse: {status, offset,
 * tensor} encoded here, then the data field's tag and length, then the bytes straight from the
 * tensor (the frame's tail; protobuf takes fields in any order). */
static bool send_output(tvmcrt_agent_t *a, uint16_t seq, uint32_t m, uint32_t t, uint32_t offset,
                        uint32_t length) {
  tvmcrt_wire_ReadOutputResponse r = tvmcrt_wire_ReadOutputResponse_init_zero;
  pb_ostream_t os = pb_ostream_from_buffer(a->tx + TVMCRT_FRAME_HEADER_SIZE, TVMCRT_AGENT_MAX_PAYLOAD);
  r.offset = offset;
  r.tensor = t;
  if (!agent_encode_status(a, &os, 0) || !pb_encode(&os, tvmcrt_wire_ReadOutputResponse_fields, &r) ||
      !pb_encode_tag(&os, PB_WT_STRING, tvmcrt_wire_ReadOutputResponse_data_tag) ||
      !pb_encode_varint(&os, length)) {
    return false; /* cannot happen: the head is a few dozen bytes */
  }
  return agent_send_with_tail(a, AGENT_TYPE(READ_OUTPUT), seq, os.bytes_written,
                              (const uint8_t *)a->models[m].outputs[t] + offset, length);
}

static uint32_t check_read(tvmcrt_agent_t *a, const tvmcrt_wire_ReadOutputRequest *req) {
  if (agent_model(a, req->model) == NULL) return AGENT_ERR_UNKNOWN_MODEL;
  const TVMTensorInfo *info = find_tensor(a, req->model, false, req->tensor);
  if (info == NULL) return AGENT_ERR_UNKNOWN_TENSOR;
  if (req->length > TVMCRT_AGENT_MAX_READ_LENGTH) {
    return agent_fail(a, req->model, READ_TOO_LONG, req->length, (uint32_t)TVMCRT_AGENT_MAX_READ_LENGTH);
  }
  if (!in_range(a, req->model, false, req->tensor, info, req->offset, req->length)) return AGENT_ERR_OUT_OF_RANGE;
  if (!a->state[req->model].outputs_valid) return agent_fail(a, req->model, OUTPUT_NOT_READY, model_name(a, req->model));
  return 0;
}

bool agent_handle_read_output(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len,
                              const agent_request_t *req) {
  const tvmcrt_wire_ReadOutputRequest *r = &req->read_output;
  uint32_t code = check_read(a, r);
  (void)payload, (void)len;
  if (code != 0) return agent_send_status(a, AGENT_TYPE(READ_OUTPUT), seq, code);
  return send_output(a, seq, r->model, r->tensor, r->offset, r->length);
}

/*--------------------------------------------------------------------------------------------------
 * Execute
 *------------------------------------------------------------------------------------------------*/

/* Everything an Execute needs before the model may run: 0, or the recorded code. Every input
 * whole, and of `upload` when one is named: the bytes of an earlier run are whole too, and a new
 * upload lost on the way must not let them run again in its stead. */
static uint32_t check_run(tvmcrt_agent_t *a, uint32_t m, uint32_t upload) {
  if (agent_model(a, m) == NULL) return AGENT_ERR_UNKNOWN_MODEL;
  const TVMModel *model = a->models[m].model;
  for (uint8_t i = 0; i < model->num_inputs; i++) {
    uint32_t have = a->state[m].received[i], was = a->state[m].upload[i];
    if (have != model->inputs[i].size_bytes) {
      return agent_fail(a, m, INPUT_INCOMPLETE, have, (uint32_t)model->inputs[i].size_bytes, (uint32_t)i,
                        model->inputs[i].name, model->name);
    }
    if (upload != 0 && was != upload) {
      return agent_fail(a, m, INPUT_STALE, was, upload, (uint32_t)i, model->inputs[i].name, model->name);
    }
  }
  return agent_apply_workspaces(a, m);
}

/* Runs model m into a->run (timings, codes), profiled if asked; records what went wrong. */
static void run_model(tvmcrt_agent_t *a, uint32_t m, bool profile) {
  const tvmcrt_agent_model_t *entry = &a->models[m];
  tvmcrt_agent_run_t *run = &a->run;
  a->state[m].outputs_valid = false;
  run->runs = ++a->executions;
  agent_guard_arm(a, m);
  agent_profile_start(a, m, profile);
  uint32_t t0 = a->port->ticks(a->port->ctx);
  int32_t rc = TVMExecute(entry->model, entry->inputs, AGENT_ARG(entry->outputs), &a->context);
  run->ticks = a->port->ticks(a->port->ctx) - t0;  /* unsigned: right across one wrap */
  agent_profile_stop(a, m, profile);
  run->runtime_code = rc;
  run->peak_workspace = (uint32_t)TVMContextPeakWorkspace(&a->context);
  /* An overrun first: it explains whatever else the run did. */
  run->code = agent_guard_check(a, m);
  if (run->code == 0 && rc != 0) {
    /* GetLastError and the status carry the runtime's own error; the code says which layer failed. */
    (void)agent_fail_runtime(a, m);
    run->code = AGENT_ERR_MODEL_FAILED;
  }
  a->state[m].outputs_valid = run->code == 0;
}

/* Every output of model m after the run, in ReadOutputResponse frames of at most chunk bytes. */
static bool send_outputs(tvmcrt_agent_t *a, uint16_t seq, uint32_t m, uint32_t chunk) {
  const TVMModel *model = a->models[m].model;
  if (chunk > TVMCRT_AGENT_MAX_READ_LENGTH) chunk = TVMCRT_AGENT_MAX_READ_LENGTH;
  for (uint8_t t = 0; t < model->num_outputs; t++) {
    uint32_t size = (uint32_t)model->outputs[t].size_bytes;
    for (uint32_t at = 0; at < size; at += chunk) {
      if (!send_output(a, seq, m, t, at, size - at < chunk ? size - at : chunk)) return false;
    }
  }
  return true;
}

bool agent_handle_execute(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len,
                          const agent_request_t *request) {
  const tvmcrt_wire_ExecuteRequest *e = &request->execute;
  tvmcrt_wire_ExecuteResponse r = tvmcrt_wire_ExecuteResponse_init_zero;
  tvmcrt_agent_run_t *run = &a->run;
  (void)payload, (void)len;
  /* The same run id as the run kept: its answer again, never a second run. */
  if (e->run == 0 || e->run != run->id || e->model != run->model) {
    uint32_t code = check_run(a, e->model, e->upload);
    if (code == 0 && e->profile) code = agent_profile_check(a, e->model);
    if (code != 0) return agent_send_status(a, AGENT_TYPE(EXECUTE), seq, code);
    run->id = e->run;
    run->model = e->model;
    run_model(a, e->model, e->profile);
  }
  r.runtime_code = run->runtime_code;
  r.ticks = run->ticks;  /* the host turns them into microseconds (HelloResponse.tick_hz) */
  r.peak_workspace = run->peak_workspace;
  r.runs = run->runs;
  if (!agent_send(a, AGENT_TYPE(EXECUTE), seq, run->code, tvmcrt_wire_ExecuteResponse_fields, &r)) return false;
  return run->code != 0 || e->output_chunk == 0 || send_outputs(a, seq, e->model, e->output_chunk);
}
