// SPDX-License-Identifier: Apache-2.0
// The agent model table tvmcrt_link_models() generated for import_tests (the five format fixtures,
// then the published-layout ones, import_published_test.cpp).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "tvmcrt_agent_models.h"
#include "tvmcrt_model_basic5.h"
#include "tvmcrt_model_copy7.h"
#include "tvmcrt_model_fc.h"
#include "tvmcrt_model_hdronly.h"
#include "tvmcrt_model_legacy6.h"
#include "tvmcrt_model_pub_meta.h"
#include "tvmcrt_model_pub_mlf.h"
#include "tvmcrt_model_tarred.h"

namespace {

uintptr_t addr(const void *p) { return reinterpret_cast<uintptr_t>(p); }

TEST(Table, ListsModelsInLinkOrder) {
  const TVMModel *want[] = {&tvmcrt_model_copy7, &tvmcrt_model_legacy6, &tvmcrt_model_basic5,
                            &tvmcrt_model_hdronly, &tvmcrt_model_tarred, &tvmcrt_model_pub_mlf};
  ASSERT_EQ(tvmcrt_agent_model_count, 13u);
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(tvmcrt_agent_models[i].model, want[i]) << i;
  EXPECT_EQ(tvmcrt_agent_models[11].model, &tvmcrt_model_pub_meta);
  EXPECT_EQ(tvmcrt_agent_models[12].model, &tvmcrt_model_fc);
}

TEST(Table, BuffersAreAlignedAndDisjoint) {
  std::vector<std::pair<uintptr_t, uintptr_t>> ranges;
  for (size_t i = 0; i < tvmcrt_agent_model_count; ++i) {
    const tvmcrt_agent_model_t &e = tvmcrt_agent_models[i];
    const size_t align = e.model->io_alignment > 16 ? e.model->io_alignment : 16;
    auto add = [&](void *const *bufs, const TVMTensorInfo *info, uint8_t n) {
      for (uint8_t k = 0; k < n; ++k) {
        ASSERT_NE(bufs[k], nullptr);
        EXPECT_EQ(addr(bufs[k]) % align, 0u) << e.model->name << " " << info[k].name;
        ranges.emplace_back(addr(bufs[k]), addr(bufs[k]) + info[k].size_bytes);
      }
    };
    add(e.inputs, e.model->inputs, e.model->num_inputs);
    add(e.outputs, e.model->outputs, e.model->num_outputs);
  }
  // The five format fixtures, then seven one-in one-out published layouts and fc.
  EXPECT_EQ(ranges.size(), 2u + 2 + 1 + 1 + 1 + 1 + 3 + 1 + 1 + 1 + 7 * 2 + 2);
  for (size_t a = 0; a < ranges.size(); ++a)
    for (size_t b = a + 1; b < ranges.size(); ++b)
      EXPECT_TRUE(ranges[a].second <= ranges[b].first || ranges[b].second <= ranges[a].first)
          << a << " " << b;
}

TEST(Table, ArenaHoldsEveryPoolRoundedTo16) {
  // copy7: sram 256 + stack 96 (TVM says 352 for both); legacy6: 40 + 32 slack = 72 -> 80;
  // basic5 and tarred: none; hdronly: scratch 64 + stack 16 (TVM says 80 for both).
  EXPECT_EQ(tvmcrt_agent_arena_size, 256u + 96 + 80 + 64 + 16);
  EXPECT_EQ(addr(tvmcrt_agent_arena) % 16, 0u);
}

TEST(Table, ModelRunsOnTableBuffers) {
  const tvmcrt_agent_model_t &e = tvmcrt_agent_models[2];  // basic5
  const uint8_t in[3] = {7, 8, 9};
  std::memcpy(e.inputs[0], in, sizeof in);
  ASSERT_EQ(e.model->entry(e.inputs, e.outputs, nullptr, nullptr), 0);
  int16_t out[3];
  std::memcpy(out, e.outputs[0], sizeof out);
  EXPECT_EQ(out[0], 14);
  EXPECT_EQ(out[2], 18);
}

}  // namespace
