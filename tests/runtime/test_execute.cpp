// SPDX-License-Identifier: Apache-2.0
// TVMExecute(): argument checks, model failures and their text, abort, re-entry.
#include <gtest/gtest.h>

#include <csetjmp>
#include <cstring>
#include <string>

#include "host_text.hpp"
#include "toy_models.h"
#include "tvm/runtime/c_backend_api.h"
#include "tvmcrt/tvmcrt.h"

namespace {

std::jmp_buf abort_jump;
int32_t abort_code;

}  // namespace

extern "C" void TVMCrtPortAbort(int32_t error_code) {
  abort_code = error_code;
  std::longjmp(abort_jump, 1);
}

namespace {

// TVMGetLastError(); and for every error a test provokes, tvmcrt-host's sentence from the numbers
// the agent would send must be the same.
std::string last_error() {
  const std::string text = TVMGetLastError();
  EXPECT_EQ(host_text(*TVMCrtLastErrorText()), text) << "tvmcrt-host would say otherwise";
  return text;
}

class ToyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    toy_behaviour = TOY_OK;
    toy_runs = 0;
    TVMContextInit(&ctx);
    std::memset(ws, 0x5a, sizeof ws);
    TVMWorkspace list[] = {{"workspace", ws + 16, 64}};
    TVMWorkspaces wss = {list, 1};
    ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0) << last_error();
  }

  int32_t run() { return TVMExecute(&toy_model, &in, &out, &ctx); }

  // 16 guard bytes either side of the 64-byte workspace: nothing may touch them.
  bool guards_intact() const {
    for (int i = 0; i < 16; i++) {
      if (ws[i] != 0x5a || ws[16 + 64 + i] != 0x5a) return false;
    }
    return true;
  }

  TVMContext ctx;
  alignas(16) uint8_t ws[16 + 64 + 16];
  alignas(16) int8_t x[4] = {1, 2, 3, -128};
  alignas(16) int8_t y[4] = {0, 0, 0, 0};
  toy_inputs in{x};
  toy_outputs out{y};
};

TEST_F(ToyTest, RunsAndComputes) {
  ASSERT_EQ(run(), 0) << last_error();
  EXPECT_EQ(y[0], 2);
  EXPECT_EQ(y[3], -127);
  EXPECT_EQ(TVMContextPeakWorkspace(&ctx), 16u);  // 4 bytes rounded up to 16
  EXPECT_TRUE(guards_intact());
}

TEST_F(ToyTest, NullArgumentsHaveTheirOwnCodes) {
  EXPECT_EQ(TVMExecute(nullptr, &in, &out, &ctx), kTVMCrtErrNullModel);
  EXPECT_EQ(TVMExecute(&toy_model, &in, &out, nullptr), kTVMCrtErrNullContext);
  EXPECT_EQ(last_error(), "TVMExecute: context for model 'toy' is NULL");
  EXPECT_EQ(TVMExecute(&toy_model, nullptr, &out, &ctx), kTVMCrtErrNullInputs);
  EXPECT_EQ(TVMExecute(&toy_model, &in, nullptr, &ctx), kTVMCrtErrNullOutputs);
  EXPECT_EQ(toy_runs, 0);
}

TEST_F(ToyTest, MissingInputNamesModelTensorAndSize) {
  in.x = nullptr;
  EXPECT_EQ(run(), kTVMCrtErrMissingInput);
  EXPECT_EQ(last_error(), "model 'toy': input 'x' (#0, 4 bytes) is NULL");
  in.x = x;
  out.y = nullptr;
  EXPECT_EQ(run(), kTVMCrtErrMissingOutput);
  EXPECT_EQ(last_error(), "model 'toy': output 'y' (#0, 4 bytes) is NULL");
  EXPECT_EQ(toy_runs, 0);
}

TEST_F(ToyTest, MisalignedTensorIsRefused) {
  alignas(16) int8_t buf[8] = {};
  in.x = buf + 1;
  EXPECT_EQ(run(), kTVMCrtErrMisalignedTensor);
  EXPECT_NE(last_error().find("input 'x'"), std::string::npos) << last_error();
  EXPECT_NE(last_error().find("not aligned to 4 bytes"), std::string::npos) << last_error();
}

// After a good run the model is bound and TVMExecute() takes its fast path: a descriptor written by
// hand (entry_checks_buffers 0) still gets every buffer checked, with the same codes and texts.
TEST_F(ToyTest, BadBufferAfterAGoodRunIsNamedTheSameWay) {
  ASSERT_EQ(run(), 0) << last_error();
  in.x = nullptr;
  EXPECT_EQ(run(), kTVMCrtErrMissingInput);
  EXPECT_EQ(last_error(), "model 'toy': input 'x' (#0, 4 bytes) is NULL");
  in.x = x;
  alignas(16) int8_t buf[8] = {};
  out.y = buf + 2;
  EXPECT_EQ(run(), kTVMCrtErrMisalignedTensor);
  EXPECT_NE(last_error().find("output 'y' at 0x"), std::string::npos) << last_error();
  EXPECT_EQ(toy_runs, 1);  // neither bad call ran the model
  out.y = y;
  EXPECT_EQ(run(), 0) << last_error();
  EXPECT_EQ(toy_runs, 2);
}

TEST_F(ToyTest, WorkspaceMissingOrTooSmall) {
  TVMContextInit(&ctx);
  EXPECT_EQ(run(), kTVMCrtErrWorkspaceMissing);
  EXPECT_EQ(last_error(), "model 'toy' needs workspace 'workspace' of 64 bytes; none was given (TVMSetWorkspaces)");
  TVMWorkspace small[] = {{"workspace", ws + 16, 63}};
  TVMWorkspaces wss = {small, 1};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0);
  EXPECT_EQ(run(), kTVMCrtErrWorkspaceTooSmall);
  EXPECT_EQ(last_error(), "model 'toy': workspace 'workspace' is 63 bytes; the model needs 64");
  EXPECT_EQ(toy_runs, 0);
}

TEST_F(ToyTest, NewWorkspacesAreCheckedAgainAfterASuccessfulRun) {
  ASSERT_EQ(run(), 0);
  TVMWorkspace misaligned[] = {{"workspace", ws + 17, 64}};
  TVMWorkspaces wss = {misaligned, 1};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0);
  EXPECT_EQ(run(), kTVMCrtErrWorkspaceMisaligned);
  EXPECT_NE(last_error().find("not aligned to 16 bytes"), std::string::npos) << last_error();
}

TEST_F(ToyTest, ExhaustedWorkspaceFailsCleanlyAndWritesNothingOutside) {
  toy_behaviour = TOY_ALLOC_TOO_MUCH;
  EXPECT_EQ(run(), kTVMCrtErrWorkspaceExhausted);
  EXPECT_EQ(last_error(),
            "model 'toy' asked for 1000 bytes of scratch memory but workspace 'workspace' has 48 of 64 "
            "bytes left (give it a larger workspace)");
  EXPECT_TRUE(guards_intact());
  toy_behaviour = TOY_OK;
  EXPECT_EQ(run(), 0) << "the context recovers after a failed run";
}

TEST_F(ToyTest, OutOfOrderFreeIsDetected) {
  toy_behaviour = TOY_FREE_OUT_OF_ORDER;
  EXPECT_EQ(run(), kTVMCrtErrWorkspaceBadFree);
  EXPECT_NE(last_error().find("freed a scratch block out of order"), std::string::npos) << last_error();
}

TEST_F(ToyTest, LeakedBlockIsReported) {
  toy_behaviour = TOY_LEAK;
  EXPECT_EQ(run(), kTVMCrtErrWorkspaceLeak);
  EXPECT_EQ(last_error(), "model 'toy' returned with 1 scratch blocks not freed");
}

TEST_F(ToyTest, ModelFailureCarriesTheModelsText) {
  toy_behaviour = TOY_FAIL_WITH_TEXT;
  EXPECT_EQ(run(), kTVMCrtErrModelFailed);
  EXPECT_EQ(last_error(), "model 'toy' failed (returned -1): conv2d: kernel 3x3 does not fit input 2x2");
  toy_behaviour = TOY_FAIL_BARE;
  EXPECT_EQ(run(), kTVMCrtErrModelFailed);
  EXPECT_EQ(last_error(), "model 'toy' failed (returned 7, 0x7)");
}

TEST_F(ToyTest, AbortRecordsTheReasonAndCallsThePortHook) {
  toy_behaviour = TOY_ABORT;
  if (setjmp(abort_jump) == 0) {
    (void)run();
    FAIL() << "TVMPlatformAbort returned";
  }
  EXPECT_EQ(abort_code, 0x500);
  EXPECT_EQ(last_error(), "TVMPlatformAbort(0x500) while running model 'toy'");
}

TEST_F(ToyTest, ReentryOnTheSameContextIsRefused) {
  toy_behaviour = TOY_REENTER;
  toy_reenter_context = &ctx;
  EXPECT_EQ(run(), 0);
  EXPECT_EQ(toy_reenter_result, kTVMCrtErrReentrant);
  EXPECT_EQ(toy_runs, 1);
}

TEST_F(ToyTest, ParallelLaunchRunsOnOneCore) {
  toy_behaviour = TOY_PARALLEL;
  ASSERT_EQ(run(), 0) << last_error();
  EXPECT_EQ(y[0], 2);
}

TEST(Backend, AllocOutsideExecuteFailsWithText) {
  EXPECT_EQ(TVMBackendAllocWorkspace(1, 0, 16, 0, 8), nullptr);
  EXPECT_EQ(last_error(), "TVMBackendAllocWorkspace called outside TVMExecute()");
  EXPECT_NE(TVMBackendFreeWorkspace(1, 0, nullptr), 0);
}

TEST(DType, SizesAndNames) {
  EXPECT_EQ(TVMDTypeSize(kTVMDTypeInt8), 1u);
  EXPECT_EQ(TVMDTypeSize(kTVMDTypeFloat32), 4u);
  EXPECT_EQ(TVMDTypeSize(kTVMDTypeFloat64), 8u);
  EXPECT_EQ(TVMDTypeSize(static_cast<TVMDType>(99)), 0u);
  EXPECT_STREQ(TVMDTypeName(kTVMDTypeUInt16), "uint16");
  EXPECT_STREQ(TVMDTypeName(static_cast<TVMDType>(99)), "unknown");
  EXPECT_EQ(TVMModelFindPool(&pools_model, "sram"), &pools_model.pools[0]);
  EXPECT_EQ(TVMModelFindPool(&pools_model, "nope"), nullptr);
}

}  // namespace
