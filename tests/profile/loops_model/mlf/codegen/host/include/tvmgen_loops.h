#ifndef TVMGEN_LOOPS_H_
#define TVMGEN_LOOPS_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Hand-written test model in the layout of TVM's AOT output (tests/profile/README.md). */
#define TVMGEN_LOOPS_INPUT_SIZE 16
#define TVMGEN_LOOPS_OUTPUT_SIZE 16

struct tvmgen_loops_inputs {
  void* input;
};

struct tvmgen_loops_outputs {
  void* output;
};

int32_t tvmgen_loops_run(
  struct tvmgen_loops_inputs* inputs,
  struct tvmgen_loops_outputs* outputs
);

#define TVMGEN_LOOPS_WORKSPACE_SIZE 0

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_LOOPS_H_
