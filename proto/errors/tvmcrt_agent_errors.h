/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_agent_errors.h — the device agent's error codes, (category << 8) | code, as carried in
 * Status.code, Nak and GetLastErrorResponse.code. Categories 0x20–0x2F belong to the agent (the
 * runtime's are 0x10–0x1F, tvmcrt_errors.h). docs/protocol.md has the table with what each means
 * and what the host should do; keep the two in step. The sentences are in proto/errors. Never renumber: these are wire values.
 */
#ifndef TVMCRT_AGENT_ERRORS_H_
#define TVMCRT_AGENT_ERRORS_H_

#define AGENT_ERR_CATEGORY_LINK 0x20       /* the frame itself: CRC, size, version, type, protobuf */
#define AGENT_ERR_CATEGORY_REQUEST 0x21    /* a well-formed request naming something that is not there */
#define AGENT_ERR_CATEGORY_WORKSPACE 0x22  /* workspace placements */
#define AGENT_ERR_CATEGORY_EXECUTION 0x23  /* the model ran and failed */
#define AGENT_ERR_CATEGORY_CONFIG 0x24     /* the firmware's model table exceeds the agent's limits */

#define AGENT_ERR(category, code) (((category) << 8) | (code))

/* Link / frame (Nak, or the status of the response to that frame) */
#define AGENT_ERR_BAD_CRC AGENT_ERR(AGENT_ERR_CATEGORY_LINK, 0x01)
#define AGENT_ERR_FRAME_TOO_LARGE AGENT_ERR(AGENT_ERR_CATEGORY_LINK, 0x02)
#define AGENT_ERR_UNSUPPORTED_VERSION AGENT_ERR(AGENT_ERR_CATEGORY_LINK, 0x03)
#define AGENT_ERR_UNKNOWN_MESSAGE AGENT_ERR(AGENT_ERR_CATEGORY_LINK, 0x04)
#define AGENT_ERR_MALFORMED_MESSAGE AGENT_ERR(AGENT_ERR_CATEGORY_LINK, 0x05)
#define AGENT_ERR_BAD_FRAMING AGENT_ERR(AGENT_ERR_CATEGORY_LINK, 0x06)
#define AGENT_ERR_RESPONSE_TOO_LARGE AGENT_ERR(AGENT_ERR_CATEGORY_LINK, 0x07)

/* Request */
#define AGENT_ERR_UNKNOWN_MODEL AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x01)
#define AGENT_ERR_UNKNOWN_TENSOR AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x02)
#define AGENT_ERR_OUT_OF_RANGE AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x03)
#define AGENT_ERR_WRITE_GAP AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x04)
#define AGENT_ERR_INPUT_INCOMPLETE AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x05)
#define AGENT_ERR_OUTPUT_NOT_READY AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x06)
#define AGENT_ERR_UNKNOWN_REGION AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x07)
#define AGENT_ERR_UNKNOWN_POOL AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x08)
#define AGENT_ERR_DUPLICATE_POOL AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x09)
/* Version 3: a profiled Execute or a ReadProfile for a model built without PROFILE, and a
 * ReadProfile before a profiled Execute of that model. */
#define AGENT_ERR_PROFILE_NOT_BUILT AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x0A)
#define AGENT_ERR_PROFILE_NOT_READY AGENT_ERR(AGENT_ERR_CATEGORY_REQUEST, 0x0B)

/* Workspace */
#define AGENT_ERR_WORKSPACE_NOT_SET AGENT_ERR(AGENT_ERR_CATEGORY_WORKSPACE, 0x01)
#define AGENT_ERR_WORKSPACE_TOO_SMALL AGENT_ERR(AGENT_ERR_CATEGORY_WORKSPACE, 0x02)
#define AGENT_ERR_WORKSPACE_OUTSIDE_REGION AGENT_ERR(AGENT_ERR_CATEGORY_WORKSPACE, 0x03)
#define AGENT_ERR_WORKSPACE_MISALIGNED AGENT_ERR(AGENT_ERR_CATEGORY_WORKSPACE, 0x04)
#define AGENT_ERR_WORKSPACE_OVERLAP AGENT_ERR(AGENT_ERR_CATEGORY_WORKSPACE, 0x05)

/* Execution: ExecuteResponse.runtime_code holds TVMExecute()'s code, GetLastError its text. */
#define AGENT_ERR_MODEL_FAILED AGENT_ERR(AGENT_ERR_CATEGORY_EXECUTION, 0x01)
/* The model wrote past the end of an input or output buffer (its canaries, agent_guard.c). */
#define AGENT_ERR_TENSOR_OVERRUN AGENT_ERR(AGENT_ERR_CATEGORY_EXECUTION, 0x02)

/* Configuration (tvmcrt_agent_init() only; never on the wire) */
#define AGENT_ERR_CONFIG_LIMIT AGENT_ERR(AGENT_ERR_CATEGORY_CONFIG, 0x01)
#define AGENT_ERR_CONFIG_ARGUMENT AGENT_ERR(AGENT_ERR_CATEGORY_CONFIG, 0x02)

#endif /* TVMCRT_AGENT_ERRORS_H_ */
