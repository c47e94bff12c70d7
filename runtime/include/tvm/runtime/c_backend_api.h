/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvm/runtime/c_backend_api.h — the backend calls TVM-generated operator code makes, written for
 * tvmcrt and declaration-compatible with Apache TVM's header of the same name (0.9-0.18).
 * Implemented in runtime/src/workspace.c and runtime/src/backend.c.
 */
#ifndef TVM_RUNTIME_C_BACKEND_API_H_
#define TVM_RUNTIME_C_BACKEND_API_H_

#include "tvm/runtime/c_runtime_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef int (*TVMBackendPackedCFunc)(TVMValue *args, int *type_codes, int num_args,
                                     TVMValue *out_ret_value, int *out_ret_tcode,
                                     void *resource_handle);

/* Scratch memory for one operator, from the stack workspace of the model TVMExecute() is running.
 * Blocks are 16-byte aligned and must be freed in reverse order. Returns NULL (with the reason in
 * TVMGetLastError()) when the workspace is exhausted, missing, or called outside TVMExecute(). */
TVM_DLL void *TVMBackendAllocWorkspace(int device_type, int device_id, uint64_t nbytes,
                                       int dtype_code_hint, int dtype_bits_hint);

/* Frees the most recent live block. Returns 0, or non-zero for a pointer that is not the most
 * recent live block (the allocator's LIFO order was broken). */
TVM_DLL int TVMBackendFreeWorkspace(int device_type, int device_id, void *ptr);

typedef struct {
  void *sync_handle;
  int32_t num_task;
} TVMParallelGroupEnv;

typedef int (*FTVMParallelLambda)(int task_id, TVMParallelGroupEnv *penv, void *cdata);

/* tvmcrt runs "parallel" loops on one core: flambda is called once with task 0 of 1. */
TVM_DLL int TVMBackendParallelLaunch(FTVMParallelLambda flambda, void *cdata, int num_task);
TVM_DLL int TVMBackendParallelBarrier(int task_id, TVMParallelGroupEnv *penv);

/* Runs f(cdata) the first time it is called for *handle, then never again. */
TVM_DLL int TVMBackendRunOnce(void **handle, int (*f)(void *), void *cdata, int nbytes);

#ifdef __cplusplus
}
#endif

#endif /* TVM_RUNTIME_C_BACKEND_API_H_ */
