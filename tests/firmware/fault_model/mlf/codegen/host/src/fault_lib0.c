#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#ifdef __cplusplus
extern "C" {
#endif
/* Hand-written test model (tests/firmware/fault_model/README.md): copies its input to its output.
 * When input[0] is non-zero it first asks TVMBackendAllocWorkspace for 256 bytes, more than the
 * 64 it declared, as a model whose workspace size was under-reported would; the allocation fails
 * and the model returns -1 like TVM's generated code does. When input[0] is 2 it writes to an
 * address where nothing is mapped, as a model with a bad pointer would: the core faults. */
#include <tvmgen_fault.h>
TVM_DLL int32_t tvmgen_fault___tvm_main__(void* input_buffer_var, void* output_buffer_var) {
  const int8_t* in = (const int8_t*)input_buffer_var;
  int8_t* out = (int8_t*)output_buffer_var;
  if (in[0] == 2) {
    *(volatile int32_t*)(uintptr_t)0x60000000u = 0;  /* FSMC bank 1: no memory behind it */
  }
  if (in[0] != 0) {
    void* scratch = TVMBackendAllocWorkspace(1, 0, (uint64_t)256, 0, 8);
    if (scratch == NULL) {
      return -1;
    }
    if (TVMBackendFreeWorkspace(1, 0, scratch) != 0) {
      return -1;
    }
  }
  for (int32_t i = 0; i < 4; ++i) {
    out[i] = in[i];
  }
  return 0;
}
int32_t tvmgen_fault_run(struct tvmgen_fault_inputs* inputs, struct tvmgen_fault_outputs* outputs) {
  return tvmgen_fault___tvm_main__(inputs->input, outputs->output);
}
#ifdef __cplusplus
}
#endif
