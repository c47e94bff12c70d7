/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_agent_config.h — compile-time limits of the device agent. Override any of them with -D or
 * by naming a header in TVMCRT_AGENT_CONFIG_FILE; every value here is a default. RAM cost is stated
 * for each: all agent state is one static tvmcrt_agent_t.
 */
#ifndef TVMCRT_AGENT_CONFIG_H_
#define TVMCRT_AGENT_CONFIG_H_

#ifdef TVMCRT_AGENT_CONFIG_FILE
#include TVMCRT_AGENT_CONFIG_FILE
#endif

#include "tvmcrt/tvmcrt_config.h"

/* Largest frame payload (bytes between header and CRC) accepted and sent. Sizes the receive and the
 * transmit frame buffer: 2 * (this + 8) bytes of RAM. Announced in HelloResponse.max_frame_payload. */
#ifndef TVMCRT_AGENT_MAX_PAYLOAD
#define TVMCRT_AGENT_MAX_PAYLOAD 4096
#endif

/* Largest ReadOutput (HelloResponse.max_read_length). The response is sent straight from the output
 * tensor, never assembled, so this costs no RAM and may exceed TVMCRT_AGENT_MAX_PAYLOAD: one large
 * response instead of a request and a response per frame payload. A damaged one is sent again
 * whole, so a host on a noisy line asks for less (docs/protocol.md). */
#ifndef TVMCRT_AGENT_MAX_READ_LENGTH
#define TVMCRT_AGENT_MAX_READ_LENGTH 65536
#endif

/* Request frames the host may have in flight (HelloResponse.receive_window). The agent handles one
 * frame at a time, so while it runs a model the port must hold the rest: size the port's receive
 * buffer to at least TVMCRT_AGENT_PORT_RX_MIN bytes. */
#ifndef TVMCRT_AGENT_RECEIVE_WINDOW
#define TVMCRT_AGENT_RECEIVE_WINDOW 2
#endif

/* Models one image may serve. Each costs 4 + 12 * TVMCRT_AGENT_MAX_POOLS + 8 * TVMCRT_AGENT_MAX_INPUTS
 * bytes of RAM. */
#ifndef TVMCRT_AGENT_MAX_MODELS
#define TVMCRT_AGENT_MAX_MODELS 4
#endif

/* Input tensors per model (the agent tracks the bytes received of each). */
#ifndef TVMCRT_AGENT_MAX_INPUTS
#define TVMCRT_AGENT_MAX_INPUTS 8
#endif

/* Pools per model (stack workspace + external pools): what one TVMSetWorkspaces() call can take. */
#ifndef TVMCRT_AGENT_MAX_POOLS
#define TVMCRT_AGENT_MAX_POOLS TVMCRT_MAX_WORKSPACES
#endif

/* Operator records per ReadProfileResponse (each carries the operator's name, up to ~120 bytes for
 * TVM's long fused names): at 8, a page stays well inside the default 4096-byte payload. */
#ifndef TVMCRT_AGENT_PROFILE_PAGE
#define TVMCRT_AGENT_PROFILE_PAGE 8
#endif

/* Length of the agent's own last-error text (TVMCRT_AGENT_ERROR_TEXTS), NUL included. */
#ifndef TVMCRT_AGENT_TEXT_SIZE
#define TVMCRT_AGENT_TEXT_SIZE TVMCRT_LAST_ERROR_SIZE
#endif

/* Bytes taken from port->read() per call (on the stack of tvmcrt_agent_poll()). */
#ifndef TVMCRT_AGENT_READ_CHUNK
#define TVMCRT_AGENT_READ_CHUNK 64
#endif

/* Bytes gathered before each port->write() while a response is COBS-encoded (on the stack), so a
 * frame of zeros is not one write() per byte. */
#ifndef TVMCRT_AGENT_WRITE_CHUNK
#define TVMCRT_AGENT_WRITE_CHUNK 64
#endif

/* Errors always go out as numbers that tvmcrt-host writes as the full sentence (naming the model,
 * tensor or pool, the numbers involved and the fix). 1: the agent also writes each sentence itself,
 * for tvmcrt_agent_last_error_text() (a port's log, a debugger): the sentences then cost flash
 * (scripts/size-report) and TVMCRT_AGENT_TEXT_SIZE bytes of RAM. Native builds turn it on. */
#ifndef TVMCRT_AGENT_ERROR_TEXTS
#define TVMCRT_AGENT_ERROR_TEXTS 0
#endif

/* HelloResponse.firmware_build_id. The build sets it to "tvmcrt <version> g<commit> <platform>". */
#ifndef TVMCRT_AGENT_BUILD_ID
#define TVMCRT_AGENT_BUILD_ID "tvmcrt"
#endif

/* Derived sizes */
#define TVMCRT_AGENT_FRAME_BUFFER_SIZE (TVMCRT_AGENT_MAX_PAYLOAD + 8)
#define TVMCRT_AGENT_PORT_RX_MIN \
  (TVMCRT_AGENT_RECEIVE_WINDOW * (TVMCRT_AGENT_FRAME_BUFFER_SIZE + \
                                  (TVMCRT_AGENT_FRAME_BUFFER_SIZE + 253) / 254 + 1))

/* Floors and ceilings */
#if TVMCRT_AGENT_MAX_PAYLOAD < 256
#error "TVMCRT_AGENT_MAX_PAYLOAD below 256: docs/protocol.md promises hosts at least 256-byte payloads"
#endif
#if TVMCRT_AGENT_MAX_PAYLOAD > 65535
#error "TVMCRT_AGENT_MAX_PAYLOAD above 65535: the host's frame assembly assumes 16-bit lengths"
#endif
#if TVMCRT_AGENT_RECEIVE_WINDOW < 1
#error "TVMCRT_AGENT_RECEIVE_WINDOW must be at least 1"
#endif
#if TVMCRT_AGENT_MAX_READ_LENGTH < 64 || TVMCRT_AGENT_MAX_READ_LENGTH > 0x7FFFFFFF
#error "TVMCRT_AGENT_MAX_READ_LENGTH must be 64 .. 2^31-1 (tvmcrt-host reads at most 64 KiB at a time anyway)"
#endif
#if TVMCRT_AGENT_MAX_MODELS < 1 || TVMCRT_AGENT_MAX_INPUTS < 1 || TVMCRT_AGENT_MAX_POOLS < 1
#error "TVMCRT_AGENT_MAX_MODELS, _MAX_INPUTS and _MAX_POOLS must be at least 1"
#endif
#if TVMCRT_AGENT_MAX_POOLS > TVMCRT_MAX_WORKSPACES
#error "TVMCRT_AGENT_MAX_POOLS above TVMCRT_MAX_WORKSPACES: the runtime could not take them all"
#endif
#if TVMCRT_AGENT_PROFILE_PAGE < 1
#error "TVMCRT_AGENT_PROFILE_PAGE must be at least 1"
#endif
#if TVMCRT_AGENT_TEXT_SIZE < 64
#error "TVMCRT_AGENT_TEXT_SIZE below 64 cuts model and tensor names out of error texts"
#endif
#if TVMCRT_AGENT_READ_CHUNK < 1 || TVMCRT_AGENT_WRITE_CHUNK < 2
#error "TVMCRT_AGENT_READ_CHUNK must be at least 1 and TVMCRT_AGENT_WRITE_CHUNK at least 2"
#endif

#endif /* TVMCRT_AGENT_CONFIG_H_ */
