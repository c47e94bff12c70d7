#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#ifdef __cplusplus
extern "C" {
#endif
#include <tvmgen_loops.h>
TVM_DLL int32_t tvmgen_loops___tvm_main__(int8_t* input_buffer_var, int32_t* output_buffer_var);
int32_t tvmgen_loops_run(struct tvmgen_loops_inputs* inputs, struct tvmgen_loops_outputs* outputs) {
  return tvmgen_loops___tvm_main__((int8_t*)inputs->input, (int32_t*)outputs->output);
}
#ifdef __cplusplus
}
#endif
