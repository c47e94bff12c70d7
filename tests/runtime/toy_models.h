/* SPDX-License-Identifier: Apache-2.0 */
/* toy_models.h — hand-written models for the runtime tests, shaped like tvmcrt-import's output. */
#ifndef TOY_MODELS_H_
#define TOY_MODELS_H_

#include <stdint.h>

#include "tvmcrt/tvmcrt.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What toy's entry does besides adding one to each of its 4 int8 inputs. */
typedef enum {
  TOY_OK = 0,
  TOY_ALLOC_TOO_MUCH,    /* asks for more scratch than the workspace has */
  TOY_FREE_OUT_OF_ORDER, /* allocates a, b; frees a first */
  TOY_LEAK,              /* returns with a block still allocated */
  TOY_FAIL_WITH_TEXT,    /* TVMAPISetLastError("...") and returns -1 */
  TOY_FAIL_BARE,         /* returns 7 */
  TOY_ABORT,             /* TVMPlatformAbort(kTvmErrorPlatformCheckFailure) */
  TOY_REENTER,           /* calls TVMExecute() on its own context */
  TOY_PARALLEL,          /* uses TVMBackendParallelLaunch */
} toy_behaviour_t;

extern toy_behaviour_t toy_behaviour;
extern int toy_runs;
extern int32_t toy_reenter_result;
extern TVMContext *toy_reenter_context;

struct toy_inputs { void *x; };
struct toy_outputs { void *y; };
extern const TVMModel toy_model; /* "toy": int8[4] -> int8[4], stack workspace of 64 bytes */

struct pools_inputs { void *a; void *b; };
struct pools_outputs { void *sum; void *copy; };
/* "pools": float32[2] a, int8[2] b -> float32[2] sum, int8[2] copy; external pool "sram" of 32 bytes
 * (alignment 16), stack workspace 32 bytes, device "npu". Records what it was handed: */
extern const TVMModel pools_model;
extern void *pools_seen_sram;
extern void *pools_seen_npu;

#ifdef __cplusplus
}
#endif

#endif
