/* SPDX-License-Identifier: Apache-2.0 */
/*
 * agent.c — the agent's receive path (port bytes → deframer → frame check → dispatch), its send
 * path (nanopb → tx[] → COBS stream → port), Nak and Boot. The requests themselves are handled in
 * agent_info.c, agent_workspace.c and agent_tensors.c.
 */
#include <string.h>

#include "agent_internal.h"

/*--------------------------------------------------------------------------------------------------
 * Sending
 *------------------------------------------------------------------------------------------------*/

/* Gathers the COBS encoder's small pieces (a code byte, a short run) into chunks for the port;
 * pieces at least a chunk long go straight through. */
typedef struct agent_writer {
  const tvmcrt_port_t *port;
  size_t len;
  uint8_t buf[TVMCRT_AGENT_WRITE_CHUNK];
} agent_writer_t;

static bool writer_flush(agent_writer_t *w) {
  bool ok = w->len == 0 || w->port->write(w->port->ctx, w->buf, w->len);
  w->len = 0;
  return ok;
}

static bool writer_emit(void *ctx, const uint8_t *bytes, size_t len) {
  agent_writer_t *w = (agent_writer_t *)ctx;
  if (len >= sizeof w->buf) return writer_flush(w) && w->port->write(w->port->ctx, bytes, len);
  if (len > sizeof w->buf - w->len && !writer_flush(w)) return false;
  memcpy(w->buf + w->len, bytes, len);
  w->len += len;
  return true;
}

/* Streams out a frame: the payload encoded in tx[] after the header, then tail_len bytes at tail
 * where they lie. Header, CRC and COBS are made on the way. */
static bool send_frame(tvmcrt_agent_t *a, uint8_t type, uint16_t seq, size_t payload_len,
                       const uint8_t *tail, size_t tail_len) {
  agent_writer_t w;
  w.port = a->port;
  w.len = 0;
  return tvmcrt_frame_send(a->tx, payload_len, tail, tail_len, type, seq, writer_emit, &w) && writer_flush(&w);
}

bool agent_send_with_tail(tvmcrt_agent_t *a, uint8_t request_type, uint16_t seq, size_t head_len,
                          const uint8_t *tail, size_t tail_len) {
  return send_frame(a, (uint8_t)(request_type | TVMCRT_FRAME_RESPONSE_BIT), seq, head_len, tail, tail_len);
}

/* A frame of type `type` whose payload is {Status status = 1} for `code` (every response, Nak and
 * Boot start with it) followed by msg's other fields (msg's has_status stays false; fields NULL:
 * the status alone). A payload past TVMCRT_AGENT_MAX_PAYLOAD becomes a status-only
 * AGENT_ERR_RESPONSE_TOO_LARGE. */
static bool send_message(tvmcrt_agent_t *a, uint8_t type, uint16_t seq, uint32_t code, const pb_msgdesc_t *fields,
                         const void *msg) {
  pb_ostream_t os = pb_ostream_from_buffer(a->tx + TVMCRT_FRAME_HEADER_SIZE, TVMCRT_AGENT_MAX_PAYLOAD);
  if (agent_encode_status(a, &os, code) && (fields == NULL || pb_encode(&os, fields, msg))) {
    return send_frame(a, type, seq, os.bytes_written, NULL, 0);
  }
  if (fields == NULL) return false; /* cannot happen: a status alone is a few dozen bytes */
  return send_message(a, type, seq,
                      agent_fail(a, AGENT_NO_MODEL, RESPONSE_TOO_LARGE, (uint32_t)(type & 0x7Fu),
                                 (uint32_t)TVMCRT_AGENT_MAX_PAYLOAD),
                      NULL, NULL);
}

bool agent_send(tvmcrt_agent_t *a, uint8_t request_type, uint16_t seq, uint32_t code, const pb_msgdesc_t *fields,
                const void *msg) {
  return send_message(a, (uint8_t)(request_type | TVMCRT_FRAME_RESPONSE_BIT), seq, code, fields, msg);
}

static bool send_nak(tvmcrt_agent_t *a, uint32_t code) {
  tvmcrt_wire_Nak nak = tvmcrt_wire_Nak_init_zero;
  nak.frames_dropped = ++a->frames_dropped;
  return send_message(a, AGENT_TYPE(NAK), 0, code, tvmcrt_wire_Nak_fields, &nak);
}

static bool send_boot(tvmcrt_agent_t *a) {
  tvmcrt_wire_Boot boot = tvmcrt_wire_Boot_init_zero;
  boot.protocol_version = TVMCRT_AGENT_PROTOCOL_VERSION;
  return send_message(a, AGENT_TYPE(BOOT), 0, 0, tvmcrt_wire_Boot_fields, &boot);
}

/*--------------------------------------------------------------------------------------------------
 * Helpers for handlers
 *------------------------------------------------------------------------------------------------*/

bool agent_decode(tvmcrt_agent_t *a, uint8_t type, uint16_t seq, const uint8_t *payload, size_t len,
                  const pb_msgdesc_t *fields, void *msg, bool *sent) {
  pb_istream_t is = pb_istream_from_buffer(payload, len);
  if (pb_decode(&is, fields, msg)) return true;
  *sent = agent_send(a, type, seq, agent_fail(a, AGENT_NO_MODEL, MALFORMED, (uint32_t)type, (uint32_t)len), NULL, NULL);
  return false;
}

const tvmcrt_agent_model_t *agent_model(tvmcrt_agent_t *a, uint32_t index) {
  if (index < a->model_count) return &a->models[index];
  agent_fail(a, index, UNKNOWN_MODEL, index, (uint32_t)a->model_count);
  return NULL;
}

/*--------------------------------------------------------------------------------------------------
 * Receiving
 *------------------------------------------------------------------------------------------------*/

/* By MessageType: the request's fields when dispatch() decodes it (NULL: the handler does), and its
 * handler. */
static const struct {
  const pb_msgdesc_t *fields;
  agent_handler_fn handle;
} requests[] = {
    {NULL, NULL},
    {tvmcrt_wire_HelloRequest_fields, agent_handle_hello},
    {tvmcrt_wire_ModelInfoRequest_fields, agent_handle_model_info},
    {NULL, agent_handle_set_workspaces},
    {NULL, agent_handle_write_input},
    {tvmcrt_wire_ExecuteRequest_fields, agent_handle_execute},
    {tvmcrt_wire_ReadOutputRequest_fields, agent_handle_read_output},
    {tvmcrt_wire_GetLastErrorRequest_fields, agent_handle_get_last_error},
    {tvmcrt_wire_ReadProfileRequest_fields, agent_handle_read_profile},
};

static bool dispatch(tvmcrt_agent_t *a, uint8_t type, uint16_t seq, const uint8_t *payload,
                     size_t len) {
  if (type < sizeof requests / sizeof requests[0] && requests[type].handle != NULL) {
    agent_request_t req;
    bool sent;
    memset(&req, 0, sizeof req);  /* the messages' init_zero */
    if (requests[type].fields != NULL &&
        !agent_decode(a, type, seq, payload, len, requests[type].fields, &req, &sent)) {
      return sent;
    }
    return requests[type].handle(a, seq, payload, len, &req);
  }
  return agent_send(a, type, seq,
                    agent_fail(a, AGENT_NO_MODEL, UNKNOWN_MESSAGE, (uint32_t)type, (uint32_t)TVMCRT_AGENT_PROTOCOL_VERSION),
                    NULL, NULL);
}

/* A Nak for a frame that could not be taken: text is a row with one number. */
static bool nak_with(tvmcrt_agent_t *a, uint32_t code, uint32_t text, uint32_t n) {
  return send_nak(a, agent_fail_text(a, AGENT_NO_MODEL, code, text, n));
}
#define NAK(a, t, n) nak_with((a), AGENT_CODE(t), AGENT_ID(t), (n))

static bool handle_raw_frame(tvmcrt_agent_t *a, const uint8_t *raw, size_t raw_len) {
  uint8_t type = 0;
  uint16_t seq = 0;
  const uint8_t *payload = NULL;
  size_t len = 0;
  switch (tvmcrt_frame_open(raw, raw_len, &type, &seq, &payload, &len)) {
    case TVMCRT_FRAME_OK:
      return dispatch(a, type, seq, payload, len);
    case TVMCRT_FRAME_SHORT:
      return NAK(a, SHORT_FRAME, (uint32_t)raw_len);
    case TVMCRT_FRAME_BAD_CRC:
      return NAK(a, BAD_CRC, (uint32_t)raw_len);
    case TVMCRT_FRAME_BAD_VERSION:
    default:
      return NAK(a, FRAMING_VERSION, (uint32_t)raw[0]);
  }
}

bool tvmcrt_agent_receive(tvmcrt_agent_t *a, const uint8_t *bytes, size_t len) {
  for (size_t i = 0; i < len; i++) {
    bool ok = true;
    switch (tvmcrt_deframer_push(&a->deframer, bytes[i])) {
      case TVMCRT_DEFRAME_MORE:
        continue;
      case TVMCRT_DEFRAME_FRAME:
        ok = handle_raw_frame(a, a->deframer.buf, a->deframer.len);
        break;
      case TVMCRT_DEFRAME_OVERSIZE:
        ok = NAK(a, FRAME_TOO_LARGE, (uint32_t)TVMCRT_AGENT_MAX_PAYLOAD);
        break;
      case TVMCRT_DEFRAME_BAD_COBS:
      default:
        ok = NAK(a, COBS_CUT, (uint32_t)a->deframer.len);
        break;
    }
    if (!ok) return false;
  }
  return true;
}

bool tvmcrt_agent_poll(tvmcrt_agent_t *a) {
  uint8_t chunk[TVMCRT_AGENT_READ_CHUNK];
  for (;;) {
    size_t n = a->port->read(a->port->ctx, chunk, sizeof chunk);
    if (n == 0) return true;
    if (n > sizeof chunk) n = sizeof chunk;  /* a port bug must not make us read past chunk */
    if (!tvmcrt_agent_receive(a, chunk, n)) return false;
  }
}

/*--------------------------------------------------------------------------------------------------
 * Init
 *------------------------------------------------------------------------------------------------*/

static uint32_t check_config(tvmcrt_agent_t *a) {
  const uint32_t none = AGENT_NO_MODEL;
  if (a->port == NULL || a->port->read == NULL || a->port->write == NULL ||
      a->port->ticks == NULL || a->port->tick_hz == 0 || a->port->tick_hz > 400000000u) {
    return agent_fail0(a, none, PORT_INCOMPLETE);
  }
  if (a->model_count > TVMCRT_AGENT_MAX_MODELS || (a->model_count != 0 && a->models == NULL)) {
    return agent_fail(a, none, TOO_MANY_MODELS, (uint32_t)a->model_count, (uint32_t)TVMCRT_AGENT_MAX_MODELS);
  }
  if (a->region_count > 255 || (a->region_count != 0 && a->regions == NULL)) {
    return agent_fail(a, none, TOO_MANY_REGIONS, (uint32_t)a->region_count);
  }
  for (size_t r = 0; r < a->region_count; r++) {
    uint32_t al = a->regions[r].alignment;
    if (al == 0 || (al & (al - 1)) != 0 || ((uintptr_t)a->regions[r].base & (al - 1)) != 0) {
      return agent_fail(a, none, REGION_ALIGNMENT, (uint32_t)r);
    }
  }
  for (size_t m = 0; m < a->model_count; m++) {
    const TVMModel *model = a->models[m].model;
    if (model->num_inputs > TVMCRT_AGENT_MAX_INPUTS || model->num_pools > TVMCRT_AGENT_MAX_POOLS) {
      return agent_fail(a, (uint32_t)m, MODEL_TOO_LARGE, model->name, (uint32_t)model->num_inputs, (uint32_t)model->num_pools,
                        (uint32_t)TVMCRT_AGENT_MAX_INPUTS, (uint32_t)TVMCRT_AGENT_MAX_POOLS);
    }
  }
  return 0;
}

uint32_t tvmcrt_agent_init(tvmcrt_agent_t *agent, const tvmcrt_port_t *port,
                           const tvmcrt_agent_model_t *models, size_t model_count,
                           const tvmcrt_region_t *regions, size_t region_count) {
  memset(agent, 0, sizeof *agent);
  agent->port = port;
  agent->models = models;
  agent->model_count = model_count;
  agent->regions = regions;
  agent->region_count = region_count;
  agent->last_model = AGENT_NO_MODEL;
  agent->profiled_model = AGENT_NO_MODEL;
  uint32_t err = check_config(agent);
  if (err != 0) return err;
  TVMContextInit(&agent->context);
  tvmcrt_deframer_init(&agent->deframer, agent->rx, sizeof agent->rx);
  agent_default_placements(agent);
  (void)send_boot(agent);  /* nobody listening yet is normal; the host also has Hello */
  return 0;
}
