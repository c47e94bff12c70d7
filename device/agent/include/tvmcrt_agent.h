/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_agent.h — the device agent: serves tvmcrt-host's requests (docs/protocol.md) for the
 * models of one image, over the bytes a port delivers. C99, no malloc: all state is one
 * tvmcrt_agent_t, normally static. Depends on device/agent/src, the frame codec (proto/frame),
 * nanopb and the runtime.
 *
 *   static tvmcrt_agent_t agent;               // about 2 * (TVMCRT_AGENT_MAX_PAYLOAD + 8) + 0.7 KiB
 *   tvmcrt_region_t sram = {"sram", tvmcrt_agent_arena, tvmcrt_agent_arena_size, 16};  // in main()
 *   if (tvmcrt_agent_init(&agent, &port, tvmcrt_agent_models, tvmcrt_agent_model_count, &sram, 1))
 *     halt(tvmcrt_agent_last_error_text(&agent));
 *   for (;;) tvmcrt_agent_poll(&agent);
 *
 * Receive path, one frame at a time, all inside tvmcrt_agent_poll():
 *
 *   port->read ──► deframer ──► rx[] ──► frame_open ──┬─ bad CRC / too large / version ──► Nak
 *   (chunk)       (COBS, one    (raw     (CRC,        │
 *                  byte at a     frame)   version)    └─ ok ──► dispatch by header type
 *                  time)                                         │ nanopb decode of the request;
 *                                                                │ WriteInput data straight into
 *                                                                ▼ the input tensor
 *   port->write ◄── COBS stream ◄── tx[] ◄── seal ◄── nanopb encode of the response
 *   (chunks)        (no second buffer)                (ReadOutput data straight from the tensor)
 *
 * Errors go out as numbers (a row of proto/errors/tvmcrt_agent_texts.h and its arguments): the host
 * writes the sentences, so the image carries none unless TVMCRT_AGENT_ERROR_TEXTS asks for them.
 */
#ifndef TVMCRT_AGENT_H_
#define TVMCRT_AGENT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tvmcrt.pb.h"
#include "tvmcrt/tvmcrt.h"
#include "tvmcrt/tvmcrt_text.h"
#include "tvmcrt_agent_config.h"
#include "tvmcrt_agent_errors.h"
#include "tvmcrt_agent_models.h"
#include "tvmcrt_frame.h"
#include "tvmcrt_port.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TVMCRT_AGENT_PROTOCOL_VERSION 3

/* Where one pool of a model lives: [regions[region].base + offset, + size). */
typedef struct tvmcrt_agent_placement {
  uint32_t offset;
  uint32_t size;
  uint8_t region;
  bool assigned;
} tvmcrt_agent_placement_t;

typedef struct tvmcrt_agent_model_state {
  tvmcrt_agent_placement_t pools[TVMCRT_AGENT_MAX_POOLS];
  uint32_t received[TVMCRT_AGENT_MAX_INPUTS];  /* contiguous bytes of each input written so far */
  uint32_t upload[TVMCRT_AGENT_MAX_INPUTS];    /* WriteInputRequest.upload of the write that began them */
  bool outputs_valid;                          /* set by a successful Execute, cleared when one starts */
  bool placed_by_host;                         /* the pools are a SetWorkspaces' (not the boot-time ones) */
} tvmcrt_agent_model_state_t;

/* The response of the last Execute that ran, kept so that the same run id is answered again
 * without running the model twice (exactly once on a lossy line). */
typedef struct tvmcrt_agent_run {
  uint32_t id;  /* ExecuteRequest.run; 0: none kept */
  uint32_t model;
  uint32_t code;  /* its Status.code */
  int32_t runtime_code;
  uint32_t ticks, peak_workspace, runs;
} tvmcrt_agent_run_t;

typedef struct tvmcrt_agent {
  const tvmcrt_port_t *port;
  const tvmcrt_agent_model_t *models;
  size_t model_count;
  const tvmcrt_region_t *regions;
  size_t region_count;

  tvmcrt_deframer_t deframer;
  uint32_t frames_dropped;      /* Nak.frames_dropped */
  uint32_t executions;          /* TVMExecute() calls since init (ExecuteResponse.runs) */
  tvmcrt_agent_run_t run;
  /* The last Execute, if it was profiled (ReadProfile): its model (AGENT_NO_MODEL: none), the
   * stack the port measured and the run's ticks with the probes on. */
  uint32_t profiled_model;
  uint32_t stack_used;

  /* Last error reported (GetLastError), as numbers; its sentence too with TVMCRT_AGENT_ERROR_TEXTS. */
  TVMCrtErrorText last;
  uint32_t last_model;
#if TVMCRT_AGENT_ERROR_TEXTS
  char last_text[TVMCRT_AGENT_TEXT_SIZE];
#endif

  TVMContext context;
  tvmcrt_agent_model_state_t state[TVMCRT_AGENT_MAX_MODELS];

  uint8_t rx[TVMCRT_AGENT_FRAME_BUFFER_SIZE];  /* one raw request frame, decoded in place */
  uint8_t tx[TVMCRT_AGENT_FRAME_BUFFER_SIZE];  /* one raw response frame, COBS-streamed out */
} tvmcrt_agent_t;

/* Sets up the agent for `models` (the generated table) and the regions the host may place
 * workspaces in (regions[0] also gets the default placements: every model's pools one after
 * another, 16-aligned, when they fit). Port, models and regions are borrowed and must outlive the
 * agent. Sends a Boot frame. Returns 0, or AGENT_ERR_CONFIG_* when the table exceeds the agent's
 * compile-time limits (tvmcrt_agent_last_error_text() names the limit to raise); the agent then
 * must not be polled. */
uint32_t tvmcrt_agent_init(tvmcrt_agent_t *agent, const tvmcrt_port_t *port,
                           const tvmcrt_agent_model_t *models, size_t model_count,
                           const tvmcrt_region_t *regions, size_t region_count);

/* Takes what the port has received, handles every complete frame (running a model if asked) and
 * sends the responses. Never waits for bytes. Returns false once port->write() has failed (the
 * link is gone), true otherwise. Not reentrant; never call it from interrupt context. */
bool tvmcrt_agent_poll(tvmcrt_agent_t *agent);

/* Feeds bytes as if port->read() had returned them: for ports that are handed bytes (an RTOS queue,
 * a fuzzer) rather than asked. Same return value as tvmcrt_agent_poll(). */
bool tvmcrt_agent_receive(tvmcrt_agent_t *agent, const uint8_t *bytes, size_t len);

/* Text of the last error the agent reported: its sentence with TVMCRT_AGENT_ERROR_TEXTS, else
 * "tvmcrt agent error 0x<code> (text <n>)" (tvmcrt-host writes the sentence from what the agent sends;
 * tvmcrt_agent_texts.h has it by number). Never NULL. */
const char *tvmcrt_agent_last_error_text(const tvmcrt_agent_t *agent);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_AGENT_H_ */
