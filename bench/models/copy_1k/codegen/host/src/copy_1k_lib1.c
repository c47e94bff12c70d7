// tvm target: c -keys=cpu -model=host
#define TVM_EXPORTS
#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <math.h>
#include <stdbool.h>

/* Written by bench/models/generate.py in the layout of TVM's C host codegen. Do not edit: regenerate. */

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_copy_1k_fused_copy(uint8_t* p0, uint8_t* T_copy);

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_copy_1k_fused_copy(uint8_t* p0, uint8_t* T_copy) {
  for (int32_t i = 0; i < 1024; ++i) {
    T_copy[i] = p0[i];
  }
  return 0;
}

/* The AOT main: one operator, no intermediate tensors, no workspace. */
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_copy_1k___tvm_main__(void* x_buffer_var, void* y_buffer_var) {
  if (tvmgen_copy_1k_fused_copy((uint8_t*)x_buffer_var, (uint8_t*)y_buffer_var) != 0 ) return -1;
  return 0;
}
