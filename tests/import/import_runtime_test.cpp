// SPDX-License-Identifier: Apache-2.0
// Generated descriptors driven by the real runtime: TVMExecute() binds pools and devices by the
// names the importer wrote, so a wrong name, kind or size in a descriptor fails here.
#include <gtest/gtest.h>

#include <cstring>

#include "tvmcrt/tvmcrt.h"
#include "tvmcrt_model_copy7.h"
#include "tvmcrt_model_hdronly.h"

extern "C" void *copy7_seen_device;
extern "C" int copy7_use_stack;  // makes the copy7 fixture allocate its 96 stack bytes

namespace {

// The hdronly fixture with both its pools given and its buffers in place.
class Hdronly : public ::testing::Test {
 protected:
  void SetUp() override {
    TVMContextInit(&ctx);
    const TVMWorkspace list[] = {{"scratch", scratch, sizeof scratch}, {"workspace", ws, sizeof ws}};
    const TVMWorkspaces wss = {list, 2};
    ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0) << TVMGetLastError();
    in.input_1 = in_buf;
    out.Identity = out_buf;
  }
  int32_t run() { return TVMExecute(&tvmcrt_model_hdronly, &in, &out, &ctx); }

  alignas(16) static inline uint8_t scratch[TVMCRT_HDRONLY_POOL_SCRATCH_SIZE];
  alignas(16) static inline uint8_t ws[TVMCRT_HDRONLY_WORKSPACE_SIZE];
  alignas(32) float in_buf[8] = {1.0f, -2.0f, 3.5f, 0.25f};
  alignas(32) int32_t out_buf[4] = {};
  TVMContext ctx;
  struct tvmcrt_hdronly_inputs in;
  struct tvmcrt_hdronly_outputs out;
};

TEST_F(Hdronly, RunsWithItsPoolsByName) {
  ASSERT_EQ(run(), 0) << TVMGetLastError();
  EXPECT_EQ(0, std::memcmp(out_buf, in_buf, sizeof out_buf));
  EXPECT_EQ(scratch[0], 0xA5);
}

// The generated adapter checks the buffers itself (entry_checks_buffers): after a good run, when
// TVMExecute() leaves the checks to it, a NULL or misaligned buffer is still refused before the model
// runs, with the runtime's code and a text naming the tensor.
TEST_F(Hdronly, GeneratedAdapterRefusesABadBufferBeforeTheModelRuns) {
  ASSERT_EQ(run(), 0) << TVMGetLastError();
  scratch[0] = 0;  // the model marks it on every run

  out.Identity = nullptr;
  EXPECT_EQ(run(), kTVMCrtErrMissingOutput);
  EXPECT_EQ(std::string(TVMGetLastError()), "model 'hdronly': output 'Identity' (#0, 16 bytes) is NULL");
  out.Identity = out_buf;
  in.input_1 = in_buf + 1;  // 4 bytes off a 32-byte boundary
  EXPECT_EQ(run(), kTVMCrtErrMisalignedTensor);
  EXPECT_NE(std::string(TVMGetLastError()).find("input 'input_1' at 0x"), std::string::npos) << TVMGetLastError();
  EXPECT_NE(std::string(TVMGetLastError()).find("not aligned to 32 bytes"), std::string::npos) << TVMGetLastError();
  EXPECT_EQ(scratch[0], 0);

  in.input_1 = in_buf;
  ASSERT_EQ(run(), 0) << TVMGetLastError();
  EXPECT_EQ(scratch[0], 0xA5);
}

TEST(Runtime, PoolSizeFromDescriptorIsEnforced) {
  alignas(16) static uint8_t scratch[TVMCRT_HDRONLY_POOL_SCRATCH_SIZE - 1];
  alignas(16) static uint8_t ws[TVMCRT_HDRONLY_WORKSPACE_SIZE];
  alignas(32) float in_buf[4] = {};
  alignas(32) int32_t out_buf[4] = {};
  TVMContext ctx;
  TVMContextInit(&ctx);
  const TVMWorkspace list[] = {{"scratch", scratch, sizeof scratch}, {"workspace", ws, sizeof ws}};
  const TVMWorkspaces wss = {list, 2};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0) << TVMGetLastError();
  struct tvmcrt_hdronly_inputs in;
  in.input_1 = in_buf;
  struct tvmcrt_hdronly_outputs out;
  out.Identity = out_buf;
  EXPECT_EQ(TVMExecute(&tvmcrt_model_hdronly, &in, &out, &ctx), kTVMCrtErrWorkspaceTooSmall);
  EXPECT_NE(std::string(TVMGetLastError()).find("'scratch' is 63 bytes; the model needs 64"),
            std::string::npos)
      << TVMGetLastError();
}

TEST(Runtime, Copy7DeviceAndReturnCodePassThrough) {
  alignas(16) static uint8_t sram[TVMCRT_COPY7_POOL_SRAM_SIZE];
  alignas(16) static uint8_t ws[TVMCRT_COPY7_WORKSPACE_SIZE];
  int8_t x[4] = {9, 8, 7, 6}, out_a[4] = {};
  float y[2] = {0.5f, 1.5f}, out_b[2] = {};
  int token = 0;
  TVMContext ctx;
  TVMContextInit(&ctx);
  const TVMWorkspace list[] = {{"workspace", ws, sizeof ws}, {"sram", sram, sizeof sram}};
  const TVMWorkspaces wss = {list, 2};
  ASSERT_EQ(TVMSetWorkspaces(&ctx, &wss), 0) << TVMGetLastError();
  const TVMDeviceHandle handles[] = {{"accel", &token}};
  const TVMDevices devs = {handles, 1};
  ASSERT_EQ(TVMSetDevices(&ctx, &devs), 0) << TVMGetLastError();
  struct tvmcrt_copy7_inputs in;
  in.x = x;
  in.y_0 = y;
  struct tvmcrt_copy7_outputs out;
  out.out_a = out_a;
  out.out_b = out_b;
  copy7_seen_device = nullptr;
  copy7_use_stack = 1;
  // The fixture returns 7, which the runtime reports as a model failure.
  EXPECT_EQ(TVMExecute(&tvmcrt_model_copy7, &in, &out, &ctx), kTVMCrtErrModelFailed);
  EXPECT_EQ(copy7_seen_device, &token);
  const int8_t want_a[4] = {10, 10, 10, 10};  // x + the constant pool's {1, 2, 3, 4}
  EXPECT_EQ(0, std::memcmp(out_a, want_a, sizeof want_a));
  EXPECT_EQ(sram[0], 0x5A);
  EXPECT_EQ(TVMContextPeakWorkspace(&ctx), 96u);  // exactly the generated stack pool
  copy7_use_stack = 0;
}

}  // namespace
