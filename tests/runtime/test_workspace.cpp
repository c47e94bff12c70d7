// SPDX-License-Identifier: Apache-2.0
// TVMSetWorkspaces()/TVMSetDevices() checks, and external pools and devices reaching the model.
#include <gtest/gtest.h>

#include <string>

#include "host_text.hpp"
#include "toy_models.h"
#include "tvmcrt/tvmcrt.h"

namespace {

// TVMGetLastError(); and for every error a test provokes, tvmcrt-host's sentence from the numbers
// the agent would send must be the same.
std::string last_error() {
  const std::string text = TVMGetLastError();
  EXPECT_EQ(host_text(*TVMCrtLastErrorText()), text) << "tvmcrt-host would say otherwise";
  return text;
}

TEST(SetWorkspaces, RefusesBadLists) {
  TVMContext ctx;
  TVMContextInit(&ctx);
  alignas(16) static uint8_t mem[64];
  EXPECT_EQ(TVMSetWorkspaces(nullptr, nullptr), kTVMCrtErrNullContext);
  EXPECT_EQ(TVMSetWorkspaces(&ctx, nullptr), kTVMCrtErrNullWorkspaces);

  TVMWorkspace null_data[] = {{"workspace", nullptr, 64}};
  TVMWorkspaces a = {null_data, 1};
  EXPECT_EQ(TVMSetWorkspaces(&ctx, &a), kTVMCrtErrWorkspaceNullData);
  EXPECT_EQ(last_error(), "TVMSetWorkspaces: workspace #0 ('workspace') has a NULL data pointer");

  TVMWorkspace twice[] = {{"sram", mem, 32}, {"sram", mem + 32, 32}};
  TVMWorkspaces b = {twice, 2};
  EXPECT_EQ(TVMSetWorkspaces(&ctx, &b), kTVMCrtErrWorkspaceDuplicate);
  EXPECT_EQ(last_error(), "TVMSetWorkspaces: workspace 'sram' is given twice (#0 and #1)");

  TVMWorkspace many[TVMCRT_MAX_WORKSPACES + 1];
  for (auto &w : many) w = {"w", mem, 1};
  TVMWorkspaces c = {many, TVMCRT_MAX_WORKSPACES + 1};
  EXPECT_EQ(TVMSetWorkspaces(&ctx, &c), kTVMCrtErrTooManyWorkspaces);
  EXPECT_NE(last_error().find("TVMCRT_MAX_WORKSPACES"), std::string::npos);
}

class PoolsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TVMContextInit(&ctx);
    TVMWorkspace list[] = {{"workspace", stack, sizeof stack}, {"sram", sram, sizeof sram}};
    TVMWorkspaces wss = {list, 2};
    ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0);
    TVMDeviceHandle devs[] = {{"npu", &npu_handle}};
    TVMDevices d = {devs, 1};
    ASSERT_EQ(TVMSetDevices(&ctx, &d), 0);
  }
  int32_t run() { return TVMExecute(&pools_model, &in, &out, &ctx); }

  TVMContext ctx;
  alignas(16) uint8_t stack[32];
  alignas(16) uint8_t sram[32];
  int npu_handle = 0;
  float a[2] = {1.5f, -2.0f};
  int8_t b[2] = {3, 4};
  float sum[2] = {};
  int8_t copy[2] = {};
  pools_inputs in{a, b};
  pools_outputs out{sum, copy};
};

TEST_F(PoolsTest, ExternalPoolAndDeviceReachTheModel) {
  ASSERT_EQ(run(), 0) << last_error();
  EXPECT_EQ(pools_seen_sram, sram);
  EXPECT_EQ(pools_seen_npu, &npu_handle);
  EXPECT_FLOAT_EQ(sum[0], 4.5f);
  EXPECT_FLOAT_EQ(sum[1], 2.0f);
  EXPECT_EQ(copy[1], 4);
  EXPECT_EQ(TVMContextPeakWorkspace(&ctx), 32u);
}

TEST_F(PoolsTest, MissingDeviceIsNamed) {
  TVMDevices none = {nullptr, 0};
  ASSERT_EQ(TVMSetDevices(&ctx, &none), 0);
  EXPECT_EQ(run(), kTVMCrtErrMissingDevice);
  EXPECT_EQ(last_error(), "model 'pools' needs device 'npu'; none was given (TVMSetDevices)");
}

TEST_F(PoolsTest, MissingExternalPoolIsNamedWithItsSize) {
  TVMWorkspace only_stack[] = {{"workspace", stack, sizeof stack}};
  TVMWorkspaces wss = {only_stack, 1};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0);
  EXPECT_EQ(run(), kTVMCrtErrWorkspaceMissing);
  EXPECT_EQ(last_error(), "model 'pools' needs workspace 'sram' of 32 bytes; none was given (TVMSetWorkspaces)");
}

TEST_F(PoolsTest, TwoModelsShareOneContext) {
  ASSERT_EQ(run(), 0);
  alignas(16) uint8_t toy_ws[64];
  TVMWorkspace list[] = {{"workspace", toy_ws, sizeof toy_ws}, {"sram", sram, sizeof sram}};
  TVMWorkspaces wss = {list, 2};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0);
  int8_t x[4] = {1, 1, 1, 1}, y[4] = {};
  toy_inputs tin{x};
  toy_outputs tout{y};
  toy_behaviour = TOY_OK;
  ASSERT_EQ(TVMExecute(&toy_model, &tin, &tout, &ctx), 0) << last_error();
  EXPECT_EQ(y[2], 2);
  EXPECT_EQ(run(), 0) << last_error();  // back to the first model: bound again by name
}

}  // namespace
