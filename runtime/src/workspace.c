/* SPDX-License-Identifier: Apache-2.0 */
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
  if (context == NULL) return tvmcrt_fail0(SET_WORKSPACES_NO_CONTEXT);
  if (workspaces == NULL || (workspaces->count > 0 && workspaces->list == NULL)) {
    return tvmcrt_fail0(SET_WORKSPACES_NO_LIST);
  }
  if (workspaces->count > TVMCRT_MAX_WORKSPACES) {
    return tvmcrt_fail(SET_WORKSPACES_TOO_MANY, (uint32_t)workspaces->count, (uint32_t)TVMCRT_MAX_WORKSPACES);
  }
  for (i = 0; i < workspaces->count; i++) {
    const TVMWorkspace *w = &workspaces->list[i];
    if (w->name == NULL) return tvmcrt_fail(SET_WORKSPACES_NULL_NAME, (uint32_t)i, w->name);
    if (w->data == NULL) return tvmcrt_fail(SET_WORKSPACES_NULL_DATA, (uint32_t)i, w->name);
    for (j = 0; j < i; j++) {
      if (strcmp(workspaces->list[j].name, w->name) == 0) {
        return tvmcrt_fail(SET_WORKSPACES_TWICE, w->name, (uint32_t)j, (uint32_t)i);
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
  if (context == NULL) return tvmcrt_fail0(SET_DEVICES_NO_CONTEXT);
  if (devices == NULL || (devices->count > 0 && devices->list == NULL)) {
    return tvmcrt_fail0(SET_DEVICES_NO_LIST);
  }
  if (devices->count > TVMCRT_MAX_DEVICES) {
    return tvmcrt_fail(SET_DEVICES_TOO_MANY, (uint32_t)devices->count, (uint32_t)TVMCRT_MAX_DEVICES);
  }
  for (i = 0; i < devices->count; i++) {
    if (devices->list[i].name == NULL) return tvmcrt_fail(SET_DEVICES_NULL_NAME, (uint32_t)i);
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
    tvmcrt_fail0(ALLOC_OUTSIDE);
    return NULL;
  }
  s = &ctx->stack;
  if (s->base == NULL) {
    tvmcrt_fail(ALLOC_NO_POOL, tvmcrt_running_name(), (uint32_t)nbytes);
    return NULL;
  }
  if (s->depth >= TVMCRT_MAX_STACK_ALLOCS) {
    tvmcrt_fail(ALLOC_TOO_MANY, tvmcrt_running_name(), (uint32_t)TVMCRT_MAX_STACK_ALLOCS);
    return NULL;
  }
  /* Compare before rounding, so that neither the rounding nor the pointer can overflow. */
  left = s->size - s->top;
  rounded = (size_t)nbytes;
  if (nbytes <= (uint64_t)left) rounded += (TVMCRT_STACK_ALIGNMENT - rounded % TVMCRT_STACK_ALIGNMENT) %
                                           TVMCRT_STACK_ALIGNMENT;
  if (nbytes > (uint64_t)left || rounded > left) {
    tvmcrt_fail(ALLOC_EXHAUSTED, tvmcrt_running_name(), (uint32_t)nbytes, (uint32_t)(s->size - s->top),
                (uint32_t)s->size);
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
    tvmcrt_fail0(FREE_OUTSIDE);
    return kTvmErrorPlatformStackAllocBadFree;
  }
  s = &ctx->stack;
  if (s->depth == 0 || (uint8_t *)ptr != s->base + s->offsets[s->depth - 1]) {
    tvmcrt_fail(FREE_OUT_OF_ORDER, tvmcrt_running_name(), (uint32_t)s->depth);
    return kTvmErrorPlatformStackAllocBadFree;
  }
  s->depth--;
  s->top = s->offsets[s->depth];
  return 0;
}
