// SPDX-License-Identifier: Apache-2.0
// Runs examples/digits through tvmgen_digits_run() on every held-out sample and checks the C model
// against the committed numpy reference, bit for bit, and against what its header and
// metadata.json promise about memory.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "npy.h"
#include "stack_workspace.h"
#include "tvmgen_digits.h"

namespace {

const std::string kDir = std::string(EXAMPLES_DIR) + "/digits/";

struct HeldOut {
  NpyArray inputs = load_npy(kDir + "data/heldout_inputs.npy", "|i1", 1);
  NpyArray outputs = load_npy(kDir + "data/heldout_outputs.npy", "|i1", 1);
  NpyArray labels = load_npy(kDir + "data/heldout_labels.npy", "<i8", 8);
  size_t n() const { return labels.count(); }
};

int32_t run(const int8_t *input, int8_t *output) {
  int8_t in[TVMGEN_DIGITS_INPUT_SIZE];
  std::memcpy(in, input, sizeof in);  // the model must not need its input to stay untouched
  struct tvmgen_digits_inputs inputs = {in};
  struct tvmgen_digits_outputs outputs = {output};
  return tvmgen_digits_run(&inputs, &outputs);
}

size_t argmax(const int8_t *v, size_t n) { return std::max_element(v, v + n) - v; }

TEST(Digits, DataFilesHaveTheDocumentedShapes) {
  HeldOut d;
  ASSERT_EQ(d.inputs.shape, (std::vector<size_t>{d.n(), 1, 64}));
  ASSERT_EQ(d.outputs.shape, (std::vector<size_t>{d.n(), 1, 10}));
  ASSERT_EQ(d.labels.shape, (std::vector<size_t>{d.n()}));
  NpyArray sample_in = load_npy(kDir + "data/sample_input.npy", "|i1", 1);
  NpyArray sample_out = load_npy(kDir + "data/sample_output.npy", "|i1", 1);
  ASSERT_EQ(sample_in.shape, (std::vector<size_t>{1, 64}));
  ASSERT_EQ(sample_out.shape, (std::vector<size_t>{1, 10}));
  EXPECT_EQ(0, std::memcmp(sample_in.data.data(), d.inputs.data.data(), 64));
  EXPECT_EQ(0, std::memcmp(sample_out.data.data(), d.outputs.data.data(), 10));
}

TEST(Digits, EveryHeldOutSampleIsBitExactWithNumpy) {
  HeldOut d;
  StackWorkspace ws(TVMGEN_DIGITS_WORKSPACE_SIZE);
  ws.install();
  size_t c_correct = 0, numpy_correct = 0, mismatches = 0;
  for (size_t i = 0; i < d.n(); ++i) {
    int8_t out[TVMGEN_DIGITS_OUTPUT_SIZE];
    ASSERT_EQ(0, run(d.inputs.as<int8_t>() + 64 * i, out)) << "sample " << i;
    const int8_t *ref = d.outputs.as<int8_t>() + 10 * i;
    if (std::memcmp(out, ref, sizeof out) != 0 && ++mismatches <= 5)
      ADD_FAILURE() << "sample " << i << ": C output differs from heldout_outputs.npy";
    int64_t label = d.labels.as<int64_t>()[i];
    c_correct += argmax(out, 10) == static_cast<size_t>(label);
    numpy_correct += argmax(ref, 10) == static_cast<size_t>(label);
  }
  EXPECT_EQ(0u, mismatches);
  EXPECT_EQ(c_correct, numpy_correct);
  std::cout << "digits: C model held-out accuracy " << c_correct << "/" << d.n() << " = "
            << double(c_correct) / d.n() << " (numpy reference " << numpy_correct << "/" << d.n()
            << ")\n";
  EXPECT_GT(double(c_correct) / d.n(), 0.9);
  EXPECT_EQ(0u, ws.live());
  EXPECT_EQ(0u, ws.lifo_errors());
  // The header's figure is the real peak (16-byte rounded blocks), not a loose upper bound.
  EXPECT_EQ(size_t(TVMGEN_DIGITS_WORKSPACE_SIZE), ws.peak());
}

TEST(Digits, OneByteLessWorkspaceFailsWithAnErrorCode) {
  HeldOut d;
  StackWorkspace ws(TVMGEN_DIGITS_WORKSPACE_SIZE - 1);
  ws.install();
  int8_t out[TVMGEN_DIGITS_OUTPUT_SIZE];
  EXPECT_NE(0, run(d.inputs.as<int8_t>(), out));
  EXPECT_EQ(1u, ws.failed_allocs());
}

TEST(Digits, HeaderAgreesWithMetadataJson) {
  std::ifstream f(kDir + "mlf/metadata.json");
  ASSERT_TRUE(f) << "missing examples/digits/mlf/metadata.json";
  nlohmann::json meta = nlohmann::json::parse(f);
  ASSERT_EQ(7, meta["version"]);
  const auto &mod = meta["modules"]["digits"];
  EXPECT_EQ("aot", mod["executors"][0]);
  const auto &main = mod["memory"]["functions"]["main"][0];
  EXPECT_EQ(TVMGEN_DIGITS_WORKSPACE_SIZE, main["workspace_size_bytes"]);
  EXPECT_EQ(TVMGEN_DIGITS_INPUT_SIZE, main["inputs"]["input"]["size"]);
  EXPECT_EQ("int8", main["inputs"]["input"]["dtype"]);
  EXPECT_EQ(TVMGEN_DIGITS_OUTPUT_SIZE, main["outputs"]["output"]["size"]);
  EXPECT_EQ("int8", main["outputs"]["output"]["dtype"]);
}

}  // namespace
