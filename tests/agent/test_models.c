/* SPDX-License-Identifier: Apache-2.0 */
/* test_models.c — see test_models.h. Written the way TVM's AOT code uses the backend calls. */
#include "test_models.h"

#include <string.h>

#include "tvm/runtime/c_backend_api.h"
#include "tvm/runtime/c_runtime_api.h"

int test_model_runs;
int test_model_fail;

static int32_t add_one_entry(void *const *inputs, void *const *outputs, void *const *pools,
                             void *const *devices) {
  (void)pools;
  (void)devices;
  test_model_runs++;
  if (test_model_fail) {
    TVMAPISetLastError(TEST_MODEL_FAIL_TEXT);
    return -1;
  }
  int8_t *scratch = (int8_t *)TVMBackendAllocWorkspace(1, 0, TEST_ADD_ONE_SIZE, 0, 8);
  if (scratch == NULL) return -1;
  const int8_t *x = (const int8_t *)inputs[0];
  for (int i = 0; i < TEST_ADD_ONE_SIZE; i++) scratch[i] = (int8_t)(x[i] + 1);
  memcpy(outputs[0], scratch, TEST_ADD_ONE_SIZE);
  return TVMBackendFreeWorkspace(1, 0, scratch);
}

static int32_t sum_entry(void *const *inputs, void *const *outputs, void *const *pools,
                         void *const *devices) {
  (void)devices;
  test_model_runs++;
  const uint8_t *data = (const uint8_t *)inputs[0];
  uint32_t sum = 0;
  for (int i = 0; i < TEST_SUM_SIZE; i++) sum += data[i];
  memcpy(pools[0], &sum, sizeof sum);
  memcpy(outputs[0], &sum, sizeof sum);
  for (int i = 0; i < TEST_SUM_SIZE; i++) ((uint8_t *)outputs[1])[i] = data[TEST_SUM_SIZE - 1 - i];
  return 0;
}

static const int32_t shape_8[] = {1, TEST_ADD_ONE_SIZE};
static const int32_t shape_sum_in[] = {100, 100};
static const int32_t shape_1[] = {1};

static const TVMTensorInfo add_one_in[] = {{"x", kTVMDTypeInt8, 2, shape_8, TEST_ADD_ONE_SIZE}};
static const TVMTensorInfo add_one_out[] = {{"y", kTVMDTypeInt8, 2, shape_8, TEST_ADD_ONE_SIZE}};
static const TVMPoolInfo add_one_pools[] = {{"workspace", kTVMPoolStack, 64, 16}};
static const TVMModel add_one = {"add_one", 1, 1, 1, 0, add_one_in, add_one_out, add_one_pools,
                                 NULL, 1, add_one_entry, 0};

static const TVMTensorInfo sum_in[] = {{"data", kTVMDTypeUInt8, 2, shape_sum_in, TEST_SUM_SIZE}};
static const TVMTensorInfo sum_out[] = {{"sum", kTVMDTypeUInt32, 1, shape_1, 4},
                                        {"reversed", kTVMDTypeUInt8, 2, shape_sum_in, TEST_SUM_SIZE}};
static const TVMPoolInfo sum_pools[] = {{"workspace", kTVMPoolStack, 32, 16},
                                        {"sram", kTVMPoolExternal, 256, 32}};
static const TVMModel sum_bytes = {"sum_bytes", 1, 2, 2, 0, sum_in, sum_out, sum_pools, NULL, 1,
                                   sum_entry, 0};

static int8_t add_one_x[TEST_ADD_ONE_SIZE] __attribute__((aligned(16)));
static int8_t add_one_y[TEST_ADD_ONE_SIZE] __attribute__((aligned(16)));
static uint8_t sum_data[TEST_SUM_SIZE] __attribute__((aligned(16)));
static uint32_t sum_sum[1] __attribute__((aligned(16)));
static uint8_t sum_reversed[TEST_SUM_SIZE] __attribute__((aligned(16)));
static void *const add_one_inputs[] = {add_one_x};
static void *const add_one_outputs[] = {add_one_y};
static void *const sum_inputs[] = {sum_data};
static void *const sum_outputs[] = {sum_sum, sum_reversed};

const tvmcrt_agent_model_t tvmcrt_agent_models[] = {
    {&add_one, add_one_inputs, add_one_outputs, 0, NULL}, /* no room for canaries (agent_guard.c) */
    {&sum_bytes, sum_inputs, sum_outputs, 0, NULL},
};
const size_t tvmcrt_agent_model_count = 2;
/* 64-aligned although the region promises only 16: pools are aligned by address, so the offsets the
 * tests expect (a 32-aligned pool at 96) hold wherever the linker puts the arena. */
uint8_t tvmcrt_agent_arena[TEST_ARENA_SIZE] __attribute__((aligned(64)));
const uint32_t tvmcrt_agent_arena_size = TEST_ARENA_SIZE;
