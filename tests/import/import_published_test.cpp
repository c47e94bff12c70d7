// SPDX-License-Identifier: Apache-2.0
// TVM output as people publish it (#19, #12): the same "default" model in every folder layout, with
// unbound weights in main, without a return type, metadata.json elsewhere or nothing but the header,
// plus a "default" model calling CMSIS-NN kernels. All are in this one image, each under its own
// NAME; each runs through TVMExecute() and is checked against the model's arithmetic done here.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "tvmcrt/tvmcrt.h"
#include "tvmcrt_model_fc.h"
#include "tvmcrt_model_pub_flat.h"
#include "tvmcrt_model_pub_host.h"
#include "tvmcrt_model_pub_inc.h"
#include "tvmcrt_model_pub_incsrc.h"
#include "tvmcrt_model_pub_meta.h"
#include "tvmcrt_model_pub_mlf.h"
#include "tvmcrt_model_pub_noret.h"

namespace {

std::vector<int32_t> shape(const TVMTensorInfo &t) { return std::vector<int32_t>(t.shape, t.shape + t.ndim); }

struct published_case {
  const TVMModel *model;
  std::vector<int32_t> in_shape, out_shape;  // what each layout's sources say
};

// Relay text gives [1, 8]; without it only the size macro and the code's int8_t*: [8].
const published_case kCases[] = {
    {&tvmcrt_model_pub_mlf, {1, 8}, {1, 8}},   {&tvmcrt_model_pub_noret, {1, 8}, {8}},
    {&tvmcrt_model_pub_incsrc, {1, 8}, {1, 8}}, {&tvmcrt_model_pub_inc, {8}, {8}},
    {&tvmcrt_model_pub_host, {8}, {8}},         {&tvmcrt_model_pub_flat, {8}, {8}},
    {&tvmcrt_model_pub_meta, {8}, {8}},
};

TEST(Published, EveryLayoutImportsAndRunsUnderItsOwnName) {
  const int8_t in[8] = {0, 1, -1, 63, 64, -64, -65, 127};
  for (const auto &c : kCases) {
    SCOPED_TRACE(c.model->name);
    ASSERT_EQ(c.model->num_inputs, 1);
    ASSERT_EQ(c.model->num_outputs, 1);
    EXPECT_EQ(std::string(c.model->inputs[0].name), "serving_input");
    EXPECT_EQ(std::string(c.model->outputs[0].name), "output");
    EXPECT_EQ(c.model->inputs[0].dtype, kTVMDTypeInt8);
    EXPECT_EQ(c.model->outputs[0].dtype, kTVMDTypeInt8);
    EXPECT_EQ(shape(c.model->inputs[0]), c.in_shape);
    EXPECT_EQ(shape(c.model->outputs[0]), c.out_shape);
    alignas(16) int8_t out[8] = {};
    void *ins[] = {const_cast<int8_t *>(in)}, *outs[] = {out};
    TVMContext ctx;
    TVMContextInit(&ctx);
    ASSERT_EQ(TVMExecute(c.model, ins, outs, &ctx), 0) << TVMGetLastError();
    for (int i = 0; i < 8; ++i) {
      const int v = 2 * in[i] + 1;
      EXPECT_EQ(out[i], v > 127 ? 127 : v < -128 ? -128 : v) << "element " << i;
    }
  }
}

TEST(Published, CmsisNnModelBuiltNativelyRuns) {
  EXPECT_EQ(std::string(tvmcrt_model_fc.name), "fc");
  EXPECT_EQ(shape(tvmcrt_model_fc.inputs[0]), std::vector<int32_t>{4});
  EXPECT_EQ(shape(tvmcrt_model_fc.outputs[0]), std::vector<int32_t>{2});
  alignas(16) int8_t in[4] = {10, -20, 30, 100}, out[2] = {};
  void *ins[] = {in}, *outs[] = {out};
  TVMContext ctx;
  TVMContextInit(&ctx);
  ASSERT_EQ(TVMExecute(&tvmcrt_model_fc, ins, outs, &ctx), 0) << TVMGetLastError();
  // (10 - 40 + 90 + 400) >> 2 = 115; (-40 + 0 + 60 - 100) >> 2 = -20
  EXPECT_EQ(out[0], 115);
  EXPECT_EQ(out[1], -20);
}

}  // namespace
