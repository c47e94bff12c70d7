/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_agent_texts.h — every sentence the device agent can say, by number: part of the protocol
 * (version 3). The agent sends an error as its row's number and arguments (Status.text,
 * tvmcrt.proto's ErrorText) and tvmcrt-host writes the sentence from this table, so the firmware
 * carries none (deferred formatting, tvmcrt/tvmcrt_text.h). Numbers 1-99 are wire values: never
 * renumber or reuse one; a changed sentence keeps its arguments, or takes a new number, and a
 * change of meaning bumps the protocol version. The runtime's sentences (100-199) are in
 * runtime/include/tvmcrt/tvmcrt_error_texts.h.
 *
 * A row is a macro holding (code, number, arguments, format) — see tvmcrt_text.h; T arguments are
 * request message types, written as their names (HelloRequest, ...). Sentences state the fact
 * first and name the model and tensor at the end. TVMCRT_AGENT_TEXTS lists every row. tests/host
 * checks that every row's arguments match its format and that the numbers run on without gaps.
 * The codes are in tvmcrt_agent_errors.h beside it (both are protocol: host and device use them).
 */
#ifndef TVMCRT_AGENT_TEXTS_H_
#define TVMCRT_AGENT_TEXTS_H_

#include "tvmcrt/tvmcrt_text.h"
#include "tvmcrt_agent_errors.h"

#define AGENT_TEXT_BAD_CRC (AGENT_ERR_BAD_CRC, 1, TVMCRT_TEXT_ARGS1(U), \
    "CRC mismatch in a frame of %u bytes: bytes were corrupted or lost")
#define AGENT_TEXT_FRAME_TOO_LARGE (AGENT_ERR_FRAME_TOO_LARGE, 2, TVMCRT_TEXT_ARGS1(U), \
    "frame over the max payload of %u bytes (Hello max_frame_payload): split it")
#define AGENT_TEXT_FRAMING_VERSION (AGENT_ERR_UNSUPPORTED_VERSION, 3, TVMCRT_TEXT_ARGS1(U), \
    "framing version %u is not supported: this device speaks framing version 1")
#define AGENT_TEXT_SHORT_FRAME (AGENT_ERR_BAD_FRAMING, 4, TVMCRT_TEXT_ARGS1(U), \
    "frame of %u bytes is shorter than header and CRC (8): bytes were lost")
#define AGENT_TEXT_COBS_CUT (AGENT_ERR_BAD_FRAMING, 5, TVMCRT_TEXT_ARGS1(U), \
    "COBS block cut short after %u bytes of a frame: bytes were lost")
#define AGENT_TEXT_PROTOCOL_VERSION (AGENT_ERR_UNSUPPORTED_VERSION, 6, TVMCRT_TEXT_ARGS2(U, U), \
    "host speaks protocol %u, device %u: use a tvmcrt-host that matches the firmware")
#define AGENT_TEXT_UNKNOWN_MESSAGE (AGENT_ERR_UNKNOWN_MESSAGE, 7, TVMCRT_TEXT_ARGS2(U, U), \
    "message type %u is not a request of protocol version %u")
#define AGENT_TEXT_MALFORMED (AGENT_ERR_MALFORMED_MESSAGE, 8, TVMCRT_TEXT_ARGS2(T, U), \
    "%s is not a valid protobuf message (%u bytes): host and device disagree on tvmcrt.proto")
#define AGENT_TEXT_WRITE_MALFORMED (AGENT_ERR_MALFORMED_MESSAGE, 9, TVMCRT_TEXT_ARGS0(), \
    "WriteInputRequest is not a valid protobuf message: host and device disagree on tvmcrt.proto")
#define AGENT_TEXT_DATA_TWICE (AGENT_ERR_MALFORMED_MESSAGE, 10, TVMCRT_TEXT_ARGS0(), \
    "WriteInputRequest carries data twice")
#define AGENT_TEXT_DATA_NOT_LAST (AGENT_ERR_MALFORMED_MESSAGE, 11, TVMCRT_TEXT_ARGS0(), \
    "WriteInputRequest: model, tensor and offset must precede data")
#define AGENT_TEXT_RESPONSE_TOO_LARGE (AGENT_ERR_RESPONSE_TOO_LARGE, 12, TVMCRT_TEXT_ARGS2(U, U), \
    "response to message type %u exceeds the max payload of %u bytes: rebuild the firmware with " \
    "a larger TVMCRT_AGENT_MAX_PAYLOAD")
#define AGENT_TEXT_UNKNOWN_MODEL (AGENT_ERR_UNKNOWN_MODEL, 13, TVMCRT_TEXT_ARGS2(U, U), \
    "model %u does not exist: this image has %u (Hello model_count)")
#define AGENT_TEXT_UNKNOWN_INPUT (AGENT_ERR_UNKNOWN_TENSOR, 14, TVMCRT_TEXT_ARGS3(U, S, U), \
    "input %u does not exist: model '%s' has %u")
#define AGENT_TEXT_UNKNOWN_OUTPUT (AGENT_ERR_UNKNOWN_TENSOR, 15, TVMCRT_TEXT_ARGS3(U, S, U), \
    "output %u does not exist: model '%s' has %u")
#define AGENT_TEXT_INPUT_RANGE (AGENT_ERR_OUT_OF_RANGE, 16, TVMCRT_TEXT_ARGS6(U, U, U, U, S, S), \
    "%u bytes at offset %u pass the tensor's end at %u (input %u '%s', model '%s')")
#define AGENT_TEXT_OUTPUT_RANGE (AGENT_ERR_OUT_OF_RANGE, 17, TVMCRT_TEXT_ARGS6(U, U, U, U, S, S), \
    "%u bytes at offset %u pass the tensor's end at %u (output %u '%s', model '%s')")
#define AGENT_TEXT_READ_TOO_LONG (AGENT_ERR_OUT_OF_RANGE, 18, TVMCRT_TEXT_ARGS2(U, U), \
    "ReadOutput length %u is over Hello max_read_length %u")
#define AGENT_TEXT_WRITE_GAP (AGENT_ERR_WRITE_GAP, 19, TVMCRT_TEXT_ARGS5(U, U, U, S, S), \
    "expected offset %u, got %u: a frame was lost, resend from the expected offset (input %u " \
    "'%s', model '%s')")
#define AGENT_TEXT_INPUT_INCOMPLETE (AGENT_ERR_INPUT_INCOMPLETE, 20, TVMCRT_TEXT_ARGS5(U, U, U, S, S), \
    "input holds %u of %u bytes: WriteInput the rest before Execute (input %u '%s', model '%s')")
#define AGENT_TEXT_OUTPUT_NOT_READY (AGENT_ERR_OUTPUT_NOT_READY, 21, TVMCRT_TEXT_ARGS1(S), \
    "outputs not valid: run Execute successfully first (model '%s')")
#define AGENT_TEXT_UNKNOWN_POOL (AGENT_ERR_UNKNOWN_POOL, 22, TVMCRT_TEXT_ARGS3(U, U, S), \
    "pool %u does not exist (see ModelInfo pools) (placement %u, model '%s')")
#define AGENT_TEXT_UNKNOWN_REGION (AGENT_ERR_UNKNOWN_REGION, 23, TVMCRT_TEXT_ARGS3(U, U, S), \
    "region %u does not exist (see Hello regions) (placement %u, model '%s')")
#define AGENT_TEXT_POOL_TOO_SMALL (AGENT_ERR_WORKSPACE_TOO_SMALL, 24, TVMCRT_TEXT_ARGS3(U, U, S), \
    "size is below the pool's %u bytes (placement %u, model '%s')")
#define AGENT_TEXT_OUTSIDE_REGION (AGENT_ERR_WORKSPACE_OUTSIDE_REGION, 25, TVMCRT_TEXT_ARGS3(U, U, S), \
    "offset + size pass the end of the region (%u bytes) (placement %u, model '%s')")
#define AGENT_TEXT_POOL_MISALIGNED (AGENT_ERR_WORKSPACE_MISALIGNED, 26, TVMCRT_TEXT_ARGS3(U, U, S), \
    "the pool needs alignment %u: move its offset (placement %u, model '%s')")
#define AGENT_TEXT_POOL_TWICE (AGENT_ERR_DUPLICATE_POOL, 27, TVMCRT_TEXT_ARGS3(U, U, S), \
    "pool %u is placed twice (placement %u, model '%s')")
#define AGENT_TEXT_TOO_MANY_PLACEMENTS (AGENT_ERR_UNKNOWN_POOL, 28, TVMCRT_TEXT_ARGS3(U, U, S), \
    "%u placements, but the model has only %u pools (model '%s')")
#define AGENT_TEXT_POOLS_OVERLAP (AGENT_ERR_WORKSPACE_OVERLAP, 29, TVMCRT_TEXT_ARGS3(U, U, S), \
    "pools %u and %u of model '%s' overlap")
#define AGENT_TEXT_POOL_LEFT_OUT (AGENT_ERR_WORKSPACE_NOT_SET, 30, TVMCRT_TEXT_ARGS2(S, S), \
    "pool '%s' of model '%s' has no placement: the last SetWorkspaces left it out (it replaces " \
    "all of the model's placements); send one that places every pool")
#define AGENT_TEXT_POOL_UNPLACED (AGENT_ERR_WORKSPACE_NOT_SET, 31, TVMCRT_TEXT_ARGS2(S, S), \
    "pool '%s' of model '%s' has no placement (region 0 was too small at boot): send SetWorkspaces")
#define AGENT_TEXT_OUTPUT_OVERRUN (AGENT_ERR_TENSOR_OVERRUN, 32, TVMCRT_TEXT_ARGS4(S, U, S, U), \
    "model '%s' wrote past the end of output %u '%s' (%u B): its sidecar or metadata declares a " \
    "smaller shape or dtype than the model writes")
#define AGENT_TEXT_INPUT_OVERRUN (AGENT_ERR_TENSOR_OVERRUN, 33, TVMCRT_TEXT_ARGS4(S, U, S, U), \
    "model '%s' wrote past the end of input %u '%s' (%u B): its sidecar or metadata declares a " \
    "smaller shape or dtype than the model writes")
#define AGENT_TEXT_PORT_INCOMPLETE (AGENT_ERR_CONFIG_ARGUMENT, 34, TVMCRT_TEXT_ARGS0(), \
    "port incomplete: read, write, ticks and tick_hz (1..400 MHz) are needed")
#define AGENT_TEXT_TOO_MANY_MODELS (AGENT_ERR_CONFIG_LIMIT, 35, TVMCRT_TEXT_ARGS2(U, U), \
    "model table holds %u models: raise TVMCRT_AGENT_MAX_MODELS (%u)")
#define AGENT_TEXT_TOO_MANY_REGIONS (AGENT_ERR_CONFIG_LIMIT, 36, TVMCRT_TEXT_ARGS1(U), \
    "%u regions given: at most 255")
#define AGENT_TEXT_REGION_ALIGNMENT (AGENT_ERR_CONFIG_ARGUMENT, 37, TVMCRT_TEXT_ARGS1(U), \
    "region %u: alignment must be a power of two that its base honours")
#define AGENT_TEXT_MODEL_TOO_LARGE (AGENT_ERR_CONFIG_LIMIT, 38, TVMCRT_TEXT_ARGS5(S, U, U, U, U), \
    "model '%s' has %u inputs and %u pools: raise TVMCRT_AGENT_MAX_INPUTS (%u) or " \
    "TVMCRT_AGENT_MAX_POOLS (%u)")

#define AGENT_TEXT_INPUT_STALE (AGENT_ERR_INPUT_INCOMPLETE, 39, TVMCRT_TEXT_ARGS5(U, U, U, S, S), \
    "input was last uploaded as upload %u, this Execute is for upload %u: write it again before " \
    "Execute (input %u '%s', model '%s')")
#define AGENT_TEXT_PROFILE_NOT_BUILT (AGENT_ERR_PROFILE_NOT_BUILT, 40, TVMCRT_TEXT_ARGS1(S), \
    "model '%s' was built without PROFILE: add PROFILE to its tvmcrt_add_model() call and rebuild " \
    "the image (docs/profile.md)")
#define AGENT_TEXT_PROFILE_NOT_READY (AGENT_ERR_PROFILE_NOT_READY, 41, TVMCRT_TEXT_ARGS1(S), \
    "no profile to read: the last Execute of model '%s' did not ask for one (ExecuteRequest.profile)")

/* Every row, for readers that need them all (tvmcrt-host, the agent with its texts). */
#define TVMCRT_AGENT_TEXTS(X) \
  X(AGENT_TEXT_BAD_CRC) \
  X(AGENT_TEXT_FRAME_TOO_LARGE) \
  X(AGENT_TEXT_FRAMING_VERSION) \
  X(AGENT_TEXT_SHORT_FRAME) \
  X(AGENT_TEXT_COBS_CUT) \
  X(AGENT_TEXT_PROTOCOL_VERSION) \
  X(AGENT_TEXT_UNKNOWN_MESSAGE) \
  X(AGENT_TEXT_MALFORMED) \
  X(AGENT_TEXT_WRITE_MALFORMED) \
  X(AGENT_TEXT_DATA_TWICE) \
  X(AGENT_TEXT_DATA_NOT_LAST) \
  X(AGENT_TEXT_RESPONSE_TOO_LARGE) \
  X(AGENT_TEXT_UNKNOWN_MODEL) \
  X(AGENT_TEXT_UNKNOWN_INPUT) \
  X(AGENT_TEXT_UNKNOWN_OUTPUT) \
  X(AGENT_TEXT_INPUT_RANGE) \
  X(AGENT_TEXT_OUTPUT_RANGE) \
  X(AGENT_TEXT_READ_TOO_LONG) \
  X(AGENT_TEXT_WRITE_GAP) \
  X(AGENT_TEXT_INPUT_INCOMPLETE) \
  X(AGENT_TEXT_OUTPUT_NOT_READY) \
  X(AGENT_TEXT_UNKNOWN_POOL) \
  X(AGENT_TEXT_UNKNOWN_REGION) \
  X(AGENT_TEXT_POOL_TOO_SMALL) \
  X(AGENT_TEXT_OUTSIDE_REGION) \
  X(AGENT_TEXT_POOL_MISALIGNED) \
  X(AGENT_TEXT_POOL_TWICE) \
  X(AGENT_TEXT_TOO_MANY_PLACEMENTS) \
  X(AGENT_TEXT_POOLS_OVERLAP) \
  X(AGENT_TEXT_POOL_LEFT_OUT) \
  X(AGENT_TEXT_POOL_UNPLACED) \
  X(AGENT_TEXT_OUTPUT_OVERRUN) \
  X(AGENT_TEXT_INPUT_OVERRUN) \
  X(AGENT_TEXT_PORT_INCOMPLETE) \
  X(AGENT_TEXT_TOO_MANY_MODELS) \
  X(AGENT_TEXT_TOO_MANY_REGIONS) \
  X(AGENT_TEXT_REGION_ALIGNMENT) \
  X(AGENT_TEXT_MODEL_TOO_LARGE) \
  X(AGENT_TEXT_INPUT_STALE) \
  X(AGENT_TEXT_PROFILE_NOT_BUILT) \
  X(AGENT_TEXT_PROFILE_NOT_READY)

/* Names of the request messages, by MessageType: what a T argument is written as. */
#define TVMCRT_AGENT_REQUEST_NAMES                                                                 \
  {                                                                                                \
    "request", "HelloRequest", "ModelInfoRequest", "SetWorkspacesRequest", "WriteInputRequest",    \
        "ExecuteRequest", "ReadOutputRequest", "GetLastErrorRequest", "ReadProfileRequest"         \
  }

#endif /* TVMCRT_AGENT_TEXTS_H_ */
