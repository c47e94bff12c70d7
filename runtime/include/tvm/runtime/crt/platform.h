/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvm/runtime/crt/platform.h — the platform calls TVM-generated code may make, written for tvmcrt
 * and declaration-compatible with Apache TVM's header of the same name for TVMPlatformAbort.
 */
#ifndef TVM_RUNTIME_CRT_PLATFORM_H_
#define TVM_RUNTIME_CRT_PLATFORM_H_

#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/crt/error_codes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Records "TVMPlatformAbort(<code>)" (and the model running) as the last error, then calls the
 * port's TVMCrtPortAbort() (tvmcrt/tvmcrt.h). Never returns. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noreturn))
#endif
void TVMPlatformAbort(tvm_crt_error_t code);

#ifdef __cplusplus
}
#endif

#endif /* TVM_RUNTIME_CRT_PLATFORM_H_ */
