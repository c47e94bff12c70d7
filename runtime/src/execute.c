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

TVMContext *tvmcrt_current_context;
int32_t tvmcrt_run_error;

void TVMContextInit(TVMContext *context) {
  if (context != NULL) memset(context, 0, sizeof *context);
}

const char *tvmcrt_running_name(void) {
  const TVMContext *ctx = tvmcrt_current_context;
  return (ctx != NULL && ctx->running != NULL) ? ctx->running->name : "(none)";
}

static int is_aligned(const void *p, size_t alignment) {
  return alignment <= 1 || ((uintptr_t)p & (alignment - 1)) == 0;
}

static int32_t check_tensors(const TVMModel *model, void *const *buffers, uint8_t count,
                             const TVMTensorInfo *infos, const char *kind, int32_t missing_code) {
  uint8_t i;
  for (i = 0; i < count; i++) {
    if (buffers[i] == NULL) {
      return tvmcrt_fail(missing_code, "model '%s': %s '%s' (#%u, %zu bytes) is NULL", model->name,
                         kind, infos[i].name, (uint32_t)i, infos[i].size_bytes);
    }
    if (!is_aligned(buffers[i], model->io_alignment)) {
      return tvmcrt_fail(kTVMCrtErrMisalignedTensor,
                         "model '%s': %s '%s' at 0x%x is not aligned to %zu bytes", model->name, kind,
                         infos[i].name, (uint32_t)(uintptr_t)buffers[i], model->io_alignment);
    }
  }
  return kTVMCrtOk;
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
    return tvmcrt_fail(kTVMCrtErrBadModel,
                       "model '%s' has %u pools and %u devices; this build holds %u and %u "
                       "(raise TVMCRT_MAX_WORKSPACES / TVMCRT_MAX_DEVICES)",
                       model->name, (uint32_t)model->num_pools, (uint32_t)model->num_devices,
                       (uint32_t)TVMCRT_MAX_WORKSPACES, (uint32_t)TVMCRT_MAX_DEVICES);
  }
  for (i = 0; i < model->num_pools; i++) {
    const TVMPoolInfo *pool = &model->pools[i];
    const TVMWorkspace *w = find_workspace(ctx, pool->name);
    if (w == NULL) {
      return tvmcrt_fail(kTVMCrtErrWorkspaceMissing,
                         "model '%s' needs workspace '%s' of %zu bytes; none was given (TVMSetWorkspaces)",
                         model->name, pool->name, pool->size_bytes);
    }
    if (w->size < pool->size_bytes) {
      return tvmcrt_fail(kTVMCrtErrWorkspaceTooSmall,
                         "model '%s': workspace '%s' is %zu bytes; the model needs %zu", model->name,
                         pool->name, w->size, pool->size_bytes);
    }
    if (!is_aligned(w->data, pool->alignment)) {
      return tvmcrt_fail(kTVMCrtErrWorkspaceMisaligned,
                         "model '%s': workspace '%s' at 0x%x is not aligned to %zu bytes", model->name,
                         pool->name, (uint32_t)(uintptr_t)w->data, pool->alignment);
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
      return tvmcrt_fail(kTVMCrtErrMissingDevice,
                         "model '%s' needs device '%s'; none was given (TVMSetDevices)", model->name,
                         model->devices[i]);
    }
  }
  b->model = model;
  return kTVMCrtOk;
}

static int32_t check_call(const TVMModel *model, const void *inputs, void *outputs, TVMContext *ctx) {
  if (model == NULL) return tvmcrt_fail(kTVMCrtErrNullModel, "TVMExecute: model is NULL");
  if (model->name == NULL || model->entry == NULL || (model->num_inputs > 0 && model->inputs == NULL) ||
      (model->num_outputs > 0 && model->outputs == NULL) || (model->num_pools > 0 && model->pools == NULL)) {
    return tvmcrt_fail(kTVMCrtErrBadModel,
                       "TVMExecute: model descriptor '%s' is incomplete (regenerate it with tvmcrt-import)",
                       model->name);
  }
  if (ctx == NULL) {
    return tvmcrt_fail(kTVMCrtErrNullContext, "TVMExecute: context for model '%s' is NULL", model->name);
  }
  if (ctx->running != NULL) {
    return tvmcrt_fail(kTVMCrtErrReentrant, "TVMExecute: context is already running model '%s'",
                       ctx->running->name);
  }
  if (inputs == NULL && model->num_inputs > 0) {
    return tvmcrt_fail(kTVMCrtErrNullInputs, "TVMExecute: inputs of model '%s' is NULL (%u inputs expected)",
                       model->name, (uint32_t)model->num_inputs);
  }
  if (outputs == NULL && model->num_outputs > 0) {
    return tvmcrt_fail(kTVMCrtErrNullOutputs,
                       "TVMExecute: outputs of model '%s' is NULL (%u outputs expected)", model->name,
                       (uint32_t)model->num_outputs);
  }
  return kTVMCrtOk;
}

/* Turns a failed run into one code: the runtime's own finding first (it has the better text), then
 * the model's TVMAPISetLastError() text, then the bare return value. */
static int32_t model_failure(const TVMModel *model, int32_t rc) {
  if (tvmcrt_run_error != 0) return tvmcrt_run_error;
  if (tvmcrt_model_message_set) {
    char reason[TVMCRT_LAST_ERROR_SIZE];
    strcpy(reason, TVMGetLastError());
    return tvmcrt_fail(kTVMCrtErrModelFailed, "model '%s' failed (returned %d): %s", model->name, rc,
                       reason);
  }
  return tvmcrt_fail(kTVMCrtErrModelFailed, "model '%s' failed (returned %d, 0x%x)", model->name, rc,
                     (uint32_t)rc);
}

int32_t TVMExecute(const TVMModel *model, const void *inputs, void *outputs, TVMContext *ctx) {
  int32_t rc = check_call(model, inputs, outputs, ctx);
  if (rc != kTVMCrtOk) return rc;
  rc = check_tensors(model, (void *const *)inputs, model->num_inputs, model->inputs, "input",
                     kTVMCrtErrMissingInput);
  if (rc != kTVMCrtOk) return rc;
  rc = check_tensors(model, (void *const *)outputs, model->num_outputs, model->outputs, "output",
                     kTVMCrtErrMissingOutput);
  if (rc != kTVMCrtOk) return rc;
  if (ctx->binding.model != model) {
    rc = bind(model, ctx);
    if (rc != kTVMCrtOk) return rc;
  }

  ctx->stack.base = ctx->binding.stack_base;
  ctx->stack.size = ctx->binding.stack_size;
  ctx->stack.top = 0;
  ctx->stack.peak = 0;
  ctx->stack.depth = 0;
  ctx->running = model;
  tvmcrt_current_context = ctx;
  tvmcrt_run_error = 0;
  tvmcrt_model_message_set = 0;

  rc = model->entry((void *const *)inputs, (void *const *)outputs, ctx->binding.pools, ctx->binding.devices);

  if (rc != 0) {
    rc = model_failure(model, rc);
  } else if (ctx->stack.depth != 0) {
    rc = tvmcrt_fail(kTVMCrtErrWorkspaceLeak, "model '%s' returned with %u scratch blocks not freed",
                     model->name, (uint32_t)ctx->stack.depth);
  }
  tvmcrt_current_context = NULL;
  ctx->running = NULL;
  return rc;
}
