// SPDX-License-Identifier: Apache-2.0
// Both example models through TVMExecute(), against the numpy references committed with them:
// digits bit-exact on every held-out sample (and the same accuracy as numpy), multi_io within 1e-5.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "npy.hpp"
#include "tvmcrt_model_digits.h"
#include "tvmcrt_model_multi_io.h"

namespace {

using tvmcrt::host::NdArray;
using tvmcrt::host::npy_load;

std::string data(const std::string &rel) { return std::string(TVMCRT_EXAMPLES_DIR) + "/" + rel; }

template <typename T>
size_t argmax(const T *v, size_t n) {
  return static_cast<size_t>(std::max_element(v, v + n) - v);
}

TEST(Digits, EveryHeldOutSampleIsBitExactAndAccuracyMatchesNumpy) {
  NdArray x = npy_load(data("digits/data/heldout_inputs.npy"));
  NdArray ref = npy_load(data("digits/data/heldout_outputs.npy"));
  NdArray labels = npy_load(data("digits/data/heldout_labels.npy"));
  const size_t n = x.shape.at(0);
  ASSERT_EQ(x.data.size(), n * TVMCRT_DIGITS_INPUT_INPUT_SIZE);
  ASSERT_EQ(ref.data.size(), n * TVMCRT_DIGITS_OUTPUT_OUTPUT_SIZE);
  ASSERT_EQ(labels.element_count(), n);

  alignas(16) static int8_t image[TVMCRT_DIGITS_INPUT_INPUT_SIZE];
  alignas(16) static int8_t scores[TVMCRT_DIGITS_OUTPUT_OUTPUT_SIZE];
  alignas(16) static uint8_t scratch[TVMCRT_DIGITS_WORKSPACE_SIZE];
  TVMContext ctx;
  TVMContextInit(&ctx);
  TVMWorkspace list[] = {{"workspace", scratch, sizeof scratch}};
  TVMWorkspaces wss = {list, 1};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0) << TVMGetLastError();
  tvmcrt_digits_inputs in{image};
  tvmcrt_digits_outputs out{scores};

  size_t mismatches = 0, correct_c = 0, correct_numpy = 0;
  const auto *ref_bytes = reinterpret_cast<const int8_t *>(ref.data.data());
  const auto *label = reinterpret_cast<const int64_t *>(labels.data.data());
  for (size_t i = 0; i < n; i++) {
    std::memcpy(image, x.data.data() + i * sizeof image, sizeof image);
    ASSERT_EQ(TVMExecute(&tvmcrt_model_digits, &in, &out, &ctx), 0) << TVMGetLastError();
    const int8_t *expected = ref_bytes + i * sizeof scores;
    if (std::memcmp(scores, expected, sizeof scores) != 0) mismatches++;
    correct_c += argmax(scores, sizeof scores) == static_cast<size_t>(label[i]);
    correct_numpy += argmax(expected, sizeof scores) == static_cast<size_t>(label[i]);
  }
  EXPECT_EQ(mismatches, 0u) << "of " << n << " held-out samples";
  EXPECT_EQ(correct_c, correct_numpy);
  EXPECT_LE(TVMContextPeakWorkspace(&ctx), sizeof scratch);
  std::printf("digits: held-out accuracy %zu/%zu = %.2f%% (numpy reference %.2f%%), peak workspace %zu of %zu bytes\n",
              correct_c, n, 100.0 * correct_c / n, 100.0 * correct_numpy / n, TVMContextPeakWorkspace(&ctx),
              sizeof scratch);
}

TEST(Digits, TooSmallWorkspaceIsRefusedBeforeRunning) {
  alignas(16) static int8_t image[TVMCRT_DIGITS_INPUT_INPUT_SIZE];
  alignas(16) static int8_t scores[TVMCRT_DIGITS_OUTPUT_OUTPUT_SIZE];
  alignas(16) static uint8_t scratch[TVMCRT_DIGITS_WORKSPACE_SIZE];
  TVMContext ctx;
  TVMContextInit(&ctx);
  TVMWorkspace list[] = {{"workspace", scratch, sizeof scratch - 16}};
  TVMWorkspaces wss = {list, 1};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0);
  tvmcrt_digits_inputs in{image};
  tvmcrt_digits_outputs out{scores};
  EXPECT_EQ(TVMExecute(&tvmcrt_model_digits, &in, &out, &ctx), kTVMCrtErrWorkspaceTooSmall);
  EXPECT_EQ(std::string(TVMGetLastError()),
            "model 'digits': workspace 'workspace' is " + std::to_string(sizeof scratch - 16) +
                " bytes; the model needs " + std::to_string(sizeof scratch));
}

TEST(MultiIo, EveryCaseMatchesNumpyWithin1e5) {
  NdArray features = npy_load(data("multi_io/data/cases_features.npy"));
  NdArray mask = npy_load(data("multi_io/data/cases_mask.npy"));
  NdArray ref_scores = npy_load(data("multi_io/data/cases_scores.npy"));
  NdArray ref_flags = npy_load(data("multi_io/data/cases_flags.npy"));
  const size_t n = features.shape.at(0);

  alignas(16) static float f[TVMCRT_MULTI_IO_INPUT_FEATURES_SIZE / sizeof(float)];
  alignas(16) static int8_t m[TVMCRT_MULTI_IO_INPUT_MASK_SIZE];
  alignas(16) static float scores[TVMCRT_MULTI_IO_OUTPUT_SCORES_SIZE / sizeof(float)];
  alignas(16) static int8_t flags[TVMCRT_MULTI_IO_OUTPUT_FLAGS_SIZE];
  alignas(16) static uint8_t scratch[TVMCRT_MULTI_IO_WORKSPACE_SIZE];
  alignas(16) static uint8_t sram[TVMCRT_MULTI_IO_POOL_SRAM_SIZE];
  TVMContext ctx;
  TVMContextInit(&ctx);
  TVMWorkspace list[] = {{"workspace", scratch, sizeof scratch}, {"sram", sram, sizeof sram}};
  TVMWorkspaces wss = {list, 2};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0) << TVMGetLastError();
  tvmcrt_multi_io_inputs in{f, m};
  tvmcrt_multi_io_outputs out{scores, flags};

  const auto *rs = reinterpret_cast<const float *>(ref_scores.data.data());
  const auto *rf = reinterpret_cast<const int8_t *>(ref_flags.data.data());
  double worst = 0;
  for (size_t i = 0; i < n; i++) {
    std::memcpy(f, features.data.data() + i * sizeof f, sizeof f);
    std::memcpy(m, mask.data.data() + i * sizeof m, sizeof m);
    ASSERT_EQ(TVMExecute(&tvmcrt_model_multi_io, &in, &out, &ctx), 0) << TVMGetLastError();
    for (size_t k = 0; k < sizeof scores / sizeof(float); k++) {
      const float want = rs[i * (sizeof scores / sizeof(float)) + k];
      const double rel = std::fabs(scores[k] - want) / std::max(std::fabs(want), 1e-30f);
      worst = std::max(worst, rel);
      EXPECT_LE(rel, 1e-5) << "case " << i << " scores[" << k << "]: " << scores[k] << " vs " << want;
    }
    EXPECT_EQ(std::memcmp(flags, rf + i * sizeof flags, sizeof flags), 0) << "case " << i;
  }
  std::printf("multi_io: %zu cases, worst relative error of scores %.3g\n", n, worst);
}

TEST(MultiIo, MissingUserPoolIsNamed) {
  alignas(16) static uint8_t scratch[TVMCRT_MULTI_IO_WORKSPACE_SIZE];
  alignas(16) static float f[8], scores[4];
  alignas(16) static int8_t m[8], flags[4];
  TVMContext ctx;
  TVMContextInit(&ctx);
  TVMWorkspace list[] = {{"workspace", scratch, sizeof scratch}};
  TVMWorkspaces wss = {list, 1};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0);
  tvmcrt_multi_io_inputs in{f, m};
  tvmcrt_multi_io_outputs out{scores, flags};
  EXPECT_EQ(TVMExecute(&tvmcrt_model_multi_io, &in, &out, &ctx), kTVMCrtErrWorkspaceMissing);
  EXPECT_EQ(std::string(TVMGetLastError()),
            "model 'multi_io' needs workspace 'sram' of " + std::to_string(TVMCRT_MULTI_IO_POOL_SRAM_SIZE) +
                " bytes; none was given (TVMSetWorkspaces)");
}

}  // namespace
