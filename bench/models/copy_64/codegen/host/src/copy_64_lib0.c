#include "tvm/runtime/c_runtime_api.h"
#ifdef __cplusplus
extern "C" {
#endif
/* Written by bench/models/generate.py in the layout of TVM's AOT entry point. Do not edit: regenerate. */
#include <tvmgen_copy_64.h>
TVM_DLL int32_t tvmgen_copy_64___tvm_main__(void* x_buffer_var, void* y_buffer_var);
int32_t tvmgen_copy_64_run(struct tvmgen_copy_64_inputs* inputs, struct tvmgen_copy_64_outputs* outputs) {
  return tvmgen_copy_64___tvm_main__(inputs->x, outputs->y);
}
#ifdef __cplusplus
}
#endif
