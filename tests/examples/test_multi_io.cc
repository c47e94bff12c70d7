// SPDX-License-Identifier: Apache-2.0
// Runs examples/multi_io through tvmgen_multi_io_run() with a user-supplied "sram" pool and a stack
// workspace, and checks it against the committed numpy reference and its documented memory needs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "npy.h"
#include "stack_workspace.h"
#include "tvmgen_multi_io.h"

namespace {

const std::string kDir = std::string(EXAMPLES_DIR) + "/multi_io/";
constexpr size_t kStackNeed = 1024;   // the largest operator workspace in metadata.json
constexpr size_t kCanary = 64;
constexpr uint8_t kCanaryByte = 0xA5;

struct Cases {
  NpyArray features = load_npy(kDir + "data/cases_features.npy", "<f4", 4);
  NpyArray mask = load_npy(kDir + "data/cases_mask.npy", "|i1", 1);
  NpyArray scores = load_npy(kDir + "data/cases_scores.npy", "<f4", 4);
  NpyArray flags = load_npy(kDir + "data/cases_flags.npy", "|i1", 1);
  size_t n() const { return features.shape.at(0); }
};

// A pool buffer with a canary tail: the model must stay inside the size the header declares.
struct Pool {
  alignas(16) uint8_t bytes[TVMGEN_MULTI_IO_SRAM_WORKSPACE_POOL_SIZE + kCanary];
  Pool() { std::memset(bytes, kCanaryByte, sizeof bytes); }
  bool tail_intact() const {
    for (size_t i = TVMGEN_MULTI_IO_SRAM_WORKSPACE_POOL_SIZE; i < sizeof bytes; ++i)
      if (bytes[i] != kCanaryByte) return false;
    return true;
  }
};

int32_t run(const Cases &c, size_t i, Pool &pool, float *scores, int8_t *flags) {
  float features[TVMGEN_MULTI_IO_FEATURES_SIZE / 4];
  int8_t mask[TVMGEN_MULTI_IO_MASK_SIZE];
  std::memcpy(features, c.features.as<float>() + 8 * i, sizeof features);
  std::memcpy(mask, c.mask.as<int8_t>() + 8 * i, sizeof mask);
  struct tvmgen_multi_io_inputs in = {features, mask};
  struct tvmgen_multi_io_outputs out = {scores, flags};
  struct tvmgen_multi_io_workspace_pools pools = {pool.bytes};
  return tvmgen_multi_io_run(&in, &out, &pools);
}

TEST(MultiIo, FirstCaseFilesMatchTheCaseArrays) {
  Cases c;
  ASSERT_EQ(c.features.shape, (std::vector<size_t>{c.n(), 1, 8}));
  ASSERT_EQ(c.mask.shape, (std::vector<size_t>{c.n(), 1, 8}));
  ASSERT_EQ(c.scores.shape, (std::vector<size_t>{c.n(), 1, 4}));
  ASSERT_EQ(c.flags.shape, (std::vector<size_t>{c.n(), 1, 4}));
  struct { const char *file, *descr; size_t item; const NpyArray &all; } singles[] = {
      {"features", "<f4", 4, c.features}, {"mask", "|i1", 1, c.mask},
      {"scores", "<f4", 4, c.scores},     {"flags", "|i1", 1, c.flags}};
  for (const auto &s : singles) {
    NpyArray one = load_npy(kDir + "data/" + s.file + ".npy", s.descr, s.item);
    ASSERT_EQ(one.shape, (std::vector<size_t>{1, s.all.shape[2]})) << s.file;
    EXPECT_EQ(0, std::memcmp(one.data.data(), s.all.data.data(), one.data.size())) << s.file;
  }
}

TEST(MultiIo, EveryCaseMatchesNumpyWithin1e5) {
  Cases c;
  StackWorkspace ws(kStackNeed);
  ws.install();
  double worst = 0;
  for (size_t i = 0; i < c.n(); ++i) {
    Pool pool;
    float scores[4];
    int8_t flags[4];
    ASSERT_EQ(0, run(c, i, pool, scores, flags)) << "case " << i;
    for (size_t j = 0; j < 4; ++j) {
      float ref = c.scores.as<float>()[4 * i + j];
      double err = std::fabs(double(scores[j]) - ref) / std::fmax(1.0, std::fabs(ref));
      worst = std::fmax(worst, err);
      EXPECT_LE(err, 1e-5) << "case " << i << " scores[" << j << "] " << scores[j] << " vs " << ref;
      EXPECT_EQ(c.flags.as<int8_t>()[4 * i + j], flags[j]) << "case " << i << " flags[" << j << "]";
    }
    EXPECT_TRUE(pool.tail_intact()) << "case " << i << ": wrote past the sram pool";
  }
  std::cout << "multi_io: " << c.n() << " cases, worst relative score error " << worst << "\n";
  EXPECT_EQ(0u, ws.live());
  EXPECT_EQ(0u, ws.lifo_errors());
  EXPECT_EQ(kStackNeed, ws.peak());
}

TEST(MultiIo, SmallerStackWorkspaceFailsWithAnErrorCode) {
  Cases c;
  StackWorkspace ws(kStackNeed - 1);
  ws.install();
  Pool pool;
  float scores[4];
  int8_t flags[4];
  EXPECT_NE(0, run(c, 0, pool, scores, flags));
  EXPECT_EQ(1u, ws.failed_allocs());
}

// TVM's WORKSPACE_SIZE with USMP is the largest operator workspace PLUS every pool: the stack
// workspace a runtime must provide is the difference. metadata.json says the same.
TEST(MultiIo, HeaderAgreesWithMetadataJson) {
  EXPECT_EQ(size_t(TVMGEN_MULTI_IO_WORKSPACE_SIZE),
            kStackNeed + TVMGEN_MULTI_IO_SRAM_WORKSPACE_POOL_SIZE);
  std::ifstream f(kDir + "mlf/metadata.json");
  ASSERT_TRUE(f) << "missing examples/multi_io/mlf/metadata.json";
  nlohmann::json meta = nlohmann::json::parse(f);
  const auto &mod = meta["modules"]["multi_io"];
  const auto &main = mod["memory"]["functions"]["main"][0];
  EXPECT_EQ(TVMGEN_MULTI_IO_WORKSPACE_SIZE, main["workspace_size_bytes"]);
  size_t largest = 0;
  for (const auto &op : mod["memory"]["functions"]["operator_functions"])
    largest = std::max(largest, op["workspace"][0]["workspace_size_bytes"].get<size_t>());
  EXPECT_EQ(kStackNeed, largest);
  EXPECT_EQ(TVMGEN_MULTI_IO_FEATURES_SIZE, main["inputs"]["features"]["size"]);
  EXPECT_EQ("float32", main["inputs"]["features"]["dtype"]);
  EXPECT_EQ(TVMGEN_MULTI_IO_MASK_SIZE, main["inputs"]["mask"]["size"]);
  EXPECT_EQ("int8", main["inputs"]["mask"]["dtype"]);
  EXPECT_EQ(TVMGEN_MULTI_IO_SCORES_SIZE, main["outputs"]["scores"]["size"]);
  EXPECT_EQ("float32", main["outputs"]["scores"]["dtype"]);
  EXPECT_EQ(TVMGEN_MULTI_IO_FLAGS_SIZE, main["outputs"]["flags"]["size"]);
  EXPECT_EQ("int8", main["outputs"]["flags"]["dtype"]);
}

}  // namespace
