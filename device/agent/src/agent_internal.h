/*
 * agent_internal.h — shared between the agent's source files; not for applications.
 */
#ifndef TVMCRT_AGENT_INTERNAL_H_
#define TVMCRT_AGENT_INTERNAL_H_

#include <pb_decode.h>
#include <pb_encode.h>

#include "tvmcrt_agent.h"

#if defined(__GNUC__) || defined(__clang__)
#define AGENT_CHECK_RETURN __attribute__((warn_unused_result))
#else
#define AGENT_CHECK_RETURN
#endif

/* GetLastErrorResponse.model of an error that concerns no model. */
#define AGENT_NO_MODEL 0xFFFFFFFFu

/* A const pointer in a pb_callback_t arg, which is void * for both directions. */
#define AGENT_ARG(p) ((void *)(uintptr_t)(p))

/*--------------------------------------------------------------------------------------------------
 * Errors (agent_text.c)
 *------------------------------------------------------------------------------------------------*/

/* Records the last error (code, model, text) and returns code. The text comes from fmt in the
 * runtime's printf subset (tvmcrt/tvmcrt_text.h: %u takes a uint32_t, so cast every argument, %s a
 * C string). Cut at TVMCRT_AGENT_TEXT_SIZE. State the fact first, name the model and
 * tensor at the end. With TVMCRT_AGENT_ERROR_TEXTS 0 the texts are compiled out. */
#if TVMCRT_AGENT_ERROR_TEXTS
#define agent_fail(a, code, model, ...) agent_fail_text((a), (code), (model), __VA_ARGS__)
#else
#define agent_fail(a, code, model, ...) agent_fail_text((a), (code), (model), "")
#endif
uint32_t agent_fail_text(tvmcrt_agent_t *a, uint32_t code, uint32_t model, const char *fmt, ...);

/* Status of a response: boot id, code, and for an error the first bytes of the last error text. */
void agent_status(const tvmcrt_agent_t *a, tvmcrt_wire_Status *status, uint32_t code);

/*--------------------------------------------------------------------------------------------------
 * Sending (agent.c). Each returns false only when port->write() failed.
 *------------------------------------------------------------------------------------------------*/

/* Encodes msg as the payload of a response frame (type | 0x80, seq) and sends it. If it does not
 * fit TVMCRT_AGENT_MAX_PAYLOAD, sends a status-only response with AGENT_ERR_RESPONSE_TOO_LARGE. */
bool agent_send(tvmcrt_agent_t *a, uint8_t request_type, uint16_t seq, const pb_msgdesc_t *fields,
                const void *msg) AGENT_CHECK_RETURN;

/* A response whose payload is tx[HEADER_SIZE .. + head_len), already encoded, followed by tail_len
 * bytes at tail, sent from where they lie (ReadOutput: the tensor). The frame is never assembled,
 * so it may be longer than the frame buffers. */
bool agent_send_with_tail(tvmcrt_agent_t *a, uint8_t request_type, uint16_t seq, size_t head_len,
                          const uint8_t *tail, size_t tail_len) AGENT_CHECK_RETURN;

/* A response holding only its Status (field 1, which every response starts with). */
bool agent_send_status(tvmcrt_agent_t *a, uint8_t request_type, uint16_t seq,
                       uint32_t code) AGENT_CHECK_RETURN;

/* Decodes a request payload; on failure records AGENT_ERR_MALFORMED_MESSAGE naming `what`. */
bool agent_decode(tvmcrt_agent_t *a, const uint8_t *payload, size_t len, const pb_msgdesc_t *fields,
                  void *msg, const char *what) AGENT_CHECK_RETURN;

/* Canaries after model m's I/O buffers (agent_guard.c): arm() before a run, check() after it
 * returns 0, or records AGENT_ERR_MODEL_FAILED naming the first tensor written past its end. */
void agent_guard_arm(tvmcrt_agent_t *a, uint32_t m);
uint32_t agent_guard_check(tvmcrt_agent_t *a, uint32_t m) AGENT_CHECK_RETURN;

/* Model index from the wire, checked: NULL after recording AGENT_ERR_UNKNOWN_MODEL. */
const tvmcrt_agent_model_t *agent_model(tvmcrt_agent_t *a, uint32_t index);

/*--------------------------------------------------------------------------------------------------
 * Handlers: decode the request, act, send the response.
 *------------------------------------------------------------------------------------------------*/
typedef bool (*agent_handler_fn)(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload,
                                 size_t len);

bool agent_handle_hello(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len);
bool agent_handle_model_info(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len);
bool agent_handle_set_workspaces(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload,
                                 size_t len);
bool agent_handle_write_input(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len);
bool agent_handle_execute(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len);
bool agent_handle_read_output(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload, size_t len);
bool agent_handle_get_last_error(tvmcrt_agent_t *a, uint16_t seq, const uint8_t *payload,
                                 size_t len);

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
