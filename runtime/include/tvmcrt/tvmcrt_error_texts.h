/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_error_texts.h — every sentence the runtime can say, by number (tvmcrt/tvmcrt_text.h). The
 * runtime records an error as its row's number and arguments; TVMGetLastError() writes the sentence
 * from here when the runtime keeps its texts (TVMCRT_ERROR_TEXTS), and tvmcrt-host writes it from
 * here out of what the agent sends (the numbers 100-199 are wire values: never renumber or reuse
 * one; a changed sentence keeps its arguments, or takes a new number).
 *
 * A row is a macro holding (code, number, arguments, format) — see tvmcrt_text.h; call sites name
 * it (tvmcrt_fail(TVMCRT_TEXT_WORKSPACE_MISSING, ...)), so a build links only the sentences it can
 * say. TVMCRT_RUNTIME_TEXTS lists them all. tests/host checks that every row's arguments match its
 * format's conversions and that the numbers run on without gaps.
 */
#ifndef TVMCRT_ERROR_TEXTS_H_
#define TVMCRT_ERROR_TEXTS_H_

#include "tvmcrt/tvmcrt_errors.h"
#include "tvmcrt/tvmcrt_text.h"

#define TVMCRT_TEXT_INPUT_NULL (kTVMCrtErrMissingInput, 100, TVMCRT_TEXT_ARGS4(S, S, U, U), \
    "model '%s': input '%s' (#%u, %u bytes) is NULL")
#define TVMCRT_TEXT_OUTPUT_NULL (kTVMCrtErrMissingOutput, 101, TVMCRT_TEXT_ARGS4(S, S, U, U), \
    "model '%s': output '%s' (#%u, %u bytes) is NULL")
#define TVMCRT_TEXT_INPUT_MISALIGNED (kTVMCrtErrMisalignedTensor, 102, TVMCRT_TEXT_ARGS4(S, S, U, U), \
    "model '%s': input '%s' at 0x%x is not aligned to %u bytes")
#define TVMCRT_TEXT_OUTPUT_MISALIGNED (kTVMCrtErrMisalignedTensor, 103, TVMCRT_TEXT_ARGS4(S, S, U, U), \
    "model '%s': output '%s' at 0x%x is not aligned to %u bytes")
#define TVMCRT_TEXT_NO_BAD_BUFFER (kTVMCrtErrBadModel, 104, TVMCRT_TEXT_ARGS1(S), \
    "TVMCrtRejectBuffers: no bad buffer in model '%s' (regenerate its adapter with tvmcrt-import)")
#define TVMCRT_TEXT_TOO_MANY_POOLS (kTVMCrtErrBadModel, 105, TVMCRT_TEXT_ARGS5(S, U, U, U, U), \
    "model '%s' has %u pools and %u devices; this build holds %u and %u (raise " \
    "TVMCRT_MAX_WORKSPACES / TVMCRT_MAX_DEVICES)")
#define TVMCRT_TEXT_WORKSPACE_MISSING (kTVMCrtErrWorkspaceMissing, 106, TVMCRT_TEXT_ARGS3(S, S, U), \
    "model '%s' needs workspace '%s' of %u bytes; none was given (TVMSetWorkspaces)")
#define TVMCRT_TEXT_WORKSPACE_TOO_SMALL (kTVMCrtErrWorkspaceTooSmall, 107, TVMCRT_TEXT_ARGS4(S, S, U, U), \
    "model '%s': workspace '%s' is %u bytes; the model needs %u")
#define TVMCRT_TEXT_WORKSPACE_MISALIGNED (kTVMCrtErrWorkspaceMisaligned, 108, TVMCRT_TEXT_ARGS4(S, S, U, U), \
    "model '%s': workspace '%s' at 0x%x is not aligned to %u bytes")
#define TVMCRT_TEXT_DEVICE_MISSING (kTVMCrtErrMissingDevice, 109, TVMCRT_TEXT_ARGS2(S, S), \
    "model '%s' needs device '%s'; none was given (TVMSetDevices)")
#define TVMCRT_TEXT_NULL_MODEL (kTVMCrtErrNullModel, 110, TVMCRT_TEXT_ARGS0(), \
    "TVMExecute: model is NULL")
#define TVMCRT_TEXT_INCOMPLETE_MODEL (kTVMCrtErrBadModel, 111, TVMCRT_TEXT_ARGS1(S), \
    "TVMExecute: model descriptor '%s' is incomplete (regenerate it with tvmcrt-import)")
#define TVMCRT_TEXT_NULL_CONTEXT (kTVMCrtErrNullContext, 112, TVMCRT_TEXT_ARGS1(S), \
    "TVMExecute: context for model '%s' is NULL")
#define TVMCRT_TEXT_REENTRANT (kTVMCrtErrReentrant, 113, TVMCRT_TEXT_ARGS1(S), \
    "TVMExecute: called while model '%s' is running")
#define TVMCRT_TEXT_NULL_INPUTS (kTVMCrtErrNullInputs, 114, TVMCRT_TEXT_ARGS2(S, U), \
    "TVMExecute: inputs of model '%s' is NULL (%u inputs expected)")
#define TVMCRT_TEXT_NULL_OUTPUTS (kTVMCrtErrNullOutputs, 115, TVMCRT_TEXT_ARGS2(S, U), \
    "TVMExecute: outputs of model '%s' is NULL (%u outputs expected)")
#define TVMCRT_TEXT_MODEL_FAILED_SAYING (kTVMCrtErrModelFailed, 116, TVMCRT_TEXT_ARGS3(S, U, S), \
    "model '%s' failed (returned %d): %s")
#define TVMCRT_TEXT_MODEL_FAILED (kTVMCrtErrModelFailed, 117, TVMCRT_TEXT_ARGS3(S, U, U), \
    "model '%s' failed (returned %d, 0x%x)")
#define TVMCRT_TEXT_WORKSPACE_LEAK (kTVMCrtErrWorkspaceLeak, 118, TVMCRT_TEXT_ARGS2(S, U), \
    "model '%s' returned with %u scratch blocks not freed")
#define TVMCRT_TEXT_SET_WORKSPACES_NO_CONTEXT (kTVMCrtErrNullContext, 119, TVMCRT_TEXT_ARGS0(), \
    "TVMSetWorkspaces: context is NULL")
#define TVMCRT_TEXT_SET_WORKSPACES_NO_LIST (kTVMCrtErrNullWorkspaces, 120, TVMCRT_TEXT_ARGS0(), \
    "TVMSetWorkspaces: workspaces (or its list) is NULL")
#define TVMCRT_TEXT_SET_WORKSPACES_TOO_MANY (kTVMCrtErrTooManyWorkspaces, 121, TVMCRT_TEXT_ARGS2(U, U), \
    "TVMSetWorkspaces: %u workspaces given, at most %u fit (TVMCRT_MAX_WORKSPACES)")
#define TVMCRT_TEXT_SET_WORKSPACES_NULL_NAME (kTVMCrtErrWorkspaceNullData, 122, TVMCRT_TEXT_ARGS2(U, S), \
    "TVMSetWorkspaces: workspace #%u ('%s') has a NULL name")
#define TVMCRT_TEXT_SET_WORKSPACES_NULL_DATA (kTVMCrtErrWorkspaceNullData, 123, TVMCRT_TEXT_ARGS2(U, S), \
    "TVMSetWorkspaces: workspace #%u ('%s') has a NULL data pointer")
#define TVMCRT_TEXT_SET_WORKSPACES_TWICE (kTVMCrtErrWorkspaceDuplicate, 124, TVMCRT_TEXT_ARGS3(S, U, U), \
    "TVMSetWorkspaces: workspace '%s' is given twice (#%u and #%u)")
#define TVMCRT_TEXT_SET_DEVICES_NO_CONTEXT (kTVMCrtErrNullContext, 125, TVMCRT_TEXT_ARGS0(), \
    "TVMSetDevices: context is NULL")
#define TVMCRT_TEXT_SET_DEVICES_NO_LIST (kTVMCrtErrNullWorkspaces, 126, TVMCRT_TEXT_ARGS0(), \
    "TVMSetDevices: devices (or its list) is NULL")
#define TVMCRT_TEXT_SET_DEVICES_TOO_MANY (kTVMCrtErrTooManyDevices, 127, TVMCRT_TEXT_ARGS2(U, U), \
    "TVMSetDevices: %u devices given, at most %u fit (TVMCRT_MAX_DEVICES)")
#define TVMCRT_TEXT_SET_DEVICES_NULL_NAME (kTVMCrtErrMissingDevice, 128, TVMCRT_TEXT_ARGS1(U), \
    "TVMSetDevices: device #%u has a NULL name")
#define TVMCRT_TEXT_ALLOC_OUTSIDE (kTVMCrtErrWorkspaceMissing, 129, TVMCRT_TEXT_ARGS0(), \
    "TVMBackendAllocWorkspace called outside TVMExecute()")
#define TVMCRT_TEXT_ALLOC_NO_POOL (kTVMCrtErrWorkspaceMissing, 130, TVMCRT_TEXT_ARGS2(S, U), \
    "model '%s' asked for %u bytes of scratch memory but has no 'workspace' pool (regenerate it " \
    "with its TVMGEN_<M>_WORKSPACE_SIZE)")
#define TVMCRT_TEXT_ALLOC_TOO_MANY (kTVMCrtErrWorkspaceExhausted, 131, TVMCRT_TEXT_ARGS2(S, U), \
    "model '%s' holds more than %u scratch blocks at once (raise TVMCRT_MAX_STACK_ALLOCS)")
#define TVMCRT_TEXT_ALLOC_EXHAUSTED (kTVMCrtErrWorkspaceExhausted, 132, TVMCRT_TEXT_ARGS4(S, U, U, U), \
    "model '%s' asked for %u bytes of scratch memory but workspace 'workspace' has %u of %u " \
    "bytes left (give it a larger workspace)")
#define TVMCRT_TEXT_FREE_OUTSIDE (kTVMCrtErrWorkspaceBadFree, 133, TVMCRT_TEXT_ARGS0(), \
    "TVMBackendFreeWorkspace called outside TVMExecute()")
#define TVMCRT_TEXT_FREE_OUT_OF_ORDER (kTVMCrtErrWorkspaceBadFree, 134, TVMCRT_TEXT_ARGS2(S, U), \
    "model '%s' freed a scratch block out of order (%u live blocks; blocks must be freed in " \
    "reverse order of allocation)")
#define TVMCRT_TEXT_ABORT (kTVMCrtErrModelAborted, 135, TVMCRT_TEXT_ARGS2(U, S), \
    "TVMPlatformAbort(0x%x) while running model '%s'")

/* Every row, for readers that need them all (tvmcrt-host, the agent with its texts). */
#define TVMCRT_RUNTIME_TEXTS(X) \
  X(TVMCRT_TEXT_INPUT_NULL) \
  X(TVMCRT_TEXT_OUTPUT_NULL) \
  X(TVMCRT_TEXT_INPUT_MISALIGNED) \
  X(TVMCRT_TEXT_OUTPUT_MISALIGNED) \
  X(TVMCRT_TEXT_NO_BAD_BUFFER) \
  X(TVMCRT_TEXT_TOO_MANY_POOLS) \
  X(TVMCRT_TEXT_WORKSPACE_MISSING) \
  X(TVMCRT_TEXT_WORKSPACE_TOO_SMALL) \
  X(TVMCRT_TEXT_WORKSPACE_MISALIGNED) \
  X(TVMCRT_TEXT_DEVICE_MISSING) \
  X(TVMCRT_TEXT_NULL_MODEL) \
  X(TVMCRT_TEXT_INCOMPLETE_MODEL) \
  X(TVMCRT_TEXT_NULL_CONTEXT) \
  X(TVMCRT_TEXT_REENTRANT) \
  X(TVMCRT_TEXT_NULL_INPUTS) \
  X(TVMCRT_TEXT_NULL_OUTPUTS) \
  X(TVMCRT_TEXT_MODEL_FAILED_SAYING) \
  X(TVMCRT_TEXT_MODEL_FAILED) \
  X(TVMCRT_TEXT_WORKSPACE_LEAK) \
  X(TVMCRT_TEXT_SET_WORKSPACES_NO_CONTEXT) \
  X(TVMCRT_TEXT_SET_WORKSPACES_NO_LIST) \
  X(TVMCRT_TEXT_SET_WORKSPACES_TOO_MANY) \
  X(TVMCRT_TEXT_SET_WORKSPACES_NULL_NAME) \
  X(TVMCRT_TEXT_SET_WORKSPACES_NULL_DATA) \
  X(TVMCRT_TEXT_SET_WORKSPACES_TWICE) \
  X(TVMCRT_TEXT_SET_DEVICES_NO_CONTEXT) \
  X(TVMCRT_TEXT_SET_DEVICES_NO_LIST) \
  X(TVMCRT_TEXT_SET_DEVICES_TOO_MANY) \
  X(TVMCRT_TEXT_SET_DEVICES_NULL_NAME) \
  X(TVMCRT_TEXT_ALLOC_OUTSIDE) \
  X(TVMCRT_TEXT_ALLOC_NO_POOL) \
  X(TVMCRT_TEXT_ALLOC_TOO_MANY) \
  X(TVMCRT_TEXT_ALLOC_EXHAUSTED) \
  X(TVMCRT_TEXT_FREE_OUTSIDE) \
  X(TVMCRT_TEXT_FREE_OUT_OF_ORDER) \
  X(TVMCRT_TEXT_ABORT)

#endif /* TVMCRT_ERROR_TEXTS_H_ */
