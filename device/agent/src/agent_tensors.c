/*
 * agent_tensors.c — WriteInput (bytes decoded straight into the input tensor), Execute (with its
 * retransmission cache) and ReadOutput (bytes encoded straight from the output tensor).
 */
#include <string.h>

#include "agent_internal.h"

#define TYPE_WRITE_INPUT tvmcrt_wire_MessageType_MESSAGE_TYPE_WRITE_INPUT
#define TYPE_EXECUTE tvmcrt_wire_MessageType_MESSAGE_TYPE_EXECUTE
#define TYPE_READ_OUTPUT tvmcrt_wire_MessageType_MESSAGE_TYPE_READ_OUTPUT

/* Error texts state the fact first, so that a reader who stops early still has it, and end with
 * the tensor: fmt + TENSOR_SUFFIX takes (..., kind, index, tensor name, model name). */
#define TENSOR_SUFFIX " (%s %u '%s', model '%s')"

#define model_name(a, m) ((a)->models[m].model->name)

/* Tensor `i` of a list, or NULL after recording AGENT_ERR_UNKNOWN_TENSOR. */
static const TVMTensorInfo *find_tensor(tvmcrt_agent_t *a, uint32_t m, bool input, uint32_t i) {
  const TVMModel *model = a->models[m].model;
  uint8_t count = input ? model->num_inputs : model->num_outputs;
  if (i < count) return input ? &model->inputs[i] : &model->outputs[i];
  agent_fail(a, AGENT_ERR_UNKNOWN_TENSOR, m, "%s %u does not exist: model '%s' has %u",
             input ? "input" : "output", i, model_name(a, m), (uint32_t)count);
  return NULL;
}

/* offset + length inside a tensor of `size` bytes, without overflow. */
static bool in_range(tvmcrt_agent_t *a, uint32_t m, const char *kind, uint32_t i,
                     const TVMTensorInfo *info, uint32_t offset, uint32_t length) {
  (void)kind;  /* unused when TVMCRT_AGENT_ERROR_TEXTS is 0 */
  (void)i;
  if (offset <= info->size_bytes && length <= info->size_bytes - offset) return true;
  agent_fail(a, AGENT_ERR_OUT_OF_RANGE, m,
             "%u bytes at offset %u pass the tensor's end at %u" TENSOR_SUFFIX, length, offset,
             (uint32_t)info->size_bytes, kind, i, info->name, model_name(a, m));
  return false;
}

/*--------------------------------------------------------------------------------------------------
 * WriteInput
 *------------------------------------------------------------------------------------------------*/

typedef struct {
  tvmcrt_agent_t *a;
  const tvmcrt_wire_WriteInputRequest *req;  /* the fields decoded so far */
  uint32_t code;                             /* error the callback recorded, 0 if none */
  bool wrote;                                 /* bytes went into the tensor */
  bool seen;                                 /* data came, with these values: */
  uint32_t model, tensor, offset, length;
} write_t;

/* Every check of a write before a byte moves. Returns 0 or the recorded code. */
static uint32_t check_write(tvmcrt_agent_t *a, uint32_t m, uint32_t i, uint32_t offset,
                            uint32_t length) {
  if (agent_model(a, m) == NULL) return AGENT_ERR_UNKNOWN_MODEL;
  const TVMTensorInfo *info = find_tensor(a, m, true, i);
  if (info == NULL) return AGENT_ERR_UNKNOWN_TENSOR;
  if (!in_range(a, m, "input", i, info, offset, length)) return AGENT_ERR_OUT_OF_RANGE;
  uint32_t received = a->state[m].received[i];
  if (offset > received) {
    return agent_fail(a, AGENT_ERR_WRITE_GAP, m,
                      "expected offset %u, got %u: a frame was lost, resend from the expected "
                      "offset" TENSOR_SUFFIX,
                      received, offset, "input", i, info->name, model_name(a, m));
  }
  return 0;
}

static bool decode_data(pb_istream_t *stream, const pb_field_t *field, void **arg) {
  write_t *w = (write_t *)*arg;
  (void)field;
  if (w->seen) {
    w->code = agent_fail(w->a, AGENT_ERR_MALFORMED_MESSAGE, w->req->model,
                         "WriteInputRequest carries data twice");
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
  agent_status(a, &r.status, code);
  r.has_status = true;
  if (m < a->model_count && i < a->models[m].model->num_inputs) r.received = a->state[m].received[i];
  return agent_send(a, TYPE_WRITE_INPUT, seq, tvmcrt_wire_WriteInputResponse_fields, &r);
}

/* Bytes at and after `offset` of input (m, i) were overwritten by a write that then failed. */
static void truncate_received(tvmcrt_agent_t *a, const write_t *w) {
  if (w->wrote && a->state[w->model].received[w->tensor] > w->offset) {
    a->state[w->model].received[w->tensor] = w->offset;
  }
}

bool agent_handle_write_input(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload,
                              size_t len) {
  tvmcrt_wire_WriteInputRequest req = tvmcrt_wire_WriteInputRequest_init_zero;
  write_t w;
  memset(&w, 0, sizeof w);
  w.a = a;
  w.req = &req;
  req.data.funcs.decode = decode_data;
  req.data.arg = &w;
  a->exec_cached = false;
  pb_istream_t is = pb_istream_from_buffer(payload, len);
  bool decoded = pb_decode(&is, tvmcrt_wire_WriteInputRequest_fields, &req);
  if (decoded && w.seen &&
      (req.model != w.model || req.tensor != w.tensor || req.offset != w.offset)) {
    agent_fail(a, AGENT_ERR_MALFORMED_MESSAGE, req.model,
               "WriteInputRequest: model, tensor and offset must precede data");
    decoded = false;
  } else if (!decoded && w.code == 0) {
    agent_fail(a, AGENT_ERR_MALFORMED_MESSAGE, AGENT_NO_MODEL,
               "WriteInputRequest is not a valid protobuf message: host and device disagree on "
               "tvmcrt.proto");
  }
  if (!decoded) {
    truncate_received(a, &w);
    uint32_t code = w.code != 0 ? w.code : AGENT_ERR_MALFORMED_MESSAGE;
    return send_write_response(a, seq, code, w.seen ? w.model : req.model,
                               w.seen ? w.tensor : req.tensor);
  }
  if (!w.seen) {  /* no data field: an empty write, checked like any other */
    w.model = req.model;
    w.tensor = req.tensor;
    w.offset = req.offset;
    uint32_t code = check_write(a, w.model, w.tensor, w.offset, 0);
    if (code != 0) return send_write_response(a, seq, code, w.model, w.tensor);
  }
  uint32_t *received = &a->state[w.model].received[w.tensor];
  uint32_t end = w.offset + w.length;
  if (w.offset == 0 || end > *received) *received = end;  /* offset 0 starts a new upload */
  return send_write_response(a, seq, 0, w.model, w.tensor);
}

/*--------------------------------------------------------------------------------------------------
 * Execute
 *------------------------------------------------------------------------------------------------*/

/* ticks * 10^6 / hz in 32-bit arithmetic (no 64-bit division on Cortex-M0/M3/M4), saturating;
 * hz <= 400 MHz (checked at init). */
static uint32_t ticks_to_us(uint32_t ticks, uint32_t hz) {
  uint32_t seconds = ticks / hz;
  uint32_t rem = ticks % hz;
  uint32_t frac = 0;
  for (int digit = 0; digit < 6; digit++) {  /* long division, one decimal digit per step */
    rem *= 10u;
    frac = frac * 10u + rem / hz;
    rem %= hz;
  }
  if (seconds > 4294u || (seconds == 4294u && frac > 967295u)) return 0xFFFFFFFFu;
  return seconds * 1000000u + frac;
}

static uint32_t check_inputs(tvmcrt_agent_t *a, uint32_t m) {
  const TVMModel *model = a->models[m].model;
  for (uint8_t i = 0; i < model->num_inputs; i++) {
    if (a->state[m].received[i] != model->inputs[i].size_bytes) {
      return agent_fail(a, AGENT_ERR_INPUT_INCOMPLETE, m,
                        "input holds %u of %u bytes: WriteInput the rest before Execute" TENSOR_SUFFIX,
                        a->state[m].received[i], (uint32_t)model->inputs[i].size_bytes, "input",
                        (uint32_t)i, model->inputs[i].name, model->name);
    }
  }
  return 0;
}

/* Runs model m; fills r (status code and timings). */
static void run_model(tvmcrt_agent_t *a, uint32_t m, tvmcrt_wire_ExecuteResponse *r) {
  const tvmcrt_agent_model_t *entry = &a->models[m];
  uint32_t code = check_inputs(a, m);
  if (code == 0) code = agent_apply_workspaces(a, m);
  if (code != 0) {
    agent_status(a, &r->status, code);
    return;
  }
  a->state[m].outputs_valid = false;
  a->executions++;
  agent_guard_arm(a, m);
  uint32_t t0 = a->port->ticks(a->port->ctx);
  int32_t rc = TVMExecute(entry->model, entry->inputs, AGENT_ARG(entry->outputs), &a->context);
  uint32_t ticks = a->port->ticks(a->port->ctx) - t0;  /* unsigned: right across one wrap */
  r->runtime_code = rc;
  r->ticks = ticks;
  r->microseconds = ticks_to_us(ticks, a->port->tick_hz);
  r->peak_workspace = (uint32_t)TVMContextPeakWorkspace(&a->context);
  /* An overrun first: it explains whatever else the run did. */
  code = agent_guard_check(a, m);
  if (code != 0) {
    agent_status(a, &r->status, code);
    return;
  }
  if (rc != 0) {
    /* GetLastError reports the runtime's own code and text; the status says which layer failed. */
    agent_fail_text(a, (uint32_t)rc, m, "%s", TVMGetLastError());
    agent_status(a, &r->status, AGENT_ERR_MODEL_FAILED);
    return;
  }
  a->state[m].outputs_valid = true;
  agent_status(a, &r->status, 0);
}

bool agent_handle_execute(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len) {
  tvmcrt_wire_ExecuteRequest req = tvmcrt_wire_ExecuteRequest_init_zero;
  if (!agent_decode(a, payload, len, tvmcrt_wire_ExecuteRequest_fields, &req, "ExecuteRequest")) {
    return agent_send_status(a, TYPE_EXECUTE, seq, AGENT_ERR_MALFORMED_MESSAGE);
  }
  if (!(a->exec_cached && a->exec_seq == seq)) {
    tvmcrt_wire_ExecuteResponse *r = &a->exec_response;
    memset(r, 0, sizeof *r);
    r->has_status = true;
    if (agent_model(a, req.model) == NULL) {
      agent_status(a, &r->status, AGENT_ERR_UNKNOWN_MODEL);
    } else {
      run_model(a, req.model, r);
    }
    a->exec_cached = true;
    a->exec_seq = seq;
  }
  return agent_send(a, TYPE_EXECUTE, seq, tvmcrt_wire_ExecuteResponse_fields, &a->exec_response);
}

/*--------------------------------------------------------------------------------------------------
 * ReadOutput
 *------------------------------------------------------------------------------------------------*/

static uint32_t check_read(tvmcrt_agent_t *a, const tvmcrt_wire_ReadOutputRequest *req) {
  if (agent_model(a, req->model) == NULL) return AGENT_ERR_UNKNOWN_MODEL;
  const TVMTensorInfo *info = find_tensor(a, req->model, false, req->tensor);
  if (info == NULL) return AGENT_ERR_UNKNOWN_TENSOR;
  if (req->length > TVMCRT_AGENT_MAX_READ_LENGTH) {
    return agent_fail(a, AGENT_ERR_OUT_OF_RANGE, req->model,
                      "ReadOutput length %u is over Hello max_read_length %u", req->length,
                      (uint32_t)TVMCRT_AGENT_MAX_READ_LENGTH);
  }
  if (!in_range(a, req->model, "output", req->tensor, info, req->offset, req->length)) {
    return AGENT_ERR_OUT_OF_RANGE;
  }
  if (!a->state[req->model].outputs_valid) {
    return agent_fail(a, AGENT_ERR_OUTPUT_NOT_READY, req->model,
                      "outputs not valid: run Execute successfully first (model '%s')",
                      model_name(a, req->model));
  }
  return 0;
}

bool agent_handle_read_output(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len) {
  tvmcrt_wire_ReadOutputRequest req = tvmcrt_wire_ReadOutputRequest_init_zero;
  if (!agent_decode(a, payload, len, tvmcrt_wire_ReadOutputRequest_fields, &req,
                    "ReadOutputRequest")) {
    return agent_send_status(a, TYPE_READ_OUTPUT, seq, AGENT_ERR_MALFORMED_MESSAGE);
  }
  uint32_t code = check_read(a, &req);
  if (code != 0) return agent_send_status(a, TYPE_READ_OUTPUT, seq, code);
  /* The response is {status, offset} encoded here, then the data field's tag and length, then the
   * bytes straight from the tensor: data is the last field, so the tensor is the frame's tail. */
  tvmcrt_wire_ReadOutputResponse r = tvmcrt_wire_ReadOutputResponse_init_zero;
  pb_ostream_t os = pb_ostream_from_buffer(a->tx + TVMCRT_FRAME_HEADER_SIZE, TVMCRT_AGENT_MAX_PAYLOAD);
  agent_status(a, &r.status, 0);
  r.has_status = true;
  r.offset = req.offset;
  if (!pb_encode(&os, tvmcrt_wire_ReadOutputResponse_fields, &r) ||
      !pb_encode_tag(&os, PB_WT_STRING, tvmcrt_wire_ReadOutputResponse_data_tag) ||
      !pb_encode_varint(&os, req.length)) {
    return false; /* cannot happen: the head is a few dozen bytes */
  }
  return agent_send_with_tail(a, TYPE_READ_OUTPUT, seq, os.bytes_written,
                              (const uint8_t *)a->models[req.model].outputs[req.tensor] + req.offset, req.length);
}
