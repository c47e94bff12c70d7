/* SPDX-License-Identifier: Apache-2.0 */
/*
 * execute.c — TVMExecute(): check what the application hands in, bind the model's pools to the
 * context's workspaces, run the model, and turn whatever went wrong into one error code and text.
 *
 * Binding by name costs string compares, so the result is kept in context->binding and reused
 * while the same model runs with the same workspaces: a repeated TVMExecute() only re-checks the
 * tensors it is given.
 */
#include <string.h>

#include "tvmcrt_internal.h"

/* Keeps the slow paths (their stack buffers, their register pressure) out of TVMExecute()'s own
 * frame, so the common call stays a few dozen instructions. */
#if defined(__GNUC__) || defined(__clang__)
#define TVMCRT_COLD __attribute__((noinline, cold))
#else
#define TVMCRT_COLD
#endif

TVMContext *tvmcrt_current_context;
int32_t tvmcrt_run_error;

void TVMContextInit(TVMContext *context) {
  if (context != NULL) memset(context, 0, sizeof *context);
}

const char *tvmcrt_running_name(void) {
  const TVMContext *ctx = tvmcrt_current_context;
  return (ctx != NULL && ctx->binding.model != NULL) ? ctx->binding.model->name : "(none)";
}

static int is_aligned(const void *p, size_t alignment) {
  return alignment <= 1 || ((uintptr_t)p & (alignment - 1)) == 0;
}

static int32_t check_tensors(const TVMModel *model, void *const *buffers, uint8_t count,
                             const TVMTensorInfo *infos, int outputs) {
  uint8_t i;
  for (i = 0; i < count; i++) {
    if (buffers[i] == NULL) {
      return outputs ? tvmcrt_fail(OUTPUT_NULL, model->name, infos[i].name, (uint32_t)i, (uint32_t)infos[i].size_bytes)
                     : tvmcrt_fail(INPUT_NULL, model->name, infos[i].name, (uint32_t)i, (uint32_t)infos[i].size_bytes);
    }
    if (!is_aligned(buffers[i], model->io_alignment)) {
      const uint32_t at = (uint32_t)(uintptr_t)buffers[i], alignment = (uint32_t)model->io_alignment;
      return outputs ? tvmcrt_fail(OUTPUT_MISALIGNED, model->name, infos[i].name, at, alignment)
                     : tvmcrt_fail(INPUT_MISALIGNED, model->name, infos[i].name, at, alignment);
    }
  }
  return kTVMCrtOk;
}

/* Both tensor lists, with the text that names the first bad buffer; kTVMCrtOk when all are fine. */
static int32_t check_buffers(const TVMModel *model, const void *inputs, void *outputs) {
  int32_t rc = check_tensors(model, (void *const *)inputs, model->num_inputs, model->inputs, 0);
  return rc != kTVMCrtOk ? rc
                         : check_tensors(model, (void *const *)outputs, model->num_outputs, model->outputs, 1);
}

int32_t TVMCrtRejectBuffers(void *const *inputs, void *const *outputs) {
  const TVMContext *ctx = tvmcrt_current_context;
  const TVMModel *model = ctx != NULL ? ctx->binding.model : NULL;
  int32_t rc = model != NULL ? check_buffers(model, inputs, (void *)outputs) : kTVMCrtOk;
  return rc != kTVMCrtOk ? rc
                         : tvmcrt_fail(NO_BAD_BUFFER, tvmcrt_running_name());
}

/* Every buffer present: the addresses OR-ed together into *all for one alignment test, or 0 on a NULL. */
static int buffers_present(void *const *buffers, uint8_t count, uintptr_t *all) {
  uint8_t i;
  for (i = 0; i < count; i++) {
    if (buffers[i] == NULL) return 0;
    *all |= (uintptr_t)buffers[i];
  }
  return 1;
}

/* The entry of a descriptor whose adapter does not check its buffers (entry_checks_buffers 0): the
 * same checks, by loop, before the model's own entry. */
static int32_t checking_entry(void *const *inputs, void *const *outputs, void *const *pools, void *const *devices) {
  const TVMModel *model = tvmcrt_current_context->binding.model;
  uintptr_t all = 0;
  if (!buffers_present(inputs, model->num_inputs, &all) || !buffers_present(outputs, model->num_outputs, &all) ||
      (all & (model->io_alignment - 1)) != 0) {
    return TVMCrtRejectBuffers(inputs, outputs);
  }
  return model->entry(inputs, outputs, pools, devices);
}

static const TVMWorkspace *find_workspace(const TVMContext *ctx, const char *name) {
  uint8_t i;
  for (i = 0; i < ctx->memory_layout.count; i++) {
    if (strcmp(ctx->memory_layout.workspaces[i].name, name) == 0) return &ctx->memory_layout.workspaces[i];
  }
  return NULL;
}

/* Resolves every pool and device of the model against the context, into context->binding. */
static int32_t bind(const TVMModel *model, TVMContext *ctx) {
  TVMBinding *b = &ctx->binding;
  uint8_t i, external = 0;
  b->model = NULL;
  b->stack_base = NULL;
  b->stack_size = 0;
  if (model->num_pools > TVMCRT_MAX_WORKSPACES || model->num_devices > TVMCRT_MAX_DEVICES) {
    return tvmcrt_fail(TOO_MANY_POOLS, model->name, (uint32_t)model->num_pools, (uint32_t)model->num_devices,
                       (uint32_t)TVMCRT_MAX_WORKSPACES, (uint32_t)TVMCRT_MAX_DEVICES);
  }
  for (i = 0; i < model->num_pools; i++) {
    const TVMPoolInfo *pool = &model->pools[i];
    const TVMWorkspace *w = find_workspace(ctx, pool->name);
    if (w == NULL) {
      return tvmcrt_fail(WORKSPACE_MISSING, model->name, pool->name, (uint32_t)pool->size_bytes);
    }
    if (w->size < pool->size_bytes) {
      return tvmcrt_fail(WORKSPACE_TOO_SMALL, model->name, pool->name, (uint32_t)w->size,
                         (uint32_t)pool->size_bytes);
    }
    if (!is_aligned(w->data, pool->alignment)) {
      return tvmcrt_fail(WORKSPACE_MISALIGNED, model->name, pool->name, (uint32_t)(uintptr_t)w->data,
                         (uint32_t)pool->alignment);
    }
    if (pool->kind == kTVMPoolStack) {
      b->stack_base = (uint8_t *)w->data;
      b->stack_size = w->size;
    } else {
      b->pools[external++] = w->data;
    }
  }
  for (i = 0; i < model->num_devices; i++) {
    uint8_t d;
    b->devices[i] = NULL;
    for (d = 0; d < ctx->devices.count; d++) {
      if (strcmp(ctx->devices.devices[d].name, model->devices[i]) == 0) b->devices[i] = ctx->devices.devices[d].handle;
    }
    if (b->devices[i] == NULL) {
      return tvmcrt_fail(DEVICE_MISSING, model->name, model->devices[i]);
    }
  }
  ctx->stack.base = b->stack_base;
  ctx->stack.size = b->stack_size;
  b->entry = model->entry_checks_buffers ? model->entry : checking_entry;
  b->model = model;
  return kTVMCrtOk;
}

static int32_t check_call(const TVMModel *model, const void *inputs, void *outputs, TVMContext *ctx) {
  if (model == NULL) return tvmcrt_fail0(NULL_MODEL);
  if (model->name == NULL || model->entry == NULL || (model->num_inputs > 0 && model->inputs == NULL) ||
      (model->num_outputs > 0 && model->outputs == NULL) || (model->num_pools > 0 && model->pools == NULL) ||
      model->io_alignment == 0 || (model->io_alignment & (model->io_alignment - 1)) != 0) {
    return tvmcrt_fail(INCOMPLETE_MODEL, model->name);
  }
  if (ctx == NULL) {
    return tvmcrt_fail(NULL_CONTEXT, model->name);
  }
  if (tvmcrt_current_context != NULL) {
    /* The backend calls find their context through one global: one model runs at a time. */
    return tvmcrt_fail(REENTRANT, tvmcrt_running_name());
  }
  if (inputs == NULL && model->num_inputs > 0) {
    return tvmcrt_fail(NULL_INPUTS, model->name, (uint32_t)model->num_inputs);
  }
  if (outputs == NULL && model->num_outputs > 0) {
    return tvmcrt_fail(NULL_OUTPUTS, model->name, (uint32_t)model->num_outputs);
  }
  return kTVMCrtOk;
}

/* Turns a failed run into one code: the runtime's own finding first (it has the better text), then
 * the model's TVMAPISetLastError() text, then the bare return value. */
TVMCRT_COLD static int32_t model_failure(const TVMModel *model, int32_t rc) {
  if (tvmcrt_run_error != 0) return tvmcrt_run_error;
  if (tvmcrt_model_message_set) {
#if TVMCRT_ERROR_TEXTS
    return tvmcrt_fail_saying(model->name, rc);
#else /* TVMGetLastError() keeps the model's own text, the one sentence there is; the record points to it */
    tvmcrt_record(kTVMCrtErrModelFailed, TVMCRT_TEXT_ID(TVMCRT_TEXT_MODEL_FAILED_SAYING), model->name, (uint32_t)rc,
                  TVMGetLastError());
    return kTVMCrtErrModelFailed;
#endif
  }
  return tvmcrt_fail(MODEL_FAILED, model->name, (uint32_t)rc, (uint32_t)rc);
}

/* Everything TVMExecute() checks, one by one, with the text that names the culprit. Runs on the first
 * call for a model and whenever the fast check fails. */
TVMCRT_COLD static int32_t check_everything(const TVMModel *model, const void *inputs, void *outputs, TVMContext *ctx) {
  int32_t rc = check_call(model, inputs, outputs, ctx);
  if (rc != kTVMCrtOk) return rc;
  rc = check_buffers(model, inputs, outputs);
  if (rc != kTVMCrtOk) return rc;
  return ctx->binding.model == model ? kTVMCrtOk : bind(model, ctx);
}

/* A run that returned an error, left scratch blocks allocated, or hit a runtime error the model
 * ignored: one code and text for it, and the allocator and error state reset for the next run. */
TVMCRT_COLD static int32_t finish_failed_run(TVMContext *ctx, int32_t rc) {
  const TVMModel *model = ctx->binding.model; /* the model that ran: only ctx survives the call */
  if (rc != 0) {
    rc = model_failure(model, rc);
  } else if (ctx->stack.depth != 0) {
    rc = tvmcrt_fail(WORKSPACE_LEAK, model->name, (uint32_t)ctx->stack.depth);
  }
  ctx->stack.top = 0;
  ctx->stack.depth = 0;
  tvmcrt_run_error = 0;
  tvmcrt_model_message_set = 0;
  return rc;
}

/* One run of a checked model on a bound context. Inlined into both the fast path and the slow one,
 * so that the fast path makes no call before the model's: only ctx has to survive a call. */
static inline int32_t run_bound(const void *inputs, void *outputs, TVMContext *ctx) {
  int32_t rc;
  /* stack.top and stack.depth are 0 here: every run ends with them so (finish_failed_run). */
  ctx->stack.peak = 0;
  tvmcrt_current_context = ctx;

  rc = ctx->binding.entry((void *const *)inputs, (void *const *)outputs, ctx->binding.pools, ctx->binding.devices);

  if (rc != 0 || ctx->stack.depth != 0 || (tvmcrt_run_error | tvmcrt_model_message_set) != 0) {
    rc = finish_failed_run(ctx, rc);
  }
  tvmcrt_current_context = NULL;
  return rc;
}

/* The first call for a model, or one that fails the fast check: every check with its text. */
TVMCRT_COLD static int32_t execute_checked(const TVMModel *model, const void *inputs, void *outputs,
                                           TVMContext *ctx) {
  int32_t rc = check_everything(model, inputs, outputs, ctx);
  return rc != kTVMCrtOk ? rc : run_bound(inputs, outputs, ctx);
}

int32_t TVMExecute(const TVMModel *model, const void *inputs, void *outputs, TVMContext *ctx) {
  /* Fast path: the same model as last time on this context. The binding only holds a model whose
   * descriptor bind() has checked; the buffers are checked by the binding's entry, with the counts
   * and alignment as constants when the adapter does it (a TVMExecute() that loops over the
   * descriptor here costs ~25 instructions more per call). */
  if (ctx == NULL || model == NULL || ctx->binding.model != model || tvmcrt_current_context != NULL ||
      inputs == NULL || outputs == NULL) {
    return execute_checked(model, inputs, outputs, ctx);
  }
  return run_bound(inputs, outputs, ctx);
}
