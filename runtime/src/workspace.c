/*
 * workspace.c — the application's memory: TVMSetWorkspaces(), TVMSetDevices(), and the LIFO stack
 * allocator behind TVMBackendAllocWorkspace()/TVMBackendFreeWorkspace().
 *
 * The stack allocator never writes outside the workspace it was given: every request is rounded
 * up to TVMCRT_STACK_ALIGNMENT with an overflow check and compared with what is left before any
 * pointer is formed.
 */
#include <string.h>

#include "tvm/runtime/c_backend_api.h"
#include "tvm/runtime/crt/error_codes.h"
#include "tvmcrt_internal.h"

int32_t TVMSetWorkspaces(TVMContext *context, const TVMWorkspaces *workspaces) {
  size_t i, j;
  if (context == NULL) return tvmcrt_fail(kTVMCrtErrNullContext, "TVMSetWorkspaces: context is NULL");
  if (workspaces == NULL || (workspaces->count > 0 && workspaces->list == NULL)) {
    return tvmcrt_fail(kTVMCrtErrNullWorkspaces, "TVMSetWorkspaces: workspaces (or its list) is NULL");
  }
  if (workspaces->count > TVMCRT_MAX_WORKSPACES) {
    return tvmcrt_fail(kTVMCrtErrTooManyWorkspaces,
                       "TVMSetWorkspaces: %zu workspaces given, at most %u fit (TVMCRT_MAX_WORKSPACES)",
                       workspaces->count, (uint32_t)TVMCRT_MAX_WORKSPACES);
  }
  for (i = 0; i < workspaces->count; i++) {
    const TVMWorkspace *w = &workspaces->list[i];
    if (w->name == NULL || w->data == NULL) {
      return tvmcrt_fail(kTVMCrtErrWorkspaceNullData, "TVMSetWorkspaces: workspace #%zu ('%s') has a NULL %s",
                         i, w->name, w->name == NULL ? "name" : "data pointer");
    }
    for (j = 0; j < i; j++) {
      if (strcmp(workspaces->list[j].name, w->name) == 0) {
        return tvmcrt_fail(kTVMCrtErrWorkspaceDuplicate,
                           "TVMSetWorkspaces: workspace '%s' is given twice (#%zu and #%zu)", w->name, j, i);
      }
    }
  }
  for (i = 0; i < workspaces->count; i++) context->memory_layout.workspaces[i] = workspaces->list[i];
  context->memory_layout.count = (uint8_t)workspaces->count;
  context->binding.model = NULL;
  return kTVMCrtOk;
}

int32_t TVMSetDevices(TVMContext *context, const TVMDevices *devices) {
  size_t i;
  if (context == NULL) return tvmcrt_fail(kTVMCrtErrNullContext, "TVMSetDevices: context is NULL");
  if (devices == NULL || (devices->count > 0 && devices->list == NULL)) {
    return tvmcrt_fail(kTVMCrtErrNullWorkspaces, "TVMSetDevices: devices (or its list) is NULL");
  }
  if (devices->count > TVMCRT_MAX_DEVICES) {
    return tvmcrt_fail(kTVMCrtErrTooManyDevices,
                       "TVMSetDevices: %zu devices given, at most %u fit (TVMCRT_MAX_DEVICES)",
                       devices->count, (uint32_t)TVMCRT_MAX_DEVICES);
  }
  for (i = 0; i < devices->count; i++) {
    if (devices->list[i].name == NULL) {
      return tvmcrt_fail(kTVMCrtErrMissingDevice, "TVMSetDevices: device #%zu has a NULL name", i);
    }
    context->devices.devices[i] = devices->list[i];
  }
  context->devices.count = (uint8_t)devices->count;
  context->binding.model = NULL;
  return kTVMCrtOk;
}

size_t TVMContextPeakWorkspace(const TVMContext *context) {
  return context == NULL ? 0 : context->stack.peak;
}

/*--------------------------------------------------------------------------------------------------
 * Stack allocator
 *------------------------------------------------------------------------------------------------*/

void *TVMBackendAllocWorkspace(int device_type, int device_id, uint64_t nbytes, int dtype_code_hint,
                               int dtype_bits_hint) {
  TVMContext *ctx = tvmcrt_current_context;
  TVMStackAllocator *s;
  size_t rounded, left;
  (void)device_type;
  (void)device_id;
  (void)dtype_code_hint;
  (void)dtype_bits_hint;
  if (ctx == NULL) {
    tvmcrt_fail(kTVMCrtErrWorkspaceMissing, "TVMBackendAllocWorkspace called outside TVMExecute()");
    return NULL;
  }
  s = &ctx->stack;
  if (s->base == NULL) {
    tvmcrt_fail(kTVMCrtErrWorkspaceMissing,
                "model '%s' asked for %u bytes of scratch memory but has no 'workspace' pool "
                "(regenerate it with its TVMGEN_<M>_WORKSPACE_SIZE)",
                tvmcrt_running_name(), (uint32_t)nbytes);
    return NULL;
  }
  if (s->depth >= TVMCRT_MAX_STACK_ALLOCS) {
    tvmcrt_fail(kTVMCrtErrWorkspaceExhausted,
                "model '%s' holds more than %u scratch blocks at once (raise TVMCRT_MAX_STACK_ALLOCS)",
                tvmcrt_running_name(), (uint32_t)TVMCRT_MAX_STACK_ALLOCS);
    return NULL;
  }
  /* Compare before rounding, so that neither the rounding nor the pointer can overflow. */
  left = s->size - s->top;
  rounded = (size_t)nbytes;
  if (nbytes <= (uint64_t)left) rounded += (TVMCRT_STACK_ALIGNMENT - rounded % TVMCRT_STACK_ALIGNMENT) %
                                           TVMCRT_STACK_ALIGNMENT;
  if (nbytes > (uint64_t)left || rounded > left) {
    tvmcrt_fail(kTVMCrtErrWorkspaceExhausted,
                "model '%s' asked for %u bytes of scratch memory but workspace 'workspace' has %zu of "
                "%zu bytes left (give it a larger workspace)",
                tvmcrt_running_name(), (uint32_t)nbytes, s->size - s->top, s->size);
    return NULL;
  }
  s->offsets[s->depth++] = s->top;
  s->top += rounded;
  if (s->top > s->peak) s->peak = s->top;
  return s->base + s->offsets[s->depth - 1];
}

int TVMBackendFreeWorkspace(int device_type, int device_id, void *ptr) {
  TVMContext *ctx = tvmcrt_current_context;
  TVMStackAllocator *s;
  (void)device_type;
  (void)device_id;
  if (ctx == NULL) {
    tvmcrt_fail(kTVMCrtErrWorkspaceBadFree, "TVMBackendFreeWorkspace called outside TVMExecute()");
    return kTvmErrorPlatformStackAllocBadFree;
  }
  s = &ctx->stack;
  if (s->depth == 0 || (uint8_t *)ptr != s->base + s->offsets[s->depth - 1]) {
    tvmcrt_fail(kTVMCrtErrWorkspaceBadFree,
                "model '%s' freed a scratch block out of order (%u live blocks; blocks must be freed "
                "in reverse order of allocation)",
                tvmcrt_running_name(), (uint32_t)s->depth);
    return kTvmErrorPlatformStackAllocBadFree;
  }
  s->depth--;
  s->top = s->offsets[s->depth];
  return 0;
}
