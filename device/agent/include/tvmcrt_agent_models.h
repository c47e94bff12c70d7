/*
 * tvmcrt_agent_models.h — the table of models an agent serves, generated at build time by
 * tvmcrt_link_models() (cmake/TvmcrtModel.cmake) for each device executable or firmware image.
 *
 * The generated C file defines tvmcrt_agent_models[], tvmcrt_agent_model_count and the default
 * workspace region tvmcrt_agent_arena[] (sized to hold every model's pools at once, each aligned
 * to 16, unless the build gives ARENA_SIZE). Input and output buffers are static, one per tensor,
 * aligned to 16 (or more if a model asks), so the agent decodes bytes straight into them.
 */
#ifndef TVMCRT_AGENT_MODELS_H_
#define TVMCRT_AGENT_MODELS_H_

#include <stddef.h>
#include <stdint.h>

#include "tvmcrt/tvmcrt.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tvmcrt_agent_model {
  const TVMModel *model;
  void *const *inputs;   /* model->num_inputs buffers, inputs[i] holds model->inputs[i].size_bytes */
  void *const *outputs;  /* model->num_outputs buffers */
} tvmcrt_agent_model_t;

extern const tvmcrt_agent_model_t tvmcrt_agent_models[];
extern const size_t tvmcrt_agent_model_count;
extern uint8_t tvmcrt_agent_arena[];
extern const uint32_t tvmcrt_agent_arena_size;

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_AGENT_MODELS_H_ */
