#ifndef TVMGEN_FAULT_H_
#define TVMGEN_FAULT_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Hand-written test model in the layout of TVM's AOT output (tests/firmware/fault_model/README.md). */
#define TVMGEN_FAULT_INPUT_SIZE 4
#define TVMGEN_FAULT_OUTPUT_SIZE 4

struct tvmgen_fault_inputs {
  void* input;
};

struct tvmgen_fault_outputs {
  void* output;
};

int32_t tvmgen_fault_run(
  struct tvmgen_fault_inputs* inputs,
  struct tvmgen_fault_outputs* outputs
);

#define TVMGEN_FAULT_WORKSPACE_SIZE 64

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_FAULT_H_
