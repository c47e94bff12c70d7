/* SPDX-License-Identifier: Apache-2.0 */
/*
 * backend.c — the remaining calls TVM-generated code may make: TVMPlatformAbort, single-core
 * "parallel" launch, run-once. Kept apart from the stack allocator so a port can replace them.
 */
#include "tvm/runtime/c_backend_api.h"
#include "tvm/runtime/crt/platform.h"
#include "tvmcrt_internal.h"

#if defined(__GNUC__) || defined(__clang__)
__attribute__((weak, noreturn))
#endif
void TVMCrtPortAbort(int32_t error_code) {
  (void)error_code;
  /* No port hook: spin, so a debugger finds the board here with the reason in TVMGetLastError(). */
  for (;;) {
  }
}

void TVMPlatformAbort(tvm_crt_error_t code) {
  tvmcrt_fail(ABORT, (uint32_t)code, tvmcrt_running_name());
  TVMCrtPortAbort((int32_t)code);
#if defined(__GNUC__) || defined(__clang__)
  __builtin_unreachable();
#endif
}

int TVMBackendParallelLaunch(FTVMParallelLambda flambda, void *cdata, int num_task) {
  TVMParallelGroupEnv env;
  (void)num_task; /* one core: the whole range is task 0 of 1 */
  env.sync_handle = NULL;
  env.num_task = 1;
  return flambda(0, &env, cdata);
}

int TVMBackendParallelBarrier(int task_id, TVMParallelGroupEnv *penv) {
  (void)task_id;
  (void)penv;
  return 0;
}

int TVMBackendRunOnce(void **handle, int (*f)(void *), void *cdata, int nbytes) {
  (void)nbytes;
  if (*handle == NULL) {
    *handle = (void *)1;
    return f(cdata);
  }
  return 0;
}
