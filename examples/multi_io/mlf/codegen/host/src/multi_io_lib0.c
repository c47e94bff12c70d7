#include "tvm/runtime/c_runtime_api.h"
#ifdef __cplusplus
extern "C" {
#endif
/* Written by examples/multi_io/generate.py in the layout of TVM's AOT entry point. Do not edit: regenerate. */
#include <tvmgen_multi_io.h>
TVM_DLL int32_t tvmgen_multi_io___tvm_main__(void* features_buffer_var, void* mask_buffer_var, void* scores_buffer_var, void* flags_buffer_var, uint8_t* sram_0_var);
int32_t tvmgen_multi_io_run(struct tvmgen_multi_io_inputs* inputs, struct tvmgen_multi_io_outputs* outputs, struct tvmgen_multi_io_workspace_pools* workspace_pools) {
  return tvmgen_multi_io___tvm_main__(inputs->features, inputs->mask, outputs->scores, outputs->flags, ((uint8_t*)workspace_pools->sram));
}
#ifdef __cplusplus
}
#endif
