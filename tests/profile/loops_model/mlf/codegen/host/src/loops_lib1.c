#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#ifdef __cplusplus
extern "C" {
#endif
/* Hand-written test model (tests/profile/README.md): four operators of known cost, in one file
 * with __tvm_main__ as TVM writes them. loop_a, loop_b and loop_c run the same loop body
 * LOOPS_TRIPS, 2x and 4x times (shares 1/7, 2/7, 4/7 of the three); LOOPS_SCALE_PERCENT (110 in
 * the "slow" build) stretches all three. stack_touch writes a stack buffer of 1024 bytes, or of
 * 3072 when input[0] is odd: the run's stack high-water mark moves by 2048 bytes. */
#ifndef LOOPS_SCALE_PERCENT
#define LOOPS_SCALE_PERCENT 100
#endif
#define LOOPS_TRIPS (20000 * LOOPS_SCALE_PERCENT / 100)

TVM_DLL int32_t tvmgen_loops_fused_loop_a(int8_t* p0, int32_t* T_out) {
  int32_t acc = 0;
  for (int32_t i = 0; i < LOOPS_TRIPS; ++i) {
    acc = acc * 31 + p0[i & 15];
  }
  T_out[0] = acc;
  return 0;
}

TVM_DLL int32_t tvmgen_loops_fused_loop_b(int8_t* p0, int32_t* T_out) {
  int32_t acc = 0;
  for (int32_t i = 0; i < 2 * LOOPS_TRIPS; ++i) {
    acc = acc * 31 + p0[i & 15];
  }
  T_out[0] = acc;
  return 0;
}

TVM_DLL int32_t tvmgen_loops_fused_loop_c(int8_t* p0, int32_t* T_out) {
  int32_t acc = 0;
  for (int32_t i = 0; i < 4 * LOOPS_TRIPS; ++i) {
    acc = acc * 31 + p0[i & 15];
  }
  T_out[0] = acc;
  return 0;
}

TVM_DLL int32_t tvmgen_loops_fused_stack_touch(int8_t* p0, int32_t* T_out) {
  int32_t sum = 0;
  {
    /* A variable-length buffer in its own block: freed before the function returns, so it is the
     * deepest point of the run, and its size alone moves the high-water mark. */
    const int32_t n = (p0[0] & 1) ? 3072 : 1024;
    volatile uint8_t scratch[n];
    for (int32_t i = 0; i < n; ++i) {
      scratch[i] = (uint8_t)i;
    }
    for (int32_t i = 0; i < n; i += 64) {
      sum += scratch[i];
    }
  }
  T_out[0] = sum;
  return 0;
}

TVM_DLL int32_t tvmgen_loops___tvm_main__(int8_t* input_buffer_var, int32_t* output_buffer_var) {
  if (tvmgen_loops_fused_loop_a(input_buffer_var, output_buffer_var) != 0) return -1;
  if (tvmgen_loops_fused_loop_b(input_buffer_var, output_buffer_var + 1) != 0) return -1;
  if (tvmgen_loops_fused_loop_c(input_buffer_var, output_buffer_var + 2) != 0) return -1;
  if (tvmgen_loops_fused_stack_touch(input_buffer_var, output_buffer_var + 3) != 0) return -1;
  return 0;
}
#ifdef __cplusplus
}
#endif
