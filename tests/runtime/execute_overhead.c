/* SPDX-License-Identifier: Apache-2.0 */
/*
 * execute_overhead.c — what TVMExecute() costs over calling a model's tvmgen_<m>_run() directly.
 *
 *   execute_overhead direct N     N calls of tvmgen_noop_run()
 *   execute_overhead execute N    N calls of TVMExecute() on the same model (a generated adapter)
 *   execute_overhead plain N      the same with a hand-written descriptor (TVMExecute() checks)
 *
 * measure_overhead.sh runs both under callgrind at two N and prints instructions per call, so the
 * fixed start-up cost cancels out. The model is shaped like tvmcrt-import's output (an adapter
 * filling tvmgen structs, a stack workspace) with an empty body: everything counted is overhead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tvmcrt/tvmcrt.h"

struct tvmgen_noop_inputs { void *input; };
struct tvmgen_noop_outputs { void *output; };

/* Stands in for the generated model: opaque to the optimiser so the call is really made. */
__attribute__((noinline)) int32_t tvmgen_noop_run(struct tvmgen_noop_inputs *inputs,
                                                  struct tvmgen_noop_outputs *outputs);
__attribute__((noinline)) int32_t tvmgen_noop_run(struct tvmgen_noop_inputs *inputs,
                                                  struct tvmgen_noop_outputs *outputs) {
  __asm__ volatile("" : : "r"(inputs), "r"(outputs) : "memory");
  return 0;
}

/* As tvmcrt-import writes it: the buffer checks with the count and alignment as constants, then the
 * application's structs handed straight to tvmgen_noop_run(). */
static int32_t noop_entry(void *const *inputs, void *const *outputs, void *const *pools, void *const *devices) {
  (void)pools;
  (void)devices;
  if (inputs[0] == NULL || outputs[0] == NULL || (((uintptr_t)inputs[0] | (uintptr_t)outputs[0]) & 15) != 0) {
    return TVMCrtRejectBuffers(inputs, outputs);
  }
  return tvmgen_noop_run((struct tvmgen_noop_inputs *)inputs, (struct tvmgen_noop_outputs *)outputs);
}

/* As a descriptor written by hand may have it: structs filled by copy, no checks (entry_checks_buffers
 * is 0, so TVMExecute() checks the buffers itself). */
static int32_t plain_entry(void *const *inputs, void *const *outputs, void *const *pools, void *const *devices) {
  struct tvmgen_noop_inputs in = {inputs[0]};
  struct tvmgen_noop_outputs out = {outputs[0]};
  (void)pools;
  (void)devices;
  return tvmgen_noop_run(&in, &out);
}

static const int32_t shape[] = {1, 64};
static const TVMTensorInfo inputs_info[] = {{"input", kTVMDTypeInt8, 2, shape, 64}};
static const TVMTensorInfo outputs_info[] = {{"output", kTVMDTypeInt8, 2, shape, 64}};
static const TVMPoolInfo pools_info[] = {{"workspace", kTVMPoolStack, 256, 16}};
static const TVMModel noop_model = {"noop", 1, 1, 1, 0, inputs_info, outputs_info, pools_info, NULL, 16, noop_entry, 1};
static const TVMModel plain_model = {"plain", 1, 1, 1, 0, inputs_info, outputs_info, pools_info, NULL, 16, plain_entry, 0};

static int8_t input[64] __attribute__((aligned(16)));
static int8_t output[64] __attribute__((aligned(16)));
static uint8_t workspace[256] __attribute__((aligned(16)));

int main(int argc, char **argv) {
  long n, i;
  TVMContext ctx;
  TVMWorkspace list[] = {{"workspace", workspace, sizeof workspace}};
  TVMWorkspaces wss = {list, 1};
  struct tvmgen_noop_inputs in = {input};
  struct tvmgen_noop_outputs out = {output};
  const TVMModel *model;
  if (argc != 3 || (strcmp(argv[1], "direct") != 0 && strcmp(argv[1], "execute") != 0 &&
                    strcmp(argv[1], "plain") != 0)) {
    fprintf(stderr, "usage: %s direct|execute|plain N\n", argv[0]);
    return 2;
  }
  n = atol(argv[2]);
  model = argv[1][0] == 'p' ? &plain_model : &noop_model;
  TVMContextInit(&ctx);
  if (TVMSetWorkspaces(&ctx, &wss) != 0) {
    fprintf(stderr, "%s\n", TVMGetLastError());
    return 1;
  }
  for (i = 0; i < n; i++) {
    int32_t rc = argv[1][0] == 'd' ? tvmgen_noop_run(&in, &out) : TVMExecute(model, &in, &out, &ctx);
    if (rc != 0) {
      fprintf(stderr, "run %ld failed: %s\n", i, TVMGetLastError());
      return 1;
    }
  }
  return 0;
}
