/* SPDX-License-Identifier: Apache-2.0 */
/* toy_models.c — see toy_models.h. Written the way TVM's AOT code uses the backend calls. */
#include "toy_models.h"

#include <string.h>

#include "tvm/runtime/c_backend_api.h"
#include "tvm/runtime/crt/platform.h"

toy_behaviour_t toy_behaviour;
int toy_runs;
int32_t toy_reenter_result;
TVMContext *toy_reenter_context;

static int add_one_task(int task_id, TVMParallelGroupEnv *penv, void *cdata) {
  int8_t *p = (int8_t *)cdata;
  (void)task_id;
  (void)penv;
  for (int i = 0; i < 4; i++) p[i] = (int8_t)(p[i] + 1);
  return 0;
}

static int32_t toy_entry(void *const *inputs, void *const *outputs, void *const *pools, void *const *devices) {
  const int8_t *x = (const int8_t *)inputs[0];
  int8_t *y = (int8_t *)outputs[0];
  (void)pools;
  (void)devices;
  toy_runs++;
  int8_t *scratch = (int8_t *)TVMBackendAllocWorkspace(1, 0, 4, 0, 8);
  if (scratch == NULL) return -1;
  switch (toy_behaviour) {
    case TOY_ALLOC_TOO_MUCH:
      if (TVMBackendAllocWorkspace(1, 0, 1000, 0, 8) == NULL) {
        TVMBackendFreeWorkspace(1, 0, scratch);
        return -1;
      }
      break;
    case TOY_FREE_OUT_OF_ORDER: {
      void *b = TVMBackendAllocWorkspace(1, 0, 8, 0, 8);
      if (TVMBackendFreeWorkspace(1, 0, scratch) != 0) return -1;
      (void)b;
      break;
    }
    case TOY_LEAK:
      memcpy(y, x, 4);
      return 0;
    case TOY_FAIL_WITH_TEXT:
      TVMBackendFreeWorkspace(1, 0, scratch);
      TVMAPISetLastError("conv2d: kernel 3x3 does not fit input 2x2");
      return -1;
    case TOY_FAIL_BARE:
      TVMBackendFreeWorkspace(1, 0, scratch);
      return 7;
    case TOY_ABORT:
      TVMPlatformAbort(kTvmErrorPlatformCheckFailure);
    case TOY_REENTER: {
      struct toy_inputs in = {(void *)x};
      struct toy_outputs out = {y};
      toy_reenter_result = TVMExecute(&toy_model, &in, &out, toy_reenter_context);
      break;
    }
    default:
      break;
  }
  for (int i = 0; i < 4; i++) scratch[i] = (int8_t)(x[i] + 1);
  if (toy_behaviour == TOY_PARALLEL) {
    for (int i = 0; i < 4; i++) scratch[i] = x[i];
    if (TVMBackendParallelLaunch(add_one_task, scratch, 4) != 0) return -1;
  }
  memcpy(y, scratch, 4);
  return TVMBackendFreeWorkspace(1, 0, scratch) == 0 ? 0 : -1;
}

static const int32_t shape_4[] = {1, 4};
static const TVMTensorInfo toy_inputs_info[] = {{"x", kTVMDTypeInt8, 2, shape_4, 4}};
static const TVMTensorInfo toy_outputs_info[] = {{"y", kTVMDTypeInt8, 2, shape_4, 4}};
static const TVMPoolInfo toy_pools[] = {{"workspace", kTVMPoolStack, 64, 16}};

const TVMModel toy_model = {"toy", 1, 1, 1, 0, toy_inputs_info, toy_outputs_info, toy_pools, NULL, 4, toy_entry, 0};

void *pools_seen_sram;
void *pools_seen_npu;

static int32_t pools_entry(void *const *inputs, void *const *outputs, void *const *pools, void *const *devices) {
  const float *a = (const float *)inputs[0];
  const int8_t *b = (const int8_t *)inputs[1];
  float *tmp = (float *)pools[0];
  pools_seen_sram = pools[0];
  pools_seen_npu = devices[0];
  void *scratch = TVMBackendAllocWorkspace(1, 0, 32, 2, 32);
  if (scratch == NULL) return -1;
  for (int i = 0; i < 2; i++) tmp[i] = a[i] + (float)b[i];
  memcpy(outputs[0], tmp, sizeof(float) * 2);
  memcpy(outputs[1], b, 2);
  return TVMBackendFreeWorkspace(1, 0, scratch);
}

static const int32_t shape_2[] = {2};
static const TVMTensorInfo pools_inputs_info[] = {{"a", kTVMDTypeFloat32, 1, shape_2, 8},
                                                  {"b", kTVMDTypeInt8, 1, shape_2, 2}};
static const TVMTensorInfo pools_outputs_info[] = {{"sum", kTVMDTypeFloat32, 1, shape_2, 8},
                                                   {"copy", kTVMDTypeInt8, 1, shape_2, 2}};
static const TVMPoolInfo pools_pools[] = {{"sram", kTVMPoolExternal, 32, 16},
                                          {"workspace", kTVMPoolStack, 32, 16}};
static const char *const pools_devices[] = {"npu"};

const TVMModel pools_model = {"pools", 2, 2, 2, 1, pools_inputs_info, pools_outputs_info,
                              pools_pools, pools_devices, 1, pools_entry, 0};
