/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime_test.c — on-target test of the cross-compiled runtime and example models (semihosting).
 *
 * Runs every held-out digit through TVMExecute on the emulated Cortex-M4 and requires the output
 * bytes to equal the numpy reference (examples/digits/data), runs the multi_io cases (two pools, float
 * outputs within 1e-5), and checks that a too-small workspace fails with the documented code. Prints
 * one line per check and the time per inference; exit code 0 when all pass, 1 otherwise (QEMU's exit
 * code through semihosting). Run: scripts/qemu-board semihost tvmcrt-fw-runtime-test.elf
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference_data.h"
#include "tvmcrt/tvmcrt.h"
#include "tvmcrt_model_digits.h"
#include "tvmcrt_model_multi_io.h"
#include "tvmcrt_stm32f4.h"

extern void initialise_monitor_handles(void);

static int failures;
#define CHECK(cond, ...)                                     \
  do {                                                       \
    if (!(cond)) {                                           \
      printf("FAIL %s:%d: ", __FILE__, __LINE__);            \
      printf(__VA_ARGS__);                                   \
      printf(" (last error: %s)\n", TVMGetLastError());      \
      failures++;                                            \
    }                                                        \
  } while (0)

static TVMContext ctx;
static uint8_t digits_ws[TVMCRT_DIGITS_WORKSPACE_SIZE] __attribute__((aligned(16)));
static uint8_t multi_ws[TVMCRT_MULTI_IO_POOL_WORKSPACE_SIZE] __attribute__((aligned(16)));
static uint8_t multi_sram[TVMCRT_MULTI_IO_POOL_SRAM_SIZE] __attribute__((aligned(16)));

static int argmax(const int8_t *v, int n) {
  int best = 0;
  for (int i = 1; i < n; i++)
    if (v[i] > v[best]) best = i;
  return best;
}

static void test_digits(void) {
  TVMWorkspace list[] = {{"workspace", digits_ws, sizeof digits_ws}};
  TVMWorkspaces wss = {list, 1};
  TVMContextInit(&ctx);
  CHECK(TVMSetWorkspaces(&ctx, &wss) == 0, "TVMSetWorkspaces(digits)");
  int identical = 0, correct = 0, reference_correct = 0;
  uint32_t ticks = 0;
  for (int i = 0; i < HELDOUT_INPUTS_COUNT; i++) {
    int8_t input[TVMCRT_DIGITS_INPUT_INPUT_SIZE];
    int8_t output[TVMCRT_DIGITS_OUTPUT_OUTPUT_SIZE];
    memcpy(input, &heldout_inputs[i * HELDOUT_INPUTS_STRIDE], sizeof input);
    struct tvmcrt_digits_inputs in = {.input = input};
    struct tvmcrt_digits_outputs out = {.output = output};
    uint32_t start = tvmcrt_cm_ticks();
    int32_t rc = TVMExecute(&tvmcrt_model_digits, &in, &out, &ctx);
    ticks += tvmcrt_cm_ticks() - start;
    CHECK(rc == 0, "TVMExecute(digits) sample %d returned %#lx", i, (unsigned long)rc);
    const int8_t *ref = &heldout_outputs[i * HELDOUT_OUTPUTS_STRIDE];
    identical += memcmp(output, ref, sizeof output) == 0;
    correct += argmax(output, 10) == heldout_labels[i];
    reference_correct += argmax(ref, 10) == heldout_labels[i];
  }
  uint32_t us = (uint32_t)((uint64_t)ticks * 1000000u / tvmcrt_cm_tick_hz() / HELDOUT_INPUTS_COUNT);
  printf("digits: %d/%d outputs identical to numpy; accuracy %d/%d (numpy %d/%d); %lu us per inference\n",
         identical, HELDOUT_INPUTS_COUNT, correct, HELDOUT_INPUTS_COUNT, reference_correct,
         HELDOUT_INPUTS_COUNT, (unsigned long)us);
  CHECK(identical == HELDOUT_INPUTS_COUNT, "digits outputs differ from numpy for %d samples",
        HELDOUT_INPUTS_COUNT - identical);
  CHECK(correct == reference_correct, "accuracy differs from numpy's");
  CHECK(TVMContextPeakWorkspace(&ctx) <= sizeof digits_ws, "peak workspace %u above %u",
        (unsigned)TVMContextPeakWorkspace(&ctx), (unsigned)sizeof digits_ws);
}

static void test_multi_io(void) {
  TVMWorkspace list[] = {{"sram", multi_sram, sizeof multi_sram}, {"workspace", multi_ws, sizeof multi_ws}};
  TVMWorkspaces wss = {list, 2};
  TVMContextInit(&ctx);
  CHECK(TVMSetWorkspaces(&ctx, &wss) == 0, "TVMSetWorkspaces(multi_io)");
  int matching = 0;
  for (int i = 0; i < CASES_FEATURES_COUNT; i++) {
    float features[8], scores[4];
    int8_t mask[8], flags[4];
    memcpy(features, &cases_features[i * CASES_FEATURES_STRIDE], sizeof features);
    memcpy(mask, &cases_mask[i * CASES_MASK_STRIDE], sizeof mask);
    struct tvmcrt_multi_io_inputs in = {.features = features, .mask = mask};
    struct tvmcrt_multi_io_outputs out = {.scores = scores, .flags = flags};
    int32_t rc = TVMExecute(&tvmcrt_model_multi_io, &in, &out, &ctx);
    CHECK(rc == 0, "TVMExecute(multi_io) case %d returned %#lx", i, (unsigned long)rc);
    int ok = memcmp(flags, &cases_flags[i * CASES_FLAGS_STRIDE], sizeof flags) == 0;
    for (int k = 0; k < 4; k++) {
      float ref = cases_scores[i * CASES_SCORES_STRIDE + k];
      ok &= fabsf(scores[k] - ref) <= 1e-5f * (1.0f + fabsf(ref));
    }
    CHECK(ok, "multi_io case %d differs from numpy", i);
    matching += ok;
  }
  printf("multi_io: %d/%d cases match numpy\n", matching, CASES_FEATURES_COUNT);
}

static void test_errors(void) {
  TVMWorkspace list[] = {{"workspace", digits_ws, 64}};
  TVMWorkspaces wss = {list, 1};
  TVMContextInit(&ctx);
  int32_t rc = TVMSetWorkspaces(&ctx, &wss);
  if (rc == 0) {
    int8_t input[64] = {0}, output[10];
    struct tvmcrt_digits_inputs in = {.input = input};
    struct tvmcrt_digits_outputs out = {.output = output};
    rc = TVMExecute(&tvmcrt_model_digits, &in, &out, &ctx);
  }
  CHECK(rc == kTVMCrtErrWorkspaceTooSmall, "a 64-byte workspace gave %#lx, expected %#x",
        (unsigned long)rc, kTVMCrtErrWorkspaceTooSmall);
  CHECK(strstr(TVMGetLastError(), "digits") != NULL, "the error text does not name the model");
  printf("errors: too-small workspace -> %#lx \"%s\"\n", (unsigned long)rc, TVMGetLastError());
}

int main(void) {
  initialise_monitor_handles();
  tvmcrt_board_init();
  test_digits();
  test_multi_io();
  test_errors();
  printf("%s: %d failure(s)\n", failures ? "FAILED" : "PASSED", failures);
  exit(failures ? 1 : 0); /* semihosting SYS_EXIT: returning from main would reset the board */
}
