#include "tvm/runtime/c_runtime_api.h"
#ifdef __cplusplus
extern "C" {
#endif
/* Written by examples/digits/generate.py in the layout of TVM's AOT entry point. Do not edit: regenerate. */
#include <tvmgen_digits.h>
TVM_DLL int32_t tvmgen_digits___tvm_main__(void* input_buffer_var, void* output_buffer_var);
int32_t tvmgen_digits_run(struct tvmgen_digits_inputs* inputs, struct tvmgen_digits_outputs* outputs) {
  return tvmgen_digits___tvm_main__(inputs->input, outputs->output);
}
#ifdef __cplusplus
}
#endif
