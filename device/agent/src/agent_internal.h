/* SPDX-License-Identifier: Apache-2.0 */
/*
 * agent_internal.h — shared between the agent's source files; not for applications.
 */
#ifndef TVMCRT_AGENT_INTERNAL_H_
#define TVMCRT_AGENT_INTERNAL_H_

#include <pb_decode.h>
#include <pb_encode.h>

#include "tvmcrt_agent.h"
#include "tvmcrt_agent_texts.h"

#if defined(__GNUC__) || defined(__clang__)
#define AGENT_CHECK_RETURN __attribute__((warn_unused_result))
#else
#define AGENT_CHECK_RETURN
#endif

/* GetLastErrorResponse.model of an error that concerns no model. */
#define AGENT_NO_MODEL 0xFFFFFFFFu

/* A const pointer in a pb_callback_t arg, which is void * for both directions. */
#define AGENT_ARG(p) ((void *)(uintptr_t)(p))

#define AGENT_TYPE(name) tvmcrt_wire_MessageType_MESSAGE_TYPE_##name

/*--------------------------------------------------------------------------------------------------
 * Errors (agent_text.c)
 *------------------------------------------------------------------------------------------------*/

/* Records the last error as a row of proto/errors/tvmcrt_agent_texts.h and its arguments (model: the
 * model it concerns, AGENT_NO_MODEL if none) and returns the row's code. `t` is the row's name
 * without the AGENT_TEXT_ prefix; the arguments follow the row's kinds (U: cast to uint32_t, S: a
 * string that outlives the record, such as a name in the model table). The host writes the
 * sentence; with TVMCRT_AGENT_ERROR_TEXTS the agent writes it too. agent_fail0() for a row without
 * arguments. */
#define agent_fail(a, model, t, ...) \
  agent_fail_text((a), (model), TVMCRT_TEXT_CODE(AGENT_TEXT_##t), TVMCRT_TEXT_ID(AGENT_TEXT_##t), __VA_ARGS__)
#define agent_fail0(a, model, t) \
  agent_fail_text((a), (model), TVMCRT_TEXT_CODE(AGENT_TEXT_##t), TVMCRT_TEXT_ID(AGENT_TEXT_##t))
/* A row's number and arguments, and its code, for call sites that choose the row at run time. */
#define AGENT_ID(t) TVMCRT_TEXT_ID(AGENT_TEXT_##t)
#define AGENT_CODE(t) TVMCRT_TEXT_CODE(AGENT_TEXT_##t)
uint32_t agent_fail_text(tvmcrt_agent_t *a, uint32_t model, uint32_t code, uint32_t text, ...);

/* Takes the runtime's last error (after a TVMExecute() or TVMSetWorkspaces() that failed) as the
 * agent's, for model m. Returns its code. */
uint32_t agent_fail_runtime(tvmcrt_agent_t *a, uint32_t m);

/* Field 1 of every response, Nak and Boot: the Status with the boot id, code, the port's receive
 * losses and, for an error, the last error's text as numbers. */
bool agent_encode_status(tvmcrt_agent_t *a, pb_ostream_t *os, uint32_t code);

/* Fills an ErrorText from the last error (its strings are encoded from the record). */
void agent_error_text(tvmcrt_agent_t *a, tvmcrt_wire_ErrorText *out);

/*--------------------------------------------------------------------------------------------------
 * Sending (agent.c). Each returns false only when port->write() failed.
 *------------------------------------------------------------------------------------------------*/

/* A response frame (request_type | 0x80, seq): the Status for `code` (field 1 of every response),
 * then msg's other fields, encoded in tx[] (msg's has_status stays false; fields NULL: the status
 * alone). If it does not fit TVMCRT_AGENT_MAX_PAYLOAD, a status-only AGENT_ERR_RESPONSE_TOO_LARGE. */
bool agent_send(tvmcrt_agent_t *a, uint8_t request_type, uint16_t seq, uint32_t code, const pb_msgdesc_t *fields,
                const void *msg) AGENT_CHECK_RETURN;
#define agent_send_status(a, request_type, seq, code) agent_send((a), (request_type), (seq), (code), NULL, NULL)

/* A response whose payload is tx[HEADER_SIZE .. + head_len), already encoded, followed by tail_len
 * bytes at tail, sent from where they lie (ReadOutput: the tensor). The frame is never assembled,
 * so it may be longer than the frame buffers. */
bool agent_send_with_tail(tvmcrt_agent_t *a, uint8_t request_type, uint16_t seq, size_t head_len,
                          const uint8_t *tail, size_t tail_len) AGENT_CHECK_RETURN;

/* Decodes a request payload of message type `type`; on failure records AGENT_ERR_MALFORMED_MESSAGE
 * naming the message and sends the status-only answer (*sent says whether that write worked).
 * Returns true when msg was decoded. dispatch() does it for most requests. */
bool agent_decode(tvmcrt_agent_t *a, uint8_t type, uint16_t seq, const uint8_t *payload, size_t len,
                  const pb_msgdesc_t *fields, void *msg, bool *sent) AGENT_CHECK_RETURN;

/* Canaries after model m's I/O buffers (agent_guard.c): arm() before a run, check() after it
 * returns 0, or records AGENT_ERR_TENSOR_OVERRUN naming the first tensor written past its end. */
void agent_guard_arm(tvmcrt_agent_t *a, uint32_t m);
uint32_t agent_guard_check(tvmcrt_agent_t *a, uint32_t m) AGENT_CHECK_RETURN;

/* Model index from the wire, checked: NULL after recording AGENT_ERR_UNKNOWN_MODEL. */
const tvmcrt_agent_model_t *agent_model(tvmcrt_agent_t *a, uint32_t index);

/*--------------------------------------------------------------------------------------------------
 * Handlers: decode the request, act, send the response.
 *------------------------------------------------------------------------------------------------*/

/* The requests dispatch() decodes before their handler runs (fixed-size fields only). */
typedef union agent_request {
  tvmcrt_wire_HelloRequest hello;
  tvmcrt_wire_ModelInfoRequest model_info;
  tvmcrt_wire_ExecuteRequest execute;
  tvmcrt_wire_ReadOutputRequest read_output;
  tvmcrt_wire_GetLastErrorRequest get_last_error;
  tvmcrt_wire_ReadProfileRequest read_profile;
} agent_request_t;

/* req: the decoded request; payload and len: the request as it came, for the handlers that decode
 * it themselves (WriteInput's data goes straight into the tensor, SetWorkspaces' placements into
 * a list). */
typedef bool (*agent_handler_fn)(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len,
                                 const agent_request_t *req);

#define AGENT_HANDLER(name)                                                                  \
  bool agent_handle_##name(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len, \
                           const agent_request_t *req)
AGENT_HANDLER(hello);
AGENT_HANDLER(model_info);
AGENT_HANDLER(set_workspaces);
AGENT_HANDLER(write_input);
AGENT_HANDLER(execute);
AGENT_HANDLER(read_output);
AGENT_HANDLER(get_last_error);
AGENT_HANDLER(read_profile);

/*--------------------------------------------------------------------------------------------------
 * Profiling (agent_profile.c)
 *------------------------------------------------------------------------------------------------*/

/* 0 when model m may run profiled, else the recorded AGENT_ERR_PROFILE_NOT_BUILT. */
uint32_t agent_profile_check(tvmcrt_agent_t *a, uint32_t m);
/* Around one TVMExecute() of model m: start() paints the stack (if the port can) and starts the
 * model's profiler when `profile`; stop() stops it and scans the stack. Without `profile`, stop()
 * only forgets an earlier profile of m (its records no longer describe the last run). */
void agent_profile_start(tvmcrt_agent_t *a, uint32_t m, bool profile);
void agent_profile_stop(tvmcrt_agent_t *a, uint32_t m, bool profile);

/* nanopb callback that encodes the C string in *arg (NULL encodes nothing). */
bool agent_encode_cstring(pb_ostream_t *stream, const pb_field_t *field, void *const *arg);

/*--------------------------------------------------------------------------------------------------
 * Workspaces (agent_workspace.c)
 *------------------------------------------------------------------------------------------------*/

/* Places every model's pools one after another in regions[0]; models that do not fit stay unplaced. */
void agent_default_placements(tvmcrt_agent_t *a);

/* Hands model m's placements to the runtime context. Returns 0 or an agent/runtime code (recorded). */
uint32_t agent_apply_workspaces(tvmcrt_agent_t *a, uint32_t m);

#endif /* TVMCRT_AGENT_INTERNAL_H_ */
