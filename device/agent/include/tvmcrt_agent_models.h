/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_agent_models.h — the table of models an agent serves, generated at build time by
 * tvmcrt_link_models() (cmake/TvmcrtModel.cmake) for each device executable or firmware image.
 *
 * The generated C file defines tvmcrt_agent_models[], tvmcrt_agent_model_count and the default
 * workspace region tvmcrt_agent_arena[] (sized to hold every model's pools at once, each aligned
 * to 16, unless the build gives ARENA_SIZE). Input and output buffers are static, one per tensor,
 * aligned to 16 (or more if a model asks), so the agent decodes bytes straight into them.
 *
 * Each buffer is followed by guard_size bytes of its own (TVMCRT_AGENT_IO_GUARD_SIZE in generated
 * tables) that the agent fills with a canary before every Execute and checks after it: a model that
 * writes past a declared tensor size (a sidecar giving int8 for a float32 tensor, or a smaller shape)
 * fails the run with an error naming the tensor, instead of passing with garbage. A hand-written
 * table without that room sets guard_size 0 (no check).
 */
#ifndef TVMCRT_AGENT_MODELS_H_
#define TVMCRT_AGENT_MODELS_H_

#include <stddef.h>
#include <stdint.h>

#include "tvmcrt/tvmcrt.h"
#include "tvmcrt/tvmcrt_profile.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Canary bytes after each I/O buffer of a generated table. 16: a model running over by a few
 * elements of any dtype lands in it. */
#ifndef TVMCRT_AGENT_IO_GUARD_SIZE
#define TVMCRT_AGENT_IO_GUARD_SIZE 16
#endif

typedef struct tvmcrt_agent_model {
  const TVMModel *model;
  void *const *inputs;   /* model->num_inputs buffers, inputs[i] holds model->inputs[i].size_bytes */
  void *const *outputs;  /* model->num_outputs buffers */
  uint32_t guard_size;   /* bytes after each buffer kept for the canary; 0: none */
  /* The operator table of a model built with PROFILE (tvmcrt_model_<m>_profile.c); NULL: built
   * without, and Execute refuses to profile it. The agent calls its begin/end through the table,
   * so images without a PROFILE model link no profiler. */
  TVMProfiler *profile;
} tvmcrt_agent_model_t;

extern const tvmcrt_agent_model_t tvmcrt_agent_models[];
extern const size_t tvmcrt_agent_model_count;
extern uint8_t tvmcrt_agent_arena[];
extern const uint32_t tvmcrt_agent_arena_size;

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_AGENT_MODELS_H_ */
