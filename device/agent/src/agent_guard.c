/* SPDX-License-Identifier: Apache-2.0 */
/*
 * agent_guard.c — canaries after every input and output buffer, so a model that writes past a
 * declared tensor size fails its Execute with the tensor's name instead of passing with garbage.
 *
 * Older TVM output has no size macros: the sizes come from a sidecar, and a float32 tensor declared
 * int8, or a smaller shape, gives buffers smaller than what the model writes. Generated model tables
 * keep guard_size bytes after each buffer (tvmcrt_agent_models.h); they are filled with a pattern
 * before every run and compared after it. A model that overruns by more than the guard may also have
 * damaged what lies beyond it: the error says to fix the declaration, not to retry.
 */
#include <string.h>

#include "agent_internal.h"

/* A pattern no arithmetic result is likely to leave behind: not 0, not 0xFF, every byte different. */
static uint8_t canary_byte(uint32_t i) {
  return (uint8_t)(0xA5u + 0x3Bu * i);
}

static void arm_buffers(void *const *buffers, const TVMTensorInfo *infos, uint8_t count, uint32_t guard) {
  for (uint8_t t = 0; t < count; t++) {
    uint8_t *end = (uint8_t *)buffers[t] + infos[t].size_bytes;
    for (uint32_t i = 0; i < guard; i++) end[i] = canary_byte(i);
  }
}

/* Index of the first buffer whose canary changed, or count. */
static uint8_t first_broken(void *const *buffers, const TVMTensorInfo *infos, uint8_t count, uint32_t guard) {
  for (uint8_t t = 0; t < count; t++) {
    const uint8_t *end = (const uint8_t *)buffers[t] + infos[t].size_bytes;
    for (uint32_t i = 0; i < guard; i++) {
      if (end[i] != canary_byte(i)) return t;
    }
  }
  return count;
}

void agent_guard_arm(tvmcrt_agent_t *a, uint32_t m) {
  const tvmcrt_agent_model_t *e = &a->models[m];
  arm_buffers(e->inputs, e->model->inputs, e->model->num_inputs, e->guard_size);
  arm_buffers(e->outputs, e->model->outputs, e->model->num_outputs, e->guard_size);
}

uint32_t agent_guard_check(tvmcrt_agent_t *a, uint32_t m) {
  const tvmcrt_agent_model_t *e = &a->models[m];
  const TVMModel *model = e->model;
  uint32_t text = AGENT_ID(OUTPUT_OVERRUN);
  const TVMTensorInfo *infos = model->outputs;
  uint8_t t = first_broken(e->outputs, model->outputs, model->num_outputs, e->guard_size);
  if (t == model->num_outputs) {
    text = AGENT_ID(INPUT_OVERRUN);
    infos = model->inputs;
    t = first_broken(e->inputs, model->inputs, model->num_inputs, e->guard_size);
    if (t == model->num_inputs) return 0;
  }
  agent_guard_arm(a, m);  /* the next run checks afresh */
  return agent_fail_text(a, m, AGENT_ERR_TENSOR_OVERRUN, text, model->name, (uint32_t)t, infos[t].name,
                         (uint32_t)infos[t].size_bytes);
}
